using System.Net;
using System.Net.Sockets;
using MatGenDiscovery.Cli.Commands.Silo;

namespace MatGenDiscovery.Cli.Tests.Commands;

/// <summary>The worker node's argument handling; running it against a real broker is tested in MatGenDiscovery.Distributed.Tests.</summary>
public sealed class SiloCommandTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Store => _folder.File("store");

    [Fact]
    public async Task Help_DescribesEveryOption()
    {
        var result = await CliHarness.RunAsync("silo", "--help");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("--broker").And.Contain("--store").And.Contain("--roles").And.Contain("--concurrency").And.Contain("MATGEN_BROKER");
    }

    [Fact]
    public async Task Run_MalformedBrokerUri_FailsWithoutShowingThePassword()
    {
        var result = await CliHarness.RunAsync("silo", "--broker", "http://u:topsecret@127.0.0.1/v", "--store", Store);

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("error: broker URI 'http://u:***@127.0.0.1/v'").And.NotContain("topsecret");
        Directory.Exists(Store).Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task Run_ConcurrencyOutOfRange_FailsNamingIt(int concurrency)
    {
        var result = await CliHarness.RunAsync("silo", "--broker", "amqp://u:p@127.0.0.1/v", "--store", Store, "--concurrency", concurrency.ToString());

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"--concurrency {concurrency}");
    }

    [Fact]
    public async Task Run_UnknownRole_FailsNamingItAndTheKnownRoles()
    {
        var result = await CliHarness.RunAsync("silo", "--broker", "amqp://u:p@127.0.0.1/v", "--store", Store, "--roles", "generator,oracle");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("'oracle'").And.Contain("generator, validator");
        Directory.Exists(Store).Should().BeFalse();
    }

    [Fact]
    public async Task Run_UnreachableBroker_OneLineErrorAndNoStore()
    {
        var result = await CliHarness.RunAsync("silo", "--broker", $"amqp://u:topsecret@127.0.0.1:{ClosedPort()}/v", "--store", Store);

        result.ExitCode.Should().Be(1);
        result.Error.TrimEnd().Should().StartWith("error: RabbitMQ at amqp://u@127.0.0.1:").And.Contain("unreachable").And.NotContain("\n").And.NotContain("topsecret");
        Directory.Exists(Store).Should().BeFalse("the store is opened only after the broker answered");
    }

    [Fact]
    public void Settings_ToString_MasksTheBrokerPassword()
    {
        var settings = new SiloCommand.Settings("amqp://u:topsecret@h:5672/v", "fs:x", ["generator"], 1);

        settings.ToString().Should().Contain("amqp://u:***@h:5672/v").And.NotContain("topsecret");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
