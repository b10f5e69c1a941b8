using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using Choice = SupervisionBot.Cards.Model.Choice;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>
/// The owner's cards: the guided card that builds a campaign, the confirmation with the recipient
/// count, the list of their campaigns, one campaign with its actions, and who has not responded.
/// </summary>
public sealed class CampaignCards(FormCatalogue catalogue)
{
    public const string FormInput = "form";
    public const string GroupsInput = "groups";
    public const string SchoolsInput = "schools";
    public const string RolesInput = "roles";
    public const string AreasInput = "areas";
    public const string AudienceInput = "audience";
    public const string ClosesInput = "closes";
    public const string CampaignKey = "campaign";

    /// <summary>Names listed per school before "and n more", and schools before the rest are summed: keeps the card under Teams' limit.</summary>
    private const int NamesPerSchool = 8;

    private const int SchoolsShown = 15;
    private const int CampaignsShown = 10;

    public AdaptiveCard Builder(OfficeDirectory office, Language language, string? problem = null, JsonObject? typed = null)
    {
        var thai = language == Language.Thai;
        string? Typed(string key) => typed is not null && typed[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var body = new List<CardElement> { Heading(thai ? "ส่งแบบสำรวจ" : "Send a survey") };
        if (problem is not null)
        {
            body.Add(new TextBlock { Text = problem, Wrap = true, Color = TextColor.Attention });
        }
        body.Add(FormPicker.Input(FormInput, catalogue.Forms, language, Typed(FormInput)));
        body.Add(Multi(GroupsInput, thai ? "กลุ่มโรงเรียน" : "School groups", Typed(GroupsInput),
            office.Groups.Select(g => new Choice($"{g.Number}. {g.Title(language)}", g.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        body.Add(Multi(SchoolsInput, thai ? "หรือโรงเรียน" : "or schools", Typed(SchoolsInput),
            office.Schools.Select(s => new Choice(s.Title(language), s.Code))));
        body.Add(Multi(RolesInput, thai ? "บทบาท" : "Roles", Typed(RolesInput),
            DirectoryFiles.RoleCodes.Select(r => new Choice(RoleNames.Of(r.Value, language), r.Key))));
        body.Add(Multi(AreasInput, thai ? "กลุ่มสาระการเรียนรู้" : "Learning areas", Typed(AreasInput),
            LearningAreas.All.Select(a => new Choice(a.Name.Get(language), a.Code))));
        body.Add(new TextInput
        {
            Id = AudienceInput,
            Label = thai ? "หรือพิมพ์ผู้รับเอง (ไม่บังคับ)" : "Or type the audience (optional)",
            Placeholder = "group:1,group:3;role:teacher;area:science",
            Value = Typed(AudienceInput),
        });
        body.Add(new TextInput
        {
            Id = ClosesInput,
            Label = thai ? "วันปิดรับคำตอบ" : "Close date",
            Placeholder = thai ? "เช่น 31/12/2569 หรือ 2026-12-31" : "e.g. 2026-12-31 or 31/12/2569 (B.E.)",
            IsRequired = true,
            ErrorMessage = thai ? "โปรดระบุวันปิดรับคำตอบ" : "Enter the close date",
            Value = Typed(ClosesInput),
        });
        body.Add(CardActions.Buttons([new ButtonView(thai ? "ตรวจสอบผู้รับ" : "Check recipients", CampaignVerbs.Preview)]));
        return Finish(body, thai ? "ส่งแบบสำรวจ" : "Send a survey");
    }

    public static AdaptiveCard Confirmation(CampaignPlan plan, Language language)
    {
        var thai = language == Language.Thai;
        var unreachable = plan.Recipients.Where(r => r.Status == RecipientStatus.Failed).ToList();
        var body = new List<CardElement>
        {
            Heading(thai ? "ยืนยันการส่งแบบสำรวจ" : "Confirm the survey"),
            new FactSet
            {
                Facts =
                [
                    new(thai ? "แบบฟอร์ม" : "Form", plan.Form.Title.Get(language)),
                    new(thai ? "ผู้รับ" : "Audience", plan.Audience.ToString()),
                    new(thai ? "ปิดรับ" : "Closes", ThaiDates.FormatDate(plan.ClosesOn, language)),
                    new(thai ? "จำนวนผู้รับ" : "Recipients", Count(plan.Recipients.Count, language)),
                    new(thai ? "ส่งทางแชตได้" : "Reachable in chat", Count(plan.Reachable, language)),
                ],
            },
        };
        if (unreachable.Count > 0)
        {
            body.Add(Paragraph(thai ? $"ส่งไม่ได้ {unreachable.Count} คน:" : $"{unreachable.Count} cannot be reached:"));
            body.Add(Hint(string.Join("\n", unreachable.Take(NamesPerSchool).Select(r => $"- {r.DisplayName}: {ReasonIn(r.Reason, language)}"))
                + More(unreachable.Count - NamesPerSchool, language)));
        }
        var data = new JsonObject
        {
            [FormInput] = plan.Form.Id,
            [AudienceInput] = plan.Audience.ToString(),
            [ClosesInput] = plan.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        body.Add(CardActions.Buttons(plan.Reachable > 0
            ? [new ButtonView(thai ? $"ส่งถึง {plan.Reachable} คน" : $"Send to {plan.Reachable}", CampaignVerbs.Start, data)]
            : []));
        return Finish(body, thai ? "ยืนยันการส่งแบบสำรวจ" : "Confirm the survey");
    }

    public AdaptiveCard List(IReadOnlyList<(Campaign Campaign, CampaignCounts Counts)> campaigns, Language language)
    {
        var thai = language == Language.Thai;
        var body = new List<CardElement> { Heading(thai ? "แบบสำรวจของฉัน" : "My campaigns") };
        if (campaigns.Count == 0)
        {
            body.Add(Paragraph(thai ? "ท่านยังไม่ได้ส่งแบบสำรวจ พิมพ์ “ส่งแบบสำรวจ” เพื่อเริ่ม" : "You have not sent any survey yet. Type campaign to start one."));
        }
        foreach (var (campaign, counts) in campaigns.Take(CampaignsShown))
        {
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock { Text = $"{FormTitle(campaign, language)} ({StatusText(campaign, language)})", Weight = TextWeight.Bolder, Wrap = true },
                    Hint(CountsText(counts, language)),
                    CardActions.Buttons([new ButtonView(thai ? "ดูและจัดการ" : "Open", CampaignVerbs.Pending, Data(campaign))]),
                ],
            });
        }
        return Finish(body, thai ? "แบบสำรวจของฉัน" : "My campaigns");
    }

    /// <summary>One campaign: its counts, who has not responded per school, and the owner's actions.</summary>
    public AdaptiveCard Detail(Campaign campaign, IReadOnlyList<CampaignRecipient> recipients, OfficeDirectory office, Language language, string? notice = null)
    {
        var thai = language == Language.Thai;
        var counts = CampaignCounts.Of(campaign, recipients);
        var body = new List<CardElement>
        {
            Heading(FormTitle(campaign, language)),
            Hint($"{campaign.Audience} · {StatusText(campaign, language)}"),
        };
        if (notice is not null)
        {
            body.Add(new TextBlock { Text = notice, Wrap = true, Color = TextColor.Good });
        }
        body.Add(Paragraph(CountsText(counts, language)));
        body.Add(new TextBlock { Text = thai ? "ผู้ที่ยังไม่ตอบ แยกตามโรงเรียน" : "Not yet responded, by school", Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
        body.AddRange(Pending(campaign, recipients, office, language));
        var actions = new List<ButtonView>();
        if (counts.Failed > 0)
        {
            actions.Add(new ButtonView(thai ? $"ส่งซ้ำถึงผู้ที่ส่งไม่สำเร็จ ({counts.Failed})" : $"Resend to the failed ({counts.Failed})", CampaignVerbs.Resend, Data(campaign)));
        }
        if (campaign.Status == CampaignStatus.Open)
        {
            body.Add(new TextInput
            {
                Id = ClosesInput,
                Label = thai ? "ขยายเวลาถึง" : "Extend to",
                Placeholder = thai ? "เช่น 31/12/2569 หรือ 2026-12-31" : "e.g. 2026-12-31 or 31/12/2569 (B.E.)",
            });
            actions.Add(new ButtonView(thai ? "ขยายเวลา" : "Extend", CampaignVerbs.Extend, Data(campaign)));
            actions.Add(new ButtonView(thai ? "ปิดรับคำตอบตอนนี้" : "Close now", CampaignVerbs.Close, Data(campaign)));
        }
        actions.Add(new ButtonView(thai ? "แบบสำรวจทั้งหมดของฉัน" : "All my campaigns", CampaignVerbs.List));
        body.Add(CardActions.Buttons(actions));
        return Finish(body, FormTitle(campaign, language));
    }

    /// <summary>
    /// Named forms: who has not submitted, school by school. Anonymous forms: how many were invited
    /// per school and the total answered, since who answered is known to nobody.
    /// </summary>
    private static IEnumerable<CardElement> Pending(Campaign campaign, IReadOnlyList<CampaignRecipient> recipients, OfficeDirectory office, Language language)
    {
        var thai = language == Language.Thai;
        if (campaign.Anonymous)
        {
            yield return Hint(thai
                ? "แบบฟอร์มนี้ไม่ระบุตัวตน จึงแสดงได้เพียงจำนวนผู้ตอบรวม ไม่แสดงรายชื่อ ระบบส่งข้อความเตือนถึงผู้ที่ยังไม่ตอบให้เอง"
                : "This form is anonymous, so only the total of answers is shown, never names; reminders go to those who have not answered automatically.");
            yield break;
        }
        var waiting = recipients.Where(r => r.Status != RecipientStatus.Submitted)
            .GroupBy(r => r.SchoolCode ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (waiting.Count == 0)
        {
            yield return Paragraph(thai ? "ทุกคนตอบแล้ว" : "Everyone has responded.");
            yield break;
        }
        foreach (var school in waiting.Take(SchoolsShown))
        {
            var name = school.Key.Length == 0 ? (thai ? "ไม่สังกัดโรงเรียน" : "No school") : office.School(school.Key)?.Title(language) ?? school.Key;
            var people = school.OrderBy(r => r.DisplayName, StringComparer.Ordinal).ToList();
            yield return new TextBlock { Text = $"{name} ({Count(people.Count, language)})", Wrap = true, Spacing = Spacing.Small };
            yield return Hint(string.Join(", ", people.Take(NamesPerSchool).Select(r => r.Status == RecipientStatus.Failed ? $"{r.DisplayName} ⚠" : r.DisplayName))
                + More(people.Count - NamesPerSchool, language));
        }
        if (waiting.Count > SchoolsShown)
        {
            var rest = waiting.Skip(SchoolsShown).ToList();
            yield return Hint(thai
                ? $"และอีก {rest.Count} โรงเรียน ({rest.Sum(g => g.Count())} คน)"
                : $"and {rest.Count} more schools ({rest.Sum(g => g.Count())} people)");
        }
    }

    public static string CountsText(CampaignCounts c, Language language) => language == Language.Thai
        ? $"ผู้รับ {c.Recipients} · รอส่ง {c.Invited} · ส่งถึง {c.Delivered} · ส่งไม่สำเร็จ {c.Failed} · เริ่มตอบ {c.Started} · ส่งคำตอบแล้ว {c.Submitted}"
        : $"recipients {c.Recipients} · invited {c.Invited} · delivered {c.Delivered} · failed {c.Failed} · started {c.Started} · submitted {c.Submitted}";

    private string FormTitle(Campaign campaign, Language language) => catalogue.Find(campaign.FormId)?.Title.Get(language) ?? campaign.FormId;

    private static string StatusText(Campaign campaign, Language language)
    {
        var date = ThaiDates.FormatDate(campaign.ClosesOn, language);
        return (campaign.Status, language) switch
        {
            (CampaignStatus.Open, Language.Thai) => $"เปิดถึง {date}",
            (CampaignStatus.Open, _) => $"open until {date}",
            (_, Language.Thai) => "ปิดแล้ว",
            _ => "closed",
        };
    }

    /// <summary>Stored reasons are "Thai / English": the reader gets their half.</summary>
    private static string ReasonIn(string? reason, Language language)
    {
        var parts = (reason ?? "").Split(" / ", 2);
        return parts.Length == 2 ? (language == Language.Thai ? parts[0] : parts[1]) : reason ?? "";
    }

    private static JsonObject Data(Campaign campaign) => new() { [CampaignKey] = campaign.Id };

    private static string Count(int n, Language language) => language == Language.Thai ? $"{n} คน" : $"{n}";

    private static string More(int more, Language language) =>
        more <= 0 ? "" : language == Language.Thai ? $" และอีก {more} คน" : $" and {more} more";

    private static ChoiceSetInput Multi(string id, string label, string? value, IEnumerable<Choice> choices) => new()
    {
        Id = id,
        Label = label,
        IsMultiSelect = true,
        Style = ChoiceInputStyle.Compact,
        Value = value,
        Choices = choices.ToList(),
    };

    private static TextBlock Heading(string text) =>
        new() { Text = text, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };

    private static TextBlock Paragraph(string text) => new() { Text = text, Wrap = true };

    private static TextBlock Hint(string text) => new() { Text = text, Wrap = true, IsSubtle = true, Size = TextSize.Small };

    private static AdaptiveCard Finish(List<CardElement> body, string fallback)
    {
        var card = new AdaptiveCard { Body = body, FallbackText = fallback };
        CardLimits.Check(card);
        return card;
    }
}
