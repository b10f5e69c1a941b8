using System.Collections.Concurrent;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Campaigns;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Tests.Campaigns;

/// <summary>Campaign store with real ETag semantics, so the forward-only moves and retries run in unit tests.</summary>
public sealed class InMemoryCampaignStore : ICampaignStore
{
    private readonly ConcurrentDictionary<string, (Campaign Campaign, int Tag)> _campaigns = new();
    private readonly ConcurrentDictionary<(string, string), (CampaignRecipient Recipient, int Tag)> _recipients = new();
    private readonly ConcurrentDictionary<(string, AnonymousCount, string), bool> _markers = new();
    private int _tag;

    public Task CreateAsync(Campaign campaign, IReadOnlyCollection<CampaignRecipient> recipients, CancellationToken cancellationToken)
    {
        foreach (var r in recipients)
        {
            _recipients[(campaign.Id, r.Key)] = (r, Next());
        }
        _campaigns.TryAdd(campaign.Id, (campaign, Next()));
        return Task.CompletedTask;
    }

    public Task<StoredCampaign?> GetAsync(string campaignId, CancellationToken cancellationToken) =>
        Task.FromResult(_campaigns.TryGetValue(campaignId, out var c) ? new StoredCampaign(c.Campaign, c.Tag.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);

    public Task<bool> TryUpdateAsync(Campaign campaign, string etag, CancellationToken cancellationToken)
    {
        lock (_campaigns)
        {
            if (!_campaigns.TryGetValue(campaign.Id, out var current) || current.Tag.ToString(System.Globalization.CultureInfo.InvariantCulture) != etag)
            {
                return Task.FromResult(false);
            }
            _campaigns[campaign.Id] = (campaign, Next());
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Campaign>> ByOwnerAsync(string ownerKey, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Campaign>>(_campaigns.Values.Select(c => c.Campaign).Where(c => c.OwnerKey == ownerKey).OrderByDescending(c => c.OpenedUtc).ToList());

    public Task<IReadOnlyList<StoredRecipient>> RecipientsAsync(string campaignId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredRecipient>>(_recipients.Where(r => r.Key.Item1 == campaignId).OrderBy(r => r.Key.Item2, StringComparer.Ordinal)
            .Select(r => new StoredRecipient(r.Value.Recipient, r.Value.Tag.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());

    public Task<StoredRecipient?> GetRecipientAsync(string campaignId, string recipientKey, CancellationToken cancellationToken) =>
        Task.FromResult(_recipients.TryGetValue((campaignId, recipientKey), out var r) ? new StoredRecipient(r.Recipient, r.Tag.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);

    public Task<bool> TryUpdateRecipientAsync(string campaignId, CampaignRecipient recipient, string etag, CancellationToken cancellationToken)
    {
        lock (_recipients)
        {
            if (!_recipients.TryGetValue((campaignId, recipient.Key), out var current) || current.Tag.ToString(System.Globalization.CultureInfo.InvariantCulture) != etag)
            {
                return Task.FromResult(false);
            }
            _recipients[(campaignId, recipient.Key)] = (recipient, Next());
            return Task.FromResult(true);
        }
    }

    public Task<bool> CountAnonymousAsync(string campaignId, AnonymousCount count, string eventKey, CancellationToken cancellationToken)
    {
        lock (_campaigns)
        {
            if (!_campaigns.TryGetValue(campaignId, out var current) || !_markers.TryAdd((campaignId, count, eventKey), true))
            {
                return Task.FromResult(false);
            }
            var c = current.Campaign;
            _campaigns[campaignId] = (count == AnonymousCount.Started ? c with { AnonymousStarted = c.AnonymousStarted + 1 } : c with { AnonymousSubmitted = c.AnonymousSubmitted + 1 }, Next());
            return Task.FromResult(true);
        }
    }

    private int Next() => Interlocked.Increment(ref _tag);
}

/// <summary>An outbox that keeps what was queued and lets a test say what became of each message.</summary>
public sealed class RecordingOutbox : IOutbox
{
    private readonly Dictionary<(string Purpose, string Recipient, string Key), (OutboxMessage Message, OutboxStatus Status, OutboxFailure? Failure, string? Reason)> _messages = [];

    public IReadOnlyList<OutboxMessage> Messages { get { lock (_messages) { return _messages.Values.Select(m => m.Message).ToList(); } } }

    public int Retried { get; private set; }

    public Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            return Task.FromResult(messages.Count(m => _messages.TryAdd((m.Purpose, m.Recipient, m.MessageKey), (m, OutboxStatus.Queued, null, null))));
        }
    }

    /// <summary>What the sender would do: every queued message of the purpose sent, except those to <paramref name="failing"/>.</summary>
    public void Deliver(string purpose, IReadOnlyDictionary<string, (OutboxFailure Failure, string Reason)>? failing = null)
    {
        lock (_messages)
        {
            foreach (var (key, value) in _messages.Where(m => m.Key.Purpose == purpose && m.Value.Status == OutboxStatus.Queued).ToList())
            {
                _messages[key] = failing is not null && failing.TryGetValue(key.Recipient, out var f)
                    ? value with { Status = OutboxStatus.Failed, Failure = f.Failure, Reason = f.Reason }
                    : value with { Status = OutboxStatus.Sent };
            }
        }
    }

    public Task<OutboxCounts> CountAsync(string purpose, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            var of = _messages.Where(m => m.Key.Purpose == purpose).Select(m => m.Value.Status).ToList();
            return Task.FromResult(new OutboxCounts(purpose, of.Count(s => s == OutboxStatus.Queued), of.Count(s => s == OutboxStatus.Sent), of.Count(s => s == OutboxStatus.Failed)));
        }
    }

    public Task<IReadOnlyList<UndeliveredMessage>> UndeliveredAsync(string purpose, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            return Task.FromResult<IReadOnlyList<UndeliveredMessage>>(_messages.Where(m => m.Key.Purpose == purpose && m.Value.Status != OutboxStatus.Sent)
                .Select(m => new UndeliveredMessage(m.Key.Recipient, m.Key.Key, m.Value.Message.Kind, m.Value.Status, m.Value.Failure, m.Value.Reason, 1)).ToList());
        }
    }

    public Task<int> RetryFailedAsync(string purpose, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            var failed = _messages.Where(m => m.Key.Purpose == purpose && m.Value.Status == OutboxStatus.Failed).ToList();
            foreach (var (key, value) in failed)
            {
                _messages[key] = value with { Status = OutboxStatus.Queued, Failure = null, Reason = null };
            }
            Retried += failed.Count;
            return Task.FromResult(failed.Count);
        }
    }
}

/// <summary>The schedule as a dictionary: what is pending, and when.</summary>
public sealed class InMemoryJobSchedule : IJobSchedule
{
    private readonly ConcurrentDictionary<(string Kind, string Id), (ScheduledJob Job, JobState State)> _jobs = new();

    public IReadOnlyList<ScheduledJob> Pending => _jobs.Values.Where(j => j.State == JobState.Pending).Select(j => j.Job).OrderBy(j => j.DueAt).ToList();

    public Task ScheduleAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        _jobs[(job.Kind, job.Id)] = (job, JobState.Pending);
        return Task.CompletedTask;
    }

    public Task<bool> CancelAsync(string kind, string id, CancellationToken cancellationToken)
    {
        if (_jobs.TryGetValue((kind, id), out var job) && job.State == JobState.Pending)
        {
            _jobs[(kind, id)] = (job.Job, JobState.Cancelled);
            return Task.FromResult(true);
        }
        return Task.FromResult(false);
    }

    public Task<JobStatus?> GetStatusAsync(string kind, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_jobs.TryGetValue((kind, id), out var j) ? new JobStatus(j.Job, j.State, null) : null);

    /// <summary>Marks a job done the way the runner does after its handler returned, unless the handler moved it.</summary>
    public void Finish(ScheduledJob ran)
    {
        if (_jobs.TryGetValue((ran.Kind, ran.Id), out var current) && current.Job.DueAt == ran.DueAt)
        {
            _jobs[(ran.Kind, ran.Id)] = (current.Job, JobState.Done);
        }
    }
}

public sealed class FixedDirectory(OfficeDirectory directory) : IOfficeDirectorySource
{
    public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(directory);
}

public sealed class InMemoryVisits(params Visit[] known) : IVisitStore
{
    public Task<StoredVisit?> GetAsync(string visitId, CancellationToken cancellationToken) =>
        Task.FromResult(known.FirstOrDefault(v => v.Id == visitId) is { } v ? new StoredVisit(v, "1") : null);

    public Task AddAsync(IReadOnlyCollection<Visit> visits, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryUpdateAsync(Visit visit, string etag, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Visit>> BySupervisorAsync(string supervisorEmail, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Visit>> BySchoolAsync(string schoolCode, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) => throw new NotSupportedException();
}

public sealed class RecordingClosed : ICampaignClosed
{
    private int _calls;

    public int Calls => _calls;

    public ConcurrentBag<string> Campaigns { get; } = [];

    public Task ClosedAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Campaigns.Add(campaign.Id);
        return Task.CompletedTask;
    }
}

/// <summary>A small office: two groups, three schools, a centre, teachers with and without Teams accounts.</summary>
public static class CampaignOffice
{
    public const string Teacher = "aad-teacher";
    public const string Supervisor = "aad-supervisor";

    public static OfficeDirectory Build() => new(
        [
            new SchoolGroup(1, "กลุ่มริมน้ำ", "Riverside", null, null, null, null),
            new SchoolGroup(2, "กลุ่มเชิงดอย", "Hillside", null, null, null, null),
            new SchoolGroup(3, "กลุ่มที่สาม", "Third", null, null, null, null),
        ],
        [
            new School("S1", "โรงเรียนหนึ่ง", "School One", 1, null, null, false),
            new School("S2", "โรงเรียนสอง", "School Two", 2, null, null, false),
            new School("S3", "โรงเรียนสาม", "School Three", 3, null, null, false),
        ],
        [new Centre("C-SC", "ศูนย์วิทยาศาสตร์", "Science centre", "SC", "S2", "chair@s2.example")],
        [
            Person("somsri@s1.example", "ครูสมศรี", Teacher, "S1", [], ["SC"], RespondentRole.Teacher),
            Person("mana@s1.example", "ครูมานะ", "aad-mana", "S1", [], ["MA"], RespondentRole.Teacher),
            Person("noaad@s1.example", "ครูไม่มีบัญชี", null, "S1", [], ["SC"], RespondentRole.Teacher),
            Person("piti@s2.example", "ครูปิติ", "aad-piti", "S2", [], ["SC", "MA"], RespondentRole.Teacher),
            Person("chair@s2.example", "ผอ.ประธานศูนย์", "aad-chair", "S2", [], [], RespondentRole.Director, RespondentRole.CentreChair),
            Person("dir@s3.example", "ผอ.โรงเรียนสาม", "aad-dir3", "S3", [], [], RespondentRole.Director),
            Person("sup@area.example", "ศน.นิรมล", Supervisor, null, [1, 2], ["SC"], RespondentRole.Supervisor),
            Person("sup2@area.example", "ศน.สมหมาย", "aad-supervisor-2", null, [3], [], RespondentRole.Supervisor),
            Person("admin@area.example", "ผู้ดูแลระบบ", "aad-admin", null, [], [], RespondentRole.Admin),
        ]);

    private static Person Person(string email, string name, string? aad, string? school, int[] groups, string[] areas, params RespondentRole[] roles) =>
        new(email, name, aad, roles.ToHashSet(), school, groups, areas);
}
