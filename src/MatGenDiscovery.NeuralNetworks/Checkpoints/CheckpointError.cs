namespace MatGenDiscovery.NeuralNetworks.Checkpoints;

/// <summary>Builds the <see cref="InvalidDataException"/> thrown for a malformed checkpoint, naming the file.</summary>
internal static class CheckpointError
{
    public static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"Checkpoint '{path}': {problem}", inner);
}
