namespace SupervisionBot.Dialogs.Forms;

/// <summary>
/// The words printed against levels 5…1 of a Likert item (มาตราส่วนประมาณค่า 5 ระดับ) or a quality
/// rating. Level 5 is always the best or the most, as on every Thai form.
/// </summary>
public sealed class FiveLevelScale
{
    public const int Lowest = 1;
    public const int Highest = 5;

    // Index 0 holds level 1 so that a level is its own index plus one.
    private readonly LocalizedText[] levels;

    /// <param name="highestFirst">Exactly five labels, level 5 first, the order in which forms print them.</param>
    public FiveLevelScale(IReadOnlyList<LocalizedText> highestFirst)
    {
        if (highestFirst.Count != Highest)
        {
            throw new ArgumentException($"A scale needs exactly {Highest} labels.", nameof(highestFirst));
        }

        levels = highestFirst.Reverse().ToArray();
    }

    public static FiveLevelScale Likert { get; } = new(
    [
        new("มากที่สุด", "Highest"),
        new("มาก", "High"),
        new("ปานกลาง", "Moderate"),
        new("น้อย", "Low"),
        new("น้อยที่สุด", "Lowest"),
    ]);

    public static FiveLevelScale Satisfaction { get; } = new(
    [
        new("พึงพอใจมากที่สุด", "Highest satisfaction"),
        new("พึงพอใจมาก", "High satisfaction"),
        new("พึงพอใจปานกลาง", "Moderate satisfaction"),
        new("พึงพอใจน้อย", "Low satisfaction"),
        new("พึงพอใจน้อยที่สุด", "Lowest satisfaction"),
    ]);

    /// <summary>The five quality levels OBEC uses for the 2561 standards.</summary>
    public static FiveLevelScale Quality { get; } = new(
    [
        new("ยอดเยี่ยม", "Excellent"),
        new("ดีเลิศ", "Very good"),
        new("ดี", "Good"),
        new("ปานกลาง", "Fair"),
        new("กำลังพัฒนา", "Developing"),
    ]);

    /// <summary>Names a definition file may use instead of spelling the five labels out.</summary>
    public static IReadOnlyDictionary<string, FiveLevelScale> Presets { get; } = new Dictionary<string, FiveLevelScale>(StringComparer.Ordinal)
    {
        ["likert"] = Likert,
        ["satisfaction"] = Satisfaction,
        ["quality"] = Quality,
    };

    public LocalizedText Label(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, Lowest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Highest);
        return levels[level - 1];
    }

    /// <summary>Levels 5 down to 1 with their labels, in the order a card lists them.</summary>
    public IEnumerable<(int Level, LocalizedText Label)> HighestFirst()
    {
        for (var level = Highest; level >= Lowest; level--)
        {
            yield return (level, levels[level - 1]);
        }
    }
}
