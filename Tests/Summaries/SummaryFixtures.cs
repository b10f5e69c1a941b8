using Microsoft.Extensions.Logging.Abstractions;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Bot.Summaries;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Tests.Summaries;

/// <summary>Forms, a small directory and responses the summary tests share.</summary>
internal static class SummaryFixtures
{
    public static FormCatalogue Catalogue { get; } = FormCatalogue.LoadBuiltIn();

    public static FormDefinition Needs => Catalogue.Find("school-administration-needs")!;

    public static FormDefinition Satisfaction => Catalogue.Find("supervision-satisfaction")!;

    /// <summary>Two groups of two schools; group 1 has a channel, a chair and directors; an area director and a unit head.</summary>
    public static OfficeDirectory Office { get; } = new(
        [
            new SchoolGroup(1, "กลุ่มโรงเรียนที่ 1 สหวิทยาเขตพระนคร", "Group 1 Phra Nakhon", "chair1@sesao1.go.th", null, "team-1", "19:group1@thread.tacv2"),
            new SchoolGroup(2, "กลุ่มโรงเรียนที่ 2", null, null, null, null, null),
        ],
        [
            new School("1010", "โรงเรียนสวนกุหลาบวิทยาลัย", "Suankularb Wittayalai School", 1, "dir1010@sesao1.go.th", null, false),
            new School("1011", "โรงเรียนราชินี", null, 1, "dir1011@sesao1.go.th", null, false),
            new School("2020", "โรงเรียนวัดสุทธิวราราม", null, 2, null, null, false),
            new School("2021", "โรงเรียนสตรีวิทยา", null, 2, null, null, false),
        ],
        [],
        [
            Person("chair1@sesao1.go.th", "aad-chair1", [RespondentRole.Director, RespondentRole.GroupChair], "1010", [1]),
            Person("dir1010@sesao1.go.th", "aad-dir1010", [RespondentRole.Director], "1010", []),
            Person("dir1011@sesao1.go.th", "aad-dir1011", [RespondentRole.Director], "1011", []),
            Person("areadir@sesao1.go.th", "aad-areadir", [RespondentRole.AreaDirector], null, []),
            Person("head@sesao1.go.th", "aad-head", [RespondentRole.UnitHead], null, []),
            Person("sup1@sesao1.go.th", "aad-sup1", [RespondentRole.Supervisor], null, [1]),
            Person("teacher@sesao1.go.th", "aad-teacher", [RespondentRole.Teacher], "1010", []),
        ]);

    public static Person Person(string email, string aad, RespondentRole[] roles, string? school, int[] groups) =>
        new(email, email.Split('@')[0], aad, roles.ToHashSet(), school, groups, []);

    public sealed class FixedDirectory(OfficeDirectory directory) : IOfficeDirectorySource
    {
        public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(directory);
    }

    /// <summary>The aggregate recording <paramref name="responses"/> would leave in one scope.</summary>
    public static ScopeAggregate Of(FormDefinition form, IEnumerable<FormResponse> responses)
    {
        var aggregate = new ScopeAggregate();
        foreach (var response in responses)
        {
            aggregate.Add(form, response);
        }
        return aggregate;
    }

    public static TableResponseAggregates Aggregates(SupervisionTables tables) =>
        new(tables, Catalogue, new FixedDirectory(Office), TimeProvider.System, NullLogger<TableResponseAggregates>.Instance);

    /// <summary>A needs-survey response from <paramref name="school"/> rating every current-state item <paramref name="current"/> and every desired item <paramref name="desired"/>.</summary>
    public static FormResponse NeedsResponse(string school, int current, int desired, string? suggestion = null, string respondent = "aad-dir1010")
    {
        var answers = new List<KeyValuePair<string, string>> { new("school", school), new("academic-year", "2569"), new("position", "director") };
        foreach (var item in Needs.Items.OfType<ScaledItem>())
        {
            answers.Add(new(item.Id, (item.Series == "current" ? current : desired).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (suggestion is not null)
        {
            answers.Add(new("suggestions", suggestion));
        }
        return new FormResponse(Needs.Id, Needs.Version, "NEE-" + Guid.NewGuid().ToString("N")[..6], FormAnswers.From(answers), DateTimeOffset.UtcNow, respondent);
    }

    /// <summary>A satisfaction response rating every item <paramref name="level"/>.</summary>
    public static FormResponse SatisfactionResponse(int level, string? suggestion = null)
    {
        var answers = Satisfaction.Items.OfType<ScaledItem>()
            .Select(item => new KeyValuePair<string, string>(item.Id, level.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        if (suggestion is not null)
        {
            answers.Add(new("suggestions", suggestion));
        }
        return new FormResponse(Satisfaction.Id, Satisfaction.Version, "SAT-x", FormAnswers.From(answers), DateTimeOffset.UtcNow, null);
    }
}
