using MatGenDiscovery.Grains.Contracts.Campaigns;

namespace MatGenDiscovery.Grains.Contracts.Validation;

public sealed record ValidatorSpec(ConstraintConfig Constraints, IReadOnlyList<PredictorConfig> Predictors, int Seed);
