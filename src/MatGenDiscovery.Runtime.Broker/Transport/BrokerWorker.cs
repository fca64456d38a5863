using MassTransit;
using MatGenDiscovery.Runtime.Broker.Dispatch;
using MatGenDiscovery.Runtime.Broker.Messages;

namespace MatGenDiscovery.Runtime.Broker.Transport;

/// <summary>
/// A worker process's side of the broker: consumes the durable queue of its role (<c>generator</c>, <c>validator</c>)
/// in competition with every other worker of that role and runs the calls on local grains. Messages are acknowledged
/// after the reply is sent, so a worker that dies mid-call leaves the message to be redelivered (at least once).
/// </summary>
public sealed class BrokerWorker : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly BrokerOptions _options;

    private BrokerWorker(IBusControl bus, BrokerOptions options, string role)
    {
        _bus = bus;
        _options = options;
        Role = role;
    }

    public string Role { get; }

    /// <param name="onExecuted">Called for each request actually dispatched (duplicates answered from the idempotency cache are not).</param>
    /// <exception cref="BrokerConnectionException">The broker is unreachable or refused the credentials.</exception>
    public static async Task<BrokerWorker> StartAsync(
        BrokerOptions options,
        string role,
        IGrainFactory grains,
        GrainInterfaceCatalog catalog,
        Action<GrainCallRequest>? onExecuted = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        options.Validate();
        var dispatcher = new GrainCallDispatcher(grains, catalog);
        var completed = new IdempotencyCache<GrainCallResponse>(options.IdempotencyCacheSize);
        var bus = await BrokerBus.StartAsync(options, cfg => cfg.ReceiveEndpoint(role, endpoint =>
        {
            endpoint.PrefetchCount = options.PrefetchCount;
            endpoint.Consumer(() => new GrainCallConsumer(dispatcher, completed, onExecuted));
        }), cancellationToken).ConfigureAwait(false);
        return new BrokerWorker(bus, options, role);
    }

    public ValueTask DisposeAsync() => new(BrokerBus.StopAsync(_bus, _options));
}
