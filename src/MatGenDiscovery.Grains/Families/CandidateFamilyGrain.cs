using MatGenDiscovery.Grains.Contracts.Families;
using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Families;

/// <summary>
/// Merges candidates by reduced formula: the first discovery keeps its round and scores, later sightings only add
/// generators to the provenance; a confirmation is kept once per (formula, property, source). Merging the same
/// update twice changes nothing, which is what makes a replayed round safe.
/// </summary>
public sealed class CandidateFamilyGrain : Grain<FamilyState>, ICandidateFamilyGrain
{
    public async Task<FamilySnapshot> MergeAsync(FamilyUpdate update)
    {
        var changed = false;
        if (State.ChemicalSystem.Length == 0)
        {
            State.ChemicalSystem = SystemOfKey(GetPrimaryKeyString());
            changed = true;
        }

        var byFormula = State.Candidates.ToDictionary(c => c.Formula, StringComparer.Ordinal);
        foreach (var candidate in update.Candidates)
        {
            if (!byFormula.TryGetValue(candidate.Formula, out var existing))
            {
                byFormula[candidate.Formula] = candidate with { Generators = candidate.Generators.Order(StringComparer.Ordinal).ToList() };
                changed = true;
                continue;
            }

            var first = candidate.Round < existing.Round ? candidate : existing;
            var generators = existing.Generators.Union(candidate.Generators).Order(StringComparer.Ordinal).ToList();
            if (!ReferenceEquals(first, existing) || !generators.SequenceEqual(existing.Generators))
            {
                byFormula[candidate.Formula] = first with { Generators = generators };
                changed = true;
            }
        }

        var confirmations = State.Confirmations.ToDictionary(Key);
        foreach (var confirmation in update.Confirmations)
        {
            changed |= confirmations.TryAdd(Key(confirmation), confirmation);
        }

        if (changed)
        {
            State.Candidates = byFormula.Values.OrderBy(c => c.Formula, StringComparer.Ordinal).ToList();
            State.Confirmations = confirmations.Values
                .OrderBy(c => c.Formula, StringComparer.Ordinal).ThenBy(c => c.Property, StringComparer.Ordinal).ThenBy(c => c.Source, StringComparer.Ordinal)
                .ToList();
            await WriteStateAsync();
        }

        return Snapshot();
    }

    public Task<FamilySnapshot> GetSnapshotAsync() => Task.FromResult(Snapshot());

    /// <summary>The system part of a <c>&lt;campaign&gt;/&lt;system&gt;</c> key.</summary>
    public static string SystemOfKey(string key) => key[(key.LastIndexOf('/') + 1)..];

    private FamilySnapshot Snapshot()
    {
        var ranked = State.Candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Formula, StringComparer.Ordinal)
            .ToList();
        var system = State.ChemicalSystem.Length == 0 ? SystemOfKey(GetPrimaryKeyString()) : State.ChemicalSystem;
        return new FamilySnapshot(system, ranked, ranked.FirstOrDefault(), State.Confirmations);
    }

    private static (string, string, string) Key(Confirmation c) => (c.Formula, c.Property, c.Source);
}
