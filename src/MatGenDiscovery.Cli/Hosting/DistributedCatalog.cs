using MatGenDiscovery.Grains.Distributed;
using MatGenDiscovery.Runtime.Broker.Dispatch;

namespace MatGenDiscovery.Cli.Hosting;

/// <summary>The grain interfaces reachable through the broker: generation batches on <c>generator</c> workers, validation batches on <c>validator</c> workers.</summary>
public static class DistributedCatalog
{
    public const string GeneratorRole = "generator";
    public const string ValidatorRole = "validator";

    /// <summary>Both interfaces are content-keyed: a batch's idempotency key is a hash of (campaign, round, batch index, contents).</summary>
    public static GrainInterfaceCatalog Create() => new GrainInterfaceCatalog()
        .Add<IGenerationWorkerGrain>(GeneratorRole, contentKeyed: true)
        .Add<IValidationWorkerGrain>(ValidatorRole, contentKeyed: true);
}
