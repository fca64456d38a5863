using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Contracts.Families;

/// <summary>
/// The candidates of one chemical system found by one campaign (key = <c>&lt;campaign&gt;/&lt;system&gt;</c>, the
/// system as sorted element symbols joined by <c>-</c>, e.g. <c>c1/Fe-Li-O</c>): deduplicated candidates with
/// scores and provenance, the best so far, and the confirmations revealed by the oracle. Merges are idempotent, so a
/// resumed round never duplicates anything.
/// </summary>
[GrainType("candidatefamily")]
public interface ICandidateFamilyGrain : IGrainWithStringKey
{
    Task<FamilySnapshot> MergeAsync(FamilyUpdate update);

    Task<FamilySnapshot> GetSnapshotAsync();
}
