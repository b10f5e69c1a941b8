using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.AreaDirectory;

public sealed class DirectoryRolesAndPickersTests
{
    private const string SupervisorAad = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    private const string TeacherAad = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private sealed class FixedDirectory(OfficeDirectory directory) : IOfficeDirectorySource
    {
        public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(directory);
    }

    private sealed class FixedRoles(params RespondentRole[] roles) : IRoleDirectory
    {
        public Task<IReadOnlySet<RespondentRole>> GetRolesAsync(Participant user, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<RespondentRole>>(roles.ToHashSet());
    }

    private static Participant User(string? aad) => new("29:" + aad, aad, null);

    [Fact]
    public async Task Listed_people_get_their_directory_roles_others_the_fallback_and_configured_admins_are_admins()
    {
        var roles = new DirectoryRoles(new FixedDirectory(DirectoryExamples.Load()), new FixedRoles(RespondentRole.Teacher), id => id == "aad-it");

        Assert.Equal([RespondentRole.Supervisor], await roles.GetRolesAsync(User(SupervisorAad.ToUpperInvariant()), CancellationToken.None));
        Assert.True((await roles.GetRolesAsync(User(TeacherAad), CancellationToken.None)).SetEquals([RespondentRole.Teacher, RespondentRole.CentreChair]));
        Assert.Equal([RespondentRole.Teacher], await roles.GetRolesAsync(User("aad-stranger"), CancellationToken.None));
        Assert.Equal([RespondentRole.Teacher], await roles.GetRolesAsync(User(null), CancellationToken.None));
        Assert.True((await roles.GetRolesAsync(User("aad-it"), CancellationToken.None)).SetEquals([RespondentRole.Teacher, RespondentRole.Admin]));
    }

    [Fact]
    public async Task Pickers_list_the_directory_in_the_readers_language_and_fall_back_where_it_is_empty()
    {
        var fallback = new ConfiguredPickerChoices(new Dictionary<PickerSource, IReadOnlyList<PickerChoice>>
        {
            [PickerSource.School] = [new PickerChoice("cfg", "จากการตั้งค่า")],
        });
        var pickers = new DirectoryPickerChoices(new FixedDirectory(DirectoryExamples.Load()), fallback);

        var schools = await pickers.GetChoicesAsync(PickerSource.School, Language.English, CancellationToken.None);
        Assert.Equal(new PickerChoice("S0001", "Rimnam Wittaya School"), schools[0]);
        Assert.Equal(new PickerChoice("S0004", "โรงเรียนดอยงามศึกษา"), schools[3]);
        Assert.Equal([new PickerChoice("1", "กลุ่มโรงเรียนริมน้ำ"), new PickerChoice("2", "กลุ่มโรงเรียนเชิงดอย")],
            await pickers.GetChoicesAsync(PickerSource.Group, Language.Thai, CancellationToken.None));
        Assert.Equal(["C-MA-1", "C-SC-2"], (await pickers.GetChoicesAsync(PickerSource.Centre, Language.Thai, CancellationToken.None)).Select(c => c.Value));
        Assert.Equal(["anan.p@school-a.example.ac.th", "kanya.m@school-c.example.ac.th", "wipa.t@school-a.example.ac.th"],
            (await pickers.GetChoicesAsync(PickerSource.Teacher, Language.Thai, CancellationToken.None)).Select(c => c.Value));
        Assert.Equal(9, (await pickers.GetChoicesAsync(PickerSource.LearningArea, Language.Thai, CancellationToken.None)).Count);

        var empty = new DirectoryPickerChoices(new FixedDirectory(OfficeDirectory.Empty), fallback);
        Assert.Equal("cfg", Assert.Single(await empty.GetChoicesAsync(PickerSource.School, Language.Thai, CancellationToken.None)).Value);
        Assert.Empty(await empty.GetChoicesAsync(PickerSource.Teacher, Language.Thai, CancellationToken.None));
    }

    [Fact]
    public async Task A_list_too_long_for_a_card_asks_for_the_name_instead()
    {
        var people = Enumerable.Range(0, DirectoryPickerChoices.MaxChoices + 1)
            .Select(i => new Person($"t{i}@x.example.ac.th", $"ครู {i}", null, new HashSet<RespondentRole> { RespondentRole.Teacher }, null, [], []));
        var pickers = new DirectoryPickerChoices(new FixedDirectory(new OfficeDirectory([], [], [], people)), new LearningAreaPickerChoices());

        Assert.Empty(await pickers.GetChoicesAsync(PickerSource.Teacher, Language.Thai, CancellationToken.None));
    }

    [Fact]
    public async Task The_bot_reads_roles_and_pickers_from_the_imported_directory()
    {
        var azurite = await Azurite.GetAsync();
        await using var bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("dirwired"), new Dictionary<string, string?>
        {
            ["Roles:Default:0"] = "Teacher",
            ["Roles:Users:aad-configured:0"] = "UnitHead",
            ["Directory:Admins:0"] = "aad-it",
        });
        var roles = bot.Services.GetRequiredService<IRoleDirectory>();
        var pickers = bot.Services.GetRequiredService<IPickerChoices>();
        Assert.Equal([RespondentRole.Teacher], await roles.GetRolesAsync(User(SupervisorAad), CancellationToken.None));

        var report = await bot.Services.GetRequiredService<IDirectoryImporter>().ImportAsync(DirectoryExamples.Files(), CancellationToken.None);

        Assert.Equal(ImportStatus.Imported, report.Status);
        Assert.Equal([RespondentRole.Supervisor], await roles.GetRolesAsync(User(SupervisorAad), CancellationToken.None));
        Assert.Equal([RespondentRole.UnitHead], await roles.GetRolesAsync(User("aad-configured"), CancellationToken.None));
        Assert.Contains(RespondentRole.Admin, await roles.GetRolesAsync(User("aad-it"), CancellationToken.None));
        Assert.Equal(4, (await pickers.GetChoicesAsync(PickerSource.School, Language.Thai, CancellationToken.None)).Count);
    }
}
