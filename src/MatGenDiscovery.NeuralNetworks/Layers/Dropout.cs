using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>Inverted dropout in training (zero with probability p, scale survivors by 1/(1 − p)); identity in evaluation.</summary>
public sealed class Dropout : Module
{
    private readonly Random _random;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1).</exception>
    public Dropout(float probability, Random random)
    {
        if (!(probability >= 0f && probability < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), $"Dropout probability must be in [0, 1), got {probability}.");
        }

        _random = random ?? throw new ArgumentNullException(nameof(random));
        Probability = probability;
    }

    public float Probability { get; }

    public override Tensor Forward(Tensor input) => input.Dropout(Probability, Training, _random);
}
