using Azure.Core;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Graph;
using WireMock.Server;

namespace SupervisionBot.Tests.Graph;

/// <summary>A WireMock server standing in for Microsoft Graph, and the bot's Graph client pointed at it.</summary>
public sealed class FakeGraph : IDisposable
{
    public const string Token = "graph-token";
    public const string TeamsAppId = "catalog-app-1";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string BaseUrl => Server.Url + "/v1.0";

    public GraphOptions Options(int maxRetries = 3) => new()
    {
        BaseUrl = BaseUrl,
        TeamsAppId = TeamsAppId,
        MaxRetries = maxRetries,
        // No backoff of our own, so a wait that happens is the Retry-After the fake asked for.
        RetryDelaySeconds = 0,
    };

    public OfficeGraph Client(int maxRetries = 3)
    {
        var options = Options(maxRetries);
        return new OfficeGraph(GraphServices.CreateClient(new StaticToken(), options), Microsoft.Extensions.Options.Options.Create(options));
    }

    public void Dispose() => Server.Stop();

    public sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
