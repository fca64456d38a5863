using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Featurization;

namespace MatGenDiscovery.Models.Tests.Featurization;

public class MagpieFeaturizerTests
{
    private static readonly MagpieFeaturizer Featurizer = new(MagpieElementTable.FromElements(ElementTable.Default));

    private static Dictionary<string, double> Features(params (string Symbol, double Amount)[] composition)
    {
        var z = composition.Select(c => ElementTable.Default.Get(c.Symbol).AtomicNumber).ToArray();
        var amounts = composition.Select(c => c.Amount).ToArray();
        var destination = new double[MagpieFeatureNames.Count];
        Featurizer.Featurize(z, amounts, destination);
        return MagpieFeatureNames.All.Zip(destination).ToDictionary(p => p.First, p => p.Second);
    }

    private static double Magpie(string symbol, string property) => ElementTable.Default.Get(symbol).Magpie(property)!.Value;

    [Fact]
    public void Featurize_Fe2O3_MatchesMatminerTestValues()
    {
        // Values asserted by matminer's own test suite (test_composite, test_element, test_orbital, test_ion).
        var f = Features(("Fe", 2), ("O", 3));

        f["MagpieData minimum Number"].Should().Be(8);
        f["MagpieData maximum Number"].Should().Be(26);
        f["MagpieData range Number"].Should().Be(18);
        f["MagpieData mean Number"].Should().BeApproximately(15.2, 1e-12);
        f["MagpieData avg_dev Number"].Should().BeApproximately(8.64, 1e-12);
        f["MagpieData mode Number"].Should().Be(8);
        f["0-norm"].Should().Be(2);
        f["7-norm"].Should().BeApproximately(0.604895199, 1e-9);
        f["frac s valence electrons"].Should().BeApproximately(0.294117647, 1e-9);
        f["frac p valence electrons"].Should().BeApproximately(0.352941176, 1e-9);
        f["frac d valence electrons"].Should().BeApproximately(0.352941176, 1e-9);
        f["frac f valence electrons"].Should().Be(0);
        f["compound possible"].Should().Be(1);
        f["max ionic char"].Should().BeApproximately(0.476922164, 1e-9);
        f["avg ionic char"].Should().BeApproximately(0.114461319, 1e-9);
    }

    [Fact]
    public void Featurize_Fe3O4_FastOxidationGuessMissesMixedValence()
    {
        Features(("Fe", 3), ("O", 4))["compound possible"].Should().Be(0);
    }

    [Fact]
    public void Featurize_LiFePO4_StatisticsMatchHandComputation()
    {
        var f = Features(("Li", 1), ("Fe", 1), ("P", 1), ("O", 4));
        var weights = new[] { 1.0, 1, 1, 4 };
        var symbols = new[] { "Li", "Fe", "P", "O" };
        var melting = symbols.Select(s => Magpie(s, "MeltingT")).ToArray();
        var mean = melting.Zip(weights, (v, w) => v * w).Sum() / 7;
        var avgDev = melting.Zip(weights, (v, w) => Math.Abs(v - mean) * w).Sum() / 7;

        f["MagpieData mean MeltingT"].Should().BeApproximately(mean, 1e-9);
        f["MagpieData avg_dev MeltingT"].Should().BeApproximately(avgDev, 1e-9);
        f["MagpieData minimum MeltingT"].Should().Be(melting.Min());
        f["MagpieData range MeltingT"].Should().BeApproximately(melting.Max() - melting.Min(), 1e-9);
        f["MagpieData mode MeltingT"].Should().Be(Magpie("O", "MeltingT"), "O has the largest amount");
        f["2-norm"].Should().BeApproximately(Math.Sqrt(3.0 / 49 + 16.0 / 49), 1e-12);
        f["10-norm"].Should().BeApproximately(Math.Pow(3 * Math.Pow(1.0 / 7, 10) + Math.Pow(4.0 / 7, 10), 0.1), 1e-12);
        f["compound possible"].Should().Be(1, "Li+ Fe2+ P5+ 4 O2- is neutral");
    }

    [Fact]
    public void Featurize_NaCl_TieModeTakesSmallerValueAndIonicCharFromPymatgenX()
    {
        var f = Features(("Na", 1), ("Cl", 1));
        var xNa = ElementTable.Default.Get("Na").PymatgenElectronegativity!.Value;
        var xCl = ElementTable.Default.Get("Cl").PymatgenElectronegativity!.Value;
        var ionic = 1 - Math.Exp(-(xNa - xCl) * (xNa - xCl) / 4);

        f["MagpieData mode Number"].Should().Be(11);
        f["MagpieData mode Electronegativity"].Should().Be(Math.Min(Magpie("Na", "Electronegativity"), Magpie("Cl", "Electronegativity")));
        f["MagpieData mean CovalentRadius"].Should().BeApproximately((Magpie("Na", "CovalentRadius") + Magpie("Cl", "CovalentRadius")) / 2, 1e-12);
        f["max ionic char"].Should().BeApproximately(ionic, 1e-12);
        f["avg ionic char"].Should().BeApproximately(0.25 * ionic, 1e-12);
        f["compound possible"].Should().Be(1);
    }

    [Fact]
    public void Featurize_ScaledAmounts_GiveSameFeatures()
    {
        var a = Features(("Fe", 2), ("O", 3));
        var b = Features(("Fe", 0.4), ("O", 0.6));

        foreach (var name in MagpieFeatureNames.All)
        {
            b[name].Should().BeApproximately(a[name], 1e-9, name);
        }
    }

    [Fact]
    public void Featurize_SingleElement_IonFeaturesAreMatminerDefaults()
    {
        var f = Features(("Cu", 1));

        f["compound possible"].Should().Be(1);
        f["max ionic char"].Should().Be(0);
        f["avg ionic char"].Should().Be(0);
        f["MagpieData avg_dev Number"].Should().Be(0);
        f["0-norm"].Should().Be(1);
    }

    [Fact]
    public void Featurize_NobleGasWithoutMagpieElectronegativity_PropagatesNaNButImputesPymatgenX()
    {
        var f = Features(("Xe", 1), ("He", 1));

        f["MagpieData mean Electronegativity"].Should().Be(double.NaN);
        f["MagpieData minimum Electronegativity"].Should().Be(double.NaN);
        f["MagpieData mean Number"].Should().Be(28);
        f["max ionic char"].Should().BeGreaterThan(0).And.BeLessThan(1);
        f["compound possible"].Should().Be(0, "He has no common oxidation state");
    }

    [Fact]
    public void ImputedElectronegativity_IsMeanOfPymatgenX()
    {
        Featurizer.Table.ImputedElectronegativity.Should().BeApproximately(1.713, 5e-4);
    }

    [Fact]
    public void Featurize_BadInput_ThrowsArgumentException()
    {
        var destination = new double[145];

        FluentActions.Invoking(() => Featurizer.Featurize([26], [2.0, 3.0], destination)).Should().Throw<ArgumentException>().WithMessage("*1 atomic numbers but 2 amounts*");
        FluentActions.Invoking(() => Featurizer.Featurize([200], [1.0], destination)).Should().Throw<ArgumentException>().WithMessage("*200*outside*");
        FluentActions.Invoking(() => Featurizer.Featurize([26], [-1.0], destination)).Should().Throw<ArgumentException>().WithMessage("*-1*positive*");
        FluentActions.Invoking(() => Featurizer.Featurize([26], [1.0], new double[10])).Should().Throw<ArgumentException>().WithMessage("*145*");
        FluentActions.Invoking(() => Featurizer.Featurize([], [], destination)).Should().Throw<ArgumentException>().WithMessage("*empty*");
    }
}
