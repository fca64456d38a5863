using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Formulas;

namespace MatGenDiscovery.Chemistry.Tests.Formulas;

public class FormulaParserTests
{
    [Theory]
    [InlineData("Fe2O3", "Fe:2 O:3")]
    [InlineData("C1Pt1", "C:1 Pt:1")]
    [InlineData("K4Mn4O8", "K:4 Mn:4 O:8")]
    [InlineData("Ag(AuS)2", "Ag:1 Au:2 S:2")]
    [InlineData("Ca3(PO4)2", "Ca:3 P:2 O:8")]
    [InlineData("K4[Fe(CN)6]", "K:4 Fe:1 C:6 N:6")]
    [InlineData("[Co(NH3)6]Cl3", "Co:1 N:6 H:18 Cl:3")]
    [InlineData("HCOOH", "H:2 C:1 O:2")]
    [InlineData("NaN", "Na:1 N:1")]
    [InlineData("  Fe2O3\r", "Fe:2 O:3")]
    [InlineData("Mg149Ti", "Mg:149 Ti:1")]
    public void Parse_IntegerFormulas_GivesElementAmounts(string formula, string expected)
    {
        Describe(FormulaParser.Parse(formula)).Should().Be(Canonical(expected));
    }

    [Fact]
    public void Parse_FractionalAmounts_AreKept()
    {
        var composition = FormulaParser.Parse("Ag0.5Ge1Pb1.75S4");

        composition.IsIntegral.Should().BeFalse();
        Describe(composition).Should().Be(Canonical("Ag:0.5 Ge:1 Pb:1.75 S:4"));
    }

    [Theory]
    [InlineData("O0.5556Pr0.2222Pt0.2222", "O:5 Pr:2 Pt:2")]
    [InlineData("O0.555600Pr0.222200Pt0.222200", "O:5 Pr:2 Pt:2")]
    [InlineData("Fe0.5O0.5", "Fe:1 O:1")]
    [InlineData("Al0.1429Ni0.8571", "Al:1 Ni:6")]
    public void Parse_RoundedAtomicFractions_RecoversSmallIntegers(string formula, string expected)
    {
        var composition = FormulaParser.Parse(formula);

        composition.IsIntegral.Should().BeTrue();
        Describe(composition).Should().Be(Canonical(expected));
    }

    [Fact]
    public void Parse_FractionsThatDoNotSumToOne_AreNotRescaled()
    {
        var composition = FormulaParser.Parse("Li0.5Co0.25");

        composition.IsIntegral.Should().BeFalse();
        composition.Amounts.Should().Equal(0.5, 0.25);
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 0, "blank")]
    [InlineData("Xx2O", 0, "unknown element symbol 'Xx'")]
    [InlineData("FeQ", 2, "unknown element symbol 'Q'")]
    [InlineData("fe2O3", 0, "capital letter")]
    [InlineData("Fe2(O3", 3, "never closed")]
    [InlineData("Fe2O3)", 5, "no matching opening bracket")]
    [InlineData("Fe(O]2", 4, "expected ')'")]
    [InlineData("Fe()2", 2, "empty brackets")]
    [InlineData("Fe0O", 2, "greater than zero")]
    [InlineData("Fe0.0O", 2, "greater than zero")]
    [InlineData("Fe(O)0", 5, "greater than zero")]
    [InlineData("Fe-2O3", 2, "negative")]
    [InlineData("Fe1.2.3O", 2, "'1.2.3' is not a number")]
    [InlineData("Fe.O", 2, "'.' is not a number")]
    [InlineData("2FeO", 0, "an amount must follow")]
    [InlineData("Fe2 O3", 3, "whitespace")]
    [InlineData("Fe2O3*", 5, "unexpected character '*'")]
    [InlineData("Fe2+O", 3, "unexpected '+'")]
    public void Parse_BadInput_ThrowsWithFormulaAndPosition(string formula, int position, string reason)
    {
        var act = () => FormulaParser.Parse(formula);

        var error = act.Should().Throw<FormulaParseException>().Which;
        error.Formula.Should().Be(formula);
        error.Position.Should().Be(position);
        error.Message.Should().Contain(reason).And.Contain($"'{formula}'").And.Contain($"position {position}");
        error.Should().BeAssignableTo<ChemistryException>();
    }

    [Fact]
    public void TryParse_BadInput_ReturnsFalseAndTheError()
    {
        FormulaParser.TryParse("Fe2Zz", Chemistry.Elements.ElementTable.Default, out _, out var error).Should().BeFalse();
        error!.Position.Should().Be(3);
        FormulaParser.TryParse(null, out _).Should().BeFalse();
        FormulaParser.TryParse("TiO2", out var composition).Should().BeTrue();
        composition.ReducedFormula.Should().Be("TiO2");
    }

    private static string Describe(Composition composition) =>
        string.Join(' ', composition.Elements.Zip(composition.Amounts, (element, amount) => $"{element.Symbol}:{amount}"));

    private static string Canonical(string pairs) =>
        string.Join(' ', pairs.Split(' ')
            .Select(pair => pair.Split(':'))
            .OrderBy(parts => Chemistry.Elements.ElementTable.Default.Get(parts[0]).AtomicNumber)
            .Select(parts => $"{parts[0]}:{double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)}"));
}
