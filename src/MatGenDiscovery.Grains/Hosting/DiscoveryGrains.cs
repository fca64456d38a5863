using MatGenDiscovery.Grains.Campaigns;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Datasets;
using MatGenDiscovery.Grains.Contracts.Families;
using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Grains.Datasets;
using MatGenDiscovery.Grains.Families;
using MatGenDiscovery.Grains.Generators;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Grains.Validation;
using MatGenDiscovery.Runtime.Hosting;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Hosting;

/// <summary>Registers the discovery grains with their dependencies; the same registration serves any host.</summary>
public static class DiscoveryGrains
{
    public static GrainTypeRegistry AddDiscoveryGrains(this GrainTypeRegistry registry, IBlobStore blobs, DatasetProvider datasets) =>
        registry
            .Add<IDatasetGrain, DatasetGrain>(_ => new DatasetGrain(datasets))
            .Add<IGeneratorGrain, GeneratorGrain>(_ => new GeneratorGrain(blobs, datasets))
            .Add<IValidatorGrain, ValidatorGrain>(_ => new ValidatorGrain(datasets))
            .Add<ICandidateFamilyGrain, CandidateFamilyGrain>()
            .Add<IDiscoveryCampaignGrain, DiscoveryCampaignGrain>(_ => new DiscoveryCampaignGrain(blobs));

    /// <summary>An in-process silo over <paramref name="blobs"/> (grain state as <c>grains/&lt;type&gt;/&lt;key&gt;.json</c>).</summary>
    public static Silo CreateSilo(IBlobStore blobs, string dataFolder, SiloOptions? options = null) =>
        new(new GrainTypeRegistry().AddDiscoveryGrains(blobs, new DatasetProvider(dataFolder)), new BlobGrainStorage(blobs), options);
}
