namespace SupervisionBot.Dialogs.Forms;

/// <summary>What a form is for; reports and the conversation layer pick their behaviour by it.</summary>
public enum FormKind
{
    NeedsSurvey,
    TeachingProblemsSurvey,
    IqaFollowUp,
    ClassroomObservation,
    Satisfaction,
    GroupMeeting,
    IndicatorFollowUp,
}

/// <summary>Who may fill a form, as the roles are named in the area office.</summary>
public enum RespondentRole
{
    Supervisor,
    Teacher,
    SchoolAdmin,
    GroupChair,
    UnitHead,
}

/// <summary>Where a picker item takes its choices from.</summary>
public enum PickerSource
{
    School,
    LearningArea,
    Teacher,
}

/// <summary>The string codes used in form-definition files; one place so the loader and docs agree.</summary>
public static class FormCodes
{
    public static readonly IReadOnlyDictionary<string, FormKind> Kinds = new Dictionary<string, FormKind>(StringComparer.Ordinal)
    {
        ["needs-survey"] = FormKind.NeedsSurvey,
        ["teaching-problems-survey"] = FormKind.TeachingProblemsSurvey,
        ["iqa-follow-up"] = FormKind.IqaFollowUp,
        ["classroom-observation"] = FormKind.ClassroomObservation,
        ["satisfaction"] = FormKind.Satisfaction,
        ["group-meeting"] = FormKind.GroupMeeting,
        ["indicator-follow-up"] = FormKind.IndicatorFollowUp,
    };

    public static readonly IReadOnlyDictionary<string, RespondentRole> Roles = new Dictionary<string, RespondentRole>(StringComparer.Ordinal)
    {
        ["supervisor"] = RespondentRole.Supervisor,
        ["teacher"] = RespondentRole.Teacher,
        ["school-admin"] = RespondentRole.SchoolAdmin,
        ["group-chair"] = RespondentRole.GroupChair,
        ["unit-head"] = RespondentRole.UnitHead,
    };

    public static readonly IReadOnlyDictionary<string, PickerSource> PickerSources = new Dictionary<string, PickerSource>(StringComparer.Ordinal)
    {
        ["school"] = PickerSource.School,
        ["learningArea"] = PickerSource.LearningArea,
        ["teacher"] = PickerSource.Teacher,
    };
}
