namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Novelty: the share of distinct generated reduced compositions that are not in the training set.</summary>
public static class Novelty
{
    public static NoveltyResult Compute(CompositionSet generated, CompositionSet training) =>
        new(generated.Count, generated.Items.Count(c => !training.Contains(c)));
}
