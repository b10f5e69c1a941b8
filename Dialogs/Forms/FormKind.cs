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

    /// <summary>แบบรายงานผลการประเมินตนเองของสถานศึกษา (the school's SAR summary).</summary>
    SelfAssessmentReport,

    /// <summary>แบบนิเทศ ติดตาม และรายงานสรุปผลการบริหารและการจัดการศึกษาขั้นพื้นฐานของสถานศึกษา.</summary>
    AdministrationSupervision,

    /// <summary>แบบนิเทศ ติดตาม และรายงานสรุปผลการจัดการเรียนการสอนและการยกระดับผลสัมฤทธิ์ทางการเรียน.</summary>
    TeachingSupervision,

    /// <summary>แบบเก็บข้อมูลงานวิจัย: one study, recorded so that studies can later be synthesised.</summary>
    ResearchRecord,

    /// <summary>แบบติดตาม/การสรุปผลการสนับสนุนหรือทำงานร่วมกับบุคคล หน่วยงานภายในและภายนอก.</summary>
    CollaborationFollowUp,

    /// <summary>The academic development centre's (ศูนย์พัฒนาวิชาการ) semester report.</summary>
    CentreReport,
}

/// <summary>The roles people hold in the area office; they decide which forms a person may fill and what they may see.</summary>
public enum RespondentRole
{
    Teacher,

    /// <summary>ผู้อำนวยการสถานศึกษา: the school's director.</summary>
    Director,

    /// <summary>ประธานกลุ่มโรงเรียน.</summary>
    GroupChair,

    /// <summary>รองประธานกลุ่มโรงเรียน.</summary>
    GroupViceChair,

    /// <summary>ประธานศูนย์พัฒนาวิชาการ.</summary>
    CentreChair,

    /// <summary>ศึกษานิเทศก์.</summary>
    Supervisor,

    /// <summary>ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา.</summary>
    UnitHead,

    /// <summary>ผู้อำนวยการ สพม.: receives the area's reports.</summary>
    AreaDirector,

    /// <summary>The office's IT admin: imports the directory.</summary>
    Admin,
}

/// <summary>Where a picker item takes its choices from.</summary>
public enum PickerSource
{
    School,
    LearningArea,
    Teacher,

    /// <summary>กลุ่มโรงเรียน (school group).</summary>
    Group,

    /// <summary>ศูนย์พัฒนาวิชาการ (academic development centre).</summary>
    Centre,
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
        ["self-assessment-report"] = FormKind.SelfAssessmentReport,
        ["administration-supervision"] = FormKind.AdministrationSupervision,
        ["teaching-supervision"] = FormKind.TeachingSupervision,
        ["research-record"] = FormKind.ResearchRecord,
        ["collaboration-follow-up"] = FormKind.CollaborationFollowUp,
        ["centre-report"] = FormKind.CentreReport,
    };

    public static readonly IReadOnlyDictionary<string, RespondentRole> Roles = new Dictionary<string, RespondentRole>(StringComparer.Ordinal)
    {
        ["teacher"] = RespondentRole.Teacher,
        ["director"] = RespondentRole.Director,
        ["group-chair"] = RespondentRole.GroupChair,
        ["group-vice-chair"] = RespondentRole.GroupViceChair,
        ["centre-chair"] = RespondentRole.CentreChair,
        ["supervisor"] = RespondentRole.Supervisor,
        ["unit-head"] = RespondentRole.UnitHead,
        ["area-director"] = RespondentRole.AreaDirector,
        ["admin"] = RespondentRole.Admin,
    };

    public static readonly IReadOnlyDictionary<string, PickerSource> PickerSources = new Dictionary<string, PickerSource>(StringComparer.Ordinal)
    {
        ["school"] = PickerSource.School,
        ["learningArea"] = PickerSource.LearningArea,
        ["teacher"] = PickerSource.Teacher,
        ["group"] = PickerSource.Group,
        ["centre"] = PickerSource.Centre,
    };
}
