using SupervisionBot.Dialogs.Conversations;

namespace SupervisionBot.Bot.Messaging;

/// <summary>
/// A short id shown to the user with an apology and written to the log with the exception, so IT
/// can find what happened from what the user reads out ("SB-7K2M9Q").
/// </summary>
public static class ErrorReference
{
    public static string New() => "SB-" + ReadableCode.New(6);
}
