using System.Globalization;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// Reference numbers users quote: the form kind, the Thai (B.E.) date in Bangkok and a random part,
/// e.g. "SAT-691124-7K2M9Q". Short enough to read out over the phone, unique enough per day.
/// </summary>
public static class ReferenceNumbers
{
    public static string New(FormDefinition form, DateTimeOffset nowUtc)
    {
        var local = TimeZoneInfo.ConvertTime(nowUtc, ThaiDates.Bangkok);
        var buddhistYear = (local.Year + 543) % 100;
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix(form.Kind)}-{buddhistYear:00}{local.Month:00}{local.Day:00}-{ReadableCode.New(6)}");
    }

    private static string Prefix(FormKind kind) => kind switch
    {
        FormKind.NeedsSurvey => "NS",
        FormKind.TeachingProblemsSurvey => "TP",
        FormKind.IqaFollowUp => "IQA",
        FormKind.ClassroomObservation => "OBS",
        FormKind.Satisfaction => "SAT",
        FormKind.GroupMeeting => "MTG",
        FormKind.IndicatorFollowUp => "IND",
        FormKind.SelfAssessmentReport => "SAR",
        FormKind.AdministrationSupervision => "ADM",
        FormKind.TeachingSupervision => "TCH",
        FormKind.ResearchRecord => "RES",
        FormKind.CollaborationFollowUp => "COL",
        FormKind.CentreReport => "CTR",
        _ => "FRM",
    };
}
