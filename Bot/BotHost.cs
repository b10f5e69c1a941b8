namespace SupervisionBot.Bot;

/// <summary>
/// Builds the bot's web application. Tests and the benchmark call this too, so that what they run
/// is exactly what production runs, with only configuration changed.
/// </summary>
public static class BotHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var app = builder.Build();
        return app;
    }
}
