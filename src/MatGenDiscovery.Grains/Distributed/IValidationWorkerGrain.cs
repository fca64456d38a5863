using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Distributed;

/// <summary>
/// Stateless screening and scoring on a worker node (key = campaign id). Builds the node's own validator from the
/// batch's spec (once per spec, cached in memory), applies the batch's labels, and validates the slice.
/// </summary>
[GrainType("validation-worker")]
public interface IValidationWorkerGrain : IGrainWithStringKey
{
    Task<ValidationReport> ValidateAsync(ValidationBatch batch);
}
