using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;
using static SupervisionBot.Cards.Builders.CardParts;

namespace SupervisionBot.Dialogs.FollowUps;

/// <summary>The cards of the Act step: a scope's actions to check off, an owner's reminder, a meeting's summary.</summary>
public static class FollowUpCards
{
    public const string Verb = CardVerbs.FollowUpDone;
    public const string ScopeKey = "scope";
    public const string IdKey = "actionId";

    /// <summary>At most this many actions on one card, so it stays well under Teams' size limit.</summary>
    public const int MaxShown = 25;

    public static AdaptiveCard List(string scopeTitle, IReadOnlyList<FollowUpAction> actions, Language language, bool canCheckOff, string? intro = null)
    {
        var open = actions.Where(a => a.Status == FollowUpStatus.Open).ToList();
        var title = language.Pick($"งานที่ต้องติดตาม: {scopeTitle}", $"Follow-up actions: {scopeTitle}");
        List<CardElement> body = [Banner(Title(title), Paragraph(intro ?? language.Pick(
            $"ค้างอยู่ {open.Count} เรื่อง จากทั้งหมด {actions.Count} เรื่อง",
            $"{open.Count} open of {actions.Count}")))];
        if (actions.Count == 0)
        {
            body.Add(Paragraph(language.Pick("ยังไม่มีงานที่ต้องติดตาม", "No follow-up actions yet.")));
        }
        foreach (var action in actions.Take(MaxShown))
        {
            body.Add(Row(action, language, canCheckOff && action.Status == FollowUpStatus.Open));
        }
        if (actions.Count > MaxShown)
        {
            body.Add(Hint(language.Pick($"และอีก {actions.Count - MaxShown} เรื่อง", $"and {actions.Count - MaxShown} more")));
        }
        return Finish(new AdaptiveCard { Body = body, FallbackText = title });
    }

    public static AdaptiveCard Reminder(FollowUpAction action, string scopeTitle, Language language, DateOnly today)
    {
        var overdue = action.DueDate < today;
        var title = overdue
            ? language.Pick("งานที่ต้องติดตามเลยกำหนดแล้ว", "A follow-up action is overdue")
            : language.Pick("เตือนงานที่ต้องติดตาม", "Follow-up reminder");
        return Finish(new AdaptiveCard
        {
            Body =
            [
                Banner(Title(title), Paragraph(scopeTitle)),
                Row(action, language, checkOff: true),
            ],
            FallbackText = $"{title}: {action.Task}",
        });
    }

    /// <summary>The school-group committee meeting in brief, for the chair and the group's channel.</summary>
    public static AdaptiveCard MeetingSummary(FormResponse meeting, string groupTitle, IReadOnlyList<FollowUpAction> actions, Language language)
    {
        var a = meeting.Answers;
        var date = ThaiDates.TryParseDate(a.Get("meeting-date"), out var held) ? ThaiDates.FormatDate(held, language) : "";
        var title = language.Pick($"สรุปการประชุมคณะกรรมการ{groupTitle} ครั้งที่ {a.Get("meeting-number")}/{a.Get("meeting-year")}",
            $"{groupTitle} committee meeting {a.Get("meeting-number")}/{a.Get("meeting-year")}: summary");
        List<CardElement> body =
        [
            Banner(Title(title), Paragraph($"{date} · {a.Get("venue")}")),
            Subheading(language.Pick("ผู้มาประชุม", "Present")),
            Paragraph(Clip(a.Get("attendees"))),
        ];
        if (a.Get("absentees") is { } absent)
        {
            body.Add(Subheading(language.Pick("ผู้ไม่มาประชุม", "Absent")));
            body.Add(Paragraph(Clip(absent)));
        }
        body.Add(Subheading(language.Pick("มติที่ประชุม", "Resolutions")));
        body.Add(Paragraph(Clip(a.Get("resolutions"))));
        body.Add(Subheading(language.Pick("เรื่องที่ต้องติดตาม", "Follow-ups")));
        if (actions.Count == 0)
        {
            body.Add(Paragraph(language.Pick("ไม่มี", "None")));
        }
        body.AddRange(actions.Take(MaxShown).Select(action => Row(action, language, checkOff: false)));
        body.Add(Hint(language.Pick($"เลขที่อ้างอิง {meeting.ReferenceNumber}", $"Reference {meeting.ReferenceNumber}")));
        return Finish(new AdaptiveCard { Body = body, FallbackText = title });
    }

    public static AdaptiveCard MeetingQuota(string groupTitle, int held, Semester semester, Language language) => MessageCard.Build(new MessageView(
        language.Pick("การประชุมคณะกรรมการกลุ่มโรงเรียน", "School-group committee meetings"),
        language.Pick(
            $"ภาคเรียนนี้{groupTitle}บันทึกการประชุมแล้ว {held} ครั้ง คณะกรรมการควรประชุมอย่างน้อยภาคเรียนละ 2 ครั้ง ภาคเรียนสิ้นสุดวันที่ {ThaiDates.FormatDate(semester.End, language)} พิมพ์ “บันทึกประชุม” เพื่อบันทึกการประชุม",
            $"{groupTitle} has recorded {held} committee meeting(s) this semester; the committee should meet at least twice a semester. The semester ends on {ThaiDates.FormatDate(semester.End, language)}. Type “meeting” to record one.")));

    private static Container Row(FollowUpAction action, Language language, bool checkOff)
    {
        var done = action.Status == FollowUpStatus.Done;
        var facts = new List<Fact>
        {
            new(language.Pick("ผู้รับผิดชอบ", "Owner"), action.OwnerName),
            new(language.Pick("กำหนดเสร็จ", "Due"), ThaiDates.FormatDate(action.DueDate, language)),
            new(language.Pick("สถานะ", "Status"), done ? language.Pick("ดำเนินการแล้ว", "Done") : language.Pick("ค้างอยู่", "Open")),
        };
        List<CardElement> items = [Paragraph(action.Task), new FactSet { Facts = facts }];
        if (checkOff)
        {
            items.Add(CardActions.Buttons([new ButtonView(language.Pick("ดำเนินการแล้ว", "Mark done"), Verb,
                new JsonObject { [ScopeKey] = action.Scope.Key, [IdKey] = action.Id })]));
        }
        return new Container { Separator = true, Spacing = Spacing.Medium, Items = items };
    }

    /// <summary>Long minutes are cut so the card stays small; the full record is in the stored response.</summary>
    private static string Clip(string? text) => text is null ? "-" : text.Length <= 1200 ? text : text[..1200] + "…";

}
