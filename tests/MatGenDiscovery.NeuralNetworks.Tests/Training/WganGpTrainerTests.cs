using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Benchmarks;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.NeuralNetworks.Optimizers;
using MatGenDiscovery.NeuralNetworks.Training;

namespace MatGenDiscovery.NeuralNetworks.Tests.Training;

public class WganGpTrainerTests
{
    private static WganGpTrainer Toy(int seed)
    {
        var random = new Random(seed);
        var generator = new Sequential(new Linear(2, 8, random), new ReLU(), new Linear(8, 2, random));
        var critic = new Sequential(new Linear(2, 16, random), new LeakyReLU(0.2f), new Linear(16, 1, random));
        return new WganGpTrainer(
            generator, critic, new Adam(generator.Parameters(), 1e-3f, 0.5f, 0.9f), new Adam(critic.Parameters(), 1e-3f, 0.5f, 0.9f),
            random, latentSize: 2);
    }

    private static Tensor RealBatch(Random random) => Tensor.Randn(random, 32, 2) * 0.1f + 3f;

    [Fact]
    public void CriticStep_Repeated_LowersCriticLossOnFixedData()
    {
        var trainer = Toy(1);
        var real = RealBatch(new Random(2));

        var first = trainer.CriticStep(real);
        for (var i = 0; i < 200; i++)
        {
            trainer.CriticStep(real);
        }

        // At initialisation the critic's input gradient is far below norm 1, so the penalty dominates and falls first.
        var last = trainer.CriticStep(real);
        last.CriticLoss.Should().BeLessThan(first.CriticLoss - 3f);
        last.GradientPenalty.Should().BeInRange(0f, first.GradientPenalty - 3f);
    }

    [Fact]
    public void Step_Training_MovesGeneratedSamplesTowardsRealData()
    {
        var trainer = Toy(3);
        var dataRandom = new Random(4);
        float MeanGenerated()
        {
            using (Tensor.NoGrad())
            {
                return trainer.Generator.Forward(trainer.SampleLatent(256)).Mean().Item();
            }
        }

        var before = MeanGenerated();
        for (var i = 0; i < 300; i++)
        {
            trainer.Step(RealBatch(dataRandom));
        }

        Math.Abs(MeanGenerated() - 3f).Should().BeLessThan(Math.Abs(before - 3f) - 0.5f);
    }

    [Fact]
    public void GeneratorStep_UpdatesOnlyGeneratorAndRestoresCriticGradients()
    {
        var trainer = Toy(5);
        var criticBefore = trainer.Critic.Parameters().Select(p => p.ToArray()).ToList();
        var generatorBefore = trainer.Generator.Parameters().First().ToArray();

        var loss = trainer.GeneratorStep(16);

        float.IsFinite(loss).Should().BeTrue();
        trainer.Critic.Parameters().Select(p => p.ToArray()).Should().BeEquivalentTo(criticBefore, o => o.WithStrictOrdering());
        trainer.Critic.Parameters().Should().OnlyContain(p => p.RequiresGrad && p.Grad == null);
        trainer.Generator.Parameters().First().ToArray().Should().NotEqual(generatorBefore);
    }

    [Fact]
    public void Step_SameSeed_ReplaysBitIdentically()
    {
        int[] Run()
        {
            var trainer = TrainStepBenchmark.CreateTrainer(TrainStepModel.Mlp, seed: 3);
            var pool = TrainStepBenchmark.CreatePool(TrainStepModel.Mlp, 8, seed: 4);
            for (var i = 0; i < 3; i++)
            {
                trainer.Step(pool.Narrow(0, 8 * i, 8));
            }

            return trainer.Generator.Parameters().Concat(trainer.Critic.Parameters())
                .SelectMany(p => p.ToArray()).Select(BitConverter.SingleToInt32Bits).ToArray();
        }

        Run().Should().Equal(Run());
    }

    [Fact]
    public void CriticStep_RealShapeDiffersFromGenerated_Throws()
    {
        var act = () => Toy(1).CriticStep(Tensor.Zeros(4, 3));

        act.Should().Throw<ArgumentException>().WithMessage("*[4, 3]*[4, 2]*");
    }
}
