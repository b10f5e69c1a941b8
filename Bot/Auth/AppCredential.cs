using Azure.Core;
using Azure.Identity;

namespace SupervisionBot.Bot.Auth;

/// <summary>
/// The identity the bot uses for Azure resources (Table and Queue storage, Key Vault). In App Service
/// that is the user-assigned managed identity, named by its client id in <see cref="ClientIdKey"/> —
/// the app setting infra/ sets — because an app with only user-assigned identities has no default one.
/// </summary>
public static class AppCredential
{
    /// <summary>Also the variable Azure.Identity reads itself, so any DefaultAzureCredential agrees with us.</summary>
    public const string ClientIdKey = "AZURE_CLIENT_ID";

    public static TokenCredential Create(IConfiguration configuration) =>
        configuration[ClientIdKey] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            // A developer's machine pointed at a real account: az login, Visual Studio or environment variables.
            : new DefaultAzureCredential();
}
