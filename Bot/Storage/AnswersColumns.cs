using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Azure.Data.Tables;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Answers as JSON in table columns. A string property holds at most 64 KiB (32K UTF-16 chars), and
/// a form with long notes can pass that, so the JSON is split over numbered columns.
/// </summary>
public static class AnswersColumns
{
    private const int ChunkChars = 30_000;
    private const string Prefix = "Answers";

    // Thai escaped as \uXXXX would take three times the room against the column limit.
    private static readonly StorageJson Json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    public static void Write(TableEntity entity, FormAnswers answers)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string>(answers.Values), Json.DictionaryStringString);
        for (int start = 0, i = 0; start < json.Length || i == 0; start += ChunkChars, i++)
        {
            entity[Prefix + i] = json.Substring(start, Math.Min(ChunkChars, json.Length - start));
        }
    }

    public static FormAnswers Read(TableEntity entity)
    {
        var json = string.Concat(Enumerable.Range(0, int.MaxValue).Select(i => entity.GetString(Prefix + i)).TakeWhile(part => part is not null));
        var values = JsonSerializer.Deserialize(json, Json.DictionaryStringString) ?? [];
        return FormAnswers.From(values);
    }
}

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJson : JsonSerializerContext;
