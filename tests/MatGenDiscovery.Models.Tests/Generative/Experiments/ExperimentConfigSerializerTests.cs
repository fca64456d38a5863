using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;

namespace MatGenDiscovery.Models.Tests.Generative.Experiments;

public class ExperimentConfigSerializerTests
{
    private const string Valid = """
        {
          "name": "t", "seed": 3,
          "model": { "kind": "matgan", "network": "mlp" },
          "data": { "dataset": "mp", "filter": { "properties": [ { "name": "band_gap", "min": 0.5, "max": 3 } ], "valid_only": true } },
          "training": { "steps": 10, "batch_size": 8 }
        }
        """;

    [Fact]
    public void Parse_ValidConfig_ReadsSnakeCaseFieldsAndDefaults()
    {
        var config = ExperimentConfigSerializer.Parse(Valid, "valid.json");

        config.Seed.Should().Be(3);
        config.Model.Network.Should().Be("mlp");
        config.Data.Filter.Properties.Should().ContainSingle().Which.Max.Should().Be(3);
        config.Data.Filter.ValidOnly.Should().BeTrue();
        config.Data.LeaveOutFraction.Should().Be(0.1);
        config.Training.CheckpointInterval.Should().Be(1000);
    }

    [Fact]
    public void Parse_UnknownField_NamesFileAndField()
    {
        var json = Valid.Replace("\"valid_only\": true", "\"valid_only\": true, \"colour\": 1");

        var act = () => ExperimentConfigSerializer.Parse(json, "unknown.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain("unknown.json").And.Contain("colour");
    }

    [Fact]
    public void Parse_MissingSeed_NamesFileAndField()
    {
        var act = () => ExperimentConfigSerializer.Parse(Valid.Replace("\"seed\": 3,", ""), "noseed.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain("noseed.json").And.Contain("seed");
    }

    [Fact]
    public void Parse_UnknownDataset_NamesField()
    {
        var act = () => ExperimentConfigSerializer.Parse(Valid.Replace("\"mp\"", "\"nope\""), "dataset.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should()
            .Contain("dataset.json").And.Contain("data.dataset").And.Contain("nope");
    }

    [Theory]
    [InlineData("\"band_gap\", \"min\": 0.5, \"max\": 3", "\"volume\", \"min\": 0.5", "data.filter.properties[0].name")]
    [InlineData("\"min\": 0.5, \"max\": 3", "\"min\": 5, \"max\": 3", "data.filter.properties[0]")]
    public void Parse_BadFilter_NamesField(string original, string replacement, string field)
    {
        var act = () => ExperimentConfigSerializer.Parse(Valid.Replace(original, replacement), "filter.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain("filter.json").And.Contain(field);
    }

    [Fact]
    public void Parse_ConditionalModelWithoutTarget_NamesField()
    {
        var json = Valid.Replace("\"kind\": \"matgan\", \"network\": \"mlp\"", "\"kind\": \"condgan\"");

        var act = () => ExperimentConfigSerializer.Parse(json, "cond.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain("model.target_property");
    }

    [Fact]
    public void Hash_SameConfigRoundTripped_IsEqualAndChangesWithSeed()
    {
        var config = ExperimentConfigSerializer.Parse(Valid, "a.json");
        var roundTripped = ExperimentConfigSerializer.Parse(ExperimentConfigSerializer.ToIndentedJson(config), "b.json");

        ExperimentConfigSerializer.Hash(roundTripped).Should().Be(ExperimentConfigSerializer.Hash(config)).And.HaveLength(64);
        ExperimentConfigSerializer.Hash(config with { Seed = 4 }).Should().NotBe(ExperimentConfigSerializer.Hash(config));
    }

    [Fact]
    public void ToCanonicalJson_UnsetCondGanOptions_AreOmittedSoOldHashesHold()
    {
        var config = ExperimentConfigSerializer.Parse(Valid, "a.json");
        var scaled = config with { Model = config.Model with { Kind = "condgan", FractionScaling = "per-element", MaxGeneratedElements = 8 } };

        ExperimentConfigSerializer.ToCanonicalJson(config).Should().NotContain("fraction_scaling").And.NotContain("max_generated_elements")
            .And.NotContain("property_loss_weight").And.NotContain("_hidden");
        ExperimentConfigSerializer.ToCanonicalJson(scaled).Should().Contain("\"fraction_scaling\":\"per-element\"").And.Contain("\"max_generated_elements\":8");
    }

    [Fact]
    public void Parse_CondGanHiddenWidths_ResolvesAndWritesThem()
    {
        const string condGan = "\"kind\": \"condgan\", \"target_property\": \"band_gap\"";
        var published = ExperimentConfigSerializer.Parse(Valid.Replace("\"kind\": \"matgan\", \"network\": \"mlp\"", condGan), "a.json");
        var widened = ExperimentConfigSerializer.Parse(
            Valid.Replace("\"kind\": \"matgan\", \"network\": \"mlp\"", condGan + ", \"generator_hidden\": [128, 256], \"critic_hidden\": [256, 128, 64]"), "b.json");
        var roundTripped = ExperimentConfigSerializer.Parse(ExperimentConfigSerializer.ToIndentedJson(widened), "c.json");

        ModelDefaults.Resolve(published.Model).GeneratorHidden.Should().Equal(30, 60);
        ModelDefaults.Resolve(published.Model).CriticHidden.Should().Equal(60, 30);
        ModelDefaults.Resolve(widened.Model).GeneratorHidden.Should().Equal(128, 256);
        ModelDefaults.Resolve(widened.Model).CriticHidden.Should().Equal(256, 128, 64);
        ExperimentConfigSerializer.ToCanonicalJson(published).Should().NotContain("_hidden");
        ExperimentConfigSerializer.ToCanonicalJson(widened).Should()
            .Contain("\"generator_hidden\":[128,256]").And.Contain("\"critic_hidden\":[256,128,64]");
        ExperimentConfigSerializer.Hash(widened).Should().NotBe(ExperimentConfigSerializer.Hash(published));
        ExperimentConfigSerializer.Hash(roundTripped).Should().Be(ExperimentConfigSerializer.Hash(widened));
    }

    [Theory]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"generator_hidden\": []", "model.generator_hidden")]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"generator_hidden\": [30, 0]", "model.generator_hidden[1]")]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"critic_hidden\": []", "model.critic_hidden")]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"critic_hidden\": [-60]", "model.critic_hidden[0]")]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"critic_hidden\": [60.5]", "critic_hidden")]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"critic_hidden\": 60", "critic_hidden")]
    [InlineData("\"kind\": \"condvae\", \"target_property\": \"band_gap\", \"generator_hidden\": [30, 60]", "model.generator_hidden")]
    [InlineData("\"kind\": \"matgan\", \"network\": \"mlp\", \"critic_hidden\": [60, 30]", "model.critic_hidden")]
    public void Parse_BadHiddenWidths_NamesField(string model, string field)
    {
        var json = Valid.Replace("\"kind\": \"matgan\", \"network\": \"mlp\"", model);

        var act = () => ExperimentConfigSerializer.Parse(json, "widths.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain("widths.json").And.Contain(field);
    }

    [Theory]
    [InlineData("condgan-formation-energy-quick", "9b1f0c2604b5b235f40f16ead656e8335d52a79f749105a409f1712e8a4d7351")]
    [InlineData("condgan-xbp-formation-energy-v2", "4501355497fdbe438603e19415ba0a126f802c679209a6983416f46722fc2549")]
    public void Hash_BundledCondGanConfig_IsPinned(string name, string hash)
    {
        var path = Path.Combine(GenerativeTestData.DataFolder, "..", "experiments", name + ".json");

        ExperimentConfigSerializer.Hash(ExperimentConfigSerializer.Load(path)).Should().Be(hash, "adding optional fields must not change stored hashes");
    }

    [Theory]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"fraction_scaling\": \"per-row\"", "model.fraction_scaling")]
    [InlineData("\"kind\": \"matgan\", \"fraction_scaling\": \"per-element\"", "model.fraction_scaling")]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"max_generated_elements\": 0", "model.max_generated_elements")]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"property_loss_weight\": -1", "model.property_loss_weight")]
    [InlineData("\"kind\": \"condvae\", \"target_property\": \"band_gap\", \"property_loss_weight\": 2", "model.property_loss_weight")]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"generator_output\": \"tanh\"", "model.generator_output")]
    [InlineData("\"kind\": \"condvae\", \"target_property\": \"band_gap\", \"generator_output\": \"sigmoid\"", "model.generator_output")]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"band_gap\", \"generator_output\": \"row-sparsemax\"", "model.generator_output")]
    [InlineData("\"kind\": \"matgan\", \"network\": \"mlp\", \"generator_output\": \"sparsemax\"", "model.generator_output")]
    [InlineData("\"kind\": \"matgan\", \"network\": \"matgan-mp\", \"generator_output\": \"row-sparsemax\"", "model.generator_output")]
    [InlineData("\"kind\": \"autoencoder\", \"network\": \"mlp\", \"generator_output\": \"row-sparsemax\"", "model.generator_output")]
    public void Parse_BadCondGanOption_NamesField(string model, string field)
    {
        var json = Valid.Replace("\"kind\": \"matgan\", \"network\": \"mlp\"", model);

        var act = () => ExperimentConfigSerializer.Parse(json, "cond.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain(field);
    }

    [Fact]
    public void Parse_CondVaeSparsemax_IsAccepted()
    {
        var json = Valid.Replace("\"kind\": \"matgan\", \"network\": \"mlp\"", "\"kind\": \"condvae\", \"target_property\": \"band_gap\", \"generator_output\": \"sparsemax\"");

        ExperimentConfigSerializer.Parse(json, "vae.json").Model.GeneratorOutput.Should().Be(GeneratorOutputs.Sparsemax);
    }

    [Theory]
    [InlineData(ModelKinds.CondVae, GeneratorOutputs.Softmax)]
    [InlineData(ModelKinds.CondGan, GeneratorOutputs.Sigmoid)]
    [InlineData(ModelKinds.MatGan, GeneratorOutputs.Sigmoid)]
    public void Resolve_NoGeneratorOutput_GivesTheOutputTheModelUses(string kind, string output) =>
        ModelDefaults.Resolve(new ModelConfig { Kind = kind }).GeneratorOutput.Should().Be(output);

    [Fact]
    public void ParseMatGan_ConditionalOutput_ThrowsNamingTheChoices()
    {
        var act = () => GeneratorOutputs.ParseMatGan(GeneratorOutputs.Softmax);

        act.Should().Throw<ArgumentException>().WithMessage("*'softmax'*sigmoid, row-sparsemax*");
    }

    [Fact]
    public void Parse_MlpMatGanRowSparsemax_IsAccepted()
    {
        var json = Valid.Replace("\"network\": \"mlp\"", "\"network\": \"mlp\", \"generator_output\": \"row-sparsemax\"");

        var config = ExperimentConfigSerializer.Parse(json, "rows.json");

        config.Model.GeneratorOutput.Should().Be("row-sparsemax");
        ModelDefaults.Resolve(config.Model).GeneratorOutput.Should().Be(GeneratorOutputs.RowSparsemax);
    }

    [Fact]
    public void Load_BundledExperiments_AllParse()
    {
        var folder = Path.Combine(GenerativeTestData.DataFolder, "..", "experiments");
        var prefixes = new[] { "matgan-", "autoencoder-", "condgan-", "condvae-" };
        var files = Directory.GetFiles(folder, "*.json").Where(f => prefixes.Any(Path.GetFileName(f).StartsWith)).ToList();

        // Other sessions add configs; the count only guards against the glob finding too few.
        files.Count.Should().BeGreaterThanOrEqualTo(28);
        files.Select(Path.GetFileNameWithoutExtension).Should().Contain(
            ["matgan-mp", "matgan-icsd-filter", "matgan-bandgap", "matgan-icsd-filter-v2", "matgan-bandgap-v2", "matgan-icsd-filter-v3", "matgan-bandgap-v3", "matgan-bandgap-v4"]);
        foreach (var file in files)
        {
            ExperimentConfigSerializer.Load(file).Training.Steps.Should().BePositive(file);
        }
    }

    [Fact]
    public void ToCanonicalJson_CriticNormalization_OmittedWhenUnsetAndWrittenWhenSet()
    {
        var config = ExperimentConfigSerializer.Parse(Valid.Replace("\"network\": \"mlp\"", "\"network\": \"matgan-mp\""), "a.json");
        var layer = ExperimentConfigSerializer.Parse(
            Valid.Replace("\"network\": \"mlp\"", "\"network\": \"matgan-mp\", \"critic_normalization\": \"layer\""), "b.json");

        ExperimentConfigSerializer.ToCanonicalJson(config).Should().NotContain("critic_normalization");
        ExperimentConfigSerializer.ToCanonicalJson(layer).Should().Contain("\"critic_normalization\":\"layer\"");
        ExperimentConfigSerializer.Hash(layer).Should().NotBe(ExperimentConfigSerializer.Hash(config));
    }

    [Theory]
    [InlineData("\"kind\": \"matgan\", \"network\": \"matgan-mp\", \"critic_normalization\": \"group\"")]
    [InlineData("\"kind\": \"matgan\", \"network\": \"mlp\", \"critic_normalization\": \"none\"")]
    [InlineData("\"kind\": \"autoencoder\", \"network\": \"matgan-mp\", \"critic_normalization\": \"layer\"")]
    public void Parse_BadCriticNormalization_NamesField(string model)
    {
        var json = Valid.Replace("\"kind\": \"matgan\", \"network\": \"mlp\"", model);

        var act = () => ExperimentConfigSerializer.Parse(json, "norm.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain("model.critic_normalization");
    }

    [Fact]
    public void ToCanonicalJson_GeneratorEmaDecay_OmittedWhenUnsetAndWrittenWhenSet()
    {
        var config = ExperimentConfigSerializer.Parse(Valid, "a.json");
        var averaged = ExperimentConfigSerializer.Parse(
            Valid.Replace("\"network\": \"mlp\"", "\"network\": \"mlp\", \"generator_ema_decay\": 0.999"), "b.json");

        ExperimentConfigSerializer.ToCanonicalJson(config).Should().NotContain("generator_ema_decay");
        ExperimentConfigSerializer.ToCanonicalJson(averaged).Should().Contain("\"generator_ema_decay\":0.999");
        ModelDefaults.Resolve(averaged.Model).GeneratorEmaDecay.Should().Be(0.999f);
        ModelDefaults.Resolve(config.Model).GeneratorEmaDecay.Should().BeNull();
    }

    [Theory]
    [InlineData("\"kind\": \"matgan\", \"network\": \"mlp\", \"generator_ema_decay\": 1")]
    [InlineData("\"kind\": \"matgan\", \"network\": \"mlp\", \"generator_ema_decay\": 0")]
    [InlineData("\"kind\": \"matgan\", \"network\": \"mlp\", \"generator_ema_decay\": -0.5")]
    [InlineData("\"kind\": \"autoencoder\", \"network\": \"mlp\", \"generator_ema_decay\": 0.9")]
    public void Parse_BadGeneratorEmaDecay_NamesField(string model)
    {
        var json = Valid.Replace("\"kind\": \"matgan\", \"network\": \"mlp\"", model);

        var act = () => ExperimentConfigSerializer.Parse(json, "ema.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain("model.generator_ema_decay");
    }

    [Fact]
    public void ToCanonicalJson_SelectBy_OmittedWhenUnsetAndWrittenWhenSet()
    {
        var config = ExperimentConfigSerializer.Parse(Valid, "a.json");
        var selecting = ExperimentConfigSerializer.Parse(
            Valid.Replace("\"batch_size\": 8", "\"batch_size\": 8, \"select_by\": \"valid_unique\", \"selection_samples\": 5000"), "b.json");

        ExperimentConfigSerializer.ToCanonicalJson(config).Should().NotContain("select").And.NotContain("selection_samples");
        ExperimentConfigSerializer.ToCanonicalJson(selecting).Should().Contain("\"select_by\":\"valid_unique\"").And.Contain("\"selection_samples\":5000");
        selecting.Training.SelectionSamples.Should().Be(5000);
    }

    [Theory]
    [InlineData("\"select_by\": \"validity\"", "training.select_by")]
    [InlineData("\"selection_samples\": 100", "training.selection_samples")]
    [InlineData("\"select_by\": \"valid_unique\", \"selection_samples\": 0", "training.selection_samples")]
    public void Parse_BadSelection_NamesField(string fields, string field)
    {
        var json = Valid.Replace("\"batch_size\": 8", "\"batch_size\": 8, " + fields);

        var act = () => ExperimentConfigSerializer.Parse(json, "select.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain(field);
    }
}
