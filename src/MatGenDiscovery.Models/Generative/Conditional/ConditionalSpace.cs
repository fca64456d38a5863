using System.Globalization;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Representations;

namespace MatGenDiscovery.Models.Generative.Conditional;

/// <summary>
/// What a conditional model is defined over: the bag-of-atoms elements (the training set's, in ascending Z), the
/// min–max scaling of the target property, y' = (y − min)/(max − min), and optionally Sawada's per-element scaling of
/// the fractions, x′ⱼ = xⱼ / maxⱼ with maxⱼ element j's largest training fraction. Round-trips through checkpoint
/// metadata.
/// </summary>
public sealed record ConditionalSpace(BagOfAtoms Bag, double TargetMin, double TargetMax, IReadOnlyList<float>? FractionScales = null)
{
    private const string ElementsKey = "elements";
    private const string MinKey = "target_min";
    private const string MaxKey = "target_max";
    private const string FractionScalesKey = "fraction_scales";

    /// <exception cref="ArgumentException">No compositions, or targets do not align with them.</exception>
    public static ConditionalSpace FromTraining(IReadOnlyList<Composition> compositions, IReadOnlyList<double> targets)
    {
        if (compositions.Count == 0 || targets.Count != compositions.Count)
        {
            throw new ArgumentException($"need one target per composition, got {compositions.Count} compositions and {targets.Count} targets");
        }

        return new ConditionalSpace(BagOfAtoms.Over(compositions), targets.Min(), targets.Max());
    }

    /// <exception cref="InvalidDataException">A key is missing or malformed.</exception>
    public static ConditionalSpace FromMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        string Get(string key) => metadata.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"checkpoint metadata lacks '{key}'");

        var elements = Get(ElementsKey).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ElementTable.Default.Get).ToArray();
        var scales = metadata.TryGetValue(FractionScalesKey, out var text)
            ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : null;
        if (scales is not null && (scales.Length != elements.Length || scales.Any(v => !(v > 0 && v <= 1))))
        {
            throw new InvalidDataException(
                $"checkpoint metadata '{FractionScalesKey}' must hold one value in (0, 1] per element ({elements.Length}), got '{text}'");
        }

        return new ConditionalSpace(
            new BagOfAtoms(elements),
            double.Parse(Get(MinKey), CultureInfo.InvariantCulture),
            double.Parse(Get(MaxKey), CultureInfo.InvariantCulture),
            scales);
    }

    public int Length => Bag.Length;

    public IReadOnlyDictionary<string, string> ToMetadata()
    {
        var metadata = new Dictionary<string, string>
        {
            [ElementsKey] = string.Join(' ', Bag.Elements.Select(e => e.Symbol)),
            [MinKey] = TargetMin.ToString("R", CultureInfo.InvariantCulture),
            [MaxKey] = TargetMax.ToString("R", CultureInfo.InvariantCulture),
        };
        if (FractionScales is not null)
        {
            metadata[FractionScalesKey] = string.Join(' ', FractionScales.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        }

        return metadata;
    }

    /// <summary>This space with per-element fraction scales: each element's largest fraction over the training set.</summary>
    public ConditionalSpace WithFractionScales(IReadOnlyList<Composition> training)
    {
        var scales = new float[Length];
        var row = new float[Length];
        foreach (var composition in training)
        {
            Bag.Encode(composition, row);
            for (var j = 0; j < Length; j++)
            {
                scales[j] = Math.Max(scales[j], row[j]);
            }
        }

        return this with { FractionScales = scales.Select(v => v > 0 ? v : 1f).ToArray() };
    }

    /// <summary>Undoes the per-element scaling in place on rows [N, Length]: xⱼ = x′ⱼ · maxⱼ (no-op without scales).</summary>
    public void UnscaleFractions(Span<float> rows)
    {
        if (FractionScales is null)
        {
            return;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] *= FractionScales[i % Length];
        }
    }

    public float Scale(double target) =>
        TargetMax > TargetMin ? (float)((target - TargetMin) / (TargetMax - TargetMin)) : 0f;

    /// <summary>y = min + y′·(max − min), the inverse of <see cref="Scale"/>.</summary>
    public double Unscale(float scaled) => TargetMin + scaled * (TargetMax - TargetMin);

    /// <summary>Whether every element of the composition is in the bag (so it can be encoded).</summary>
    public bool Covers(Composition composition) =>
        composition.Elements.All(e => Bag.Elements.Any(b => b.AtomicNumber == e.AtomicNumber));

    /// <summary>Fractions [N, Length] (per-element scaled when the space has scales) and scaled targets [N].</summary>
    public (float[] Fractions, float[] Targets) Encode(IReadOnlyList<Composition> compositions, IReadOnlyList<double> targets)
    {
        var fractions = new float[compositions.Count * Length];
        var scaled = new float[compositions.Count];
        for (var i = 0; i < compositions.Count; i++)
        {
            var row = fractions.AsSpan(i * Length, Length);
            Bag.Encode(compositions[i], row);
            for (var j = 0; FractionScales is not null && j < Length; j++)
            {
                row[j] /= FractionScales[j];
            }

            scaled[i] = Scale(targets[i]);
        }

        return (fractions, scaled);
    }
}
