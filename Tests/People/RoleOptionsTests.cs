using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.People;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.People;

/// <summary>The configured role policy: what <c>Roles:Default</c> and <c>Roles:Users</c> give a person.</summary>
public sealed class RoleOptionsTests
{
    private static readonly Participant Someone = new("29:x", "aad-someone", "ครูสมศรี");

    public static ConfiguredRoleDirectory FromJson(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        return From(configuration);
    }

    public static ConfiguredRoleDirectory FromSettings(Dictionary<string, string?> settings) =>
        From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static ConfiguredRoleDirectory From(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        RoleOptions.Register(services, configuration);
        return new ConfiguredRoleDirectory(services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<RoleOptions>>());
    }

    private static async Task<IReadOnlySet<RespondentRole>> RolesOf(ConfiguredRoleDirectory directory, Participant? user = null) =>
        await directory.GetRolesAsync(user ?? Someone, CancellationToken.None);

    [Fact]
    public async Task Without_configuration_everyone_is_a_teacher()
    {
        Assert.Equal([RespondentRole.Teacher], await RolesOf(FromJson("{}")));
    }

    [Fact]
    public async Task A_configured_default_replaces_the_built_in_teacher()
    {
        Assert.Equal([RespondentRole.Supervisor], await RolesOf(FromJson("""{ "Roles": { "Default": ["Supervisor"] } }""")));
    }

    [Fact]
    public async Task An_empty_default_in_json_gives_no_role()
    {
        Assert.Empty(await RolesOf(FromJson("""{ "Roles": { "Default": [] } }""")));
    }

    [Fact]
    public async Task An_empty_default_as_an_app_setting_gives_no_role()
    {
        // Roles__Default= in App Service settings arrives as an empty value.
        Assert.Empty(await RolesOf(FromSettings(new() { ["Roles:Default"] = "" })));
    }

    [Fact]
    public async Task A_listed_user_holds_exactly_the_listed_roles_and_others_the_default()
    {
        var directory = FromJson("""{ "Roles": { "Default": [], "Users": { "aad-chair": ["GroupChair", "Director"] } } }""");

        Assert.Equal(new HashSet<RespondentRole> { RespondentRole.GroupChair, RespondentRole.Director }, await RolesOf(directory, new Participant("29:c", "AAD-CHAIR", null)));
        Assert.Empty(await RolesOf(directory));
        Assert.Empty(await RolesOf(directory, new Participant("29:no-aad", null, null)));
    }
}
