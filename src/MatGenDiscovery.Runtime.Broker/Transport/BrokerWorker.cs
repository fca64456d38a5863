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

    private BrokerWorker(IBusControl bus, BrokerOptions options, IReadOnlyList<string> roles)
    {
        _bus = bus;
        _options = options;
        Roles = roles;
    }

    /// <summary>The role queues this worker consumes.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <param name="onExecuted">Called for each request actually dispatched (duplicates answered from the idempotency cache are not).</param>
    /// <exception cref="BrokerConnectionException">The broker is unreachable or refused the credentials.</exception>
    public static Task<BrokerWorker> StartAsync(
        BrokerOptions options,
        string role,
        IGrainFactory grains,
        GrainInterfaceCatalog catalog,
        Action<GrainCallRequest>? onExecuted = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(options, [role], grains, catalog, onExecuted, cancellationToken);

    /// <summary>One bus consuming every queue in <paramref name="roles"/>, each with <see cref="BrokerOptions.PrefetchCount"/> messages in flight.</summary>
    /// <exception cref="ArgumentException">No roles, or a role not served by any catalogued interface.</exception>
    /// <exception cref="BrokerConnectionException">The broker is unreachable or refused the credentials.</exception>
    public static async Task<BrokerWorker> StartAsync(
        BrokerOptions options,
        IReadOnlyList<string> roles,
        IGrainFactory grains,
        GrainInterfaceCatalog catalog,
        Action<GrainCallRequest>? onExecuted = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Count == 0 || roles.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A worker needs at least one non-empty role.", nameof(roles));
        }

        var unserved = roles.Except(catalog.Roles, StringComparer.Ordinal).ToList();
        if (unserved.Count > 0)
        {
            throw new ArgumentException($"Role(s) {string.Join(", ", unserved)} are served by no catalogued grain interface (known: {string.Join(", ", catalog.Roles)}).", nameof(roles));
        }

        options.Validate();
        var dispatcher = new GrainCallDispatcher(grains, catalog);
        var completed = new IdempotencyCache<GrainCallResponse>(options.IdempotencyCacheSize);
        var bus = await BrokerBus.StartAsync(options, cfg =>
        {
            foreach (var role in roles.Distinct(StringComparer.Ordinal))
            {
                cfg.ReceiveEndpoint(role, endpoint =>
                {
                    endpoint.PrefetchCount = options.PrefetchCount;
                    endpoint.ConcurrentMessageLimit = options.PrefetchCount;
                    endpoint.Consumer(() => new GrainCallConsumer(dispatcher, completed, onExecuted));
                });
            }
        }, cancellationToken).ConfigureAwait(false);
        return new BrokerWorker(bus, options, roles.Distinct(StringComparer.Ordinal).ToList());
    }

    public ValueTask DisposeAsync() => new(BrokerBus.StopAsync(_bus, _options));
}
