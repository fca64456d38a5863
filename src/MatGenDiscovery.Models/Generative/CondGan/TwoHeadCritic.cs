using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Models.Generative.CondGan;

/// <summary>
/// CondGAN's critic: x [B, input] → 60 → ReLU → 30 → ReLU = φ(x) (Sawada's widths; others on request), then two heads;
/// <see cref="Forward(Tensor, Tensor?)"/> returns [B, 2] with column 0 the real/fake score and column 1 the predicted
/// (scaled) property. With a <see cref="CriticConditionings"/> value the score also depends on the target y′ [B, 1]:
/// projection adds ⟨W·y′ + b, φ(x)⟩ (W, b of the last trunk width), concat feeds [x ‖ y′] to the trunk. The property
/// head never sees y′.
/// </summary>
public sealed class TwoHeadCritic : Module
{
    private readonly Sequential _trunk;
    private readonly Linear _score;
    private readonly Linear _property;
    private readonly Linear? _embedding;

    /// <param name="hidden">Trunk widths in order, each followed by ReLU; null for Sawada's 60, 30.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="conditioning"/> is not one of <see cref="CriticConditionings.All"/>, or <paramref name="hidden"/> is
    /// empty or has a non-positive width.
    /// </exception>
    public TwoHeadCritic(int inputLength, Random random, string? conditioning = null, IReadOnlyList<int>? hidden = null)
    {
        if (conditioning is not null && !CriticConditionings.All.Contains(conditioning))
        {
            throw new ArgumentException(
                $"critic conditioning must be one of {string.Join(", ", CriticConditionings.All)}; got '{conditioning}'", nameof(conditioning));
        }

        hidden ??= ModelDefaults.PublishedCriticHidden;
        Conditioning = conditioning;
        _trunk = RegisterModule("trunk", HiddenLayers.Mlp(inputLength + (conditioning == CriticConditionings.Concat ? 1 : 0), hidden, random));
        var width = hidden[^1];
        _score = RegisterModule("score", new Linear(width, 1, random));
        _property = RegisterModule("property", new Linear(width, 1, random));
        if (conditioning == CriticConditionings.Projection)
        {
            _embedding = RegisterModule("embedding", new Linear(1, width, random));
        }
    }

    /// <summary><see cref="CriticConditionings"/> value, or null for the published unconditional score.</summary>
    public string? Conditioning { get; }

    /// <summary>Unconditional critic only: [B, input] → [B, 2].</summary>
    /// <exception cref="InvalidOperationException">The critic is conditional and needs the targets.</exception>
    public override Tensor Forward(Tensor input) => Conditioning is null
        ? Forward(input, null)
        : throw new InvalidOperationException($"a {Conditioning}-conditioned critic needs the targets: call Forward(input, targets)");

    /// <summary>[B, input] and, for a conditional critic, targets [B, 1] → [B, 2].</summary>
    /// <exception cref="ArgumentException">The targets are missing or of the wrong shape for a conditional critic.</exception>
    public Tensor Forward(Tensor input, Tensor? targets)
    {
        if (Conditioning is not null && (targets is null || targets.Rank != 2 || targets.Size(0) != input.Size(0) || targets.Size(1) != 1))
        {
            throw new ArgumentException(
                $"a {Conditioning}-conditioned critic needs targets of shape [{input.Size(0)}, 1]; got {(targets is null ? "none" : $"[{string.Join(", ", targets.Shape)}]")}",
                nameof(targets));
        }

        var hidden = _trunk.Forward(Conditioning == CriticConditionings.Concat ? Slicing.Concat([input, targets!], 1) : input);
        var score = _score.Forward(hidden);
        if (_embedding is not null)
        {
            score = score + (_embedding.Forward(targets!) * hidden).Sum([1], keepDim: true);
        }

        return Slicing.Concat([score, _property.Forward(hidden)], 1);
    }
}
