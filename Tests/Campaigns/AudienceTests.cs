using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Campaigns;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.AreaDirectory;

namespace SupervisionBot.Tests.Campaigns;

public sealed class AudienceTests
{
    private static AudienceSpec Parse(string text)
    {
        Assert.True(AudienceSpec.TryParse(text, out var spec, out var error), error?.Get(Language.English));
        return spec;
    }

    private static AudienceError Error(string text)
    {
        Assert.False(AudienceSpec.TryParse(text, out _, out var error));
        return error!;
    }

    [Fact]
    public void Semicolons_join_clauses_that_must_all_hold_and_commas_join_alternatives()
    {
        var spec = Parse("group:1,group:3;role:teacher;area:science");

        Assert.Equal(3, spec.Clauses.Count);
        Assert.Equal([("Group", "1", 1), ("Group", "3", 9)], spec.Clauses[0].Terms.Select(t => (t.Kind.ToString(), t.Value, t.Position)));
        Assert.Equal(AudienceKind.Role, Assert.Single(spec.Clauses[1].Terms).Kind);
        Assert.Equal("group:1,group:3;role:teacher;area:science", spec.ToString());
    }

    [Fact]
    public void A_value_without_a_kind_takes_the_kind_before_it_and_spaces_and_case_do_not_matter()
    {
        var spec = Parse(" GROUP:1, 3 ; Role:Group-Chair ; centre:C-SC ; visits:v1,v2 ; school:S1 ; area:MA");

        Assert.Equal(["1", "3"], spec.Clauses[0].Terms.Select(t => t.Value));
        Assert.All(spec.Clauses[0].Terms, t => Assert.Equal(AudienceKind.Group, t.Kind));
        Assert.Equal([AudienceKind.Group, AudienceKind.Role, AudienceKind.Centre, AudienceKind.Visits, AudienceKind.School, AudienceKind.Area],
            spec.Clauses.Select(c => c.Terms[0].Kind));
    }

    [Theory]
    [InlineData("science", "SC")]
    [InlineData("Mathematics", "MA")]
    [InlineData("math", "MA")]
    [InlineData("thai", "TH")]
    [InlineData("fl", "FL")]
    [InlineData("student", "SD")]
    [InlineData("วิทยาศาสตร์และเทคโนโลยี", "SC")]
    public void A_learning_area_is_named_by_its_code_or_its_name(string value, string code) =>
        Assert.Equal(code, AudienceSpec.AreaOf(value)!.Code);

