using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Models.Repair;

namespace MatGenDiscovery.Models.Tests.Repair;

public class ValencyRepairTests
{
    private static readonly SmactValidator Validator = new();
    private static readonly ValencyRepairOptions Options = new();

    [Theory]
    [InlineData("Fe1O1.3")]
    [InlineData("Na0.31Cl0.69")]
    [InlineData("Ca0.3O0.7")]
    [InlineData("Ba0.25Ti0.3O0.45")]
    public void Repair_NonNeutral_ReturnsChargeNeutralComposition(string formula)
    {
        var original = Composition.Parse(formula);
        Validator.Check(original).ChargeNeutral.Should().BeFalse();

        var result = ValencyRepair.Repair(original, Options, new Random(1));

        result.Neutral.Should().BeTrue();
        result.ValenceErrorBefore.Should().BeGreaterThan(0);
        result.ValenceErrorAfter.Should().Be(0);
        result.Repaired.Elements.Should().Equal(original.Elements);
        result.Repaired.TotalAtoms.Should().BeLessThanOrEqualTo(Options.MaxAtoms);
        Validator.Check(result.Repaired).ChargeNeutral.Should().BeTrue();
    }

    [Fact]
    public void Repair_FeO13_StaysCloseToTheInputFractions()
    {
        var result = ValencyRepair.Repair(Composition.Parse("Fe1O1.3"), Options, new Random(3));

        var oxygen = result.Repaired.Fractions[result.Repaired.Elements.ToList().IndexOf(ElementTable.Default.Get("O"))];
        oxygen.Should().BeInRange(0.45, 0.7);
    }

    [Theory]
    [InlineData("Fe2O3")]
    [InlineData("NaCl")]
    [InlineData("Fe")]
    public void Repair_AlreadyNeutral_ReturnsInputUnchanged(string formula)
    {
        var original = Composition.Parse(formula);

        var result = ValencyRepair.Repair(original, Options, new Random(1));

        result.Changed.Should().BeFalse();
        result.Repaired.Should().BeSameAs(original);
        result.Steps.Should().Be(0);
        result.ValenceErrorBefore.Should().Be(0);
    }

    [Fact]
    public void Repair_SameSeed_IsDeterministic()
    {
        var original = Composition.Parse("Li0.2Fe0.3P0.1O0.4");

        var first = ValencyRepair.Repair(original, Options, new Random(42));
        var second = ValencyRepair.Repair(original, Options, new Random(42));

        second.Repaired.Formula.Should().Be(first.Repaired.Formula);
        second.Steps.Should().Be(first.Steps);
    }

    [Fact]
    public void Repair_TlPbEqualStateCounts_EveryCombinationSucceedsWhereIndexAlignedFails()
    {
        // smact14: Tl {-1, 1, 3}, Pb {-4, 2, 4}. Index-aligned pairs (-1,-4), (1,2), (3,4) never cancel;
        // every combination finds Tl(+1)4 Pb(-4), e.g. Tl4Pb.
        var original = Composition.Parse("Tl3Pb1");

        var aligned = ValencyRepair.Repair(original, Options with { EveryCombination = false }, new Random(5));
        var full = ValencyRepair.Repair(original, Options, new Random(5));

        aligned.Neutral.Should().BeFalse();
        full.Neutral.Should().BeTrue();
        Validator.Check(full.Repaired).ChargeNeutral.Should().BeTrue();
    }

    [Fact]
    public void Repair_FeOUnequalStateCounts_IndexAlignedRejectsEveryCombinationRepairs()
    {
        // Fe has 8 smact14 states and O has 4: the original code rejects the pair outright.
        var original = Composition.Parse("Fe1O1.3");

        var aligned = ValencyRepair.Repair(original, Options with { EveryCombination = false }, new Random(5));
        var full = ValencyRepair.Repair(original, Options, new Random(5));

        aligned.ValenceErrorBefore.Should().BeNull();
        aligned.Neutral.Should().BeFalse();
        full.Neutral.Should().BeTrue();
    }

    [Fact]
    public void Repair_ElementWithoutStates_ReturnsUnchangedWithNoError()
    {
        var result = ValencyRepair.Repair(Composition.Parse("HeO2"), Options, new Random(1));

        result.Repaired.Formula.Should().Be(Composition.Parse("HeO2").Formula);
        result.ValenceErrorBefore.Should().BeNull();
        result.Neutral.Should().BeFalse();
    }

    [Fact]
    public void RepairAll_IsIndependentOfThreadingAndMatchesSingleRepairs()
    {
        var inputs = new[] { "Fe1O1.3", "Na0.31Cl0.69", "NaCl", "Ba0.25Ti0.3O0.45" }.Select(Composition.Parse).ToArray();

        var batch = ValencyRepair.RepairAll(inputs, Options, 10);

        for (var i = 0; i < inputs.Length; i++)
        {
            batch[i].Repaired.Formula.Should().Be(ValencyRepair.Repair(inputs[i], Options, new Random(10 + i)).Repaired.Formula);
        }
    }

    [Fact]
    public void Repair_InvalidOptions_Throws() =>
        FluentActions.Invoking(() => ValencyRepair.Repair(Composition.Parse("NaCl"), Options with { Chains = 0 }, new Random(1)))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Chains*");

    [Theory]
    [InlineData("AlMg", false)]
    [InlineData("Cu3Zn", false)]
    [InlineData("HeO", false)]
    [InlineData("Fe1O1.3", true)]
    [InlineData("Tl3Pb", true)]
    [InlineData("Fe", true)]
    public void CanBeNeutral_StateSigns_DecideFeasibility(string formula, bool expected)
    {
        var composition = Composition.Parse(formula);

        ValencyRepair.CanBeNeutral(composition, OxidationStateSet.Smact14).Should().Be(expected);
        if (!expected)
        {
            ValencyRepair.Repair(composition, Options, new Random(1)).Neutral.Should().BeFalse();
        }
    }
}
