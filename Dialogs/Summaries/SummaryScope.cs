using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>How wide a summary is: the whole area (the roll-up for the area director), one school group, or one school.</summary>
public enum ScopeLevel
{
    Area,
    Group,
    School,
}

/// <summary>
/// One breakdown a summary can be read for: a level, the group number or school code at that level,
/// and the campaign it is limited to (null: every response to the form).
/// </summary>
public sealed record SummaryScope(ScopeLevel Level, string? Key, string? Campaign)
{
    public static SummaryScope Area(string? campaign = null) => new(ScopeLevel.Area, null, campaign);

    public static SummaryScope Group(int number, string? campaign = null) => new(ScopeLevel.Group, number.ToString(CultureInfo.InvariantCulture), campaign);

    public static SummaryScope School(string code, string? campaign = null) => new(ScopeLevel.School, code.ToUpperInvariant(), campaign);

    public int? GroupNumber => Level == ScopeLevel.Group ? int.Parse(Key!, CultureInfo.InvariantCulture) : null;

    /// <summary>Whether responses from <paramref name="place"/> count in this scope.</summary>
    public bool Contains(ResponsePlace place) => Level switch
    {
        ScopeLevel.Group => place.GroupNumber == GroupNumber,
        ScopeLevel.School => string.Equals(place.SchoolCode, Key, StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    /// <summary>What a summary card calls this scope, e.g. "กลุ่มโรงเรียนที่ 3 …" or "ทั้งเขตพื้นที่".</summary>
    public LocalizedText Title(OfficeDirectory directory) => Level switch
    {
        ScopeLevel.Group when directory.Group(GroupNumber!.Value) is { } group => new(group.Title(Language.Thai), group.Title(Language.English)),
        ScopeLevel.Group => new($"กลุ่มโรงเรียนที่ {Key}", $"School group {Key}"),
        ScopeLevel.School when directory.School(Key!) is { } school => new(school.Title(Language.Thai), school.Title(Language.English)),
        ScopeLevel.School => new($"โรงเรียนรหัส {Key}", $"School {Key}"),
        _ => new("ภาพรวมทั้งเขตพื้นที่", "The whole area"),
    };
}

/// <summary>
/// Where a response comes from: its school and school group. The school is the form's school picker
/// (its value is the school's code) or, for a named respondent the directory lists, their own school;
/// the group is the form's group picker or the school's group in the directory.
/// </summary>
public sealed record ResponsePlace(string? SchoolCode, int? GroupNumber)
{
    public static ResponsePlace Of(FormDefinition form, FormResponse response, OfficeDirectory directory)
    {
        var school = Picked(form, response, PickerSource.School)
            ?? (response.Respondent is { } respondent ? directory.PersonByAadObjectId(respondent)?.SchoolCode : null);
        var knownSchool = school is null ? null : directory.School(school);
        var group = int.TryParse(Picked(form, response, PickerSource.Group), NumberStyles.None, CultureInfo.InvariantCulture, out var picked)
            ? picked
            : knownSchool?.GroupNumber;
        // A name typed where the directory had no list is kept in the answers, but is no school code to break down by.
        return new ResponsePlace(knownSchool?.Code ?? (directory.Schools.Count == 0 ? school : null), group);
    }

    private static string? Picked(FormDefinition form, FormResponse response, PickerSource source) =>
        form.Items.OfType<PickerItem>().Where(item => item.Source == source)
            .Select(item => response.Answers.Get(item.Id))
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
