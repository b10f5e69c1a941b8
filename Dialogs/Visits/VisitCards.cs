using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;
using Choice = SupervisionBot.Cards.Model.Choice;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>What the scheduling card holds: the choices, and what the user typed so a refused card comes back filled.</summary>
public sealed record ScheduleForm(
    School School,
    IReadOnlyList<Person> Teachers,
    IReadOnlyList<FormDefinition> Checklists,
    IReadOnlyList<Person>? Supervisors,
    IReadOnlyDictionary<string, string> Typed,
    IReadOnlyList<LocalizedText> Problems);

/// <summary>One visit as a list shows it, names already looked up.</summary>
public sealed record VisitLine(Visit Visit, string SchoolTitle, string ChecklistTitle, string SupervisorName, bool MayChange);

/// <summary>The visit cards: the guided scheduling card, the week and semester lists, cancel and reschedule.</summary>
public static class VisitCards
{
    /// <summary>Input ids of the scheduling and reschedule cards, also the keys of their submitted data.</summary>
    public static class Inputs
    {
        public const string School = "school";
        public const string Supervisor = "supervisor";
        public const string Date = "date";
        public const string Start = "start";
        public const string End = "end";
        public const string Purpose = "purpose";
        public const string Mode = "mode";
        public const string Checklist = "checklist";
        public const string Teachers = "teachers";
        public const string Week = "week";
        public const string Group = "group";
        public const string Who = "who";
    }

    public static AdaptiveCard PickSchool(IReadOnlyList<School> schools, Language language)
    {
        List<CardElement> body =
        [
            Banner(language.Pick("นัดหมายการนิเทศ", "Schedule a visit"), language.Pick("ขั้นที่ 1 จาก 2: เลือกโรงเรียน", "Step 1 of 2: choose the school")),
            new ChoiceSetInput
            {
                Id = Inputs.School,
                Label = language.Pick("โรงเรียน", "School"),
                IsRequired = true,
                ErrorMessage = language.Pick("โปรดเลือกโรงเรียน", "Choose a school"),
                Choices = [.. schools.Select(s => new Choice($"{s.Title(language)} ({s.Code})", s.Code))],
                Style = ChoiceInputStyle.Compact,
                Placeholder = language.Pick("เลือกโรงเรียน", "Choose a school"),
            },
            CardActions.Buttons([new ButtonView(language.Pick("ถัดไป", "Next"), VisitVerbs.New)]),
        ];
        return Card(body, language);
    }

    public static AdaptiveCard Schedule(ScheduleForm form, Language language)
    {
        string? Typed(string key) => form.Typed.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        List<CardElement> body =
        [
            Banner(language.Pick("นัดหมายการนิเทศ", "Schedule a visit"), language.Pick($"ขั้นที่ 2 จาก 2: {form.School.Title(language)}", $"Step 2 of 2: {form.School.Title(language)}")),
        ];
        body.AddRange(Problems(form.Problems, language));
        if (form.Supervisors is { } supervisors)
        {
            body.Add(new ChoiceSetInput
            {
                Id = Inputs.Supervisor,
                Label = language.Pick("ศึกษานิเทศก์", "Supervisor"),
                IsRequired = true,
                ErrorMessage = language.Pick("โปรดเลือกศึกษานิเทศก์", "Choose the supervisor"),
                Choices = [.. supervisors.Select(p => new Choice(p.DisplayName, p.Email))],
                Style = ChoiceInputStyle.Compact,
                Value = Typed(Inputs.Supervisor),
            });
        }
        body.AddRange(WindowInputs(Typed(Inputs.Date), Typed(Inputs.Start), Typed(Inputs.End), language));
        body.Add(new TextInput
        {
            Id = Inputs.Purpose,
            Label = language.Pick("วัตถุประสงค์", "Purpose"),
            IsRequired = true,
            ErrorMessage = language.Pick("โปรดระบุวัตถุประสงค์", "Give the purpose"),
            IsMultiline = true,
            MaxLength = 500,
            Value = Typed(Inputs.Purpose),
        });
        body.Add(new ChoiceSetInput
        {
            Id = Inputs.Mode,
            Label = language.Pick("รูปแบบการนิเทศ", "Mode"),
            IsRequired = true,
            Choices = [.. Enum.GetValues<VisitMode>().Select(m => new Choice(VisitTexts.Mode(m).Get(language), m.ToString().ToLowerInvariant()))],
            Style = ChoiceInputStyle.Expanded,
            Value = Typed(Inputs.Mode) ?? "onsite",
        });
        body.Add(new ChoiceSetInput
        {
            Id = Inputs.Checklist,
            Label = language.Pick("แบบนิเทศที่ใช้", "Checklist"),
            IsRequired = true,
            ErrorMessage = language.Pick("โปรดเลือกแบบนิเทศ", "Choose the checklist"),
            Choices = [.. form.Checklists.Select(f => new Choice(f.Title.Get(language), f.Id))],
            Style = ChoiceInputStyle.Compact,
            Wrap = true,
            Value = Typed(Inputs.Checklist),
        });
        if (form.Teachers.Count > 0)
        {
            body.Add(new ChoiceSetInput
            {
                Id = Inputs.Teachers,
                Label = language.Pick("ครูที่รับการนิเทศ (เลือกได้หลายคน)", "Teachers to observe (choose any)"),
                Choices = [.. form.Teachers.Select(p => new Choice(p.DisplayName, p.Email))],
                IsMultiSelect = true,
                Style = ChoiceInputStyle.Expanded,
                Wrap = true,
                Value = Typed(Inputs.Teachers),
            });
        }
        body.Add(CardActions.Buttons([new ButtonView(language.Pick("นัดหมาย", "Schedule"), VisitVerbs.Schedule, new JsonObject { [Inputs.School] = form.School.Code })], Spacing.Large));
        return Card(body, language);
    }

