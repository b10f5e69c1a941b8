using Azure.Data.Tables;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// A JSON text in table columns. A string property holds at most 64 KiB (32K UTF-16 chars), and long
/// texts pass that, so the JSON is split over numbered columns (Prefix0, Prefix1, …).
/// </summary>
public static class JsonColumns
{
    private const int ChunkChars = 30_000;

    public static void Write(TableEntity entity, string prefix, string json)
    {
        for (int start = 0, i = 0; start < json.Length || i == 0; start += ChunkChars, i++)
        {
            entity[prefix + i] = json.Substring(start, Math.Min(ChunkChars, json.Length - start));
        }
    }

    public static string Read(TableEntity entity, string prefix) =>
        string.Concat(Enumerable.Range(0, int.MaxValue).Select(i => entity.GetString(prefix + i)).TakeWhile(part => part is not null));
}
