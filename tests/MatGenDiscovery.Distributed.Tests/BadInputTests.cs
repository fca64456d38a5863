using MatGenDiscovery.Distributed.Tests.Support;

namespace MatGenDiscovery.Distributed.Tests;

/// <summary>Bad inputs to the campaign host and the worker: one line <c>error: …</c> on stderr, exit code 1, and no store written.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BadInputTests : IDisposable
{
    private const string WrongPassword = "not-the-password-4711";

    private readonly ClusterFixture _cluster;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"matgen-dist-bad-{Guid.NewGuid():N}");

    public BadInputTests(ClusterFixture cluster)
    {
        _cluster = cluster;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Store => Path.Combine(_folder, "store");

    [Fact]
    public Task CampaignStart_MalformedConfig_OneLineErrorAndNoStore() =>
        AssertFailsCleanlyAsync(["campaign", "start", "--config", Write("bad.json", "{ \"name\": "), "--store", "fs:" + Store, "--broker", _cluster.BrokerUri], "bad.json");

    [Fact]
    public Task CampaignStart_UnknownElementInConstraint_OneLineErrorAndNoStore() =>
        AssertFailsCleanlyAsync(
            ["campaign", "start", "--config", Write("oo.json", CampaignFiles.TinyConfig.Replace("[\"O\"]", "[\"Oo\"]")), "--store", "fs:" + Store, "--broker", _cluster.BrokerUri],
            "Oo");

    [Fact]
    public Task CampaignStart_CorruptCheckpoint_OneLineErrorAndNoStore()
    {
        var checkpoint = Path.Combine(_folder, "corrupt.safetensors");
        File.WriteAllBytes(checkpoint, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
        var config = CampaignFiles.TinyConfig.Replace(
            "{ \"name\": \"rnd-b\", \"kind\": \"random\", \"samples_per_round\": 250, \"max_count\": 3 }",
            $"{{ \"name\": \"gan\", \"kind\": \"model\", \"checkpoint\": \"{checkpoint}\", \"samples_per_round\": 250 }}");
        config.Should().Contain("corrupt.safetensors");
        return AssertFailsCleanlyAsync(["campaign", "start", "--config", Write("corrupt.json", config), "--store", "fs:" + Store, "--broker", _cluster.BrokerUri], "corrupt.safetensors");
    }

    [Fact]
    public Task CampaignStart_WrongBrokerPassword_OneLineErrorAndNoStore() =>
        AssertFailsCleanlyAsync(
            ["campaign", "start", "--config", _cluster.ConfigPath, "--store", "fs:" + Store, "--broker", _cluster.BrokerUri.Replace(_cluster.Password, WrongPassword)],
            "ACCESS_REFUSED");

    [Fact]
    public Task CampaignStart_UnreachableBroker_OneLineErrorAndNoStore() =>
        AssertFailsCleanlyAsync(
            ["campaign", "start", "--config", _cluster.ConfigPath, "--store", "fs:" + Store, "--broker", $"amqp://u:{WrongPassword}@127.0.0.1:{InfraScript.FreeLoopbackPort()}/v"],
            "unreachable");

    [Fact]
    public Task Silo_WrongBrokerPassword_OneLineErrorAndNoStore() =>
        AssertFailsCleanlyAsync(["silo", "--broker", _cluster.BrokerUri.Replace(_cluster.Password, WrongPassword), "--store", "fs:" + Store], "ACCESS_REFUSED");

    [Fact]
    public Task Silo_UnknownRole_OneLineErrorAndNoStore() =>
        AssertFailsCleanlyAsync(["silo", "--broker", _cluster.BrokerUri, "--store", "fs:" + Store, "--roles", "generator,oracle"], "oracle");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task AssertFailsCleanlyAsync(string[] arguments, string expectedInMessage)
    {
        var before = Directory.GetFileSystemEntries(_folder).Order().ToList();
        using var process = MatgenProcess.Start(new Dictionary<string, string>(), arguments);

        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(1));

        exit.Should().Be(1, process.Transcript());
        process.ErrorLines.Should().ContainSingle(process.Transcript()).Which.Should().StartWith("error: ").And.Contain(expectedInMessage);
        process.Transcript().Should().NotContain(WrongPassword).And.NotContain(_cluster.Password);
        Directory.Exists(Store).Should().BeFalse("a failed start writes nothing");
        Directory.GetFileSystemEntries(_folder).Order().Should().Equal(before);
    }
}
