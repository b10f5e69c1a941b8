using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Forms;

public class LikertBandSetTests
{
    [Theory]
    [InlineData("1.00", "น้อยที่สุด")]
    [InlineData("1.50", "น้อยที่สุด")]
    [InlineData("1.51", "น้อย")]
    [InlineData("2.50", "น้อย")]
    [InlineData("2.51", "ปานกลาง")]
    [InlineData("3.50", "ปานกลาง")]
    [InlineData("3.51", "มาก")]
    [InlineData("4.50", "มาก")]
    [InlineData("4.504", "มาก")]
    [InlineData("4.505", "มากที่สุด")] // printed as 4.51, so read as 4.51
    [InlineData("4.51", "มากที่สุด")]
    [InlineData("5.00", "มากที่สุด")]
    public void Default_bands_by_Srisa_ard(string mean, string level) =>
        Assert.Equal(level, LikertBandSet.Default.Find(decimal.Parse(mean, System.Globalization.CultureInfo.InvariantCulture)).Label.Th);

    [Theory]
    [InlineData("1.00", "น้อยที่สุด")]
    [InlineData("1.50", "น้อยที่สุด")]
    [InlineData("1.80", "น้อยที่สุด")]
    [InlineData("1.81", "น้อย")]
    [InlineData("2.60", "น้อย")]
    [InlineData("2.61", "ปานกลาง")]
    [InlineData("3.40", "ปานกลาง")]
    [InlineData("3.41", "มาก")]
    [InlineData("4.20", "มาก")]
    [InlineData("4.21", "มากที่สุด")]
    [InlineData("4.50", "มากที่สุด")]
    [InlineData("4.51", "มากที่สุด")]
    [InlineData("5.00", "มากที่สุด")]
    public void Equal_width_bands(string mean, string level) =>
        Assert.Equal(level, LikertBandSet.Equal.Find(decimal.Parse(mean, System.Globalization.CultureInfo.InvariantCulture)).Label.Th);

    [Fact]
    public void Both_preset_band_sets_are_sound()
    {
        Assert.Null(LikertBandSet.FindProblem(LikertBandSet.Default.Bands));
        Assert.Null(LikertBandSet.FindProblem(LikertBandSet.Equal.Bands));
    }

    [Fact]
    public void Band_limits_with_three_decimals_are_rejected()
    {
        var problem = LikertBandSet.FindProblem([new(1.00m, 2.505m, new("ต่ำ", "Low")), new(2.51m, 5.00m, new("สูง", "High"))]);

        Assert.Equal((0, "band limits must have at most two decimals, got 1.00–2.505"), problem);
    }
}
