using MatGenDiscovery.Models.Repair;

namespace MatGenDiscovery.Models.Tests.Repair;

public class OxidationStateSearchTests
{
    [Fact]
    public void MinimumCharge_MatchesBruteForceOverEveryCombination()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var arity = random.Next(1, 5);
            var states = Enumerable.Range(0, arity)
                .Select(_ => (IReadOnlyList<int>)Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(-4, 8)).Distinct().ToArray())
                .ToArray();
            var amounts = Enumerable.Range(0, arity).Select(_ => (double)random.Next(1, 9)).ToArray();

            OxidationStateSearch.MinimumCharge(amounts, states).Should().Be(BruteForce(amounts, states, 0, 0));
        }
    }

    [Fact]
    public void MinimumChargeIndexAligned_UnequalStateCounts_ReturnsNull() =>
        OxidationStateSearch.MinimumChargeIndexAligned([1, 1], [[1, 2], [-1]]).Should().BeNull();

    [Fact]
    public void MinimumChargeIndexAligned_PairsKthStates()
    {
        // Pairs (1, -2) and (3, -1): charges 2·1 − 2 = 0 and 2·3 − 1 = 5.
        OxidationStateSearch.MinimumChargeIndexAligned([2, 1], [[1, 3], [-2, -1]]).Should().Be(0);
        OxidationStateSearch.MinimumChargeIndexAligned([1, 1], [[1, 3], [-2, -1]]).Should().Be(1);
        OxidationStateSearch.MinimumCharge([1, 1], [[1, 3], [-2, -1]]).Should().Be(0);
    }

    [Fact]
    public void MinimumCharge_ElementWithoutStates_IsInfinite() =>
        OxidationStateSearch.MinimumCharge([1, 1], [[1], []]).Should().Be(double.PositiveInfinity);

    private static double BruteForce(double[] amounts, IReadOnlyList<int>[] states, int index, double partial) =>
        index == amounts.Length
            ? Math.Abs(partial)
            : states[index].Min(s => BruteForce(amounts, states, index + 1, partial + amounts[index] * s));
}
