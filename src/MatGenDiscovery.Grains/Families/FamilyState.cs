using MatGenDiscovery.Grains.Contracts.Families;

namespace MatGenDiscovery.Grains.Families;

/// <summary>Persistent state of a candidate family: candidates sorted by formula, confirmations sorted by formula, property and source.</summary>
public sealed class FamilyState
{
    public string ChemicalSystem { get; set; } = "";

    public List<FamilyCandidate> Candidates { get; set; } = [];

    public List<Confirmation> Confirmations { get; set; } = [];
}
