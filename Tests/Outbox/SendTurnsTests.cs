using CsCheck;
using SupervisionBot.Bot.Outbox;

namespace SupervisionBot.Tests.Outbox;

/// <summary>The outbox's pacing within one instance's share: even, slow after idle, never over a second's share.</summary>
public sealed class SendTurnsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Turns_are_spaced_evenly_once_the_slow_start_is_over()
    {
        var turns = new SendTurns();
        var taken = Enumerable.Range(0, 200).Select(_ => turns.Take(Start, _ => 40)).ToList();

        var steady = taken.Where(t => t >= Start + SendTurns.SlowStartFor).Take(50).ToList();
        Assert.All(steady.Zip(steady.Skip(1)), pair => Assert.Equal(25, (pair.Second - pair.First).TotalMilliseconds, 3));
    }

    [Fact]
    public void The_first_second_after_idle_starts_at_half_the_rate_and_climbs()
    {
        var turns = new SendTurns();
        var first = Enumerable.Range(0, 200).Select(_ => turns.Take(Start, _ => 40)).ToList();
        var later = Start + TimeSpan.FromMinutes(1);
        var again = Enumerable.Range(0, 200).Select(_ => turns.Take(later, _ => 40)).ToList();

        foreach (var (taken, from) in new[] { (first, Start), (again, later) })
        {
            var inFirstSecond = taken.Count(t => t < from + TimeSpan.FromSeconds(1));
            Assert.InRange(inFirstSecond, 20, 30);
            Assert.Equal(40, taken.Count(t => t >= from + TimeSpan.FromSeconds(3) && t < from + TimeSpan.FromSeconds(4)));
        }
    }

    [Fact]
    public void No_second_ever_holds_more_than_a_seconds_share_and_no_turn_comes_early()
    {
        // Senders ask at random moments (stalls of up to 3 s, bursts of asks at once) at random shares.
        var asks = Gen.Select(Gen.Int[0, 3000], Gen.Int[1, 8]).Array[1, 400];
        Gen.Select(asks, Gen.Double[5, 50]).Sample((steps, rate) =>
        {
            var turns = new SendTurns();
            var now = Start;
            var taken = new List<DateTimeOffset>();
            foreach (var (gapMs, together) in steps)
            {
                now += TimeSpan.FromMilliseconds(gapMs);
                for (var i = 0; i < together; i++)
                {
                    var turn = turns.Take(now, _ => rate);
                    if (turn < now || (taken.Count > 0 && turn < taken[^1]))
                    {
                        return false;
                    }
                    taken.Add(turn);
                }
            }
            var perSecond = (int)Math.Ceiling(rate);
            for (int first = 0, last = 0; last < taken.Count; last++)
            {
                while (taken[last] - taken[first] >= TimeSpan.FromSeconds(1))
                {
                    first++;
                }
                if (last - first + 1 > perSecond)
                {
                    return false;
                }
            }
            return true;
        }, iter: 300);
    }
}
