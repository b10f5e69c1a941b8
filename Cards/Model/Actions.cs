using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SupervisionBot.Cards.Model;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract class CardAction
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Tooltip { get; init; }

    /// <summary>
    /// What a client that cannot run this action shows instead. The 1.5 schema accepts an action
    /// object or "drop" here; Teams' shorthand string "Action.Submit" is not valid against it, so a
    /// full Action.Submit object is used.
    /// </summary>
    public CardAction? Fallback { get; init; }
}

/// <summary>Universal Action: the client sends an adaptiveCard/action invoke and shows the card the bot returns.</summary>
public sealed class ExecuteAction : CardAction
{
    public required string Verb { get; init; }

    public JsonObject? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary>Classic submit: the client posts a message activity whose value is <see cref="Data"/> merged with the inputs.</summary>
public sealed class SubmitAction : CardAction
{
    public JsonObject? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}

public sealed class OpenUrlAction : CardAction
{
    public required Uri Url { get; init; }
}

public sealed class ShowCardAction : CardAction
{
    public required AdaptiveCard Card { get; init; }
}
