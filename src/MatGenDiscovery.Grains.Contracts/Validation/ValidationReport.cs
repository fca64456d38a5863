namespace MatGenDiscovery.Grains.Contracts.Validation;

/// <param name="Candidates">One entry per requested formula, in request order.</param>
public sealed record ValidationReport(int Round, IReadOnlyList<ValidatedCandidate> Candidates);
