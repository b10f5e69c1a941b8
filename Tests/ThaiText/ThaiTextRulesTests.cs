using System.Text.Json;
using System.Text.RegularExpressions;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.ThaiText;

/// <summary>
/// Every Thai string users can see, in the form catalogue and in the bot's own texts, follows Thai
/// typography and the area office's wording (domain primer §8). Text copied from PDFs is the usual
/// source of these faults, and they are invisible in most editors.
/// </summary>
public sealed partial class ThaiTextRulesTests
{
    private static readonly string[] SourceFolders = ["Dialogs", "Cards", "Bot"];

    /// <summary>Current form versions, whose wording users read today; older versions keep the words their responses answered.</summary>
    public static TheoryData<string> CurrentForms() =>
        [.. Directory.GetFiles(CatalogueFolder, "*.json").Where(f => !OlderVersion().IsMatch(f)).Select(Path.GetFileName).OfType<string>().Order()];

    public static TheoryData<string> AllForms() =>
        [.. Directory.GetFiles(CatalogueFolder, "*.json").Select(Path.GetFileName).OfType<string>().Order()];

    public static TheoryData<string> SourceFiles() =>
        [.. SourceFolders
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => ThaiLetter().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path))
            .Order()];

    private static string CatalogueFolder => Path.Combine(RepoPaths.Root, "Dialogs", "Forms", "Catalogue");

    [Theory]
    [MemberData(nameof(AllForms))]
    public void Form_text_is_well_typed(string file) =>
        AssertWellTyped(FormStrings(file), file);

    [Theory]
    [MemberData(nameof(CurrentForms))]
    public void Form_text_uses_the_office_s_wording(string file) =>
        AssertWording(FormStrings(file), file);

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void Bot_text_is_well_typed_and_uses_the_office_s_wording(string file)
    {
        var strings = SourceStrings(Path.Combine(RepoPaths.Root, file)).ToArray();
        AssertWellTyped(strings, file);
        AssertWording(strings, file);
    }

    [Theory]
    [InlineData("กรุณา  ตอบ", "a doubled space")]
    [InlineData("ทำต่อ, ยกเลิก", "ASCII ',' between Thai words")]
    [InlineData("ใช่หรือไม่?", null)]
    [InlineData("น\u0E4D\u0E32", "a decomposed sara am (U+0E4D U+0E32)")]
    [InlineData("ท\u0E48\u0E35", "a tone mark before a vowel")]
    [InlineData("ที่นี่", null)]
    [InlineData("น้ำ", null)]
    [InlineData("ม.1 พ.ศ. 2568: ดี", null)]
    public void The_rules_catch_what_they_are_meant_to(string text, string? problem) =>
        Assert.Equal(problem, Problem(text));

    [Theory]
    [InlineData("เก็บข้อมูลในแบบนี้เพื่อ", "“แบบนี้”")]
    [InlineData("โปรดไม่ระบุชื่อ", "“โปรดไม่ระบุ”")]
    [InlineData("อายุราชการ", "“อายุราชการ”")]
    [InlineData("พิมพ์ แบบฟอร์ม เพื่อดู", "an unquoted keyword to type")]
    [InlineData("พิมพ์ “แบบฟอร์ม” เพื่อดู", null)]
    [InlineData("พิมพ์ชื่อโรงเรียน", null)]
    public void The_wording_rules_catch_what_they_are_meant_to(string text, string? problem) =>
        Assert.Equal(problem, WordingProblem(text));

    private static void AssertWellTyped(IEnumerable<string> strings, string file)
    {
        var faults = strings.Select(s => (Text: s, Problem: Problem(s))).Where(f => f.Problem is not null).ToArray();
        Assert.True(faults.Length == 0, $"{file}:\n" + string.Join("\n", faults.Select(f => $"  {f.Problem}: {f.Text}")));
    }

    private static void AssertWording(IEnumerable<string> strings, string file)
    {
        var faults = strings.Select(s => (Text: s, Problem: WordingProblem(s))).Where(f => f.Problem is not null).ToArray();
        Assert.True(faults.Length == 0, $"{file}:\n" + string.Join("\n", faults.Select(f => $"  {f.Problem}: {f.Text}")));
    }

    private static string? Problem(string text)
    {
        if (text.Contains("  ", StringComparison.Ordinal))
        {
            return "a doubled space";
        }

        if (StrayPunctuation().Match(text) is { Success: true } stray)
        {
            return $"ASCII '{stray.Groups["mark"].Value}' between Thai words";
        }

        if (text.Contains("\u0E4D\u0E32", StringComparison.Ordinal))
        {
            return "a decomposed sara am (U+0E4D U+0E32)";
        }

        return ToneBeforeVowel().IsMatch(text) ? "a tone mark before a vowel" : null;
    }

    private static string? WordingProblem(string text) =>
        text.Contains("แบบนี้", StringComparison.Ordinal) ? "“แบบนี้”"
        : text.Contains("โปรดไม่ระบุ", StringComparison.Ordinal) ? "“โปรดไม่ระบุ”"
        : text.Contains("อายุราชการ", StringComparison.Ordinal) ? "“อายุราชการ”"
        : UnquotedKeyword().IsMatch(text) ? "an unquoted keyword to type"
        : null;

    private static string[] FormStrings(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CatalogueFolder, file)));
        return Strings(document.RootElement).Where(s => ThaiLetter().IsMatch(s)).ToArray();
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    /// <summary>String literals with Thai letters, outside comments. Interpolation holes are kept as written.</summary>
    private static IEnumerable<string> SourceStrings(string path) =>
        File.ReadLines(path)
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .SelectMany(line => StringLiteral().Matches(line).Select(m => m.Groups["text"].Value))
            .Where(text => ThaiLetter().IsMatch(text));

    [GeneratedRegex(@"\.v[0-9]+\.json$")]
    private static partial Regex OlderVersion();

    [GeneratedRegex("[\u0E01-\u0E2E]")]
    private static partial Regex ThaiLetter();

    [GeneratedRegex("\"(?<text>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    // Thai separates phrases with spaces: a comma, semicolon, exclamation mark or straight quote between Thai words is a stray.
    [GeneratedRegex("[\u0E01-\u0E4E] ?(?<mark>[,;!\"'])(?: ?)[\u0E01-\u0E4E]")]
    private static partial Regex StrayPunctuation();

    // A tone mark (mai ek … mai chattawa) belongs after the vowel above or below its consonant.
    [GeneratedRegex("[\u0E48-\u0E4B][\u0E31\u0E34-\u0E3A\u0E47]")]
    private static partial Regex ToneBeforeVowel();

    // "พิมพ์ แบบฟอร์ม เพื่อ…": a keyword the user must type is quoted, “แบบฟอร์ม”.
    [GeneratedRegex("พิมพ์ [\u0E01-\u0E2E\u0E40-\u0E44]")]
    private static partial Regex UnquotedKeyword();
}
