using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Hosting;

/// <summary>What an IT admin sets in App Service configuration reaches the conversation layer.</summary>
public sealed class BotConfigurationTests
{
    [Fact]
    public async Task Schools_teachers_and_roles_come_from_configuration()
    {
        var azurite = await Azurite.GetAsync();
        await using var bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("config"), new Dictionary<string, string?>
        {
            ["Directory:Schools:0:Value"] = "school-01",
            ["Directory:Schools:0:Title"] = "โรงเรียนตัวอย่างวิทยา",
            ["Directory:Teachers:0:Value"] = "teacher-01",
            ["Directory:Teachers:0:Title"] = "ครูสมศรี ใจดี",
            ["Roles:Default:0"] = "Teacher",
            ["Roles:Users:aad-chair:0"] = "GroupChair",
            ["Roles:Users:aad-chair:1"] = "Director",
        });

        var pickers = bot.Services.GetRequiredService<IPickerChoices>();
        var roles = bot.Services.GetRequiredService<IRoleDirectory>();

        Assert.Equal([new PickerChoice("school-01", "โรงเรียนตัวอย่างวิทยา")], await pickers.GetChoicesAsync(PickerSource.School, Language.Thai, CancellationToken.None));
        Assert.Equal("teacher-01", Assert.Single(await pickers.GetChoicesAsync(PickerSource.Teacher, Language.Thai, CancellationToken.None)).Value);
        Assert.Equal(9, (await pickers.GetChoicesAsync(PickerSource.LearningArea, Language.English, CancellationToken.None)).Count);
        Assert.Equal([RespondentRole.Teacher], await roles.GetRolesAsync(new Participant("29:x", "aad-someone", null), CancellationToken.None));
        Assert.Equal(new HashSet<RespondentRole> { RespondentRole.GroupChair, RespondentRole.Director },
            await roles.GetRolesAsync(new Participant("29:y", "aad-chair", null), CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_directory_the_school_picker_asks_for_the_name()
    {
        var azurite = await Azurite.GetAsync();
        await using var bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("nodir"));

        var pickers = bot.Services.GetRequiredService<IPickerChoices>();

        Assert.Empty(await pickers.GetChoicesAsync(PickerSource.School, Language.Thai, CancellationToken.None));
    }
}
