//! Where every figure in the model comes from.
//!
//! Each constant in the catalogues and the physics modules points at one of the
//! [`Source`]s below; the UI lists them (title, year, link, and "estimate" where
//! the figure is ours rather than the source's).
//!
//! The catalogues cite a source by its [`SourceId`] only (`source::NVIDIA_HOPPER.cite()`),
//! so that code using them at run time (the app's wasm) carries no titles or URLs;
//! [`by_id`] finds the whole [`Source`] again where it is wanted (tests, tools, the
//! natively generated sources panel).

/// How far a figure can be trusted, as graded in the reference dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// A vendor or official primary source.
    High,
    /// A reputable secondary source, or a primary source seen through a summary.
    Medium,
    /// A weak source, a rule of thumb, or our own estimate.
    Low,
}

impl Confidence {
    /// One-letter grade used in tables ("H", "M", "L").
    pub fn letter(self) -> &'static str {
        match self {
            Confidence::High => "H",
            Confidence::Medium => "M",
            Confidence::Low => "L",
        }
    }
}

/// A citation: where a number comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Stable id, used by the UI to link a figure to its citation.
    pub id: &'static str,
    /// Title of the document or dataset.
    pub title: &'static str,
    /// Publisher or author.
    pub publisher: &'static str,
    /// Year of publication (or of the data).
    pub year: u16,
    /// Where to read it.
    pub url: &'static str,
    /// How far to trust it.
    pub confidence: Confidence,
    /// `true` where the figure is an estimate derived from the source, not printed in it.
    pub estimate: bool,
}

impl Source {
    /// This source's id: what a catalogue entry stores to cite it.
    #[inline(always)]
    pub const fn cite(&self) -> SourceId {
        SourceId(self.id)
    }
}

/// A citation by id: the [`Source::id`] of one of [`ALL`], without the title,
/// publisher and URL (see [`by_id`] for the whole source).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub &'static str);

impl SourceId {
    /// The id as a string.
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// The cited source, if it is one of [`ALL`].
    pub fn source(self) -> Option<&'static Source> {
        by_id(self.0)
    }
}

impl std::fmt::Display for SourceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// The source with this id, if it is one of [`ALL`].
pub fn by_id(id: &str) -> Option<&'static Source> {
    ALL.iter().find(|s| s.id == id)
}

