namespace MatGenDiscovery.Runtime.Broker.Tests;

public sealed class BrokerUriTests
{
    [Fact]
    public void Parse_FullUri_FillsEveryField()
    {
        var options = BrokerUri.Parse("amqp://worker:s3cret@rabbit.internal:5673/matgen");

        options.Host.Should().Be("rabbit.internal");
        options.Port.Should().Be(5673);
        options.VirtualHost.Should().Be("matgen");
        options.UserName.Should().Be("worker");
        options.Password.Should().Be("s3cret");
    }

    [Theory]
    [InlineData("amqp://u:p@127.0.0.1", "/")]
    [InlineData("amqp://u:p@127.0.0.1/", "/")]
    [InlineData("amqp://u:p@127.0.0.1/%2F", "/")]
    [InlineData("amqp://u:p@127.0.0.1/a%20b", "a b")]
    public void Parse_NoPortOrVirtualHost_UsesDefaults(string uri, string virtualHost)
    {
        var options = BrokerUri.Parse(uri);

        options.Port.Should().Be(5672);
        options.VirtualHost.Should().Be(virtualHost);
    }

    [Fact]
    public void Parse_PercentEncodedPassword_Decodes()
    {
        BrokerUri.Parse("amqp://u:p%40ss%3Aword@127.0.0.1:5672/v").Password.Should().Be("p@ss:word");
    }

    [Theory]
    [InlineData("http://u:topsecret@127.0.0.1/v")]
    [InlineData("amqp://u@127.0.0.1/v")]
    [InlineData("amqp://:topsecret@127.0.0.1/v")]
    [InlineData("not a uri topsecret")]
    public void Parse_Malformed_ThrowsWithoutThePassword(string uri)
    {
        var act = () => BrokerUri.Parse(uri);

        act.Should().Throw<ArgumentException>().WithMessage("*amqp://USER*").Which.Message.Should().NotContain("topsecret");
    }

    [Theory]
    [InlineData("amqp://u:topsecret@127.0.0.1:5672/v", "amqp://u:***@127.0.0.1:5672/v")]
    [InlineData("amqp://u:top@secret@host/v", "amqp://u:***@host/v")]
    [InlineData("amqp://u@host/v", "amqp://u@host/v")]
    [InlineData("plain text", "plain text")]
    public void Mask_UriWithPassword_ReplacesIt(string uri, string masked)
    {
        BrokerUri.Mask(uri).Should().Be(masked);
    }
}
