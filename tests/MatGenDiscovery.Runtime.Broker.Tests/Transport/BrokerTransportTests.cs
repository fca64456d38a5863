using System.Collections.Concurrent;
using System.Diagnostics;
using MatGenDiscovery.Runtime.Broker.Dispatch;
using MatGenDiscovery.Runtime.Broker.Messages;
using MatGenDiscovery.Runtime.Broker.Tests.Support;
using MatGenDiscovery.Runtime.Broker.Transport;
using MatGenDiscovery.Runtime.Hosting;

namespace MatGenDiscovery.Runtime.Broker.Tests.Transport;

public sealed class BrokerTransportTests : IClassFixture<RabbitMqFixture>
{
    private readonly RabbitMqFixture _rabbit;
    private readonly GrainInterfaceCatalog _catalog = new GrainInterfaceCatalog()
        .Add<IEchoGrain>("generator")
        .Add<ICounterGrain>("validator");

    public BrokerTransportTests(RabbitMqFixture rabbit)
    {
        _rabbit = rabbit;
    }

    [Fact]
    public async Task RemoteCalls_TwoCompetingWorkers_ShareTheQueueAndAnswerEveryCall()
    {
        const int Calls = 20;
        var executedBy = new ConcurrentDictionary<string, int>();
        await using var firstSilo = NewSilo();
        await using var secondSilo = NewSilo();
        await using var first = await BrokerWorker.StartAsync(_rabbit.Options, "generator", firstSilo, _catalog, _ => executedBy.AddOrUpdate("first", 1, (_, n) => n + 1));
        await using var second = await BrokerWorker.StartAsync(_rabbit.Options, "generator", secondSilo, _catalog, _ => executedBy.AddOrUpdate("second", 1, (_, n) => n + 1));
        await using var client = await BrokerClient.StartAsync(_rabbit.Options, _catalog);

        var replies = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => client.GetGrain<IEchoGrain>($"g{i % 3}").DoubleAsync(i)));

        replies.Should().Equal(Enumerable.Range(0, Calls).Select(i => $"g{i % 3}:{2 * i}"));
        executedBy.Values.Sum().Should().Be(Calls);
        executedBy.Should().ContainKeys("first", "second");
        (await client.GetGrain<IEchoGrain>("x").LengthAsync("abcd")).Should().Be(4);
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_ExecutesOnceAndRepliesTheSame()
    {
        var executed = 0;
        await using var silo = NewSilo();
        await using var worker = await BrokerWorker.StartAsync(_rabbit.Options, "validator", silo, _catalog, _ => Interlocked.Increment(ref executed));
        await using var client = await BrokerClient.StartAsync(_rabbit.Options, _catalog);
        var method = typeof(ICounterGrain).GetMethod(nameof(ICounterGrain.IncrementAsync))!;
        var request = new GrainCallRequest(typeof(ICounterGrain).FullName!, "c1", GrainMethodSignature.Of(method), "[5]", Guid.NewGuid(), client.ReplyAddress);

        var first = await client.SendAsync("validator", request);
        var redelivered = await Task.WhenAll(client.SendAsync("validator", request), client.SendAsync("validator", request));
        var fresh = await client.SendAsync("validator", request with { IdempotencyKey = Guid.NewGuid() });

        first.ResultJson.Should().Be("5");
        redelivered.Should().AllSatisfy(r => r.Should().Be(first));
        fresh.ResultJson.Should().Be("10", "only the fresh key ran again");
        executed.Should().Be(2);
    }

    [Fact]
    public async Task RemoteCall_GrainThrows_RaisesRemoteGrainExceptionWithTypeAndMessage()
    {
        await using var silo = NewSilo();
        await using var worker = await BrokerWorker.StartAsync(_rabbit.Options, "generator", silo, _catalog);
        await using var client = await BrokerClient.StartAsync(_rabbit.Options, _catalog);

        var act = () => client.GetGrain<IEchoGrain>("e").FailAsync("no GPU");

        var error = (await act.Should().ThrowAsync<RemoteGrainException>()).Which;
        error.RemoteType.Should().Be(typeof(InvalidOperationException).FullName);
        error.Message.Should().Contain("no GPU");
    }

    [Fact]
    public async Task StartAsync_WrongPassword_FailsFastWithOneLineCredentialError()
    {
        var options = _rabbit.Options with { Password = "wrong" };
        var clock = Stopwatch.StartNew();

        var act = () => BrokerClient.StartAsync(options, _catalog);

        var error = (await act.Should().ThrowAsync<BrokerConnectionException>()).Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
        error.Message.Should().Contain("refused the user name or password").And.Contain($"127.0.0.1:{options.Port}").And.NotContain("wrong").And.NotContain("\n");
    }

    [Fact]
    public async Task StartAsync_NothingListening_FailsFastWithUnreachableError()
    {
        var options = _rabbit.Options with { Port = InfraScript.FreeLoopbackPort(), ConnectTimeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();

        var act = () => BrokerWorker.StartAsync(options, "generator", new Silo(new GrainTypeRegistry()), _catalog);

        var error = (await act.Should().ThrowAsync<BrokerConnectionException>()).Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        error.Message.Should().Contain("unreachable").And.Contain($"127.0.0.1:{options.Port}").And.NotContain("\n");
    }

    [Fact]
    public async Task RemoteCall_ContentKeyedCallSentTwice_RunsOnceAndAnswersBoth()
    {
        var executed = 0;
        var catalog = new GrainInterfaceCatalog().Add<ICounterGrain>("counter-keyed", contentKeyed: true);
        await using var silo = NewSilo();
        await using var worker = await BrokerWorker.StartAsync(_rabbit.Options, "counter-keyed", silo, catalog, _ => Interlocked.Increment(ref executed));
        await using var client = await BrokerClient.StartAsync(_rabbit.Options, catalog);
        var counter = client.GetGrain<ICounterGrain>("k1");

        var first = await counter.IncrementAsync(3);
        var again = await counter.IncrementAsync(3);
        var other = await counter.IncrementAsync(4);

        (first, again).Should().Be((3, 3), "the second send has the same content key and is answered from the worker's cache");
        other.Should().Be(7);
        executed.Should().Be(2);
    }

    [Fact]
    public async Task StartAsync_TwoRoles_OneWorkerServesBothQueues()
    {
        await using var silo = NewSilo();
        await using var worker = await BrokerWorker.StartAsync(_rabbit.Options, ["generator", "validator"], silo, _catalog);
        await using var client = await BrokerClient.StartAsync(_rabbit.Options, _catalog);

        var echo = await client.GetGrain<IEchoGrain>("both").DoubleAsync(21);
        var count = await client.GetGrain<ICounterGrain>("both").IncrementAsync(2);

        worker.Roles.Should().Equal("generator", "validator");
        (echo, count).Should().Be(("both:42", 2));
    }

    [Fact]
    public async Task StartAsync_RoleNoInterfaceServes_ThrowsNamingIt()
    {
        await using var silo = NewSilo();

        var act = () => BrokerWorker.StartAsync(_rabbit.Options, ["generator", "oracle"], silo, _catalog);

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*oracle*");
    }

    [Fact]
    public async Task RemoteCall_NoWorkerOnTheQueue_TimesOutWithTheRoleInTheMessage()
    {
        var catalog = new GrainInterfaceCatalog().Add<IEchoGrain>("nobody-listens");
        await using var client = await BrokerClient.StartAsync(_rabbit.Options with { RequestTimeout = TimeSpan.FromSeconds(1) }, catalog);

        var act = () => client.GetGrain<IEchoGrain>("e").DoubleAsync(1);

        (await act.Should().ThrowAsync<TimeoutException>()).WithMessage("*'nobody-listens' worker*DoubleAsync*");
    }

    private static Silo NewSilo() => new(new GrainTypeRegistry().Add<IEchoGrain, EchoGrain>().Add<ICounterGrain, CounterGrain>());
}
