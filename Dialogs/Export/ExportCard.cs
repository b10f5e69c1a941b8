using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Forms;
using Choice = SupervisionBot.Cards.Model.Choice;

namespace SupervisionBot.Dialogs.Export;

/// <summary>
/// The short card behind ส่งออก / export: the responses or the summary of a form, optionally of a
/// campaign, a group or a school, the responses within a date range, and CSV or Excel. It is shown again with the problem and what was typed when something
/// cannot be used, so nothing typed is lost.
/// </summary>
public static class ExportCard
{
    public const string FormInput = "form";
    public const string GroupInput = "group";
    public const string SchoolInput = "school";
    public const string CampaignInput = "campaign";
    public const string FromInput = "from";
    public const string ToInput = "to";
    public const string FormatInput = "format";
    public const string ContentInput = "what";

    public static AdaptiveCard Build(IEnumerable<FormDefinition> forms, OfficeDirectory office, Language language, string? problem = null, JsonObject? typed = null)
    {
        var thai = language == Language.Thai;
        string? Typed(string key) => typed is not null && typed[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var body = new List<CardElement>
        {
            new TextBlock { Text = thai ? "ส่งออกคำตอบหรือสรุปผลแบบฟอร์ม" : "Export form responses or a summary", Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock
            {
                Text = thai
                    ? "ไม่เลือกกลุ่มหรือโรงเรียน จะส่งออกส่วนที่ท่านดูได้กว้างที่สุด วันที่เป็นวันที่ส่งคำตอบตามเวลาประเทศไทย ใช้กับการส่งออกคำตอบเท่านั้น"
                    : "With no group or school, the widest scope you may see. Dates are the days responses were sent, Thai time, and apply to responses only.",
                Wrap = true, IsSubtle = true, Size = TextSize.Small,
            },
        };
        if (problem is not null)
        {
            body.Add(new TextBlock { Text = problem, Wrap = true, Color = TextColor.Attention });
        }
        body.Add(FormPicker.Input(FormInput, forms, language, Typed(FormInput)));
        body.Add(Required(ContentInput, thai ? "ส่งออก" : "Export", thai ? "โปรดเลือกสิ่งที่จะส่งออก" : "Choose what to export", "responses",
        [
            new Choice(thai ? "คำตอบทั้งหมด (หนึ่งแถวต่อผู้ตอบ)" : "Every response (a row each)", "responses"),
            new Choice(thai ? "สรุปผล (n ค่าเฉลี่ย S.D. ระดับ รายข้อ รายด้าน และโดยรวม)" : "The summary (n, mean, S.D., level per item, section and overall)", "summary"),
        ]));
        body.Add(new ChoiceSetInput
        {
            Id = GroupInput,
            Label = thai ? "กลุ่มโรงเรียน (ไม่บังคับ)" : "School group (optional)",
            Style = ChoiceInputStyle.Compact,
            Value = Typed(GroupInput),
            Choices = office.Groups.Select(g => new Choice($"{g.Number}. {g.Title(language)}", g.Number.ToString(CultureInfo.InvariantCulture))).ToList(),
        });
        body.Add(new ChoiceSetInput
        {
            Id = SchoolInput,
            Label = thai ? "หรือโรงเรียน (ไม่บังคับ)" : "or school (optional)",
            Style = ChoiceInputStyle.Compact,
            Value = Typed(SchoolInput),
            Choices = office.Schools.Select(s => new Choice(s.Title(language), s.Code)).ToList(),
        });
        body.Add(new TextInput { Id = CampaignInput, Label = thai ? "รหัสแคมเปญ (ไม่บังคับ)" : "Campaign id (optional)", Value = Typed(CampaignInput) });
        body.Add(new TextInput
        {
            Id = FromInput,
            Label = thai ? "ตั้งแต่วันที่ (ไม่บังคับ)" : "From (optional)",
            Placeholder = thai ? "เช่น 1/11/2569 หรือ 2026-11-01" : "e.g. 2026-11-01 or 1/11/2569 (B.E.)",
            Value = Typed(FromInput),
        });
        body.Add(new TextInput
        {
            Id = ToInput,
            Label = thai ? "ถึงวันที่ (ไม่บังคับ)" : "To (optional)",
            Placeholder = thai ? "เช่น 30/11/2569 หรือ 2026-11-30" : "e.g. 2026-11-30 or 30/11/2569 (B.E.)",
            Value = Typed(ToInput),
        });
        body.Add(Required(FormatInput, thai ? "ชนิดไฟล์" : "File type", thai ? "โปรดเลือกชนิดไฟล์" : "Choose a file type", "csv",
            [new Choice(thai ? "CSV (เปิดด้วย Excel ได้)" : "CSV (opens in Excel)", "csv"), new Choice("Excel (XLSX)", "xlsx")]));
        body.Add(CardActions.Buttons([new ButtonView(thai ? "ส่งออก" : "Export", ExportVerbs.Request)]));
        // A choice that always has an answer: the one typed before, else the usual one.
        ChoiceSetInput Required(string id, string label, string error, string usual, List<Choice> choices) => new()
        {
            Id = id,
            Label = label,
            IsRequired = true,
            ErrorMessage = error,
            Style = ChoiceInputStyle.Expanded,
            Value = Typed(id) ?? usual,
            Choices = choices,
        };
        var card = new AdaptiveCard { Body = body, FallbackText = thai ? "ส่งออกคำตอบหรือสรุปผลแบบฟอร์ม" : "Export form responses or a summary" };
        CardLimits.Check(card);
        return card;
    }
}

/// <summary>What the export card's inputs ask for, or the problem to show on it.</summary>
public sealed record ExportChoice(FormDefinition? Form, ExportFilter? Filter, ExportFormat Format, string? Problem, ExportContent Content = ExportContent.Responses)
{
    public static ExportChoice Read(JsonObject data, FormCatalogue catalogue, OfficeDirectory office, Language language)
    {
        string? Text(string key) => data[key] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
        var format = Text(ExportCard.FormatInput) == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
        if (Text(ExportCard.FormInput) is not { } formId || catalogue.Find(formId) is not { } form)
        {
            return new(null, null, format, ExportTexts.ChooseForm(language));
        }
        int? group = null;
        if (Text(ExportCard.GroupInput) is { } groupText)
        {
            if (!int.TryParse(groupText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || office.Group(number) is null)
            {
                return new(form, null, format, ExportTexts.BadGroup(language));
            }
            group = number;
        }
        if (ExportDates.TryRead(Text(ExportCard.FromInput), Text(ExportCard.ToInput), out var from, out var to) is { } problem)
        {
            return new(form, null, format, ExportTexts.DateProblem(problem, language));
        }
        var content = Text(ExportCard.ContentInput) == "summary" ? ExportContent.Summary : ExportContent.Responses;
        if (content == ExportContent.Summary && (from is not null || to is not null))
        {
            // Summaries are running totals, which keep no dates: a range would be silently ignored.
            return new(form, null, format, ExportTexts.SummaryHasNoDates(language));
        }
        return new(form, new ExportFilter(form.Id, Text(ExportCard.CampaignInput), group, Text(ExportCard.SchoolInput), from, to), format, null, content);
    }
}
