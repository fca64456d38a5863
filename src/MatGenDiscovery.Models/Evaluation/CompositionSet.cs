using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Distinct reduced compositions in first-occurrence order, with O(1) membership by <see cref="CompositionKey"/>.</summary>
public sealed class CompositionSet
{
    private readonly HashSet<CompositionKey> _keys = [];
    private readonly List<Composition> _items = [];

    public CompositionSet(IEnumerable<Composition> compositions)
    {
        foreach (var composition in compositions)
        {
            if (_keys.Add(composition.Key))
            {
                _items.Add(composition);
            }
        }
    }

    public IReadOnlyList<Composition> Items => _items;

    public int Count => _items.Count;

    public bool Contains(Composition composition) => _keys.Contains(composition.Key);
}
