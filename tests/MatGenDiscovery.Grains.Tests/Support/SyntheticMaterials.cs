using System.Globalization;
using System.Text;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Grains.Tests.Support;

/// <summary>
/// A small, fully enumerated composition space (binaries and ternaries of <see cref="Elements"/>, counts 1–3) with
/// smooth synthetic properties, written under the catalogue's file names: the "MP" training table holds every
/// other composition, the "OQMD" oracle all of them (with an offset, as real databases disagree), "ICSD" every third.
/// </summary>
public static class SyntheticMaterials
{
    public static readonly string[] Elements = ["Li", "Na", "K", "Mg", "Ca", "Al", "O", "S", "F", "Cl"];

    public static IReadOnlyList<string> Forbidden { get; } =
        ElementSets.MatGan85.Select(e => e.Symbol).Except(Elements).ToList();

    public static IReadOnlyList<Composition> All { get; } = Enumerate();

    public static double BandGap(Composition c)
    {
        var chi = c.Elements.Select(e => e.PymatgenElectronegativity ?? 1.0).ToArray();
        return 1.5 * (chi.Max() - chi.Min()) + 0.2 * c.Arity;
    }

    public static double FormationEnergy(Composition c) => -0.8 * BandGap(c) + 0.1 * c.TotalAtoms / 10.0;

    public static string Write(string folder)
    {
        var mp = new StringBuilder("material_id,formula,formation_energy_per_atom,band_gap\n");
        var oqmd = new StringBuilder("formula,formation_enthalpy,band_gap,energy_per_atom,volume_per_atom\n");
        var icsd = new StringBuilder("formula\n");
        for (var i = 0; i < All.Count; i++)
        {
            var c = All[i];
            if (i % 2 == 0)
            {
                mp.Append(CultureInfo.InvariantCulture, $"mp-{i},{c.ReducedFormula},{FormationEnergy(c):R},{BandGap(c):R}\n");
            }

            oqmd.Append(CultureInfo.InvariantCulture, $"{c.ReducedFormula},{FormationEnergy(c) + 0.05:R},{BandGap(c) + 0.1:R},-3,20\n");
            if (i % 3 == 0)
            {
                icsd.Append(c.ReducedFormula).Append('\n');
            }
        }

        File.WriteAllText(Path.Combine(folder, "mp_roost_formation_energy_band_gap.csv"), mp.ToString());
        File.WriteAllText(Path.Combine(folder, "oqmd_crabnet_compositions.csv.gz"), oqmd.ToString());
        File.WriteAllText(Path.Combine(folder, "icsd_tagged_mp_formulas_synthnn.csv"), icsd.ToString());
        return folder;
    }

    private static List<Composition> Enumerate()
    {
        var elements = Elements.Select(ElementTable.Default.Get).ToArray();
        var seen = new HashSet<Composition>();
        var result = new List<Composition>();
        for (var a = 0; a < elements.Length; a++)
        {
            for (var b = a + 1; b < elements.Length; b++)
            {
                for (var c = b; c < elements.Length; c++)
                {
                    foreach (var counts in Counts(c == b ? 2 : 3))
                    {
                        var pairs = new List<(Element, int)> { (elements[a], counts[0]), (elements[b], counts[1]) };
                        if (c != b)
                        {
                            pairs.Add((elements[c], counts[2]));
                        }

                        var composition = Composition.FromCounts(pairs).Reduced();
                        if (seen.Add(composition))
                        {
                            result.Add(composition);
                        }
                    }
                }
            }
        }

        return result;
    }

    private static IEnumerable<int[]> Counts(int arity)
    {
        var total = (int)Math.Pow(3, arity);
        for (var k = 0; k < total; k++)
        {
            var counts = new int[arity];
            var rest = k;
            for (var i = 0; i < arity; i++)
            {
                counts[i] = rest % 3 + 1;
                rest /= 3;
            }

            yield return counts;
        }
    }
}
