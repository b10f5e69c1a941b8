using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Auth;

namespace SupervisionBot.Bot.Connector;

public enum ServiceUrlVerdict
{
    Allowed,
    /// <summary>Not an absolute http(s) URL (a <c>file:</c> URL, a relative path, credentials in the URL).</summary>
    Malformed,
    /// <summary>A well-formed URL the bot must not send its connector token to.</summary>
    NotAllowed,
}

/// <summary>
/// Where the bot may send its connector token. The serviceUrl comes from the activity, so without this
/// check anyone able to get an activity accepted could name the host that collects the token. Inbound
/// activities and every outbound call (replies, proactive sends from stored references) pass through it.
/// Local mode has no token to leak, so there any absolute http(s) URL will do.
/// </summary>
public sealed class ServiceUrlPolicy
{
    /// <summary>
    /// Teams' service hosts (public cloud, GCC, GCC High, DoD) and the Bot Framework's own channel hosts.
    /// </summary>
    internal static readonly string[] DefaultAllowedHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
        "directline.botframework.com",
        "*.directline.botframework.com",
        "webchat.botframework.com",
    ];

    private readonly bool _localMode;
    private readonly AllowedOrigin[] _allowed;

    public ServiceUrlPolicy(IOptions<BotCredentials> credentials, IOptions<ConnectorOptions> options)
        : this(credentials.Value.IsLocalMode, options.Value.AllowedServiceHosts)
    {
    }

    /// <param name="allowedHosts">Empty means <see cref="DefaultAllowedHosts"/>.</param>
    /// <exception cref="OptionsValidationException">An entry that cannot be understood, so a typo stops the host at start.</exception>
    public ServiceUrlPolicy(bool localMode, IReadOnlyCollection<string> allowedHosts)
    {
        _localMode = localMode;
        _allowed = (allowedHosts.Count > 0 ? allowedHosts : DefaultAllowedHosts).Select(AllowedOrigin.Parse).ToArray();
    }

    public ServiceUrlVerdict Check(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0
            || uri.IdnHost.Length == 0)
        {
            return ServiceUrlVerdict.Malformed;
        }

        if (_localMode)
        {
            return ServiceUrlVerdict.Allowed;
        }

        return _allowed.Any(a => a.Matches(uri)) ? ServiceUrlVerdict.Allowed : ServiceUrlVerdict.NotAllowed;
    }

    /// <summary>
    /// One allow-list entry: a host (<c>smba.trafficmanager.net</c>, https on port 443), a host with a
    /// <c>*.</c> prefix for its subdomains, or an explicit origin (<c>https://host:port</c>). Plain http is
    /// accepted only for a loopback origin, so a test rig or benchmark can stand in for the Connector on the
    /// same machine without a certificate; the token never crosses a network in the clear.
    /// </summary>
    private sealed record AllowedOrigin(string Scheme, string Host, bool Subdomains, int Port)
    {
        public static AllowedOrigin Parse(string entry)
        {
            var text = entry.Trim();
            if (text.Contains("://", StringComparison.Ordinal))
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var origin)
                    || (origin.Scheme != Uri.UriSchemeHttps && !(origin.Scheme == Uri.UriSchemeHttp && origin.IsLoopback)))
                {
                    throw Invalid(entry, "an origin must be https://host[:port], or http:// only for a loopback host");
                }

                return new AllowedOrigin(origin.Scheme, origin.IdnHost.ToLowerInvariant(), false, origin.Port);
            }

            var subdomains = text.StartsWith("*.", StringComparison.Ordinal);
            var host = subdomains ? text[2..] : text;
            if (Uri.CheckHostName(host) != UriHostNameType.Dns)
            {
                throw Invalid(entry, "expected a host name such as smba.trafficmanager.net or *.example.com");
            }

            return new AllowedOrigin(Uri.UriSchemeHttps, host.ToLowerInvariant(), subdomains, 443);
        }

        public bool Matches(Uri uri)
        {
            if (uri.Scheme != Scheme || uri.Port != Port)
            {
                return false;
            }

            var host = uri.IdnHost.ToLowerInvariant();
            return Subdomains
                ? host.EndsWith("." + Host, StringComparison.Ordinal)
                : host == Host;
        }

        private static OptionsValidationException Invalid(string entry, string problem) =>
            new(nameof(ConnectorOptions.AllowedServiceHosts), typeof(ConnectorOptions),
                [$"Connector:AllowedServiceHosts entry '{entry}' is not usable: {problem}."]);
    }
}
