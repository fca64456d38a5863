using MatGenDiscovery.Runtime.Broker;

namespace MatGenDiscovery.LoadBenchmark;

/// <summary>
/// Turns <c>amqp://user@host:port/vhost</c> plus a password taken from the environment into <see cref="BrokerOptions"/>.
/// A password inside the URI is refused: command lines are visible to every user of the machine (<c>ps</c>).
/// </summary>
public static class BrokerAddress
{
    public const string PasswordVariable = "MATGEN_BROKER_PASSWORD";

    /// <exception cref="ArgumentException">The URI is malformed, carries a password, or no password is given.</exception>
    public static BrokerOptions Parse(string uri, string? password)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme != "amqp")
        {
            throw new ArgumentException($"--broker '{uri}' is not an amqp://user@host:port/vhost URI.", nameof(uri));
        }

        var user = Uri.UnescapeDataString(parsed.UserInfo);
        if (user.Contains(':'))
        {
            throw new ArgumentException($"--broker carries a password; remove it from the URI and set {PasswordVariable} instead.", nameof(uri));
        }

        if (user.Length == 0)
        {
            throw new ArgumentException($"--broker '{uri}' names no user (amqp://user@host:port/vhost).", nameof(uri));
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException($"the broker password is missing: set {PasswordVariable}.", nameof(password));
        }

        var virtualHost = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        return new BrokerOptions
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5672 : parsed.Port,
            VirtualHost = virtualHost.Length == 0 ? "/" : virtualHost,
            UserName = user,
            Password = password,
        };
    }
}
