using System.Reflection;
using System.Text.RegularExpressions;

namespace SupervisionBot.Dialogs.Forms;

/// <summary>
/// The forms the bot offers, and the older versions of them that stored responses still answer.
/// Built once at start-up; any bad definition stops start-up with the loader's precise message
/// instead of failing later in front of a user.
/// </summary>
/// <remarks>
/// The current version of a form lives in <c>&lt;id&gt;.json</c>; when its questions change, the old
/// file is kept as <c>&lt;id&gt;.v&lt;version&gt;.json</c> so that its responses are still summarised with
/// the items they answered. Only the newest version of each form is offered to users.
/// </remarks>
public sealed partial class FormCatalogue
{
    private const string ResourcePrefix = "SupervisionBot.Dialogs.Forms.Catalogue.";

    private readonly Dictionary<string, FormDefinition> byId;
    private readonly Dictionary<(string Id, int Version), FormDefinition> byVersion;
    private readonly Dictionary<string, FormDefinition> byCommand;

    private FormCatalogue(
        IReadOnlyList<FormDefinition> forms,
        Dictionary<string, FormDefinition> byId,
        Dictionary<(string Id, int Version), FormDefinition> byVersion,
        Dictionary<string, FormDefinition> byCommand)
    {
        Forms = forms;
        this.byId = byId;
        this.byVersion = byVersion;
        this.byCommand = byCommand;
    }

    /// <summary>The newest version of each form, in file-name order: what users are offered.</summary>
    public IReadOnlyList<FormDefinition> Forms { get; }

    /// <summary>The forms shipped in this assembly (Forms/Catalogue/*.json).</summary>
    public static FormCatalogue LoadBuiltIn()
    {
        var assembly = typeof(FormCatalogue).Assembly;
        var sources = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (Name: name[ResourcePrefix.Length..], Json: ReadResource(assembly, name)));
        return Load(sources);
    }

    /// <summary>
    /// Loads every definition and checks that a file named <c>&lt;id&gt;.v&lt;n&gt;.json</c> holds version n of
    /// that form, that every other file holds the newest version of its form, that no version is
    /// defined twice, and that chat commands are not shared between forms.
    /// </summary>
    public static FormCatalogue Load(IEnumerable<(string Name, string Json)> sources)
    {
        var loaded = new List<(string Name, FormDefinition Form)>();
        var byVersion = new Dictionary<(string Id, int Version), FormDefinition>();
        var versionSources = new Dictionary<(string Id, int Version), string>();
        foreach (var (name, json) in sources)
        {
            var form = FormDefinitionLoader.Load(json, name);
            if (OlderVersionName().Match(name) is { Success: true } older
                && (older.Groups["id"].Value != form.Id || older.Groups["version"].Value != form.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                throw new FormDefinitionException(name, "$", $"a file named {name} must hold version {older.Groups["version"].Value} of form '{older.Groups["id"].Value}', not version {form.Version} of '{form.Id}'");
            }

            if (!versionSources.TryAdd((form.Id, form.Version), name))
            {
                throw new FormDefinitionException(name, "$.version", $"version {form.Version} of form '{form.Id}' is also defined in {versionSources[(form.Id, form.Version)]}");
            }

            byVersion.Add((form.Id, form.Version), form);
            loaded.Add((name, form));
        }

        var newest = loaded
            .GroupBy(entry => entry.Form.Id)
            .ToDictionary(group => group.Key, group => group.MaxBy(entry => entry.Form.Version).Form, StringComparer.Ordinal);
        var forms = new List<FormDefinition>();
        var byCommand = new Dictionary<string, FormDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, form) in loaded.Where(entry => !OlderVersionName().IsMatch(entry.Name)))
        {
            if (newest[form.Id] != form)
            {
                throw new FormDefinitionException(name, "$.version", $"{name} holds version {form.Version} of form '{form.Id}', but version {newest[form.Id].Version} is newer; keep older versions as {form.Id}.v{form.Version}.json");
            }

            for (var i = 0; i < form.Settings.Commands.Count; i++)
            {
                var command = NormaliseCommand(form.Settings.Commands[i]);
                if (!byCommand.TryAdd(command, form))
                {
                    throw new FormDefinitionException(name, $"$.settings.commands[{i}]", $"command '{command}' already opens form '{byCommand[command].Id}'");
                }
            }

            forms.Add(form);
        }

        var missing = newest.Keys.Except(forms.Select(f => f.Id)).FirstOrDefault();
        if (missing is not null)
        {
            throw new FormDefinitionException(versionSources[(missing, newest[missing].Version)], "$", $"form '{missing}' has only older versions; its newest version belongs in {missing}.json");
        }

        return new FormCatalogue(forms, forms.ToDictionary(f => f.Id, StringComparer.Ordinal), byVersion, byCommand);
    }

    /// <summary>The newest version of a form: the one to fill in.</summary>
    public FormDefinition? Find(string formId) => byId.GetValueOrDefault(formId);

    /// <summary>The version a stored response answered, which may be older than the one offered now.</summary>
    public FormDefinition? Find(string formId, int version) => byVersion.GetValueOrDefault((formId, version));

    /// <summary>The form a word typed in chat opens, e.g. "ประเมิน"; case and surrounding spaces do not matter.</summary>
    public FormDefinition? FindByCommand(string typed) => byCommand.GetValueOrDefault(NormaliseCommand(typed));

    public IReadOnlyList<FormDefinition> ForRole(RespondentRole role) => ForRoles([role]);

    /// <summary>The forms someone holding any of <paramref name="roles"/> may fill, in catalogue order: the one place that decides it.</summary>
    public IReadOnlyList<FormDefinition> ForRoles(IReadOnlyCollection<RespondentRole> roles) => Forms.Where(f => roles.Any(f.CanBeFilledBy)).ToList();

    private static string NormaliseCommand(string command) => command.Trim();

    [GeneratedRegex(@"^(?<id>.+)\.v(?<version>[1-9][0-9]*)\.json$")]
    private static partial Regex OlderVersionName();

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
