using System.IO.Compression;
using System.Text.Json.Nodes;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Ship;

/// <summary>Builds the Teams app package once, as the IT admin would, and unzips it for the tests.</summary>
public sealed class BuiltPackage : IDisposable
{
    public const string AppId = "6f1c2a9e-3b7d-4e8a-9c0f-2d5b7e1a4c3f";
    public const string HostName = "sesao1-supervision-bot.azurewebsites.net";

    public BuiltPackage()
    {
        var build = ManifestPackageTests.RunBuildScript(AppId, HostName);
        Assert.True(build.ExitCode == 0, build.Output);
        ZipPath = Path.Combine(RepoPaths.Root, "manifest", "build", "appPackage.zip");
        Directory = System.IO.Directory.CreateTempSubdirectory("apppackage").FullName;
        ZipFile.ExtractToDirectory(ZipPath, Directory);
    }

    public string ZipPath { get; }
    public string Directory { get; }

    public JsonNode Json(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file)))!;

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

public sealed class ManifestPackageTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    private static readonly TimeSpan NodeLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public void The_package_is_a_flat_zip_of_the_manifest_its_icons_and_both_languages()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png", "th.json"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public void The_manifest_and_its_localization_files_pass_the_newest_schemas_the_npm_package_ships()
    {
        var check = NodeScript.Run("scripts/manifest/check-package.js", [package.Directory], NodeLimit);

        Assert.True(check.ExitCode == 0, check.Output);
        var report = JsonNode.Parse(check.Stdout)!;
        Assert.Equal((string?)report["newest"], (string?)report["manifestVersion"]);
        Assert.Equal(["manifest.json", "th.json", "en.json"], report["checked"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public void The_schema_check_fails_a_package_with_a_mistake()
    {
        var broken = Directory.CreateTempSubdirectory("broken-package").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(package.Directory))
            {
                File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
            }
            var english = package.Json("en.json");
            english["description.short"] = new string('x', 81);
            File.WriteAllText(Path.Combine(broken, "en.json"), english.ToJsonString());

            var check = NodeScript.Run("scripts/manifest/check-package.js", [broken], NodeLimit);

            Assert.Equal(1, check.ExitCode);
            Assert.Contains("en.json", check.Stdout);
            Assert.Contains("description.short", check.Stdout);
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Fact]
    public void The_bot_id_graph_app_id_and_valid_domain_are_filled_in()
    {
        var manifest = package.Json("manifest.json");
        var bot = manifest["bots"]![0]!;

        Assert.Equal(BuiltPackage.AppId, (string?)manifest["id"]);
        Assert.Equal(BuiltPackage.AppId, (string?)bot["botId"]);
        Assert.Equal(BuiltPackage.AppId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal([BuiltPackage.HostName], manifest["validDomains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => (string)s!).Order());
        Assert.DoesNotContain("{{", manifest.ToJsonString());
    }

    [Fact]
    public void The_command_lists_are_the_bots_commands_in_thai_and_in_english()
    {
        var commands = package.Json("manifest.json")["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        var english = package.Json("en.json");

        // Teams shows at most 10 commands per list (the manifest schema's maxItems): the first ten of the help card.
        Assert.Equal(CommandCatalogue.MenuSize, commands.Count);
        for (var i = 0; i < commands.Count; i++)
        {
            AssertNames(CommandCatalogue.All[i].ThaiKeyword, (string)commands[i]!["title"]!);
            AssertNames(CommandCatalogue.All[i].EnglishKeyword, (string)english[$"bots[0].commandLists[0].commands[{i}].title"]!);
            // What Teams inserts must be understood by the bot in either language.
            Assert.Equal(CommandCatalogue.All[i].Kind, CommandCatalogue.Parse((string)commands[i]!["title"]!)?.Command.Kind);
        }
    }

    [Fact]
    public void Thai_is_the_default_language_and_every_thai_string_has_an_english_one()
    {
        var info = package.Json("manifest.json")["localizationInfo"]!;
        var thai = package.Json("th.json").AsObject().Select(p => p.Key).Where(k => k != "$schema");
        var english = package.Json("en.json").AsObject().Select(p => p.Key).Where(k => k != "$schema");

        Assert.Equal("th", (string?)info["defaultLanguageTag"]);
        Assert.Equal("en", (string?)info["additionalLanguages"]![0]!["languageTag"]);
        Assert.Equal(thai.Order(), english.Order());
        Assert.Equal((string?)package.Json("manifest.json")["name"]!["short"], (string?)package.Json("th.json")["name.short"]);
    }

    [Fact]
    public void The_color_icon_is_192_square_and_opaque()
    {
        var color = Png.Read(File.ReadAllBytes(Path.Combine(package.Directory, "color.png")));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.All(Enumerable.Range(0, color.Width * color.Height), i => Assert.Equal(255, color.Rgba[i * 4 + 3]));
        // A symbol, not a flat square: the accent background and the white clipboard are both there.
        Assert.Equal((0x1b, 0x6b, 0x5a, 255), Widen(color[2, 2]));
        Assert.Equal((255, 255, 255, 255), Widen(color[96, 150]));
    }

    [Fact]
    public void The_outline_icon_is_32_square_white_on_transparent()
    {
        var outline = Png.Read(File.ReadAllBytes(Path.Combine(package.Directory, "outline.png")));
        var pixels = Enumerable.Range(0, 32 * 32).Select(i => outline[i % 32, i / 32]).ToList();

        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Equal(0, outline[0, 0].A);
        Assert.Equal(0, outline[31, 31].A);
        Assert.InRange(pixels.Count(p => p.A == 0), 32 * 32 / 3, 32 * 32 * 9 / 10);
        Assert.InRange(pixels.Count(p => p.A == 255), 60, 32 * 32 / 2);
    }

    [Fact]
    public void A_build_without_a_guid_app_id_says_how_to_call_it()
    {
        var build = RunBuildScript("not-a-guid");

        Assert.Equal(2, build.ExitCode);
        Assert.Contains("usage: manifest/build.sh <bot-app-id", build.Output);
    }

    internal static NodeScript.Result RunBuildScript(params string[] arguments) =>
        NodeScript.RunTool("bash", ["manifest/build.sh", .. arguments], NodeLimit);

    /// <summary>The title is the keyword, perhaps followed by an example argument (“language thai”); keywords may hold a space (“my visits”).</summary>
    private static void AssertNames(string keyword, string title) =>
        Assert.True(title == keyword || title.StartsWith(keyword + " ", StringComparison.Ordinal), $"The title “{title}” does not begin with the keyword “{keyword}”.");

    private static (int, int, int, int) Widen((byte R, byte G, byte B, byte A) p) => (p.R, p.G, p.B, p.A);
}
