namespace SupervisionBot.Bot.Auth;

/// <summary>
/// Where inbound tokens are checked and outbound tokens come from (configuration section "BotAuth").
/// The defaults are the public-cloud values; every URL is overridable so tests can point at a local server.
/// </summary>
public sealed class BotAuthOptions
{
    public const string SectionName = "BotAuth";

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";

    /// <summary><c>{tenant}</c> is replaced by the tenant named in the token's issuer.</summary>
    public string EntraMetadataUrlTemplate { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Entra issuer shapes (v1 and v2 tokens); <c>{tenant}</c> is replaced by each tenant in
    /// <see cref="EntraIssuerTenants"/> and by the bot's own MicrosoftAppTenantId.
    /// </summary>
    public List<string> EntraIssuerTemplates { get; set; } = [];

    /// <summary>Tenants whose Entra tokens Azure Bot Service uses (botframework.com, its second tenant, Copilot).</summary>
    public List<string> EntraIssuerTenants { get; set; } = [];

    /// <summary>
    /// When not empty, the only calling apps (<c>appid</c> of v1, <c>azp</c> of v2 tokens) whose Entra-issued
    /// tokens are accepted. Bot Framework channel tokens name no caller and are not affected.
    /// </summary>
    public List<string> AllowedCallers { get; set; } = [];

    /// <summary>Tenants besides MicrosoftAppTenantId whose activities the bot serves.</summary>
    public List<string> AllowedTenantIds { get; set; } = [];

    /// <summary>
    /// Wait after a failed metadata or key download before the next try, doubled after each further failure
    /// up to <see cref="UnknownKeyRefreshMinInterval"/>: an issuer that is down is not asked again per request.
    /// </summary>
    public TimeSpan MetadataFailureBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// An unknown <c>kid</c> triggers a key refresh only if the keys are older than this, so a flood of
    /// forged tokens cannot turn into a flood of metadata requests.
    /// </summary>
    public TimeSpan UnknownKeyRefreshMinInterval { get; set; } = TimeSpan.FromMinutes(5);

    public string TokenAuthority { get; set; } = "https://login.microsoftonline.com";

    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Outbound tokens are renewed this long before they expire.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    internal static readonly string[] DefaultEntraIssuerTemplates =
    [
        "https://sts.windows.net/{tenant}/",
        "https://login.microsoftonline.com/{tenant}/v2.0",
    ];

    internal static readonly string[] DefaultEntraIssuerTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];
}
