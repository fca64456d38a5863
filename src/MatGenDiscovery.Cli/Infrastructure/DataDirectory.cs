namespace MatGenDiscovery.Cli.Infrastructure;

/// <summary>
/// The folder holding the bundled data tables. Resolved once by the host: an explicit path,
/// else <c>MATGEN_DATA</c>, else the nearest <c>data/</c> above the working directory or the executable.
/// </summary>
public sealed class DataDirectory
{
    private const string Marker = "elements.csv";

    private DataDirectory(string? path) => Path = path;

    /// <summary>The resolved folder, or null when none was found.</summary>
    public string? Path { get; }

    public static DataDirectory At(string path) => new(System.IO.Path.GetFullPath(path));

    public static DataDirectory FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable("MATGEN_DATA");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return At(configured);
        }

        return new DataDirectory(
            SearchUpwards(Directory.GetCurrentDirectory()) ?? SearchUpwards(AppContext.BaseDirectory));
    }

    /// <summary>The full path of a bundled file; throws a clear error when the folder or file is missing.</summary>
    public string File(string fileName)
    {
        if (Path is null)
        {
            throw new CliException(
                $"cannot find the bundled data folder (looked for data/{Marker} above the working directory); pass --data-dir or set MATGEN_DATA");
        }

        var full = System.IO.Path.Combine(Path, fileName);
        if (!System.IO.File.Exists(full))
        {
            throw new CliException($"data file '{full}' does not exist");
        }

        return full;
    }

    private static string? SearchUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "data");
            if (System.IO.File.Exists(System.IO.Path.Combine(candidate, Marker)))
            {
                return candidate;
            }
        }

        return null;
    }
}
