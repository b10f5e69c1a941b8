using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Cards;

/// <summary>Locates the repository and the shared card schema the card tests need.</summary>
internal static class CardTestPaths
{
    public static string RepoRoot => RepoPaths.Root;

    /// <summary>
    /// The official schema from $SUPERVISIONBOT_CARD_SCHEMA or a shared/schemas folder beside a parent
    /// of the repo. It is reference data that must not be copied into the repo.
    /// </summary>
    public static string CardSchema()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SUPERVISIONBOT_CARD_SCHEMA");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return File.Exists(fromEnv)
                ? fromEnv
                : throw new FileNotFoundException($"SUPERVISIONBOT_CARD_SCHEMA points at {fromEnv}, which does not exist.");
        }

        for (var dir = new DirectoryInfo(RepoRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "schemas", "adaptive-card-1.5.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"The Adaptive Cards 1.5 schema was not found in a shared/schemas folder above {RepoRoot}. "
            + "Set SUPERVISIONBOT_CARD_SCHEMA to its path.");
    }
}
