using SupervisionBot.Dialogs.FollowUps;
using SupervisionBot.Dialogs.Forms;
using static SupervisionBot.Tests.FollowUps.FollowUpFixtures;

namespace SupervisionBot.Tests.FollowUps;

public sealed class FollowUpExtractionTests
{
    private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();

    [Fact]
    public void A_meetings_numbered_follow_ups_keep_their_owner_and_due_date_and_a_known_owner_is_matched_by_name()
    {
        var actions = FollowUpExtraction.From(Catalogue.Find("group-meeting-record")!, Meeting(), Office);

        Assert.Equal(["MTG-691124-AAAAAA-1", "MTG-691124-AAAAAA-2"], actions.Select(a => a.Id));
        Assert.All(actions, a => Assert.Equal(FollowUpScope.Group(2), a.Scope));
        Assert.Equal("director@school.test", actions[0].OwnerEmail);
        Assert.Equal(new DateOnly(2026, 12, 15), actions[0].DueDate);
        Assert.Equal("งานวัดผลของกลุ่ม", actions[1].OwnerName);
        Assert.Null(actions[1].OwnerEmail);
        Assert.Equal((2, new Dialogs.Calendar.SchoolTerm(2569, 2)), FollowUpExtraction.MeetingOf(Meeting()));
    }

    [Fact]
    public void Each_line_of_a_visits_recommendations_is_an_action_of_the_school_owned_by_its_director()
    {
        var actions = FollowUpExtraction.From(Catalogue.Find("administration-supervision")!, AdministrationVisit(), Office);

        Assert.Equal(["ทบทวนหลักสูตรสถานศึกษา", "วิเคราะห์ผลสัมฤทธิ์รายวิชา", "ติดตามการนิเทศภายในทุกเดือน"], actions.Select(a => a.Task));
        Assert.All(actions, a =>
        {
            Assert.Equal(FollowUpScope.School(SchoolCode), a.Scope);
            Assert.Equal("director@school.test", a.OwnerEmail);
            Assert.Equal("นางสาวอำนวย สุขใจ", a.OwnerName);
            Assert.Equal(new DateOnly(2027, 1, 15), a.DueDate);
            Assert.Equal("visit-9", a.VisitId);
        });
    }

    [Fact]
    public void A_form_without_recommendations_takes_its_points_to_develop_due_a_month_after_the_visit()
    {
        var observation = new FormResponse("active-learning-observation", 2, "OBS-691124-CCCCCC",
            FormAnswers.From([new("school", SchoolCode), new("visit-date", "2026-11-24"), new("to-develop", "ใช้คำถามกระตุ้นการคิด")]),
            DateTimeOffset.UtcNow, "aad-supervisor");

        var action = Assert.Single(FollowUpExtraction.From(Catalogue.Find("active-learning-observation")!, observation, Office));

        Assert.Equal("ใช้คำถามกระตุ้นการคิด", action.Task);
        Assert.Equal(new DateOnly(2026, 12, 24), action.DueDate);
    }

    [Fact]
    public void A_survey_or_an_answer_without_a_school_gives_no_actions()
    {
        var survey = new FormResponse("school-administration-needs", 2, "NDS-1", FormAnswers.From([new("suggestions", "อยากได้อบรม")]), DateTimeOffset.UtcNow, "aad-teacher");
        var noSchool = AdministrationVisit() with { Answers = FormAnswers.From([new("advice", "x")]) };

        Assert.Empty(FollowUpExtraction.From(Catalogue.Find("school-administration-needs")!, survey, Office));
        Assert.Empty(FollowUpExtraction.From(Catalogue.Find("administration-supervision")!, noSchool, Office));
    }
}
