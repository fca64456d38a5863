namespace MatGenDiscovery.Models.Evaluation;

/// <summary>One repaired sample for the report: formulas before and after, and the valence errors.</summary>
public sealed record RepairExample(string Before, string After, double? ValenceErrorBefore, double? ValenceErrorAfter);
