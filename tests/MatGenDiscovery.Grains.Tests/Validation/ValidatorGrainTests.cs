using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Grains.Tests.Support;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Grains.Tests.Validation;

public sealed class ValidatorGrainTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public ValidatorGrainTests() => SyntheticMaterials.Write(_data.Path);

    public void Dispose() => _data.Dispose();

    private static ValidatorSpec Spec(ConstraintConfig constraints) =>
        new(constraints, [new PredictorConfig { Property = "band_gap", Dataset = "mp", EnsembleSize = 3, Trees = 15, MaxTrainingRows = 400 }], 11);

    [Fact]
    public async Task ValidateAsync_Rules_RejectWithReasonsInOrder()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);
        var validator = silo.GetGrain<IValidatorGrain>("v");
        await validator.ConfigureAsync(Spec(new ConstraintConfig { ForbiddenElements = ["Cl"], RequiredElements = ["O"], MaxArity = 3 }));

        var report = await validator.ValidateAsync(new ValidationRequest(1, ["Li2O", "LiCl", "NaClO", "Li3O", "LiNaKMgO3", "Li2MgO2"]));

        report.Candidates.Select(c => (c.Formula, c.Rejection)).Should().Equal(
            ("Li2O", null),
            ("LiCl", "lacks required O"),
            ("NaClO", "contains forbidden Cl"),
            ("Li3O", "not charge-neutral"),
            ("KNaLiMgO3", "arity 5 exceeds 3"),
            ("Li2MgO2", null));
        report.Candidates.Where(c => c.Passed).Should().OnlyContain(c => c.Predictions.Count == 1 && c.Predictions[0].Std >= 0);
        report.Candidates.Where(c => !c.Passed).Should().OnlyContain(c => c.Predictions.Count == 0);
    }

    [Fact]
    public async Task ValidateAsync_PredictionsFollowTrainingData()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);
        var validator = silo.GetGrain<IValidatorGrain>("v");
        await validator.ConfigureAsync(Spec(new ConstraintConfig()));
        var formulas = new[] { "LiF", "MgS" };

        var report = await validator.ValidateAsync(new ValidationRequest(1, formulas));

        foreach (var candidate in report.Candidates)
        {
            var truth = SyntheticMaterials.BandGap(Composition.Parse(candidate.Formula));
            candidate.Predictions[0].Mean.Should().BeApproximately(truth, 0.6, candidate.Formula);
        }
    }

    [Fact]
    public async Task RefitAsync_LabelAtCandidate_MovesMeanTowardLabelAndShrinksStd()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);
        var validator = silo.GetGrain<IValidatorGrain>("v");
        await validator.ConfigureAsync(Spec(new ConstraintConfig()));
        var before = (await validator.ValidateAsync(new ValidationRequest(1, ["LiF"]))).Candidates[0].Predictions[0];

        await validator.RefitAsync([new RevealedLabel("LiF", "band_gap", before.Mean + 2.0, 1)]);
        var after = (await validator.ValidateAsync(new ValidationRequest(2, ["LiF"]))).Candidates[0].Predictions[0];

        // One label at distance 0 with prior weight 1: half the residual, variance halved.
        after.Mean.Should().BeApproximately(before.Mean + 1.0, 1e-9);
        after.Std.Should().BeApproximately(before.Std / Math.Sqrt(2), 1e-9);
    }

    [Fact]
    public async Task ConfigureAsync_UnknownForbiddenElement_ThrowsNamingIt()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);

        var act = () => silo.GetGrain<IValidatorGrain>("v").ConfigureAsync(Spec(new ConstraintConfig { ForbiddenElements = ["Qq"] }));

        await act.Should().ThrowAsync<Exception>().WithMessage("*Qq*");
    }
}
