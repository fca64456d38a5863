using System.CommandLine;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Silo;

/// <summary>
/// <c>matgen silo --broker URI --store S --roles generator,validator [--concurrency N]</c>: a worker node that runs
/// the generation and validation batches campaign hosts send through the broker, until Ctrl+C.
/// </summary>
public sealed class SiloCommand : Command
{
    public SiloCommand(CliConsole console, DataDirectory data)
        : base("silo", "Run a worker node: consume generation and/or validation batches from the broker until Ctrl+C (campaign hosts send them with 'campaign start --broker').")
    {
        var broker = new Option<string?>("--broker")
        {
            Description = "RabbitMQ URI amqp://USER:PASSWORD@HOST:PORT/VHOST (default: $MATGEN_BROKER). The password is never printed.",
        };
        var store = Campaign.CampaignCommand.StoreOption();
        var roles = new Option<string>("--roles")
        {
            Description = "Comma-separated roles to serve: generator, validator.",
            DefaultValueFactory = _ => string.Join(',', WorkerNode.KnownRoles),
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Batches this node runs at once per role (RabbitMQ prefetch); 1 spreads work evenly over nodes.",
            DefaultValueFactory = _ => 1,
        };
        Options.Add(broker);
        Options.Add(store);
        Options.Add(roles);
        Options.Add(concurrency);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(console, data, new Settings(
            BrokerSettings.Resolve(parseResult.GetValue(broker)), parseResult.GetValue(store)!,
            parseResult.GetValue(roles)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            parseResult.GetValue(concurrency)), cancellationToken)));
    }

    /// <param name="Broker">Broker URI with credentials; never printed.</param>
    public sealed record Settings(string? Broker, string Store, IReadOnlyList<string> Roles, int Concurrency)
    {
        public override string ToString() =>
            $"Settings {{ Broker = {(Broker is null ? "none" : BrokerSettings.Mask(Broker))}, Store = {Store}, Roles = {string.Join(",", Roles)}, Concurrency = {Concurrency} }}";
    }

    internal static async Task<int> RunAsync(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        var uri = settings.Broker ?? throw new CliException($"no broker: pass --broker amqp://USER:PASSWORD@HOST:PORT/VHOST or set {BrokerSettings.Variable}");
        if (settings.Concurrency is < 1 or > 256)
        {
            throw new CliException($"--concurrency {settings.Concurrency} must be between 1 and 256");
        }

        var broker = BrokerSettings.Parse(uri, prefetch: settings.Concurrency);
        var store = BlobStoreLocation.Parse(settings.Store);
        var dataFolder = data.Path ?? throw new CliException("cannot find the bundled data folder (data/elements.csv above the working directory); set MATGEN_DATA");
        var output = TextWriter.Synchronized(console.Out);
        await using var node = await WorkerNode.StartAsync(broker, store, dataFolder, settings.Roles, request =>
        {
            output.WriteLine($"silo: batch {request.Method.Split('(')[0]} {request.GrainKey} ({request.IdempotencyKey:N})");
            output.Flush();
        }, cancellationToken);
        output.WriteLine($"silo: broker {broker.Describe()}");
        output.WriteLine($"silo: store {store.Description}");
        output.WriteLine($"silo: ready roles={string.Join(',', node.Roles)} concurrency={settings.Concurrency} pid={Environment.ProcessId}");
        output.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.WriteLine("silo: stopping");
            output.Flush();
        }

        return CommandRunner.Success;
    }
}
