using MatGenDiscovery.Grains.Contracts.Campaigns;

namespace MatGenDiscovery.Grains.Tests.Support;

/// <summary>A campaign over <see cref="SyntheticMaterials"/> small enough to run several times per test.</summary>
public static class TinyCampaign
{
    public static CampaignConfig Config(int rounds = 3, string acquisition = "ucb", int seed = 7) => new()
    {
        Name = "tiny",
        Seed = seed,
        TrainingDataset = "mp",
        Targets = [new TargetConfig { Property = "band_gap", Mode = "range", Min = 2.0, Max = 4.0 }],
        Constraints = new ConstraintConfig { ForbiddenElements = SyntheticMaterials.Forbidden, MaxArity = 3 },
        Generators = [new GeneratorConfig { Name = "random", Kind = "random", SamplesPerRound = 120, MaxCount = 3 }],
        Predictors = [new PredictorConfig { Property = "band_gap", Dataset = "mp", EnsembleSize = 3, Trees = 15, MaxTrainingRows = 400 }],
        Budget = new BudgetConfig { Rounds = rounds, ExperimentsPerRound = 6, CandidatesPerRound = 80 },
        Acquisition = new AcquisitionConfig { Kind = acquisition },
        Oracle = new OracleConfig { Dataset = "oqmd", ConfirmationDatasets = ["icsd"] },
    };
}
