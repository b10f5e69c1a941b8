using System.Diagnostics;
using System.Text.Json.Nodes;
using SupervisionBot.Tests.Support;
using Xunit.Abstractions;

namespace SupervisionBot.Tests.EndToEnd;

/// <summary>
/// The Playground's own web page in headless Chromium (scripts/e2e/playground-page.js, playwright-core and
/// the system Chromium): what a person testing the bot locally sees. Its own bot and Playground, so the
/// page's install events and messages cannot disturb the API-driven tests.
/// </summary>
public sealed class PlaygroundPageTests(PlaygroundFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromSeconds(75);

    [Fact]
    public async Task Help_typed_in_the_personal_chat_page_shows_the_welcome_card()
    {
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "playground-personal-chat-help.png");
        // A screenshot left by an earlier run must not pass for this one.
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        // The script stops itself after 45 s; the limit only guards against node itself hanging.
        var (exitCode, stdout, stderr) = await Task.Run(() => NodeScript.Run(
            Path.Combine("scripts", "e2e", "playground-page.js"),
            [fixture.Playground.Url, screenshot, "help", "Welcome to SupervisionBot"], ScriptLimit));

        output.WriteLine("Screenshot: " + screenshot);
        output.WriteLine(stdout);
        var details = $"exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}\n{fixture.Playground.Describe()}";
        var result = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(TryParse).LastOrDefault(r => r is not null);
        Assert.True(exitCode == 0 && result is not null && (bool?)result["ok"] == true, "The page test failed: " + details);
        Assert.Contains("Welcome to SupervisionBot", (string?)result["text"]);
        Assert.Contains("ช่วยเหลือ", (string?)result["text"]);
        // The fixture installed the personal chat before the page opened and the page sends the install
        // events again on load: a bot that greeted twice would show two cards here (the page shows only
        // messages that arrive while it is open).
        Assert.True((int?)result["cards"] == 1, "Expected only the answer to help on the page: " + details);
        Assert.True(File.Exists(screenshot) && new FileInfo(screenshot).Length > 10_000, "No screenshot at " + screenshot);
    }

    [Fact]
    public async Task A_teacher_fills_the_satisfaction_form_by_clicking_through_the_page()
    {
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "playground-satisfaction-receipt.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        // Our cards' own buttons, pressed in a real Adaptive Cards host: nothing here builds action data.
        var (exitCode, stdout, stderr) = await Task.Run(() => NodeScript.Run(
            Path.Combine("scripts", "e2e", "playground-form.js"),
            [fixture.Playground.Url, screenshot, "satisfaction", "Reference number"], TimeSpan.FromSeconds(120)));

        output.WriteLine("Screenshot: " + screenshot);
        var details = $"exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}\n{fixture.Playground.Describe()}";
        var result = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(TryParse).LastOrDefault(r => r is not null);
        Assert.True(exitCode == 0 && result is not null && (bool?)result["ok"] == true, "Filling the form in the page failed: " + details);
        Assert.Equal(5, (int?)result["pages"]);
        var reference = System.Text.RegularExpressions.Regex.Match((string?)result["text"] ?? "", "SAT-[0-9]{6}-[2-9A-Z]{6}").Value;
        Assert.NotEmpty(reference);

        // Anonymous: the response waits to be released with others, and only the sender's receipt holds the reference.
        var tables = new Azure.Data.Tables.TableServiceClient(fixture.StorageConnectionString);
        var stored = Assert.Single(tables.GetTableClient(fixture.TablePrefix + "PendingResponses").Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "supervision-satisfaction").ToList());
        var receipt = Assert.Single(tables.GetTableClient(fixture.TablePrefix + "Receipts").Query<Azure.Data.Tables.TableEntity>().ToList());
        Assert.Equal(reference, receipt.GetString("ReferenceNumber"));
        Assert.False(stored.ContainsKey("ReferenceNumber"), "An anonymous response must not carry the reference its sender holds.");
        Assert.Contains("ทดสอบผ่านหน้าเว็บ", stored.GetString("Answers0"));
        Assert.False(stored.ContainsKey("Respondent"), "An anonymous response must not name its respondent.");
        Assert.True(File.Exists(screenshot), "No screenshot at " + screenshot);
    }

    private static JsonObject? TryParse(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
