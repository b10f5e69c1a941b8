namespace SupervisionBot.Bot.Outbox;

/// <summary>
/// When this instance's next message may go: turns spaced evenly at the share's rate. A turn nobody
/// took is not made up later: Teams counts every second on its own, so sending faster afterwards
/// would only earn a 429. After idle the rate climbs from half to full over
/// <see cref="SlowStartFor"/>: the first sends of a burst wait on new connections and a token, and
/// would otherwise reach Teams bunched into one second. Not thread-safe: <see cref="SharedRateLimiter"/>
/// calls it under its lock.
/// </summary>
public sealed class SendTurns
{
    /// <summary>No turn taken for this long counts as idle: the next one starts slowly again.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan SlowStartFor = TimeSpan.FromSeconds(2);
    public const double SlowStartFrom = 0.5;

    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private DateTimeOffset _startedAt = DateTimeOffset.MinValue;

    /// <summary>Takes the next turn at or after <paramref name="earliest"/>; <paramref name="shareAt"/> gives the share (messages a second) at a moment.</summary>
    public DateTimeOffset Take(DateTimeOffset earliest, Func<DateTimeOffset, double> shareAt)
    {
        if (_last == DateTimeOffset.MinValue || earliest - _last > IdleAfter)
        {
            _startedAt = earliest;
        }
        var turn = _next > earliest ? _next : earliest;
        // Rounded up to a whole tick: rounded down, a rate of 30 would fit 31 turns into some second.
        _next = turn + TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / (shareAt(turn) * SlowStart(turn))));
        _last = turn;
        return turn;
    }

    private double SlowStart(DateTimeOffset at)
    {
        var ramp = (at - _startedAt) / SlowStartFor;
        return ramp >= 1 ? 1 : SlowStartFrom + ((1 - SlowStartFrom) * Math.Max(0, ramp));
    }
}
