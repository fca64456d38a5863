using System.CommandLine;
using MatGenDiscovery.LoadBenchmark;

return await new LoadCommand(Console.Out).Parse(args).InvokeAsync();
