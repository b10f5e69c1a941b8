namespace SupervisionBot.Dialogs.Visits;

/// <summary>
/// When visit reminders go out (configuration <c>Visits:Reminders</c>), read once at start so a
/// mistyped offset stops the bot with its message rather than silently dropping a reminder.
/// </summary>
public sealed class VisitRemindersSettings
{
    public VisitRemindersSettings(IEnumerable<string> offsets)
    {
        var written = offsets.Where(o => !string.IsNullOrWhiteSpace(o)).ToList();
        // Offsets are told apart by their text (job ids and message keys carry it), so one written twice is one reminder.
        Offsets = [.. (written.Count == 0 ? ReminderOffset.Defaults : written)
            .Select(ReminderOffset.Parse)
            .DistinctBy(o => o.ToString())
            .OrderByDescending(o => o.Lead)];
    }

    public static VisitRemindersSettings Default { get; } = new([]);

    /// <summary>Longest lead first.</summary>
    public IReadOnlyList<ReminderOffset> Offsets { get; }
}
