using System.Globalization;
using System.Text;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Visits;

/// <summary>The import's rules over the in-memory store: the example file, bad rows with their numbers, all or nothing, idempotence.</summary>
public sealed class VisitImportTests
{
    private const string Header = "school_code,date,start,end,supervisor_email,checklist,purpose,mode,teachers\n";
    private readonly VisitWorld _world = new();

    public static string ExampleFile { get; } = Path.Combine(RepoPaths.Root, "docs", "examples", "visits", "visits.csv");

    private VisitImport Import => new(_world.Planner);

    private Task<VisitImportReport> ImportAsync(string csv) =>
        Import.ImportAsync("visits.csv", Encoding.UTF8.GetBytes(csv), VisitActor.CommandLine, CancellationToken.None);

    [Fact]
    public async Task The_example_file_imports_and_importing_it_again_adds_nothing()
    {
        var bytes = await File.ReadAllBytesAsync(ExampleFile);

        var first = await Import.ImportAsync("visits.csv", bytes, VisitActor.CommandLine, CancellationToken.None);
        var second = await Import.ImportAsync("visits.csv", bytes, VisitActor.CommandLine, CancellationToken.None);

        Assert.Empty(first.Problems);
        Assert.Equal((3, 0), (first.Added, first.AlreadyThere));
        Assert.Equal((0, 3), (second.Added, second.AlreadyThere));
        Assert.Equal(3, _world.Store.All.Count);
        Assert.Equal(3, _world.Reminders.Planned.Count);
        // The B.E. date 03/12/2569 is 3 December 2026, 13:00 in Bangkok.
        var online = _world.Store.All.Single(v => v.SchoolCode == "S0002");
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero), online.StartUtc);
        Assert.Equal(VisitMode.Online, online.Mode);
        Assert.Empty(online.TeacherEmails);
        var observed = _world.Store.All.Single(v => v.SchoolCode == "S0001");
        Assert.Equal(["wipa.t@school-a.example.ac.th", "anan.p@school-a.example.ac.th"], observed.TeacherEmails);
        Assert.Contains("ม.2, ติดตาม", observed.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_number_and_reason_and_nothing_is_stored()
    {
        var csv = Header +
            "S0001,2026-12-01,09:00,11:00,niramon.s@area.example.go.th,active-learning-observation,ดี,onsite,\n" +
            "S0001,31/02/2569,09:00,11:00,niramon.s@area.example.go.th,active-learning-observation,ดี,onsite,\n" +
            "S0001,2026-12-02,9am,11:00,niramon.s@area.example.go.th,active-learning-observation,ดี,walking,\n" +
            "S0001,2026-12-10,09:00,11:00,niramon.s@area.example.go.th,active-learning-observation,ดี,onsite,\n" +
            "S0001,2026-12-02,11:00,10:00,wipa.t@school-a.example.ac.th,satisfaction,ดี,onsite,nobody@x.example\n" +
            "\"S0009\",2026-12-02,09:00,10:00,niramon.s@area.example.go.th,iqa-follow-up,,online,\n" +
            "S0001,1/12/2569,09:00,11:00,niramon.s@area.example.go.th,active-learning-observation,ซ้ำ,onsite,\n";

        var report = await ImportAsync(csv);

        Assert.True(report.Refused);
        var rows = report.Problems.Select(p => (p.Row, p.Reason.En)).ToList();
        Assert.Contains((3, "date “31/02/2569” is not a date; write 2026-11-24 or 24/11/2569 (dd/mm/yyyy in the Buddhist Era)"), rows);
        Assert.Contains((4, "start “9am” is not a time; write HH:mm, e.g. 09:00 (Bangkok time)"), rows);
        Assert.Contains((4, "mode “walking” must be onsite, online or blended"), rows);
        Assert.Contains((7, "purpose is required"), rows);
        Assert.Contains((8, "The same visit as row 2 (same school, start and supervisor)"), rows);
        Assert.Empty(_world.Store.All);

        // Rows whose cells read well are then checked as visits, with the row numbers kept.
        var checkedRows = await ImportAsync(Header +
            "S0001,2026-12-10,09:00,11:00,niramon.s@area.example.go.th,active-learning-observation,ดี,onsite,\n" +
            "S0001,2026-12-02,11:00,10:00,wipa.t@school-a.example.ac.th,satisfaction,ดี,onsite,nobody@x.example\n" +
            "S0001,2026-12-03,09:00,10:00,niramon.s@area.example.go.th,iqa-follow-up,ดี,online,\n");
        var reasons = checkedRows.Problems.Select(p => (p.Row, p.Reason.En)).ToList();
        Assert.Contains((2, "10 December 2026 is a holiday (Constitution Day); choose a working day"), reasons);
        Assert.Contains((3, "The end time must be after the start time (on the same day)"), reasons);
        Assert.Contains((3, "“wipa.t@school-a.example.ac.th” is not a supervisor in the directory"), reasons);
        Assert.Contains((3, "There is no teacher “nobody@x.example” in the directory"), reasons);
        Assert.DoesNotContain(reasons, r => r.Row == 4);
        Assert.Empty(_world.Store.All);
        Assert.Empty(_world.Reminders.Planned);
    }

    [Fact]
    public async Task A_wrong_header_or_a_file_that_is_not_utf8_is_refused_at_its_row()
    {
        var wrong = await ImportAsync("school,date,start,end,supervisor_email,checklist,purpose,mode,teachers\nS0001,2026-12-01,09:00,11:00,a@b.c,x,y,onsite,\n");
        Assert.Equal((1, "The header must be exactly school_code,date,start,end,supervisor_email,checklist,purpose,mode,teachers"), (wrong.Problems[0].Row, wrong.Problems[0].Reason.En));

        var thai874 = Encoding.UTF8.GetBytes(Header).Concat(new byte[] { 0xC3, 0xD2, (byte)',', (byte)'\n' }).ToArray();
        var bad = await Import.ImportAsync("visits.csv", thai874, VisitActor.CommandLine, CancellationToken.None);
        Assert.Contains(bad.Problems, p => p.Row == 2 && p.Reason == ImportReasons.NotUtf8);
    }

    [Fact]
    public void Semester_names_are_read_as_the_office_writes_them()
    {
        var semesters = new SemesterVisits(_world.Store, new FixedDirectorySource(_world.Directory), VisitWorld.Calendar, VisitWorld.Catalogue, _world.Time);

        Assert.Equal(new DateOnly(2026, 11, 1), semesters.Find("2569-2")!.Semester.Start);
        Assert.Equal("2569-2", semesters.Find(null)!.Name);
        Assert.Equal(new DateTimeOffset(2026, 5, 15, 17, 0, 0, TimeSpan.Zero), semesters.Find("2569/1")!.FromUtc);
        Assert.Null(semesters.Find("2569-3"));
        Assert.Null(semesters.Find("next"));
        Assert.Equal("2569-2", semesters.Find(string.Create(CultureInfo.InvariantCulture, $"๒๕๖๙-๒"))!.Name);
    }
}
