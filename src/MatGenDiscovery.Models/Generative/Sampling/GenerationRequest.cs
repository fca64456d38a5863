namespace MatGenDiscovery.Models.Generative.Sampling;

/// <summary>
/// How many samples to draw, the seed (chunk k uses a stream derived from (seed, k), so the result does not depend
/// on threading), the property target of conditional models (in the property's units) and the chunk size.
/// </summary>
public sealed record GenerationRequest(int Count, int Seed, double? Target = null, int ChunkSize = 8192)
{
    /// <exception cref="ArgumentOutOfRangeException">Count is negative or the chunk size is not positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ChunkSize);
        if (Target is { } target && !double.IsFinite(target))
        {
            throw new ArgumentOutOfRangeException(nameof(Target), target, "the target must be a finite number");
        }
    }
}
