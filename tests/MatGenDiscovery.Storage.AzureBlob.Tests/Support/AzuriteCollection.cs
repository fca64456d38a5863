namespace MatGenDiscovery.Storage.AzureBlob.Tests.Support;

/// <summary>Test classes sharing one Azurite instance; they run one after another (one class stops the server).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
