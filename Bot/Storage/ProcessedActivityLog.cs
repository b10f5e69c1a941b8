using Azure;
using Azure.Data.Tables;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Remembers which activity ids were handled, so a redelivery (connector retry after a timeout)
/// is not processed twice. Claiming is an insert: the store, not this process, decides who was first,
/// which holds across several bot instances.
/// </summary>
public sealed class ProcessedActivityLog(SupervisionTables tables, TimeProvider time)
{
    /// <returns>True when this call is the first to claim the activity.</returns>
    public async Task<bool> TryClaimAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Escape(conversationId), TableKeys.Escape(activityId))
        {
            ["ClaimedAt"] = time.GetUtcNow(),
        };
        try
        {
            await tables.ProcessedActivities.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
