using System.Diagnostics;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Chemistry.Enumeration;

/// <summary>
/// The exhaustive baseline of MatGAN: every distinct reduced composition of exactly N distinct elements from an
/// element set, each count 1..M with gcd(counts) = 1, judged by a <see cref="SmactValidator"/>.
/// There are C(|set|, N) element combinations times the count vectors in [1, M]^N with gcd 1.
/// </summary>
public sealed class CompositionEnumerator
{
    private readonly int[] _atomicNumbers;

    /// <exception cref="ArgumentException">The element set is empty or repeats an element.</exception>
    public CompositionEnumerator(SmactValidator validator, IReadOnlyList<Element> elements)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Count == 0)
        {
            throw new ArgumentException("the element set is empty", nameof(elements));
        }

        if (elements.Distinct().Count() != elements.Count)
        {
            throw new ArgumentException("the element set repeats an element", nameof(elements));
        }

        Validator = validator;
        Elements = elements;
        _atomicNumbers = elements.Select(element => element.AtomicNumber).ToArray();
    }

    public SmactValidator Validator { get; }

    public IReadOnlyList<Element> Elements { get; }

    /// <summary>
    /// "All elements" for an oxidation-state set: every element of the table with at least one state in it (the
    /// others can only be valid through the single-element or alloy shortcuts), in Z order.
    /// </summary>
    public static IReadOnlyList<Element> ElementsWithOxidationStates(OxidationStateSet set, ElementTable? table = null) =>
        (table ?? ElementTable.Default).Where(element => element.OxidationStates(set).Count > 0).ToArray();

    /// <summary>Counts every composition and its validity, in parallel over element pairs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Arity outside 1..|set| (and at most 16), or maxCount &lt; 1.</exception>
    public EnumerationSummary Count(int arity, int maxCount, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        Validate(arity, maxCount);
        var stopwatch = Stopwatch.StartNew();
        long compositions = 0, neutral = 0, balanced = 0;
        var n = _atomicNumbers.Length;
        var prefixes = arity == 1
            ? Enumerable.Range(0, n).Select(i => (i, -1)).ToArray()
            : (from i in Enumerable.Range(0, n) from j in Enumerable.Range(i + 1, n - i - 1) select (i, j)).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            prefixes.Length,
            options,
            () => new Tally(),
            (index, _, tally) =>
            {
                var (first, second) = prefixes[index];
                Span<int> combination = stackalloc int[arity];
                combination[0] = first;
                if (arity == 1)
                {
                    CountCombination(combination, maxCount, ref tally);
                }
                else
                {
                    combination[1] = second;
                    Extend(combination, 2, maxCount, ref tally);
                }

                return tally;
            },
            tally =>
            {
                Interlocked.Add(ref compositions, tally.Compositions);
                Interlocked.Add(ref neutral, tally.ChargeNeutral);
                Interlocked.Add(ref balanced, tally.Balanced);
            });
        return new EnumerationSummary(arity, maxCount, n, compositions, neutral, balanced, stopwatch.Elapsed);
    }

    /// <summary>Every composition with its validity, one at a time in a fixed order (combinations in set order, counts lexicographic).</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Count"/>.</exception>
    public IEnumerable<(Composition Composition, ValidityResult Validity)> Enumerate(int arity, int maxCount)
    {
        Validate(arity, maxCount);
        return EnumerateValidated(arity, maxCount);
    }

    private IEnumerable<(Composition, ValidityResult)> EnumerateValidated(int arity, int maxCount)
    {
        foreach (var combination in Combinations(Elements.Count, arity))
        {
            var counts = new int[arity];
            Array.Fill(counts, 1);
            do
            {
                if (Gcd(counts) == 1)
                {
                    var composition = Composition.FromCounts(combination.Select((index, k) => (Elements[index], counts[k])));
                    yield return (composition, Validator.Check(composition));
                }
            }
            while (Advance(counts, maxCount));
        }
    }

    private void Extend(Span<int> combination, int level, int maxCount, ref Tally tally)
    {
        if (level == combination.Length)
        {
            CountCombination(combination, maxCount, ref tally);
            return;
        }

        var remaining = combination.Length - level;
        for (var next = combination[level - 1] + 1; next <= _atomicNumbers.Length - remaining; next++)
        {
            combination[level] = next;
            Extend(combination, level + 1, maxCount, ref tally);
        }
    }

    private void CountCombination(ReadOnlySpan<int> combination, int maxCount, ref Tally tally)
    {
        Span<int> atomicNumbers = stackalloc int[combination.Length];
        Span<int> counts = stackalloc int[combination.Length];
        for (var i = 0; i < combination.Length; i++)
        {
            atomicNumbers[i] = _atomicNumbers[combination[i]];
        }

        counts.Fill(1);
        do
        {
            if (Gcd(counts) != 1)
            {
                continue;
            }

            var result = Validator.Check(atomicNumbers, counts);
            tally.Compositions++;
            tally.ChargeNeutral += result.ChargeNeutral ? 1 : 0;
            tally.Balanced += result.ElectronegativityBalanced ? 1 : 0;
        }
        while (Advance(counts, maxCount));
    }

    private void Validate(int arity, int maxCount)
    {
        if (arity < 1 || arity > Math.Min(Elements.Count, 16))
        {
            throw new ArgumentOutOfRangeException(nameof(arity), arity, $"arity must be 1..{Math.Min(Elements.Count, 16)} for a set of {Elements.Count} elements");
        }

        if (maxCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, "the maximum count must be at least 1");
        }
    }

    private static bool Advance(Span<int> counts, int maxCount)
    {
        for (var i = counts.Length - 1; i >= 0; i--)
        {
            if (counts[i] < maxCount)
            {
                counts[i]++;
                return true;
            }

            counts[i] = 1;
        }

        return false;
    }

    private static int Gcd(ReadOnlySpan<int> counts)
    {
        var gcd = 0;
        foreach (var count in counts)
        {
            gcd = Composition.Gcd(gcd, count);
            if (gcd == 1)
            {
                return 1;
            }
        }

        return gcd;
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var combination = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])combination.Clone();
            var i = k - 1;
            while (i >= 0 && combination[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            combination[i]++;
            for (var j = i + 1; j < k; j++)
            {
                combination[j] = combination[j - 1] + 1;
            }
        }
    }

    private struct Tally
    {
        public long Compositions;
        public long ChargeNeutral;
        public long Balanced;
    }
}
