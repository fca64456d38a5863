namespace MatGenDiscovery.Datasets.Catalog;

/// <summary>The composition tables bundled in <c>data/</c> (see <c>data/README.md</c> for their provenance).</summary>
public static class DatasetCatalog
{
    public static IReadOnlyList<DatasetDescriptor> All { get; } =
    [
        new("mp", "mp_roost_formation_energy_band_gap.csv", "formula",
            ["formation_energy_per_atom", "band_gap"],
            "Materials Project (roost, ~2019): one row per composition, formation energy and PBE band gap"),
        new("mp-eform", "mp_matbench_e_form.csv.gz", "formula",
            ["formation_energy_per_atom"],
            "matbench v0.1 mp_e_form: one row per MP structure (polymorphs repeat formulas)"),
        new("mp-gap", "mp_matbench_gap.csv.gz", "formula",
            ["band_gap"],
            "matbench v0.1 mp_gap: one row per MP structure, PBE band gap"),
        new("compgan", "mp_compgan_training.csv", "formula",
            ["formation_energy_per_atom"],
            "Sawada et al. (CompGAN) training set: older MP snapshot, 89 elements incl. unaries"),
        new("oqmd", "oqmd_crabnet_compositions.csv.gz", "formula",
            ["formation_enthalpy", "band_gap", "energy_per_atom", "volume_per_atom"],
            "OQMD (CrabNet benchmark union, ~342k compositions); formation enthalpy for ~30% only"),
        new("oqmd-roost", "oqmd_roost_test.csv", "composition",
            ["formation_enthalpy"],
            "OQMD formation enthalpies (roost test split), formulas as atomic fractions"),
        new("icsd", "icsd_tagged_mp_formulas_synthnn.csv", "formula",
            [],
            "MP formulas with an ICSD record (SynthNN positives), no properties"),
        new("expt-gap", "expt_gap_matbench.csv", "formula",
            ["band_gap_expt"],
            "matbench expt_gap: experimental band gaps (Zhuo et al. 2018), some non-stoichiometric"),
    ];

    public static IEnumerable<string> Names => All.Select(d => d.Name);

    /// <exception cref="UnknownDatasetException">No dataset has that name.</exception>
    public static DatasetDescriptor Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UnknownDatasetException(name, Names);
}