    public static AdaptiveCard Reschedule(VisitLine line, IReadOnlyDictionary<string, string> typed, IReadOnlyList<LocalizedText> problems, Language language)
    {
        string? Typed(string key) => typed.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        var visit = line.Visit;
        List<CardElement> body = [Banner(language.Pick("เลื่อนนัดการนิเทศ", "Reschedule a visit"), language.Pick("เลือกวันและเวลาใหม่", "Choose the new date and time"))];
        body.AddRange(Problems(problems, language));
        body.Add(Facts(line, language));
        body.AddRange(WindowInputs(
            Typed(Inputs.Date) ?? visit.BangkokDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Typed(Inputs.Start) ?? Local(visit.StartUtc),
            Typed(Inputs.End) ?? Local(visit.EndUtc), language));
        body.Add(CardActions.Buttons([new ButtonView(language.Pick("บันทึกวันเวลาใหม่", "Save the new time"), VisitVerbs.RescheduleSave, VisitData(visit))], Spacing.Large));
        return Card(body, language);
    }

    public static AdaptiveCard ConfirmCancel(VisitLine line, Language language) => Card(
    [
        Banner(language.Pick("ยกเลิกการนิเทศ", "Cancel a visit"), language.Pick("ยืนยันการยกเลิก การแจ้งเตือนของการนิเทศนี้จะถูกยกเลิกด้วย", "Confirm: the visit's reminders are cancelled too")),
        Facts(line, language),
        CardActions.Buttons([new ButtonView(language.Pick("ยืนยันการยกเลิก", "Cancel the visit"), VisitVerbs.CancelConfirm, VisitData(line.Visit))], Spacing.Large),
    ], language);

    /// <summary>The outcome of scheduling, cancelling or rescheduling, with the visit as it now is.</summary>
    public static AdaptiveCard Done(string title, VisitLine line, Language language) => Card(
    [
        Banner(title, VisitTexts.Status(line.Visit.Status).Get(language)),
        Facts(line, language),
        CardActions.Buttons([new ButtonView(language.Pick("การนิเทศของฉัน", "My visits"), VisitVerbs.Week, new JsonObject { [Inputs.Week] = WeekOf(line.Visit.BangkokDate).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })], Spacing.Large),
    ], language);

    public static AdaptiveCard Notice(string title, IEnumerable<LocalizedText> problems, Language language) =>
        Card([Banner(title, null), .. Problems([.. problems], language)], language);

