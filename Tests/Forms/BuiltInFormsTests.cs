using System.Text.RegularExpressions;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Forms;

public partial class BuiltInFormsTests
{
    private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();

    public static TheoryData<string> FormIds() => new(Catalogue.Forms.Select(f => f.Id));

    [Fact]
    public void One_built_in_form_of_each_kind()
    {
        Assert.Equal(Enum.GetValues<FormKind>().Order(), Catalogue.Forms.Select(f => f.Kind).Order());
        Assert.Equal(
            ["active-learning-observation", "group-meeting-record", "iqa-follow-up", "learning-area-teaching-problems",
             "school-administration-needs", "success-indicator-follow-up", "supervision-satisfaction"],
            Catalogue.Forms.Select(f => f.Id));
    }

    [Fact]
    public void Forms_are_listed_by_role()
    {
        Assert.Equal(["learning-area-teaching-problems", "school-administration-needs", "supervision-satisfaction"],
            Catalogue.ForRole(RespondentRole.Teacher).Select(f => f.Id));
        Assert.Equal(["success-indicator-follow-up"], Catalogue.ForRole(RespondentRole.UnitHead).Select(f => f.Id));
    }

    [Theory]
    [InlineData("ประเมิน", "supervision-satisfaction")]
    [InlineData(" Satisfaction ", "supervision-satisfaction")]
    [InlineData("สังเกตการสอน", "active-learning-observation")]
    public void Chat_commands_open_their_form(string typed, string formId) =>
        Assert.Equal(formId, Catalogue.FindByCommand(typed)?.Id);

    [Fact]
    public void Unknown_command_opens_nothing() => Assert.Null(Catalogue.FindByCommand("สวัสดี"));

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Privacy_notice_names_the_controller_and_the_retention_period(string formId)
    {
        var settings = Catalogue.Find(formId)!.Settings;

        Assert.Contains("สพม.กท 1", settings.PrivacyNotice.Th);
        Assert.Contains("(DPO)", settings.PrivacyNotice.Th);
        Assert.Contains($"เก็บไว้ {settings.RetentionYears} ปี", settings.PrivacyNotice.Th);
        Assert.Contains($"kept for {settings.RetentionYears} years", settings.PrivacyNotice.En);
        Assert.DoesNotMatch(@"\d{3}[- ]?\d{3,4}", settings.PrivacyNotice.Th + settings.PrivacyNotice.En);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Anonymous_forms_ask_nothing_that_names_a_person_or_school(string formId)
    {
        var form = Catalogue.Find(formId)!;
        if (form.Settings.Anonymous)
        {
            Assert.DoesNotContain(form.Items, i => i is PickerItem { Source: PickerSource.Teacher or PickerSource.School });
        }
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Sections_fit_on_a_phone(string formId) =>
        Assert.All(Catalogue.Find(formId)!.Sections, s => Assert.InRange(s.Items.Count, 1, 16));

    [Fact]
    public void Needs_survey_rates_every_topic_for_problem_and_need()
    {
        var form = Catalogue.Find("school-administration-needs")!;
        Assert.Equal(["respondent", "academic", "budget", "personnel", "general", "other"], form.Sections.Select(s => s.Id));
        var scaled = form.Items.OfType<LikertItem>().ToArray();
        var problems = scaled.Where(i => i.Series == "problem").Select(i => i.Id[..^"-problem".Length]);
        var needs = scaled.Where(i => i.Series == "need").Select(i => i.Id[..^"-need".Length]);
        Assert.Equal(problems, needs);
        Assert.Equal(21, problems.Count());
    }

    [Fact]
    public void Iqa_follow_up_has_the_six_steps_and_three_standards()
    {
        var form = Catalogue.Find("iqa-follow-up")!;
        for (var step = 1; step <= 6; step++)
        {
            var section = form.FindSection($"step-{step}")!;
            Assert.StartsWith($"ขั้นตอนที่ {step} ", section.Title.Th);
            Assert.IsType<ChecklistItem>(section.Items[0]);
            var showWhen = section.Items[1].ShowWhen!;
            Assert.Equal($"step-{step}-done", showWhen.ItemId);
            Assert.Equal([ChecklistItem.Done], showWhen.Values);
        }

        Assert.Equal(3, form.FindSection("standards")!.Items.OfType<RatingItem>().Count(i => i.Scale == FiveLevelScale.Quality));
        Assert.Equal("ยอดเยี่ยม", form.Settings.Scoring.Find(4.51m).Label.Th);
    }

    [Fact]
    public void Satisfaction_form_is_anonymous_and_uses_the_satisfaction_stem()
    {
        var form = Catalogue.Find("supervision-satisfaction")!;
        Assert.True(form.Settings.Anonymous);
        Assert.All(form.Items.OfType<LikertItem>(), i => Assert.Same(FiveLevelScale.Satisfaction, i.Scale));
        Assert.Equal(["supervisor", "process", "results"], form.Sections.Where(s => s.Items.All(i => i is LikertItem)).Select(s => s.Id));
    }

    [Fact]
    public void Learning_area_picker_lists_the_nine_areas()
    {
        var form = Catalogue.Find("learning-area-teaching-problems")!;
        var picker = Assert.IsType<PickerItem>(form.FindItem("learning-area"));
        Assert.Equal(["TH", "MA", "SC", "SO", "PE", "AR", "OC", "FL", "SD"], picker.KnownValues!);
    }

    /// <summary>
    /// Every Thai text in the file reaches the model exactly as written: no escaping, trimming or
    /// Unicode normalisation (Thai vowels and tone marks are combining characters, easy to reorder).
    /// </summary>
    [Theory]
    [MemberData(nameof(FormIds))]
    public void Thai_text_round_trips_unchanged(string formId)
    {
        var raw = ReadRaw(formId);
        Assert.DoesNotContain("\\u", raw);
        var inFile = ThaiValue().Matches(raw).Select(m => m.Groups[1].Value).ToArray();

        var inModel = ThaiTexts(Catalogue.Find(formId)!).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(inFile);
        Assert.All(inFile, th => Assert.Contains(th, inModel));
    }

    private static IEnumerable<string> ThaiTexts(FormDefinition form)
    {
        IEnumerable<LocalizedText?> texts =
        [
            form.Title, form.Description, form.Settings.PrivacyNotice,
            .. form.Settings.Series.Select(s => s.Label),
            .. form.Settings.Scoring.Bands.Select(b => b.Label),
            .. form.Sections.SelectMany(s => new[] { s.Title, s.Description }),
            .. form.Items.SelectMany(ItemTexts),
        ];
        return texts.OfType<LocalizedText>().Select(t => t.Th);
    }

    private static IEnumerable<LocalizedText?> ItemTexts(FormItem item) =>
        new[] { item.Label, item.Help }.Concat(item switch
        {
            ChoiceItem choice => choice.Choices.Select(c => (LocalizedText?)c.Label),
            ChecklistItem checklist => [checklist.Evidence],
            ScaledItem scaled => scaled.Scale.HighestFirst().Select(l => (LocalizedText?)l.Label),
            _ => [],
        });

    private static string ReadRaw(string formId)
    {
        var assembly = typeof(FormCatalogue).Assembly;
        using var stream = assembly.GetManifestResourceStream($"SupervisionBot.Dialogs.Forms.Catalogue.{formId}.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("\"th\": \"([^\"\\\\]*)\"")]
    private static partial Regex ThaiValue();
}