macro_rules! sources {
    ($( $(#[$doc:meta])* $name:ident = ($id:literal, $title:literal, $publisher:literal, $year:literal, $url:literal, $conf:ident, $est:literal); )*) => {
        $( $(#[$doc])* pub const $name: Source = Source {
            id: $id, title: $title, publisher: $publisher, year: $year, url: $url,
            confidence: Confidence::$conf, estimate: $est,
        }; )*
        /// Every source the model cites, in the order the sources panel lists them.
        pub const ALL: &[Source] = &[$($name),*];
    };
}

sources! {
    /// NVIDIA Hopper datasheets (H100/H200): TDP, dense throughput, memory.
    NVIDIA_HOPPER = ("nvidia-hopper", "NVIDIA H100 / H200 Tensor Core GPU datasheets (dense = sparse ÷ 2)", "NVIDIA", 2024, "https://www.nvidia.com/en-us/data-center/h100/", High, false);
    /// NVIDIA Blackwell spec tables (B200, GB200 NVL72).
    NVIDIA_BLACKWELL = ("nvidia-blackwell", "NVIDIA GB200 NVL72 and HGX B200 specifications", "NVIDIA", 2024, "https://www.nvidia.com/en-us/data-center/gb200-nvl72/", High, false);
    /// Verda's per-GPU dense table for Blackwell Ultra (B300, GB300).
    VERDA_GB300 = ("verda-gb300", "NVIDIA GB300 NVL72: GPU architecture & performance", "Verda (ex-DataCrunch)", 2025, "https://verda.com/blog/gb300-nvl72-architecture", Medium, false);
    /// DGX H100/H200 system power (10.2 kW max).
    NVIDIA_DGX_H100 = ("nvidia-dgx-h100", "NVIDIA DGX H100/H200 User Guide: power specifications (10.2 kW max)", "NVIDIA", 2024, "https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html", High, false);
    /// DGX B200 system power (~14.3 kW max).
    NVIDIA_DGX_B200 = ("nvidia-dgx-b200", "NVIDIA DGX B200 specifications (~14.3 kW max)", "NVIDIA", 2024, "https://www.nvidia.com/en-us/data-center/dgx-b200/", High, false);
    /// DGX B300 system power (~14.5 kW).
    NVIDIA_DGX_B300 = ("nvidia-dgx-b300", "NVIDIA DGX B300 documentation, as summarised (~14.5 kW)", "The Daily Scout / aiwiki", 2026, "https://aiwiki.ai/wiki/nvidia_dgx_b300", Medium, false);
    /// NVL72 rack power: ~120 kW typical, 132 kW power-shelf capacity.
    NVL72_POWER = ("nvl72-power", "GB200/GB300 NVL72 rack power (120–140 kW; 132 kW power shelves)", "Introl citing Supermicro; ServeTheHome", 2025, "https://introl.com/blog/why-nvidia-gb300-nvl72-blackwell-ultra-matters", Medium, false);
    /// AMD Instinct MI300X/MI325X specifications.
    AMD_MI300 = ("amd-mi300", "AMD Instinct MI300X / MI325X specifications", "AMD, via awesomeagents.ai", 2024, "https://awesomeagents.ai/hardware/amd-mi325x", High, false);
    /// AMD MI350-series (MI350X/MI355X) launch coverage.
    AMD_MI355X = ("amd-mi355x", "AMD's MI355X: up to 10 PF FP4 (dense BF16/FP8 halved per precision step)", "The Register", 2025, "https://www.theregister.com/2025/06/12/amd_mi355x/", Medium, true);
    /// Intel Gaudi 3 launch specifications and kit price.
    INTEL_GAUDI3 = ("intel-gaudi3", "Intel Gaudi 3 for AI training and inference (launch specs; $125k 8-chip kit)", "ServeTheHome / Intel", 2024, "https://www.servethehome.com/intel-gaudi-3-for-ai-training-and-inference/", High, false);
    /// Our estimate of 8-accelerator non-NVIDIA server power: 8 × TDP ÷ 0.6.
    SERVER_POWER_ESTIMATE = ("server-power-estimate", "Server power for AMD/Intel platforms: 8 × accelerator TDP ÷ 0.6 (GPU share of DGX node power)", "This calculator, from NVIDIA DGX ratios", 2026, "https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html", Low, true);
    /// Measured H200 power: idle 122 W, 691 W dense bf16, 690 W training.
    H200_MEASUREMENT = ("h200-measurement", "Measured NVIDIA H200 power: 122 W idle, 691 W dense bf16 GEMM, 690 W training (nvidia-smi, 250 ms)", "Project measurement (shared/reference/h200-power-measurement.json)", 2026, "data/h200-power-measurement.json", High, false);
    /// Brookhaven: a DGX H100 node draws ~76 % of its 10.2 kW nameplate while training.
    BROOKHAVEN_NODE_POWER = ("bnl-node-power", "Empirically-calibrated H100 node power models (≈76 % of 10.2 kW while training)", "Brookhaven National Laboratory, arXiv 2506.14551", 2025, "https://arxiv.org/abs/2506.14551", Medium, false);
    /// GPU street prices (H100) used by Epoch AI.
    PRICE_H100 = ("price-h100", "H100 at US$25–30k (Raymond James via Barron's); DGX H100 ≈ US$270k (SemiAnalysis)", "TechSpot / Epoch AI training-cost-trends", 2023, "https://github.com/epoch-research/training-cost-trends", Medium, false);
    /// Blackwell prices (B200 analyst estimate, NVL72 rack ~US$3.1 M).
    PRICE_BLACKWELL = ("price-blackwell", "B200 US$30–40k (Morgan Stanley); GB200 NVL72 rack ≈ US$3.0–3.1 M (SemiAnalysis)", "Geektopia; Continuum Labs", 2024, "https://training.continuumlabs.ai/infrastructure/servers-and-chips/nvidia-gb200-nvl72", Medium, false);
    /// Weak list-price estimates (H200, B300, GB300, AMD).
    PRICE_WEAK = ("price-weak", "H200 'MSRP $32k', B300 'MSRP $45k', MI300X street $10–15k; MI325X/MI355X/GB300 scaled", "Hugging Face hardware pages; awesomeagents.ai", 2026, "https://huggingface.co/hardware/b300", Low, true);
    /// Server share of a DGX price: (US$270k − 8 × US$27.5k) ÷ 8 ≈ US$6,250 per accelerator.
    SERVER_SHARE_ESTIMATE = ("server-share", "Host server share per accelerator ≈ US$6,250 (DGX H100 price minus 8 GPUs)", "This calculator, from SemiAnalysis / Raymond James", 2026, "https://github.com/epoch-research/training-cost-trends", Low, true);
    /// ECB euro reference rate, 2024 annual average (1 € = 1.0824 US$).
    ECB_EUR_USD = ("ecb-eurusd", "Euro foreign exchange reference rates: US dollar, annual average 2024 (1.0824)", "European Central Bank", 2025, "https://data.ecb.europa.eu/data/datasets/EXR/EXR.A.USD.EUR.SP00.A", Medium, false);
    /// Eurostat electricity prices for the largest industrial consumers (band IG).
    EUROSTAT_PRICE_IG = ("eurostat-ig", "Electricity prices for non-household consumers, band IG (≥150 GWh), excl. VAT, 2025-S1 (estimates: band ID × EU IG/ID ratio 0.687)", "Eurostat nrg_pc_205", 2025, "https://ec.europa.eu/eurostat/databrowser/view/nrg_pc_205/", High, false);
    /// Eurostat band ID (2–20 GWh) prices: upper bound of the price range.
    EUROSTAT_PRICE_ID = ("eurostat-id", "Electricity prices for non-household consumers, band ID (2–20 GWh), excl. VAT, 2025-S2", "Eurostat nrg_pc_205", 2026, "https://ec.europa.eu/eurostat/databrowser/view/nrg_pc_205/", High, false);
    /// Ember grid carbon intensity via Our World in Data.
    EMBER_CARBON = ("ember-carbon", "Carbon intensity of electricity generation (lifecycle gCO2e/kWh), 2025 (2024 where 2025 is missing)", "Ember Yearly Electricity Data via Our World in Data", 2026, "https://ourworldindata.org/grapher/carbon-intensity-electricity", High, false);
    /// AIB European Residual Mixes: the residual-mix CO2 intensity per country.
    AIB_RESIDUAL_MIX = ("aib-residual-mix", "European Residual Mixes 2025, v1.0 (26 May 2026), Table 2: residual mix, direct CO2 g/kWh (Austria and the Netherlands 'NA', full disclosure: grid intensity used, estimate)", "Association of Issuing Bodies (AIB), calculated by Grexel", 2026, "https://www.aib-net.org/facts/european-residual-mix", Medium, false);
    /// EEA indicator: the EU grid's intensity is falling; the trend continued reaches zero by 2050.
    EEA_GRID_INTENSITY = ("eea-grid-intensity", "Greenhouse gas emission intensity of electricity generation in Europe: halved from 1990 to 2019; if the past decade's decline continued, EU electricity generation would fully decarbonise by 2050 (the optional path: each country's 2025 grid and residual-mix intensity falling linearly to 0 in 2050, estimate)", "European Environment Agency", 2021, "https://www.eea.europa.eu/en/analysis/indicators/greenhouse-gas-emission-intensity-of-1", Medium, true);
    /// European Climate Law: climate neutrality in the Union by 2050.
    EU_CLIMATE_LAW = ("eu-climate-law", "Regulation (EU) 2021/1119 (European Climate Law), Art. 2(1): Union-wide emissions and removals balanced at net zero by 2050 at the latest", "European Parliament and Council", 2021, "https://eur-lex.europa.eu/eli/reg/2021/1119/oj", High, false);
    /// GHG Protocol Scope 2: location-based and market-based methods.
    GHG_PROTOCOL_SCOPE2 = ("ghg-scope2", "GHG Protocol Scope 2 Guidance: dual reporting; market-based = contractual instruments (PPAs, certificates) at their rate, the rest at the residual mix, else the grid average (Table 6.3)", "World Resources Institute / WBCSD", 2015, "https://ghgprotocol.org/scope-2-guidance", High, false);
    /// Ember electricity demand via OWID.
    EMBER_DEMAND = ("ember-demand", "Electricity demand by country (generation + net imports), 2025", "Ember via Our World in Data", 2026, "https://ourworldindata.org/grapher/electricity-demand", High, false);
    /// The EU's AI-gigafactory call: expressions of interest received.
    EC_AI_GIGAFACTORIES = ("ec-ai-gigafactories", "Overwhelming response: 76 respondents express interest in European AI Gigafactories initiative (76 proposals, 60 sites, 16 member states, over 3 million latest-generation GPUs)", "European Commission", 2025, "https://digital-strategy.ec.europa.eu/en/news/overwhelming-response-76-respondents-express-interest-european-ai-gigafactories-initiative", High, false);
    /// Country boundaries of the site explorer's map.
    NATURAL_EARTH = ("natural-earth", "Admin 0 countries, 1:50m (public domain), as TopoJSON in world-atlas 2.0.2, simplified at build time for a 1,000 px map", "Natural Earth; world-atlas (M. Bostock)", 2019, "https://www.naturalearthdata.com/downloads/50m-cultural-vectors/", High, false);
    /// Odyssee-Mure household electricity per dwelling.
    ODYSSEE_HOUSEHOLDS = ("odyssee-households", "Electricity consumption per dwelling (EU 3,600 kWh; RO 1,800; SE 8,500; other countries read off charts: estimates)", "Odyssee-Mure", 2025, "https://www.odyssee-mure.eu/publications/efficiency-by-sector/households/electricity-consumption-dwelling.html", Medium, false);
    /// Monthly mean temperatures of representative cities.
    CLIMATE_NORMALS = ("climate-normals", "List of cities by average temperature (met-service normals, mixed periods)", "Wikipedia, each row citing its met service", 2024, "https://en.wikipedia.org/wiki/List_of_cities_by_average_temperature", Medium, false);
    /// Hourly temperature spread around the monthly mean (σ = 4.5 K), used for free-cooling hours.
    HOURLY_SPREAD_ESTIMATE = ("hourly-spread", "Hourly dry-bulb ≈ Normal(monthly mean, σ = 4.5 K): screening estimate of free-cooling hours", "This calculator (reference dataset method)", 2026, "https://climate.onebuilding.org/", Low, true);
    /// Stull's wet-bulb formula (with an assumed relative humidity: no sourced normals).
    STULL_WET_BULB = ("stull-wetbulb", "Wet-bulb temperature from relative humidity and air temperature (RH assumed 70 %: estimate)", "Stull, J. Appl. Meteor. Climatol. 50:2267", 2011, "https://doi.org/10.1175/JAMC-D-11-0143.1", High, true);
    /// ASHRAE climatic design conditions for Lisbon (0.4 % cooling DB / MCWB).
    ASHRAE_DESIGN_LISBON = ("ashrae-design-lisbon", "Cooling and dehumidification design conditions, Portugal: Lisbon 0.4 % cooling dry-bulb 93 °F (33.9 °C), mean coincident wet-bulb 69 °F (20.6 °C) (ASHRAE Handbook—Fundamentals climatic design data)", "CRC Press companion CD (K10576), reproducing ASHRAE tables", 2009, "https://www.crcpress.com/downloads/K14361/K10576_Companion_CD.zip", Medium, false);
    /// Design condition derived where no design table was found.
    DESIGN_DAY_ESTIMATE = ("design-day", "Design condition where no ASHRAE table is in the sources: 0.4 % dry-bulb = warmest monthly mean + 10.4 K (Lisbon's offset), coincident wet-bulb by Stull at 27 % RH (Lisbon's design hour)", "This calculator, from ASHRAE Lisbon and the climate normals", 2026, "https://en.wikipedia.org/wiki/List_of_cities_by_average_temperature", Low, true);
    /// ASHRAE thermal guidelines: air and liquid classes.
    ASHRAE_TC99 = ("ashrae-tc99", "Thermal Guidelines for Data Processing Environments, 5th ed. (inlet 18–27 °C; W32/W40/W45 classes)", "ASHRAE TC 9.9", 2021, "https://www.ashrae.org/technical-resources/bookstore/datacom-series", Medium, false);
    /// Chiller COP as a fraction of Carnot (η ≈ 0.5–0.6).
    CARNOT_CHILLER = ("carnot-chiller", "Carnot-fraction chiller model COP = η·T_evap/(T_cond − T_evap), η ≈ 0.5–0.6 (this model: 0.5)", "LBNL Modelica Buildings library (Chillers.Carnot_y)", 2024, "https://github.com/lbl-srg/modelica-buildings", Medium, true);
    /// Air-side economiser hours (reference dataset, approach-point method).
    AIR_ECONOMISER = ("air-economiser", "Air-side economiser: outside air directly to the hall while below the ASHRAE recommended inlet (≤ 27 °C), i.e. hours < 25–27 °C (Amado et al., Int. J. Refrigeration 122, 2021); supply 27 °C less 2 K through filters and fans, air-cooled trim chillers above (estimate)", "Reference dataset (shared/reference/data2.md §1b)", 2026, "https://doi.org/10.1016/j.ijrefrig.2020.10.032", Low, true);
    /// PUE decomposition and power-chain losses.
    PUE_DECOMPOSITION = ("pue-decomposition", "PUE = 1 + cooling + power chain (UPS 94–99 %, PDU 94–98 %) + misc; fan/pump shares", "aidatacenterguide.com ch. 15.2; reference dataset estimates", 2026, "https://aidatacenterguide.com/", Low, true);
    /// UPS no-load losses.
    UPS_NO_LOAD = ("ups-no-load", "Definitions of UPS losses: no-load (fixed) losses, drawn at 0 % load by transformers, capacitors, logic boards and communication cards, can represent over 40 % of all UPS losses (40 % taken; lighting, offices and security taken as fixed too: estimate)", "Schneider Electric (Data Center Science Center)", 2012, "https://www.scribd.com/doc/294751977/Definitions-of-Losses", Medium, true);
    /// PUE ranges by cooling type.
    PUE_BY_COOLING = ("pue-by-cooling", "Typical PUE: air 1.3–1.5, RDHx 1.2–1.35, direct liquid 1.10–1.25, immersion 1.02–1.10", "aiinframap.com; inferensys.com", 2026, "https://aiinframap.com/tools/energy/datacenter-power-calculator", Low, false);
    /// Uptime Institute average PUE.
    UPTIME_PUE = ("uptime-pue", "Global Data Center Survey 2025: average PUE 1.54", "Uptime Institute", 2025, "https://intelligence.uptimeinstitute.com/resource/uptime-institute-global-data-center-survey-2025", High, false);
    /// WUE by heat-rejection type.
    WUE_TYPES = ("wue-types", "WUE by heat rejection: dry 0–0.05, adiabatic 0.1–0.4, evaporative tower 0.4–2.0 L/kWh", "Yobitel (ISO/IEC 30134-9 explainer)", 2025, "https://www.yobitel.com/knowledge-base/wue-water-usage-effectiveness", Low, false);
    /// Latent heat of vaporisation of water (physics).
    LATENT_HEAT = ("latent-heat", "Latent heat of vaporisation of water ≈ 2.45 MJ/kg at 20–30 °C; tower blow-down at 4 cycles of concentration", "Engineering Toolbox / ASHRAE Handbook (Cooling Towers)", 2021, "https://www.engineeringtoolbox.com/water-properties-d_1573.html", High, false);
    /// Saturation vapour pressure (Magnus form), for the towers' monthly evaporation.
    MAGNUS_PSYCHROMETRICS = ("magnus", "Improved Magnus form approximation of saturation vapor pressure: e_s = 0.61094·exp(17.625·T/(T + 243.04)) kPa", "Alduchov & Eskridge, J. Appl. Meteor. 35:601", 1996, "https://doi.org/10.1175/1520-0450(1996)035%3C0601:IMFAOS%3E2.0.CO;2", High, false);
    /// Cooling-tower evaporation month by month.
    TOWER_PSYCHROMETRICS = ("tower-monthly", "Cooling-tower water by month: Merkel's enthalpy picture, the leaving air saturated at the mean water temperature (range 5.5 K = 10 °F); evaporation carries most of the heat in summer (≈ 85 %) and less in cold air, where the air warms sensibly (monthly shares are this calculator's estimate, RH 70 % assumed)", "ASHRAE Handbook—HVAC Systems and Equipment, ch. 40 Cooling Towers (Merkel 1925)", 2020, "https://www.ashrae.org/technical-resources/ashrae-handbook", Medium, true);
    /// Data-centre construction cost in Europe.
    TT_CONSTRUCTION = ("tt-construction", "Data Centre Construction Cost Index 2025-26: Frankfurt US$11.6/W; AI/liquid premium +7–10 %", "Turner & Townsend", 2025, "https://www.turnerandtownsend.com/news/ai-data-centre-rush-raises-alarm-over-construction-supply-chain", High, false);
    /// Eurostat hourly labour costs by country.
    EUROSTAT_LABOUR_COST = ("eurostat-labour-cost", "Hourly labour costs, whole economy excl. agriculture and public administration, 2024 (lc_lci_lev, release of 28 March 2025, as reported by the press: Germany €43.4, EU €33.5; Portugal and Malta 2023; Sweden, Finland, Slovenia and Estonia estimated: their latest level found × the EU average's growth since)", "Eurostat", 2025, "https://ec.europa.eu/eurostat/databrowser/view/lc_lci_lev/default/table", Medium, false);
    /// Labour share of data-centre construction cost.
    CONSTRUCTION_LABOUR_SHARE = ("construction-labour-share", "Data Center Construction Cost Breakdown: labour 40–50 % of total cost (45 % taken; construction elsewhere in the EU = Frankfurt × (0.55 + 0.45 × labour cost ÷ Germany's): estimate)", "Cortex Construct", 2026, "https://cortexconstruct.com/guides/data-center-construction-cost-guide", Low, true);
    /// Split of facility capex (shell, electrical, mechanical, other).
    CW_CAPEX_SPLIT = ("cw-split", "Data Center Development Cost Guide 2025 (shell ≈ 21 %; electrical/mechanical split estimated)", "Cushman & Wakefield", 2025, "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/8-9", Low, true);
    /// Redundancy topologies: N, N+1, 2N.
    UPTIME_TIERS = ("uptime-tiers", "Tier Classifications Define Site Infrastructure Performance: N+1 redundant capacity components, 2N independent paths (UPS, generators); one spare module in four is this calculator's estimate", "Uptime Institute (Turner, Seader, Renaud, Brill)", 2008, "https://uptimeinstitute.com/tiers", Medium, true);
    /// Staff, maintenance and support rules of thumb.
    OPEX_RULES = ("opex-rules", "Opex rules of thumb: 0.3–0.5 FTE per MW IT; facility maintenance 1–3 %/yr; IT support 3–5 %/yr", "Reference dataset (industry rules of thumb)", 2026, "https://www.supercluster.blog/p/4-nvidia-dgx-h100-hardware", Low, true);
    /// Server useful lives in company filings.
    DEPRECIATION = ("depreciation", "Server useful life 5–6 years (Microsoft, Alphabet 6; Meta 5.5; Amazon 5)", "Company 10-K filings, summarised", 2025, "https://thecuberesearch.com/298-breaking-analysis-resetting-gpu-depreciation-why-ai-factories-bend-but-dont-break-useful-life-assumptions", High, false);
    /// Embodied carbon of accelerators (NVIDIA product carbon footprints).
    NVIDIA_PCF = ("nvidia-pcf", "HGX H100 (1,312 kg) and HGX B200 (2,274 kg) baseboard PCFs; with server share ≈ 800–1,000 kg per GPU", "NVIDIA PCF summaries; reference dataset estimate", 2025, "https://images.nvidia.com/aem-dam/Solutions/documents/HGX-H100-PCF-Summary.pdf", Low, true);
    /// Embodied carbon of the building and M&E plant.
    BUILDING_EMBODIED = ("building-embodied", "Building + M&E embodied carbon ≈ 1,000–1,500 tCO2e per MW IT (Data4 LCA ≈ 980; Currie & Brown up to 4,500)", "Data4/APL LCA; Currie & Brown", 2024, "https://www.curriebrown.com/", Low, true);
    /// EU Energy Efficiency Directive Art. 12 and the delegated regulation KPIs.
    EED_2023_1791 = ("eed", "Directive (EU) 2023/1791, Art. 12 (reporting ≥ 500 kW IT) and Delegated Regulation (EU) 2024/1364 (PUE, WUE, ERF, REF)", "Official Journal of the EU", 2024, "https://eur-lex.europa.eu/eli/reg_del/2024/1364/oj", High, false);
    /// German Energy Efficiency Act (EnEfG) §11.
ENEFG = ("enefg", "Energieeffizienzgesetz §11: DCs opening from 1 Jul 2026 PUE ≤ 1.2 and ERF ≥ 10 % (from 1 Jul 2027 15 %, from 1 Jul 2028 20 %), older DCs PUE ≤ 1.5 from 2027 and ≤ 1.3 from 2030; §11(3) exemption (agreement with a municipality or heat-network operator, or heat offered at cost and not taken up); 100 % renewables from 2027; from 300 kW non-redundant connection power", "Bundesrepublik Deutschland", 2023, "https://www.gesetze-im-internet.de/enefg/__11.html", High, false);
    /// EED Art. 26(6)–(7): waste heat of data centres above 1 MW.
    EED_ART26 = ("eed-art26", "Directive (EU) 2023/1791, Art. 26(6)–(7): data centres with a total rated energy input above 1 MW use their waste heat or other recovery unless a cost-benefit analysis shows it is not technically or economically feasible", "Official Journal of the EU", 2023, "https://eur-lex.europa.eu/eli/dir/2023/1791/oj", High, false);
    /// Heat-pump COP for lifting data-centre heat to district heating.
    HEAT_PUMP_COP = ("heat-pump-cop", "Heat-pump COP from a 45 °C source: 5.5 → 60 °C, 4.3 → 70 °C, 3.5 → 80 °C", "Zangeneh & Øi, SIMS proceedings (Linköping Univ.)", 2021, "https://ecp.ep.liu.se/", Medium, false);
    /// Price paid to a data centre for low-grade heat.
    HEAT_PRICE = ("heat-price", "Price paid to a data centre for low-grade heat €0–30/MWh (network operator owns the heat pumps)", "Reference dataset estimate", 2026, "https://www.p2h-computing.de/", Low, true);
    /// Training compute rule C ≈ 6·N·D.
    KAPLAN_6ND = ("kaplan-6nd", "Scaling laws for neural language models (training compute ≈ 6·N·D FLOP)", "Kaplan et al., arXiv 2001.08361", 2020, "https://arxiv.org/abs/2001.08361", High, false);
    /// Llama 3 MFU and goodput.
    LLAMA3 = ("llama3", "The Llama 3 Herd of Models: 38–43 % BF16 MFU on 16k H100; > 90 % effective training time", "Meta, arXiv 2407.21783", 2024, "https://arxiv.org/abs/2407.21783", High, false);
    /// Llama 3's MFU at two scales: the scale-efficiency law beyond the largest published run.
    LLAMA3_SCALE = ("llama3-scale", "The Llama 3 Herd of Models, Table 4: 43 % BF16 MFU on 8,192 H100 and 41 % on 16,384 (8,192-token sequences), the largest training run with a published MFU; beyond 16,384 accelerators this calculator multiplies throughput by 41/43 per doubling (extrapolated)", "Meta, arXiv 2407.21783", 2024, "https://arxiv.org/abs/2407.21783", High, true);
    /// End-to-end FP8 training speed-up over BF16.
    FP8_SPEEDUP = ("fp8-speedup", "FP8 training end to end: 1.22–1.28× over BF16 (MXFP8, Llama 3 70B on 1,856 B200, PyTorch/Crusoe); NVIDIA NeMo FP8 recipes up to ~1.4–1.6×; 1.3× used (not the 2× peak ratio)", "PyTorch blog; NVIDIA Technical Blog", 2025, "https://pytorch.org/blog/accelerating-2k-scale-pre-training-up-to-1-28x-with-torchao-mxfp8-and-torchtitan-on-crusoe-b200-cluster", Medium, true);
    /// Default MFU for Blackwell and Gaudi (estimates).
    MFU_BLACKWELL = ("mfu-blackwell", "Recommended MFU defaults: dense BF16 on H100 0.38–0.43; Blackwell early 0.30–0.40 of BF16 peak; large MoE or less mature stacks 0.20–0.35 (estimates)", "Reference dataset (shared/reference/data.md §5)", 2026, "https://arxiv.org/abs/2407.21783", Low, true);
    /// AMD MI300X sustained share of peak FLOP/s.
    MFU_AMD = ("mfu-amd", "MI300X vs H100 vs H200 training benchmark: MI300X sustains ≈ 45 % of peak FLOP/s on real workloads against up to 93 % for H100/B200", "SemiAnalysis (via AI Weekly)", 2024, "https://aiweekly.co/alerts/amd-mi300x-hits-only-45-of-peak-flops-in-practice", Low, true);
    /// Llama 3.1 model card: GPU-hours and emissions.
    LLAMA31_CARD = ("llama31-card", "Llama 3.1 model card: 405B used 30.84 M H100-hours, 8,930 tCO2e location-based", "Meta", 2024, "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md", High, false);
    /// NVIDIA GTC 2024 keynote: GPU-MoE 1.8T training on Hopper vs Blackwell.
    NVIDIA_GTC_2024 = ("nvidia-gtc-2024", "GTC 2024 keynote: a 1.8 T-parameter GPT-MoE in 90 days takes 8,000 Hopper GPUs and 15 MW, or 2,000 Blackwell GPUs and 4 MW (vendor claim)", "NVIDIA, via technewsrooms.com", 2024, "https://www.nvidia.com/gtc/keynote/", Low, false);
    /// Rule of thumb for a 100,000-H100 cluster.
    RULE_100K_H100 = ("rule-100k-h100", "Rule of thumb: a 100,000-H100 cluster draws ~150 MW of IT, ~200 MW at the facility", "textbookofai.com (glossary: compute consumption)", 2025, "https://textbookofai.com/glossary/compute-consumption.html", Low, false);
    /// Reference dataset's worked example: 100k GPUs at 200 MW and 85 % load.
    REF_100K_ENERGY = ("ref-100k-energy", "Worked example: a 100,000-GPU factory at ~200 MW facility load and 85 % load factor uses ≈ 1.5 TWh/yr", "Reference dataset (shared/reference/data2.md §6)", 2026, "https://ourworldindata.org/grapher/electricity-demand", Low, true);
    /// WACC assumption for infrastructure.
    WACC_ESTIMATE = ("wacc", "Discount rate (WACC) 7 % for data-centre infrastructure (range 5–10 %)", "This calculator (estimate)", 2026, "docs/method.md", Low, true);
    /// Present value, end-of-year convention and residual value of an investment.
    NREL_ECONOMICS = ("nrel-economics", "A Manual for the Economic Evaluation of Energy Efficiency and Renewable Energy Technologies (present value at a discount rate, end-of-year cash flows, residual value at the end of the analysis period)", "Short, Packey & Holt, NREL/TP-462-5173", 1995, "https://www.nrel.gov/docs/legosti/old/5173.pdf", High, false);
    /// Land and soft costs share.
    SOFT_COSTS_ESTIMATE = ("soft-costs", "Land and soft costs (design, permits, fees) ≈ 10 % of facility construction (excluded from C&W $/MW)", "This calculator (estimate)", 2026, "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/8-9", Low, true);
    /// Switch power of a three-tier GB300 NVL72 fabric.
    LAMBDA_CPO = ("lambda-cpo", "Co-packaged optics in large GB300 NVL72 clusters: standard 144-port 800G switch with pluggable optics 7.0 kW (CPO 3.95 kW); 216 switches for 10,368 GPUs, 1,440 for 41,472; the back-end fabric is 86 % of networking power in a three-layer cluster (switch + optics ≈ 243 W per GPU at three tiers, 146 W at two; scaled by link rate below 800 Gb/s: estimate)", "Lambda (engineering blog)", 2026, "https://lambda.ai/blog/silicon-photonics-for-ai-clusters-performance", Medium, true);
    /// Network fabric and storage: power and cost shares.
    FABRIC_STORAGE = ("fabric-storage", "Cluster fabric and storage: +5–10 % of IT power; ≈ 10–15 % of compute capex (estimate)", "lynx-cortex / aiinframap; reference dataset estimate", 2026, "https://aiinframap.com/tools/energy/datacenter-power-calculator", Low, true);
}
