using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Grains.Hosting;
using MatGenDiscovery.Runtime.Broker;
using MatGenDiscovery.Runtime.Broker.Messages;
using MatGenDiscovery.Runtime.Broker.Transport;
using MatGenDiscovery.Runtime.Hosting;

namespace MatGenDiscovery.Cli.Hosting;

/// <summary>
/// A worker node: a worker silo (grain state in memory, checkpoints from the shared blob store) whose generation and
/// validation worker grains are fed from the role queues, in competition with every other worker of the role.
/// </summary>
public sealed class WorkerNode : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> KnownRoles = [DistributedCatalog.GeneratorRole, DistributedCatalog.ValidatorRole];

    private readonly Silo _silo;
    private readonly BrokerWorker _worker;

    private WorkerNode(Silo silo, BrokerWorker worker)
    {
        _silo = silo;
        _worker = worker;
    }

    public IReadOnlyList<string> Roles => _worker.Roles;

    /// <param name="onBatch">Called when a batch starts running here (not for duplicates answered from the idempotency cache).</param>
    /// <exception cref="CliException">Unknown role, or the broker is unreachable or refused the credentials.</exception>
    public static async Task<WorkerNode> StartAsync(
        BrokerOptions broker, BlobStoreLocation store, string dataFolder, IReadOnlyList<string> roles, Action<GrainCallRequest>? onBatch, CancellationToken cancellationToken)
    {
        var unknown = roles.Except(KnownRoles, StringComparer.Ordinal).ToList();
        if (roles.Count == 0 || unknown.Count > 0)
        {
            throw new CliException($"--roles: unknown role(s) '{string.Join(", ", unknown)}'; use a comma-separated list of {string.Join(", ", KnownRoles)}");
        }

        try
        {
            // Before the store is opened, so a wrong password or an unreachable broker leaves no folder behind.
            await BrokerConnectionProbe.CheckAsync(broker, cancellationToken);
        }
        catch (BrokerConnectionException ex)
        {
            throw new CliException(ex.Message);
        }

        var silo = DiscoveryGrains.CreateWorkerSilo(store.Open(), dataFolder);
        try
        {
            var worker = await BrokerWorker.StartAsync(broker, roles, silo, DistributedCatalog.Create(), onBatch, cancellationToken);
            return new WorkerNode(silo, worker);
        }
        catch (Exception ex)
        {
            await silo.DisposeAsync();
            throw ex is BrokerConnectionException ? new CliException(ex.Message) : ex;
        }
    }

    /// <summary>Stops consuming (unacknowledged batches go back to the queue), then deactivates the grains.</summary>
    public async ValueTask DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _silo.DisposeAsync();
    }
}