    [Theory]
    [InlineData("", 0, "no audience")]
    [InlineData("group:1;", 9, "empty; expected a term")]
    [InlineData("group:1,,group:2", 9, "empty; expected a term")]
    [InlineData("teacher", 1, "has no kind")]
    [InlineData("role:teacher;grade:6", 14, "unknown kind “grade”")]
    [InlineData("group:", 7, "expected a value after “group:”")]
    [InlineData("group:one", 1, "must be a group number")]
    [InlineData("group:1;role:principal", 9, "unknown role “principal”")]
    [InlineData("area:cooking", 1, "unknown learning area “cooking”")]
    public void A_mistake_says_where_it_is_and_what_was_expected(string text, int position, string message)
    {
        var error = Error(text);

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message.En, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Message.Th));
        Assert.StartsWith(position > 0 ? $"ตำแหน่งที่ {position}: " : "ยังไม่ได้ระบุ", error.Get(Language.Thai), StringComparison.Ordinal);
    }

    private static async Task<ResolvedAudience> ResolveAsync(string text, params Visit[] visits) =>
        await new AudienceResolver(new FixedDirectory(CampaignOffice.Build()), new InMemoryVisits(visits)).ResolveAsync(Parse(text), CancellationToken.None);

    private static async Task<string[]> EmailsAsync(string text, params Visit[] visits)
    {
        var resolved = await ResolveAsync(text, visits);
        Assert.Null(resolved.Error);
        return resolved.Members.Select(m => m.Email).ToArray();
    }

    [Fact]
    public async Task Every_kind_names_its_people()
    {
        // group: the group's schools' people and those the directory assigns to it (the supervisor).
        Assert.Equal(["mana@s1.example", "noaad@s1.example", "somsri@s1.example", "sup@area.example"], await EmailsAsync("group:1"));
        Assert.Equal(["chair@s2.example", "piti@s2.example"], await EmailsAsync("school:s2"));
        Assert.Equal(["chair@s2.example", "dir@s3.example"], await EmailsAsync("role:director"));
        Assert.Equal(["noaad@s1.example", "piti@s2.example", "somsri@s1.example", "sup@area.example"], await EmailsAsync("area:science"));
        // centre: its learning area's network across the area, and its chair.
        Assert.Equal(["chair@s2.example", "noaad@s1.example", "piti@s2.example", "somsri@s1.example", "sup@area.example"], await EmailsAsync("centre:C-SC"));
        var visit = new Visit
        {
            Id = "v1", SchoolCode = "S1", StartUtc = DateTimeOffset.UnixEpoch, EndUtc = DateTimeOffset.UnixEpoch, SupervisorEmail = "sup@area.example",
            ChecklistFormId = "active-learning-observation", TeacherEmails = ["mana@s1.example", "Somsri@S1.example"],
        };
        Assert.Equal(["mana@s1.example", "somsri@s1.example"], await EmailsAsync("visits:v1", visit));
    }

    [Fact]
    public async Task Alternatives_add_people_and_clauses_narrow_them()
    {
        Assert.Equal(["mana@s1.example", "noaad@s1.example", "piti@s2.example", "somsri@s1.example"], await EmailsAsync("group:1,group:2;role:teacher"));
        Assert.Equal(["noaad@s1.example", "piti@s2.example", "somsri@s1.example"], await EmailsAsync("group:1,2;role:teacher;area:SC"));
        Assert.Equal(["chair@s2.example", "dir@s3.example", "piti@s2.example"], await EmailsAsync("school:S2,school:S3;role:teacher,role:director;area:MA,role:director;group:2,group:3;school:S2,S3"));
        Assert.Equal(["dir@s3.example", "piti@s2.example"], await EmailsAsync("school:S2,school:S3;role:teacher,area:MA,school:S3"));
        Assert.Empty(await EmailsAsync("school:S3;role:teacher"));
    }

    [Fact]
    public async Task People_who_cannot_be_reached_stay_listed_with_the_reason()
    {
        var resolved = await ResolveAsync("visits:v2", new Visit
        {
            Id = "v2", SchoolCode = "S1", StartUtc = DateTimeOffset.UnixEpoch, EndUtc = DateTimeOffset.UnixEpoch, SupervisorEmail = "sup@area.example",
            ChecklistFormId = "active-learning-observation", TeacherEmails = ["noaad@s1.example", "stranger@else.example"],
        });

        Assert.Equal(2, resolved.Members.Count);
        Assert.Equal(0, resolved.Reachable);
        Assert.Equal(AudienceResolver.NoAadObjectId, resolved.Members.Single(m => m.Email == "noaad@s1.example").Unreachable);
        Assert.Equal(AudienceResolver.NotInDirectory, resolved.Members.Single(m => m.Email == "stranger@else.example").Unreachable);
    }

    [Theory]
    [InlineData("group:9", 1, "no school group “9”")]
    [InlineData("role:teacher;school:S9", 14, "no school with code “S9”")]
    [InlineData("centre:C-XX", 1, "no academic development centre with code “C-XX”")]
    [InlineData("visits:nope", 1, "no visit with id “nope”")]
    public async Task A_name_the_directory_does_not_hold_is_an_error_at_its_place(string text, int position, string message)
    {
        var resolved = await ResolveAsync(text);

        Assert.Equal(position, resolved.Error!.Position);
        Assert.Contains(message, resolved.Error.Message.En, StringComparison.Ordinal);
        Assert.Empty(resolved.Members);
    }

    [Fact]
    public async Task The_example_directory_resolves_with_its_unreachable_people_named()
    {
        var resolved = await new AudienceResolver(new FixedDirectory(DirectoryExamples.Load()), new InMemoryVisits()).ResolveAsync(Parse("group:1;role:director"), CancellationToken.None);

        Assert.Equal(["malee.s@school-b.example.ac.th", "somchai.r@school-a.example.ac.th"], resolved.Members.Select(m => m.Email));
        Assert.Equal(1, resolved.Reachable);
    }
}
