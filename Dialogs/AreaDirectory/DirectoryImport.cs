using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>What reading an import gave: the new directory, or the problems that stop it.</summary>
/// <param name="Imported">The kinds the files held; the others were kept from the current directory.</param>
public sealed record ImportResult(OfficeDirectory? Directory, IReadOnlyList<ImportProblem> Problems, IReadOnlySet<DirectoryKind> Imported)
{
    public bool Succeeded => Directory is not null;
}

/// <summary>
/// Reads the CSV files of an import into a new directory, checking every row. It is all or nothing:
/// one bad row anywhere and there is no directory, only the report. Kinds whose file is not in the
/// import are kept from the current directory and checked again against what the import changes.
/// </summary>
public static partial class DirectoryImport
{
    public static ImportResult Read(IEnumerable<DirectoryFile> files, OfficeDirectory current)
    {
        var problems = new List<ImportProblem>();
        var tables = new Dictionary<DirectoryKind, Table>();
        foreach (var file in files)
        {
            var text = CsvRows.Decode(file.Content, out var badLines);
            problems.AddRange(badLines.Select(line => new ImportProblem(file.Name, line, ImportReasons.NotUtf8)));
            var rows = CsvRows.Parse(text);
            if (DirectoryFiles.KindOf(file.Name, rows.Count > 0 ? rows[0].Fields : null) is not { } kind)
            {
                problems.Add(new ImportProblem(file.Name, 0, ImportReasons.UnknownFile));
                continue;
            }
            if (tables.TryGetValue(kind, out var other))
            {
                problems.Add(new ImportProblem(file.Name, 0, ImportReasons.SameKindTwice(other.File)));
                continue;
            }
            tables[kind] = new Table(file.Name, rows, FromCurrent: false);
        }
        if (tables.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem("", 0, ImportReasons.NoFiles));
        }
        var imported = tables.Keys.ToHashSet();
        foreach (var kind in Enum.GetValues<DirectoryKind>().Where(k => !tables.ContainsKey(k)))
        {
            tables[kind] = new Table(DirectoryFiles.FileNames[kind], CsvRows.Parse(DirectoryExport.Csv(current, kind)), FromCurrent: true);
        }