    /// <summary>A week's visits (Monday to Sunday), each open one with its reschedule and cancel buttons when the viewer may change it.</summary>
    public static AdaptiveCard Week(string heading, DateOnly monday, IReadOnlyList<VisitLine> lines, JsonObject whose, IReadOnlyList<int> groups, bool maySchedule, Language language)
    {
        var sunday = monday.AddDays(6);
        List<CardElement> body = [Banner(heading, language.Pick(
            $"สัปดาห์ {ThaiDates.FormatDate(monday, language)} – {ThaiDates.FormatDate(sunday, language)}",
            $"Week of {ThaiDates.FormatDate(monday, language)} – {ThaiDates.FormatDate(sunday, language)}"))];
        if (lines.Count == 0)
        {
            body.Add(new TextBlock { Text = language.Pick("ไม่มีการนิเทศในสัปดาห์นี้", "No visits this week"), Wrap = true, IsSubtle = true });
        }
        body.AddRange(lines.Select(line => VisitBlock(line, language)));
        List<ButtonView> paging =
        [
            new(language.Pick("◀ สัปดาห์ก่อน", "◀ Previous week"), VisitVerbs.Week, With(whose, Inputs.Week, monday.AddDays(-7))),
            new(language.Pick("สัปดาห์ถัดไป ▶", "Next week ▶"), VisitVerbs.Week, With(whose, Inputs.Week, monday.AddDays(7))),
        ];
        body.Add(CardActions.Buttons(paging, Spacing.Large));
        List<ButtonView> more = [.. groups.Select(g => new ButtonView(language.Pick($"รายการภาคเรียนนี้ กลุ่ม {g}", $"This semester, group {g}"), VisitVerbs.Semester, With(whose, Inputs.Group, g)))];
        if (maySchedule)
        {
            more.Insert(0, new ButtonView(language.Pick("นัดนิเทศ", "Schedule a visit"), VisitVerbs.New));
        }
        if (more.Count > 0)
        {
            body.Add(CardActions.Buttons(more));
        }
        return Card(body, language);
    }

    /// <summary>A supervisor's visits to one school group over a semester, and how to get them as CSV.</summary>
    public static AdaptiveCard SemesterList(string heading, SemesterChoice semester, int group, IReadOnlyList<VisitLine> lines, string exportCommand, Language language)
    {
        List<CardElement> body = [Banner(heading, language.Pick($"กลุ่มโรงเรียนที่ {group} {semester.Title.Th}", $"School group {group}, {semester.Title.En}"))];
        if (lines.Count == 0)
        {
            body.Add(new TextBlock { Text = language.Pick("ไม่มีการนิเทศในภาคเรียนนี้", "No visits this semester"), Wrap = true, IsSubtle = true });
        }
        foreach (var line in lines)
        {
            var visit = line.Visit;
            body.Add(new TextBlock
            {
                Text = $"{ThaiDates.FormatDate(visit.BangkokDate, language)} {Local(visit.StartUtc)}–{Local(visit.EndUtc)} · {line.SchoolTitle} · {VisitTexts.Status(visit.Status).Get(language)}",
                Wrap = true,
                Spacing = Spacing.Small,
            });
        }
        body.Add(new TextBlock
        {
            Text = language.Pick(
                $"รวม {lines.Count} ครั้ง ส่งออกเป็นไฟล์ CSV (เปิดด้วย Excel ได้) ให้ผู้ดูแลระบบใช้คำสั่ง: {exportCommand}",
                $"{lines.Count} visit(s). For a CSV file (opens in Excel), an admin runs: {exportCommand}"),
            Wrap = true,
            IsSubtle = true,
            Size = TextSize.Small,
            Spacing = Spacing.Large,
        });
        return Card(body, language);
    }

