using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Azure.Data.Tables;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Answers as JSON in table columns, split over several when a form with long notes needs it (<see cref="JsonColumns"/>).
/// </summary>
public static class AnswersColumns
{
    private const string Prefix = "Answers";

    // Thai escaped as \uXXXX would take three times the room against the column limit.
    private static readonly StorageJson Json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    public static void Write(TableEntity entity, FormAnswers answers)
    {
        JsonColumns.Write(entity, Prefix, JsonSerializer.Serialize(new Dictionary<string, string>(answers.Values), Json.DictionaryStringString));
    }

    public static FormAnswers Read(TableEntity entity)
    {
        var json = JsonColumns.Read(entity, Prefix);
        var values = JsonSerializer.Deserialize(json, Json.DictionaryStringString) ?? [];
        return FormAnswers.From(values);
    }
}

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJson : JsonSerializerContext;
