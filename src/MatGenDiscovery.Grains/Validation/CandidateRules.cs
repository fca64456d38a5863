using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Grains.Contracts.Campaigns;

namespace MatGenDiscovery.Grains.Validation;

/// <summary>The chemistry rules of a campaign's constraints, checked in a fixed order; the first failure names the rejection.</summary>
public sealed class CandidateRules
{
    private readonly ConstraintConfig _constraints;
    private readonly Element[] _required;
    private readonly HashSet<Element> _forbidden;
    private readonly SmactValidator _validator;

    /// <exception cref="UnknownElementException">A required or forbidden symbol is not an element.</exception>
    /// <exception cref="ArgumentException">The oxidation-state set name is unknown.</exception>
    public CandidateRules(ConstraintConfig constraints)
    {
        _constraints = constraints;
        _required = constraints.RequiredElements.Select(ElementTable.Default.Get).ToArray();
        _forbidden = constraints.ForbiddenElements.Select(ElementTable.Default.Get).ToHashSet();
        _validator = new SmactValidator(new ValidityOptions
        {
            OxidationStates = OxidationStateSets.Parse(constraints.Validity.OxidationStates),
            IncludeAlloys = constraints.Validity.IncludeAlloys,
        });
    }

    /// <returns>Null when the composition passes, else the first rule it fails.</returns>
    public string? Check(Composition composition)
    {
        if (composition.Arity > _constraints.MaxArity)
        {
            return $"arity {composition.Arity} exceeds {_constraints.MaxArity}";
        }

        foreach (var element in _required)
        {
            if (composition.Amount(element) <= 0)
            {
                return $"lacks required {element.Symbol}";
            }
        }

        foreach (var element in composition.Elements)
        {
            if (_forbidden.Contains(element))
            {
                return $"contains forbidden {element.Symbol}";
            }
        }

        var validity = _validator.Check(composition);
        if (_constraints.Validity.RequireChargeNeutral && !validity.ChargeNeutral)
        {
            return "not charge-neutral";
        }

        if (_constraints.Validity.RequireElectronegativityBalance && !validity.ElectronegativityBalanced)
        {
            return "not electronegativity-balanced";
        }

        return null;
    }
}
