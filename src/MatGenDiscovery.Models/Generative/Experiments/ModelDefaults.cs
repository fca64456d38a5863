using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.MatGan;

namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>
/// <see cref="ModelConfig"/> with every null replaced by the published value for its kind: MatGAN (Dan et al. 2020)
/// latent 128, Adam β (0.5, 0.9), generator lr 1e-3, critic lr 1e-2, λ = 10; CondGAN/CondVAE (Sawada et al. 2019)
/// noise/latent 10, Adam lr 1e-4, β (0, 0.9), 5 critic steps, generator hidden widths 30, 60 and critic 60, 30.
/// </summary>
public sealed record ModelDefaults(
    string Kind, string Network, int LatentSize, float GeneratorLearningRate, float CriticLearningRate, float Beta1,
    float Beta2, int CriticSteps, float GradientPenaltyWeight, string? TargetProperty, bool UseDescriptors,
    string? FractionScaling = null, int? MaxGeneratedElements = null, float PropertyLossWeight = 1,
    string CriticNormalization = CriticNormalizations.Batch, float? GeneratorEmaDecay = null,
    string? CriticConditioning = null, string ReconstructionLoss = ReconstructionLosses.NegativeDice,
    int? PropertyRegressorSteps = null, string GeneratorOutput = GeneratorOutputs.Sigmoid)
{
    /// <summary>Sawada's CondGAN generator: [noise ‖ y′] → 30 → 60 → L.</summary>
    public static IReadOnlyList<int> PublishedGeneratorHidden { get; } = [30, 60];

    /// <summary>Sawada's CondGAN critic trunk: x → 60 → 30, then the heads.</summary>
    public static IReadOnlyList<int> PublishedCriticHidden { get; } = [60, 30];

    /// <summary>CondGAN generator hidden widths, in order.</summary>
    public IReadOnlyList<int> GeneratorHidden { get; init; } = PublishedGeneratorHidden;

    /// <summary>CondGAN critic trunk hidden widths, in order; the heads and the projection embedding use the last.</summary>
    public IReadOnlyList<int> CriticHidden { get; init; } = PublishedCriticHidden;

    public static ModelDefaults Resolve(ModelConfig model)
    {
        var matGan = ModelKinds.UsesCountMatrix(model.Kind);
        return new ModelDefaults(
            model.Kind,
            model.Network ?? (matGan ? ModelKinds.MatGanMpNetwork : ""),
            model.LatentSize ?? (matGan ? 128 : 10),
            (float)(model.GeneratorLearningRate ?? (matGan ? 1e-3 : 1e-4)),
            (float)(model.CriticLearningRate ?? (matGan ? 1e-2 : 1e-4)),
            (float)(model.Beta1 ?? (matGan ? 0.5 : 0.0)),
            (float)(model.Beta2 ?? 0.9),
            model.CriticSteps ?? (matGan ? 1 : 5),
            (float)(model.GradientPenaltyWeight ?? 10.0),
            model.TargetProperty,
            model.UseDescriptors,
            model.FractionScaling,
            model.MaxGeneratedElements,
            (float)(model.PropertyLossWeight ?? 1.0),
            model.CriticNormalization ?? CriticNormalizations.Batch,
            (float?)model.GeneratorEmaDecay,
            model.CriticConditioning,
            model.ReconstructionLoss ?? ReconstructionLosses.NegativeDice,
            model.PropertyRegressorSteps,
            model.GeneratorOutput ?? (model.Kind == ModelKinds.CondVae ? GeneratorOutputs.Softmax : GeneratorOutputs.Sigmoid))
        {
            GeneratorHidden = model.GeneratorHidden ?? PublishedGeneratorHidden,
            CriticHidden = model.CriticHidden ?? PublishedCriticHidden,
        };
    }
}
