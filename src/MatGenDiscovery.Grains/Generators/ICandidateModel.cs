using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Grains.Generators;

/// <summary>What the generator grain needs from a model: sample, fine-tune, checkpoint. Randomness only from the seeds given.</summary>
public interface ICandidateModel
{
    /// <summary>e.g. <c>matgan</c>, <c>condvae</c>, <c>random</c>.</summary>
    string ModelKind { get; }

    bool IsConditional { get; }

    /// <summary>Property a conditional model is conditioned on; null otherwise.</summary>
    string? TargetProperty { get; }

    /// <summary>Whether <see cref="FineTune"/> changes the model (false for models without weights).</summary>
    bool IsTrainable { get; }

    /// <returns>Distinct reduced compositions in first-occurrence order, samples drawn, samples decoded.</returns>
    (IReadOnlyList<Composition> Unique, int Generated, int Decoded) Generate(int count, int seed, double? target);

    /// <summary>Trains <paramref name="steps"/> steps numbered from <paramref name="fromStep"/> + 1 on the compositions it can represent.</summary>
    /// <returns>How many of the compositions were usable.</returns>
    int FineTune(IReadOnlyList<Composition> compositions, IReadOnlyList<double> targets, int fromStep, int steps, int batchSize, int seed);

    /// <summary>The model as checkpoint bytes (safetensors) at <paramref name="step"/>.</summary>
    byte[] Save(int step);
}
