using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Models.Generative.CondGan;

/// <summary>
/// CondGAN's critic: x [B, input] → 60 → ReLU → 30 → ReLU, then two heads; <see cref="Forward"/> returns [B, 2] with
/// column 0 the real/fake score and column 1 the predicted (scaled) property.
/// </summary>
public sealed class TwoHeadCritic : Module
{
    private readonly Sequential _trunk;
    private readonly Linear _score;
    private readonly Linear _property;

    public TwoHeadCritic(int inputLength, Random random)
    {
        _trunk = RegisterModule("trunk", new Sequential(
            new Linear(inputLength, 60, random), new ReLU(), new Linear(60, 30, random), new ReLU()));
        _score = RegisterModule("score", new Linear(30, 1, random));
        _property = RegisterModule("property", new Linear(30, 1, random));
    }

    public override Tensor Forward(Tensor input)
    {
        var hidden = _trunk.Forward(input);
        return Slicing.Concat([_score.Forward(hidden), _property.Forward(hidden)], 1);
    }
}
