using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Campaigns;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Tests.Filling;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Campaigns;

/// <summary>
/// Campaigns wired as the host wires them, over in-memory stores, an outbox that records, and a
/// schedule the test runs by hand; people act through the real router (<see cref="FormDesk"/>).
/// </summary>
public sealed class CampaignDesk
{
    /// <summary>Thursday 3 December 2026, 10:00 in Bangkok: a working morning.</summary>
    public static readonly DateTimeOffset Opening = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);

    public CampaignDesk(ICampaignStore? store = null)
    {
        Time = new ManualTimeProvider(Opening);
        Store = store ?? new InMemoryCampaignStore();
        var office = new FixedDirectory(CampaignOffice.Build());
        Hours = new WorkingHours(SchoolCalendarLoader.Load([]), Policy);
        Jobs = new CampaignJobs(Schedule, Hours, Policy, Time);
        var moves = new RecipientMoves(Store);
        Delivery = new CampaignDelivery(Store, Outbox, moves);
        Launcher = new CampaignLauncher(FormDesk.Catalogue, new AudienceResolver(office, new InMemoryVisits()), Store, Outbox, Preferences, Jobs, Time);
        Closer = new CampaignCloser(Store, Jobs, [Closed], Time);
        Reminders = new CampaignReminders(Store, FormDesk.Catalogue, Respondents, Preferences, Outbox, Hours, Jobs);
        Progress = new CampaignProgress(Store, moves);
        Feature = new CampaignFeature(new CampaignCards(FormDesk.Catalogue), Launcher, Delivery, Closer, Jobs, Store, Outbox, moves, office, Time);
        Desk = new FormDesk(Time, respondents: Respondents, progress: [Progress], features: [Feature], roles: new DirectoryRoles(office, new FixedRoles(), _ => false));
        Desk.User = new Participant("29:supervisor", CampaignOffice.Supervisor, "ศน.นิรมล");
    }

    public ManualTimeProvider Time { get; }
    public CampaignPolicy Policy { get; } = new();
    public ICampaignStore Store { get; }
    public RecordingOutbox Outbox { get; } = new();
    public InMemoryJobSchedule Schedule { get; } = new();
    public InMemoryRespondents Respondents { get; } = new();
    public InMemoryPreferences Preferences { get; } = new();
    public RecordingClosed Closed { get; } = new();
    public WorkingHours Hours { get; }
    public CampaignJobs Jobs { get; }
    public CampaignDelivery Delivery { get; }
    public CampaignLauncher Launcher { get; }
    public CampaignCloser Closer { get; }
    public CampaignReminders Reminders { get; }
    public CampaignProgress Progress { get; }
    public CampaignFeature Feature { get; }
    public FormDesk Desk { get; }

    public async Task<Campaign> StartAsync(string formId, string audience, string closes = "2026-12-15")
    {
        var check = await Launcher.CheckAsync(new CampaignRequest(formId, audience, closes, CampaignOffice.Supervisor, "ศน.นิรมล"), CancellationToken.None);
        Assert.Null(check.Problem);
        return await Launcher.StartAsync(check.Plan!, CancellationToken.None);
    }

    public async Task<Dictionary<string, CampaignRecipient>> RecipientsAsync(Campaign campaign) =>
        (await Delivery.RefreshAsync((await Store.GetAsync(campaign.Id, CancellationToken.None))!.Campaign, CancellationToken.None)).ToDictionary(r => r.Email);

    public async Task<Campaign> CampaignAsync(string id) => (await Store.GetAsync(id, CancellationToken.None))!.Campaign;

    /// <summary>Runs every job due now, as the scheduler would, and marks it done unless its handler moved it.</summary>
    public async Task<int> RunDueJobsAsync()
    {
        var ran = 0;
        foreach (var job in Schedule.Pending.Where(j => j.DueAt <= Time.GetUtcNow()))
        {
            IJobHandler handler = job.Kind == CampaignJobs.CloseKind ? Closer : Reminders;
            await handler.HandleAsync(job, Time.GetUtcNow(), CancellationToken.None);
            Schedule.Finish(job);
            ran++;
        }
        return ran;
    }

    /// <summary>The person opens their invitation card (from the outbox) in their personal chat and presses start.</summary>
    public async Task OpenInvitationAsync(string aadObjectId, string teamsId, Campaign? of = null)
    {
        var invitation = Outbox.Messages.Single(m => m.Recipient == aadObjectId && m.MessageKey == InvitationCards.InvitationKey && (of is null || m.Purpose == of.OutboxPurpose));
        var card = CardJson.Deserialize(invitation.CardJson!);
        Desk.User = new Participant(teamsId, aadObjectId, "ครู");
        Desk.Conversation = Desk.Conversation with { ConversationId = "a:" + teamsId, UserAadObjectId = aadObjectId };
        await Desk.ActAsync(CardVerbs.FormStart, FormDesk.Button(card, CardVerbs.FormStart));
    }

    /// <summary>Answers every page of the open form with valid values and submits it.</summary>
    public async Task FinishFormAsync()
    {
        for (var page = 0; page < 40; page++)
        {
            var json = JsonNode.Parse(FormDesk.Text(Desk.Card!))!;
            if (CardAnswers.HasButton(json, CardVerbs.FormSubmit))
            {
                await Desk.PressAsync(CardVerbs.FormSubmit);
                return;
            }
            var answers = CardAnswers.FillAll(json).ToDictionary(p => p.Key, p => (string?)p.Value!.GetValue<string>());
            await Desk.PressAsync(CardAnswers.HasButton(json, CardVerbs.FormReview) ? CardVerbs.FormReview : CardVerbs.FormNext, answers);
        }
        throw new InvalidOperationException("The form never reached its review.");
    }

    public static DateTimeOffset Bangkok(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, ThaiDates.Bangkok.BaseUtcOffset).ToUniversalTime();
}
