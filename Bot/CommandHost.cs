using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Storage;

namespace SupervisionBot.Bot;

/// <summary>
/// What the IT admin's commands (directory, visits, export) run in: the bot's own configuration
/// (appsettings, environment, user secrets), so a command reads and writes where the bot does, and
/// its storage and directory, without the web host or bot credentials.
/// </summary>
public static class CommandHost
{
    /// <param name="configure">The caller's changes to the builder (tests point it at their storage), applied first.</param>
    /// <param name="more">The services this command needs besides storage and the directory.</param>
    public static async Task<WebApplication> StartAsync(string[] settings, Action<WebApplicationBuilder>? configure, Action<IServiceCollection, IConfiguration>? more = null)
    {
        var builder = WebApplication.CreateSlimBuilder(settings);
        configure?.Invoke(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
        builder.Services.AddSingleton<SupervisionTables>();
        builder.Services.AddSingleton<TableDirectoryStore>();
        more?.Invoke(builder.Services, builder.Configuration);
        var app = builder.Build();
        await app.Services.GetRequiredService<SupervisionTables>().EnsureCreatedAsync(CancellationToken.None);
        return app;
    }
}
