using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupervisionBot.Bot.Protocol;

/// <summary>Writes UTC timestamps with 'Z' as the channel does, instead of the serializer's "+00:00".</summary>
public sealed class TimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (value.Offset == TimeSpan.Zero)
        {
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
