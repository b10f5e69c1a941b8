using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionBot.Bot.Export;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Export;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Tests.AreaDirectory;
using SupervisionBot.Tests.Cards;

namespace SupervisionBot.Tests.Export;

/// <summary>The chat export's parts on their own: who may export what, the card and its inputs, the context that round-trips through Teams.</summary>
public sealed class ChatExportRulesTests
{
    private static readonly OfficeDirectory Office = DirectoryExamples.Load();
    private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();
    private static readonly FormDefinition Observation = Catalogue.Find("active-learning-observation")!;
    private static readonly FormDefinition Needs = Catalogue.Find("school-administration-needs")!;

    private static Person Person(string email) => Office.People.Single(p => p.Email == email);

    private static ExportFilter? Allow(string email, FormDefinition form, string? school = null, int? group = null)
    {
        var person = Person(email);
        return ExportAccess.Allow(Office, person, person.Roles, form, new ExportFilter(form.Id, null, group, school));
    }

    [Fact]
    public void A_director_exports_only_their_own_school_and_only_forms_directors_read()
    {
        const string director = "somchai.r@school-a.example.ac.th"; // director of S0001, chair of group 1
        Assert.Equal("S0001", Allow(director, Observation)!.SchoolCode);
        Assert.NotNull(Allow(director, Observation, school: "S0001"));
        Assert.Null(Allow(director, Observation, school: "S0003"));
        Assert.Null(Allow(director, Observation, group: 1)); // directors read observations; chairs do not
        // The needs survey is read by group chairs, not directors: as chair, the group; a director alone, nothing.
        Assert.Equal(1, Allow(director, Needs)!.GroupNumber);
        Assert.Null(Allow("malee.s@school-b.example.ac.th", Needs));
    }

    [Fact]
    public void A_supervisor_exports_their_groups_the_area_heads_and_admins_everything_and_teachers_nothing()
    {
        const string supervisor = "niramon.s@area.example.go.th"; // groups 1 and 2
        Assert.NotNull(Allow(supervisor, Needs, group: 2));
        Assert.NotNull(Allow(supervisor, Needs, school: "S0003"));
        Assert.Null(Allow(supervisor, Needs, group: 3));
        Assert.Null(Allow(supervisor, Needs)!.SchoolCode);
        var admin = Allow("it.admin@area.example.go.th", Needs)!;
        Assert.Equal((null, (int?)null), (admin.SchoolCode, admin.GroupNumber));
        Assert.Null(Allow("wipa.t@school-a.example.ac.th", Observation, school: "S0001"));
        Assert.Null(Allow("anan.p@school-a.example.ac.th", Observation, school: "S0001"));
    }

    [Fact]
    public void The_request_survives_the_round_trip_through_Teams_and_a_changed_one_is_not_read()
    {
        var request = new ExportRequest(new ExportFilter(Needs.Id, "c-1", 2, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)),
            ExportFormat.Xlsx, "29:someone", Language.English, "needs.xlsx");
        var context = JsonNode.Parse(request.ToContext().ToJsonString());

