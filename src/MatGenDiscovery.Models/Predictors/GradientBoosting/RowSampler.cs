namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>Seeded sampling without replacement; results are sorted so row access stays sequential.</summary>
internal static class RowSampler
{
    public static int[] SortedSample(int population, int sampleSize, Random random)
    {
        var indices = new int[population];
        for (var i = 0; i < population; i++)
        {
            indices[i] = i;
        }

        if (sampleSize >= population)
        {
            return indices;
        }

        PartialShuffle(indices, sampleSize, random);
        var sample = indices[..sampleSize];
        Array.Sort(sample);
        return sample;
    }

    /// <summary>Moves a uniform random <paramref name="count"/>-subset of <paramref name="indices"/> to its front.</summary>
    public static void PartialShuffle(int[] indices, int count, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
    }

    public static int SampleSize(int population, double fraction) =>
        Math.Clamp((int)Math.Round(population * fraction, MidpointRounding.AwayFromZero), 1, population);
}
