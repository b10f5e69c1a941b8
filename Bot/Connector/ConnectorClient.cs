using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Protocol;

namespace SupervisionBot.Bot.Connector;

/// <summary>
/// The Bot Connector REST API (v3) at an activity's serviceUrl: send, reply, update, create
/// conversation, members and channels. Transient failures are retried here so callers only see
/// outcomes that mean something to them.
/// </summary>
public sealed class ConnectorClient(
    HttpClient http,
    IConnectorTokenProvider tokens,
    IOptions<ConnectorOptions> options,
    ServiceUrlPolicy serviceUrls,
    IRetryDelay delay,
    ILogger<ConnectorClient> logger)
{
    private readonly ConnectorOptions _options = options.Value;

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, ProtocolJson.Wire.Activity, ProtocolJson.Wire.ResourceResponse, ct);

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        activity.ReplyToId ??= activityId;
        return SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, ProtocolJson.Wire.Activity, ProtocolJson.Wire.ResourceResponse, ct);
    }

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, ProtocolJson.Wire.Activity, ProtocolJson.Wire.ResourceResponse, ct);

    /// <summary>Personal 1:1 (members = the user) or a new channel thread (channelData.channel + activity).</summary>
    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, ProtocolJson.Wire.ConversationParameters, ProtocolJson.Wire.ConversationResourceResponse, ct);

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken ct)
    {
        // The service clamps page sizes to 50..500; asking within range keeps paging predictable.
        var query = $"?pageSize={Math.Clamp(pageSize, 50, 500)}";
        if (!string.IsNullOrEmpty(continuationToken))
        {
            query += "&continuationToken=" + Uri.EscapeDataString(continuationToken);
        }
        return SendAsync<object, PagedMembersResult>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/pagedmembers{query}", null, null, ProtocolJson.Wire.PagedMembersResult, ct);
    }

    /// <summary>One member of a conversation; Teams says in <c>userRole</c> whether they are a guest.</summary>
    public Task<ConnectorResult<TeamsMember>> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken ct) =>
        SendAsync<object, TeamsMember>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}", null, null, ProtocolJson.Wire.TeamsMember, ct);

    public Task<ConnectorResult<ConversationList>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken ct) =>
        SendAsync<object, ConversationList>(HttpMethod.Get, serviceUrl, $"v3/teams/{Escape(teamId)}/conversations", null, null, ProtocolJson.Wire.ConversationList, ct);

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private async Task<ConnectorResult<TResponse>> SendAsync<TBody, TResponse>(
        HttpMethod method, string serviceUrl, string relative, TBody? body,
        JsonTypeInfo<TBody>? bodyType, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        // Checked on every call, not only when the activity arrived: a reference stored before the allow-list
        // changed, or one a caller built, must not carry the token anywhere else either.
        if (serviceUrls.Check(serviceUrl) is not ServiceUrlVerdict.Allowed and var verdict)
        {
            logger.LogWarning("Connector {Method} {Path} not sent: serviceUrl {ServiceUrl} is {Verdict}",
                method, relative.Split('?')[0], Untrusted.Shorten(serviceUrl), verdict);
            return new ConnectorResult<TResponse>(ConnectorOutcome.Failed, default, 0, "serviceUrlNotAllowed");
        }

        var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), relative);
        var payload = body is null || bodyType is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        var maxAttempts = Math.Max(1, _options.MaxAttempts);

        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            var token = await tokens.GetTokenAsync(ct);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            if (payload is not null)
            {
                request.Content = new ByteArrayContent(payload);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            // HttpClient's own timeout surfaces as a cancellation of a token nobody here cancelled: a slow
            // attempt, worth another try like a dropped connection. The turn's deadline is ct and ends it all.
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
            {
                if (attempt < maxAttempts)
                {
                    await delay.WaitAsync(Backoff(attempt), ct);
                    continue;
                }
                logger.LogWarning(ex, "Connector {Method} {Path} failed after {Attempts} attempts", method, relative, attempt);
                return new ConnectorResult<TResponse>(ConnectorOutcome.Failed, default, 0, "transport");
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return new ConnectorResult<TResponse>(ConnectorOutcome.Success, await ReadBodyAsync(response, responseType, ct), status, null);
                }

                var error = await ReadErrorCodeAsync(response, ct);
                LogFailure(response, method, relative, attempt, error);

                if (status == (int)HttpStatusCode.Forbidden && string.Equals(error, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase))
                {
                    return new ConnectorResult<TResponse>(ConnectorOutcome.Blocked, default, status, error);
                }
                if (status == (int)HttpStatusCode.NotFound)
                {
                    return new ConnectorResult<TResponse>(ConnectorOutcome.NotFound, default, status, error);
                }
                if (!IsTransient(status))
                {
                    return new ConnectorResult<TResponse>(ConnectorOutcome.Failed, default, status, error);
                }

                var retryAfter = RetryAfter(response);
                var throttled = status == 429;
                if (attempt >= maxAttempts || retryAfter > _options.MaxRetryAfter)
                {
                    return new ConnectorResult<TResponse>(throttled ? ConnectorOutcome.Throttled : ConnectorOutcome.Failed, default, status, error, retryAfter);
                }
                await delay.WaitAsync(retryAfter ?? Backoff(attempt), ct);
            }
        }
    }

    private static bool IsTransient(int status) => status is 429 or 412 or 502 or 503 or 504;

    private TimeSpan Backoff(int attempt)
    {
        // Full jitter: spreads retries of many senders hitting the same throttle.
        var ceiling = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - delay.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static async Task<TResponse?> ReadBodyAsync<TResponse>(HttpResponseMessage response, JsonTypeInfo<TResponse> type, CancellationToken ct)
    {
        // The connector answers 202 with no body when Teams splits a message; that is still a success.
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (bytes.Length == 0)
        {
            return default;
        }
        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // Teams has put this reason in error.code, in a subCode and in the message text; any of them counts.
        if (text.Contains("MessageWritesBlocked", StringComparison.OrdinalIgnoreCase))
        {
            return "MessageWritesBlocked";
        }
        try
        {
            return JsonSerializer.Deserialize(text, ProtocolJson.Wire.ErrorResponse)?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void LogFailure(HttpResponseMessage response, HttpMethod method, string relative, int attempt, string? error)
    {
        var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? string.Join(',', ids)
            : response.Headers.TryGetValues("MS-CV", out var cv) ? string.Join(',', cv) : null;
        logger.LogWarning("Connector {Method} {Path} answered {Status} {Error} on attempt {Attempt} (correlation {Correlation})",
            method, relative.Split('?')[0], (int)response.StatusCode, error, attempt, correlation);
    }
}
