namespace SupervisionBot.Bot.Graph;

/// <summary>Microsoft Graph settings (configuration section "Graph").</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public const string PublicCloud = "https://graph.microsoft.com/v1.0";

    /// <summary>Graph's root including the version; tests point it at a local fake, sovereign clouds at their own host.</summary>
    public string BaseUrl { get; set; } = PublicCloud;

    /// <summary>
    /// The app's id in the organisation's Teams app catalogue (Teams admin centre, "Manage apps"), which
    /// Graph needs to install the app for a person. Unset: the bot does not install itself for anyone.
    /// </summary>
    public string? TeamsAppId { get; set; }

    /// <summary>Retries of a call answered 429, 503 or 504 (Graph's retry handler allows up to 10).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first backoff when Graph gives no Retry-After; it doubles each retry (capped at 180 s by the SDK).</summary>
    public int RetryDelaySeconds { get; set; } = 3;

    /// <summary>
    /// The running bot uses Graph (installs, guest checks) once the office has registered the app in
    /// its catalogue and set <see cref="TeamsAppId"/>; <c>directory link</c> uses Graph regardless.
    /// </summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(TeamsAppId);

    public Uri BaseUri => new(BaseUrl.TrimEnd('/'));

    /// <summary>The token scope belongs to the Graph host the calls go to (graph.microsoft.us for US Government, …).</summary>
    public string Scope => $"{BaseUri.Scheme}://{BaseUri.Authority}/.default";
}
