using System.Net;
using System.Net.Sockets;
using MatGenDiscovery.Cli.Commands.Campaign;

namespace MatGenDiscovery.Cli.Tests.Commands;

/// <summary>
/// <c>campaign start|resume --broker</c> and <c>--store fs:|azure:</c> without servers: failures happen before anything
/// is written. Runs against RabbitMQ and Azurite are in MatGenDiscovery.Distributed.Tests.
/// </summary>
public sealed class CampaignBrokerCommandTests : IDisposable
{
    private const string TinyConfig = CampaignCommandTests.TinyConfig;

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Store => _folder.File("store");

    private string WriteConfig(string json)
    {
        var path = _folder.File("campaign.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Start_UnreachableBroker_OneLineErrorAndNoStore()
    {
        var result = await CliHarness.RunAsync(
            "campaign", "start", "--config", WriteConfig(TinyConfig), "--store", "fs:" + Store, "--id", "b1", "--broker", $"amqp://u:topsecret@127.0.0.1:{ClosedPort()}/v");

        result.ExitCode.Should().Be(1);
        result.Error.TrimEnd().Should().StartWith("error: RabbitMQ at amqp://u@127.0.0.1:").And.Contain("unreachable").And.NotContain("\n");
        (result.Output + result.Error).Should().NotContain("topsecret");
        Directory.Exists(Store).Should().BeFalse("the store is opened only after the broker answered");
    }

    [Fact]
    public async Task Resume_UnreachableBroker_FailsBeforeReadingTheStore()
    {
        var result = await CliHarness.RunAsync("campaign", "resume", "b1", "--store", Store, "--broker", $"amqp://u:topsecret@127.0.0.1:{ClosedPort()}/v");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("unreachable").And.NotContain("topsecret");
        Directory.Exists(Store).Should().BeFalse();
    }

    [Fact]
    public async Task Start_CorruptGeneratorCheckpoint_OneLineErrorAndNoStore()
    {
        var checkpoint = _folder.File("corrupt.safetensors");
        File.WriteAllBytes(checkpoint, [9, 9, 9, 9, 9, 9, 9, 9, 1, 2, 3]);
        var config = TinyConfig.Replace(
            "{ \"name\": \"rnd\", \"kind\": \"random\", \"samples_per_round\": 300, \"max_count\": 4 }",
            $"{{ \"name\": \"gan\", \"kind\": \"model\", \"checkpoint\": \"{checkpoint}\", \"samples_per_round\": 300 }}");

        var result = await CliHarness.RunAsync("campaign", "start", "--config", WriteConfig(config), "--store", Store, "--id", "b2");

        result.ExitCode.Should().Be(1);
        result.Error.TrimEnd().Should().StartWith("error: generators[0].checkpoint ('gan'): checkpoint '").And.Contain("corrupt.safetensors").And.NotContain("\n");
        Directory.Exists(Store).Should().BeFalse("a checkpoint that cannot load stops the start before anything is written");
    }

    [Fact]
    public async Task Start_MalformedBrokerUri_FailsWithoutShowingThePassword()
    {
        var result = await CliHarness.RunAsync("campaign", "start", "--config", WriteConfig(TinyConfig), "--store", Store, "--broker", "amqp://u:topsecret@");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("amqp://USER:PASSWORD@HOST:PORT/VHOST").And.NotContain("topsecret");
        Directory.Exists(Store).Should().BeFalse();
    }

    [Fact]
    public async Task Start_FsPrefixedStore_IsTheSameStoreAsThePlainFolder()
    {
        var start = await CliHarness.RunAsync("campaign", "start", "--config", WriteConfig(TinyConfig), "--store", "fs:" + Store, "--id", "b3", "--json");
        var status = await CliHarness.RunAsync("campaign", "status", "b3", "--store", Store, "--json");

        start.ExitCode.Should().Be(0, start.Error);
        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().Contain("\"phase\":\"completed\"");
    }

    [Fact]
    public async Task Status_AzureStoreWithoutConnectionString_FailsNamingTheVariable()
    {
        var result = await CliHarness.RunAsync("campaign", "status", "b4", "--store", "azure:not-a-connection-string");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("MATGEN_BLOB_CONNECTION_STRING");
    }

    [Fact]
    public void Settings_ToString_MasksTheBrokerPassword()
    {
        var start = new CampaignStartCommand.Settings("c.json", "store", "id", false, "amqp://u:topsecret@h/v");
        var resume = new CampaignResumeCommand.Settings("id", "store", false, "amqp://u:topsecret@h/v");

        start.ToString().Should().Contain("amqp://u:***@h/v").And.NotContain("topsecret");
        resume.ToString().Should().Contain("amqp://u:***@h/v").And.NotContain("topsecret");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
