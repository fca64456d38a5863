namespace MatGenDiscovery.Chemistry.Elements;

/// <summary>
/// The oxidation-state lists bundled from SMACT (and Magpie). The names after each member are the
/// <c>source_set</c> values of <c>data/oxidation_states.csv</c> and the SMACT file they come from.
/// </summary>
public enum OxidationStateSet
{
    /// <summary><c>smact_default_2014</c> (<c>oxidation_states.txt</c>): SMACT's <c>oxidation_states_smact14</c>.</summary>
    Smact14,

    /// <summary><c>icsd_2016</c> (<c>oxidation_states_icsd.txt</c>): SMACT's <c>oxidation_states_icsd16</c>.</summary>
    Icsd16,

    /// <summary>
    /// <c>icsd24_filtered</c> (<c>oxidation_states_icsd24_filtered.txt</c>, states with at least 5 ICSD-2024 reports):
    /// what SMACT's <c>lookup_element_oxidation_states_icsd24</c> reads for <c>oxidation_states_set="icsd24"</c>.
    /// </summary>
    Icsd24,

    /// <summary>
    /// <c>pymatgen_structure_predictor_2017</c> (<c>oxidation_states_SP.txt</c>): SMACT's <c>oxidation_states_sp</c>,
    /// selected in <c>smact_validity</c> by <c>oxidation_states_set="pymatgen_sp"</c>.
    /// </summary>
    Pymatgen,

    /// <summary><c>icsd24_common</c>: the single most common non-zero ICSD-2024 state.</summary>
    Icsd24Common,

    /// <summary><c>icsd24_raw</c>: every ICSD-2024 state.</summary>
    Icsd24Raw,

    /// <summary><c>pymatgen_2017</c> (<c>oxidation_states_pmg.txt</c>).</summary>
    Pymatgen2017,

    /// <summary><c>wikipedia_2022</c> (<c>oxidation_states_wiki.txt</c>); includes 0 states.</summary>
    Wikipedia,

    /// <summary><c>magpie</c>: Magpie's <c>OxidationStates</c> table.</summary>
    Magpie,
}
