using System.Text;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Chemistry.Compositions;

/// <summary>
/// A compact identity of a reduced composition for deduplicating millions of them: equal keys ⇔ equal reduced
/// formulas. Up to 8 elements with reduced counts ≤ 511 are packed into one <see cref="UInt128"/> as 16-bit
/// (Z &lt;&lt; 9 | count) slots in ascending Z; anything else falls back to a canonical string.
/// </summary>
public readonly struct CompositionKey : IEquatable<CompositionKey>
{
    /// <summary>Largest reduced count that still packs.</summary>
    public const int MaxPackedCount = 511;

    /// <summary>Most elements that still pack.</summary>
    public const int MaxPackedElements = 8;

    private readonly UInt128 _packed;
    private readonly string? _fallback;

    private CompositionKey(UInt128 packed, string? fallback)
    {
        _packed = packed;
        _fallback = fallback;
    }

    /// <summary>True when the key is the packed 128-bit form (no string).</summary>
    public bool IsPacked => _fallback is null;

    /// <summary>
    /// The key of the integer composition with these elements and counts (any order; reduced by their gcd here).
    /// Allocation-free when the result packs.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, no elements, a Z outside 1..118, a repeated Z, or a count ≤ 0.</exception>
    public static CompositionKey FromCounts(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<int> counts)
    {
        if (atomicNumbers.Length != counts.Length || atomicNumbers.Length == 0)
        {
            throw new ArgumentException($"need as many counts as elements (and at least one): {atomicNumbers.Length} elements, {counts.Length} counts");
        }

        if (atomicNumbers.Length > 118)
        {
            throw new ArgumentException($"{atomicNumbers.Length} elements is more than there are", nameof(atomicNumbers));
        }

        Span<int> z = stackalloc int[atomicNumbers.Length];
        Span<int> n = stackalloc int[atomicNumbers.Length];
        atomicNumbers.CopyTo(z);
        counts.CopyTo(n);
        var gcd = 0;
        for (var i = 0; i < z.Length; i++)
        {
            if (z[i] < 1 || z[i] > 118)
            {
                throw new ArgumentException($"atomic number {z[i]} is outside 1..118", nameof(atomicNumbers));
            }

            if (n[i] <= 0)
            {
                throw new ArgumentException($"the count of element Z = {z[i]} must be > 0, got {n[i]}", nameof(counts));
            }

            gcd = Composition.Gcd(gcd, n[i]);
        }

        z.Sort(n);
        for (var i = 0; i < z.Length; i++)
        {
            if (i > 0 && z[i] == z[i - 1])
            {
                throw new ArgumentException($"atomic number {z[i]} appears twice", nameof(atomicNumbers));
            }

            n[i] /= gcd;
        }

        return Pack(z, n);
    }

    internal static CompositionKey FromSortedReduced(IReadOnlyList<Element> elements, IReadOnlyList<int> reducedCounts)
    {
        Span<int> z = stackalloc int[elements.Count];
        Span<int> n = stackalloc int[elements.Count];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = elements[i].AtomicNumber;
            n[i] = reducedCounts[i];
        }

        return Pack(z, n);
    }

    internal static CompositionKey FromFallback(string canonical) => new(UInt128.Zero, canonical);

    public bool Equals(CompositionKey other) => _packed == other._packed && string.Equals(_fallback, other._fallback, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CompositionKey other && Equals(other);

    public override int GetHashCode() =>
        _fallback is null
            ? HashCode.Combine((ulong)_packed, (ulong)(_packed >> 64))
            : StringComparer.Ordinal.GetHashCode(_fallback);

    public static bool operator ==(CompositionKey left, CompositionKey right) => left.Equals(right);

    public static bool operator !=(CompositionKey left, CompositionKey right) => !left.Equals(right);

    /// <summary>Diagnostic form: <c>Z:count</c> pairs in ascending Z (or the fallback string).</summary>
    public override string ToString()
    {
        if (_fallback is not null)
        {
            return _fallback;
        }

        var builder = new StringBuilder();
        for (var slot = 0; slot < MaxPackedElements; slot++)
        {
            var value = (int)((_packed >> (16 * slot)) & 0xFFFF);
            if (value == 0)
            {
                break;
            }

            builder.Append(builder.Length == 0 ? string.Empty : ",").Append(value >> 9).Append(':').Append(value & MaxPackedCount);
        }

        return builder.ToString();
    }

    private static CompositionKey Pack(ReadOnlySpan<int> sortedZ, ReadOnlySpan<int> reducedCounts)
    {
        var fits = sortedZ.Length <= MaxPackedElements;
        for (var i = 0; fits && i < reducedCounts.Length; i++)
        {
            fits = reducedCounts[i] <= MaxPackedCount;
        }

        if (!fits)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < sortedZ.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ",").Append(sortedZ[i]).Append(':').Append(reducedCounts[i]);
            }

            return FromFallback(builder.ToString());
        }

        UInt128 packed = 0;
        for (var i = 0; i < sortedZ.Length; i++)
        {
            packed |= (UInt128)(uint)((sortedZ[i] << 9) | reducedCounts[i]) << (16 * i);
        }

        return new CompositionKey(packed, null);
    }
}
