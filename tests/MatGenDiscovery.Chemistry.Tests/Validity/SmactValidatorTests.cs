using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Chemistry.Tests.Validity;

public class SmactValidatorTests
{
    private static readonly ValidityResult Passed = new(ChargeNeutral: true, ElectronegativityBalanced: true);
    private static readonly ValidityResult Failed = new(ChargeNeutral: false, ElectronegativityBalanced: false);

    private static readonly SmactValidator Smact14 = new();

    private static ValidityResult Check(string formula, OxidationStateSet set = OxidationStateSet.Smact14, bool alloys = false, bool unreduced = false) =>
        new SmactValidator(new ValidityOptions { OxidationStates = set, IncludeAlloys = alloys, Unreduced = unreduced })
            .Check(Composition.Parse(formula));

    [Theory]
    [InlineData("NaCl")]
    [InlineData("Fe2O3")]
    [InlineData("TiO2")]
    [InlineData("LiH")]
    [InlineData("Li9NO3")]
    [InlineData("K4Mn4O8")]
    public void Check_OrdinaryIonicCompounds_AreNeutralAndBalanced(string formula)
    {
        Check(formula).Should().Be(Passed);
    }

    [Fact]
    public void Check_Fe3O4_IsNotNeutralBecauseSmactGivesEachElementOneStateNoMixedValence()
    {
        foreach (var set in new[] { OxidationStateSet.Smact14, OxidationStateSet.Icsd16, OxidationStateSet.Icsd24, OxidationStateSet.Pymatgen })
        {
            Check("Fe3O4", set).Should().Be(Failed, $"set {set}");
        }
    }

    [Theory]
    [InlineData(OxidationStateSet.Smact14)]
    [InlineData(OxidationStateSet.Icsd24)]
    public void Check_CsAu_IsValidBecauseAuMinusOneIsAnAnionMoreElectronegativeThanCs(OxidationStateSet set)
    {
        Check("CsAu", set).Should().Be(Passed);
    }

    [Fact]
    public void Check_CsAu_IsInvalidInPymatgenSetWhichHasNoAuride()
    {
        ElementTable.Default.Get("Au").OxidationStates(OxidationStateSet.Pymatgen).Should().NotContain(-1);
        Check("CsAu", OxidationStateSet.Pymatgen).Should().Be(Failed);
    }

    [Theory]
    [InlineData(OxidationStateSet.Smact14)]
    [InlineData(OxidationStateSet.Icsd24)]
    public void Check_NaN_IsSodiumNitrideWithNMinusOneAndIsValid(OxidationStateSet set)
    {
        Check("NaN", set).Should().Be(Passed);
    }

    [Fact]
    public void Check_Ti2O4_PassesReducedButFailsUnreducedBecauseNeutralRatiosRequireGcdOne()
    {
        Check("Ti2O4").Should().Be(Passed);
        Check("Ti2O4", unreduced: true).Should().Be(Failed);
        Check("TiO2", unreduced: true).Should().Be(Passed);
    }

    [Fact]
    public void Check_CuZn_IsInvalidWithoutAlloysBecauseBothOnlyTakePositiveStates_ValidWithAlloyShortcut()
    {
        Check("CuZn").Should().Be(Failed);
        Check("CuZn", alloys: true).Should().Be(Passed);
    }

    [Fact]
    public void Check_AlloyShortcut_NeedsEveryElementToBeASmactMetal()
    {
        Check("CuSi", alloys: true).Should().Be(Check("CuSi"));
        Check("CuSi").ChargeNeutral.Should().BeTrue("Cu+4 Si-4 balances");
        Check("Cu2Si", alloys: true).Should().Be(
            new ValidityResult(ChargeNeutral: true, ElectronegativityBalanced: false),
            "Si is not a SMACT metal; Cu+2 Si−4 is neutral but both have electronegativity 1.90 and Pauling needs strictly less");
    }

    [Theory]
    [InlineData("He")]
    [InlineData("O2")]
    [InlineData("Og")]
    public void Check_SingleElement_IsValidBySmactsFastPath(string formula)
    {
        Check(formula).Should().Be(Passed);
        Check(formula, unreduced: true).Should().Be(Passed);
    }

    [Fact]
    public void Check_ElementWithoutOxidationStates_CannotBeNeutral()
    {
        Check("HeO").Should().Be(Failed);
        Check("ArF2").Should().Be(Failed);
    }

    [Fact]
    public void Check_PmCl3_IsNeutralButFailsPaulingBecausePmHasNoSmactElectronegativity()
    {
        Check("PmCl3").Should().Be(new ValidityResult(ChargeNeutral: true, ElectronegativityBalanced: false));
    }

    [Fact]
    public void Check_XeF2_NobleGasWithElectronegativityAndStates_IsValid()
    {
        Check("XeF2").Should().Be(Passed);
    }

    [Fact]
    public void Check_ArF_Wikipedia_NeutralOnlyThroughZeroStatesButArgonLacksElectronegativity()
    {
        Check("ArF", OxidationStateSet.Wikipedia).Should().Be(new ValidityResult(true, false));
    }

    [Fact]
    public void Check_Li2NaS_Wikipedia_SodiumInStateZeroIsNeitherCationNorAnion()
    {
        // Li+1 ×2, S−2, Na 0 is neutral; Na (0.93) is less electronegative than the cation Li (0.98), which would
        // break the Pauling order if state 0 counted as an anion.
        ElementTable.Default.Get("Na").OxidationStates(OxidationStateSet.Wikipedia).Should().Contain(0);
        Check("Li2NaS", OxidationStateSet.Wikipedia).Should().Be(Passed);
        SmactReference.Validity(Composition.Parse("Li2NaS"), OxidationStateSet.Wikipedia, true, false, false).Should().BeTrue();
    }

