using System.Globalization;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Tests.Commands;

public class FeaturizeCommandTests
{
    private static string[] Cells(string line) => line.Split(',');

    [Fact]
    public async Task Run_FormulaPerLine_WritesHeaderFeaturesAndErrorRows()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("in.txt"), "Fe2O3\nNaN\n\nXx3\nLiFePO4\n");

        var result = await CliHarness.RunAsync("featurize", "--input", folder.File("in.txt"), "--output", folder.File("out.csv"));

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("3 of 4 formulas (1 errors)");
        var lines = File.ReadAllLines(folder.File("out.csv"));
        lines.Should().HaveCount(5);
        var header = Cells(lines[0]);
        header.Should().HaveCount(147);
        header[0].Should().Be("formula");
        header[^1].Should().Be("error");
        header[1].Should().Be("0-norm");
        var fe2o3 = Cells(lines[1]);
        fe2o3[0].Should().Be("Fe2O3");
        double.Parse(fe2o3[Array.IndexOf(header, "MagpieData mean Number")], CultureInfo.InvariantCulture).Should().BeApproximately(15.2, 1e-12);
        fe2o3[^1].Should().BeEmpty();
        Cells(lines[2])[Array.IndexOf(header, "MagpieData minimum Number")].Should().Be("7", "NaN is sodium nitride");
        var bad = Cells(lines[3]);
        bad[0].Should().Be("Xx3");
        bad.Skip(1).Take(145).Should().OnlyContain(cell => cell.Length == 0);
        lines[3].Should().Contain("Xx");
    }

    [Fact]
    public async Task Run_CsvWithFormulaColumn_UsesThatColumnAndLeavesNoTempFiles()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("in.csv"), "id,formula,x\n1,NaCl,3\n2,He,4\n");

        var result = await CliHarness.RunAsync("featurize", "--input", folder.File("in.csv"), "--output", folder.File("out.csv"));

        result.ExitCode.Should().Be(0, result.Error);
        var lines = File.ReadAllLines(folder.File("out.csv"));
        lines.Select(l => Cells(l)[0]).Should().Equal("formula", "NaCl", "He");
        lines[2].Should().Contain("NaN", "He has no Magpie electronegativity, which propagates as in matminer");
        Directory.GetFiles(folder.Path).Should().BeEquivalentTo([folder.File("in.csv"), folder.File("out.csv")]);
    }

    [Fact]
    public async Task Run_MissingInput_FailsWithoutWritingOutput()
    {
        using var folder = new TemporaryDirectory();

        var result = await CliHarness.RunAsync("featurize", "--input", folder.File("none.txt"), "--output", folder.File("out.csv"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("none.txt");
        File.Exists(folder.File("out.csv")).Should().BeFalse();
    }

    [Fact]
    public void AtomicFile_WriterThrows_LeavesNoFileBehind()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("out.csv"), "old");

        var act = () => AtomicFile.Write(folder.File("out.csv"), stream =>
        {
            stream.WriteByte(1);
            throw new IOException("disk full");
        });

        act.Should().Throw<IOException>();
        File.ReadAllText(folder.File("out.csv")).Should().Be("old");
        Directory.GetFiles(folder.Path).Should().HaveCount(1);
    }
}
