namespace MatGenDiscovery.Report.Tests;

/// <summary>Folders of the repository checkout the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    public static string Experiments => Path.Combine(Root, "experiments");

    public static string InstallChromiumScript => Path.Combine(Root, "scripts", "install-chromium.sh");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "elements.csv")) && Directory.Exists(Path.Combine(dir.FullName, "experiments")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (with data/ and experiments/) was not found above the test binaries");
    }
}
