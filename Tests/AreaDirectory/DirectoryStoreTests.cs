using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.AreaDirectory;

/// <summary>The directory in a real Azurite: versions, the pointer flip, the command line and the per-instance cache.</summary>
public sealed class DirectoryStoreTests : IAsyncLifetime
{
    private const string PeopleHeader = "email,display_name,aad_object_id,roles,school_code,group_nos,learning_areas\n";
    private string _connectionString = null!;
    private string _prefix = null!;
    private SupervisionTables _tables = null!;
    private readonly ManualTimeProvider _time = new();

    public async Task InitializeAsync()
    {
        _connectionString = (await Azurite.GetAsync()).ConnectionString;
        _prefix = Azurite.NewTablePrefix(nameof(DirectoryStoreTests));
        _tables = ConversationReferenceStoreTests.NewTables(_connectionString, _prefix);
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private TableDirectoryStore NewStore() => new(_tables, _time, NullLogger<TableDirectoryStore>.Instance);

    private DirectoryCache NewCache(TableDirectoryStore store) =>
        new(store, _time, new OptionsMonitorStub(new AreaDirectoryOptions { RefreshSeconds = 30 }), NullLogger<DirectoryCache>.Instance);

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await DirectoryCommand.RunAsync(args, output, error, builder =>
        {
            builder.Configuration["Storage:ConnectionString"] = _connectionString;
            builder.Configuration["Storage:TablePrefix"] = _prefix;
        });
        return (exit, output.ToString(), error.ToString());
    }

