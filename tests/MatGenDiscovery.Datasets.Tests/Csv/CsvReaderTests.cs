using MatGenDiscovery.Datasets.Csv;

namespace MatGenDiscovery.Datasets.Tests.Csv;

public class CsvReaderTests
{
    private static List<CsvRecord> Read(string text)
    {
        using var reader = new CsvReader(new StringReader(text));
        return reader.ReadRecords().ToList();
    }

    [Fact]
    public void ReadRecords_PlainFields_SplitsOnCommasAndKeepsNaNAsText()
    {
        var records = Read("formula,x\nNaN,1.5\nFe2O3,\n");

        records.Should().HaveCount(3);
        records[1].Fields.Should().Equal("NaN", "1.5");
        records[2].Fields.Should().Equal("Fe2O3", "");
        records[2].LineNumber.Should().Be(3);
    }

    [Fact]
    public void ReadRecords_QuotedFields_UnescapesQuotesAndCommas()
    {
        var records = Read("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n");

        records[1].Fields.Should().Equal("x,y", "say \"hi\"");
    }

    [Fact]
    public void ReadRecords_QuotedFieldSpanningLines_KeepsNewlineAndCountsLines()
    {
        var records = Read("a,b\n\"one\ntwo\",3\nz,4\n");

        records[1].Fields.Should().Equal("one\ntwo", "3");
        records[1].LineNumber.Should().Be(2);
        records[2].LineNumber.Should().Be(4);
    }

    [Fact]
    public void ReadRecords_CrLfAndBlankLines_SkipsBlanksAndStripsCarriageReturns()
    {
        var records = Read("a,b\r\n\r\nx,1\r\n");

        records.Should().HaveCount(2);
        records[1].Fields.Should().Equal("x", "1");
        records[1].LineNumber.Should().Be(3);
    }

    [Fact]
    public void ReadRecords_UnclosedQuote_ThrowsNamingTheLine()
    {
        var act = () => Read("a\n\"open\n");

        act.Should().Throw<InvalidDataException>().WithMessage("*line 2*not closed*");
    }

    [Fact]
    public void Open_GzipFile_IsDecompressedTransparently()
    {
        using var files = new TestFiles();
        var path = files.WriteGzip("t.csv.gz", "formula\nNaCl\n");

        using var reader = CsvReader.Open(path);
        var records = reader.ReadRecords().ToList();

        records.Select(r => r.Fields[0]).Should().Equal("formula", "NaCl");
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        var act = () => CsvReader.Open(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid() + ".csv"));

        act.Should().Throw<FileNotFoundException>().WithMessage("*does not exist*");
    }
}
