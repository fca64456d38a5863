using System.Globalization;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Representations;

namespace MatGenDiscovery.Models.Generative.Conditional;

/// <summary>
/// What a conditional model is defined over: the bag-of-atoms elements (the training set's, in ascending Z) and the
/// min–max scaling of the target property, y' = (y − min)/(max − min). Round-trips through checkpoint metadata.
/// </summary>
public sealed record ConditionalSpace(BagOfAtoms Bag, double TargetMin, double TargetMax)
{
    private const string ElementsKey = "elements";
    private const string MinKey = "target_min";
    private const string MaxKey = "target_max";

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
        return new ConditionalSpace(
            new BagOfAtoms(elements),
            double.Parse(Get(MinKey), CultureInfo.InvariantCulture),
            double.Parse(Get(MaxKey), CultureInfo.InvariantCulture));
    }

    public int Length => Bag.Length;

    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        [ElementsKey] = string.Join(' ', Bag.Elements.Select(e => e.Symbol)),
        [MinKey] = TargetMin.ToString("R", CultureInfo.InvariantCulture),
        [MaxKey] = TargetMax.ToString("R", CultureInfo.InvariantCulture),
    };

    public float Scale(double target) =>
        TargetMax > TargetMin ? (float)((target - TargetMin) / (TargetMax - TargetMin)) : 0f;

    /// <summary>y = min + y′·(max − min), the inverse of <see cref="Scale"/>.</summary>
    public double Unscale(float scaled) => TargetMin + scaled * (TargetMax - TargetMin);

    /// <summary>Whether every element of the composition is in the bag (so it can be encoded).</summary>
    public bool Covers(Composition composition) =>
        composition.Elements.All(e => Bag.Elements.Any(b => b.AtomicNumber == e.AtomicNumber));

    /// <summary>Fractions [N, Length] and scaled targets [N].</summary>
    public (float[] Fractions, float[] Targets) Encode(IReadOnlyList<Composition> compositions, IReadOnlyList<double> targets)
    {
        var fractions = new float[compositions.Count * Length];
        var scaled = new float[compositions.Count];
        for (var i = 0; i < compositions.Count; i++)
        {
            Bag.Encode(compositions[i], fractions.AsSpan(i * Length, Length));
            scaled[i] = Scale(targets[i]);
        }

        return (fractions, scaled);
    }
}
