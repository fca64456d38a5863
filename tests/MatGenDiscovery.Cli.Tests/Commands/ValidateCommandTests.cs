namespace MatGenDiscovery.Cli.Tests.Commands;

public class ValidateCommandTests
{
    private const string Header = "formula,reduced_formula,charge_neutral,electronegativity_balanced,error";

    [Fact]
    public async Task Validate_FormulaPerLine_WritesOneRowPerFormulaInOrderAndSummarises()
    {
        using var directory = new TemporaryDirectory();
        var input = directory.File("formulas.txt");
        var output = directory.File("out.csv");
        await File.WriteAllTextAsync(input, "NaCl\n\nFe3O4\nTi2O4\nNaN\nXx2O\n   \nPmCl3\n");

        var result = await CliHarness.RunAsync("validate", "--input", input, "--output", output);

        result.ExitCode.Should().Be(0, result.Error);
        var lines = await File.ReadAllLinesAsync(output);
        lines.Should().HaveCount(7);
        lines[0].Should().Be(Header);
        lines[1].Should().Be("NaCl,NaCl,true,true,");
        lines[2].Should().Be("Fe3O4,Fe3O4,false,false,");
        lines[3].Should().Be("Ti2O4,TiO2,true,true,");
        lines[4].Should().Be("NaN,NaN,true,true,");
        lines[5].Should().StartWith("Xx2O,,,,").And.Contain("unknown element symbol 'Xx'");
        lines[6].Should().Be("PmCl3,PmCl3,true,false,");
        result.Output.TrimEnd().Split('\n')[^1].Should().StartWith(
            "validated 6 formulas: 4 charge-neutral (66.67%), 3 electronegativity-balanced (50.00%), 1 unparsable");
        Directory.GetFiles(directory.Path).Should().HaveCount(2, "no temporary file is left behind");
    }

    [Fact]
    public async Task Validate_CsvWithFormulaColumn_UsesThatColumnAndQuotesErrorsWithCommas()
    {
        using var directory = new TemporaryDirectory();
        var input = directory.File("data.csv");
        var output = directory.File("out.csv");
        await File.WriteAllTextAsync(input, "id,formula,value\n1,CsAu,0.1\n2,\"Fe,O\",0.2\n3,,0.3\n");

        var result = await CliHarness.RunAsync("validate", "--input", input, "--output", output);

        result.ExitCode.Should().Be(0, result.Error);
        var lines = await File.ReadAllLinesAsync(output);
        lines.Should().HaveCount(4);
        lines[1].Should().Be("CsAu,CsAu,true,true,");
        lines[2].Should().Be("\"Fe,O\",,,,\"cannot parse formula 'Fe,O' at position 2: unexpected character ','\"");
        lines[3].Should().StartWith(",,,,").And.Contain("empty");
        result.Output.Should().Contain("2 unparsable");
    }

    [Fact]
    public async Task Validate_UnreducedAndAlloyOptions_ChangeTheVerdicts()
    {
        using var directory = new TemporaryDirectory();
        var input = directory.File("formulas.txt");
        var output = directory.File("out.csv");
        await File.WriteAllTextAsync(input, "Ti2O4\nCuZn\n");

        var result = await CliHarness.RunAsync("validate", "--input", input, "--output", output, "--unreduced", "--alloys");

        result.ExitCode.Should().Be(0, result.Error);
        var lines = await File.ReadAllLinesAsync(output);
        lines[1].Should().Be("Ti2O4,TiO2,false,false,");
        lines[2].Should().Be("CuZn,ZnCu,true,true,");
    }

    [Fact]
    public async Task Validate_OxidationStateSet_IsUsed()
    {
        using var directory = new TemporaryDirectory();
        var input = directory.File("formulas.txt");
        var output = directory.File("out.csv");
        await File.WriteAllTextAsync(input, "CsAu\n");

        var result = await CliHarness.RunAsync("validate", "--input", input, "--output", output, "--oxidation-states", "pymatgen");

        result.ExitCode.Should().Be(0, result.Error);
        (await File.ReadAllLinesAsync(output))[1].Should().Be("CsAu,CsAu,false,false,");
    }

    [Fact]
    public async Task Validate_UnknownOxidationStateSet_FailsNamingTheValue()
    {
        using var directory = new TemporaryDirectory();
        var input = directory.File("formulas.txt");
        await File.WriteAllTextAsync(input, "NaCl\n");

        var result = await CliHarness.RunAsync("validate", "--input", input, "--output", directory.File("out.csv"), "--oxidation-states", "icsd99");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("icsd99").And.Contain("smact14");
        File.Exists(directory.File("out.csv")).Should().BeFalse();
    }

    [Fact]
    public async Task Validate_MissingInput_FailsNamingTheFile()
    {
        using var directory = new TemporaryDirectory();
        var missing = directory.File("nope.txt");

        var result = await CliHarness.RunAsync("validate", "--input", missing, "--output", directory.File("out.csv"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("error: ").And.Contain(missing);
    }

    [Fact]
    public async Task Validate_ManyFormulas_KeepsOrderAcrossChunks()
    {
        using var directory = new TemporaryDirectory();
        var input = directory.File("formulas.txt");
        var output = directory.File("out.csv");
        var formulas = Enumerable.Range(1, 70_000).Select(i => i % 3 == 0 ? $"Li{i % 7 + 1}O" : $"Na{i % 5 + 1}Cl{i % 4 + 1}").ToArray();
        await File.WriteAllLinesAsync(input, formulas);

        var result = await CliHarness.RunAsync("validate", "--input", input, "--output", output);

        result.ExitCode.Should().Be(0, result.Error);
        var lines = await File.ReadAllLinesAsync(output);
        lines.Should().HaveCount(formulas.Length + 1);
        lines.Skip(1).Select(line => line.Split(',')[0]).Should().Equal(formulas);
        result.Output.Should().Contain($"validated {formulas.Length} formulas");
    }
}
