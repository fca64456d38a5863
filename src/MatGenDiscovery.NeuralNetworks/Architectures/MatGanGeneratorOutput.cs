namespace MatGenDiscovery.NeuralNetworks.Architectures;

/// <summary>
/// The last activation of MatGAN's <c>mlp</c> generator. <see cref="Sigmoid"/> is the published one (each cell in
/// (0, 1) on its own); <see cref="RowSparsemax"/> makes each element row a sparsemax choice between "absent" and one
/// count (<see cref="Activations.RowSparsemax"/>), so absent elements are exactly 0 as in the data.
/// </summary>
public enum MatGanGeneratorOutput
{
    Sigmoid,
    RowSparsemax,
}
