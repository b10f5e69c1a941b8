using SupervisionBot.Bot.CardExport;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Tests.Cards;

namespace SupervisionBot.Tests.CardExport;

/// <summary>One export shared by the tests: it takes a few seconds and the node checker most of a minute.</summary>
public sealed class ExportedCardsFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("export-cards-").FullName;

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public IReadOnlyList<string> Files { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var output = new StringWriter();
        ExitCode = await CardExporter.RunAsync([Folder], output, TextWriter.Null);
        Output = output.ToString();
        Files = Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

public class CardExportTests(ExportedCardsFixture export) : IClassFixture<ExportedCardsFixture>
{
    private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();

    private IEnumerable<string> Names => export.Files.Select(Path.GetFileNameWithoutExtension)!;

    [Fact]
    public void Every_exported_card_passes_the_official_schema_and_renderer()
    {
        var result = CardChecker.CheckFolder(export.Folder);

        Assert.True(result.ExitCode == 0, $"check-cards.js exited {result.ExitCode}:\n{result.Output}");
        Assert.Contains($"\"checked\": {export.Files.Count},", result.Output);
    }

    [Fact]
    public void Every_exported_card_is_within_the_size_and_input_budgets()
    {
        Assert.All(export.Files, file =>
        {
            Assert.InRange(new FileInfo(file).Length, 1, CardLimits.MaxJsonBytes);
            Assert.InRange(CardTree.Inputs(CardJson.Deserialize(File.ReadAllText(file))).Count(), 0, CardLimits.MaxInputs);
        });
    }

    [Fact]
    public void The_command_reports_how_many_cards_it_wrote()
    {
        Assert.Equal(0, export.ExitCode);
        Assert.StartsWith($"Exported {export.Files.Count} cards to {export.Folder}", export.Output);
    }

    [Fact]
    public void Every_form_is_exported_in_every_state_and_both_languages()
    {
        foreach (var lang in new[] { "th", "en" })
        {
            Assert.Contains($"welcome.{lang}", Names);
            Assert.Contains($"error.{lang}", Names);
            Assert.Contains($"menu.{lang}", Names);
            foreach (var form in Catalogue.Forms)
            {
                Assert.Contains($"{form.Id}.review.{lang}", Names);
                Assert.Contains($"{form.Id}.receipt.{lang}", Names);
                var pages = Names.Where(name => name.StartsWith(form.Id + ".", StringComparison.Ordinal) && name.EndsWith($".filled.{lang}", StringComparison.Ordinal)).ToList();
                Assert.True(pages.Count >= form.Sections.Count, $"{form.Id} has {pages.Count} pages in {lang}.");
                Assert.All(pages, page =>
                {
                    Assert.Contains(page.Replace(".filled.", ".empty.", StringComparison.Ordinal), Names);
                    Assert.Contains(page.Replace(".filled.", ".error.", StringComparison.Ordinal), Names);
                });
            }
        }
    }

    [Fact]
    public void Every_error_page_shows_the_validators_messages()
    {
        var errorPages = export.Files.Where(file => file.Contains(".error.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(errorPages);
        Assert.All(errorPages, file =>
        {
            var strings = CardStrings.For(file.EndsWith(".th.json", StringComparison.Ordinal) ? Language.Thai : Language.English);
            var attention = CardTree.Elements(CardJson.Deserialize(File.ReadAllText(file))).OfType<TextBlock>().Where(block => block.Color == TextColor.Attention).ToList();
            // The summary above the fields is the bold one; each field's own message is not.
            var fieldErrors = attention.Count(block => block.Weight != TextWeight.Bolder);
            Assert.True(fieldErrors > 0, $"{file} shows no field error.");
            Assert.Equal(strings.ErrorSummary(fieldErrors), Assert.Single(attention, block => block.Weight == TextWeight.Bolder).Text);
        });
    }

    [Fact]
    public async Task The_command_without_a_folder_prints_its_usage()
    {
        var error = new StringWriter();

        Assert.Equal(2, await CardExporter.RunAsync([], TextWriter.Null, error));
        Assert.Contains("export-cards <folder>", error.ToString());
    }
}
