using MatGenDiscovery.NeuralNetworks.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Schedulers;

/// <summary>
/// Sets an optimiser's learning rate from a closed-form function of the epoch (number of <see cref="Step"/> calls),
/// scaling <see cref="Optimizer.InitialLearningRate"/>. Construction applies epoch 0, as PyTorch does.
/// </summary>
public abstract class LRScheduler
{
    protected LRScheduler(Optimizer optimizer)
    {
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
    }

    public Optimizer Optimizer { get; }

    public int Epoch { get; private set; }

    protected float BaseLearningRate => Optimizer.InitialLearningRate;

    /// <summary>Advances one epoch and sets the optimiser's learning rate.</summary>
    public void Step()
    {
        Epoch++;
        Apply();
    }

    /// <summary>The learning rate of <paramref name="epoch"/> (≥ 0).</summary>
    public abstract float LearningRateAt(int epoch);

    /// <summary>Writes the learning rate of the current epoch; derived constructors call it last.</summary>
    protected void Apply() => Optimizer.LearningRate = LearningRateAt(Epoch);
}
