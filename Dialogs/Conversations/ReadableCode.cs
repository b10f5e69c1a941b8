namespace SupervisionBot.Dialogs.Conversations;

/// <summary>
/// Random codes people read aloud and type by hand (reference numbers, error references): no 0/O or
/// 1/I to confuse, upper case only.
/// </summary>
public static class ReadableCode
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(int length) => string.Create(length, 0, static (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
        }
    });
}