        Assert.Equal(request, ExportRequest.FromContext(context));
        var summary = request with { Filter = request.Filter with { From = null, To = null }, Content = ExportContent.Summary };
        Assert.Equal(summary, ExportRequest.FromContext(JsonNode.Parse(summary.ToContext().ToJsonString())));
        foreach (var (key, value) in new (string, JsonNode?)[] { ("format", "pdf"), ("by", null), ("group", "two"), ("from", "2026-12-01"), ("form", "") })
        {
            var changed = (JsonObject)context!.DeepClone();
            changed[key] = value;
            Assert.Null(ExportRequest.FromContext(changed));
        }
        Assert.Null(ExportRequest.FromContext(JsonValue.Create("needs")));
    }

    [Fact]
    public void The_cards_inputs_are_read_and_what_cannot_be_used_is_said_in_the_users_language()
    {
        JsonObject Data(params (string Key, string Value)[] inputs) => new(inputs.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value)));

        var read = ExportChoice.Read(Data(("form", Needs.Id), ("group", "1"), ("from", "1/11/2569"), ("to", "2569-11-30"), ("format", "xlsx")), Catalogue, Office, Language.Thai);
        Assert.Null(read.Problem);
        Assert.Equal(new ExportFilter(Needs.Id, null, 1, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), read.Filter);
        Assert.Equal(ExportFormat.Xlsx, read.Format);

        Assert.Equal(new DateOnly(2024, 2, 29), ExportChoice.Read(Data(("form", Needs.Id), ("from", "๒๕๖๗-๐๒-๒๙")), Catalogue, Office, Language.Thai).Filter!.From);
        Assert.Equal(new DateOnly(2026, 11, 30), ExportChoice.Read(Data(("form", Needs.Id), ("to", "2026-11-30")), Catalogue, Office, Language.Thai).Filter!.To);
        Assert.Equal(ExportTexts.ChooseForm(Language.Thai), ExportChoice.Read(Data(("form", "no-such-form")), Catalogue, Office, Language.Thai).Problem);
        Assert.Equal(ExportTexts.BadGroup(Language.English), ExportChoice.Read(Data(("form", Needs.Id), ("group", "9")), Catalogue, Office, Language.English).Problem);
        Assert.Equal(ExportTexts.DateProblem(ExportDateProblem.BadFrom, Language.Thai), ExportChoice.Read(Data(("form", Needs.Id), ("from", "31/02/2569")), Catalogue, Office, Language.Thai).Problem);
        Assert.Equal(ExportTexts.DateProblem(ExportDateProblem.FromAfterTo, Language.Thai), ExportChoice.Read(Data(("form", Needs.Id), ("from", "2026-12-01"), ("to", "2026-11-30")), Catalogue, Office, Language.Thai).Problem);

        Assert.Equal(ExportContent.Responses, read.Content);
        Assert.Equal(ExportContent.Summary, ExportChoice.Read(Data(("form", Needs.Id), ("what", "summary")), Catalogue, Office, Language.Thai).Content);
        // A summary counts every response: dates with it are told, not silently dropped.
        Assert.Equal(ExportTexts.SummaryHasNoDates(Language.English), ExportChoice.Read(Data(("form", Needs.Id), ("what", "summary"), ("from", "2026-11-01")), Catalogue, Office, Language.English).Problem);
    }

    [Fact]
    public void Only_an_answer_of_the_file_upload_kind_that_says_where_to_upload_is_taken()
    {
        static JsonElement Value(string json) => JsonDocument.Parse(json).RootElement.Clone();
        var accept = FileConsentAnswer.Read(Value("""{"type":"fileUpload","action":"accept","context":{"a":1},"uploadInfo":{"contentUrl":"https://x.sharepoint.com/f.csv","name":"f.csv","uploadUrl":"https://x.sharepoint.com/up/1","uniqueId":"u","fileType":"csv"}}"""));
        Assert.True(accept!.Accepted);
        Assert.Equal(new Uri("https://x.sharepoint.com/up/1"), accept.Upload!.UploadUrl);
        Assert.Equal(1, (int)accept.Context!["a"]!);
        Assert.False(FileConsentAnswer.Read(Value("""{"type":"fileUpload","action":"decline","context":{}}"""))!.Accepted);
        Assert.Null(FileConsentAnswer.Read(Value("""{"type":"fileUpload","action":"accept","context":{}}""")));
        Assert.Null(FileConsentAnswer.Read(Value("""{"type":"fileUpload","action":"accept","uploadInfo":{"contentUrl":"c","name":"f","uploadUrl":"ftp://x/1"}}""")));
        Assert.Null(FileConsentAnswer.Read(Value("""{"type":"other","action":"decline"}""")));
    }

    [Fact]
    public void The_fragment_size_must_be_a_multiple_of_320_KiB()
    {
        var validator = new ExportOptionsValidator();
        Assert.True(validator.Validate(null, new ExportOptions()).Succeeded);
        Assert.Equal(12 * 327_680, new ExportOptions().UploadFragmentBytes);
        Assert.True(validator.Validate(null, new ExportOptions { UploadFragmentBytes = 327_680 }).Succeeded);
        Assert.True(validator.Validate(null, new ExportOptions { UploadFragmentBytes = 4 * 1024 * 1024 }).Failed);
        Assert.True(validator.Validate(null, new ExportOptions { UploadFragmentBytes = 0 }).Failed);
    }

    [Fact]
    public void The_export_card_is_valid_against_the_Adaptive_Card_schema_in_both_languages_and_with_a_problem()
    {
        var forms = Catalogue.Forms.Where(f => ExportAccess.MayRead(f, new HashSet<RespondentRole> { RespondentRole.Supervisor })).ToList();
        var typed = new JsonObject { ["form"] = Needs.Id, ["from"] = "1/11/2569", ["format"] = "xlsx" };
        var result = CardChecker.Check(new Dictionary<string, SupervisionBot.Cards.Model.AdaptiveCard>
        {
            ["export-th"] = ExportCard.Build(forms, Office, Language.Thai),
            ["export-en"] = ExportCard.Build(forms, Office, Language.English),
            ["export-problem"] = ExportCard.Build(forms, Office, Language.Thai, ExportTexts.NotYours(Language.Thai), typed),
        });
        Assert.True(result.ExitCode == 0, result.Output);
    }
}
