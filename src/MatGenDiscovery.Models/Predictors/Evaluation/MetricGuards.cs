namespace MatGenDiscovery.Models.Predictors.Evaluation;

internal static class MetricGuards
{
    public static void SameNonEmpty(int first, int second, string name)
    {
        if (first != second || first == 0)
        {
            throw new ArgumentException($"Metrics need equally long, non-empty inputs; got {first} and {second} values.", name);
        }
    }
}
