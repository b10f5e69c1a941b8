using System.Globalization;
using System.Security.Cryptography;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>What the owner asked for: a form, an audience and a close date, as typed.</summary>
public sealed record CampaignRequest(string FormId, string Audience, string ClosesOn, string OwnerKey, string OwnerName);

/// <summary>A checked request: who it would reach, before anything is written or sent.</summary>
public sealed record CampaignPlan(CampaignRequest Request, FormDefinition Form, AudienceSpec Audience, DateOnly ClosesOn, IReadOnlyList<CampaignRecipient> Recipients)
{
    public int Reachable => Recipients.Count(r => r.Status != RecipientStatus.Failed);
}

/// <summary>The plan, or what is wrong with the request in the owner's language.</summary>
public sealed record CampaignCheck(CampaignPlan? Plan, LocalizedText? Problem);

/// <summary>
/// Starts campaigns, from chat and from the admin's command line alike: checks the form, audience
/// and date; stores the campaign with one row per recipient; queues the invitations in the outbox
/// (one purpose per campaign); and schedules its reminders and its close.
/// </summary>
public sealed class CampaignLauncher(
    FormCatalogue catalogue,
    AudienceResolver resolver,
    ICampaignStore store,
    IOutbox outbox,
    IUserPreferences preferences,
    CampaignJobs jobs,
    TimeProvider time)
{
    public static readonly LocalizedText MayNotFill = new("บทบาทของผู้รับไม่มีสิทธิ์กรอกแบบฟอร์มนี้", "their role may not fill this form");

    /// <summary>The reason stored for <see cref="MayNotFill"/>: recipients' reasons are kept in both languages.</summary>
    public static string MayNotFillReason => Reason(MayNotFill);

    public static string Reason(LocalizedText reason) => $"{reason.Th} / {reason.En}";

    public async Task<CampaignCheck> CheckAsync(CampaignRequest request, CancellationToken cancellationToken)
    {
        if (catalogue.Find(request.FormId.Trim()) is not { } form)
        {
            return Problem(
                $"ไม่มีแบบฟอร์มรหัส “{request.FormId}” ใช้ได้: {string.Join(", ", catalogue.Forms.Select(f => f.Id))}",
                $"There is no form “{request.FormId}”; use one of: {string.Join(", ", catalogue.Forms.Select(f => f.Id))}");
        }
        if (!AudienceSpec.TryParse(request.Audience, out var spec, out var syntax))
        {
            return Problem($"ผู้รับไม่ถูกต้อง {syntax!.Get(Language.Thai)}", $"The audience is not valid: {syntax!.Get(Language.English)}");
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ThaiDates.Bangkok).DateTime);
        if (!ThaiDates.TryParseDate(request.ClosesOn, out var closesOn))
        {
            return Problem($"วันปิด “{request.ClosesOn}” ไม่ใช่วันที่ ใช้ 2026-12-31 (ค.ศ.) หรือ 31/12/2569 (พ.ศ.)", $"The close date “{request.ClosesOn}” is not a date; use yyyy-mm-dd, e.g. 2026-12-31, or dd/mm/yyyy B.E.");
        }
        if (closesOn < today)
        {
            return Problem($"วันปิดต้องไม่ก่อนวันนี้ ({ThaiDates.FormatDate(today, Language.Thai)})", $"The close date must not be before today ({ThaiDates.FormatDate(today, Language.English)}).");
        }
        var audience = await resolver.ResolveAsync(spec, cancellationToken);
        if (audience.Error is { } unknown)
        {
            return Problem($"ผู้รับไม่ถูกต้อง {unknown.Get(Language.Thai)}", $"The audience is not valid: {unknown.Get(Language.English)}");
        }
        if (audience.Members.Count == 0)
        {
            return Problem($"ไม่มีใครในทำเนียบบุคลากรตรงกับ “{spec}”", $"Nobody in the directory matches “{spec}”.");
        }
        var recipients = audience.Members.Select(m => Recipient(m, form)).ToList();
        return new CampaignCheck(new CampaignPlan(request, form, spec, closesOn, recipients), null);
    }

    /// <summary>Stores the campaign, queues its invitations and schedules its reminders and close.</summary>
    public async Task<Campaign> StartAsync(CampaignPlan plan, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var campaign = new Campaign
        {
            Id = NewId(now),
            FormId = plan.Form.Id,
            Audience = plan.Audience.ToString(),
            OwnerKey = plan.Request.OwnerKey,
            OwnerName = plan.Request.OwnerName,
            OpenedUtc = now,
            ClosesOn = plan.ClosesOn,
            Anonymous = plan.Form.Settings.Anonymous,
        };
        await store.CreateAsync(campaign, plan.Recipients, cancellationToken);
        var invitations = new List<OutboxMessage>();
        foreach (var recipient in plan.Recipients.Where(r => r.Status == RecipientStatus.Invited))
        {
            var language = await preferences.GetLanguageAsync(recipient.AadObjectId!, cancellationToken) ?? Language.Thai;
            invitations.Add(InvitationCards.Invitation(campaign, plan.Form, recipient.AadObjectId!, language));
        }
        await outbox.EnqueueAsync(invitations, cancellationToken);
        await jobs.PlanAsync(campaign, cancellationToken);
        return campaign;
    }

    private static CampaignRecipient Recipient(AudienceMember member, FormDefinition form)
    {
        var key = CampaignRecipient.KeyOf(member.AadObjectId, member.Email);
        var reason = member.Unreachable ?? (member.Roles.Any(form.CanBeFilledBy) ? null : MayNotFill);
        return new CampaignRecipient(key, member.Email, member.DisplayName, member.AadObjectId, member.SchoolCode,
            reason is null ? RecipientStatus.Invited : RecipientStatus.Failed, reason is null ? null : Reason(reason));
    }

    /// <summary>Readable and sortable by day, unguessable enough that a forged link names no real campaign by chance.</summary>
    private static string NewId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(now, ThaiDates.Bangkok):yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}");

    private static CampaignCheck Problem(string thai, string english) => new(null, new LocalizedText(thai, english));
}
