using MatGenDiscovery.Grains.Campaigns;
using MatGenDiscovery.Grains.Tests.Support;

namespace MatGenDiscovery.Grains.Tests.Campaigns;

public sealed class CampaignConfigSerializerTests
{
    private const string Valid = """
        {
          "name": "t", "seed": 1, "training_dataset": "mp",
          "targets": [ { "property": "band_gap", "mode": "range", "min": 1.5, "max": 2.0 } ],
          "constraints": { "required_elements": ["O"], "forbidden_elements": ["Pb"], "max_arity": 4 },
          "generators": [ { "name": "rnd", "kind": "random" } ],
          "predictors": [ { "property": "band_gap", "dataset": "mp" } ],
          "budget": { "rounds": 2, "experiments_per_round": 5 },
          "acquisition": { "kind": "ei" },
          "oracle": { "dataset": "oqmd", "confirmation_datasets": ["icsd"] }
        }
        """;

    [Fact]
    public void Parse_ValidConfig_ReadsFieldsAndHashIsStable()
    {
        var config = CampaignConfigSerializer.Parse(Valid, "t.json");

        config.Targets[0].Max.Should().Be(2.0);
        config.Constraints.ForbiddenElements.Should().Equal("Pb");
        config.Acquisition.Kind.Should().Be("ei");
        var again = CampaignConfigSerializer.Parse(CampaignConfigSerializer.ToIndentedJson(config), "again");
        CampaignConfigSerializer.Hash(again).Should().Be(CampaignConfigSerializer.Hash(config));
    }

    [Fact]
    public void Parse_UnknownElementInConstraint_NamesElementAndField()
    {
        var act = () => CampaignConfigSerializer.Parse(Valid.Replace("\"Pb\"", "\"Xx\""), "t.json");

        act.Should().Throw<CampaignConfigException>().WithMessage("*t.json*constraints.forbidden_elements*unknown element 'Xx'*");
    }

    [Fact]
    public void Parse_BadAcquisitionName_ListsTheKnownOnes()
    {
        var act = () => CampaignConfigSerializer.Parse(Valid.Replace("\"ei\"", "\"thompson\""), "t.json");

        act.Should().Throw<CampaignConfigException>().WithMessage("*acquisition.kind*'thompson'*ei, ucb, greedy, random*");
    }

    [Fact]
    public void Parse_MissingRequiredField_NamesIt()
    {
        var act = () => CampaignConfigSerializer.Parse(Valid.Replace("\"seed\": 1,", ""), "t.json");

        act.Should().Throw<CampaignConfigException>().WithMessage("*t.json*seed*");
    }

    [Fact]
    public void Parse_UnknownField_IsRejected()
    {
        var act = () => CampaignConfigSerializer.Parse(Valid.Replace("\"seed\": 1,", "\"seed\": 1, \"sede\": 2,"), "t.json");

        act.Should().Throw<CampaignConfigException>().WithMessage("*sede*");
    }

    [Fact]
    public void Parse_OracleEqualsTrainingDataset_IsRejected()
    {
        var act = () => CampaignConfigSerializer.Parse(Valid.Replace("\"dataset\": \"oqmd\"", "\"dataset\": \"mp\""), "t.json");

        act.Should().Throw<CampaignConfigException>().WithMessage("*oracle.dataset*not trained on*");
    }

    [Fact]
    public void Parse_TargetWithoutPredictor_IsRejected()
    {
        var act = () => CampaignConfigSerializer.Parse(Valid.Replace("\"property\": \"band_gap\", \"dataset\"", "\"property\": \"formation_energy_per_atom\", \"dataset\""), "t.json");

        act.Should().Throw<CampaignConfigException>().WithMessage("*band_gap*no predictor*");
    }

    [Fact]
    public void Load_ExperimentFile_IsInlinedRelativeToConfig()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "exp.json"), """
            { "name": "e", "seed": 3, "model": { "kind": "matgan", "network": "mlp" }, "data": { "dataset": "mp" }, "training": { "steps": 5, "batch_size": 8 } }
            """);
        var path = Path.Combine(folder.Path, "c.json");
        File.WriteAllText(path, Valid.Replace("{ \"name\": \"rnd\", \"kind\": \"random\" }", "{ \"name\": \"gan\", \"kind\": \"model\", \"experiment_file\": \"exp.json\" }"));

        var config = CampaignConfigSerializer.Load(path);

        config.Generators[0].ExperimentFile.Should().BeNull();
        config.Generators[0].Experiment!.Value.GetProperty("seed").GetInt32().Should().Be(3);
    }
}
