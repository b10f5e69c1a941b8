using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Storage;

/// <summary>The bot's tables, created once at start.</summary>
public sealed class SupervisionTables
{
    public const string ConversationsName = "Conversations";
    public const string ProcessedActivitiesName = "ProcessedActivities";
    public const string FormSessionsName = "FormSessions";
    public const string ResponsesName = "Responses";
    public const string RespondentsName = "Respondents";
    public const string PeopleName = "People";
    public const string PendingResponsesName = "PendingResponses";
    public const string ReceiptsName = "Receipts";
    public const string ScheduleName = "Schedule";
    public const string ScheduledJobsName = "ScheduledJobs";
    public const string DirectoryName = "Directory";
    public const string FollowUpsName = "FollowUps";
    public const string SchoolHistoryName = "SchoolHistory";
    public const string CampaignsName = "Campaigns";
    public const string VisitsName = "Visits";

    private static readonly string[] AllNames =
    [
        ConversationsName, ProcessedActivitiesName, FormSessionsName, ResponsesName, RespondentsName, PeopleName,
        PendingResponsesName, ReceiptsName, ScheduleName, ScheduledJobsName, DirectoryName,
        FollowUpsName, SchoolHistoryName,
        CampaignsName, VisitsName,
    ];

    private readonly TableServiceClient _service;
    private readonly string _prefix;

    /// <param name="credential">The app's identity for <see cref="StorageOptions.TableEndpoint"/>; callers with a connection string may leave it out.</param>
    public SupervisionTables(IOptions<StorageOptions> options, IHostEnvironment environment, TokenCredential? credential = null)
    {
        var settings = options.Value;
        _prefix = settings.TablePrefix;
        // A user is waiting on every turn: fail over to the apology quickly rather than retry for long.
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        if (settings.TableEndpoint is { } endpoint)
        {
            _service = new TableServiceClient(endpoint, credential ?? new DefaultAzureCredential(), clientOptions);
        }
        else if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            _service = new TableServiceClient(settings.ConnectionString, clientOptions);
        }
        else if (!environment.IsProduction())
        {
            _service = new TableServiceClient(StorageOptions.AzuriteConnectionString, clientOptions);
        }
        else
        {
            throw new InvalidOperationException(
                "Storage is not configured: set Storage__TableEndpoint (managed identity) or Storage__ConnectionString.");
        }
        Conversations = Table(ConversationsName);
        ProcessedActivities = Table(ProcessedActivitiesName);
        FormSessions = Table(FormSessionsName);
        Responses = Table(ResponsesName);
        Respondents = Table(RespondentsName);
        People = Table(PeopleName);
        PendingResponses = Table(PendingResponsesName);
        Receipts = Table(ReceiptsName);
        Schedule = Table(ScheduleName);
        ScheduledJobs = Table(ScheduledJobsName);
        Directory = Table(DirectoryName);
        FollowUps = Table(FollowUpsName);
        SchoolHistory = Table(SchoolHistoryName);
        Campaigns = Table(CampaignsName);
        Visits = Table(VisitsName);
    }

    public TableClient Conversations { get; }
    public TableClient ProcessedActivities { get; }
    public TableClient FormSessions { get; }
    public TableClient Responses { get; }
    public TableClient Respondents { get; }
    public TableClient People { get; }
    public TableClient Directory { get; }

    /// <summary>Follow-up actions from visits and meetings by school or group, and meeting counts per semester.</summary>
    public TableClient FollowUps { get; }

    /// <summary>Named responses given for each school, newest first, for its timeline.</summary>
    public TableClient SchoolHistory { get; }
    /// <summary>Campaigns, their recipients and anonymous counts (see TableCampaignStore).</summary>
    public TableClient Campaigns { get; }
    /// <summary>Supervision visits by id, with pointer rows by supervisor and by school ordered by start.</summary>
    public TableClient Visits { get; }

    /// <summary>Anonymous responses waiting to be released into <see cref="Responses"/> (see AnonymousResponseRelease).</summary>
    public TableClient PendingResponses { get; }

    /// <summary>What a person may see again of their own anonymous submissions: reference and time, never answers.</summary>
    public TableClient Receipts { get; }

    /// <summary>Pending jobs by the hour they are due: the scheduler reads only the current hours.</summary>
    public TableClient Schedule { get; }

    /// <summary>Every job by kind and id: where it is due, and its state once run.</summary>
    public TableClient ScheduledJobs { get; }

    public TableClient Table(string name) => _service.GetTableClient(_prefix + name);

    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in AllNames)
        {
            await Table(name).CreateIfNotExistsAsync(cancellationToken);
        }
        _created.TrySetResult();
    }

    /// <summary>Completes once the tables exist; background jobs wait for it rather than fail at start.</summary>
    public Task WhenCreatedAsync(CancellationToken cancellationToken) => _created.Task.WaitAsync(cancellationToken);

    /// <summary>A cheap round trip that proves the account answers and our credentials work.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in Conversations.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }
            return true;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException or AuthenticationFailedException)
        {
            return false;
        }
    }
}
