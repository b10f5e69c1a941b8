using System.Diagnostics;

namespace SupervisionBot.Bench;

/// <summary>One turn failed in a way that must fail the run (the bot said no, or the store did).</summary>
internal sealed class TurnFailedException(string message) : Exception(message);

/// <summary>Latencies of one phase and how long it took from first send to last answer.</summary>
internal sealed record Measurement(int Turns, int Errors, IReadOnlyList<string> FirstErrors, TimeSpan Elapsed, double[] SortedMs)
{
    public double TurnsPerSecond => (Turns - Errors) / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p) =>
        SortedMs.Length == 0 ? double.NaN : SortedMs[Math.Clamp((int)Math.Ceiling(p / 100 * SortedMs.Length) - 1, 0, SortedMs.Length - 1)];

    public double Max => SortedMs.Length == 0 ? double.NaN : SortedMs[^1];

    /// <summary>Rounds of one side as if they were one run: times add up, latencies pool.</summary>
    public static Measurement Combine(IReadOnlyList<Measurement> rounds)
    {
        var latencies = rounds.SelectMany(r => r.SortedMs).ToArray();
        Array.Sort(latencies);
        return new Measurement(
            rounds.Sum(r => r.Turns),
            rounds.Sum(r => r.Errors),
            rounds.SelectMany(r => r.FirstErrors).Take(5).ToList(),
            TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)),
            latencies);
    }
}

/// <summary>
/// N workers, one per conversation, each sending its turns one after another (a user waits for the
/// answer before typing again): the concurrency is exactly N, whatever the server's speed.
/// </summary>
internal static class ClosedLoop
{
    private const int KeptErrors = 5;

    /// <param name="turn">Runs turn <c>index</c> (0-based, per worker) of worker <c>worker</c>.</param>
    public static async Task<Measurement> RunAsync(int workers, int turns, Func<int, int, CancellationToken, Task> turn, CancellationToken cancellationToken)
    {
        var latencies = new double[turns];
        var errors = 0;
        var firstErrors = new List<string>();
        var total = Stopwatch.StartNew();

        async Task WorkerAsync(int worker)
        {
            // Worker w owns turns w, w + N, w + 2N, …: the same share for everyone and a disjoint slot each.
            for (int slot = worker, index = 0; slot < turns; slot += workers, index++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await turn(worker, index, cancellationToken);
                }
                catch (Exception ex) when (ex is TurnFailedException or HttpRequestException or Azure.RequestFailedException
                                               || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    Interlocked.Increment(ref errors);
                    lock (firstErrors)
                    {
                        if (firstErrors.Count < KeptErrors)
                        {
                            firstErrors.Add($"{ex.GetType().Name}: {ex.Message}");
                        }
                    }
                }
                latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkerAsync(w), cancellationToken)));
        var elapsed = total.Elapsed;
        Array.Sort(latencies);
        return new Measurement(turns, errors, firstErrors, elapsed, latencies);
    }
}
