using MatGenDiscovery.Cli;
using MatGenDiscovery.Cli.Infrastructure;

var console = CliConsole.FromProcess();
var dataDirectory = DataDirectory.FromEnvironment();
return await CliApplication.RunAsync(args, console, dataDirectory);
