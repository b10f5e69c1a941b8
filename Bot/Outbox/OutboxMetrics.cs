using System.Diagnostics.Metrics;
using SupervisionBot.Dialogs.Outbox;

namespace SupervisionBot.Bot.Outbox;

/// <summary>
/// The outbox's instruments (Meter "SupervisionBot.Outbox"), for OpenTelemetry and dotnet-counters,
/// and running totals for the once-a-minute log line and /healthz.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "SupervisionBot.Outbox";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private long _sentTotal;
    private long _throttledTotal;
    private long _failedTotal;
    private long _queueDepth = -1;
    private double _sendRate;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("outbox.messages.sent", "{message}", "Messages the connector accepted");
        _throttled = meter.CreateCounter<long>("outbox.throttled", "{response}", "429 answers from the connector");
        _failed = meter.CreateCounter<long>("outbox.messages.failed", "{message}", "Messages given up on, by reason");
        _retried = meter.CreateCounter<long>("outbox.retries", "{attempt}", "Sends to try again after a timeout or 5xx");
        meter.CreateObservableGauge("outbox.queue.depth", () => Math.Max(0, Interlocked.Read(ref _queueDepth)), "{message}", "Messages in the queue (approximate)");
        meter.CreateObservableGauge("outbox.send.rate", () => Volatile.Read(ref _sendRate), "{message}/s", "Messages sent per second over the last report interval");
    }

    /// <summary>-1 until first read.</summary>
    public long QueueDepth
    {
        get => Interlocked.Read(ref _queueDepth);
        set => Interlocked.Exchange(ref _queueDepth, value);
    }

    public double SendRate
    {
        get => Volatile.Read(ref _sendRate);
        set => Volatile.Write(ref _sendRate, value);
    }

    public OutboxTotals Totals => new(Interlocked.Read(ref _sentTotal), Interlocked.Read(ref _throttledTotal), Interlocked.Read(ref _failedTotal));

    public void Sent(OutboxMessageKind kind)
    {
        Interlocked.Increment(ref _sentTotal);
        _sent.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
    }

    public void Throttled()
    {
        Interlocked.Increment(ref _throttledTotal);
        _throttled.Add(1);
    }

    public void Failed(OutboxFailure failure)
    {
        Interlocked.Increment(ref _failedTotal);
        _failed.Add(1, new KeyValuePair<string, object?>("reason", failure.ToString()));
    }

    public void Retried() => _retried.Add(1);
}

/// <summary>Counts since this instance started.</summary>
public readonly record struct OutboxTotals(long Sent, long Throttled, long Failed)
{
    public static OutboxTotals operator -(OutboxTotals a, OutboxTotals b) => new(a.Sent - b.Sent, a.Throttled - b.Throttled, a.Failed - b.Failed);
}
