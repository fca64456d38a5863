namespace MatGenDiscovery.Distributed.Tests.Support;

/// <summary>Test classes sharing one RabbitMQ and one Azurite; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
