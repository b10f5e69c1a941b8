using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Auth;

/// <summary>Makes running without authentication impossible to miss in the startup log.</summary>
internal sealed class LocalModeWarning : IHostedService
{
    private readonly BotCredentials _credentials;
    private readonly ILogger<LocalModeWarning> _logger;

    public LocalModeWarning(IOptions<BotCredentials> credentials, ILogger<LocalModeWarning> logger)
    {
        _credentials = credentials.Value;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_credentials.IsLocalMode)
        {
            _logger.LogWarning("local mode: authentication disabled, only loopback requests accepted (MicrosoftAppId is not set)");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
