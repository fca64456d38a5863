using BenchmarkDotNet.Attributes;
using MatGenDiscovery.Tensors.Kernels;

namespace MatGenDiscovery.Benchmarks;

/// <summary>
/// The convolution kernels on MatGAN's layer shapes at batch 64. Generator layers are transposed convolutions,
/// so their forward pass is <see cref="ConvolutionKernels.BackwardInput"/> of the underlying convolution.
/// </summary>
public class ConvolutionBenchmarks
{
    private const int Batch = 64;

    private static readonly Dictionary<string, ConvolutionGeometry> Shapes = new()
    {
        ["C1 3x3 1-16 85x8"] = ConvolutionGeometry.Same(Batch, 1, 85, 8, 16, 3, 3, 1, 1),
        ["C2 3x3 16-16 s21"] = ConvolutionGeometry.Same(Batch, 16, 85, 8, 16, 3, 3, 2, 1),
        ["C3 3x3 16-32 43x8"] = ConvolutionGeometry.Same(Batch, 16, 43, 8, 32, 3, 3, 1, 1),
        ["C4 3x3 32-64 43x8"] = ConvolutionGeometry.Same(Batch, 32, 43, 8, 64, 3, 3, 1, 1),
        ["C5 5x5 64-128 s22"] = ConvolutionGeometry.Same(Batch, 64, 43, 8, 128, 5, 5, 2, 2),
        ["G1 T5x5 128-64 11x8"] = ConvolutionGeometry.ForTransposed(Batch, 128, 6, 4, 64, 5, 5, 2, 2, 11, 8),
        ["G2 T3x3 64-32 22x8"] = ConvolutionGeometry.ForTransposed(Batch, 64, 11, 8, 32, 3, 3, 2, 1, 22, 8),
        ["G3 T3x3 32-16 43x8"] = ConvolutionGeometry.ForTransposed(Batch, 32, 22, 8, 16, 3, 3, 2, 1, 43, 8),
        ["G4 T3x3 16-1 85x8"] = ConvolutionGeometry.ForTransposed(Batch, 16, 43, 8, 1, 3, 3, 2, 1, 85, 8),
    };

    private ConvolutionGeometry _geometry;
    private float[] _input = [];
    private float[] _weight = [];
    private float[] _gradOutput = [];
    private float[] _output = [];
    private float[] _gradInput = [];
    private float[] _gradWeight = [];

    [ParamsSource(nameof(ShapeNames))]
    public string Shape { get; set; } = "";

    public static IEnumerable<string> ShapeNames => Shapes.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _geometry = Shapes[Shape];
        var random = new Random(7);
        _input = GemmBenchmarks.RandomMatrix(random, _geometry.InputLength);
        _weight = GemmBenchmarks.RandomMatrix(random, _geometry.WeightLength);
        _gradOutput = GemmBenchmarks.RandomMatrix(random, _geometry.OutputLength);
        _output = new float[_geometry.OutputLength];
        _gradInput = new float[_geometry.InputLength];
        _gradWeight = new float[_geometry.WeightLength];
    }

    [Benchmark]
    public void Forward() => ConvolutionKernels.Forward(_input, _weight, _output, _geometry);

    [Benchmark]
    public void BackwardInput() => ConvolutionKernels.BackwardInput(_gradOutput, _weight, _gradInput, _geometry);

    [Benchmark]
    public void BackwardWeight() => ConvolutionKernels.BackwardWeight(_input, _gradOutput, _gradWeight, _geometry);
}
