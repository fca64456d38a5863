namespace MatGenDiscovery.Chemistry;

/// <summary>Base type of every error the chemistry core raises for bad input.</summary>
public class ChemistryException(string message) : Exception(message);
