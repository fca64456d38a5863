namespace MatGenDiscovery.Models.Predictors.Evaluation;

/// <summary>Binary classifier quality: accuracy at probability threshold 0.5 and the area under the ROC curve.</summary>
public sealed record ClassificationMetrics(int Count, int Positives, double Accuracy, double RocAuc)
{
    /// <summary>
    /// ROC AUC is the Mann–Whitney statistic: the probability that a random positive scores above a random negative,
    /// ties counting ½ (NaN when one class is absent).
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static ClassificationMetrics Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        MetricGuards.SameNonEmpty(probabilities.Length, labels.Length, nameof(probabilities));
        var n = labels.Length;
        var correct = 0;
        var positives = 0;
        for (var i = 0; i < n; i++)
        {
            correct += (probabilities[i] >= 0.5) == labels[i] ? 1 : 0;
            positives += labels[i] ? 1 : 0;
        }

        return new ClassificationMetrics(n, positives, (double)correct / n, AreaUnderRoc(probabilities, labels, positives));
    }

    private static double AreaUnderRoc(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels, int positives)
    {
        var negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var order = new int[labels.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var scores = probabilities.ToArray();
        Array.Sort(scores.ToArray(), order);
        var positiveRankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                positiveRankSum += labels[order[i]] ? averageRank : 0;
            }

            start = end + 1;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
