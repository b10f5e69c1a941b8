using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace SupervisionBot.Cards.Model;

/// <summary>Reads and writes cards as JSON the way Teams and the Adaptive Cards schema expect.</summary>
public static class CardJson
{
    /// <summary>
    /// The default encoder escapes every non-ASCII character, which would turn Thai into \uXXXX,
    /// triple its size on the wire and make logged cards unreadable.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(CardJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static CardJsonContext Context { get; } = new(Options);

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Context.AdaptiveCard);

    /// <summary>One element or action on its own, e.g. for logs and tests.</summary>
    public static string Serialize(CardElement element) => JsonSerializer.Serialize(element, Context.CardElement);

    public static string Serialize(CardAction action) => JsonSerializer.Serialize(action, Context.CardAction);

    public static byte[] SerializeToUtf8Bytes(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, Context.AdaptiveCard);

    /// <summary>Throws <see cref="JsonException"/> for malformed JSON or an element or action type the model does not know.</summary>
    public static AdaptiveCard Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Context.AdaptiveCard)
        ?? throw new JsonException("The JSON is null, not an Adaptive Card.");
}

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(CardElement))]
[JsonSerializable(typeof(CardAction))]
public sealed partial class CardJsonContext : JsonSerializerContext;
