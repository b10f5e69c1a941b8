using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Outbox;

/// <summary>
/// Teams' per-conversation (thread) limits: a few messages a second, 8 in 2 s, 60 in 30 s and
/// 1,800 an hour. Only channel posts and replies ever come near them; a personal chat gets one
/// message per purpose. Shared among instances the same way as the tenant rate: each keeps to its share.
/// </summary>
public sealed class ConversationPace(IOptions<OutboxOptions> options, SharedRateLimiter rate, TimeProvider time)
{
    private const int SweepEvery = 5_000;
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    private readonly (int Count, TimeSpan Span)[] _windows =
    [
        (options.Value.ConversationRatePerSecond, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, Longest),
    ];

    private readonly Dictionary<string, List<DateTimeOffset>> _sends = new(StringComparer.Ordinal);
    private int _reservations;

    /// <summary>
    /// Books this instance's next send to the conversation if it can go within <paramref name="maxWait"/>;
    /// <paramref name="wait"/> says how long until it may go (booked or not).
    /// </summary>
    public bool TryReserve(string conversationId, TimeSpan maxWait, out TimeSpan wait)
    {
        var now = time.GetUtcNow();
        var instances = Math.Max(1, rate.LiveInstances);
        lock (_sends)
        {
            if (++_reservations % SweepEvery == 0)
            {
                Sweep(now);
            }
            if (!_sends.TryGetValue(conversationId, out var sends))
            {
                _sends[conversationId] = [now];
                wait = TimeSpan.Zero;
                return true;
            }
            sends.RemoveAll(t => t <= now - Longest);
            var at = sends.Count > 0 && sends[^1] > now ? sends[^1] : now;
            foreach (var (count, span) in _windows)
            {
                // The new send must come a whole window after the send `allowed` places before it.
                var allowed = Math.Max(1, count / instances);
                if (sends.Count >= allowed && sends[^allowed] + span > at)
                {
                    at = sends[^allowed] + span;
                }
            }
            wait = at - now;
            if (wait > maxWait)
            {
                return false;
            }
            sends.Add(at);
            return true;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, sends) in _sends.ToList())
        {
            if (sends.Count == 0 || sends[^1] <= now - Longest)
            {
                _sends.Remove(id);
            }
        }
    }
}
