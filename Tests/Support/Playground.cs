using System.Globalization;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupervisionBot.Tests.Support;

/// <summary>
/// The real Microsoft 365 Agents Playground, started by the suite against a bot endpoint, driven
/// through its HTTP API, with what the bot posts read from its conversation WebSocket.
/// </summary>
public sealed class Playground : IAsyncDisposable
{
    public const string PersonalChat = "personal-chat-id";
    public const string GroupChat = "group-chat-id";
    public const string Team = "team-id";
    public const string CurrentUser = "user-id-0";
    public const string BotId = "00000000-0000-0000-0000-00000000000011";
    public const string BotName = "SupervisionBot";

    private readonly ChildProcess _process;
    private readonly HttpClient _http;
    private ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly BlockingCollection<JsonObject> _events = new();
    private readonly List<JsonObject> _seen = [];
    private readonly string _workDir;
    private long _sequence;
    private Task _reader = Task.CompletedTask;

    private Playground(ChildProcess process, int port, string workDir)
    {
        _process = process;
        Port = port;
        _workDir = workDir;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The serviceUrl the Playground gives the bot (it names itself localhost, not 127.0.0.1).</summary>
    public string ConnectorUrl => $"http://localhost:{Port}/_connector";

    /// <summary>Console output plus the end of its devTools log, which records every activity and the bot's answers.</summary>
    public string Log => _process.Tail + "\n--- devTools log (end) ---\n" + DevToolsLogTail(20_000);

    /// <summary>More to print when a wait times out (the fixture adds the bot's own log).</summary>
    public Func<string>? Diagnostics { get; set; }

    /// <summary>The sequence number of the last bot message read so far; pass it to later waits to see only newer ones.</summary>
    public long LastSequence
    {
        get
        {
            Drain();
            return Interlocked.Read(ref _sequence);
        }
    }

    /// <param name="configPath">Another Teams context than the repository's .m365agentsplayground.yml, e.g. other people.</param>
    public static async Task<Playground> StartAsync(string botEndpoint, string? configPath = null)
    {
        var port = Ports.Free();
        var workDir = Directory.CreateTempSubdirectory("playground-").FullName;
        var process = SuiteProcess.Start(RepoPaths.NodeBin("agentsplayground"),
            ["-e", botEndpoint, "-c", "msteams", "-p", port.ToString(CultureInfo.InvariantCulture), "--dt"],
            workDir,
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath ?? Path.Combine(RepoPaths.Root, ".m365agentsplayground.yml"),
            });
        await Ports.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(120), () => process.Tail);
        var playground = new Playground(process, port, workDir);
        await playground.ConnectAsync();
        return playground;
    }

    private async Task ConnectAsync()
    {
        // The port accepts connections a moment before the WebSocket route does (seen as a failed
        // upgrade when two Playgrounds start together), so connecting is retried for a bounded time.
        var uri = new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                await _socket.ConnectAsync(uri, _stop.Token);
                break;
            }
            catch (WebSocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                _socket.Dispose();
                _socket = new ClientWebSocket();
                await Task.Delay(200);
            }
            catch (WebSocketException ex)
            {
                throw new InvalidOperationException($"Could not connect to the Playground's WebSocket {uri}: {ex.Message}\n{Log}", ex);
            }
        }
        _reader = Task.Run(ReadEventsAsync);
    }

    private async Task ReadEventsAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var text = Encoding.UTF8.GetString(message.ToArray());
                message.SetLength(0);
                if (JsonNode.Parse(text) is JsonObject obj)
                {
                    _events.Add(obj);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    /// <summary>
    /// Waits for the next bot message event matching the predicate; earlier non-matching events stay available.
    /// Each message carries the event's action as <c>_action</c>, its conversation (<c>actionConversationId</c>,
    /// a channel thread's id) as <c>_conversationId</c> and its arrival order as <c>_seq</c>.
    /// </summary>
    public JsonObject WaitForBotMessage(Func<JsonObject, bool> predicate, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        lock (_seen)
        {
            var earlier = _seen.FirstOrDefault(predicate);
            if (earlier is not null)
            {
                _seen.Remove(earlier);
                return earlier;
            }
        }
        while (DateTime.UtcNow < deadline)
        {
            if (!_events.TryTake(out var evt, TimeSpan.FromMilliseconds(200)))
            {
                continue;
            }
            if (Annotate(evt) is not { } message)
            {
                continue;
            }
            if (predicate(message))
            {
                return message;
            }
            lock (_seen)
            {
                _seen.Add(message);
            }
        }
        throw new TimeoutException($"No bot message {what} arrived within {timeout ?? TimeSpan.FromSeconds(20)}. {Describe()}");
    }

    /// <summary>Bot messages read so far (and not taken by a wait) that arrived after <paramref name="sinceSequence"/>.</summary>
    public IReadOnlyList<JsonObject> SeenSince(long sinceSequence)
    {
        Drain();
        lock (_seen)
        {
            return _seen.Where(m => (long)m["_seq"]! > sinceSequence).ToList();
        }
    }

    /// <summary>Everything useful for a failure message: unclaimed events, the Playground's log and the extra diagnostics.</summary>
    public string Describe()
    {
        string seen;
        lock (_seen)
        {
            seen = string.Join("\n", _seen.Select(s => s.ToJsonString()));
        }
        return $"Seen and not claimed:\n{seen}\n--- Playground log ---\n{Log}\n{Diagnostics?.Invoke()}";
    }

    /// <summary>Moves events already received into the seen list, so checks for "nothing arrived" see them.</summary>
    private void Drain()
    {
        while (_events.TryTake(out var evt))
        {
            if (Annotate(evt) is { } message)
            {
                lock (_seen)
                {
                    _seen.Add(message);
                }
            }
        }
    }

    private JsonObject? Annotate(JsonObject evt)
    {
        if (evt["message"] is not JsonObject message)
        {
            return null;
        }
        message["_action"] = evt["action"]?.GetValue<string>();
        message["_conversationId"] = evt["actionConversationId"]?.GetValue<string>();
        message["_seq"] = Interlocked.Increment(ref _sequence);
        return message;
    }

    private string DevToolsLogTail(int maxChars)
    {
        try
        {
            var path = Path.Combine(_workDir, "devTools", "m365agentsplayground.log");
            if (!File.Exists(path))
            {
                return "(none)";
            }
            // The Playground keeps writing the file; share it so the read does not fail.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            return text.Length <= maxChars ? text : "…" + text[^maxChars..];
        }
        catch (IOException ex)
        {
            return "(unreadable: " + ex.Message + ")";
        }
    }

    /// <summary>The mentions array of a channel post that @mentions the bot, as the Playground's web page sends it.</summary>
    /// <param name="botId">The bot's id in this Playground's context, when it is not the repository's.</param>
    public static JsonArray BotMention(string botId = BotId) =>
    [
        new JsonObject
        {
            ["mentioned"] = new JsonObject { ["id"] = botId, ["name"] = BotName },
            ["text"] = $"<at>{BotName}</at>",
        },
    ];

    public Task<JsonObject> ConfigAsync() => GetJsonAsync("_internal/v1/config");

    public async Task InstallAsync(string conversationId)
    {
        using var response = await _http.PostAsync($"_debug/conversation/{conversationId}/installation", null);
        await EnsureAsync(response);
    }

    /// <summary>Posts as a user; returns the Playground's answer: <c>messageId</c>, and <c>postConversationId</c> for a new channel thread.</summary>
    public async Task<JsonObject> SendTextAsync(string conversationId, string text, string from = CurrentUser, JsonArray? mentions = null)
    {
        var body = new JsonObject
        {
            ["type"] = "text",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = from },
            ["mentions"] = mentions ?? [],
        };
        using var response = await _http.PostAsJsonAsync($"_conversation/v1/conversations/{conversationId}/messages", body);
        await EnsureAsync(response);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject) ?? [];
    }

    /// <summary>Forwards a raw activity to the bot as is (the Playground adds nothing to it).</summary>
    public async Task SendCustomActivityAsync(JsonObject activity)
    {
        using var response = await _http.PostAsJsonAsync("_internal/v1/customActivities", activity);
        await EnsureAsync(response);
    }

    public async Task SubmitAsync(string conversationId, string replyToId, JsonObject value, string from = CurrentUser)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = from },
            ["replyToId"] = replyToId,
            ["value"] = value,
        };
        using var response = await _http.PostAsJsonAsync("_conversation/v1/submit", body);
        await EnsureAsync(response);
    }

    public async Task<JsonObject> ExecuteAsync(string conversationId, string replyToId, string verb, JsonObject data, string from = CurrentUser)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = from },
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        };
        using var response = await _http.PostAsJsonAsync("_conversation/v1/invoke", body);
        await EnsureAsync(response);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject) ?? [];
    }

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        await EnsureAsync(response);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject) ?? [];
    }

    private async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Playground answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Describe()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }
        _socket.Dispose();
        _http.Dispose();
        _process.Dispose();
    }
}
