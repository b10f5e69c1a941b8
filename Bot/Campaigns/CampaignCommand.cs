using SupervisionBot.Bot.Outbox;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Campaigns;

namespace SupervisionBot.Bot.Campaigns;

/// <summary>
/// The IT admin's campaign tool, against the configured storage with the bot's own wiring:
/// <c>dotnet run --project Bot -- campaign start --form &lt;formId&gt; --audience &lt;spec&gt; --closes &lt;yyyy-mm-dd&gt; [--owner &lt;email&gt;]</c>,
/// <c>campaign status &lt;id&gt;</c> and <c>campaign close &lt;id&gt;</c>. Running bots send the invitations
/// (the outbox) and the reminders and close (the scheduler).
/// </summary>
public static class CampaignCommand
{
    public const string Command = "campaign";

    /// <summary>Who a campaign started here comes from when no --owner is given.</summary>
    public const string CommandLineOwner = "cli";

    private const string Usage =
        "usage: dotnet run --project Bot -- campaign start --form <formId> --audience <spec> --closes <yyyy-mm-dd> [--owner <email>]\n" +
        "       dotnet run --project Bot -- campaign status <id>\n" +
        "       dotnet run --project Bot -- campaign close <id>";

    /// <summary>Runs the command; returns the exit code (0 done, 1 a bad form, audience, date or id, 2 wrong usage).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        switch (args)
        {
            case ["start", .. var rest] when Options(rest) is var (options, settings) && options.ContainsKey("form") && options.ContainsKey("audience") && options.ContainsKey("closes"):
                await using (var app = await OpenAsync(settings, configure))
                {
                    return await StartAsync(app.Services, options, output, error);
                }
            case ["status", var id, .. var settings]:
                await using (var app = await OpenAsync(settings, configure))
                {
                    return await StatusAsync(app.Services, id, output, error);
                }
            case ["close", var id, .. var settings]:
                await using (var app = await OpenAsync(settings, configure))
                {
                    return await CloseAsync(app.Services, id, output, error);
                }
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<WebApplication> OpenAsync(string[] settings, Action<WebApplicationBuilder>? configure)
    {
        var app = BotHost.Build(settings, builder =>
        {
            configure?.Invoke(builder);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.Services.GetRequiredService<SupervisionTables>().EnsureCreatedAsync(CancellationToken.None);
        await app.Services.GetRequiredService<OutboxStorage>().EnsureCreatedAsync(CancellationToken.None);
        return app;
    }

    private static async Task<int> StartAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var (ownerKey, ownerName) = (CommandLineOwner, "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา");
        if (options.TryGetValue("owner", out var ownerEmail))
        {
            var office = await services.GetRequiredService<IOfficeDirectorySource>().CurrentAsync(CancellationToken.None);
            if (office.PersonByEmail(ownerEmail) is not { AadObjectId: { } aad } owner)
            {
                await error.WriteLineAsync($"The owner {ownerEmail} is not in the directory with an AAD object id, so they could not manage the campaign in chat.");
                return 1;
            }
            (ownerKey, ownerName) = (aad, owner.DisplayName);
        }
        var launcher = services.GetRequiredService<CampaignLauncher>();
        var check = await launcher.CheckAsync(new CampaignRequest(options["form"], options["audience"], options["closes"], ownerKey, ownerName), CancellationToken.None);
        if (check.Plan is not { } plan)
        {
            await error.WriteLineAsync(check.Problem!.En);
            return 1;
        }
        var campaign = await launcher.StartAsync(plan, CancellationToken.None);
        await output.WriteLineAsync($"Campaign {campaign.Id} started: {plan.Recipients.Count} recipients, {plan.Reachable} invited in chat, {plan.Recipients.Count - plan.Reachable} not reachable; closes at the end of {campaign.ClosesOn:yyyy-MM-dd} (Bangkok).");
        foreach (var unreachable in plan.Recipients.Where(r => r.Status == RecipientStatus.Failed))
        {
            await output.WriteLineAsync($"  not reachable: {unreachable.Email} ({unreachable.DisplayName}): {unreachable.Reason}");
        }
        return 0;
    }

    private static async Task<int> StatusAsync(IServiceProvider services, string id, TextWriter output, TextWriter error)
    {
        if (await services.GetRequiredService<ICampaignStore>().GetAsync(id, CancellationToken.None) is not { Campaign: var campaign })
        {
            await error.WriteLineAsync($"There is no campaign {id}.");
            return 1;
        }
        var recipients = await services.GetRequiredService<CampaignDelivery>().RefreshAsync(campaign, CancellationToken.None);
        var counts = CampaignCounts.Of(campaign, recipients);
        await output.WriteLineAsync($"Campaign {campaign.Id}: form {campaign.FormId}, audience {campaign.Audience}, {campaign.Status.ToString().ToLowerInvariant()}, closes {campaign.ClosesOn:yyyy-MM-dd}{(campaign.Anonymous ? ", anonymous" : "")}");
        await output.WriteLineAsync($"recipients {counts.Recipients}, invited {counts.Invited}, delivered {counts.Delivered}, failed {counts.Failed}, started {counts.Started}, submitted {counts.Submitted}");
        foreach (var failed in recipients.Where(r => r.Status == RecipientStatus.Failed))
        {
            await output.WriteLineAsync($"  failed: {failed.Email}: {failed.Reason}");
        }
        return 0;
    }

    private static async Task<int> CloseAsync(IServiceProvider services, string id, TextWriter output, TextWriter error)
    {
        if (await services.GetRequiredService<ICampaignStore>().GetAsync(id, CancellationToken.None) is null)
        {
            await error.WriteLineAsync($"There is no campaign {id}.");
            return 1;
        }
        var closed = await services.GetRequiredService<CampaignCloser>().CloseNowAsync(id, CancellationToken.None);
        await output.WriteLineAsync(closed ? $"Campaign {id} is closed; a running bot sends its summaries." : $"Campaign {id} was already closed.");
        return 0;
    }

    /// <summary>"--name value" pairs; anything else is the bot's own configuration (e.g. --Storage:ConnectionString=…).</summary>
    private static (Dictionary<string, string> Options, string[] Settings) Options(string[] args)
    {
        string[] known = ["form", "audience", "closes", "owner"];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && known.Contains(args[i][2..]) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                settings.Add(args[i]);
            }
        }
        return (options, settings.ToArray());
    }
}
