namespace MatGenDiscovery.Models.Predictors;

internal static class PredictionGuards
{
    public static void CheckLengths(int compositions, int mean, int standardDeviation)
    {
        if (mean != compositions || standardDeviation != compositions)
        {
            throw new ArgumentException(
                $"{compositions} compositions need mean and standard-deviation spans of that length; got {mean} and {standardDeviation}.",
                nameof(mean));
        }
    }
}
