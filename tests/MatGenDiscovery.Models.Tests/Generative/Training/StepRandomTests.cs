using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Models.Tests.Generative.Training;

public class StepRandomTests
{
    [Fact]
    public void For_SameSeedAndStep_GivesSameStream()
    {
        StepRandom.For(5, 10).Next().Should().Be(StepRandom.For(5, 10).Next());
    }

    [Fact]
    public void Derive_DifferentStepsOrSeeds_GiveDistinctNonNegativeSeeds()
    {
        var seeds = Enumerable.Range(0, 1000).Select(step => StepRandom.Derive(1, step))
            .Concat(Enumerable.Range(0, 1000).Select(seed => StepRandom.Derive(seed + 2, 0))).ToList();

        seeds.Should().OnlyContain(s => s >= 0);
        seeds.Distinct().Should().HaveCount(2000);
    }
}
