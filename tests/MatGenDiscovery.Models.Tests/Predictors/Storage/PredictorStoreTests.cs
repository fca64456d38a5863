using System.Text.Json.Nodes;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.GradientBoosting;
using MatGenDiscovery.Models.Predictors.Mlp;
using MatGenDiscovery.Models.Predictors.Storage;

namespace MatGenDiscovery.Models.Tests.Predictors.Storage;

public class PredictorStoreTests
{
    private static PredictorManifest Manifest(IPropertyPredictor predictor) =>
        new() { Kind = predictor.Name, FeatureSetId = predictor.FeatureSetId, Target = predictor.TargetProperty, Seed = 7 };

    [Fact]
    public void SaveLoad_Gbdt_PredictsIdentically()
    {
        using var folder = new TemporaryFolder();
        var predictor = TrainedPredictors.Gbdt;

        var written = PredictorStore.Save(folder.Path, predictor, Manifest(predictor));
        var (loaded, manifest) = PredictorStore.Load(folder.Path);

        written.MemberFiles.Should().Equal("member-0.json", "member-1.json", "member-2.json");
        manifest.Seed.Should().Be(7);
        manifest.Calibration.SigmaScale.Should().Be(1.25);
        var expected = predictor.Predict(TrainedPredictors.Test);
        var actual = loaded.Predict(TrainedPredictors.Test);
        actual.Mean.Should().Equal(expected.Mean);
        actual.StandardDeviation.Should().Equal(expected.StandardDeviation);
        Directory.GetDirectories(Path.GetDirectoryName(folder.Path)!, Path.GetFileName(folder.Path) + ".tmp-*").Should().BeEmpty();
    }

    [Fact]
    public void SaveLoad_Mlp_PredictsIdenticallyAndKeepsMetadata()
    {
        using var folder = new TemporaryFolder();
        var predictor = TrainedPredictors.Mlp;

        PredictorStore.Save(folder.Path, predictor, Manifest(predictor));
        var (loaded, manifest) = PredictorStore.Load(folder.Path);

        manifest.FeatureSetId.Should().Be(FeatureSetIds.Fractions(predictor.Encoder.Fractions.Elements));
        var mlp = loaded.Should().BeOfType<MlpPredictor>().Subject;
        mlp.Encoder.Fractions.Elements.Select(e => e.Symbol).Should().Equal(predictor.Encoder.Fractions.Elements.Select(e => e.Symbol));
        mlp.TargetMean.Should().Be(predictor.TargetMean);
        mlp.Options.HiddenSizes.Should().Equal(32, 16);
        loaded.Predict(TrainedPredictors.Test).Mean.Should().Equal(predictor.Predict(TrainedPredictors.Test).Mean);
    }

    [Fact]
    public void SaveLoad_MlpWithMagpieInputs_PredictsIdenticallyAndKeepsTheStandardisation()
    {
        using var folder = new TemporaryFolder();
        var predictor = MagpieMlp();

        PredictorStore.Save(folder.Path, predictor, Manifest(predictor));
        var (loaded, manifest) = PredictorStore.Load(folder.Path);

        manifest.FeatureSetId.Should().Be(FeatureSetIds.FractionsMagpie(predictor.Encoder.Fractions.Elements));
        var mlp = loaded.Should().BeOfType<MlpPredictor>().Subject;
        mlp.Options.MagpieInputs.Should().BeTrue();
        mlp.Encoder.Magpie!.Means.Should().Equal(predictor.Encoder.Magpie!.Means);
        mlp.Encoder.Magpie.Scales.Should().Equal(predictor.Encoder.Magpie.Scales);
        loaded.Predict(TrainedPredictors.Test).Mean.Should().Equal(predictor.Predict(TrainedPredictors.Test).Mean);
    }

    [Fact]
    public void Load_MagpieMlpUnderFractionOnlyId_FailsNamingBoth()
    {
        using var folder = new TemporaryFolder();
        var predictor = MagpieMlp();
        PredictorStore.Save(folder.Path, predictor, Manifest(predictor));
        var fractionsOnly = FeatureSetIds.Fractions(predictor.Encoder.Fractions.Elements);
        Rewrite(folder.File("model.json"), json => json["featureSetId"] = fractionsOnly);

        var act = () => PredictorStore.Load(folder.Path);

        act.Should().Throw<IncompatibleModelException>()
            .Where(e => e.Expected == fractionsOnly && e.Actual == predictor.FeatureSetId && e.FilePath.EndsWith("member-0.safetensors"));
    }

