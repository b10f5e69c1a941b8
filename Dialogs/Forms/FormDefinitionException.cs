namespace SupervisionBot.Dialogs.Forms;

/// <summary>
/// A form definition that cannot be used, located precisely enough that its author can fix it
/// without a debugger: "needs-survey.json: $.sections[1].items[3].kind: unknown item kind 'likret'".
/// </summary>
public sealed class FormDefinitionException : Exception
{
    public FormDefinitionException(string source, string jsonPath, string problem)
        : base($"{source}: {jsonPath}: {problem}")
    {
        Source = source;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>The definition file (or other source name) at fault. Hides <see cref="Exception.Source"/>, which names an assembly.</summary>
    public new string Source { get; }

    public string JsonPath { get; }

    public string Problem { get; }
}
