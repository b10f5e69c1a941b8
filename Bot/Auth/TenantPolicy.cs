using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Auth;

/// <summary>
/// The bot serves one organisation: its own tenant (MicrosoftAppTenantId) and any listed in
/// BotAuth:AllowedTenantIds. A valid channel token says only that Teams delivered the activity, not from
/// whose organisation, so an app installed elsewhere must not reach the forms or the stored answers.
/// </summary>
public sealed class TenantPolicy
{
    private readonly HashSet<string> _allowed;

    public TenantPolicy(IOptions<BotCredentials> credentials, IOptions<BotAuthOptions> options)
    {
        _allowed = new HashSet<string>(options.Value.AllowedTenantIds.Where(t => !string.IsNullOrWhiteSpace(t)), StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(credentials.Value.MicrosoftAppTenantId))
        {
            _allowed.Add(credentials.Value.MicrosoftAppTenantId);
        }
    }

    /// <summary>Local mode with no tenant configured serves whoever is on this machine.</summary>
    public bool IsRestricted => _allowed.Count > 0;

    /// <param name="tenantIds">Every tenant the activity names (conversation.tenantId, channelData.tenant.id); nulls are skipped.</param>
    /// <returns>Null when allowed, else the reason for the log.</returns>
    public string? Refusal(params string?[] tenantIds)
    {
        if (!IsRestricted)
        {
            return null;
        }

        var named = tenantIds.Where(t => !string.IsNullOrEmpty(t)).ToArray();
        if (named.Length == 0)
        {
            return "activity names no tenant";
        }

        // Both places must agree, or a forged channelData could pass the check while the other id is stored.
        var other = named.FirstOrDefault(t => !_allowed.Contains(t!));
        return other is null ? null : $"tenant '{Untrusted.Shorten(other)}' is not served by this bot";
    }
}
