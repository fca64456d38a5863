using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;

namespace MatGenDiscovery.Models.Tests.Generative.Conditional;

public class CriticConditioningsTests
{
    private static string Config(string model) => $$"""
        {
          "name": "t", "seed": 3,
          "model": { {{model}} },
          "data": { "dataset": "compgan" },
          "training": { "steps": 10, "batch_size": 8 }
        }
        """;

    [Theory]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"formation_energy_per_atom\", \"critic_conditioning\": \"hinge\"", "'hinge'")]
    [InlineData("\"kind\": \"condvae\", \"target_property\": \"formation_energy_per_atom\", \"critic_conditioning\": \"projection\"", "condvae")]
    [InlineData("\"kind\": \"matgan\", \"critic_conditioning\": \"concat\"", "matgan")]
    public void Parse_BadCriticConditioning_NamesFieldAndValue(string model, string named)
    {
        var act = () => ExperimentConfigSerializer.Parse(Config(model), "cond.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain("model.critic_conditioning").And.Contain(named);
    }

    [Theory]
    [InlineData("\"kind\": \"condgan\", \"target_property\": \"formation_energy_per_atom\", \"property_regressor_steps\": 0")]
    [InlineData("\"kind\": \"condvae\", \"target_property\": \"formation_energy_per_atom\", \"property_regressor_steps\": 100")]
    public void Parse_BadPropertyRegressorSteps_NamesField(string model)
    {
        var act = () => ExperimentConfigSerializer.Parse(Config(model), "cond.json");

        act.Should().Throw<ExperimentConfigException>().Which.Message.Should().Contain("model.property_regressor_steps");
    }

    [Theory]
    [InlineData(CriticConditionings.Projection)]
    [InlineData(CriticConditionings.Concat)]
    public void Parse_CriticConditioning_ResolvesAndWritesTheField(string conditioning)
    {
        var config = ExperimentConfigSerializer.Parse(
            Config($"\"kind\": \"condgan\", \"target_property\": \"formation_energy_per_atom\", \"critic_conditioning\": \"{conditioning}\""), "c.json");

        ModelDefaults.Resolve(config.Model).CriticConditioning.Should().Be(conditioning);
        ExperimentConfigSerializer.ToCanonicalJson(config).Should().Contain($"\"critic_conditioning\":\"{conditioning}\"");
    }

    [Fact]
    public void ToCanonicalJson_Unset_OmitsTheFieldSoOldHashesHold()
    {
        var config = ExperimentConfigSerializer.Parse(Config("\"kind\": \"condgan\", \"target_property\": \"formation_energy_per_atom\""), "c.json");

        ExperimentConfigSerializer.ToCanonicalJson(config).Should().NotContain("critic_conditioning").And.NotContain("property_regressor");
        ModelDefaults.Resolve(config.Model).CriticConditioning.Should().BeNull();
    }
}
