using MassTransit;
using MatGenDiscovery.Runtime.Broker.Dispatch;
using MatGenDiscovery.Runtime.Broker.Messages;

namespace MatGenDiscovery.Runtime.Broker.Transport;

/// <summary>
/// The calling side: hands out references to remote grains (same interfaces as in process) whose calls travel as
/// <see cref="GrainCallRequest"/>s to the queue of the interface's role and wait for the reply.
/// </summary>
public sealed class BrokerClient : IGrainFactory, IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly BrokerOptions _options;
    private readonly GrainInterfaceCatalog _catalog;

    private BrokerClient(IBusControl bus, BrokerOptions options, GrainInterfaceCatalog catalog)
    {
        _bus = bus;
        _options = options;
        _catalog = catalog;
    }

    /// <exception cref="BrokerConnectionException">The broker is unreachable or refused the credentials.</exception>
    public static async Task<BrokerClient> StartAsync(BrokerOptions options, GrainInterfaceCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        options.Validate();
        var bus = await BrokerBus.StartAsync(options, _ => { }, cancellationToken).ConfigureAwait(false);
        return new BrokerClient(bus, options, catalog);
    }

    /// <summary>The caller's reply address, put into every request.</summary>
    public Uri ReplyAddress => _bus.Address;

    /// <exception cref="ArgumentException">The interface is not in the catalog.</exception>
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return RemoteGrainProxy.Create<TGrainInterface>(this, _catalog.RoleOf(typeof(TGrainInterface)), key);
    }

    /// <summary>Sends one request to a role queue and waits for its reply (at most <see cref="BrokerOptions.RequestTimeout"/>).</summary>
    /// <exception cref="TimeoutException">No worker of the role answered in time.</exception>
    public async Task<GrainCallResponse> SendAsync(string role, GrainCallRequest request, CancellationToken cancellationToken = default)
    {
        var client = _bus.CreateRequestClient<GrainCallRequest>(new Uri($"queue:{role}"), RequestTimeout.After(ms: (int)_options.RequestTimeout.TotalMilliseconds));
        try
        {
            var response = await client.GetResponse<GrainCallResponse>(request, cancellationToken).ConfigureAwait(false);
            return response.Message;
        }
        catch (RequestTimeoutException ex)
        {
            throw new TimeoutException(
                $"no '{role}' worker answered {request.Method.Split('(')[0]} on {request.GrainKey} within {_options.RequestTimeout.TotalSeconds:0.#} s (is a 'matgen silo --roles {role}' running on {_options.Describe()}?)", ex);
        }
    }

    internal bool IsContentKeyed(Type grainInterface) => _catalog.IsContentKeyed(grainInterface);

    public ValueTask DisposeAsync() => new(BrokerBus.StopAsync(_bus, _options));
}
