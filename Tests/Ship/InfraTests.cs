using System.Reflection;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using SupervisionBot.Bot.Storage;

namespace SupervisionBot.Tests.Ship;

/// <summary>
/// The Bicep in infra/ builds and lints clean with the pinned CLI (every lint rule an error but the
/// date-dependent recent-API-version rule), and the template it compiles to has what the bot needs.
/// </summary>
public sealed partial class InfraTests(InfraBuild infra) : IClassFixture<InfraBuild>
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";

    [Fact]
    public void Main_template_and_example_parameters_build_and_lint_without_a_finding()
    {
        Assert.True(infra.Build.ExitCode == 0 && infra.Build.Stderr.Trim().Length == 0, "bicep build: " + infra.Build.Stderr);
        Assert.True(infra.Lint.ExitCode == 0 && (infra.Lint.Stdout + infra.Lint.Stderr).Trim().Length == 0,
            "bicep lint: " + infra.Lint.Stdout + infra.Lint.Stderr);
        Assert.True(infra.BuildParams.ExitCode == 0 && infra.BuildParams.Stderr.Trim().Length == 0, "bicep build-params: " + infra.BuildParams.Stderr);
    }

    [Fact]
    public void Lint_rules_are_errors_except_the_clock_dependent_api_version_rule()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraBuild.InfraFolder, "bicepconfig.json")))!["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.Equal("off", (string?)rules["use-recent-api-versions"]!["level"]);
        Assert.All(rules.Where(r => r.Key != "use-recent-api-versions"), r => Assert.Equal("error", (string?)r.Value!["level"]));
        Assert.Contains("no-unused-params", rules.Select(r => r.Key));
    }

    [Fact]
    public void Storage_takes_no_keys_and_old_tls_and_gives_the_bot_identity_table_and_queue_roles()
    {
        var account = Single("Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;

        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        var storage = Module("storage");
        Assert.Equal(2, AllResources(storage).Count(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments"));
        Assert.Equal([StorageTableDataContributor, StorageQueueDataContributor],
            storage["properties"]!["template"]!["variables"]!.AsObject().Select(v => (string)v.Value!).Order());
        Assert.NotEmpty(Resources("Microsoft.Storage/storageAccounts/queueServices/queues"));
    }

    [Fact]
    public void Every_table_the_bot_uses_is_declared()
    {
        var declared = infra.Template["variables"]!["tableNames"]!.AsArray().Select(n => (string)n!).ToHashSet();
        var used = typeof(SupervisionTables).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Name", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        Assert.NotEmpty(used);
        Assert.Superset(used, declared);
    }

    [Fact]
    public void The_web_app_is_linux_dotnet_10_https_only_with_a_health_check_and_the_user_assigned_identity()
    {
        var site = Single("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)Single("Microsoft.Web/serverfarms")["properties"]!["reserved"]!);
        var instances = infra.Template["parameters"]!["instanceCount"]!;
        Assert.True((int)instances["maxValue"]! >= 2 && (int)instances["defaultValue"]! >= 2);
    }

    [Fact]
    public void The_web_app_gets_every_setting_the_bot_needs_in_azure()
    {
        // The settings are one concat() expression (the Key Vault reference is added for SingleTenant only).
        var settings = AllStrings(Module("app")).SelectMany(s => AppSettingName().Matches(s)).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppPassword",
            Bot.Auth.AppCredential.ClientIdKey, "Storage__TableEndpoint", Bot.Telemetry.BotTelemetry.ConnectionStringKey,
        }, settings);
    }

    [Fact]
    public void The_azure_bot_has_the_teams_channel_and_a_single_tenant_or_managed_identity_app()
    {
        var bot = Single("Microsoft.BotService/botServices");
        var channel = Single("Microsoft.BotService/botServices/channels");
        var appTypes = infra.Template["parameters"]!["botAppType"]!["allowedValues"]!.AsArray().Select(v => (string)v!);

        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("[parameters('endpoint')]", (string?)bot["properties"]!["endpoint"]);
        Assert.Contains("/api/messages", (string)Module("bot")["properties"]!["parameters"]!["endpoint"]!["value"]!);
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.Equal(["SingleTenant", "UserAssignedMSI"], appTypes.Order());
    }

    [Fact]
    public void Application_insights_writes_to_log_analytics_and_key_vault_is_only_for_a_bot_secret()
    {
        var insights = Single("Microsoft.Insights/components");

        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string)insights["properties"]!["WorkspaceResourceId"]!);
        Assert.Equal("[not(variables('isManagedIdentityBot'))]", (string?)Module("keyVault")["condition"]);
        Assert.Equal("[equals(parameters('botAppType'), 'UserAssignedMSI')]", (string?)infra.Template["variables"]!["isManagedIdentityBot"]);
        Assert.Contains("'MicrosoftAppPassword'", (string)Single("Microsoft.KeyVault/vaults/secrets")["name"]!);
    }

    [Fact]
    public void Outputs_give_the_bot_endpoint_and_what_the_manifest_build_needs()
    {
        var outputs = infra.Template["outputs"]!.AsObject();

        Assert.Contains("/api/messages", (string)outputs["botEndpoint"]!["value"]!);
        Assert.Contains("botAppId", outputs.Select(o => o.Key));
        Assert.Contains("botHostName", outputs.Select(o => o.Key));
    }

    private JsonNode Module(string name) => Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name);

    private static IEnumerable<string> AllStrings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => AllStrings(p.Value)),
        JsonArray a => a.SelectMany(AllStrings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private JsonNode Single(string type) => Assert.Single(Resources(type));

    private IEnumerable<JsonNode> Resources(string type) => AllResources(infra.Template).Where(r => (string?)r["type"] == type);

    private static IEnumerable<JsonNode> AllResources(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is JsonValue && o["apiVersion"] is JsonValue => [o, .. o.SelectMany(p => AllResources(p.Value))],
        JsonObject o => o.SelectMany(p => AllResources(p.Value)),
        JsonArray a => a.SelectMany(AllResources),
        _ => [],
    };

    [GeneratedRegex(@"createObject\('name', '([^']+)'")]
    private static partial Regex AppSettingName();
}
