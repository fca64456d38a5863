using System.Security.Cryptography;
using System.Text.Json;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Grains.Chemistry;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Grains.Datasets;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Validation;

/// <summary>
/// Screens candidates by the campaign's <see cref="CandidateRules"/>, the optional autoencoder decodability test, and
/// scores those that pass with every <see cref="CalibratedPredictor"/>. Models live in memory and are rebuilt from the
/// spec after reactivation (deterministic); the stored state records the spec hash and the labels.
/// </summary>
public sealed class ValidatorGrain(DatasetProvider datasets) : Grain<ValidatorState>, IValidatorGrain
{
    private string? _configuredHash;
    private CandidateRules? _rules;
    private CountMatrixAutoencoder? _autoencoder;
    private List<CalibratedPredictor> _predictors = [];

    public async Task ConfigureAsync(ValidatorSpec spec)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(spec, GrainJson.Options)));
        if (hash == _configuredHash)
        {
            return;
        }

        _rules = new CandidateRules(spec.Constraints);
        _autoencoder = spec.Constraints.AutoencoderCheckpoint is { } path ? LoadAutoencoder(path) : null;
        _predictors = spec.Predictors
            .Select(p => CalibratedPredictor.Train(p, datasets.Get(p.Dataset), spec.Seed))
            .ToList();
        _configuredHash = hash;
        if (State.SpecHash != hash)
        {
            State.SpecHash = hash;
            State.PredictorRows = _predictors.ToDictionary(p => p.Property, p => p.TrainingRows);
            State.Labels = [];
            await WriteStateAsync();
        }

        ApplyLabels();
    }

    public Task<ValidationReport> ValidateAsync(ValidationRequest request)
    {
        var rules = _rules ?? throw new InvalidOperationException($"validator {GrainId} is not configured: call ConfigureAsync first");
        var compositions = request.Formulas.Select(Composition.Parse).ToList();
        var rejections = compositions.Select(rules.Check).ToArray();
        if (_autoencoder is { } autoencoder)
        {
            var open = Enumerable.Range(0, compositions.Count).Where(i => rejections[i] is null).ToList();
            var flags = autoencoder.DecodableFlags(open.Select(i => compositions[i]).ToList());
            for (var k = 0; k < open.Count; k++)
            {
                if (!flags[k])
                {
                    rejections[open[k]] = "not decodable by the autoencoder";
                }
            }
        }

        var passed = Enumerable.Range(0, compositions.Count).Where(i => rejections[i] is null).ToList();
        var passedCompositions = passed.Select(i => compositions[i]).ToList();
        var predictions = _predictors.Select(p => (p.Property, Values: p.Predict(passedCompositions))).ToList();
        var slot = passed.Select((index, k) => (index, k)).ToDictionary(p => p.index, p => p.k);
        var candidates = new ValidatedCandidate[compositions.Count];
        for (var i = 0; i < compositions.Count; i++)
        {
            var composition = compositions[i];
            IReadOnlyList<PropertyPrediction> values = slot.TryGetValue(i, out var k)
                ? predictions.Select(p => new PropertyPrediction(p.Property, p.Values.Mean[k], p.Values.Std[k])).ToList()
                : [];
            candidates[i] = new ValidatedCandidate(
                composition.ReducedFormula, ChemicalSystem.Of(composition), rejections[i] is null, rejections[i], values);
        }

        return Task.FromResult(new ValidationReport(request.Round, candidates));
    }

    public async Task RefitAsync(IReadOnlyList<RevealedLabel> labels)
    {
        State.Labels = labels.ToList();
        await WriteStateAsync();
        ApplyLabels();
    }

    private void ApplyLabels()
    {
        foreach (var predictor in _predictors)
        {
            predictor.Refit(State.Labels
                .Where(l => l.Property == predictor.Property)
                .Select(l => (Composition.Parse(l.Formula), l.Value))
                .ToList());
        }
    }

    private static CountMatrixAutoencoder LoadAutoencoder(string path) =>
        ModelCheckpoint.Load(path).Model as CountMatrixAutoencoder
        ?? throw new InvalidDataException($"autoencoder checkpoint '{path}' holds a different model kind; expected an autoencoder");
}
