namespace MatGenDiscovery.NeuralNetworks.Checkpoints;

/// <summary>The contents of a safetensors file: tensors in header order and the string metadata.</summary>
public sealed record SafeTensorsCheckpoint(
    OrderedDictionary<string, Tensor> Tensors, IReadOnlyDictionary<string, string> Metadata);
