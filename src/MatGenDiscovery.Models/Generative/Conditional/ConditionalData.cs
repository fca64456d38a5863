using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Generative.Conditional;

/// <summary>Bag-of-atoms fractions [N, length] with scaled targets [N], sampled in seeded batches with replacement.</summary>
public sealed class ConditionalData(float[] fractions, float[] targets, int length)
{
    public int Count => targets.Length;

    /// <summary>x [B, length] and y [B, 1] of the same rows.</summary>
    public (Tensor X, Tensor Y) Sample(Random random, int batchSize)
    {
        var x = new float[batchSize * length];
        var y = new float[batchSize];
        for (var b = 0; b < batchSize; b++)
        {
            var row = random.Next(Count);
            fractions.AsSpan(row * length, length).CopyTo(x.AsSpan(b * length));
            y[b] = targets[row];
        }

        return (Tensor.FromArray(x, batchSize, length), Tensor.FromArray(y, batchSize, 1));
    }

    /// <summary>Targets [B, 1] of random rows (the conditions a generator is asked for during training).</summary>
    public Tensor SampleTargets(Random random, int batchSize)
    {
        var y = new float[batchSize];
        for (var b = 0; b < batchSize; b++)
        {
            y[b] = targets[random.Next(Count)];
        }

        return Tensor.FromArray(y, batchSize, 1);
    }
}
