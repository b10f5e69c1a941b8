using System.Text.Json.Nodes;
using SupervisionBot.Cards.Model;

namespace SupervisionBot.Cards.Builders;

public static class CardActions
{
    /// <summary>
    /// The data key that carries the verb in the fallback Action.Submit, since a submit has no verb
    /// of its own. The bot reads it from the message's value.
    /// </summary>
    public const string VerbKey = "verb";

    /// <summary>
    /// An Action.Execute whose fallback is an Action.Submit carrying the same data plus
    /// <see cref="VerbKey"/>, so a client without Universal Actions still reaches the same handler.
    /// </summary>
    public static ExecuteAction Execute(string title, string verb, JsonObject? data, AssociatedInputs? associatedInputs = null)
    {
        if (data?.ContainsKey(VerbKey) == true)
        {
            throw new ArgumentException($"Action data must not use the reserved key '{VerbKey}'.", nameof(data));
        }

        var fallbackData = Copy(data);
        fallbackData[VerbKey] = verb;
        return new ExecuteAction
        {
            Title = title,
            Verb = verb,
            Data = data is null ? null : Copy(data),
            AssociatedInputs = associatedInputs,
            Fallback = new SubmitAction { Title = title, Data = fallbackData, AssociatedInputs = associatedInputs },
        };
    }

    public static ActionSet Buttons(IEnumerable<ButtonView> buttons, Spacing? spacing = null) => new()
    {
        Actions = [.. buttons.Select(button => (CardAction)Execute(button.Title, button.Verb, button.Data))],
        Spacing = spacing,
    };

    /// <summary>A node can have one parent only, so every action gets its own copy of the caller's data.</summary>
    private static JsonObject Copy(JsonObject? data) => data is null ? [] : (JsonObject)data.DeepClone();
}
