using SupervisionBot.Cards.Model;

namespace SupervisionBot.Tests.Cards;

public class CardCheckerTests
{
    [Fact]
    public void Every_builder_card_passes_the_official_schema_and_renderer()
    {
        var cards = SampleCards.All();
        var samplesDir = Environment.GetEnvironmentVariable("SUPERVISIONBOT_CARD_SAMPLES_DIR");
        if (!string.IsNullOrEmpty(samplesDir))
        {
            // Kept for scripts/cards/render-cards.js, to look at the cards.
            Directory.CreateDirectory(samplesDir);
            foreach (var (name, card) in cards)
            {
                File.WriteAllText(Path.Combine(samplesDir, name + ".json"), CardJson.Serialize(card));
            }
        }

        var result = CardChecker.Check(cards);

        Assert.True(result.ExitCode == 0, $"check-cards.js exited {result.ExitCode}:\n{result.Output}");
        Assert.Contains($"\"checked\": {cards.Count}", result.Output);
    }

    [Theory]
    [InlineData("input-without-id", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","label":"ชื่อ"}]}""", "PropertyCantBeNull")]
    [InlineData("unknown-element", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Chart.Donut","data":[]}]}""", "UnknownElementType")]
    [InlineData("duplicate-id", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","id":"a","text":"x"},{"type":"TextBlock","id":"a","text":"y"}]}""", "DuplicateId")]
    [InlineData("execute-without-verb", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"ถัดไป","verb":7}]}]}""", "must be string")]
    [InlineData("unknown-property", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""", "must NOT have additional properties")]
    [InlineData("bad-teams-width", """{"type":"AdaptiveCard","version":"1.5","msteams":{"width":"Wide"},"body":[]}""", "msteams/width")]
    public void The_checker_rejects_a_broken_card(string name, string json, string expectedReport)
    {
        var good = CardJson.Serialize(new AdaptiveCard { Body = [new TextBlock { Text = "ใช้ได้" }] });

        var result = CardChecker.Check(new Dictionary<string, string> { ["good"] = good, [name] = json });

        Assert.True(result.ExitCode == 1, $"expected exit 1, got {result.ExitCode}:\n{result.Output}");
        Assert.Contains("\"failed\": 1,", result.Output);
        Assert.Contains(expectedReport, result.Output);
    }
}
