using System.Text.Json.Serialization;

namespace SupervisionBot.Cards.Model;

public sealed class AdaptiveCard
{
    /// <summary>The highest version Teams renders for bot cards.</summary>
    public const string CurrentVersion = "1.5";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-2)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-1)]
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Required on a top-level card; optional on a card inside Action.ShowCard.</summary>
    public string? Version { get; init; } = CurrentVersion;

    public CardRefresh? Refresh { get; init; }

    public List<CardElement> Body { get; init; } = [];

    public List<CardAction>? Actions { get; init; }

    /// <summary>Shown by clients too old for <see cref="Version"/>, and in notifications.</summary>
    public string? FallbackText { get; init; }

    /// <summary>
    /// Language of the card's text (e.g. "th"). Our builders leave it out: the adaptivecards 3.0.x
    /// renderer checks it with a global regex whose state leaks between cards, so every other card
    /// reports a valid "th" as invalid and drops it.
    /// </summary>
    public string? Lang { get; init; }

    /// <summary>Teams host extension; not part of the Adaptive Cards schema.</summary>
    public TeamsCardProperties? Msteams { get; init; }
}

/// <summary>Asks the client to run <see cref="Action"/> when the card is shown, so each user gets an up-to-date view.</summary>
public sealed class CardRefresh
{
    /// <summary>
    /// Must be an <see cref="ExecuteAction"/>. Typed as the base class so the "type" discriminator
    /// is written, which the schema and the renderer need.
    /// </summary>
    public required CardAction Action
    {
        get;
        init => field = value as ExecuteAction
            ?? throw new ArgumentException("A card refresh action must be Action.Execute.", nameof(value));
    }

    /// <summary>
    /// Teams user MRIs (at most 60) for whom refresh runs automatically. Omitted: everyone in small
    /// chats; empty: only the manual "Refresh card" menu item.
    /// </summary>
    public List<string>? UserIds { get; init; }
}

public sealed class TeamsCardProperties
{
    public TeamsCardWidth? Width { get; init; }

    public List<TeamsMention>? Entities { get; init; }
}

/// <summary>Makes "&lt;at&gt;Name&lt;/at&gt;" in a TextBlock a real mention of <see cref="Mentioned"/>.</summary>
public sealed class TeamsMention
{
    [JsonPropertyOrder(-1)]
    public string Type => "mention";

    public required string Text { get; init; }

    public required MentionedUser Mentioned { get; init; }
}

/// <param name="Id">The user's Teams MRI ("29:…"), AAD object id or UPN.</param>
public sealed record MentionedUser(string Id, string Name);
