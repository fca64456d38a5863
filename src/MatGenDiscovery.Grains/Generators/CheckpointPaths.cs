using System.Globalization;

namespace MatGenDiscovery.Grains.Generators;

/// <summary>Checkpoint blob paths: <c>checkpoints/&lt;generator&gt;/&lt;step:D8&gt;.safetensors</c>.</summary>
public static class CheckpointPaths
{
    public static string For(string generatorId, int step) =>
        $"checkpoints/{generatorId}/{step.ToString("D8", CultureInfo.InvariantCulture)}.safetensors";

    /// <summary>A trained-from-scratch model shared by every campaign with the same experiment (hash of its canonical JSON).</summary>
    public static string Pretrained(string experimentHash, int step) => For($"pretrained-{experimentHash[..16]}", step);
}
