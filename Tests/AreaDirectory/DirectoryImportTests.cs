using System.Text;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.AreaDirectory;

public sealed class DirectoryImportTests
{
    private const string PeopleHeader = "email,display_name,aad_object_id,roles,school_code,group_nos,learning_areas\n";
    private const string SchoolsHeader = "school_code,name_th,name_en,group_no,director_email,contact_email,needs_help\n";

    private static IReadOnlyList<ImportProblem> Problems(IReadOnlyList<DirectoryFile> files, OfficeDirectory? current = null)
    {
        var result = DirectoryImport.Read(files, current ?? OfficeDirectory.Empty);
        Assert.Equal(result.Problems.Count == 0, result.Succeeded);
        return result.Problems;
    }

    private static string Reasons(IEnumerable<ImportProblem> problems) =>
        string.Join(" | ", problems.Select(p => $"{p.File}:{p.Row}:{p.Reason.En}"));

    [Fact]
    public void The_examples_import_with_every_field_and_lookup()
    {
        var directory = DirectoryExamples.Load();

        Assert.Equal([1, 2], directory.Groups.Select(g => g.Number));
        Assert.Equal(4, directory.Schools.Count);
        Assert.Equal("โรงเรียนบ้านสวน, สาขาท่าน้ำ", directory.School("s0002")!.NameTh);
        Assert.True(directory.School("S0002")!.NeedsHelp);
        Assert.Equal("โรงเรียนดอยงามศึกษา", directory.School("S0004")!.Title(Language.English));
        Assert.Equal("19:3e7c2a1f0b9d4c8e@thread.tacv2", directory.Group(2)!.ChannelId);
        Assert.Equal("MA", directory.Centre("C-MA-1")!.LearningArea);

        var supervisor = directory.PersonByAadObjectId("2B3C4D5E-6F7A-4B8C-9D0E-1F2A3B4C5D6E")!;
        Assert.Equal("นางนิรมล ใส่ใจ", supervisor.DisplayName);
        var assignment = OfficeDirectory.AssignmentOf(supervisor)!;
        Assert.Equal([1, 2], assignment.GroupNumbers);
        Assert.True(assignment.Covers(2) && assignment.CoversArea("SC") && !assignment.CoversArea("TH"));
        Assert.Null(OfficeDirectory.AssignmentOf(directory.PersonByEmail("anan.p@school-a.example.ac.th")!));
        Assert.Equal(2, directory.Assignments.Count);
        Assert.Equal(["SD", "TH"], directory.PersonByEmail("ANAN.P@school-a.example.ac.th")!.LearningAreas.Order());
        Assert.True(directory.PersonByEmail("somchai.r@school-a.example.ac.th")!.Roles.SetEquals([RespondentRole.Director, RespondentRole.GroupChair]));
    }

    [Fact]
    public void The_role_codes_are_exactly_the_issues()
    {
        Assert.Equal(
            ["admin", "area_director", "centre_chair", "director", "group_chair", "group_vice_chair", "supervisor", "teacher", "unit_head"],
            DirectoryFiles.RoleCodes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetValues<RespondentRole>().Length, DirectoryFiles.RoleCodes.Values.Distinct().Count());
    }

    [Fact]
    public void An_export_imports_back_unchanged()
    {
        var directory = DirectoryExamples.Load();
        var exported = DirectoryExport.Files(directory);

        var again = DirectoryImport.Read(exported, OfficeDirectory.Empty).Directory!;

        Assert.Equal(DirectoryExport.Fingerprint(directory), DirectoryExport.Fingerprint(again));
        Assert.False(DirectoryChanges.Between(directory, again).Any);
        Assert.Equal(DirectoryExport.Files(again).Select(f => f.Content), exported.Select(f => f.Content));
        Assert.All(exported, f => Assert.Equal([0xEF, 0xBB, 0xBF], f.Content.Take(3)));
    }

