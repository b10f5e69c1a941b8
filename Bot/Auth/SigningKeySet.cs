using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SupervisionBot.Bot.Auth;

/// <summary>
/// One snapshot of an issuer's JWKS: the keys, plus each key's <c>endorsements</c> (the channels the
/// Bot Connector vouches for with that key). Endorsements are read from the raw JSON so the check does not
/// depend on how IdentityModel happens to store members it does not know.
/// </summary>
internal sealed class SigningKeySet
{
    private readonly Dictionary<string, HashSet<string>> _endorsementsByKeyId;

    private SigningKeySet(IReadOnlyList<SecurityKey> keys, Dictionary<string, HashSet<string>> endorsementsByKeyId, DateTimeOffset fetchedAt)
    {
        Keys = keys;
        _endorsementsByKeyId = endorsementsByKeyId;
        FetchedAt = fetchedAt;
    }

    public IReadOnlyList<SecurityKey> Keys { get; }

    public DateTimeOffset FetchedAt { get; }

    public bool ContainsKeyId(string keyId) => Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    public bool IsEndorsed(string? keyId, string channelId) =>
        keyId is not null
        && _endorsementsByKeyId.TryGetValue(keyId, out var endorsements)
        && endorsements.Contains(channelId);

    /// <exception cref="JsonException">The document is not a JWKS.</exception>
    /// <exception cref="ArgumentException">A key in the document is unusable.</exception>
    public static SigningKeySet Parse(string jwksJson, DateTimeOffset fetchedAt)
    {
        var keySet = new JsonWebKeySet(jwksJson);
        var endorsements = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        using var document = JsonDocument.Parse(jwksJson);
        if (document.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in keys.EnumerateArray())
            {
                if (key.ValueKind != JsonValueKind.Object
                    || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                    || !key.TryGetProperty("endorsements", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var channels = endorsements.TryGetValue(kid.GetString()!, out var existing) ? existing : new HashSet<string>(StringComparer.Ordinal);
                foreach (var channel in list.EnumerateArray())
                {
                    if (channel.ValueKind == JsonValueKind.String)
                    {
                        channels.Add(channel.GetString()!);
                    }
                }

                endorsements[kid.GetString()!] = channels;
            }
        }

        return new SigningKeySet(keySet.Keys.ToArray(), endorsements, fetchedAt);
    }
}
