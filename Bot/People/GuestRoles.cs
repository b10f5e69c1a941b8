using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.People;

/// <summary>Guest settings of the "Roles" section.</summary>
public sealed class GuestOptions
{
    /// <summary>
    /// Roles a Teams guest (an account from outside the office's tenant) holds when the directory
    /// does not list them. Null or empty: none, so guests see no forms.
    /// </summary>
    public List<RespondentRole>? Guests { get; set; }

    /// <summary>How long the answer "guest or member" is remembered per user.</summary>
    public int GuestCacheMinutes { get; set; } = 60;

    /// <summary>
    /// Whether to ask Teams (or Graph) about people the directory does not list. Turn off only for a
    /// tenant with guest access disabled: every unlisted user then gets the default roles unasked.
    /// </summary>
    public bool CheckGuests { get; set; } = true;
}

/// <summary>Whether a user is a guest in the office's tenant; null when nothing could tell.</summary>
public interface IGuestLookup
{
    Task<bool?> IsGuestAsync(Participant user, CancellationToken cancellationToken);
}

/// <summary>
/// In front of the configured roles, behind the directory (so only for users the directory does not
/// list, and not for those configuration lists by AAD object id): a guest gets <see cref="GuestOptions.Guests"/>,
/// a member the configured default. The answer is remembered per user for <see cref="GuestOptions.GuestCacheMinutes"/>.
/// When nothing can tell (no chat to ask about, Graph off or failing) the user gets the guest roles
/// for this turn and is asked about again next turn: a guest must never get a member's forms by an outage.
/// </summary>
public sealed class GuestRoles(
    IRoleDirectory members,
    IGuestLookup lookup,
    IOptionsMonitor<GuestOptions> options,
    IOptionsMonitor<RoleOptions> roles,
    TimeProvider time,
    ILogger<GuestRoles> logger) : IRoleDirectory
{
    private const int RememberedLimit = 20_000;

    private readonly ConcurrentDictionary<string, (bool Guest, DateTimeOffset Until)> _known = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlySet<RespondentRole>> GetRolesAsync(Participant user, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.CheckGuests || user.AadObjectId is not { } aad || roles.CurrentValue.Users.ContainsKey(aad))
        {
            return await members.GetRolesAsync(user, cancellationToken);
        }
        var now = time.GetUtcNow();
        bool guest;
        if (_known.TryGetValue(aad, out var known) && known.Until > now)
        {
            guest = known.Guest;
        }
        else if (await lookup.IsGuestAsync(user, cancellationToken) is { } answer)
        {
            if (_known.Count >= RememberedLimit)
            {
                _known.Clear();
            }
            _known[aad] = (answer, now + TimeSpan.FromMinutes(Math.Max(0, settings.GuestCacheMinutes)));
            guest = answer;
        }
        else
        {
            logger.LogWarning("Could not tell whether a user the directory does not list is a guest; giving them the guest roles for this turn");
            guest = true;
        }
        return guest ? (settings.Guests ?? []).ToHashSet() : await members.GetRolesAsync(user, cancellationToken);
    }
}
