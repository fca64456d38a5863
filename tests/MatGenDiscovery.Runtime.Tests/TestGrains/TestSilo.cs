using System.Runtime.CompilerServices;
using MatGenDiscovery.Runtime.Hosting;
using MatGenDiscovery.Runtime.Storage;

namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public static class TestSilo
{
    public static Silo Create(GrainProbe probe, IGrainStorage? storage = null, SiloOptions? options = null, int activationFailures = 0)
    {
        var failuresLeft = new StrongBox<int>(activationFailures);
        var registry = new GrainTypeRegistry()
            .Add<ICounterGrain, CounterGrain>(_ => new CounterGrain(probe))
            .Add<ISlowGrain, SlowGrain>(_ => new SlowGrain(probe))
            .Add<IThrowingGrain, ThrowingGrain>()
            .Add<IRelayGrain, RelayGrain>()
            .Add<ITickingGrain, TickingGrain>()
            .Add<IFlakyActivationGrain, FlakyActivationGrain>(_ => new FlakyActivationGrain(failuresLeft));
        return new Silo(registry, storage, options);
    }

    /// <summary>Polls <paramref name="condition"/> every 5 ms for at most 5 s.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 1000; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(5);
        }

        return false;
    }
}
