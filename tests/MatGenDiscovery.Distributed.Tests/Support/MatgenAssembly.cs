namespace MatGenDiscovery.Distributed.Tests.Support;

/// <summary>
/// The <c>matgen.dll</c> the project reference copied next to the tests (with its runtimeconfig and deps), so a
/// concurrent build of the CLI project elsewhere cannot change it under a running test.
/// </summary>
public static class MatgenAssembly
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var copied = System.IO.Path.Combine(AppContext.BaseDirectory, "matgen.dll");
        return File.Exists(copied) && File.Exists(System.IO.Path.Combine(AppContext.BaseDirectory, "matgen.runtimeconfig.json"))
            ? copied
            : throw new InvalidOperationException($"matgen.dll and matgen.runtimeconfig.json not found in {AppContext.BaseDirectory}; build this test project (it references the CLI)");
    }
}
