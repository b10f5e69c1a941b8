using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using static System.FormattableString;

namespace SupervisionBot.Dialogs.Forms;

/// <summary>
/// Reads a form definition (format: docs/forms.md, schema: form-definition.schema.json) and checks
/// everything that would otherwise surface later as a broken card or a wrong statistic. The JSON is
/// walked by hand rather than deserialised so that every problem carries the exact JSON path.
/// </summary>
public static partial class FormDefinitionLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly string[] FormProperties = ["$schema", "id", "version", "kind", "title", "description", "settings", "sections"];
    private static readonly string[] SettingsProperties = ["roles", "readers", "anonymous", "scoring", "likertScale", "privacyNotice", "retention", "commands", "series", "priorityNeeds"];
    private static readonly string[] SectionProperties = ["id", "title", "description", "items"];
    private static readonly string[] CommonItemProperties = ["id", "kind", "label", "help", "required", "showWhen"];

    private static readonly Dictionary<string, string[]> ItemPropertiesByKind = new(StringComparer.Ordinal)
    {
        ["singleChoice"] = ["choices"],
        ["multipleChoice"] = ["choices"],
        ["likert"] = ["scale", "notApplicable", "statistic", "series", "topic"],
        ["checklist"] = ["evidence", "statistic", "answers"],
        ["rating"] = ["scale", "notApplicable", "statistic", "series", "topic"],
        ["shortText"] = ["maxLength"],
        ["longText"] = ["maxLength"],
        ["number"] = ["min", "max", "integer"],
        ["date"] = ["min", "max"],
        ["picker"] = ["source"],
    };

    public static FormDefinition Load(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new FormDefinitionException(sourceName, "$", DescribeMalformed(e));
        }

        using (document)
        {
            return new Reader(sourceName).ReadForm(new Node(document.RootElement, "$"));
        }
    }

    private static string DescribeMalformed(JsonException e)
    {
        // The reader appends its own "LineNumber: 2 | BytePositionInLine: 10." with zero-based numbers;
        // authors count lines from one, as their editor does.
        var reason = e.Message;
        var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }

        return $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {reason}";
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    // Multiple choices are stored comma-joined, so a value must not contain a comma (or anything else surprising).
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex ChoiceValue();

    private readonly record struct Node(JsonElement Element, string Path)
    {
        public Node Property(string name, JsonElement value) => new(value, $"{Path}.{name}");

        public Node Index(int index, JsonElement value) => new(value, $"{Path}[{index}]");
    }

    private sealed class Reader(string source)
    {
        // Items read so far, which are the only ones a showWhen may test.
        private readonly Dictionary<string, (FormItem Item, string Path)> earlierItems = new(StringComparer.Ordinal);

        // Every item id in the file, read ahead so that a showWhen pointing forward is told apart from a typo.
        private HashSet<string> allItemIds = [];

        public FormDefinition ReadForm(Node form)
        {
            CheckProperties(form, FormProperties);

            var id = ReadId(Required(form, "id"));
            var versionNode = Required(form, "version");
            var version = ReadInt(versionNode);
            if (version < 1)
            {
                throw Error(versionNode, $"version must be 1 or greater, got {version}");
            }

            var kind = ReadCode(Required(form, "kind"), FormCodes.Kinds, "form kind");
            var title = ReadText(Required(form, "title"));
            var description = ReadText(Required(form, "description"));
            var settings = ReadSettings(Required(form, "settings"));
            allItemIds = ScanItemIds(form.Element);
            var sections = ReadArray(Required(form, "sections"), minCount: 1, (node, _) => ReadSection(node, settings));

            CheckUnique(sections.Select((s, i) => (s.Id, $"{form.Path}.sections[{i}].id")), "section id");
            if (settings.PriorityNeeds is { } needs)
            {
                CheckTopicsPair(needs);
            }

            return new FormDefinition
            {
                Id = id,
                Version = version,
                Kind = kind,
                Title = title,
                Description = description,
                Settings = settings,
                Sections = sections,
            };
        }

        private FormSettings ReadSettings(Node settings)
        {
            CheckProperties(settings, SettingsProperties);

            var roles = ReadRoles(Required(settings, "roles"));
            var readers = ReadRoles(Required(settings, "readers"));

            var series = Optional(settings, "series") is { } seriesNode
                ? ReadArray(seriesNode, minCount: 1, (node, _) => ReadSeries(node))
                : [];
            if (Optional(settings, "series") is { } declared)
            {
                CheckUnique(series.Select((s, i) => (s.Id, $"{declared.Path}[{i}].id")), "series id");
            }

            var retention = Required(settings, "retention");
            CheckProperties(retention, ["years"]);
            var yearsNode = Required(retention, "years");
            var years = ReadInt(yearsNode);
            if (years < 1)
            {
                throw Error(yearsNode, $"retention must be at least 1 year, got {years}");
            }

            return new FormSettings
            {
                Roles = roles,
                Readers = readers,
                Anonymous = ReadBool(Required(settings, "anonymous")),
                Scoring = Optional(settings, "scoring") is { } scoring ? ReadScoring(scoring) : LikertBandSet.Default,
                LikertScale = Optional(settings, "likertScale") is { } scale ? ReadScale(scale) : FiveLevelScale.Likert,
                PrivacyNotice = ReadText(Required(settings, "privacyNotice")),
                RetentionYears = years,
                Commands = Optional(settings, "commands") is { } commands
                    ? ReadArray(commands, minCount: 1, (node, _) => ReadNonBlankString(node))
                    : [],
                Series = series,
                PriorityNeeds = Optional(settings, "priorityNeeds") is { } needs ? ReadPriorityNeeds(needs, series) : null,
            };
        }

        /// <summary>PNI compares an item's two means, so every topic needs exactly one item in each of the two series.</summary>
        private void CheckTopicsPair(PriorityNeedsSeries needs)
        {
            var seen = new Dictionary<(string Topic, string Series), string>();
            foreach (var (item, path) in earlierItems.Values)
            {
                if (item is not ScaledItem { Series: { } series } scaled || (series != needs.Current && series != needs.Desired))
                {
                    continue;
                }

                if (scaled.Topic is not { } topic)
                {
                    throw new FormDefinitionException(source, path, $"item '{item.Id}' of series '{series}' needs a topic that pairs it with its other state");
                }

                if (!seen.TryAdd((topic, series), path))
                {
                    throw new FormDefinitionException(source, path, $"topic '{topic}' already has a '{series}' item (at {seen[(topic, series)]})");
                }
            }

            foreach (var ((topic, series), path) in seen)
            {
                var other = series == needs.Current ? needs.Desired : needs.Current;
                if (!seen.ContainsKey((topic, other)))
                {
                    throw new FormDefinitionException(source, path, $"topic '{topic}' has no '{other}' item");
                }
            }
        }

        private HashSet<RespondentRole> ReadRoles(Node node)
        {
            var roles = ReadArray(node, minCount: 1, (role, _) => ReadCode(role, FormCodes.Roles, "role"));
            CheckUnique(roles.Select((r, i) => (r.ToString(), $"{node.Path}[{i}]")), "role");
            return roles.ToHashSet();
        }

        private PriorityNeedsSeries ReadPriorityNeeds(Node node, IReadOnlyList<StatisticSeries> series)
        {
            CheckProperties(node, ["current", "desired"]);
            var current = ReadDeclaredSeries(Required(node, "current"), series);
            var desiredNode = Required(node, "desired");
            var desired = ReadDeclaredSeries(desiredNode, series);
            if (desired == current)
            {
                throw Error(desiredNode, $"the desired state needs a series of its own, not '{current}' again");
            }

            return new PriorityNeedsSeries(current, desired);
        }

        private StatisticSeries ReadSeries(Node node)
        {
            CheckProperties(node, ["id", "label"]);
            return new StatisticSeries(ReadId(Required(node, "id")), ReadText(Required(node, "label")));
        }

        private LikertBandSet ReadScoring(Node scoring)
        {
            if (scoring.Element.ValueKind == JsonValueKind.String)
            {
                return ReadCode(scoring, LikertBandSet.Presets, "band set");
            }

            ExpectKind(scoring, JsonValueKind.Object, "a band-set name or an object with bands");
            CheckProperties(scoring, ["name", "bands"]);
            var bandsNode = Required(scoring, "bands");
            var bands = ReadArray(bandsNode, minCount: 1, (node, _) => ReadBand(node));
            if (LikertBandSet.FindProblem(bands) is { } problem)
            {
                throw Error(bandsNode.Index(problem.Index, bandsNode.Element[problem.Index]), problem.Problem);
            }

            return LikertBandSet.Custom(bands, Optional(scoring, "name") is { } name ? ReadText(name) : null);
        }

        private LikertBand ReadBand(Node node)
        {
            CheckProperties(node, ["min", "max", "label"]);
            return new LikertBand(ReadDecimal(Required(node, "min")), ReadDecimal(Required(node, "max")), ReadText(Required(node, "label")));
        }

        private FiveLevelScale ReadScale(Node node)
        {
            if (node.Element.ValueKind == JsonValueKind.String)
            {
                return ReadCode(node, FiveLevelScale.Presets, "scale");
            }

            ExpectKind(node, JsonValueKind.Array, "a scale name or an array of five labels, level 5 first");
            var labels = ReadArray(node, minCount: 0, (label, _) => ReadText(label));
            if (labels.Count != FiveLevelScale.Highest)
            {
                throw Error(node, $"a scale needs exactly {FiveLevelScale.Highest} labels, level 5 first; got {labels.Count}");
            }

            return new FiveLevelScale(labels);
        }

        private FormSection ReadSection(Node section, FormSettings settings)
        {
            CheckProperties(section, SectionProperties);
            return new FormSection
            {
                Id = ReadId(Required(section, "id")),
                Title = ReadText(Required(section, "title")),
                Description = Optional(section, "description") is { } description ? ReadText(description) : null,
                Items = ReadArray(Required(section, "items"), minCount: 1, (node, _) => ReadItem(node, settings)),
            };
        }

        private FormItem ReadItem(Node node, FormSettings settings)
        {
            ExpectKind(node, JsonValueKind.Object, "an item object");
            var kindNode = Required(node, "kind");
            var kind = ReadNonBlankString(kindNode);
            if (!ItemPropertiesByKind.TryGetValue(kind, out var kindProperties))
            {
                throw Error(kindNode, $"unknown item kind '{kind}'; expected one of {string.Join(", ", ItemPropertiesByKind.Keys)}");
            }

            CheckProperties(node, [.. CommonItemProperties, .. kindProperties]);

            var idNode = Required(node, "id");
            var id = ReadId(idNode);
            if (earlierItems.TryGetValue(id, out var first))
            {
                throw Error(idNode, $"duplicate item id '{id}' (first used at {first.Path})");
            }

            var label = ReadText(Required(node, "label"));
            FormItem item = kind switch
            {
                "singleChoice" or "multipleChoice" => new ChoiceItem
                {
                    Id = id,
                    Label = label,
                    AllowsMultiple = kind == "multipleChoice",
                    Choices = ReadChoices(Required(node, "choices")),
                },
                "likert" => ReadScaled(node, new LikertItem { Id = id, Label = label, Scale = settings.LikertScale }, settings),
                "rating" => ReadScaled(node, new RatingItem { Id = id, Label = label, Scale = FiveLevelScale.Quality }, settings),
                "checklist" => new ChecklistItem
                {
                    Id = id,
                    Label = label,
                    Evidence = Optional(node, "evidence") is { } evidence ? ReadText(evidence) : null,
                    Answers = Optional(node, "answers") is { } answers ? ReadChecklistAnswers(answers) : ChecklistAnswers.Practice,
                    InStatistics = Optional(node, "statistic") is not { } statistic || ReadBool(statistic),
                },
                "shortText" or "longText" => new TextItem
                {
                    Id = id,
                    Label = label,
                    Multiline = kind == "longText",
                    MaxLength = ReadMaxLength(node, kind == "longText" ? TextItem.DefaultLongMaxLength : TextItem.DefaultShortMaxLength),
                },
                "number" => ReadNumber(node, id, label),
                "date" => ReadDate(node, id, label),
                _ => new PickerItem { Id = id, Label = label, Source = ReadCode(Required(node, "source"), FormCodes.PickerSources, "picker source") },
            };

            item = item with
            {
                Help = Optional(node, "help") is { } help ? ReadText(help) : null,
                Required = Optional(node, "required") is { } required && ReadBool(required),
                ShowWhen = Optional(node, "showWhen") is { } showWhen ? ReadShowWhen(showWhen) : null,
            };

            earlierItems.Add(id, (item, idNode.Path));
            return item;
        }

        private ScaledItem ReadScaled(Node node, ScaledItem item, FormSettings settings) => item with
        {
            Scale = Optional(node, "scale") is { } scale ? ReadScale(scale) : item.Scale,
            AllowsNotApplicable = Optional(node, "notApplicable") is { } notApplicable && ReadBool(notApplicable),
            InStatistics = Optional(node, "statistic") is not { } statistic || ReadBool(statistic),
            Series = Optional(node, "series") is { } series ? ReadDeclaredSeries(series, settings.Series) : null,
            Topic = Optional(node, "topic") is { } topic ? ReadTopic(topic, settings) : null,
        };

        private string ReadTopic(Node node, FormSettings settings)
        {
            if (settings.PriorityNeeds is null)
            {
                throw Error(node, "a topic pairs current-state and desired-state items; declare settings.priorityNeeds");
            }

            return ReadId(node);
        }

        private string ReadDeclaredSeries(Node node, IReadOnlyList<StatisticSeries> declared)
        {
            var series = ReadNonBlankString(node);
            if (declared.All(s => s.Id != series))
            {
                throw Error(node, declared.Count == 0
                    ? $"series '{series}' is not declared; declare it in settings.series"
                    : $"series '{series}' is not declared; expected one of {string.Join(", ", declared.Select(s => s.Id))}");
            }

            return series;
        }

        private ChecklistAnswers ReadChecklistAnswers(Node node)
        {
            if (node.Element.ValueKind == JsonValueKind.String)
            {
                return ReadCode(node, ChecklistAnswers.Presets, "checklist answer set");
            }

            ExpectKind(node, JsonValueKind.Object, "an answer-set name or an object with done and notDone");
            CheckProperties(node, ["done", "notDone"]);
            return new ChecklistAnswers(ReadText(Required(node, "done")), ReadText(Required(node, "notDone")));
        }

        private List<Choice> ReadChoices(Node node)
        {
            var choices = ReadArray(node, minCount: 1, (choice, _) =>
            {
                CheckProperties(choice, ["value", "label"]);
                var valueNode = Required(choice, "value");
                var value = ReadNonBlankString(valueNode);
                if (!ChoiceValue().IsMatch(value))
                {
                    throw Error(valueNode, $"choice value '{value}' may contain only letters, digits, '-' and '_' (answers to multiple choices are comma-joined)");
                }

                return new Choice(value, ReadText(Required(choice, "label")));
            });
            CheckUnique(choices.Select((c, i) => (c.Value, $"{node.Path}[{i}].value")), "choice value");
            return choices;
        }

        private int ReadMaxLength(Node item, int defaultLength)
        {
            if (Optional(item, "maxLength") is not { } node)
            {
                return defaultLength;
            }

            var maxLength = ReadInt(node);
            if (maxLength <= 0)
            {
                throw Error(node, $"maxLength must be at least 1, got {maxLength}");
            }

            return maxLength;
        }

        private NumberItem ReadNumber(Node node, string id, LocalizedText label)
        {
            var min = Optional(node, "min") is { } minNode ? ReadDecimal(minNode) : (decimal?)null;
            var max = Optional(node, "max") is { } maxNode ? ReadDecimal(maxNode) : (decimal?)null;
            if (min > max)
            {
                throw Error(node.Property("min", node.Element.GetProperty("min")), Invariant($"min {min} is greater than max {max}"));
            }

            return new NumberItem
            {
                Id = id,
                Label = label,
                Min = min,
                Max = max,
                IntegerOnly = Optional(node, "integer") is not { } integer || ReadBool(integer),
            };
        }

        private DateItem ReadDate(Node node, string id, LocalizedText label)
        {
            var min = Optional(node, "min") is { } minNode ? ReadDateValue(minNode) : (DateOnly?)null;
            var max = Optional(node, "max") is { } maxNode ? ReadDateValue(maxNode) : (DateOnly?)null;
            if (min > max)
            {
                throw Error(node.Property("min", node.Element.GetProperty("min")), Invariant($"min {min:yyyy-MM-dd} is later than max {max:yyyy-MM-dd}"));
            }

            return new DateItem { Id = id, Label = label, Min = min, Max = max };
        }

        private DateOnly ReadDateValue(Node node)
        {
            var text = ReadNonBlankString(node);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Error(node, $"'{text}' is not a date in the form yyyy-MM-dd");
            }

            return date;
        }

        private ShowWhen ReadShowWhen(Node node)
        {
            CheckProperties(node, ["item", "equals", "in"]);
            var itemNode = Required(node, "item");
            var targetId = ReadNonBlankString(itemNode);
            if (!earlierItems.TryGetValue(targetId, out var target))
            {
                throw Error(itemNode, allItemIds.Contains(targetId)
                    ? $"showWhen must refer to an earlier item; '{targetId}' is this item or comes later"
                    : $"showWhen refers to unknown item '{targetId}'");
            }

            if (target.Item.KnownValues is not { } known)
            {
                throw Error(itemNode, $"showWhen cannot test '{targetId}': a {target.Item.Kind} item has no fixed set of values");
            }

            var equals = Optional(node, "equals");
            var @in = Optional(node, "in");
            if (equals is null == @in is null)
            {
                throw Error(node, "showWhen needs exactly one of 'equals' or 'in'");
            }

            IReadOnlyList<string> values = equals is { } single
                ? [ReadKnownValue(single, targetId, known)]
                : ReadArray(@in!.Value, minCount: 1, (value, _) => ReadKnownValue(value, targetId, known));
            return new ShowWhen(targetId, values);
        }

        private string ReadKnownValue(Node node, string itemId, IReadOnlyList<string> known)
        {
            var value = ReadNonBlankString(node);
            if (!known.Contains(value, StringComparer.Ordinal))
            {
                throw Error(node, $"'{value}' is not a value of item '{itemId}'; expected one of {string.Join(", ", known)}");
            }

            return value;
        }

        private static HashSet<string> ScanItemIds(JsonElement form)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            if (!form.TryGetProperty("sections", out var sections) || sections.ValueKind != JsonValueKind.Array)
            {
                return ids;
            }

            foreach (var section in sections.EnumerateArray())
            {
                if (section.ValueKind != JsonValueKind.Object || !section.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        ids.Add(id.GetString()!);
                    }
                }
            }

            return ids;
        }

        private List<T> ReadArray<T>(Node node, int minCount, Func<Node, int, T> read)
        {
            ExpectKind(node, JsonValueKind.Array, "an array");
            var length = node.Element.GetArrayLength();
            if (length < minCount)
            {
                throw Error(node, minCount == 1 ? "must not be empty" : $"needs at least {minCount} entries");
            }

            var result = new List<T>(length);
            var index = 0;
            foreach (var element in node.Element.EnumerateArray())
            {
                result.Add(read(node.Index(index, element), index));
                index++;
            }

            return result;
        }

        private LocalizedText ReadText(Node node)
        {
            ExpectKind(node, JsonValueKind.Object, "a text object { \"th\": …, \"en\": … }");
            CheckProperties(node, ["th", "en"]);
            return new LocalizedText(ReadLanguage(node, "th", "Thai"), ReadLanguage(node, "en", "English"));
        }

        private string ReadLanguage(Node text, string name, string language)
        {
            if (!text.Element.TryGetProperty(name, out var value))
            {
                throw Error(new Node(default, $"{text.Path}.{name}"), $"missing {language} text ('{name}'); every text needs both th and en");
            }

            var node = text.Property(name, value);
            ExpectKind(node, JsonValueKind.String, $"{language} text");
            var result = value.GetString()!;
            if (string.IsNullOrWhiteSpace(result))
            {
                throw Error(node, $"{language} text ('{name}') is empty");
            }

            return result;
        }

        private string ReadId(Node node)
        {
            var id = ReadNonBlankString(node);
            if (!KebabCase().IsMatch(id))
            {
                throw Error(node, $"'{id}' is not kebab-case (lower-case letters and digits separated by '-')");
            }

            return id;
        }

        private T ReadCode<T>(Node node, IReadOnlyDictionary<string, T> codes, string what)
        {
            var code = ReadNonBlankString(node);
            if (!codes.TryGetValue(code, out var value))
            {
                throw Error(node, $"unknown {what} '{code}'; expected one of {string.Join(", ", codes.Keys)}");
            }

            return value;
        }

        private string ReadNonBlankString(Node node)
        {
            ExpectKind(node, JsonValueKind.String, "a string");
            var text = node.Element.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Error(node, "must not be empty");
            }

            return text;
        }

        private int ReadInt(Node node)
        {
            if (node.Element.ValueKind != JsonValueKind.Number || !node.Element.TryGetInt32(out var value))
            {
                throw Error(node, "expected an integer");
            }

            return value;
        }

        private decimal ReadDecimal(Node node)
        {
            if (node.Element.ValueKind != JsonValueKind.Number || !node.Element.TryGetDecimal(out var value))
            {
                throw Error(node, "expected a number");
            }

            return value;
        }

        private bool ReadBool(Node node)
        {
            if (node.Element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Error(node, "expected true or false");
            }

            return node.Element.GetBoolean();
        }

        private Node Required(Node parent, string name)
        {
            ExpectKind(parent, JsonValueKind.Object, "an object");
            if (!parent.Element.TryGetProperty(name, out var value))
            {
                throw Error(new Node(default, $"{parent.Path}.{name}"), $"missing required property '{name}'");
            }

            return parent.Property(name, value);
        }

        private static Node? Optional(Node parent, string name) =>
            parent.Element.TryGetProperty(name, out var value) ? parent.Property(name, value) : null;

        private void CheckProperties(Node node, IReadOnlyCollection<string> allowed)
        {
            ExpectKind(node, JsonValueKind.Object, "an object");
            foreach (var property in node.Element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name))
                {
                    throw Error(node.Property(property.Name, property.Value), $"unknown property '{property.Name}'; expected one of {string.Join(", ", allowed)}");
                }
            }
        }

        private void CheckUnique(IEnumerable<(string Value, string Path)> values, string what)
        {
            var firstPaths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (value, path) in values)
            {
                if (!firstPaths.TryAdd(value, path))
                {
                    throw new FormDefinitionException(source, path, $"duplicate {what} '{value}' (first used at {firstPaths[value]})");
                }
            }
        }

        private void ExpectKind(Node node, JsonValueKind kind, string expected)
        {
            if (node.Element.ValueKind != kind)
            {
                throw Error(node, $"expected {expected}, got {Describe(node.Element.ValueKind)}");
            }
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };

        private FormDefinitionException Error(Node node, string problem) => new(source, node.Path, problem);
    }
}
