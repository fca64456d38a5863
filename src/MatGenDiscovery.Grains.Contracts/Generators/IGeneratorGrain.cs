using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Contracts.Generators;

/// <summary>
/// A generative model and its checkpoints (key = generator id, e.g. <c>&lt;campaign&gt;.matgan</c>). Checkpoints are
/// blobs <c>checkpoints/&lt;id&gt;/&lt;step&gt;.safetensors</c>; every call names the step it starts from, so a
/// result is a pure function of (checkpoint, request) and a resumed campaign replays exactly.
/// </summary>
[GrainType("generator")]
public interface IGeneratorGrain : IGrainWithStringKey
{
    /// <summary>Trains (or loads) the initial model; idempotent for the same spec.</summary>
    /// <returns>The checkpoint step of the trained model (0 for untrained generators).</returns>
    Task<GeneratorStatus> PrepareAsync(GeneratorSpec spec);

    /// <summary>Samples candidates from the model at <see cref="CandidateRequest.Step"/>, conditioned on the request's target where the model allows.</summary>
    Task<CandidateBatch> GenerateAsync(CandidateRequest request);

    /// <summary>Continues training from <see cref="FineTuneRequest.FromStep"/> on the given compositions (property-filtered training) and checkpoints the result.</summary>
    Task<GeneratorStatus> FineTuneAsync(FineTuneRequest request);

    Task<GeneratorStatus> GetStatusAsync();
}
