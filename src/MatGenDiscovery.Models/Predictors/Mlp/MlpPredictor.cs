using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Predictors.Mlp;

/// <summary>
/// An ensemble of ElemNet-style MLPs on element fractions (optionally with standardised Magpie features, see
/// <see cref="MlpInputEncoder"/>). Each network predicts the standardised target
/// z = (y − <see cref="TargetMean"/>) / <see cref="TargetScale"/>; the ensemble mean and σ are over members in
/// target units, then <see cref="PredictorCalibration"/> applies. Networks are kept in evaluation mode and run
/// under no-grad, so concurrent calls are safe.
/// </summary>
public sealed class MlpPredictor : IPropertyPredictor
{
    public const string Kind = "mlp";
    private const int RowsPerBlock = 512;

    private readonly Module[] _members;

    public MlpPredictor(
        string targetProperty,
        MlpInputEncoder encoder,
        IReadOnlyList<Module> members,
        double targetMean,
        double targetScale,
        PredictorCalibration calibration,
        MlpOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetProperty);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(options);
        if (members.Count == 0)
        {
            throw new ArgumentException("An MLP predictor needs at least one member.", nameof(members));
        }

        if (!(targetScale > 0) || !double.IsFinite(targetMean))
        {
            throw new ArgumentOutOfRangeException(nameof(targetScale), targetScale, "The target scale must be positive and the mean finite.");
        }

        TargetProperty = targetProperty;
        Encoder = encoder;
        _members = [.. members];
        foreach (var member in _members)
        {
            member.Eval();
        }

        TargetMean = targetMean;
        TargetScale = targetScale;
        Calibration = calibration;
        Options = options;
    }

    public string Name => Kind;

    public string TargetProperty { get; }

    public string FeatureSetId => Encoder.FeatureSetId;

    public MlpInputEncoder Encoder { get; }

    public IReadOnlyList<Module> Members => _members;

    public double TargetMean { get; }

    public double TargetScale { get; }

    public PredictorCalibration Calibration { get; }

    public MlpOptions Options { get; }

    public string? Unsupported(Composition composition) => Encoder.Unsupported(composition);

    public void Predict(ReadOnlySpan<Composition> compositions, Span<double> mean, Span<double> standardDeviation)
    {
        PredictionGuards.CheckLengths(compositions.Length, mean.Length, standardDeviation.Length);
        var members = new double[_members.Length * compositions.Length];
        PredictMembers(compositions, members);
        EnsembleStatistics.Combine(members, _members.Length, mean, standardDeviation);
        Calibration.Apply(mean, standardDeviation);
    }

    /// <summary>Member predictions in target units, member-major: <c>destination[k·n + i]</c>.</summary>
    public void PredictMembers(ReadOnlySpan<Composition> compositions, Span<double> destination)
    {
        var n = compositions.Length;
        if (destination.Length != n * _members.Length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {_members.Length} members × {n} rows are needed.", nameof(destination));
        }

        var items = compositions.ToArray();
        var output = new double[destination.Length];
        var blocks = (n + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, block =>
        {
            var start = block * RowsPerBlock;
            var rows = Math.Min(RowsPerBlock, n - start);
            var inputs = new float[rows * Encoder.Count];
            for (var row = 0; row < rows; row++)
            {
                Encoder.Encode(items[start + row], inputs.AsSpan(row * Encoder.Count, Encoder.Count));
            }

            for (var k = 0; k < _members.Length; k++)
            {
                var z = Forward(_members[k], inputs, rows);
                for (var row = 0; row < rows; row++)
                {
                    output[(k * n) + start + row] = (z[row] * TargetScale) + TargetMean;
                }
            }
        });
        output.CopyTo(destination);
    }

    /// <summary>Standardised outputs of one network on a row-major block of fractions.</summary>
    internal static float[] Forward(Module network, float[] inputs, int rows)
    {
        using (Tensor.NoGrad())
        {
            return network.Forward(Tensor.FromArray(inputs, rows, inputs.Length / rows)).ToArray();
        }
    }
}
