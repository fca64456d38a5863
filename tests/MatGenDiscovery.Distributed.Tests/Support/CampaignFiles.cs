using MatGenDiscovery.Grains.Campaigns;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Distributed.Tests.Support;

/// <summary>The small campaign the tests run, and how to read its outcome from a blob store.</summary>
public static class CampaignFiles
{
    public const int Rounds = 4;

    /// <summary>Two random generators (two generation batches per round) and a small predictor, four short rounds.</summary>
    public const string TinyConfig = """
        {
          "name": "dist-tiny", "seed": 11, "training_dataset": "mp",
          "targets": [ { "property": "band_gap", "mode": "range", "min": 1.0, "max": 3.0 } ],
          "constraints": { "required_elements": ["O"], "max_arity": 3 },
          "generators": [
            { "name": "rnd-a", "kind": "random", "samples_per_round": 250, "max_count": 4 },
            { "name": "rnd-b", "kind": "random", "samples_per_round": 250, "max_count": 3 }
          ],
          "predictors": [ { "property": "band_gap", "dataset": "mp", "max_training_rows": 400, "ensemble_size": 2, "trees": 12 } ],
          "budget": { "rounds": 4, "experiments_per_round": 8, "candidates_per_round": 160 },
          "acquisition": { "kind": "ucb", "kappa": 1.0 },
          "oracle": { "dataset": "oqmd", "confirmation_datasets": ["icsd"] }
        }
        """;

    /// <summary>The stored digest, rounds completed and every round's candidate file (decompressed CSV).</summary>
    public static async Task<CampaignOutcome> ReadAsync(IBlobStore blobs, string campaignId)
    {
        var state = await new GrainStateReader(blobs).ReadAsync<CampaignState>("campaign", campaignId)
            ?? throw new InvalidOperationException($"no campaign '{campaignId}' in the store");
        var candidates = new List<string>();
        for (var round = 1; round <= state.Rounds.Count; round++)
        {
            var blob = await blobs.GetAsync(CandidateCsv.Path(campaignId, round))
                ?? throw new InvalidOperationException($"campaign '{campaignId}' has no candidate file for round {round}");
            candidates.Add(CandidateCsv.Decompress(blob.Content));
        }

        return new CampaignOutcome(state.Digest, state.Rounds.Count, candidates);
    }
}