    [Fact]
    public void SaveLoad_WeightedAverage_KeepsWeights()
    {
        using var folder = new TemporaryFolder();
        var average = new AveragedPredictor([TrainedPredictors.Gbdt, TrainedPredictors.Mlp], weights: [0.2, 0.8]);

        PredictorStore.Save(folder.Path, average, Manifest(average));
        var (loaded, manifest) = PredictorStore.Load(folder.Path);

        manifest.PartWeights.Should().Equal(0.2, 0.8);
        loaded.Should().BeOfType<AveragedPredictor>().Which.Weights.Should().Equal(0.2, 0.8);
        loaded.Predict(TrainedPredictors.Test).Mean.Should().Equal(average.Predict(TrainedPredictors.Test).Mean);
    }

    [Fact]
    public void Load_AverageSavedWithoutWeights_UsesEqualWeights()
    {
        using var folder = new TemporaryFolder();
        var average = new AveragedPredictor([TrainedPredictors.Gbdt, TrainedPredictors.Mlp], weights: [0.2, 0.8]);
        PredictorStore.Save(folder.Path, average, Manifest(average));
        Rewrite(folder.File("model.json"), json => json.Remove("partWeights"));

        var loaded = PredictorStore.Load(folder.Path).Predictor;

        loaded.Should().BeOfType<AveragedPredictor>().Which.Weights.Should().Equal(0.5, 0.5);
        File.ReadAllText(Path.Combine(folder.Path, "part-0-gbdt", "model.json")).Should().NotContain("partWeights", "only averages write weights");
    }

    [Fact]
    public void Save_IntoExistingFolder_ReplacesTheModel()
    {
        using var folder = new TemporaryFolder();
        PredictorStore.Save(folder.Path, TrainedPredictors.Mlp, Manifest(TrainedPredictors.Mlp));

        PredictorStore.Save(folder.Path, TrainedPredictors.Gbdt, Manifest(TrainedPredictors.Gbdt));

        PredictorStore.Load(folder.Path).Predictor.Should().BeOfType<GbdtPredictor>();
    }

    [Fact]
    public void Load_OtherManifestVersion_FailsNamingFileAndVersions()
    {
        using var folder = new TemporaryFolder();
        PredictorStore.Save(folder.Path, TrainedPredictors.Gbdt, Manifest(TrainedPredictors.Gbdt));
        Rewrite(folder.File("model.json"), json => json["formatVersion"] = 99);

        var act = () => PredictorStore.Load(folder.Path);

        var error = act.Should().Throw<IncompatibleModelException>().Which;
        error.FilePath.Should().Be(folder.File("model.json"));
        error.Expected.Should().Be("1");
        error.Actual.Should().Be("99");
        error.Message.Should().Contain("model.json").And.Contain("99");
    }

    [Fact]
    public void Load_OtherFeatureSet_FailsNamingExpectedAndFound()
    {
        using var folder = new TemporaryFolder();
        PredictorStore.Save(folder.Path, TrainedPredictors.Gbdt, Manifest(TrainedPredictors.Gbdt));
        Rewrite(folder.File("member-1.json"), json => json["featureSetId"] = "magpie-132-v0");

        var act = () => PredictorStore.Load(folder.Path);

        var error = act.Should().Throw<IncompatibleModelException>().Which;
        error.FilePath.Should().Be(folder.File("member-1.json"));
        error.Expected.Should().Be(FeatureSetIds.Magpie);
        error.Actual.Should().Be("magpie-132-v0");
    }

    [Fact]
    public void Load_MlpMemberWithOtherFeatureSet_Fails()
    {
        using var folder = new TemporaryFolder();
        PredictorStore.Save(folder.Path, TrainedPredictors.Mlp, Manifest(TrainedPredictors.Mlp));
        Rewrite(folder.File("model.json"), json => json["featureSetId"] = "fractions-3-v1");

        var act = () => PredictorStore.Load(folder.Path);

        act.Should().Throw<IncompatibleModelException>()
            .Where(e => e.FilePath.EndsWith("member-0.safetensors") && e.Expected == "fractions-3-v1" && e.Actual.StartsWith("fractions-"));
    }

    [Fact]
    public void Load_FolderWithoutManifest_ThrowsFileNotFound()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.Path);

        var act = () => PredictorStore.Load(folder.Path);

        act.Should().Throw<FileNotFoundException>().WithMessage("*model.json*");
    }

    private static MlpPredictor MagpieMlp()
    {
        var encoder = MlpInputEncoder.Fit(TrainedPredictors.Train, TrainedPredictors.Train, withMagpie: true);
        var options = new MlpOptions { HiddenSizes = [8], MaxEpochs = 2, BatchSize = 64, MagpieInputs = true };
        var y = TrainedPredictors.Train.Select(c => (float)SyntheticCompositions.Property(c)).ToArray();
        var network = new MlpTrainer(options).Train(encoder.Encode(TrainedPredictors.Train), y, [], [], encoder.Count, seed: 3);
        return new MlpPredictor("property", encoder, [network], 0, 1, PredictorCalibration.None, options);
    }

    private static void Rewrite(string path, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }
}
