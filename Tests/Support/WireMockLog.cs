using WireMock.Logging;
using WireMock.Server;

namespace SupervisionBot.Tests.Support;

/// <summary>
/// Reading what a WireMock server received. WireMock logs a request only after it has written the
/// response, so a caller holding its answer can look before the entry exists: wait for the entries
/// expected, then for the log to stop changing, so exact counts and "nothing was sent" both hold.
/// </summary>
public static class WireMockLog
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private const int QuietPolls = 3;

    /// <returns>The matching requests in the order they arrived.</returns>
    public static async Task<IReadOnlyList<ILogEntry>> LoggedAsync(this WireMockServer server, Func<ILogEntry, bool> match, int atLeast = 0)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (server.LogEntries.Count(match) < atLeast && DateTime.UtcNow < deadline)
        {
            await Task.Delay(Poll);
        }
        var seen = server.LogEntries.Count;
        for (var quiet = 0; quiet < QuietPolls && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(Poll);
            var now = server.LogEntries.Count;
            quiet = now == seen ? quiet + 1 : 0;
            seen = now;
        }
        return server.LogEntries.Where(match).OrderBy(e => e.RequestMessage.DateTime).ToList();
    }

    public static Task<IReadOnlyList<ILogEntry>> LoggedAsync(this WireMockServer server, int atLeast = 0) =>
        server.LoggedAsync(_ => true, atLeast);
}
