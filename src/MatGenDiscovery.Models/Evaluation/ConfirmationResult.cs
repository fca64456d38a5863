namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Cross-database confirmation: of the <see cref="Novel"/> distinct generated compositions absent from the training
/// set, <see cref="Confirmed"/> appear in the reference database <see cref="Database"/>; <see cref="Examples"/> lists
/// a few of them (reduced formulas, generation order).
/// </summary>
public sealed record ConfirmationResult(string Database, int DatabaseSize, int Novel, int Confirmed, IReadOnlyList<string> Examples)
{
    public double Share => Novel == 0 ? 0 : (double)Confirmed / Novel;
}
