using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Distributed;

/// <summary>
/// Where a campaign host sends its generation and validation batches: <paramref name="Workers"/> hands out references
/// to <see cref="IGenerationWorkerGrain"/> and <see cref="IValidationWorkerGrain"/> on other nodes (a broker client).
/// Without it (the embedded default) the campaign calls its generator and validator grains in process.
/// </summary>
/// <param name="ValidationBatchSize">Candidates per validation batch (≥ 1); a round's candidates are split into slices of this size.</param>
public sealed record CampaignWorkers(IGrainFactory Workers, int ValidationBatchSize = 250)
{
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ValidationBatchSize"/> is below 1.</exception>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfLessThan(ValidationBatchSize, 1, nameof(ValidationBatchSize));
}
