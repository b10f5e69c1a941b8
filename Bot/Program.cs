using SupervisionBot.Bot;
using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Campaigns;
using SupervisionBot.Bot.CardExport;
using SupervisionBot.Bot.Visits;
using SupervisionBot.Bot.Export;

// A tool for people, not a host: handled before the web host so it needs no configuration or storage.
if (args is [CardExporter.Command, .. var exportArgs])
{
    return await CardExporter.RunAsync(exportArgs, Console.Out, Console.Error);
}
if (args is [DirectoryCommand.Command, .. var directoryArgs])
{
    return await DirectoryCommand.RunAsync(directoryArgs, Console.Out, Console.Error);
}
if (args is [CampaignCommand.Command, .. var campaignArgs])
{
    return await CampaignCommand.RunAsync(campaignArgs, Console.Out, Console.Error);
}
if (args is [VisitsCommand.Command, .. var visitsArgs])
{
    return await VisitsCommand.RunAsync(visitsArgs, Console.Out, Console.Error);
}

if (args is [ExportCommands.Export, .. var responseExportArgs])
{
    return await ExportCommands.ExportAsync(responseExportArgs, Console.Out, Console.Error);
}
if (args is [ExportCommands.Summary, .. var summaryArgs])
{
    return await ExportCommands.SummaryAsync(summaryArgs, Console.Out, Console.Error);
}

var app = BotHost.Build(args);
await app.RunAsync();
return 0;
