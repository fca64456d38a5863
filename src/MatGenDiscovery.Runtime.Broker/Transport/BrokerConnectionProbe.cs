using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MatGenDiscovery.Runtime.Broker.Transport;

/// <summary>
/// Opens and closes one AMQP connection before a bus starts, so a wrong password or an unreachable broker fails
/// fast with one clear line instead of MassTransit retrying forever in the background.
/// </summary>
public static class BrokerConnectionProbe
{
    /// <exception cref="BrokerConnectionException">Unreachable, refused credentials or vhost, or no answer within <see cref="BrokerOptions.ConnectTimeout"/>.</exception>
    public static async Task CheckAsync(BrokerOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var factory = new ConnectionFactory
        {
            HostName = options.Host,
            Port = options.Port,
            VirtualHost = options.VirtualHost,
            UserName = options.UserName,
            Password = options.Password,
            RequestedConnectionTimeout = options.ConnectTimeout,
            HandshakeContinuationTimeout = options.ConnectTimeout,
            AutomaticRecoveryEnabled = false,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await using var connection = await factory.CreateConnectionAsync("matgen-probe", timeout.Token).ConfigureAwait(false);
            await connection.CloseAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BrokerConnectionException($"RabbitMQ at {options.Describe()} did not answer within {options.ConnectTimeout.TotalSeconds:0.#} s.", ex);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or AuthenticationFailureException or OperationInterruptedException or SocketException or IOException)
        {
            throw new BrokerConnectionException($"RabbitMQ at {options.Describe()}: {Explain(ex)}", ex);
        }
    }

    private static string Explain(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var text = e.Message;
            if (e is AuthenticationFailureException || text.Contains("ACCESS_REFUSED", StringComparison.Ordinal))
            {
                return "the broker refused the user name or password (ACCESS_REFUSED).";
            }

            if (text.Contains("NOT_ALLOWED", StringComparison.Ordinal) || text.Contains("vhost", StringComparison.OrdinalIgnoreCase))
            {
                return "the user may not open this virtual host, or it does not exist (NOT_ALLOWED).";
            }

            if (e is SocketException socket)
            {
                return $"unreachable ({socket.SocketErrorCode}: {socket.Message}).";
            }
        }

        return $"connection failed ({ex.GetBaseException().Message.ReplaceLineEndings(" ")}).";
    }
}
