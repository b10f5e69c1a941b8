using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace SupervisionBot.Tests.Support;

/// <summary>
/// Counts the storage requests made in the current async flow, from the Azure SDK's own request
/// events, so what a piece of work costs in storage calls can be asserted without a seam in the code
/// under test. The SDK raises the event on the caller's flow, so work running at the same time in
/// other tests (or other benchmark tasks) is not counted.
/// </summary>
public sealed class StorageCalls : IDisposable
{
    private static readonly AsyncLocal<StorageCalls?> Current = new();
    private static readonly Listener Events = new();

    private readonly ConcurrentQueue<StorageCall> _calls = new();
    private readonly StorageCalls? _outer;

    private StorageCalls()
    {
        _outer = Current.Value;
        Current.Value = this;
    }

    /// <summary>Counts from here until disposed, in this async flow and the tasks it starts.</summary>
    public static StorageCalls Count()
    {
        GC.KeepAlive(Events);
        return new StorageCalls();
    }

    public IReadOnlyList<StorageCall> All => [.. _calls];

    /// <summary>Calls on the table whose name ends with <paramref name="table"/> (batches name no table and are counted apart).</summary>
    public IReadOnlyList<StorageCall> On(string table) => [.. _calls.Where(c => c.Table?.EndsWith(table, StringComparison.Ordinal) == true)];

    public IReadOnlyList<StorageCall> Batches => [.. _calls.Where(c => c.Kind == StorageCallKind.Batch)];

    public void Dispose() => Current.Value = _outer;

    private sealed class Listener : EventListener
    {
        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Azure-Core")
            {
                EnableEvents(eventSource, EventLevel.Informational);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName != "Request" || Current.Value is not { } counter || eventData.PayloadNames is not { } names)
            {
                return;
            }
            var method = (string)eventData.Payload![names.IndexOf("method")]!;
            var uri = new Uri((string)eventData.Payload[names.IndexOf("uri")]!);
            counter._calls.Enqueue(StorageCall.From(method, uri));
        }
    }
}

public enum StorageCallKind
{
    PointRead,
    Query,
    Write,
    Batch,
    Other,
}

/// <summary>One request to Table Storage, told apart by its method and address.</summary>
public sealed record StorageCall(StorageCallKind Kind, string Method, string? Table)
{
    public static StorageCall From(string method, Uri uri)
    {
        var last = Uri.UnescapeDataString(uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "");
        if (last == "$batch")
        {
            return new StorageCall(StorageCallKind.Batch, method, null);
        }
        var paren = last.IndexOf('(', StringComparison.Ordinal);
        var table = paren < 0 ? last : last[..paren];
        var keyed = last.Contains("PartitionKey=", StringComparison.Ordinal);
        var kind = (method, keyed) switch
        {
            ("GET", true) => StorageCallKind.PointRead,
            ("GET", false) => StorageCallKind.Query,
            ("PUT" or "MERGE" or "PATCH" or "DELETE" or "POST", _) => StorageCallKind.Write,
            _ => StorageCallKind.Other,
        };
        return new StorageCall(kind, method, table);
    }
}
