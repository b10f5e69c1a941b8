using System.Globalization;

namespace SupervisionBot.Dialogs.Statistics;

/// <summary>
/// How numbers are printed in Thai result tables: x̄ and S.D. to two decimals, PNI to three, rounded
/// half away from zero as a reader rounding by hand would. Ranks and levels are taken from these
/// printed values, so a reader never sees two equal numbers ranked apart.
/// </summary>
public static class ReportNumbers
{
    public const int MeanDecimals = 2;

    public const int IndexDecimals = 3;

    /// <summary>Printed where a value is undefined, e.g. the S.D. of one answer.</summary>
    public const string Missing = "–";

    public static decimal Shown(decimal value, int decimals = MeanDecimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero);

    public static string Format(decimal? value, int decimals = MeanDecimals) =>
        value is { } v ? Shown(v, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : Missing;

    /// <summary>
    /// Ranks (อันดับ) for rows already ordered best first: equal keys share a rank and the next
    /// distinct key takes its place in the count (1, 2, 2, 4), as ranked tables are read.
    /// </summary>
    public static IReadOnlyList<int> SharedRanks<T>(IReadOnlyList<T> ordered, Func<T, decimal> key)
    {
        var ranks = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[i] = i > 0 && key(ordered[i]) == key(ordered[i - 1]) ? ranks[i - 1] : i + 1;
        }

        return ranks;
    }
}
