using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Papers;

namespace MatGenDiscovery.Models.Tests.Papers;

/// <summary>Synthetic runs for report tests: small composition sets and hand-built evaluation results.</summary>
internal static class PaperRunFactory
{
    public static readonly Composition[] Training = Parse("NaCl", "KCl", "LiF", "MgO", "CaO", "Al2O3", "Fe2O3", "TiO2", "ZnO", "CuO", "LiCoO2", "BaTiO3");

    public static readonly Composition[] LeaveOut = Parse("SrTiO3", "Li2O", "GaN", "AlN", "ZnS", "NiO");

    public static readonly Composition[] Generated = Parse("NaCl", "KBr", "LiF", "MgS", "SrTiO3", "CaS", "NaCl", "Li2S", "GaP", "ZnSe");

    public static PaperRun MatGan(string experiment, int seed = 42, EvaluationReport? evaluation = null) =>
        new(Source(experiment, seed), Family(experiment), "matgan", "mp", null, experiment.Contains("-quick"),
            Training, [], LeaveOut, GeneratedSamples.From(Generated), evaluation ?? Evaluation(0.9, 0.7));

    /// <summary>An autoencoder run whose round trip is <paramref name="decodable"/>; it has nothing generated or evaluated.</summary>
    public static PaperRun Autoencoder(string experiment, Func<IReadOnlyList<Composition>, bool[]> decodable) =>
        new PaperRun(Source(experiment, 42), Family(experiment), "autoencoder", "mp", null, experiment.Contains("-quick"),
            Training, [], LeaveOut, null, null) { Decodable = decodable };

    public static PaperRun CondGan(string experiment, int seed, double mae)
    {
        var targets = new double?[] { -2, -2, -2, -1, -1, -1 };
        var generated = new GeneratedSamples(Generated.Take(6).ToArray(), targets, 0, []);
        var evaluation = Evaluation(0.8, 0.6) with { Conditional = new ConditionalResult(6, mae, mae * 1.3, 0.2) };
        return new PaperRun(Source(experiment, seed), Family(experiment), "condgan", "compgan", "formation_energy_per_atom", false,
            Training, Training.Select((_, i) => -0.25 * i).ToArray(), LeaveOut, generated, evaluation);
    }

    public static EvaluationReport Evaluation(double trainingValid, double generatedValid) =>
        new(
            new EvaluationInputs("generated.csv", "config.json", "x", "mp", 42, null, 10, 0, [], 9, 12, 6),
            [new ValidityCell("smact14", false, false, 0.95, trainingValid, 0.8, generatedValid), new ValidityCell("icsd24", false, false, 0.9, 0.8, 0.7, 0.6)],
            [new UniquenessPoint(1, 1), new UniquenessPoint(10, 9)],
            new NoveltyResult(9, 6),
            new RecoveryResult(new SetRecovery(12, 2, [new ArityRecovery(2, 10, 2), new ArityRecovery(3, 2, 0)]), new SetRecovery(6, 1, [new ArityRecovery(3, 1, 1), new ArityRecovery(2, 5, 0)])),
            [new ArityShare(2, 0.9, 0.8), new ArityShare(3, 0.1, 0.2)],
            [new EnrichmentResult(2, 3, "matgan85", 85, 1000, 0.01, 8, 0.5)],
            null,
            [new ConfirmationResult("oqmd", 500, 6, 2, ["KBr", "MgS"])],
            null);

    private static RunSource Source(string experiment, int seed) =>
        new($"runs/{experiment}", $"runs/{experiment}/config.json", experiment, seed, 100, "0123456789ab");

    private static string Family(string experiment) => experiment.Replace("-quick", "").Split("-seed")[0];

    private static Composition[] Parse(params string[] formulas) => formulas.Select(Composition.Parse).ToArray();
}
