namespace SupervisionBot.Bot.Messaging;

/// <summary>
/// A short id shown to the user with an apology and written to the log with the exception, so IT
/// can find what happened from what the user reads out ("SB-7K2M9Q").
/// </summary>
public static class ErrorReference
{
    // No 0/O or 1/I: the id is read aloud and typed by hand.
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => "SB-" + string.Create(6, 0, static (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
        }
    });
}
