namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Among the first <see cref="Samples"/> generated samples, <see cref="Unique"/> distinct reduced compositions.</summary>
public sealed record UniquenessPoint(int Samples, int Unique)
{
    public double Share => Samples == 0 ? 0 : (double)Unique / Samples;
}
