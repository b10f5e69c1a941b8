using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.FollowUps;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Dialogs.Timeline;

/// <summary>
/// One school's PDCA story in one place, newest first: the surveys and visit forms answered for it,
/// its visits, and the follow-up actions they left (opened and done). Satisfaction is anonymous and
/// shows only in summaries, never here one response at a time.
/// </summary>
public sealed class SchoolTimeline(ISchoolHistory history, IFollowUpStore followUps, FormCatalogue catalogue, TimeProvider time, IVisitStore? visits = null)
{
    /// <summary>How far back the timeline reaches: two academic years, the span of a supervision plan and its follow-up.</summary>
    public static readonly TimeSpan Reach = TimeSpan.FromDays(2 * 366);

    private const int MaxRecords = 500;

    public async Task<IReadOnlyList<TimelineEntry>> ForSchoolAsync(string schoolCode, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        foreach (var record in await history.ListAsync(schoolCode, MaxRecords, cancellationToken))
        {
            var form = catalogue.Find(record.FormId);
            var kind = form?.Kind is FormKind.NeedsSurvey or FormKind.TeachingProblemsSurvey ? TimelineKind.Survey : TimelineKind.Response;
            entries.Add(new TimelineEntry(record.SubmittedUtc, kind, form?.Title ?? new LocalizedText(record.FormId, record.FormId),
                new LocalizedText($"เลขที่อ้างอิง {record.ReferenceNumber}", $"Reference {record.ReferenceNumber}")));
        }
        if (visits is not null)
        {
            var now = time.GetUtcNow();
            foreach (var visit in await visits.BySchoolAsync(schoolCode, now - Reach, now + Reach, cancellationToken))
            {
                var checklist = catalogue.Find(visit.ChecklistFormId)?.Title ?? new LocalizedText(visit.ChecklistFormId, visit.ChecklistFormId);
                entries.Add(new TimelineEntry(visit.StartUtc, TimelineKind.Visit,
                    new LocalizedText($"การนิเทศ ({StatusTh(visit.Status)})", $"Supervision visit ({StatusEn(visit.Status)})"),
                    new LocalizedText($"{checklist.Th} · {visit.SupervisorEmail}", $"{checklist.En} · {visit.SupervisorEmail}")));
            }
        }
        foreach (var action in await followUps.ListAsync(FollowUpScope.School(schoolCode), cancellationToken))
        {
            var due = new LocalizedText($"กำหนดเสร็จ {ThaiDates.FormatDate(action.DueDate, Cards.Language.Thai)} · {action.OwnerName}",
                $"Due {ThaiDates.FormatDate(action.DueDate, Cards.Language.English)} · {action.OwnerName}");
            entries.Add(new TimelineEntry(action.CreatedUtc, TimelineKind.FollowUp, new LocalizedText($"งานที่ต้องติดตาม: {action.Task}", $"Follow-up: {action.Task}"), due));
            if (action is { Status: FollowUpStatus.Done, DoneUtc: { } done })
            {
                entries.Add(new TimelineEntry(done, TimelineKind.FollowUp, new LocalizedText($"ดำเนินการแล้ว: {action.Task}", $"Done: {action.Task}"),
                    action.DoneBy is { } by ? new LocalizedText($"โดย {by}", $"by {by}") : null));
            }
        }
        return [.. entries.OrderByDescending(e => e.AtUtc)];
    }

    private static string StatusTh(VisitStatus status) => status switch
    {
        VisitStatus.Scheduled => "นัดหมายแล้ว",
        VisitStatus.Reminded => "แจ้งเตือนแล้ว",
        VisitStatus.InProgress => "กำลังนิเทศ",
        VisitStatus.Completed => "เสร็จสิ้น",
        VisitStatus.Missed => "ไม่ได้ดำเนินการตามนัด",
        VisitStatus.Cancelled => "ยกเลิก",
        _ => "เลื่อนนัด",
    };

    private static string StatusEn(VisitStatus status) => status switch
    {
        VisitStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
