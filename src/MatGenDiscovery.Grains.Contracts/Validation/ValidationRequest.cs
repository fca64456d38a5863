namespace MatGenDiscovery.Grains.Contracts.Validation;

public sealed record ValidationRequest(int Round, IReadOnlyList<string> Formulas);
