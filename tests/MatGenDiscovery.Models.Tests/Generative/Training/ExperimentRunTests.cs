using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.MatGan;
using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Models.Tests.Generative.Training;

public sealed class ExperimentRunTests : IDisposable
{
    private readonly string _folder = GenerativeTestData.TemporaryFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(ModelKinds.MatGan)]
    [InlineData(ModelKinds.CondGan)]
    public void Run_StoppedAndResumed_EndsWithTheSameStateAsAnUninterruptedRun(string kind)
    {
        var config = kind == ModelKinds.MatGan
            ? GenerativeTestData.MatGanConfig(steps: 6)
            : GenerativeTestData.MatGanConfig(steps: 6) with
            {
                Model = new ModelConfig { Kind = ModelKinds.CondGan, TargetProperty = "band_gap_expt", UseDescriptors = true },
                Data = new DataConfig { Dataset = "expt-gap", MaxTrainingRows = 300 },
            };
        var configPath = GenerativeTestData.Write(config, _folder);
        var straight = Path.Combine(_folder, "straight");
        var interrupted = Path.Combine(_folder, "interrupted");

        var full = ExperimentRun.Open(configPath, straight, GenerativeTestData.DataFolder, resume: false).Run();
        using var stop = new CancellationTokenSource();
        var first = ExperimentRun.Open(configPath, interrupted, GenerativeTestData.DataFolder, resume: false)
            .Run(progress => { if (progress.Step == 3) stop.Cancel(); }, stop.Token);
        var resumed = ExperimentRun.Open(configPath, interrupted, GenerativeTestData.DataFolder, resume: true);
        var second = resumed.Run();

        first.Stopped.Should().BeTrue();
        first.Step.Should().Be(3);
        resumed.StartStep.Should().Be(3);
        second.Step.Should().Be(6);
        File.ReadAllBytes(second.Checkpoint).Should().Equal(File.ReadAllBytes(full.Checkpoint));
        File.ReadAllLines(Path.Combine(interrupted, ExperimentRun.LogFileName)).Should().HaveCount(7);
    }

    [Fact]
    public void Run_WithGeneratorAverageStoppedAndResumed_EndsWithTheSameCheckpointAndLoadsTheAverage()
    {
        var config = GenerativeTestData.MatGanConfig(steps: 6) with
        {
            Model = new ModelConfig { Kind = ModelKinds.MatGan, Network = ModelKinds.MlpNetwork, CriticLearningRate = 1e-3, GeneratorEmaDecay = 0.5 },
        };
        var configPath = GenerativeTestData.Write(config, _folder);
        var straight = Path.Combine(_folder, "straight");
        var interrupted = Path.Combine(_folder, "interrupted");

        var straightRun = ExperimentRun.Open(configPath, straight, GenerativeTestData.DataFolder, resume: false);
        var full = straightRun.Run();
        using var stop = new CancellationTokenSource();
        ExperimentRun.Open(configPath, interrupted, GenerativeTestData.DataFolder, resume: false)
            .Run(progress => { if (progress.Step == 3) stop.Cancel(); }, stop.Token);
        var second = ExperimentRun.Open(configPath, interrupted, GenerativeTestData.DataFolder, resume: true).Run();
        var loaded = (MatGanModel)ModelCheckpoint.Load(full.Checkpoint).Model;

        File.ReadAllBytes(second.Checkpoint).Should().Equal(File.ReadAllBytes(full.Checkpoint));
        loaded.GeneratorAverage!.Updates.Should().Be(6);
        loaded.SamplingGenerator.StateDict().Values.Select(t => t.ToArray()).Should().BeEquivalentTo(
            ((MatGanModel)straightRun.Model).SamplingGenerator.StateDict().Values.Select(t => t.ToArray()), o => o.WithStrictOrdering());
        loaded.SamplingGenerator[0].Parameters().First().ToArray().Should().NotEqual(loaded.Generator[0].Parameters().First().ToArray());
    }

    [Theory]
    [InlineData(CheckpointSelection.ValidUnique)]
    [InlineData(CheckpointSelection.UniqueAtTrainingValidity)]
    public void Run_WithSelection_ProbesEveryCheckpointCopiesTheBestAndLeavesTrainingUnchanged(string criterion)
    {
        var plain = GenerativeTestData.MatGanConfig(steps: 4);
        var selecting = plain with { Training = plain.Training with { SelectBy = criterion, SelectionSamples = 400 } };
        var folder = Path.Combine(_folder, "selecting");

        var plainRun = ExperimentRun.Open(GenerativeTestData.Write(plain, _folder), Path.Combine(_folder, "plain"), GenerativeTestData.DataFolder, false);
        plainRun.Run();
        var run = ExperimentRun.Open(GenerativeTestData.Write(selecting, _folder), folder, GenerativeTestData.DataFolder, false);
        run.Run();

        run.Selection!.Probes.Select(p => p.Step).Should().Equal(2, 4);
        run.Selection.Probes.Should().OnlyContain(p => p.Samples == 400 && p.Distinct <= p.Decoded && p.ValidDistinct <= p.Distinct);
        var best = run.Selection.Best!;
        var selected = Path.Combine(folder, ExperimentRun.CheckpointFolder, CheckpointSelection.SelectedCheckpointName);
        File.ReadAllBytes(selected).Should().Equal(
            File.ReadAllBytes(Path.Combine(folder, ExperimentRun.CheckpointFolder, $"step-{best.Step:D8}.safetensors")));
        ModelCheckpoint.Load(selected).Step.Should().Be(best.Step);
        ExperimentRun.ReportedCheckpoint(folder).Should().Be((selected, best.Step));
        ExperimentRun.ReportedCheckpoint(Path.Combine(_folder, "plain")).Should().Be(ExperimentRun.LatestCheckpoint(Path.Combine(_folder, "plain")));
        File.ReadAllLines(Path.Combine(folder, CheckpointSelection.FileName)).Should().HaveCount(3);
        run.Model.State().Select(p => p.Value.ToArray()).Should().BeEquivalentTo(
            plainRun.Model.State().Select(p => p.Value.ToArray()), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Open_ResumedWithSelection_KeepsTheProbesUpToTheCheckpoint()
    {
        var config = GenerativeTestData.MatGanConfig(steps: 4) with
        {
            Training = GenerativeTestData.MatGanConfig().Training with { Steps = 4, SelectBy = CheckpointSelection.ValidUnique, SelectionSamples = 300 },
        };
        var path = GenerativeTestData.Write(config, _folder);
        var folder = Path.Combine(_folder, "run");
        using var stop = new CancellationTokenSource();
        ExperimentRun.Open(path, folder, GenerativeTestData.DataFolder, false).Run(p => { if (p.Step == 3) stop.Cancel(); }, stop.Token);

        var resumed = ExperimentRun.Open(path, folder, GenerativeTestData.DataFolder, resume: true);
        resumed.Run();

        resumed.Selection!.Probes.Select(p => p.Step).Should().Equal(2, 3, 4);
    }

    [Fact]
    public void Open_FolderOfAnotherExperiment_Throws()
    {
        var run = Path.Combine(_folder, "run");
        ExperimentRun.Open(GenerativeTestData.Write(GenerativeTestData.MatGanConfig(steps: 1), _folder), run, GenerativeTestData.DataFolder, false).Run();

        var act = () => ExperimentRun.Open(
            GenerativeTestData.Write(GenerativeTestData.MatGanConfig(steps: 1, seed: 8), _folder), run, GenerativeTestData.DataFolder, false);

        act.Should().Throw<ExperimentRunException>().WithMessage("*different experiment*");
    }

    [Fact]
    public void Open_ExistingCheckpointsWithoutResume_Throws()
    {
        var path = GenerativeTestData.Write(GenerativeTestData.MatGanConfig(steps: 1), _folder);
        var run = Path.Combine(_folder, "run");
        ExperimentRun.Open(path, run, GenerativeTestData.DataFolder, false).Run();

        var act = () => ExperimentRun.Open(path, run, GenerativeTestData.DataFolder, false);

        act.Should().Throw<ExperimentRunException>().WithMessage("*--resume*");
    }

    [Fact]
    public void Checkpoint_LoadedBack_GeneratesLikeTheTrainedModel()
    {
        var path = GenerativeTestData.Write(GenerativeTestData.MatGanConfig(steps: 2), _folder);
        var run = ExperimentRun.Open(path, Path.Combine(_folder, "run"), GenerativeTestData.DataFolder, false);
        var outcome = run.Run();

        var loaded = ModelCheckpoint.Load(outcome.Checkpoint);

        loaded.Step.Should().Be(2);
        loaded.Config.Should().BeEquivalentTo(run.Config);
        loaded.Model.State().Select(p => p.Value.ToArray()).Should().BeEquivalentTo(run.Model.State().Select(p => p.Value.ToArray()), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Load_TruncatedCheckpoint_ThrowsNamingTheFile()
    {
        var file = Path.Combine(_folder, "broken.safetensors");
        File.WriteAllBytes(file, [1, 2, 3]);

        var act = () => ModelCheckpoint.Load(file);

        act.Should().Throw<InvalidDataException>().WithMessage("*broken.safetensors*");
    }
}