    [Fact]
    public void Check_LiNa_IsNeutralWithNaMinusOneButFailsPaulingBecauseNaIsLessElectronegativeThanLi()
    {
        Check("LiNa").Should().Be(new ValidityResult(ChargeNeutral: true, ElectronegativityBalanced: false));
        Check("LiNa", alloys: true).Should().Be(Passed);
    }

    [Fact]
    public void Check_SpanOverload_AllocatesNothing()
    {
        int[] atomicNumbers = [3, 26, 8];
        int[] counts = [2, 4, 7];
        Smact14.Check(atomicNumbers, counts);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            counts[2] = 1 + (i % 9);
            Smact14.Check(atomicNumbers, counts);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void Check_DuplicateStatesInAList_ChangeNothing()
    {
        const string elements = "Z,symbol,smact_Name,smact_Mass,smact_el_neg,magpie_IonizationEnergies,magpie_Number\n" +
            "1,H,Hydrogen,1.008,2.20,13.6,1\n2,He,Helium,4.0026,,24.6,2\n3,Li,Lithium,6.94,0.98,5.4,3\n";
        const string pymatgen = "symbol,Z,pauling_electronegativity,common_oxidation_states,oxidation_states\n";
        static SmactValidator Validator(string states) => new(table: ElementTableLoader.Load(
            new StringReader(elements), new StringReader("element,Z,source_set,oxidation_state\n" + states), new StringReader(pymatgen)));
        var duplicated = Validator("H,1,smact_default_2014,-1\nH,1,smact_default_2014,-1\nH,1,smact_default_2014,1\nLi,3,smact_default_2014,1\nLi,3,smact_default_2014,1\n");
        var distinct = Validator("H,1,smact_default_2014,-1\nH,1,smact_default_2014,1\nLi,3,smact_default_2014,1\n");

        foreach (var (z, n) in new[] { (new[] { 3, 1 }, new[] { 1, 1 }), (new[] { 3, 1 }, new[] { 2, 1 }), (new[] { 2, 1 }, new[] { 1, 1 }) })
        {
            duplicated.Check(z, n).Should().Be(distinct.Check(z, n));
        }

        duplicated.Check([3, 1], [1, 1]).Should().Be(Passed);
    }

    [Fact]
    public void Valid_IsSmactsDefaultVerdictWithThePaulingTest()
    {
        Check("PmCl3").Valid.Should().BeFalse();
        Check("NaCl").Valid.Should().BeTrue();
    }

    [Fact]
    public void Check_SpanOverload_MatchesCompositionOverload_AndReducesCounts()
    {
        Smact14.Check([26, 8], [4, 6]).Should().Be(Smact14.Check(Composition.Parse("Fe2O3")));
        new SmactValidator(new ValidityOptions { Unreduced = true }).Check([26, 8], [4, 6]).Should().Be(Failed);
    }

    [Fact]
    public void Check_DecimalComposition_IsJudgedOnTheSmallestProportionalIntegers()
    {
        Check("Na0.5Cl0.25").Should().Be(Check("Na2Cl"));
        Check("Fe0.4O0.6").Should().Be(Passed);
    }

    [Theory]
    [InlineData(new[] { 26 }, new[] { 0 }, "must be > 0")]
    [InlineData(new[] { 0, 8 }, new[] { 1, 1 }, "outside")]
    [InlineData(new[] { 26, 8 }, new[] { 1 }, "one count each")]
    [InlineData(new int[0], new int[0], "one count each")]
    public void Check_BadSpans_ThrowArgumentException(int[] atomicNumbers, int[] counts, string reason)
    {
        var act = () => Smact14.Check(atomicNumbers, counts);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain(reason);
    }

    public static TheoryData<OxidationStateSet, bool, bool> Configurations()
    {
        var data = new TheoryData<OxidationStateSet, bool, bool>();
        foreach (var set in new[] { OxidationStateSet.Smact14, OxidationStateSet.Icsd16, OxidationStateSet.Icsd24, OxidationStateSet.Pymatgen, OxidationStateSet.Wikipedia })
        {
            data.Add(set, false, false);
            data.Add(set, true, false);
            data.Add(set, false, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Check_RandomCompositions_AgreesWithLiteralSmactTranscription(OxidationStateSet set, bool alloys, bool unreduced)
    {
        var random = new Random(20251122 + (int)set);
        var pool = ElementSets.MatGan85.Concat(new[] { "He", "Ar", "Pm", "Po", "Am" }.Select(ElementTable.Default.Get)).ToArray();
        var validator = new SmactValidator(new ValidityOptions { OxidationStates = set, IncludeAlloys = alloys, Unreduced = unreduced });
        var neutral = 0;
        var balanced = 0;
        for (var trial = 0; trial < 800; trial++)
        {
            var arity = random.Next(1, 5);
            var elements = pool.OrderBy(_ => random.Next()).Take(arity).ToArray();
            var composition = Composition.FromCounts(elements.Select(element => (element, random.Next(1, 9))));

            var result = validator.Check(composition);

            result.ChargeNeutral.Should().Be(SmactReference.Validity(composition, set, false, alloys, unreduced), composition.Formula);
            result.ElectronegativityBalanced.Should().Be(SmactReference.Validity(composition, set, true, alloys, unreduced), composition.Formula);
            neutral += result.ChargeNeutral ? 1 : 0;
            balanced += result.ElectronegativityBalanced ? 1 : 0;
        }

        neutral.Should().BeInRange(50, 799, "the sample should exercise both outcomes");
        balanced.Should().BeInRange(20, neutral);
    }
}
