using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Cli.Infrastructure;

/// <summary>
/// The checkpoint file an option names: a run folder's reported checkpoint (<c>checkpoints/selected.safetensors</c> when
/// training selected one, else the newest), or the file itself.
/// </summary>
public static class CheckpointPath
{
    /// <param name="option">The option that named <paramref name="path"/>, quoted at the start of error messages.</param>
    /// <exception cref="CliException">A run folder without checkpoints.</exception>
    /// <exception cref="FileNotFoundException">Neither a folder nor a file.</exception>
    public static string Resolve(string path, string option)
    {
        if (Directory.Exists(path))
        {
            return ExperimentRun.ReportedCheckpointPath(path)
                ?? throw new CliException($"{option}: run folder '{path}' holds no checkpoint (expected {ExperimentRun.CheckpointFolder}/step-*.safetensors)");
        }

        return File.Exists(path) ? path : throw new FileNotFoundException($"{option}: checkpoint '{path}' does not exist", path);
    }
}
