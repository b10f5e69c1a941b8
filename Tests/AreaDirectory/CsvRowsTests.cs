using SupervisionBot.Dialogs.AreaDirectory;

namespace SupervisionBot.Tests.AreaDirectory;

public sealed class CsvRowsTests
{
    [Fact]
    public void Quoted_fields_and_row_numbers_follow_the_lines()
    {
        var rows = CsvRows.Parse("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\n,last\n");

        Assert.Equal([1, 2, 5], rows.Select(r => r.Row));
        Assert.Equal(["x, \"y\"", "two\nlines"], rows[1].Fields);
        Assert.Equal(["", "last"], rows[2].Fields);
    }

    [Fact]
    public void Written_rows_parse_back_to_the_same_fields()
    {
        IReadOnlyList<string>[] records = [["plain", "comma, here", "quote \"q\"", " padded ", "line\nbreak", ""]];

        var parsed = CsvRows.Parse(CsvRows.Write(records));

        Assert.Equal(records[0], Assert.Single(parsed).Fields);
    }
}
