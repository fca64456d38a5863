using System.Globalization;
using MatGenDiscovery.Distributed.Tests.Support;

namespace MatGenDiscovery.Distributed.Tests;

/// <summary>The servers the infra scripts start listen on 127.0.0.1 only (read from the kernel's socket tables).</summary>
[Collection(ClusterCollection.Name)]
public sealed class LoopbackTests(ClusterFixture cluster)
{
    [Fact]
    public void InfraServers_Listening_OnlyOnLoopback()
    {
        foreach (var port in new[] { cluster.RabbitPort, cluster.AzuritePort })
        {
            var addresses = ListeningAddresses(port);

            addresses.Should().NotBeEmpty($"something listens on port {port}");
            addresses.Should().OnlyContain(address => address == "127.0.0.1", $"port {port} must not be reachable from other hosts");
        }
    }

    /// <summary>Local addresses of sockets in LISTEN state on <paramref name="port"/>, from /proc/net/tcp and tcp6.</summary>
    private static List<string> ListeningAddresses(int port)
    {
        var addresses = new List<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] != "0A" || int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) != port)
                {
                    continue;
                }

                addresses.Add(local[0] switch
                {
                    "0100007F" => "127.0.0.1",
                    "00000000000000000000000001000000" => "127.0.0.1",
                    "0000000000000000FFFF00000100007F" => "127.0.0.1",
                    var other => other,
                });
            }
        }

        return addresses;
    }
}
