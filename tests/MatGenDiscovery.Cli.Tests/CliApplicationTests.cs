namespace MatGenDiscovery.Cli.Tests;

public class CliApplicationTests
{
    [Fact]
    public async Task RunAsync_UnknownCommand_ExitsNonZeroAndSaysWhy()
    {
        var result = await CliHarness.RunAsync("no-such-command");

        result.ExitCode.Should().NotBe(0);
        result.Error.Should().Contain("no-such-command");
    }
}
