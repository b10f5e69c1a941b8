using SupervisionBot.Dialogs.Conversations;

namespace SupervisionBot.Dialogs.Export;

/// <summary>Offers a file in a personal chat: Teams asks the user to allow it and answers with where to upload.</summary>
public interface IFileOffers
{
    Task OfferAsync(ConversationReference chat, ExportRequest request, string description, CancellationToken cancellationToken);
}
