namespace SupervisionBot.Bot.Auth;

/// <summary>Which issuers may call the bot, and which metadata document holds each one's keys (§3.1, §3.2).</summary>
internal sealed class InboundIssuers
{
    private readonly BotAuthOptions _options;
    private readonly Dictionary<string, string> _entraTenantByIssuer;
    private readonly HashSet<string> _ownTenantIssuers;

    public InboundIssuers(BotAuthOptions options, string? ownTenantId)
    {
        _options = options;
        var templates = options.EntraIssuerTemplates.Count > 0 ? options.EntraIssuerTemplates : [.. BotAuthOptions.DefaultEntraIssuerTemplates];
        var tenants = options.EntraIssuerTenants.Count > 0 ? options.EntraIssuerTenants : [.. BotAuthOptions.DefaultEntraIssuerTenants];

        _entraTenantByIssuer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            foreach (var template in templates)
            {
                _entraTenantByIssuer[template.Replace("{tenant}", tenant, StringComparison.Ordinal)] = tenant;
            }
        }

        _ownTenantIssuers = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(ownTenantId))
        {
            foreach (var template in templates)
            {
                var issuer = template.Replace("{tenant}", ownTenantId, StringComparison.Ordinal);
                _entraTenantByIssuer[issuer] = ownTenantId;
                _ownTenantIssuers.Add(issuer);
            }
        }
    }

    public bool IsBotFramework(string issuer) => string.Equals(issuer, _options.BotFrameworkIssuer, StringComparison.Ordinal);

    /// <summary>Tokens from the bot's own tenant can be minted by any app there, so the caller must be the bot itself.</summary>
    public bool IsOwnTenant(string issuer) => _ownTenantIssuers.Contains(issuer);

    /// <returns>The metadata URL holding the issuer's keys, or null for an issuer we do not accept.</returns>
    public string? MetadataUrlFor(string issuer)
    {
        if (IsBotFramework(issuer))
        {
            return _options.OpenIdMetadataUrl;
        }

        return _entraTenantByIssuer.TryGetValue(issuer, out var tenant)
            ? _options.EntraMetadataUrlTemplate.Replace("{tenant}", tenant, StringComparison.Ordinal)
            : null;
    }
}
