using System.Reflection;

namespace SupervisionBot.Dialogs.Forms;

/// <summary>
/// The forms the bot offers. Built once at start-up; any bad definition stops start-up with the
/// loader's precise message instead of failing later in front of a user.
/// </summary>
public sealed class FormCatalogue
{
    private const string ResourcePrefix = "SupervisionBot.Dialogs.Forms.Catalogue.";

    private readonly Dictionary<string, FormDefinition> byId;
    private readonly Dictionary<string, FormDefinition> byCommand;

    private FormCatalogue(IReadOnlyList<FormDefinition> forms, Dictionary<string, FormDefinition> byId, Dictionary<string, FormDefinition> byCommand)
    {
        Forms = forms;
        this.byId = byId;
        this.byCommand = byCommand;
    }

    /// <summary>In file-name order.</summary>
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

    /// <summary>Loads every definition and checks that ids and chat commands are not shared between forms.</summary>
    public static FormCatalogue Load(IEnumerable<(string Name, string Json)> sources)
    {
        var forms = new List<FormDefinition>();
        var byId = new Dictionary<string, FormDefinition>(StringComparer.Ordinal);
        var idSources = new Dictionary<string, string>(StringComparer.Ordinal);
        var byCommand = new Dictionary<string, FormDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, json) in sources)
        {
            var form = FormDefinitionLoader.Load(json, name);
            if (!idSources.TryAdd(form.Id, name))
            {
                throw new FormDefinitionException(name, "$.id", $"duplicate form id '{form.Id}' (also in {idSources[form.Id]})");
            }

            for (var i = 0; i < form.Settings.Commands.Count; i++)
            {
                var command = NormaliseCommand(form.Settings.Commands[i]);
                if (!byCommand.TryAdd(command, form))
                {
                    throw new FormDefinitionException(name, $"$.settings.commands[{i}]", $"command '{command}' already opens form '{byCommand[command].Id}'");
                }
            }

            byId.Add(form.Id, form);
            forms.Add(form);
        }

        return new FormCatalogue(forms, byId, byCommand);
    }

    public FormDefinition? Find(string formId) => byId.GetValueOrDefault(formId);

    /// <summary>The form a word typed in chat opens, e.g. "ประเมิน"; case and surrounding spaces do not matter.</summary>
    public FormDefinition? FindByCommand(string typed) => byCommand.GetValueOrDefault(NormaliseCommand(typed));

    public IReadOnlyList<FormDefinition> ForRole(RespondentRole role) => ForRoles([role]);

    /// <summary>The forms someone holding any of <paramref name="roles"/> may fill, in catalogue order: the one place that decides it.</summary>
    public IReadOnlyList<FormDefinition> ForRoles(IReadOnlyCollection<RespondentRole> roles) => Forms.Where(f => roles.Any(f.CanBeFilledBy)).ToList();

    private static string NormaliseCommand(string command) => command.Trim();

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
