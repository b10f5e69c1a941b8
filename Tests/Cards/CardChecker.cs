using SupervisionBot.Cards.Model;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Cards;

/// <summary>Runs scripts/cards/check-cards.js (official schema + official renderer) over cards.</summary>
internal static class CardChecker
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Writes the cards as name.json into a fresh folder and checks the folder.</summary>
    public static Result Check(IReadOnlyDictionary<string, string> cardJsonByName)
    {
        var dir = Directory.CreateTempSubdirectory("cards-check-");
        try
        {
            foreach (var (name, json) in cardJsonByName)
            {
                File.WriteAllText(Path.Combine(dir.FullName, name + ".json"), json);
            }

            return CheckFolder(dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static Result Check(IReadOnlyDictionary<string, AdaptiveCard> cards) =>
        Check(cards.ToDictionary(pair => pair.Key, pair => CardJson.Serialize(pair.Value)));

    /// <summary>Checks every *.json under <paramref name="path"/>, e.g. the output of export-cards.</summary>
    public static Result CheckFolder(string path)
    {
        var run = NodeScript.Run(Path.Combine("scripts", "cards", "check-cards.js"), [path], TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["SUPERVISIONBOT_CARD_SCHEMA"] = CardTestPaths.CardSchema() });
        return new Result(run.ExitCode, run.Output);
    }
}
