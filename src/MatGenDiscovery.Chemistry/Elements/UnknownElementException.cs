namespace MatGenDiscovery.Chemistry.Elements;

/// <summary>A symbol that names no element.</summary>
public sealed class UnknownElementException(string symbol)
    : ChemistryException($"unknown element symbol '{symbol}'")
{
    public string Symbol { get; } = symbol;
}
