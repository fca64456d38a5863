namespace MatGenDiscovery.Chemistry.Formulas;

/// <summary>A formula string that cannot be read. <see cref="Position"/> is the 0-based index of the offending character.</summary>
public sealed class FormulaParseException(string formula, int position, string reason)
    : ChemistryException($"cannot parse formula '{formula}' at position {position}: {reason}")
{
    public string Formula { get; } = formula;

    public int Position { get; } = position;

    /// <summary>What is wrong, without the formula and position.</summary>
    public string Reason { get; } = reason;
}
