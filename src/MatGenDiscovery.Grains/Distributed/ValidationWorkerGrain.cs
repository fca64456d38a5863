using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Distributed;

/// <summary>Runs configure → refit → validate as one turn, so batches of different rounds cannot interleave their labels.</summary>
public sealed class ValidationWorkerGrain : Grain, IValidationWorkerGrain
{
    public async Task<ValidationReport> ValidateAsync(ValidationBatch batch)
    {
        var validator = GrainFactory.GetGrain<IValidatorGrain>(batch.CampaignId);
        await validator.ConfigureAsync(batch.Spec);
        await validator.RefitAsync(batch.Labels);
        return await validator.ValidateAsync(batch.Request);
    }
}
