using SupervisionBot.Cards;
using static System.FormattableString;

namespace SupervisionBot.Dialogs.Forms;

/// <summary>One interpretation band for a mean, e.g. 4.51–5.00 = มากที่สุด. Limits are inclusive, two decimals.</summary>
public sealed record LikertBand(decimal Min, decimal Max, LocalizedText Label);

/// <summary>
/// How a mean (x̄) is read out as a level in Thai reports. Bands are written with two decimals
/// (4.51–5.00), so a mean is rounded half away from zero to two decimals before it is placed: 4.505
/// counts as 4.51, which is how a report reader would place the printed value.
/// </summary>
public sealed class LikertBandSet
{
    public const string DefaultCode = "default-0.50";
    public const string EqualCode = "equal-0.80";
    public const string CustomCode = "custom";

    /// <summary>The distance between one band's maximum and the next band's minimum.</summary>
    private const decimal Step = 0.01m;

    private LikertBandSet(string code, LocalizedText name, IReadOnlyList<LikertBand> bands)
    {
        Code = code;
        Name = name;
        Bands = bands;
    }

    public string Code { get; }

    /// <summary>How a summary names the criterion its levels come from (เกณฑ์การแปลความหมาย), which readers check first.</summary>
    public LocalizedText Name { get; }

    /// <summary>The name of bands a form spells out without naming them.</summary>
    public static LocalizedText CustomName { get; } = new("เกณฑ์ที่แบบฟอร์มนี้กำหนด", "bands set by this form");

    /// <summary>Lowest band first.</summary>
    public IReadOnlyList<LikertBand> Bands { get; }

    /// <summary>บุญชม ศรีสะอาด (2545: 103): the usual bands in Thai area-office reports.</summary>
    public static LikertBandSet Default { get; } = new(DefaultCode,
        new("เกณฑ์ของบุญชม ศรีสะอาด (2545) ช่วงละ 0.50", "Boonchom Srisa-ard (2002) bands, 0.50 wide"),
    [
        new(1.00m, 1.50m, new("น้อยที่สุด", "Lowest")),
        new(1.51m, 2.50m, new("น้อย", "Low")),
        new(2.51m, 3.50m, new("ปานกลาง", "Moderate")),
        new(3.51m, 4.50m, new("มาก", "High")),
        new(4.51m, 5.00m, new("มากที่สุด", "Highest")),
    ]);

    /// <summary>Equal-width bands, (5 − 1) / 5 = 0.80 wide.</summary>
    public static LikertBandSet Equal { get; } = new(EqualCode,
        new("เกณฑ์อันตรภาคชั้นเท่ากัน ช่วงละ 0.80", "equal-interval bands, 0.80 wide"),
    [
        new(1.00m, 1.80m, new("น้อยที่สุด", "Lowest")),
        new(1.81m, 2.60m, new("น้อย", "Low")),
        new(2.61m, 3.40m, new("ปานกลาง", "Moderate")),
        new(3.41m, 4.20m, new("มาก", "High")),
        new(4.21m, 5.00m, new("มากที่สุด", "Highest")),
    ]);

    public static IReadOnlyDictionary<string, LikertBandSet> Presets { get; } = new Dictionary<string, LikertBandSet>(StringComparer.Ordinal)
    {
        [DefaultCode] = Default,
        [EqualCode] = Equal,
    };

    /// <summary>Bands a form spells out itself; they must tile 1.00–5.00 exactly (see <see cref="FindProblem"/>).</summary>
    public static LikertBandSet Custom(IReadOnlyList<LikertBand> bands, LocalizedText? name = null)
    {
        if (FindProblem(bands) is { } problem)
        {
            throw new ArgumentException(problem.Problem, nameof(bands));
        }

        return new LikertBandSet(CustomCode, name ?? CustomName, bands.OrderBy(b => b.Min).ToArray());
    }

    /// <summary>The criterion as a summary prints it: "เกณฑ์…: 4.51–5.00 มากที่สุด, …", highest band first.</summary>
    public string Describe(Language language)
    {
        var bands = string.Join(language == Language.Thai ? " " : ", ",
            Bands.Reverse().Select(b => Invariant($"{b.Min:0.00}–{b.Max:0.00} {b.Label.Get(language)}")));
        return language == Language.Thai
            ? $"แปลความหมายค่าเฉลี่ยตาม{Name.Th} ได้แก่ {bands}"
            : $"Means are read with {Name.En}: {bands}";
    }

    /// <summary>
    /// Why a list of bands cannot place every mean from 1.00 to 5.00 in exactly one band, naming the
    /// band at fault (its index in the list as written), or null when the bands are sound.
    /// </summary>
    public static (int Index, string Problem)? FindProblem(IReadOnlyList<LikertBand> bands)
    {
        if (bands.Count == 0)
        {
            return (0, "at least one band is required");
        }

        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if (band.Min != decimal.Round(band.Min, 2) || band.Max != decimal.Round(band.Max, 2))
            {
                return (i, Invariant($"band limits must have at most two decimals, got {band.Min}–{band.Max}"));
            }

            if (band.Min > band.Max)
            {
                return (i, Invariant($"band min {band.Min:0.00} is greater than max {band.Max:0.00}"));
            }

            if (band.Min < 1.00m || band.Max > 5.00m)
            {
                return (i, Invariant($"band {band.Min:0.00}–{band.Max:0.00} lies outside 1.00–5.00"));
            }
        }

        var ordered = bands.Select((band, index) => (band, index)).OrderBy(b => b.band.Min).ToArray();
        if (ordered[0].band.Min != 1.00m)
        {
            return (ordered[0].index, Invariant($"bands leave a gap: nothing covers 1.00–{ordered[0].band.Min - Step:0.00}"));
        }

        for (var i = 1; i < ordered.Length; i++)
        {
            var (previous, _) = ordered[i - 1];
            var (current, index) = ordered[i];
            if (current.Min <= previous.Max)
            {
                return (index, Invariant($"band {current.Min:0.00}–{current.Max:0.00} overlaps band {previous.Min:0.00}–{previous.Max:0.00}"));
            }

            if (current.Min > previous.Max + Step)
            {
                return (index, Invariant($"bands leave a gap between {previous.Max:0.00} and {current.Min:0.00}"));
            }
        }

        var last = ordered[^1];
        return last.band.Max == 5.00m
            ? null
            : (last.index, Invariant($"bands leave a gap: nothing covers {last.band.Max + Step:0.00}–5.00"));
    }

    /// <summary>The band a mean falls in after rounding it to two decimals.</summary>
    public LikertBand Find(decimal mean)
    {
        var rounded = decimal.Round(mean, 2, MidpointRounding.AwayFromZero);
        foreach (var band in Bands)
        {
            if (rounded >= band.Min && rounded <= band.Max)
            {
                return band;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(mean), mean, "A mean of 1–5 answers lies between 1.00 and 5.00.");
    }
}
