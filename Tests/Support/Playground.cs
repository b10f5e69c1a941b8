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

    private readonly ChildProcess _process;
    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly BlockingCollection<JsonObject> _events = new();
    private readonly List<JsonObject> _seen = [];
    private Task _reader = Task.CompletedTask;

    private Playground(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public string Log => _process.Output;

    public static async Task<Playground> StartAsync(string botEndpoint)
    {
        var port = Ports.Free();
        var workDir = Directory.CreateTempSubdirectory("playground-").FullName;
        var process = new ChildProcess(RepoPaths.NodeBin("agentsplayground"),
            ["-e", botEndpoint, "-c", "msteams", "-p", port.ToString(), "--dt"],
            workDir,
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.Combine(RepoPaths.Root, ".m365agentsplayground.yml"),
            });
        await Ports.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30), () => process.Output);
        var playground = new Playground(process, port);
        await playground.ConnectAsync();
        return playground;
    }

    private async Task ConnectAsync()
    {
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), _stop.Token);
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

    /// <summary>Waits for the next bot message event matching the predicate; earlier non-matching events stay available.</summary>
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
            if (evt["message"] is not JsonObject message)
            {
                continue;
            }
            message["_action"] = evt["action"]?.GetValue<string>();
            if (predicate(message))
            {
                return message;
            }
            lock (_seen)
            {
                _seen.Add(message);
            }
        }
        throw new TimeoutException($"No bot message {what} arrived. Seen: {string.Join("\n", _seen.Select(s => s.ToJsonString()))}\nPlayground log:\n{Log}");
    }

    public Task<JsonObject> ConfigAsync() => GetJsonAsync("_internal/v1/config");

    public async Task InstallAsync(string conversationId)
    {
        using var response = await _http.PostAsync($"_debug/conversation/{conversationId}/installation", null);
        await EnsureAsync(response);
    }

    public async Task SendTextAsync(string conversationId, string text, string from = CurrentUser, JsonArray? mentions = null)
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
            throw new HttpRequestException($"Playground answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Log}");
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
