using MatGenDiscovery.Grains.Hosting;
using MatGenDiscovery.Runtime.Hosting;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Tests.Support;

public static class TestSilo
{
    public static Silo Create(IBlobStore blobs, string dataFolder) =>
        DiscoveryGrains.CreateSilo(blobs, dataFolder, new SiloOptions { CollectionAge = Timeout.InfiniteTimeSpan });
}
