using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Visits;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Tests.AreaDirectory;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Visits;

/// <summary><c>visits import</c> and <c>visits export</c> against a real Azurite, as the office runs them.</summary>
public sealed class VisitsCommandTests : IAsyncLifetime
{
    private const string Header = "school_code,date,start,end,supervisor_email,checklist,purpose,mode,teachers\n";
    private string _connectionString = null!;
    private string _prefix = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await Azurite.GetAsync()).ConnectionString;
        _prefix = Azurite.NewTablePrefix(nameof(VisitsCommandTests));
        _folder = Directory.CreateTempSubdirectory("visits-command-").FullName;
        var directory = await DirectoryCommand.RunAsync(["import", DirectoryExamples.Folder], TextWriter.Null, TextWriter.Null, Storage);
        Assert.Equal(0, directory);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private void Storage(WebApplicationBuilder builder)
    {
        builder.Configuration["Storage:ConnectionString"] = _connectionString;
        builder.Configuration["Storage:TablePrefix"] = _prefix;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await VisitsCommand.RunAsync(args, output, error, Storage);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string csv)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, csv, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Working days at least two weeks ahead of the real clock (the command runs on it), within one semester.</summary>
    private static (DateOnly First, DateOnly Second, string Semester) Days()
    {
        var calendar = SchoolCalendarLoader.Load([]);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        foreach (var year in calendar.Years)
        {
            foreach (var semester in year.Semesters)
            {
                var working = Enumerable.Range(0, semester.End.DayNumber - semester.Start.DayNumber + 1)
                    .Select(semester.Start.AddDays).Where(d => d >= day && calendar.IsWorkingDay(d)).Take(2).ToList();
                if (working.Count == 2)
                {
                    return (working[0], working[1], string.Create(CultureInfo.InvariantCulture, $"{year.BuddhistYear}-{semester.Number}"));
                }
            }
        }
        throw new InvalidOperationException("The school calendar has no semester ahead: add next year's file.");
    }

    private static string BuddhistEra(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day:D2}/{date.Month:D2}/{date.Year + 543}");

    [Fact]
    public async Task Import_adds_the_visits_once_and_export_lists_a_supervisor_s_group_over_the_semester()
    {
        var (first, second, semester) = Days();
        var file = Write("term.csv", Header +
            $"S0001,{first:yyyy-MM-dd},09:00,11:00,niramon.s@area.example.go.th,active-learning-observation,\"นิเทศชั้นเรียน, ม.2\",onsite,wipa.t@school-a.example.ac.th\n" +
            $"S0003,{BuddhistEra(second)},13:00,15:00,niramon.s@area.example.go.th,iqa-follow-up,ติดตามการประกันคุณภาพ,online,\n" +
            $"S0002,{first:yyyy-MM-dd},13:00,15:00,thongchai.n@area.example.go.th,administration-supervision,นิเทศการบริหาร,blended,\n");

        var imported = await RunAsync("import", file);
        Assert.True(imported.Exit == 0, imported.Output + imported.Error);
        Assert.Contains("3 visit(s) added, 0 already there", imported.Output);
        var again = await RunAsync("import", file);
        Assert.Equal(0, again.Exit);
        Assert.Contains("0 visit(s) added, 3 already there", again.Output);

        var group1 = Path.Combine(_folder, "group1.csv");
        var export = await RunAsync("export", "--supervisor", "niramon.s@area.example.go.th", "--group", "1", "--semester", semester, "--out", group1);
        Assert.True(export.Exit == 0, export.Output + export.Error);
        var bytes = await File.ReadAllBytesAsync(group1);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("visit_id,school_code,school_name,group_no,date,date_th,start,end,supervisor_email,checklist,purpose,mode,teachers,status,status_th", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains($",S0001,โรงเรียนริมน้ำวิทยา,1,{first:yyyy-MM-dd},{ThaiDates.FormatDate(first, SupervisionBot.Cards.Language.Thai)},09:00,11:00,niramon.s@area.example.go.th,active-learning-observation,\"นิเทศชั้นเรียน, ม.2\",onsite,wipa.t@school-a.example.ac.th,Scheduled,นัดหมายแล้ว", row);

        var all = Path.Combine(_folder, "all.csv");
        Assert.Equal(0, (await RunAsync("export", "--supervisor", "niramon.s@area.example.go.th", "--semester", semester, "--out", all)).Exit);
        Assert.Equal(3, File.ReadAllLines(all).Length);
    }

    [Fact]
    public async Task A_file_with_bad_rows_exits_1_with_every_row_and_reason_and_stores_nothing()
    {
        var (first, _, semester) = Days();
        var file = Write("bad.csv", Header +
            $"S0001,{first:yyyy-MM-dd},09:00,11:00,niramon.s@area.example.go.th,active-learning-observation,ดี,onsite,\n" +
            $"S0001,{first:yyyy-MM-dd},09:00,11:00,niramon.s@area.example.go.th,active-learning-observation,ดี,by bus,\n" +
            $"S9999,{first:yyyy-MM-dd},10:00,11:00,niramon.s@area.example.go.th,active-learning-observation,ดี,onsite,\n");

        var (exit, output, _) = await RunAsync("import", file);

        Assert.Equal(1, exit);
        Assert.Contains("Nothing was imported: 2 problem(s).", output);
        Assert.Contains("file,row,reason", output);
        Assert.Contains("bad.csv,3,\"mode “by bus” must be onsite, online or blended\"", output);
        Assert.Contains("bad.csv,4,There is no school “S9999” in the directory", output);
        var out1 = Path.Combine(_folder, "none.csv");
        Assert.Equal(0, (await RunAsync("export", "--supervisor", "niramon.s@area.example.go.th", "--semester", semester, "--out", out1)).Exit);
        Assert.Single(File.ReadAllLines(out1));
    }

    [Fact]
    public async Task Wrong_usage_exits_2_with_the_usage()
    {
        Assert.Equal(2, (await RunAsync("import")).Exit);
        Assert.Equal(2, (await RunAsync("import", Path.Combine(_folder, "missing.csv"))).Exit);
        var noOut = await RunAsync("export", "--supervisor", "niramon.s@area.example.go.th");
        Assert.Equal(2, noOut.Exit);
        Assert.Contains("visits export --supervisor <email>", noOut.Error);
        var unknown = await RunAsync("export", "--supervisor", "a@b.c", "--semester", "2400-1", "--out", Path.Combine(_folder, "x.csv"));
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("No semester 2400-1", unknown.Error);
    }
}
