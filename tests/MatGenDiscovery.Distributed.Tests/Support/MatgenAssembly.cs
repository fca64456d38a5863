namespace MatGenDiscovery.Distributed.Tests.Support;

/// <summary>The built <c>matgen.dll</c> of the same configuration as the tests (the project reference builds it).</summary>
public static class MatgenAssembly
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Name;
        var built = System.IO.Path.Combine(InfraScript.RepositoryRoot, "src", "MatGenDiscovery.Cli", "bin", configuration, "net10.0", "matgen.dll");
        if (File.Exists(built))
        {
            return built;
        }

        var copied = System.IO.Path.Combine(AppContext.BaseDirectory, "matgen.dll");
        return File.Exists(copied) && File.Exists(System.IO.Path.Combine(AppContext.BaseDirectory, "matgen.runtimeconfig.json"))
            ? copied
            : throw new InvalidOperationException($"matgen.dll not found at {built}; build src/MatGenDiscovery.Cli in {configuration} first");
    }
}
