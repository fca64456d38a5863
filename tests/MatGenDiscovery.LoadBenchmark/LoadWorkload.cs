using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Grains.Distributed;

namespace MatGenDiscovery.LoadBenchmark;

/// <summary>
/// The batches the benchmark sends to <c>matgen silo</c> workers: a random generator over a 20-element pool (at most
/// 4 elements, counts up to 6) and a validator with the SMACT rules (charge neutrality and electronegativity
/// balance, at most 4 elements) and no predictors.
/// </summary>
public static class LoadWorkload
{
    public const string CampaignId = "load";
    public const string GeneratorId = "load.random";
    public const string FamilyKeyPrefix = "load/";

    public static GeneratorSpec GeneratorSpec { get; } = new(
        "random",
        null,
        null,
        null,
        ["Li", "Na", "K", "Mg", "Ca", "Sr", "Ba", "Al", "Ti", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "O", "S", "N", "F", "Cl"],
        [],
        MaxArity: 4,
        MaxCount: 6);

    public static ValidatorSpec ValidatorSpec { get; } = new(new ConstraintConfig { MaxArity = 4 }, [], Seed: 1);

    /// <summary>Batch <paramref name="index"/> draws <paramref name="count"/> samples with seed <paramref name="seed"/> + index.</summary>
    public static GenerationBatch Generation(int index, int count, int seed) =>
        new(CampaignId, 0, index, GeneratorId, GeneratorSpec, new CandidateRequest(count, seed + index, 0, null));

    public static ValidationBatch Validation(int index, IReadOnlyList<string> formulas) =>
        new(CampaignId, 0, index, ValidatorSpec, [], new ValidationRequest(index, formulas));
}
