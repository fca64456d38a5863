namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Of the <see cref="Size"/> distinct reference compositions with <see cref="Arity"/> elements, <see cref="Recovered"/> were generated.</summary>
public sealed record ArityRecovery(int Arity, int Size, int Recovered)
{
    public double Share => Size == 0 ? 0 : (double)Recovered / Size;
}
