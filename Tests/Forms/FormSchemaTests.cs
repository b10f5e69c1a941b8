using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Forms;

/// <summary>Our JSON Schema for form definitions (docs/forms.md) agrees with the built-in forms and catches mistakes.</summary>
public sealed class FormSchemaTests
{
    private static NodeScript.Result Check(string path) =>
        NodeScript.Run(Path.Combine("scripts", "forms", "check-forms.js"), [path], TimeSpan.FromMinutes(1));

    [Fact]
    public void Every_built_in_form_is_valid_against_the_schema()
    {
        var result = Check(Path.Combine(RepoPaths.Root, "Dialogs", "Forms", "Catalogue"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("\"checked\": 20", result.Stdout);
    }

    [Theory]
    [InlineData("\"kind\": \"satisfaction\"", "\"kind\": \"opinion-poll\"", "/kind")]
    [InlineData("\"anonymous\": true", "\"anonymous\": \"yes\"", "/settings/anonymous")]
    [InlineData("\"kind\": \"likert\"", "\"kind\": \"stars\"", "/sections/")]
    public void A_broken_definition_is_rejected_with_its_path(string valid, string broken, string path)
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "Dialogs", "Forms", "Catalogue", "supervision-satisfaction.json"));
        Assert.Contains(valid, source);
        var file = Path.Combine(Directory.CreateTempSubdirectory("form-schema-").FullName, "broken.json");
        File.WriteAllText(file, source.Replace(valid, broken));

        var result = Check(file);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains(path, result.Stdout);
    }
}
