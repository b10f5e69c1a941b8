using System.Diagnostics;
using System.Diagnostics.Metrics;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Bot.Telemetry;

namespace SupervisionBot.Bot.Messaging;

/// <summary>
/// Turns on /api/messages by activity type, conversation type and outcome, and how long they took:
/// the numbers behind "is the bot answering Teams?" on a dashboard or in an alert.
/// </summary>
internal static class TurnMetrics
{
    public const string MeterName = BotTelemetry.NamePrefix + ".Turns";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("supervisionbot.turns", description: "Activities received on /api/messages");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("supervisionbot.turn.duration", unit: "ms", description: "Time from receiving an activity to answering it");

    // The values come from the request body, even a rejected one: keep only names we know, so a
    // caller cannot flood the metrics store with made-up dimension values.
    private static readonly HashSet<string> KnownActivityTypes =
        [ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke, ActivityTypes.MessageReaction, ActivityTypes.Event, ActivityTypes.Typing];
    private static readonly HashSet<string> KnownConversationTypes = ["personal", "groupChat", "channel"];

    public static void Record(string activityType, string? conversationType, TurnOutcome outcome, double durationMs)
    {
        var tags = new TagList
        {
            { "activity.type", KnownActivityTypes.Contains(activityType) ? activityType : "other" },
            { "conversation.type", conversationType is not null && KnownConversationTypes.Contains(conversationType) ? conversationType : "other" },
            { "outcome", outcome.ToString() },
        };
        Turns.Add(1, tags);
        Duration.Record(durationMs, tags);
    }
}