    [Fact]
    public void A_bom_extra_columns_reordered_columns_crlf_and_quoted_line_breaks_are_read()
    {
        var people = "\uFEFFnote,learning_areas,group_nos,school_code,roles,aad_object_id,display_name,email\r\n" +
            "\"ignored, really\",MA,1,S0001,Teacher;DIRECTOR,,\"นาย ก\nสองบรรทัด\",A.B@Example.ac.th\r\n";
        var result = DirectoryImport.Read(DirectoryExamples.With("people.csv", people), OfficeDirectory.Empty);

        Assert.Empty(result.Problems);
        var person = Assert.Single(result.Directory!.People);
        Assert.Equal("a.b@example.ac.th", person.Email);
        Assert.Equal("นาย ก\nสองบรรทัด", person.DisplayName);
        Assert.True(person.Roles.SetEquals([RespondentRole.Teacher, RespondentRole.Director]));
    }

    [Fact]
    public void Every_bad_row_is_reported_with_file_row_and_reason_and_nothing_is_imported()
    {
        var people = PeopleHeader +
            "not-an-email,นาย ก,,teacher,S0001,,\n" +           // row 2
            "a@x.example.ac.th,นาย ข,,teacher;wizard,,,\n" +      // row 3
            "b@x.example.ac.th,นาย ค,,teacher,S9999,,\n" +        // row 4
            "c@x.example.ac.th,นาย ง,,supervisor,,7,\n" +         // row 5
            "d@x.example.ac.th,นาย จ,,teacher,,,XX\n" +           // row 6
            "a@X.example.ac.th,นาย ฉ,,teacher,,,\n" +             // row 7
            "e@x.example.ac.th,นาย ช,,,,,\n" +                    // row 8
            "f@x.example.ac.th,นาย ซ,not-a-guid,teacher,,,\n";    // row 9
        var schools = SchoolsHeader +
            "S0001,โรงเรียน ก,,1,,,false\n" +
            "S0001,โรงเรียน ข,,1,,,false\n" +                    // row 3: duplicate
            "S0005,โรงเรียน ค,,,,,false\n" +                     // row 4: no group
            "S0006,โรงเรียน ง,,9,,,maybe\n";                     // row 5: unknown group, bad flag
        var files = DirectoryExamples.With("people.csv", people).Where(f => f.Name != "schools.csv")
            .Append(DirectoryExamples.Csv("schools.csv", schools)).ToList();

        var problems = Problems(files);

        var expected = new (string File, int Row, string Reason)[]
        {
            ("schools.csv", 3, "Duplicate school_code “S0001” (also on row 2)"),
            ("schools.csv", 4, "A school must be in a school group"),
            ("schools.csv", 5, "Unknown group 9"),
            ("schools.csv", 5, "needs_help must be true or false"),
            ("centres.csv", 3, "Unknown school S0003"),
            ("people.csv", 2, "is not a valid email address"),
            ("people.csv", 3, "Unknown role “wizard”"),
            ("people.csv", 4, "Unknown school S9999"),
            ("people.csv", 5, "Unknown group 7"),
            ("people.csv", 6, "Unknown learning area “XX”"),
            ("people.csv", 7, "Duplicate email “a@x.example.ac.th” (also on row 3)"),
            ("people.csv", 8, "Give at least one role"),
            ("people.csv", 9, "is not a GUID"),
        };
        Assert.True(expected.Length == problems.Count, Reasons(problems));
        foreach (var (file, row, reason) in expected)
        {
            Assert.True(problems.Any(p => p.File == file && p.Row == row && p.Reason.En.Contains(reason, StringComparison.Ordinal)),
                $"missing {file}:{row} “{reason}” in {Reasons(problems)}");
        }
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason.Th)));
    }

    [Fact]
    public void Thai_saved_as_windows_874_is_reported_by_row()
    {
        // "โรงเรียน" in TIS-620/Windows-874: single bytes 0xA1–0xFB, never valid UTF-8 here.
        byte[] tis620 = [0xE2, 0xC3, 0xA7, 0xE0, 0xC3, 0xD5, 0xC2, 0xB9];
        var schools = DirectoryExamples.Files().Single(f => f.Name == "schools.csv").Content;
        var bytes = schools.Concat(Encoding.UTF8.GetBytes("S0009,")).Concat(tis620).Concat(Encoding.UTF8.GetBytes(",,1,,,\n")).ToArray();
        var files = DirectoryExamples.Files().Where(f => f.Name != "schools.csv").Append(new DirectoryFile("schools.csv", bytes)).ToList();

        var problem = Assert.Single(Problems(files));

        Assert.Equal(("schools.csv", 6), (problem.File, problem.Row));
        Assert.Contains("UTF-8", problem.Reason.En);
    }

    [Fact]
    public void A_file_over_its_row_limit_is_refused()
    {
        var rows = string.Concat(Enumerable.Range(1, DirectoryFiles.RowLimits[DirectoryKind.Groups] + 1).Select(i => $"{i},กลุ่ม {i},,,,,\n"));
        var problems = Problems(DirectoryExamples.With("groups.csv", "group_no,name_th,name_en,chair_email,vice_chair_email,team_id,channel_id\n" + rows));

        var problem = Assert.Single(problems);
        Assert.Equal(("groups.csv", 102), (problem.File, problem.Row));
        Assert.Contains("limit of 100 rows", problem.Reason.En);
    }

    [Fact]
    public void A_missing_column_is_reported_on_the_header_row()
    {
        var problem = Assert.Single(Problems(DirectoryExamples.With("centres.csv", "centre_code,name_th,learning_area\nC1,ศูนย์,MA\n")));

        Assert.Equal(("centres.csv", 1), (problem.File, problem.Row));
        Assert.Contains("name_en, host_school_code, chair_email", problem.Reason.En);
    }

    [Fact]
    public void A_partial_import_keeps_the_other_kinds_and_rechecks_them()
    {
        var current = DirectoryExamples.Load();
        var teacher = DirectoryExamples.Csv("people.csv", PeopleHeader + "new.t@school-c.example.ac.th,ครูใหม่,,teacher,S0004,,\n");

        var result = DirectoryImport.Read([teacher], current);

        Assert.Equal([DirectoryKind.People], result.Imported);
        Assert.Equal(4, result.Directory!.Schools.Count);
        Assert.Single(result.Directory.People);
        var changes = DirectoryChanges.Between(current, result.Directory);
        Assert.Equal(new KindChanges(DirectoryKind.People, 1, 10, 0, 1), changes.Kinds.Single(k => k.Kind == DirectoryKind.People));
        Assert.False(changes.Kinds.Single(k => k.Kind == DirectoryKind.Schools).Any);

        // Dropping a school that the kept people.csv still names is refused, pointing at the kept row.
        var schools = DirectoryExamples.Csv("schools.csv", SchoolsHeader + "S0001,โรงเรียน ก,,1,,,\nS0002,โรงเรียน ข,,1,,,\nS0003,โรงเรียน ค,,2,,,\n");
        var problems = Problems([schools], result.Directory);
        var kept = Assert.Single(problems);
        Assert.Equal(("people.csv", 2), (kept.File, kept.Row));
        Assert.Contains("current directory", kept.Reason.En);
    }

    [Fact]
    public void A_renamed_file_is_known_by_its_header_and_an_unknown_one_is_reported()
    {
        var renamed = DirectoryExamples.Files().Single(f => f.Name == "centres.csv") with { Name = "ศูนย์ฯ ปี 2569.csv" };
        Assert.Equal([DirectoryKind.Centres], DirectoryImport.Read([renamed], DirectoryExamples.Load()).Imported);

        var unknown = Assert.Single(Problems([DirectoryExamples.Csv("notes.csv", "a,b\n1,2\n")]));
        Assert.Equal(("notes.csv", 0), (unknown.File, unknown.Row));
        Assert.Equal(ImportReasons.NoFiles, Assert.Single(Problems([])).Reason);
    }
}
