namespace MatGenDiscovery.Models.Evaluation;

/// <summary><see cref="Novel"/> of the <see cref="Unique"/> distinct generated compositions are absent from the training set.</summary>
public sealed record NoveltyResult(int Unique, int Novel)
{
    public double Share => Unique == 0 ? 0 : (double)Novel / Unique;
}
