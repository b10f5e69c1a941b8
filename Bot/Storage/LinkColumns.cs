using Azure.Data.Tables;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Bot.Storage;

/// <summary>A <see cref="FormLink"/> as two columns of a session or response row, absent when empty.</summary>
public static class LinkColumns
{
    public const string CampaignId = "CampaignId";
    public const string VisitId = "VisitId";

    public static void Write(TableEntity entity, FormLink link)
    {
        entity[CampaignId] = link.CampaignId;
        entity[VisitId] = link.VisitId;
    }

    public static FormLink Read(TableEntity entity) =>
        entity.GetString(CampaignId) is null && entity.GetString(VisitId) is null
            ? FormLink.None
            : new FormLink(entity.GetString(CampaignId), entity.GetString(VisitId));
}