        var reader = new Reader(problems);
        var groups = reader.Groups(tables[DirectoryKind.Groups]);
        var schools = reader.Schools(tables[DirectoryKind.Schools], groups);
        var centres = reader.Centres(tables[DirectoryKind.Centres], schools);
        var people = reader.People(tables[DirectoryKind.People], groups, schools);
        var directory = problems.Count == 0 ? new OfficeDirectory(groups.Rows.Values, schools.Rows.Values, centres, people) : null;
        return new ImportResult(directory, problems, imported);
    }

    private sealed record Table(string File, IReadOnlyList<CsvRow> Rows, bool FromCurrent);

    /// <summary>
    /// The valid rows of a kind by key, and every key its file named, valid row or not (null when the
    /// file could not be read at all): a reference to a bad row is not reported a second time.
    /// </summary>
    private sealed record Keyed<TKey, TRow>(Dictionary<TKey, TRow> Rows, HashSet<string>? Named) where TKey : notnull;

    /// <summary>Reads each kind's rows; a row with any bad cell is reported and left out.</summary>
    private sealed class Reader(List<ImportProblem> problems)
    {
        public Keyed<int, SchoolGroup> Groups(Table table)
        {
            var groups = new Dictionary<int, SchoolGroup>();
            var firstRows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            return new(groups, ForEachRow(table, DirectoryKind.Groups, row =>
            {
                var number = row.GroupNumber("group_no", required: true);
                row.Unique("group_no", number?.ToString(CultureInfo.InvariantCulture), firstRows);
                var group = new SchoolGroup(number ?? 0, row.Text("name_th", required: true)!, row.Text("name_en"),
                    row.Email("chair_email"), row.Email("vice_chair_email"), row.Guid("team_id"), row.Text("channel_id"));
                if (!row.Failed)
                {
                    groups[group.Number] = group;
                }
            }));
        }

        public Keyed<string, School> Schools(Table table, Keyed<int, SchoolGroup> groups)
        {
            var schools = new Dictionary<string, School>(StringComparer.OrdinalIgnoreCase);
            var firstRows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            return new(schools, ForEachRow(table, DirectoryKind.Schools, row =>
            {
                var code = row.Code("school_code");
                row.Unique("school_code", code, firstRows);
                int? group = null;
                if (row.Text("group_no") is null)
                {
                    row.Problem(ImportReasons.NoGroup);
                }
                else if (row.GroupNumber("group_no", required: true) is { } number)
                {
                    group = row.Known(number, groups);
                }
                var school = new School(code!, row.Text("name_th", required: true)!, row.Text("name_en"), group ?? 0,
                    row.Email("director_email"), row.Email("contact_email"), row.Flag("needs_help") ?? false);
                if (!row.Failed)
                {
                    schools[school.Code] = school;
                }
            }));
        }

        public List<Centre> Centres(Table table, Keyed<string, School> schools)
        {
            var centres = new List<Centre>();
            var firstRows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            ForEachRow(table, DirectoryKind.Centres, row =>
            {
                var code = row.Code("centre_code");
                row.Unique("centre_code", code, firstRows);
                var centre = new Centre(code!, row.Text("name_th", required: true)!, row.Text("name_en"),
                    row.Text("learning_area", required: true) is { } area ? row.Area(area)! : "",
                    row.Code("host_school_code") is { } host ? row.Known(host, schools)! : "",
                    row.Email("chair_email"));
                if (!row.Failed)
                {
                    centres.Add(centre);
                }
            });
            return centres;
        }

        public List<Person> People(Table table, Keyed<int, SchoolGroup> groups, Keyed<string, School> schools)
        {
            var people = new List<Person>();
            var emails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var aadIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            ForEachRow(table, DirectoryKind.People, row =>
            {
                var email = row.Email("email", required: true);
                row.Unique("email", email, emails);
                var aad = row.Guid("aad_object_id");
                row.Unique("aad_object_id", aad, aadIds);
                var name = row.Text("display_name", required: true);
                var roles = row.Roles();
                var school = row.Code("school_code", required: false) is { } code ? row.Known(code, schools) : null;
                var groupNumbers = row.List("group_nos").Select(g => row.GroupNumberIn("group_nos", g) is { } n ? row.Known(n, groups) : null).ToList();
                var areas = row.List("learning_areas").Select(row.Area).ToList();
                if (!row.Failed)
                {
                    people.Add(new Person(email!, name!, aad, roles!, school,
                        groupNumbers.Select(g => g!.Value).Distinct().Order().ToArray(),
                        LearningAreas.All.Select(a => a.Code).Where(areas.Contains).ToArray()));
                }
            });
            return people;
        }

        /// <summary>Checks the header and row count, then reads each data row; returns the keys the rows named, or null when the file could not be read at all.</summary>
        private HashSet<string>? ForEachRow(Table table, DirectoryKind kind, Action<RowReader> read)
        {
            void Report(int row, LocalizedText reason) =>
                problems.Add(new ImportProblem(table.File, row, table.FromCurrent ? ImportReasons.InCurrentDirectory(reason) : reason));

            if (table.Rows.Count == 0)
            {
                Report(1, ImportReasons.MissingColumns(DirectoryFiles.Headers[kind]));
                return null;
            }
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var header = table.Rows[0].Fields;
            for (var i = 0; i < header.Count; i++)
            {
                columns.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
            }
            var missing = DirectoryFiles.Headers[kind].Where(c => !columns.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                Report(table.Rows[0].Row, ImportReasons.MissingColumns(missing));
                return null;
            }
            var limit = DirectoryFiles.RowLimits[kind];
            if (table.Rows.Count - 1 > limit)
            {
                Report(table.Rows[limit + 1].Row, ImportReasons.TooManyRows(limit));
                return null;
            }
            var key = columns[DirectoryFiles.Headers[kind][0]];
            var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in table.Rows.Skip(1))
            {
                named.Add(key < row.Fields.Count ? row.Fields[key].Trim() : "");
                read(new RowReader(row, columns, Report));
            }
            return named;
        }
    }

    /// <summary>Reads one row's cells, reporting each bad one; a method returns null for a cell it reported.</summary>
    private sealed class RowReader(CsvRow row, Dictionary<string, int> columns, Action<int, LocalizedText> report)
    {
        public int Row => row.Row;

        public bool Failed { get; private set; }

        public void Problem(LocalizedText reason)
        {
            Failed = true;
            report(row.Row, reason);
        }

        /// <summary>Reports a key seen on an earlier row; the first row keeps it.</summary>
        public void Unique(string column, string? value, Dictionary<string, int> firstRows)
        {
            if (value is not null && !firstRows.TryAdd(value, Row))
            {
                Problem(ImportReasons.Duplicate(column, value, firstRows[value]));
            }
        }

        public string? Text(string column, bool required = false)
        {
            var index = columns[column];
            var value = index < row.Fields.Count ? row.Fields[index].Trim().Normalize(NormalizationForm.FormC) : "";
            if (value.Length == 0)
            {
                if (required)
                {
                    Problem(ImportReasons.Required(column));
                }
                return null;
            }
            return value;
        }

        public string[] List(string column) =>
            (Text(column) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public string? Email(string column, bool required = false)
        {
            var value = Text(column, required);
            if (value is not null && !EmailPattern().IsMatch(value))
            {
                Problem(ImportReasons.BadEmail(column, value));
                return null;
            }
            return value?.ToLowerInvariant();
        }

        public string? Code(string column, bool required = true)
        {
            var value = Text(column, required);
            if (value is not null && !CodePattern().IsMatch(value))
            {
                Problem(ImportReasons.BadCode(column, value));
                return null;
            }
            return value;
        }

        public string? Guid(string column)
        {
            var value = Text(column);
            if (value is not null && !System.Guid.TryParseExact(value, "D", out _))
            {
                Problem(ImportReasons.BadGuid(column, value));
                return null;
            }
            return value?.ToLowerInvariant();
        }

        public int? GroupNumber(string column, bool required) =>
            Text(column, required) is { } value ? GroupNumberIn(column, value) : null;

        public int? GroupNumberIn(string column, string value)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 999)
            {
                return number;
            }
            Problem(ImportReasons.BadGroupNumber(column, value));
            return null;
        }

        public bool? Flag(string column) => Text(column)?.ToLowerInvariant() switch
        {
            null or "false" => false,
            "true" => true,
            var other => Report(ImportReasons.BadFlag(column, other)),
        };

        private bool? Report(LocalizedText reason)
        {
            Problem(reason);
            return null;
        }

        /// <summary>The group, if groups.csv names it; one that could not be read is not checked against.</summary>
        public int? Known(int number, Keyed<int, SchoolGroup> groups)
        {
            if (groups.Named is null || groups.Named.Contains(number.ToString(CultureInfo.InvariantCulture)))
            {
                return number;
            }
            Problem(ImportReasons.UnknownGroup(number.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        /// <summary>The school's code as schools.csv spells it, if it names the school.</summary>
        public string? Known(string code, Keyed<string, School> schools)
        {
            if (schools.Rows.TryGetValue(code, out var school))
            {
                return school.Code;
            }
            if (schools.Named is null || schools.Named.Contains(code))
            {
                return code;
            }
            Problem(ImportReasons.UnknownSchool(code));
            return null;
        }

        public string? Area(string code)
        {
            if (LearningAreas.Find(code.ToUpperInvariant()) is { } area)
            {
                return area.Code;
            }
            Problem(ImportReasons.UnknownLearningArea(code));
            return null;
        }

        public HashSet<RespondentRole>? Roles()
        {
            var codes = List("roles");
            if (codes.Length == 0)
            {
                Problem(ImportReasons.NoRole);
                return null;
            }
            var roles = new HashSet<RespondentRole>();
            foreach (var code in codes)
            {
                if (DirectoryFiles.RoleCodes.TryGetValue(code, out var role))
                {
                    roles.Add(role);
                }
                else
                {
                    Problem(ImportReasons.UnknownRole(code));
                }
            }
            return Failed ? null : roles;
        }
    }

    /// <summary>An email or UPN: one @, a dot in the domain, nothing that separates list items.</summary>
    [GeneratedRegex(@"^[^@\s;,""<>]+@[^@\s;,""<>]+\.[^@\s;,""<>]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,20}$")]
    private static partial Regex CodePattern();
}
