namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Counts novel generated compositions (absent from training) that another database knows (see <see cref="ConfirmationResult"/>).</summary>
public static class CrossDatabaseConfirmation
{
    public static ConfirmationResult Compute(
        CompositionSet generated, CompositionSet training, string databaseName, CompositionSet database, int maxExamples = 20)
    {
        var novel = generated.Items.Where(c => !training.Contains(c)).ToArray();
        var confirmed = novel.Where(database.Contains).ToArray();
        return new ConfirmationResult(
            databaseName, database.Count, novel.Length, confirmed.Length,
            confirmed.Take(maxExamples).Select(c => c.ReducedFormula).ToArray());
    }
}
