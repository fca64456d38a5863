using MatGenDiscovery.Grains.Campaigns;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Datasets;
using MatGenDiscovery.Grains.Contracts.Families;
using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Grains.Datasets;
using MatGenDiscovery.Grains.Distributed;
using MatGenDiscovery.Grains.Families;
using MatGenDiscovery.Grains.Generators;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Grains.Validation;
using MatGenDiscovery.Runtime.Hosting;
using MatGenDiscovery.Runtime.Storage;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Hosting;

/// <summary>Registers the discovery grains with their dependencies; the same registration serves any host.</summary>
public static class DiscoveryGrains
{
    /// <param name="workers">Remote workers for the campaign's generation and validation batches; null runs them in process.</param>
    public static GrainTypeRegistry AddDiscoveryGrains(this GrainTypeRegistry registry, IBlobStore blobs, DatasetProvider datasets, CampaignWorkers? workers = null)
    {
        workers?.Validate();
        return registry
            .Add<IDatasetGrain, DatasetGrain>(_ => new DatasetGrain(datasets))
            .Add<IGeneratorGrain, GeneratorGrain>(_ => new GeneratorGrain(blobs, datasets))
            .Add<IValidatorGrain, ValidatorGrain>(_ => new ValidatorGrain(datasets))
            .Add<ICandidateFamilyGrain, CandidateFamilyGrain>()
            .Add<IDiscoveryCampaignGrain, DiscoveryCampaignGrain>(_ => new DiscoveryCampaignGrain(blobs, workers))
            .Add<IGenerationWorkerGrain, GenerationWorkerGrain>()
            .Add<IValidationWorkerGrain, ValidationWorkerGrain>();
    }

    /// <summary>An in-process silo over <paramref name="blobs"/> (grain state as <c>grains/&lt;type&gt;/&lt;key&gt;.json</c>).</summary>
    /// <param name="workers">Remote workers for generation and validation batches (a campaign host); null for the embedded default.</param>
    public static Silo CreateSilo(IBlobStore blobs, string dataFolder, SiloOptions? options = null, CampaignWorkers? workers = null) =>
        new(new GrainTypeRegistry().AddDiscoveryGrains(blobs, new DatasetProvider(dataFolder), workers), new BlobGrainStorage(blobs), options);

    /// <summary>
    /// The silo of a worker node: the same grains, reading checkpoints from the shared <paramref name="blobs"/>, but with
    /// grain state in memory — a worker's generator and validator activations are caches, never the stored truth, so
    /// two workers serving the same key cannot conflict over stored state.
    /// </summary>
    public static Silo CreateWorkerSilo(IBlobStore blobs, string dataFolder, SiloOptions? options = null) =>
        new(new GrainTypeRegistry().AddDiscoveryGrains(blobs, new DatasetProvider(dataFolder)), new InMemoryGrainStorage(GrainJson.Options), options);
}
