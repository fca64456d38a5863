using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Runtime.Broker.Tests.Support;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<string> DoubleAsync(int value);

    ValueTask<int> LengthAsync(string text);

    Task FailAsync(string reason);
}

public sealed class EchoGrain : Grain, IEchoGrain
{
    public async Task<string> DoubleAsync(int value)
    {
        await Task.Delay(30);
        return $"{GetPrimaryKeyString()}:{value * 2}";
    }

    public ValueTask<int> LengthAsync(string text) => ValueTask.FromResult(text.Length);

    public Task FailAsync(string reason) => throw new InvalidOperationException(reason);
}

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync(int by);
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _value;

    public Task<int> IncrementAsync(int by) => Task.FromResult(_value += by);
}
