using System.Globalization;

namespace SupervisionBot.Dialogs.FollowUps;

public enum FollowUpStatus
{
    Open,
    Done,
}

/// <summary>Whose follow-ups these are: a school's (recommendations of a visit) or a school group's (its committee's resolutions).</summary>
public sealed record FollowUpScope
{
    private FollowUpScope(string? schoolCode, int? groupNumber)
    {
        SchoolCode = schoolCode;
        GroupNumber = groupNumber;
    }

    public string? SchoolCode { get; }
    public int? GroupNumber { get; }

    public static FollowUpScope School(string code) => new(code.Trim().ToUpperInvariant(), null);

    public static FollowUpScope Group(int number) => new(null, number);

    /// <summary>One text for storage keys: "school|10010001" or "group|3".</summary>
    public string Key => SchoolCode is { } school ? "school|" + school : "group|" + GroupNumber!.Value.ToString(CultureInfo.InvariantCulture);

    public static FollowUpScope? FromKey(string key) => key.Split('|') switch
    {
        ["school", var code] when code.Length > 0 => School(code),
        ["group", var number] when int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => Group(n),
        _ => null,
    };
}

/// <summary>
/// One thing to be done after a visit or a meeting (the Act of PDCA): a recommendation or a
/// resolution with an owner and a due date, checked off at the next visit or by its owner.
/// </summary>
public sealed record FollowUpAction
{
    /// <summary>The source's reference number and the position in it, so recording a response twice adds nothing.</summary>
    public required string Id { get; init; }

    public required FollowUpScope Scope { get; init; }
    public required string Task { get; init; }

    /// <summary>The owner as the form named them (a name, a position or an email).</summary>
    public required string OwnerName { get; init; }

    /// <summary>The owner's directory email when the name could be matched; reminders go to them.</summary>
    public string? OwnerEmail { get; init; }

    /// <summary>Bangkok date by which it should be done.</summary>
    public required DateOnly DueDate { get; init; }

    public FollowUpStatus Status { get; init; } = FollowUpStatus.Open;
    public required string SourceFormId { get; init; }
    public required string SourceReference { get; init; }
    public string? VisitId { get; init; }
    public required DateTimeOffset CreatedUtc { get; init; }
    public DateTimeOffset? DoneUtc { get; init; }

    /// <summary>Who checked it off (display name), for the timeline.</summary>
    public string? DoneBy { get; init; }
}
