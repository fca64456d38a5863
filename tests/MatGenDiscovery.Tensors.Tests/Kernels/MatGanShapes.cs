using MatGenDiscovery.Tensors.Kernels;

namespace MatGenDiscovery.Tensors.Tests.Kernels;

/// <summary>The convolution geometries of MatGAN's critic and generator (85×8 one-hot images).</summary>
internal static class MatGanShapes
{
    public static IEnumerable<(string Name, ConvolutionGeometry Geometry)> All(int batch) =>
    [
        ("critic 3x3 1->16", ConvolutionGeometry.Same(batch, 1, 85, 8, 16, 3, 3, 1, 1)),
        ("critic 3x3 16->16 s(2,1)", ConvolutionGeometry.Same(batch, 16, 85, 8, 16, 3, 3, 2, 1)),
        ("critic 3x3 16->32", ConvolutionGeometry.Same(batch, 16, 43, 8, 32, 3, 3, 1, 1)),
        ("critic 3x3 32->64", ConvolutionGeometry.Same(batch, 32, 43, 8, 64, 3, 3, 1, 1)),
        ("critic 5x5 64->128 s(2,2)", ConvolutionGeometry.Same(batch, 64, 43, 8, 128, 5, 5, 2, 2)),
        ("generator 5x5 128->64 6x4->11x8", ConvolutionGeometry.ForTransposed(batch, 128, 6, 4, 64, 5, 5, 2, 2, 11, 8)),
        ("generator 3x3 64->32 11x8->22x8", ConvolutionGeometry.ForTransposed(batch, 64, 11, 8, 32, 3, 3, 2, 1, 22, 8)),
        ("generator 3x3 32->16 22x8->43x8", ConvolutionGeometry.ForTransposed(batch, 32, 22, 8, 16, 3, 3, 2, 1, 43, 8)),
        ("generator 3x3 16->1 43x8->85x8", ConvolutionGeometry.ForTransposed(batch, 16, 43, 8, 1, 3, 3, 2, 1, 85, 8)),
    ];
}
