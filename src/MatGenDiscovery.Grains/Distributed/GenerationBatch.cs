using MatGenDiscovery.Grains.Contracts.Generators;

namespace MatGenDiscovery.Grains.Distributed;

/// <summary>
/// One generator's sampling work of one round, sent by the campaign host to a <c>generator</c> worker. The result is a
/// pure function of this record: the spec, the request (count, seed derived from the campaign seed, round and batch
/// index, checkpoint step) and the checkpoint <c>checkpoints/&lt;GeneratorId&gt;/&lt;step&gt;</c> in the shared blob
/// store, which is written once per step and never changed.
/// </summary>
/// <param name="BatchIndex">Position of the generator in the campaign config.</param>
public sealed record GenerationBatch(string CampaignId, int Round, int BatchIndex, string GeneratorId, GeneratorSpec Spec, CandidateRequest Request);
