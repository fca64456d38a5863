namespace MatGenDiscovery.NeuralNetworks.Checkpoints;

/// <summary>Element types this reader understands. F64 and I64 are converted to float32 on reading.</summary>
internal enum SafeTensorsDType
{
    F32,
    F64,
    I64,
}
