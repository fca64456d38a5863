namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// Random streams that are pure functions of (seed, index): step k of a run, or chunk k of a generation, always sees
/// the same numbers, so a resumed run or a re-generation replays exactly.
/// </summary>
public static class StepRandom
{
    public static Random For(int seed, long index) => new(Derive(seed, index));

    /// <summary>SplitMix64 of the pair, folded to a non-negative int.</summary>
    public static int Derive(int seed, long index)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)index) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }
}
