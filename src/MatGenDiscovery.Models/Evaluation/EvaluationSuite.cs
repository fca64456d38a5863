namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Runs every metric on a generated set against an <see cref="EvaluationContext"/>. Set metrics (novelty, recovery,
/// arity, enrichment, confirmation) and validity use distinct reduced compositions; uniqueness sees the samples in
/// generation order (through each row's first sample index when the file is compact).
/// </summary>
public static class EvaluationSuite
{
    /// <param name="inputs">The header of the report; its counts are filled in here.</param>
    public static EvaluationReport Evaluate(
        GeneratedSamples samples, EvaluationContext context, EvaluationOptions options, EvaluationInputs inputs)
    {
        context.Validate();
        var generated = new CompositionSet(samples.Compositions);
        var training = new CompositionSet(context.Training);
        var leaveOut = new CompositionSet(context.LeaveOut);
        var trainingIndex = context.Training.Count > 0 ? new NearestCompositionIndex(context.Training) : null;
        var conditional = samples.HasTargets && trainingIndex is not null && context.TrainingTargets.Count == context.Training.Count
            ? ConditionalMetrics.Compute(samples.Compositions, samples.Targets, trainingIndex, context.TrainingTargets)
            : null;
        var repair = options.RepairSamples > 0
            ? RepairEvaluation.Compute(
                samples.Compositions.Take(options.RepairSamples).ToArray(),
                samples.Targets.Take(options.RepairSamples).ToArray(),
                options.Repair, options.Seed, trainingIndex, context.TrainingTargets)
            : null;
        return new EvaluationReport(
            inputs with
            {
                Samples = samples.Drawn,
                Undecoded = samples.Undecoded,
                Unparsable = samples.Unparsable,
                UnparsableExamples = samples.UnparsableExamples,
                UniqueSamples = generated.Count,
                TrainingSize = training.Count,
                LeaveOutSize = leaveOut.Count,
            },
            ValidityGrid.Compute(samples.Compositions, context.Training, options.OxidationStates),
            UniquenessCurve.Compute(samples),
            Novelty.Compute(generated, training),
            Recovery.Compute(training, leaveOut, generated),
            ArityDistribution.Compute(generated, training),
            options.EnrichmentArities
                .Select(arity => Enrichment.Compute(
                    generated, arity, options.EnrichmentMaxCount, options.EnrichmentElementSetName, options.EnrichmentElements))
                .ToArray(),
            conditional,
            context.ReferenceDatabases
                .Select(db => CrossDatabaseConfirmation.Compute(generated, training, db.Name, new CompositionSet(db.Compositions), options.MaxExamples))
                .ToArray(),
            repair);
    }
}
