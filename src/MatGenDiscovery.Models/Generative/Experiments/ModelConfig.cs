using System.Text.Json.Serialization;

namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>
/// The model and its hyper-parameters. Null values take the published defaults of <see cref="Kind"/>
/// (see <see cref="ModelDefaults"/>).
/// </summary>
public sealed record ModelConfig
{
    /// <summary><c>matgan</c>, <c>autoencoder</c>, <c>condgan</c> or <c>condvae</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>MatGAN/autoencoder network: <c>matgan-mp</c>, <c>matgan-oqmd</c> or <c>mlp</c>.</summary>
    public string? Network { get; init; }

    /// <summary>MatGAN latent length (z ~ N(0, I)), or the CondGAN noise / CondVAE latent length.</summary>
    public int? LatentSize { get; init; }

    public double? GeneratorLearningRate { get; init; }

    /// <summary>Critic (or encoder) learning rate.</summary>
    public double? CriticLearningRate { get; init; }

    public double? Beta1 { get; init; }

    public double? Beta2 { get; init; }

    /// <summary>Critic updates per generator update.</summary>
    public int? CriticSteps { get; init; }

    /// <summary>λ of the WGAN-GP gradient penalty.</summary>
    public double? GradientPenaltyWeight { get; init; }

    /// <summary>Property the conditional models condition on (a column of the dataset).</summary>
    public string? TargetProperty { get; init; }

    /// <summary>CondGAN(x^bp): append the fraction-weighted element descriptors to the critic's input.</summary>
    public bool UseDescriptors { get; init; }

    /// <summary>
    /// CondGAN: <c>per-element</c> min–max scales each element's fraction column by its training-set maximum
    /// (Sawada's CompGAN); generation undoes it before the 0.03 cut-off. Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FractionScaling { get; init; }

    /// <summary>CondGAN: keep at most this many largest fractions of a generated vector. Omitted when unset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxGeneratedElements { get; init; }

    /// <summary>CondGAN: weight of the generator's property MSE against −E[D(fake)] (1 when unset). Omitted when unset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PropertyLossWeight { get; init; }

    /// <summary>
    /// MatGAN <c>matgan-mp</c>: normalisation in the conv critic, <c>batch</c> (published, the default), <c>layer</c>
    /// or <c>none</c> (WGAN-GP's advice). Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CriticNormalization { get; init; }

    /// <summary>
    /// CondGAN: <c>projection</c> or <c>concat</c> makes the critic's real/fake score depend on the target
    /// (see <c>CriticConditionings</c>); unset, the score is unconditional as published. Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CriticConditioning { get; init; }

    /// <summary>
    /// CondGAN: pre-train a frozen property regressor (critic input → 60 → 30 → 1) for this many Adam steps on the
    /// training set and steer the generator with it instead of the critic's property head (beyond Sawada et al.).
    /// Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PropertyRegressorSteps { get; init; }

    /// <summary>
    /// The generator's last activation, <c>sigmoid</c> (the papers', the default) per output. CondGAN: or <c>softmax</c>
    /// or <c>sparsemax</c> over the bag so each output is a composition whose fractions sum to 1; MatGAN with the
    /// <c>mlp</c> network: or <c>row-sparsemax</c>, so each element row is absent or a count (beyond the papers; see
    /// <c>GeneratorOutputs</c>). Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GeneratorOutput { get; init; }

    /// <summary>
    /// CondGAN: the generator's hidden widths in order, each followed by ReLU (Sawada's 30, 60 when unset; beyond the
    /// paper). Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? GeneratorHidden { get; init; }

    /// <summary>
    /// CondGAN: the critic trunk's hidden widths in order, each followed by ReLU; the heads and the projection embedding
    /// use the last (Sawada's 60, 30 when unset; beyond the paper). Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? CriticHidden { get; init; }

    /// <summary>
    /// MatGAN: decay of an exponential moving average of the generator's weights and batch-norm statistics, used for
    /// sampling and stored in checkpoints (e.g. 0.999); no averaging when unset. Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? GeneratorEmaDecay { get; init; }

    /// <summary>
    /// Autoencoder: <c>negative-dice</c> (MatGAN's, the default) or <c>dice-bce</c> (negative Dice plus mean binary
    /// cross-entropy; see <c>ReconstructionLosses</c>). Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReconstructionLoss { get; init; }
}
