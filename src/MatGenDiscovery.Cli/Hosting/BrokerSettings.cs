using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Runtime.Broker;

namespace MatGenDiscovery.Cli.Hosting;

/// <summary>Turns the <c>--broker</c> option (or <c>MATGEN_BROKER</c>) into <see cref="BrokerOptions"/>; the URI is never stored or printed unmasked.</summary>
public static class BrokerSettings
{
    public const string Variable = "MATGEN_BROKER";

    /// <summary>The option's value, else the environment's, else null (no broker: the embedded default).</summary>
    public static string? Resolve(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>The URI with its password replaced by <c>***</c>.</summary>
    public static string Mask(string uri) => BrokerUri.Mask(uri);

    /// <exception cref="CliException">The URI is malformed; the message masks the password.</exception>
    public static BrokerOptions Parse(string uri, TimeSpan? requestTimeout = null, int prefetch = 1)
    {
        try
        {
            var options = BrokerUri.Parse(uri) with { PrefetchCount = (ushort)Math.Clamp(prefetch, 1, ushort.MaxValue) };
            if (requestTimeout is { } timeout)
            {
                options = options with { RequestTimeout = timeout };
            }

            options.Validate();
            return options;
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
    }
}
