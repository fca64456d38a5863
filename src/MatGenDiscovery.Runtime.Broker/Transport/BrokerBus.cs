using MassTransit;

namespace MatGenDiscovery.Runtime.Broker.Transport;

/// <summary>Creates and starts a MassTransit RabbitMQ bus within <see cref="BrokerOptions.ConnectTimeout"/>, after a connection probe.</summary>
internal static class BrokerBus
{
    public static async Task<IBusControl> StartAsync(BrokerOptions options, Action<IRabbitMqBusFactoryConfigurator> configure, CancellationToken cancellationToken)
    {
        await BrokerConnectionProbe.CheckAsync(options, cancellationToken).ConfigureAwait(false);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
            {
                host.Username(options.UserName);
                host.Password(options.Password);
                host.RequestedConnectionTimeout(options.ConnectTimeout);
            });
            configure(cfg);
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await bus.StartAsync(timeout.Token).ConfigureAwait(false);
            return bus;
        }
        catch (Exception ex)
        {
            await StopAsync(bus, options).ConfigureAwait(false);
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new BrokerConnectionException($"RabbitMQ at {options.Describe()}: the bus did not become ready within {options.ConnectTimeout.TotalSeconds:0.#} s ({ex.GetBaseException().Message.ReplaceLineEndings(" ")}).", ex);
        }
    }

    public static async Task StopAsync(IBusControl bus, BrokerOptions options)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout);
        try
        {
            await bus.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is best effort within the bound; the broker requeues anything unacknowledged.
        }
    }
}
