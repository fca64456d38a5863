using System.CommandLine;
using MatGenDiscovery.LoadBenchmark;

var root = new LoadCommand(Console.Out);
root.Subcommands.Add(new WorkerCommand(Console.Out));
return await root.Parse(args).InvokeAsync();
