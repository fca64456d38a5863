namespace MatGenDiscovery.Models.Evaluation;

/// <summary>How much of one reference set (training or leave-out) the generated set contains, overall and per arity (ascending).</summary>
public sealed record SetRecovery(int Size, int Recovered, IReadOnlyList<ArityRecovery> ByArity)
{
    public double Share => Size == 0 ? 0 : (double)Recovered / Size;
}
