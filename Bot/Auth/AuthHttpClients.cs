namespace SupervisionBot.Bot.Auth;

/// <summary>Names of the IHttpClientFactory clients authentication uses, so hosts and tests can tune them.</summary>
public static class AuthHttpClients
{
    public const string Metadata = "BotAuth.Metadata";
    public const string Token = "BotAuth.Token";
}
