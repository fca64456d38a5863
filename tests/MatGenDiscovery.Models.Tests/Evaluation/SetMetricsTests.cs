using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

public class SetMetricsTests
{
    [Fact]
    public void Novelty_Compute_CountsDistinctGeneratedAbsentFromTraining()
    {
        var generated = TestSets.Set("NaCl", "Na2Cl2", "KBr", "LiF", "MgO");
        var training = TestSets.Set("NaCl", "MgO", "CaO");

        var result = Novelty.Compute(generated, training);

        result.Should().Be(new NoveltyResult(4, 2));
        result.Share.Should().Be(0.5);
    }

    [Fact]
    public void Recovery_Compute_SplitsByArity()
    {
        var reference = TestSets.Set("NaCl", "KBr", "MgO", "LiFeO2", "BaTiO3", "SrTiO3", "LiMnPO4");
        var generated = TestSets.Set("Na2Cl2", "BaTiO3", "LiMnPO4", "CuO");

        var result = Recovery.Compute(reference, generated);

        result.Size.Should().Be(7);
        result.Recovered.Should().Be(3);
        result.ByArity.Should().Equal(
            new ArityRecovery(2, 3, 1), new ArityRecovery(3, 3, 1), new ArityRecovery(4, 1, 1));
        result.ByArity[0].Share.Should().BeApproximately(1.0 / 3, 1e-12);
    }

    [Fact]
    public void Recovery_Compute_ComparesTrainingWithLeaveOut()
    {
        var result = Recovery.Compute(TestSets.Set("NaCl", "KBr"), TestSets.Set("MgO", "CaO", "SrO", "BaO"), TestSets.Set("NaCl", "KBr", "MgO"));

        result.Training.Share.Should().Be(1);
        result.LeaveOut.Share.Should().Be(0.25);
        result.Gap.Should().Be(-0.75);
    }

    [Fact]
    public void RecoveryResult_GapStandardError_IsThePooledTwoProportionError()
    {
        // 1,935 of 52,315 training and 204 of 5,813 leave-out compositions (matgan-mp-v3): pooled rate 2,139 / 58,128.
        var result = new RecoveryResult(new SetRecovery(52_315, 1_935, []), new SetRecovery(5_813, 204, []));
        var pooled = 2_139.0 / 58_128;

        result.GapStandardError.Should().BeApproximately(Math.Sqrt(pooled * (1 - pooled) * (1.0 / 52_315 + 1.0 / 5_813)), 1e-15);
        result.GapStandardError.Should().BeInRange(0.0025, 0.0027);
        result.Gap.Should().BeApproximately(204.0 / 5_813 - 1_935.0 / 52_315, 1e-15);
        new RecoveryResult(new SetRecovery(0, 0, []), new SetRecovery(5, 1, [])).GapStandardError.Should().Be(0);
    }

    [Fact]
    public void ArityDistribution_Compute_SharesPerArityForBothSets()
    {
        var result = ArityDistribution.Compute(TestSets.Set("NaCl", "KBr", "BaTiO3", "Fe"), TestSets.Set("NaCl", "LiFeO2"));

        result.Should().Equal(
            new ArityShare(1, 0.25, 0),
            new ArityShare(2, 0.5, 0.5),
            new ArityShare(3, 0.25, 0.5));
    }

    [Fact]
    public void CrossDatabaseConfirmation_Compute_CountsNovelCompositionsTheDatabaseKnows()
    {
        var result = CrossDatabaseConfirmation.Compute(
            TestSets.Set("NaCl", "KBr", "LiF", "CsI"), TestSets.Set("NaCl"), "oqmd", TestSets.Set("NaCl", "CsI", "LiF", "MgO"));

        result.Novel.Should().Be(3);
        result.Confirmed.Should().Be(2);
        result.Examples.Should().Equal("LiF", "CsI");
        result.DatabaseSize.Should().Be(4);
        result.Share.Should().BeApproximately(2.0 / 3, 1e-12);
    }
}