    private static IReadOnlyList<DirectoryFile> People(int count, string tag) =>
        DirectoryExamples.With("people.csv", PeopleHeader + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"t{i:D5}.{tag}@school-a.example.ac.th,ครูทดสอบ {tag} หมายเลข {i} ผู้มีชื่อยาวพอให้ไฟล์แบ่งเป็นหลายส่วน,,teacher,S0001,1,MA;SC\n")));

    [Fact]
    public async Task The_command_imports_reports_no_change_the_second_time_and_exports_files_that_import_back()
    {
        var first = await RunAsync("import", DirectoryExamples.Folder);
        Assert.True(first.Exit == 0, first.Output + first.Error);
        Assert.Contains("people.csv: 10 rows (10 added, 0 removed, 0 changed)", first.Output);
        var version = (await NewStore().LoadAsync(CancellationToken.None)).Version;

        var second = await RunAsync("import", DirectoryExamples.Folder);
        Assert.Equal(0, second.Exit);
        Assert.Contains("No changes", second.Output);
        Assert.Equal(version, (await NewStore().LoadAsync(CancellationToken.None)).Version);

        var folder = System.IO.Directory.CreateTempSubdirectory("directory-export-").FullName;
        var export = await RunAsync("export", folder);
        Assert.Equal(0, export.Exit);
        Assert.Equal(
            DirectoryExport.Files(DirectoryExamples.Load()).Select(f => (f.Name, f.Content)),
            System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).OrderBy(f => Array.IndexOf(["groups.csv", "schools.csv", "centres.csv", "people.csv"], f.Item1)));
        Assert.Contains("No changes", (await RunAsync("import", folder)).Output);
    }

    [Fact]
    public async Task A_folder_with_a_bad_row_exits_1_with_the_report_and_changes_nothing()
    {
        Assert.Equal(0, (await RunAsync("import", DirectoryExamples.Folder)).Exit);
        var before = await NewStore().LoadAsync(CancellationToken.None);
        var folder = System.IO.Directory.CreateTempSubdirectory("directory-bad-").FullName;
        foreach (var file in DirectoryExamples.With("people.csv", PeopleHeader + "ok@school-a.example.ac.th,ครู ก,,teacher,S0001,,\nbad,ครู ข,,teacher,,,\n"))
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Content);
        }

        var (exit, output, _) = await RunAsync("import", folder);

        Assert.Equal(1, exit);
        Assert.Contains("file,row,reason", output);
        Assert.Contains("people.csv,3,email “bad” is not a valid email address", output);
        var after = await NewStore().LoadAsync(CancellationToken.None);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(10, after.Directory.People.Count);
        Assert.Equal(2, (await RunAsync("import")).Exit);
    }

    [Fact]
    public async Task Readers_see_the_old_or_the_new_version_never_a_mix_and_concurrent_imports_both_land()
    {
        var small = People(200, "a");
        var large = People(1_000, "b");
        var fingerprints = new[] { small, large }.Select(f => DirectoryExport.Fingerprint(DirectoryImport.Read(f, OfficeDirectory.Empty).Directory!)).ToArray();
        await NewStore().ImportAsync(small, CancellationToken.None);

        using var stop = new CancellationTokenSource();
        var seen = new List<string>();
        var reader = Task.Run(async () =>
        {
            var store = NewStore();
            while (!stop.IsCancellationRequested)
            {
                seen.Add(DirectoryExport.Fingerprint((await store.LoadAsync(CancellationToken.None)).Directory));
            }
        });
        // Two instances import at once, several times: every flip is checked against the pointer's ETag.
        for (var i = 0; i < 3; i++)
        {
            var reports = await Task.WhenAll(NewStore().ImportAsync(large, CancellationToken.None), NewStore().ImportAsync(i % 2 == 0 ? small : large, CancellationToken.None));
            Assert.All(reports, r => Assert.NotEqual(ImportStatus.Refused, r.Status));
        }
        await stop.CancelAsync();
        await reader;

        Assert.NotEmpty(seen);
        Assert.All(seen, f => Assert.Contains(f, fingerprints));
        var final = await NewStore().LoadAsync(CancellationToken.None);
        Assert.Contains(DirectoryExport.Fingerprint(final.Directory), fingerprints);
        // Only the current version and the one before it stay in the table.
        var partitions = new HashSet<string>();
        await foreach (var e in _tables.Directory.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            partitions.Add(e.PartitionKey);
        }
        Assert.InRange(partitions.Count(p => p.StartsWith("v-", StringComparison.Ordinal)), 1, 2);
    }

    [Fact]
    public async Task Each_instance_caches_and_sees_another_instances_import_within_the_refresh_interval()
    {
        var storeA = NewStore();
        var storeB = NewStore();
        var cacheA = NewCache(storeA);
        var cacheB = NewCache(storeB);
        await storeA.ImportAsync(DirectoryExamples.Files(), CancellationToken.None);
        Assert.Equal(10, (await cacheA.CurrentAsync(CancellationToken.None)).People.Count);
        Assert.Equal(10, (await cacheB.CurrentAsync(CancellationToken.None)).People.Count);

        var report = await storeA.ImportAsync(People(3, "c"), CancellationToken.None);
        Assert.Equal(ImportStatus.Imported, report.Status);

        Assert.Equal(3, (await cacheA.CurrentAsync(CancellationToken.None)).People.Count);
        Assert.Equal(10, (await cacheB.CurrentAsync(CancellationToken.None)).People.Count);
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(3, (await cacheB.CurrentAsync(CancellationToken.None)).People.Count);
    }

    [Fact]
    public async Task Files_made_from_a_version_another_import_has_replaced_are_not_stored()
    {
        var store = NewStore();
        await store.ImportAsync(DirectoryExamples.Files(), CancellationToken.None);
        var linkedFrom = await store.LoadAsync(CancellationToken.None);
        // While `directory link` asks Graph about that version, an admin imports another.
        var meanwhile = await NewStore().ImportAsync(People(3, "c"), CancellationToken.None);

        var stale = await store.ImportOverAsync(DirectoryExport.Files(linkedFrom.Directory), linkedFrom.Version, CancellationToken.None);

        Assert.Null(stale);
        var now = await NewStore().LoadAsync(CancellationToken.None);
        Assert.Equal(meanwhile.Version, now.Version);
        Assert.Equal(3, now.Directory.People.Count);
        var current = await store.ImportOverAsync(DirectoryExport.Files(now.Directory), now.Version, CancellationToken.None);
        Assert.Equal(ImportStatus.Unchanged, current!.Status);
    }

    [Fact]
    public async Task An_empty_store_reads_as_an_empty_directory()
    {
        var stored = await NewStore().LoadAsync(CancellationToken.None);
        Assert.True(stored.Directory.IsEmpty);
        Assert.Null(stored.Version);
        var (exit, output, _) = await RunAsync("export", System.IO.Directory.CreateTempSubdirectory("directory-empty-").FullName);
        Assert.Equal(0, exit);
        Assert.Contains("0 people", output);
    }

    private sealed class OptionsMonitorStub(AreaDirectoryOptions value) : IOptionsMonitor<AreaDirectoryOptions>
    {
        public AreaDirectoryOptions CurrentValue => value;

        public AreaDirectoryOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AreaDirectoryOptions, string?> listener) => null;
    }
}
