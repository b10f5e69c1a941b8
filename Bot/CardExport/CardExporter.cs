using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Help;

namespace SupervisionBot.Bot.CardExport;

/// <summary>A card with the file name (without .json) it is exported under.</summary>
public sealed record ExportedCard(string Name, AdaptiveCard Card);

/// <summary>
/// Every card the bot can send, with made-up answers, so they can be checked with the official
/// renderer and looked at without Teams: <c>dotnet run --project Bot -- export-cards &lt;folder&gt;</c>.
/// </summary>
public sealed class CardExporter(FormCatalogue catalogue, IPickerChoices pickers)
{
    public const string Command = "export-cards";

    /// <summary>A fixed time, so exports are the same every run: 24 พ.ย. 2569 เวลา 10:15 น. in Bangkok.</summary>
    public static readonly DateTimeOffset SampleSubmittedUtc = new(2026, 11, 24, 3, 15, 0, TimeSpan.Zero);

    private static readonly Language[] Languages = [Language.Thai, Language.English];

    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args is not [var folder])
        {
            await error.WriteLineAsync($"usage: dotnet run --project Bot -- {Command} <folder>");
            return 2;
        }

        // The directory of schools and teachers is not wired yet, so the bot asks for typed names, and so does the export.
        var exporter = new CardExporter(FormCatalogue.LoadBuiltIn(), new LearningAreaPickerChoices());
        var count = await exporter.ExportAsync(folder, CancellationToken.None);
        await output.WriteLineAsync($"Exported {count} cards to {Path.GetFullPath(folder)}");
        return 0;
    }

    /// <summary>Writes every card as &lt;name&gt;.json (UTF-8 without a BOM, which JSON readers reject) and returns how many.</summary>
    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var cards = await CardsAsync(cancellationToken);
        foreach (var card in cards)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, card.Name + ".json"), CardJson.Serialize(card.Card), cancellationToken);
        }

        return cards.Count;
    }

    public async Task<IReadOnlyList<ExportedCard>> CardsAsync(CancellationToken cancellationToken)
    {
        var presenter = new FormCardPresenter(pickers);
        var validator = new FormValidator(pickers);
        var cards = new List<ExportedCard>();
        foreach (var language in Languages)
        {
            var lang = Code(language);
            cards.Add(new($"welcome.{lang}", HelpGuide.Card(language)));
            cards.Add(new($"error.{lang}", ErrorCard.Build("SB-7K2M9Q", language)));
            cards.Add(new($"menu.{lang}", FormCardPresenter.MenuCard(catalogue.Forms, language)));
            foreach (var form in catalogue.Forms)
            {
                cards.AddRange(await FormCardsAsync(form, presenter, validator, language, cancellationToken));
            }
        }

        return cards;
    }

    private async Task<List<ExportedCard>> FormCardsAsync(
        FormDefinition form, FormCardPresenter presenter, FormValidator validator, Language language, CancellationToken cancellationToken)
    {
        var lang = Code(language);
        var actionData = new JsonObject { ["formId"] = form.Id, ["stateVersion"] = 1 };
        var sample = await SampleAnswers.ValidAsync(form, pickers, language, cancellationToken);
        var pages = FormPages.Of(form, sample);
        var cards = new List<ExportedCard>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var (first, last) = (i == 0, pages.IsLast(i));
            var name = string.Create(CultureInfo.InvariantCulture, $"{form.Id}.{i + 1:00}");

            // As the user first sees the page: earlier pages answered, this one not yet.
            var arriving = page.Items
                .SelectMany(item => new[] { item.Id, FormAnswers.EvidenceKey(item.Id) })
                .Aggregate(sample, (answers, key) => answers.With(key, null));
            cards.Add(new($"{name}.empty.{lang}",
                await presenter.PageCardAsync(form, page, arriving, [], language, actionData, first, last, cancellationToken)));
            cards.Add(new($"{name}.filled.{lang}",
                await presenter.PageCardAsync(form, page, sample, [], language, actionData, first, last, cancellationToken)));

            var checkedBad = await validator.ValidateItemsAsync(page.Items, SampleAnswers.Bad(page.Items), arriving, language, cancellationToken);
            cards.Add(new($"{name}.error.{lang}",
                await presenter.PageCardAsync(form, page, checkedBad.Answers, checkedBad.Errors, language, actionData, first, last, cancellationToken)));
        }

        cards.Add(new($"{form.Id}.review.{lang}", FormCardPresenter.ReviewCard(form, sample, language, actionData)));
        var response = new FormResponse(form.Id, form.Version, "SB1-2569-000042", sample, SampleSubmittedUtc, Respondent: null);
        cards.Add(new($"{form.Id}.receipt.{lang}", FormCardPresenter.ReceiptCard(form, response, language)));
        return cards;
    }

    private static string Code(Language language) => language == Language.Thai ? "th" : "en";
}
