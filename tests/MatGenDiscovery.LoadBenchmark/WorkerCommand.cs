using System.CommandLine;

namespace MatGenDiscovery.LoadBenchmark;

/// <summary><c>worker --broker amqp://user@host:port/vhost --data DIR</c>: started by the benchmark host; stops when its standard input closes.</summary>
public sealed class WorkerCommand : Command
{
    public WorkerCommand(TextWriter output)
        : base("worker", "Serve the benchmark's generator and validator queues until standard input closes (started by the host).")
    {
        var broker = new Option<string>("--broker") { Description = "RabbitMQ as amqp://user@host:port/vhost; the password comes from MATGEN_BROKER_PASSWORD.", Required = true };
        var data = new Option<string>("--data") { Description = "The repository's data folder.", Required = true };
        var prefetch = new Option<int>("--prefetch") { Description = "Unacknowledged messages per queue and worker.", DefaultValueFactory = _ => 1 };
        Options.Add(broker);
        Options.Add(data);
        Options.Add(prefetch);
        SetAction(async (parseResult, _) =>
        {
            var options = BrokerAddress.Parse(parseResult.GetValue(broker)!, Environment.GetEnvironmentVariable(BrokerAddress.PasswordVariable))
                with { PrefetchCount = (ushort)Math.Clamp(parseResult.GetValue(prefetch), 1, 64) };
            var stop = Task.Run(() => Console.In.ReadToEnd());
            await WorkerHost.RunAsync(options, parseResult.GetValue(data)!, output, stop);
            return 0;
        });
    }
}
