using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Graph;
using SupervisionBot.Dialogs.Conversations;

namespace SupervisionBot.Bot.People;

/// <summary>
/// Asks Teams whether a user is a guest: the connector's member lookup in the user's personal chat
/// (<c>userRole: "guest"</c>), else Microsoft Graph's <c>userType</c> when Graph is configured. The Graph
/// client is built only then: without Graph, no turn pays for loading it.
/// </summary>
public sealed class TeamsGuestLookup(
    IConversationReferenceStore conversations,
    ConnectorClient connector,
    Func<OfficeGraph> graph,
    IOptions<GraphOptions> graphOptions,
    ILogger<TeamsGuestLookup> logger) : IGuestLookup
{
    public const string GuestRole = "guest";

    public async Task<bool?> IsGuestAsync(Participant user, CancellationToken cancellationToken)
    {
        if (user.AadObjectId is not { } aad)
        {
            return null;
        }
        if (await conversations.GetPersonalChatAsync(aad, cancellationToken) is { } chat)
        {
            var member = await connector.GetMemberAsync(chat.ServiceUrl, chat.ConversationId, user.Id, cancellationToken);
            if (member is { IsSuccess: true, Value: { } found })
            {
                return string.Equals(found.UserRole, GuestRole, StringComparison.OrdinalIgnoreCase);
            }
        }
        if (!graphOptions.Value.IsConfigured)
        {
            return null;
        }
        try
        {
            return (await graph().UserAsync(aad, cancellationToken))?.IsGuest;
        }
        catch (Exception ex) when (ex is GraphRefusedException or GraphFailedException or HttpRequestException)
        {
            logger.LogWarning("Graph could not say whether a user is a guest: {Message}", ex.Message);
            return null;
        }
    }
}
