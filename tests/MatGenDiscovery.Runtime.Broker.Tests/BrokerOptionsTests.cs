namespace MatGenDiscovery.Runtime.Broker.Tests;

public sealed class BrokerOptionsTests
{
    [Fact]
    public void ToString_NeverShowsPassword()
    {
        var options = new BrokerOptions { UserName = "worker", Password = "s3cret-pw", VirtualHost = "matgen" };

        options.ToString().Should().NotContain("s3cret-pw").And.Contain("<redacted>").And.Contain("worker@127.0.0.1:5672/matgen");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Validate_PortOutOfRange_ThrowsNamingPort(int port)
    {
        var options = new BrokerOptions { UserName = "u", Password = "p", Port = port };

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage($"*Port {port}*");
    }
}
