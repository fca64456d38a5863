using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.NeuralNetworks.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Training;

/// <summary>
/// WGAN-GP (Gulrajani et al. 2017). A critic update minimises E[D(fake)] − E[D(real)] + λ·E[(‖∇x̂D(x̂)‖₂ − 1)²] at
/// x̂ = ε·real + (1 − ε)·fake, ε ~ U(0, 1) per sample, with the fake batch generated without a graph; a generator
/// update minimises −E[D(G(z))], z ~ N(0, I). Latents and ε come from one seeded <see cref="Random"/>, so a run replays
/// bit-identically. During the generator update the critic's parameters are frozen, so no gradient is computed for them.
/// Each update runs in a <see cref="TensorArena"/> scope, so repeated steps reuse their intermediate storage.
/// </summary>
public sealed class WganGpTrainer
{
    private readonly Random _random;
    private readonly TensorArena _arena = new();

    /// <exception cref="ArgumentOutOfRangeException">The latent size is not positive or λ is negative.</exception>
    public WganGpTrainer(
        Module generator, Module critic, Optimizer generatorOptimizer, Optimizer criticOptimizer, Random random,
        int latentSize, float gradientPenaltyWeight = 10f)
    {
        Generator = generator ?? throw new ArgumentNullException(nameof(generator));
        Critic = critic ?? throw new ArgumentNullException(nameof(critic));
        GeneratorOptimizer = generatorOptimizer ?? throw new ArgumentNullException(nameof(generatorOptimizer));
        CriticOptimizer = criticOptimizer ?? throw new ArgumentNullException(nameof(criticOptimizer));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentSize);
        if (!(gradientPenaltyWeight >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(gradientPenaltyWeight), $"Gradient-penalty weight must be non-negative, got {gradientPenaltyWeight}.");
        }

        LatentSize = latentSize;
        GradientPenaltyWeight = gradientPenaltyWeight;
    }

    public Module Generator { get; }

    public Module Critic { get; }

    public Optimizer GeneratorOptimizer { get; }

    public Optimizer CriticOptimizer { get; }

    public int LatentSize { get; }

    public float GradientPenaltyWeight { get; }

    /// <summary>One critic update on <paramref name="real"/> followed by one generator update of the same batch size.</summary>
    public WganGpStepResult Step(Tensor real)
    {
        var critic = CriticStep(real);
        return critic with { GeneratorLoss = GeneratorStep(real.Size(0)) };
    }

    /// <summary>One critic update; <see cref="WganGpStepResult.GeneratorLoss"/> is NaN.</summary>
    /// <exception cref="ArgumentException">real has no batch axis or does not match the generator's output shape.</exception>
    public WganGpStepResult CriticStep(Tensor real)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (real.Rank == 0)
        {
            throw new ArgumentException("The real batch needs a batch axis.", nameof(real));
        }

        using var arena = _arena.Activate();
        Tensor fake;
        using (Tensor.NoGrad())
        {
            fake = Generator.Forward(SampleLatent(real.Size(0)));
        }

        if (!fake.Shape.SequenceEqual(real.Shape))
        {
            throw new ArgumentException(
                $"Real batch [{string.Join(", ", real.Shape)}] differs from generated batch [{string.Join(", ", fake.Shape)}].", nameof(real));
        }

        var wasserstein = Losses.WassersteinCritic(Critic.Forward(real), Critic.Forward(fake));
        var penalty = Losses.GradientPenalty(Critic.Forward, real, fake, _random, GradientPenaltyWeight);
        var loss = wasserstein + penalty;
        CriticOptimizer.ZeroGrad();
        loss.Backward();
        CriticOptimizer.Step();
        return new WganGpStepResult(loss.Item(), penalty.Item(), float.NaN);
    }

    /// <summary>One generator update on <paramref name="batchSize"/> latent samples; returns −E[D(G(z))].</summary>
    public float GeneratorStep(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var criticParameters = Critic.Parameters().ToList();
        SetRequiresGrad(criticParameters, false);
        using var arena = _arena.Activate();
        try
        {
            var loss = Losses.WassersteinGenerator(Critic.Forward(Generator.Forward(SampleLatent(batchSize))));
            GeneratorOptimizer.ZeroGrad();
            loss.Backward();
            GeneratorOptimizer.Step();
            return loss.Item();
        }
        finally
        {
            SetRequiresGrad(criticParameters, true);
        }
    }

    /// <summary>z ~ N(0, I) of shape [batchSize, LatentSize] from the trainer's random stream.</summary>
    public Tensor SampleLatent(int batchSize) => Tensor.Randn(_random, batchSize, LatentSize);

    private static void SetRequiresGrad(List<Tensor> parameters, bool value)
    {
        foreach (var parameter in parameters)
        {
            parameter.RequiresGrad = value;
        }
    }
}
