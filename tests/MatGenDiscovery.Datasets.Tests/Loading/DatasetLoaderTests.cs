using System.Diagnostics;
using MatGenDiscovery.Datasets.Loading;

namespace MatGenDiscovery.Datasets.Tests.Loading;

public class DatasetLoaderTests
{
    [Fact]
    public void LoadFile_MalformedRows_AreCountedWithLineNumbersAndSkipped()
    {
        using var files = new TestFiles();
        var path = files.Write("bad.csv",
            "id,formula,energy\n" +
            "1,Fe2O3,-1.5\n" +
            "2,Xx2O,0.1\n" +
            "3,NaCl\n" +
            "4,TiO2,abc\n" +
            "5,MgO,\n" +
            "6,,1\n");

        var dataset = DatasetLoader.LoadFile(path, "bad", "formula", ["energy"]);

        dataset.Rows.Select(r => r.Formula).Should().Equal("Fe2O3", "MgO");
        dataset.Rows[0].Properties.Should().Equal(-1.5);
        dataset.Rows[1].Properties.Should().Equal(new double?[] { null });
        dataset.Errors.Select(e => e.LineNumber).Should().Equal(3, 4, 5, 7);
        dataset.Errors[0].Message.Should().Contain("Xx2O");
        dataset.Errors[1].Message.Should().Contain("expected 3 fields, found 2");
        dataset.Errors[2].Message.Should().Contain("energy").And.Contain("abc");
    }

    [Fact]
    public void LoadFile_NaNFormula_IsSodiumNitride()
    {
        using var files = new TestFiles();
        var path = files.Write("nan.csv", "formula,gap\nNaN,NaN\n");

        var dataset = DatasetLoader.LoadFile(path, "nan", "formula", []);

        dataset.Errors.Should().BeEmpty();
        var composition = dataset.Rows.Single().Composition;
        composition.Elements.Select(e => e.Symbol).Should().Equal("N", "Na");
        composition.Amounts.Should().Equal(1, 1);
    }

    [Fact]
    public void LoadFile_Gzip_LoadsLikePlainText()
    {
        using var files = new TestFiles();
        var content = "formula,band_gap\nC1Pt1,0.0\nK4Mn4O8,1.25\n";
        var gz = DatasetLoader.LoadFile(files.WriteGzip("t.csv.gz", content), "t", "formula", ["band_gap"]);

        gz.Rows.Should().HaveCount(2);
        gz.Rows[1].Composition.ReducedFormula.Should().Be("KMnO2");
        gz.Rows[1].Properties[0].Should().Be(1.25);
        gz.Rows[1].LineNumber.Should().Be(3);
    }

    [Fact]
    public void LoadFile_MissingColumn_ThrowsNamingColumnAndFile()
    {
        using var files = new TestFiles();
        var path = files.Write("h.csv", "formula,x\nNaCl,1\n");

        var act = () => DatasetLoader.LoadFile(path, "h", "formula", ["band_gap"]);

        act.Should().Throw<InvalidDataException>().WithMessage("*h.csv*no column 'band_gap'*");
    }

    [Fact]
    public void Load_BundledOqmd_AllRowsParseQuickly()
    {
        var watch = Stopwatch.StartNew();
        var dataset = DatasetLoader.Load(TestFiles.RepositoryData, "oqmd");
        watch.Stop();

        dataset.Rows.Should().HaveCount(341_636);
        dataset.Errors.Should().BeEmpty();
        dataset.Rows.Count(r => r.Properties[0] is not null).Should().Be(102_510);
        dataset.Rows.Count(r => r.Properties[1] is not null).Should().Be(341_608);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "a generous bound; the target is a second or two");
    }
}
