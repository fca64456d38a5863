using System.Text.Json;
using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Grains.Hosting;
using MatGenDiscovery.Runtime.Broker;
using MatGenDiscovery.Runtime.Broker.Transport;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.LoadBenchmark;

/// <summary>
/// One worker process: an in-process silo whose generator and validator grains are prepared locally with the
/// workload's specs, serving both role queues in competition with the other workers. Prints <c>ready</c> once
/// consuming; when <paramref name="stop"/> completes it stops consuming and prints one JSON line of counts.
/// </summary>
public static class WorkerHost
{
    public const string ReadyLine = "ready";

    public static async Task RunAsync(BrokerOptions options, string dataFolder, TextWriter output, Task stop)
    {
        await using var silo = DiscoveryGrains.CreateSilo(new InMemoryBlobStore(), dataFolder);
        await silo.GetGrain<IGeneratorGrain>(LoadWorkload.GeneratorKey).PrepareAsync(LoadWorkload.GeneratorSpec);
        await silo.GetGrain<IValidatorGrain>(LoadWorkload.ValidatorKey).ConfigureAsync(LoadWorkload.ValidatorSpec);
        var counts = new WorkerCounts();
        var catalog = LoadWorkload.Catalog();
        await using (var generators = await BrokerWorker.StartAsync(options, LoadWorkload.GeneratorRole, silo, catalog, _ => counts.AddGenerate()))
        await using (var validators = await BrokerWorker.StartAsync(options, LoadWorkload.ValidatorRole, silo, catalog, _ => counts.AddValidate()))
        {
            await output.WriteLineAsync(ReadyLine);
            await output.FlushAsync();
            await stop;
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(counts.Snapshot()));
        await output.FlushAsync();
    }
}
