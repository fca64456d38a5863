using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

public class ValidityGridTests
{
    [Fact]
    public void Compute_DefaultGrid_HasEightCellsWithExpectedShares()
    {
        // Generated as written: NaCl and Na2Cl2 (one reduced composition, two unreduced), CuZn (alloy), NaCl3.
        var generated = TestSets.Parse("NaCl", "Na2Cl2", "CuZn", "Na2Cl2");
        var training = TestSets.Parse("NaCl", "MgO");

        var grid = ValidityGrid.Compute(generated, training);

        grid.Should().HaveCount(8);
        var plain = grid.Single(c => c.Label == "smact14 reduced");
        plain.TrainingBalanced.Should().Be(1);
        plain.GeneratedBalanced.Should().Be(0.5);
        grid.Single(c => c.Label == "smact14 +alloys reduced").GeneratedBalanced.Should().Be(1);
        grid.Single(c => c.Label == "smact14 unreduced").GeneratedChargeNeutral.Should().BeApproximately(1.0 / 3, 1e-12);
        grid.Should().Contain(c => c.OxidationStates == "icsd24");
    }

    [Fact]
    public void BalancedShare_CountsDistinctReducedCompositionsAsTheSmact14ReducedCell()
    {
        // NaCl and Na2Cl2 are one composition; NaCl2 is not charge-neutral.
        var compositions = TestSets.Parse("NaCl", "Na2Cl2", "NaCl2", "MgO");

        ValidityGrid.BalancedShare(compositions).Should().BeApproximately(2.0 / 3, 1e-12);
        ValidityGrid.BalancedShare(compositions).Should().Be(
            ValidityGrid.Compute(compositions, compositions).Single(c => c.Label == "smact14 reduced").TrainingBalanced);
    }
}