    public static string Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, ThaiDates.Bangkok).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static Container VisitBlock(VisitLine line, Language language)
    {
        var visit = line.Visit;
        List<CardElement> items =
        [
            new TextBlock
            {
                Text = $"{ThaiDates.FormatDate(visit.BangkokDate, language)} {Local(visit.StartUtc)}–{Local(visit.EndUtc)} · {line.SchoolTitle}",
                Weight = TextWeight.Bolder,
                Wrap = true,
            },
            new TextBlock
            {
                Text = $"{VisitTexts.Status(visit.Status).Get(language)} · {VisitTexts.Mode(visit.Mode).Get(language)} · {line.SupervisorName}",
                IsSubtle = true,
                Wrap = true,
                Spacing = Spacing.None,
            },
            new TextBlock { Text = visit.Purpose.Length > 0 ? visit.Purpose : line.ChecklistTitle, Wrap = true, Spacing = Spacing.None },
        ];
        if (visit.IsOpen && line.MayChange)
        {
            items.Add(CardActions.Buttons(
            [
                new ButtonView(language.Pick("เลื่อนนัด", "Reschedule"), VisitVerbs.Reschedule, VisitData(visit)),
                new ButtonView(language.Pick("ยกเลิก", "Cancel"), VisitVerbs.Cancel, VisitData(visit)),
            ], Spacing.Small));
        }
        return new Container { Items = items, Separator = true, Spacing = Spacing.Medium };
    }

    private static FactSet Facts(VisitLine line, Language language)
    {
        var visit = line.Visit;
        List<Fact> facts =
        [
            new(language.Pick("โรงเรียน", "School"), line.SchoolTitle),
            new(language.Pick("วันที่", "Date"), ThaiDates.FormatDate(visit.BangkokDate, language)),
            new(language.Pick("เวลา", "Time"), language.Pick($"{Local(visit.StartUtc)}–{Local(visit.EndUtc)} น.", $"{Local(visit.StartUtc)}–{Local(visit.EndUtc)}")),
            new(language.Pick("รูปแบบ", "Mode"), VisitTexts.Mode(visit.Mode).Get(language)),
            new(language.Pick("แบบนิเทศ", "Checklist"), line.ChecklistTitle),
            new(language.Pick("ศึกษานิเทศก์", "Supervisor"), line.SupervisorName),
        ];
        if (visit.Purpose.Length > 0)
        {
            facts.Insert(3, new(language.Pick("วัตถุประสงค์", "Purpose"), visit.Purpose));
        }
        return new FactSet { Facts = facts };
    }

    private static IEnumerable<CardElement> WindowInputs(string? date, string? start, string? end, Language language)
    {
        // A date that is not ISO (typed as วว/ดด/ปปปป where the client has no date picker) cannot be the
        // Input.Date's value: it goes back in a text box instead, so nothing typed is lost.
        var iso = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateOnly?)null;
        yield return iso is not null || date is null
            ? new DateInput { Id = Inputs.Date, Label = language.Pick("วันที่ (หรือพิมพ์ “วว/ดด/ปปปป” พ.ศ.)", "Date (or type dd/mm/yyyy, Buddhist Era)"), IsRequired = true, ErrorMessage = language.Pick("โปรดเลือกวันที่", "Choose the date"), Value = iso }
            : new TextInput { Id = Inputs.Date, Label = language.Pick("วันที่ (“วว/ดด/ปปปป” พ.ศ. เช่น 24/11/2569)", "Date (dd/mm/yyyy, Buddhist Era, e.g. 24/11/2569)"), IsRequired = true, Value = date };
        yield return new ColumnSet
        {
            Columns =
            [
                new Column { Width = ColumnWidth.Stretch, Items = [new TimeInput { Id = Inputs.Start, Label = language.Pick("เวลาเริ่ม", "Start"), IsRequired = true, ErrorMessage = language.Pick("โปรดระบุเวลาเริ่ม", "Give the start time"), Value = start ?? "09:00" }] },
                new Column { Width = ColumnWidth.Stretch, Items = [new TimeInput { Id = Inputs.End, Label = language.Pick("เวลาสิ้นสุด", "End"), IsRequired = true, ErrorMessage = language.Pick("โปรดระบุเวลาสิ้นสุด", "Give the end time"), Value = end ?? "12:00" }] },
            ],
        };
    }

    private static IEnumerable<CardElement> Problems(IReadOnlyList<LocalizedText> problems, Language language) =>
        problems.Select(p => (CardElement)new TextBlock { Text = "• " + p.Get(language), Wrap = true, Color = TextColor.Attention, Spacing = Spacing.Small });

    private static Container Banner(string title, string? subtitle)
    {
        List<CardElement> items = [new TextBlock { Text = title, Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }];
        if (subtitle is not null)
        {
            items.Add(new TextBlock { Text = subtitle, Wrap = true, Spacing = Spacing.Small });
        }
        return new Container { Items = items, Style = ContainerStyle.Emphasis, Bleed = true };
    }

    private static AdaptiveCard Card(List<CardElement> body, Language _) => new()
    {
        Body = body,
        Msteams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
    };

    private static JsonObject VisitData(Visit visit) => new() { [VisitVerbs.VisitIdKey] = visit.Id };

    private static JsonObject With(JsonObject data, string key, DateOnly date) => With(data, key, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static JsonObject With(JsonObject data, string key, JsonNode value)
    {
        var copy = (JsonObject)data.DeepClone();
        copy[key] = value;
        return copy;
    }

}
