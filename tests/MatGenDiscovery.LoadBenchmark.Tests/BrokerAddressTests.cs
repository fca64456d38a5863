namespace MatGenDiscovery.LoadBenchmark.Tests;

public sealed class BrokerAddressTests
{
    [Fact]
    public void Parse_UserHostPortAndVirtualHost_BuildsOptionsWithThePassword()
    {
        var options = BrokerAddress.Parse("amqp://load@127.0.0.1:35711/load-vhost", "s3cret");

        options.Host.Should().Be("127.0.0.1");
        options.Port.Should().Be(35711);
        options.VirtualHost.Should().Be("load-vhost");
        options.UserName.Should().Be("load");
        options.Password.Should().Be("s3cret");
        options.ToString().Should().NotContain("s3cret");
    }

    [Fact]
    public void Parse_NoPortNoVirtualHost_UsesDefaults()
    {
        var options = BrokerAddress.Parse("amqp://load@localhost", "p");

        options.Port.Should().Be(5672);
        options.VirtualHost.Should().Be("/");
    }

    [Fact]
    public void Parse_PasswordInUri_ThrowsWithoutEchoingIt()
    {
        var act = () => BrokerAddress.Parse("amqp://load:hunter2@127.0.0.1:5672/load", "p");

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains(BrokerAddress.PasswordVariable) && !e.Message.Contains("hunter2"));
    }

    [Theory]
    [InlineData("http://load@127.0.0.1/", "p", "not an amqp")]
    [InlineData("amqp://127.0.0.1:5672/load", "p", "names no user")]
    [InlineData("amqp://load@127.0.0.1:5672/load", "", "password is missing")]
    public void Parse_BadInput_ThrowsNamingTheProblem(string uri, string password, string expected)
    {
        var act = () => BrokerAddress.Parse(uri, password);

        act.Should().Throw<ArgumentException>().WithMessage($"*{expected}*");
    }
}
