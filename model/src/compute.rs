//! The model's arithmetic: from a resolved scenario and its site profile to an
//! [`Estimate`]. Linear in the number of systems, which sizing exploits.

use crate::catalogue::{CoolingTech, HeatRejection, SystemForm, EU27_DEMAND_TWH};
use crate::error::{Implausibility, ModelError};
use crate::estimate::{
    Capex, Carbon, Check, Context, Cooling, ErfDuty, Estimate, EuRules, HeatReuse, Kpis, ListedCheck, Opex, Power,
    Rule, Status, Training,
};
use crate::physics::capital_recovery_factor;
use crate::scenario::{Resolved, Sizing, MAX_ACCELERATORS};
use crate::site::{design_pue, fixed_overhead_share, monthly_pue, SiteProfile, MISC_SHARE, MONTH_HOURS, YEAR_HOURS};
use crate::units::{CubicMetres, Days, Euros, MegawattHours, Megawatts, TonnesCo2};

// --- Power ([`crate::source::H200_MEASUREMENT`], [`crate::source::BROOKHAVEN_NODE_POWER`]) ---

/// Accelerator idle draw as a share of TDP: measured H200, 122 W of 700 W.
pub const ACCEL_IDLE_SHARE: f64 = 122.0 / 700.0;
/// Accelerator draw under dense matrix products as a share of TDP: measured H200, 691 W of 700 W.
pub const ACCEL_FULL_SHARE: f64 = 691.0 / 700.0;
/// Host draw at full load as a share of the host's nameplate: Brookhaven's DGX H100
/// at 76 % of 10.2 kW while training = 7.75 kW, less 8 × 690 W of GPUs, over 4.6 kW.
pub const HOST_FULL_SHARE: f64 = (0.76 * 10_200.0 - 8.0 * 690.0) / (10_200.0 - 8.0 * 700.0);
/// Host draw when idle as a share of its nameplate (estimate).
pub const HOST_IDLE_SHARE: f64 = 0.30;
/// Cluster network fabric power as a share of server power: the flat rule used
/// before model 2.1 ([`crate::source::FABRIC_STORAGE`]: fabric + storage 5–10 %),
/// now replaced by [`network_w_per_accelerator`].
pub const NETWORK_POWER_SHARE: f64 = 0.05;
/// A standard 144-port 800 Gb/s switch with its pluggable optics draws 7.0 kW
/// ([`crate::source::LAMBDA_CPO`]): W per 800 Gb/s port, optic included.
pub const SWITCH_W_PER_800G_PORT: f64 = 7_000.0 / 144.0;
/// Ports of that switch at 800 Gb/s (its radix; twice as many at 400 Gb/s).
pub const SWITCH_PORTS_800G: f64 = 144.0;
/// Share of a cluster's networking power in its back-end (scale-out) fabric, 86 %
/// ([`crate::source::LAMBDA_CPO`]); front-end, storage and management networks the rest.
pub const BACKEND_NETWORK_SHARE: f64 = 0.86;

/// Network power per accelerator, W, drawn at every load: a non-blocking fat tree
/// of 144-port 800 Gb/s switches (288 ports at 400 Gb/s) with one scale-out port
/// per accelerator at `gbps`. Two tiers (3 switch ports per accelerator: leaf
/// down, leaf up, spine) reach radix²/2 accelerators (10,368 at 800 Gb/s, Lambda's
/// 216 switches); beyond, three tiers (5 ports: Lambda's 1,440 switches for 41,472
/// GB300). Port power scales with the link rate (an estimate below 800 Gb/s), and
/// the back-end is 86 % of the networking power.
pub fn network_w_per_accelerator(gbps: f64, count: f64) -> f64 {
    let radix = SWITCH_PORTS_800G * 800.0 / gbps;
    let ports = if count <= radix * radix / 2.0 { 3.0 } else { 5.0 };
    ports * SWITCH_W_PER_800G_PORT * gbps / 800.0 / BACKEND_NETWORK_SHARE
}
/// Storage power, share of server power.
pub const STORAGE_POWER_SHARE: f64 = 0.02;
/// Servers per rack where cooling allows (HGX/DGX: 4 per rack, reference dataset §2c).
pub const SERVERS_PER_RACK: f64 = 4.0;
/// White space per rack including aisles, m² (estimate).
pub const M2_PER_RACK: f64 = 3.0;

// --- Money ([`crate::source::ECB_EUR_USD`], [`crate::source::TT_CONSTRUCTION`], [`crate::source::CW_CAPEX_SPLIT`]) ---

/// US dollars per euro: ECB reference rate, 2024 annual average.
pub const USD_PER_EUR: f64 = 1.0824;
/// Construction cost per MW of IT: Turner & Townsend, Frankfurt US$11.6/W (2025). Since
/// model 2.2 the Frankfurt price, scaled per country by [`crate::catalogue::Country::construction_factor`].
pub const CONSTRUCTION_USD_PER_MW: f64 = 11.6e6;
/// Split of construction cost: shell, electrical, mechanical, other (C&W shell ≈ 21 %; rest estimated).
pub const SPLIT_SHELL: f64 = 0.20;
/// Electrical share of construction at N+1.
pub const SPLIT_ELECTRICAL: f64 = 0.45;
/// Mechanical and cooling share of construction.
pub const SPLIT_MECHANICAL: f64 = 0.25;
/// Fit-out and other share of construction.
pub const SPLIT_OTHER: f64 = 0.10;
/// Land and soft costs, share of construction ([`crate::source::SOFT_COSTS_ESTIMATE`]).
pub const LAND_SOFT_SHARE: f64 = 0.10;
/// Network fabric capex, share of systems capex ([`crate::source::FABRIC_STORAGE`]).
pub const NETWORK_CAPEX_SHARE: f64 = 0.10;
/// Storage capex, share of systems capex.
pub const STORAGE_CAPEX_SHARE: f64 = 0.05;
/// Facility maintenance per year, share of facility capex ([`crate::source::OPEX_RULES`]: 1–3 %).
pub const MAINTENANCE_SHARE: f64 = 0.02;
/// IT support and spares per year, share of IT capex (3–5 %).
pub const SUPPORT_SHARE: f64 = 0.04;
/// On-site staff per MW of IT (0.3–0.5).
pub const FTE_PER_MW: f64 = 0.4;
/// Fully loaded cost of one FTE per year in Germany, € (estimate); since model 2.2
/// × the country's [`crate::catalogue::Country::labour_ratio`].
pub const EUR_PER_FTE: f64 = 90_000.0;

// --- Carbon ([`crate::source::NVIDIA_PCF`], [`crate::source::BUILDING_EMBODIED`]) ---

/// Embodied carbon of fabric and storage on top of the servers: +15 %.
pub const EMBODIED_FABRIC_FACTOR: f64 = 1.15;
/// Building and M&E embodied carbon per MW of IT, tCO2e (1,000–1,500).
pub const BUILDING_T_PER_MW: f64 = 1_250.0;

// --- Heat reuse ([`crate::source::HEAT_PUMP_COP`]; Meta Odense, reference dataset §5) ---

/// District heat per home: Meta Odense, 100,000 MWh/yr ≈ 6,900 homes.
pub const MWH_HEAT_PER_HOME: f64 = 100_000.0 / 6_900.0;

// --- Grid decarbonisation ([`crate::source::EEA_GRID_INTENSITY`], [`crate::source::EU_CLIMATE_LAW`]) ---

/// Year of the catalogue's grid and residual-mix intensities (Ember 2025, AIB 2025):
/// where the decarbonisation path starts, at today's intensity.
pub const GRID_BASE_YEAR: f64 = 2025.0;
/// Year the path reaches zero: the EU's climate neutrality by 2050 (European Climate
/// Law); the EEA finds that the past decade's decline, continued, fully decarbonises
/// EU electricity generation by 2050.
pub const GRID_ZERO_YEAR: f64 = 2050.0;

/// Average, over `years` of operation from `opening_year`, of the grid intensity
/// relative to today's on the decarbonisation path (issue 16 item 6): the intensity
/// of calendar year `t` is today's × (2050 − t) ÷ (2050 − 2025), zero from 2050 (a
/// straight line between the sourced end points: estimate). The year's value sits at
/// its middle, as the opening does (1 July), so the average of the line over
/// `[opening_year, opening_year + years]` is the average of the years' values:
/// `((2050 − a)² − (2050 − min(b, 2050))²) ÷ (2 × 25) ÷ years`, 0 from 2050.
/// 2028 for 10 years: (22² − 12²) ÷ 50 ÷ 10 = 0.68.
pub fn decarbonisation_factor(opening_year: f64, years: f64) -> f64 {
    let span = GRID_ZERO_YEAR - GRID_BASE_YEAR;
    let (a, b) = (opening_year.max(GRID_BASE_YEAR), opening_year + years);
    if years <= 0.0 {
        return 1.0;
    }
    if a >= GRID_ZERO_YEAR {
        return 0.0;
    }
    let end = b.min(GRID_ZERO_YEAR);
    ((GRID_ZERO_YEAR - a).powi(2) - (GRID_ZERO_YEAR - end).powi(2)) / (2.0 * span) / years
}

// --- Training ([`crate::source::FP8_SPEEDUP`], [`crate::source::LLAMA3_SCALE`]) ---

/// End-to-end training speed-up of FP8 over BF16 (1.22–1.28× measured at 1,856 B200;
/// NeMo up to ~1.4–1.6×), capped by the accelerator's FP8/BF16 peak ratio.
pub const FP8_SPEEDUP: f64 = 1.3;
/// Largest training run with a published MFU: Llama 3 405B on 16,384 H100.
pub const LARGEST_PUBLISHED_ACCELERATORS: f64 = 16_384.0;
/// Throughput per accelerator kept per doubling beyond that scale: Llama 3's
/// 41 % MFU on 16,384 H100 over its 43 % on 8,192.
pub const SCALE_EFFICIENCY_PER_DOUBLING: f64 = 41.0 / 43.0;

/// What sets a training run's speed besides the peak: the MFU used (the scenario's,
/// or the accelerator family's default while the scenario's is at its default),
/// precision and scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainingParams {
    /// BF16 MFU used.
    pub mfu: f64,
    /// `true` where that MFU is the catalogue's default for the family.
    pub mfu_is_catalogue_default: bool,
    /// Speed-up of the chosen precision over BF16 (1 for BF16).
    pub precision_speedup: f64,
    /// Throughput kept at this scale, 0–1 (1 up to the largest published run).
    pub scale_efficiency: f64,
    /// `true` beyond the largest published run.
    pub extrapolated: bool,
}

/// The training parameters for `count` accelerators of the scenario.
pub fn training_params(r: &Resolved<'_>, count: f64) -> TrainingParams {
    let (t, a) = (&r.scenario.training, r.accelerator);
    let mfu_is_catalogue_default = t.mfu == crate::scenario::DEFAULT_MFU;
    let precision_speedup = match t.precision {
        crate::Precision::Bf16 => 1.0,
        crate::Precision::Fp8 => FP8_SPEEDUP.min(a.fp8_tflops / a.bf16_tflops),
    };
    let extrapolated = count > LARGEST_PUBLISHED_ACCELERATORS;
    let doublings = (count / LARGEST_PUBLISHED_ACCELERATORS).log2().max(0.0);
    TrainingParams {
        mfu: if mfu_is_catalogue_default { a.default_mfu } else { t.mfu },
        mfu_is_catalogue_default,
        precision_speedup,
        scale_efficiency: SCALE_EFFICIENCY_PER_DOUBLING.powf(doublings),
        extrapolated,
    }
}

/// Multipliers on the uncertain inputs; all 1 for the central estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Factors {
    /// Electricity price.
    pub price: f64,
    /// Grid carbon intensity.
    pub carbon: f64,
    /// Accelerator-system prices.
    pub hardware_price: f64,
    /// Construction cost per MW.
    pub construction: f64,
    /// Cooling overhead (the PUE above 1 + losses).
    pub cooling: f64,
    /// Host power at load.
    pub host_power: f64,
    /// Staff, maintenance and support rules of thumb.
    pub opex_rules: f64,
    /// Model FLOPs utilisation.
    pub mfu: f64,
    /// Goodput.
    pub goodput: f64,
    /// Embodied carbon.
    pub embodied: f64,
}

impl Factors {
    /// The central estimate.
    pub const ONE: Factors = Factors {
        price: 1.0,
        carbon: 1.0,
        hardware_price: 1.0,
        construction: 1.0,
        cooling: 1.0,
        host_power: 1.0,
        opex_rules: 1.0,
        mfu: 1.0,
        goodput: 1.0,
        embodied: 1.0,
    };
}

/// Power of one accelerator with its host share at utilisation `u`, W.
fn server_w_per_accel(r: &Resolved<'_>, u: f64, f: &Factors) -> f64 {
    let a = r.accelerator;
    let accel = a.tdp_w * (ACCEL_IDLE_SHARE + (ACCEL_FULL_SHARE - ACCEL_IDLE_SHARE) * u);
    let host = a.host_w() * (HOST_IDLE_SHARE + (HOST_FULL_SHARE - HOST_IDLE_SHARE) * u) * f.host_power;
    accel + host
}

/// Rack layout: (systems per rack, rack kW), or the error if cooling cannot cope
/// or the heat rejection does not fit the cooling (an air-side economiser needs air).
fn rack_layout(r: &Resolved<'_>) -> Result<(f64, f64), ModelError> {
    let layout = rack_layout_for_cooling(r)?;
    let cooling = r.scenario.cooling;
    if r.scenario.heat_rejection == HeatRejection::Economiser && cooling != CoolingTech::Air {
        return Err(ModelError::ImplausiblePairing {
            system: r.accelerator.name,
            cooling: cooling.id(),
            why: Implausibility::EconomiserNeedsAir,
        });
    }
    Ok(layout)
}

fn rack_layout_for_cooling(r: &Resolved<'_>) -> Result<(f64, f64), ModelError> {
    let a = r.accelerator;
    let cooling = r.scenario.cooling;
    let limit = cooling.params().max_rack_kw;
    let implausible = |why| ModelError::ImplausiblePairing { system: a.name, cooling: cooling.id(), why };
    match a.form {
        SystemForm::Rack => {
            if a.system_kw > limit {
                return Err(ModelError::CoolingTooWeak { system: a.name, rack_kw: a.system_kw, limit_kw: limit });
            }
            if cooling == CoolingTech::Immersion {
                return Err(implausible(Implausibility::RackScaleImmersion));
            }
            Ok((1.0, a.system_kw))
        }
        SystemForm::Server if a.liquid_only() && matches!(cooling, CoolingTech::Air | CoolingTech::Rdhx) => {
            Err(implausible(Implausibility::LiquidOnly))
        }
        SystemForm::Server => {
            let per_rack = (limit / a.system_kw).floor().min(SERVERS_PER_RACK);
            if per_rack < 1.0 {
                return Err(ModelError::CoolingTooWeak { system: a.name, rack_kw: a.system_kw, limit_kw: limit });
            }
            Ok((per_rack, per_rack * a.system_kw))
        }
    }
}

/// The resolved electricity price, grid carbon intensity and residual-mix
/// intensity. A carbon override replaces both intensities: the planner's own
/// figure (a supplier-specific rate ranks above the residual mix in the GHG
/// Protocol's hierarchy, [`crate::source::GHG_PROTOCOL_SCOPE2`]).
fn site_price_carbon(r: &Resolved<'_>) -> (f64, f64, f64) {
    let s = r.scenario;
    (
        s.price_eur_per_mwh.unwrap_or(r.country.price_eur_per_mwh),
        s.carbon_g_per_kwh.unwrap_or(r.country.carbon_g_per_kwh),
        s.carbon_g_per_kwh.unwrap_or(r.country.residual_g_per_kwh),
    )
}

/// Evaluate `systems` whole systems.
pub fn compute(r: &Resolved<'_>, site: &SiteProfile, f: &Factors, systems: f64) -> Result<Estimate, ModelError> {
    let s = r.scenario;
    let a = r.accelerator;
    let per_system = f64::from(a.per_system);
    let count = systems * per_system;
    let (per_rack, rack_kw) = rack_layout(r)?;
    let racks = (systems / per_rack).ceil();

    // Power: nameplate for design, idle→full interpolation for the average.
    let to_mw = |w: f64| Megawatts(w * count / 1e6);
    let accelerators = to_mw(a.tdp_w);
    let hosts = to_mw(a.host_w() * f.host_power);
    let servers = accelerators + hosts;
    // Network at every load (model 2.1); storage scales with the servers.
    let network = to_mw(network_w_per_accelerator(a.scale_out_gbps(), count));
    let storage = servers * STORAGE_POWER_SHARE;
    let fabric = 1.0 + STORAGE_POWER_SHARE;
    let it_design = servers * fabric + network;
    let it_average = to_mw(server_w_per_accel(r, s.utilization, f)) * fabric + network;

    // PUE by month: the climate model, or the planner's override.
    // Fixed overheads (model 2.1): drawn at every load, so they weigh more per IT
    // MWh the lower the average load (not with an override, which is the PUE itself).
    let fixed_overhead = it_design * fixed_overhead_share(site);
    let part_load = if it_average.0 > 0.0 { fixed_overhead.0 * (1.0 / it_average.0 - 1.0 / it_design.0) } else { 0.0 };
    let mut pue_monthly = [0.0; 12];
    let mut pue_worst: f64 = 1.0;
    for (m, p) in pue_monthly.iter_mut().enumerate() {
        let full_load = monthly_pue(site, m, f.cooling);
        pue_worst = pue_worst.max(s.pue.unwrap_or(full_load));
        *p = s.pue.unwrap_or(full_load + part_load);
    }
    let mut energy_monthly = [MegawattHours(0.0); 12];
    for m in 0..12 {
        energy_monthly[m] = it_average.for_hours(MONTH_HOURS[m]) * pue_monthly[m];
    }
    let annual_energy: MegawattHours = energy_monthly.iter().copied().sum();
    let it_energy = it_average.for_hours(YEAR_HOURS);
    // An override is the annual PUE itself (not a ratio of sums that rounding could
    // put an ulp below it).
    let pue_annual = match s.pue {
        Some(p) => p,
        None if it_energy.0 > 0.0 => annual_energy.0 / it_energy.0,
        None => pue_monthly[0],
    };

    // Peak on the design day (model v2): the cooling equations at the site's design
    // condition; the monthly model stays for energy. An override is the PUE throughout.
    let pue_design = s.pue.unwrap_or_else(|| design_pue(site, f.cooling));
    // Split the overhead above IT: losses and misc first, the rest is cooling. An
    // override below 1 + losses + misc scales those two down so the parts still
    // add up to the facility power.
    let facility_peak = it_design * pue_design;
    let fixed = site.loss_share + MISC_SHARE;
    let fixed_scale = ((pue_design - 1.0) / fixed).min(1.0);
    let losses = it_design * (site.loss_share * fixed_scale);
    let misc = it_design * (MISC_SHARE * fixed_scale);
    let cooling_power = Megawatts((facility_peak - it_design - losses - misc).0.max(0.0));
    // The grid delivers the non-redundant peak (no margin: the IT load is already
    // at nameplate, while training draws ≈ 76 % of it, [`crate::source::BROOKHAVEN_NODE_POWER`]);
    // redundancy installs UPS for the critical IT load and generators for the whole facility.
    let grid_connection = facility_peak;
    let ups_capacity = it_design * s.redundancy.capacity_factor();
    let generator_capacity = facility_peak * s.redundancy.capacity_factor();

    // Heat and water. Heat per unit of IT cannot exceed the facility's energy per
    // unit of IT (a PUE override below the climate model's heat ratio).
    let heat_design = it_design * site.heat_ratio.min(pue_design);
    let mut water_monthly = [CubicMetres(0.0); 12];
    let mut wue_monthly = [0.0; 12];
    let mut heat_annual = MegawattHours(0.0);
    for m in 0..12 {
        let it_m = it_average.for_hours(MONTH_HOURS[m]);
        let heat_m = it_m * site.heat_ratio.min(pue_monthly[m]);
        heat_annual = heat_annual + heat_m;
        water_monthly[m] = CubicMetres(heat_m.0 * site.water_m3_per_mwh_heat[m]);
        wue_monthly[m] = if it_m.0 > 0.0 { water_monthly[m].0 / it_m.0 } else { 0.0 };
    }
    let water: f64 = water_monthly.iter().map(|w| w.0).sum();

    // Capex.
    let eur = |usd: f64| Euros(usd / USD_PER_EUR);
    let systems_capex = eur(a.price_usd * count * f.hardware_price);
    let cooling_params = s.cooling.params();
    // Model 2.2: the Frankfurt price with its labour share at the country's labour cost.
    let construction_usd_per_mw = CONSTRUCTION_USD_PER_MW * r.country.construction_factor();
    let construction =
        eur(construction_usd_per_mw * it_design.0 * (1.0 + cooling_params.capex_premium) * f.construction);
    let electrical_factor = s.redundancy.electrical_capex_factor();
    let capex = Capex {
        systems: systems_capex,
        network: systems_capex * NETWORK_CAPEX_SHARE,
        storage: systems_capex * STORAGE_CAPEX_SHARE,
        shell: construction * SPLIT_SHELL,
        electrical: construction * (SPLIT_ELECTRICAL * electrical_factor),
        mechanical: construction * SPLIT_MECHANICAL,
        other: construction * SPLIT_OTHER,
        land_soft: construction * LAND_SOFT_SHARE,
    };

    // Heat reuse.
    let exported = heat_annual * s.heat_reuse;
    let cop = cooling_params.heat_pump_cop;
    let heat = HeatReuse {
        exported,
        delivered: exported * (cop / (cop - 1.0)),
        heat_pump_energy: exported * (1.0 / (cop - 1.0)),
        homes_heated: exported.0 * (cop / (cop - 1.0)) / MWH_HEAT_PER_HOME,
    };

    // Opex.
    let (price, carbon_g, residual_g) = site_price_carbon(r);
    let price = price * f.price;
    let carbon_g = carbon_g * f.carbon;
    let residual_g = residual_g * f.carbon;
    // Market-based intensity of a MWh (GHG Protocol Scope 2): the PPA share at
    // zero, the rest at the residual mix; g/kWh = kg/MWh.
    let market_g = residual_g * (1.0 - s.renewable_share);
    let staff_eur_per_fte = EUR_PER_FTE * r.country.labour_ratio();
    let opex = Opex {
        electricity: Euros(annual_energy.0 * price),
        maintenance: capex.facility() * (MAINTENANCE_SHARE * f.opex_rules),
        support: capex.it() * (SUPPORT_SHARE * f.opex_rules),
        staff: Euros(FTE_PER_MW * it_design.0 * staff_eur_per_fte * f.opex_rules),
        // 0 − x, not −x: no heat exported must read €0, not −€0.
        heat_revenue: Euros(0.0 - exported.0 * s.heat_price_eur_per_mwh),
    };

    // Ownership cost.
    let annualised_capex = capex.it() * capital_recovery_factor(s.wacc, s.it_life_years)
        + capex.facility() * capital_recovery_factor(s.wacc, s.facility_life_years);
    let (it, facility, opex_year) = (capex.it().0, capex.facility().0, opex.total().0);
    let tco = ownership(it, facility, opex_year, s, s.wacc);
    let tco_undiscounted = ownership(it, facility, opex_year, s, 0.0);
    let annual_cost = annualised_capex + opex.total();
    let peak_pflops_bf16 = count * a.bf16_tflops / 1_000.0;
    let cost_per_gpu_hour = Euros(annual_cost.0 / (count * YEAR_HOURS));
    let cost_per_used_gpu_hour =
        if s.utilization > 0.0 { Euros(cost_per_gpu_hour.0 / s.utilization) } else { Euros(0.0) };
    let cost_per_pflop_year = Euros(annual_cost.0 / peak_pflops_bf16);

    // Carbon: g/kWh = kg/MWh, so t = MWh × g/kWh ÷ 1000.
    let location = TonnesCo2(annual_energy.0 * carbon_g / 1_000.0);
    let market = TonnesCo2(annual_energy.0 * market_g / 1_000.0);
    // Model 2.3: the optional decarbonisation path scales both intensities by their
    // average over the horizon (1 when off: today's intensities, frozen).
    let path = if s.decarbonise { decarbonisation_factor(s.opening_year, s.years) } else { 1.0 };
    let embodied_hardware = TonnesCo2(count * a.embodied_kg * EMBODIED_FABRIC_FACTOR * f.embodied / 1_000.0);
    let embodied_building = TonnesCo2(it_design.0 * BUILDING_T_PER_MW * f.embodied);
    let carbon = Carbon {
        location_per_year: location * path,
        market_per_year: market * path,
        location_per_year_frozen: location,
        market_per_year_frozen: market,
        decarbonisation_factor: path,
        embodied_hardware,
        embodied_building,
        embodied_per_year: embodied_hardware * (1.0 / s.it_life_years)
            + embodied_building * (1.0 / s.facility_life_years),
    };

    // EED indicators.
    let wue = if it_energy.0 > 0.0 { water / it_energy.0 } else { 0.0 }; // m³/MWh = L/kWh
    let erf = if annual_energy.0 > 0.0 { exported.0 / annual_energy.0 } else { 0.0 };
    let kpis = Kpis { pue: pue_annual, wue, erf, ref_: s.renewable_share };
    let (checks, rules) = rule_checks(r, it_design, grid_connection, &kpis);

    // Context.
    let twh = annual_energy.0 / 1e6;
    let context = Context {
        share_of_country: twh / r.country.demand_twh,
        share_of_eu: twh / EU27_DEMAND_TWH,
        households_equivalent: annual_energy.0 * 1_000.0 / r.country.household_kwh,
    };

    // Training run: all accelerators at full load.
    let t = &s.training;
    let flop = 6.0 * t.params_b * 1e9 * t.tokens_t * 1e12;
    let p = training_params(r, count);
    let mfu = (p.mfu * f.mfu).min(1.0);
    let goodput = (t.goodput * f.goodput).min(1.0);
    let rate = count * a.bf16_tflops * 1e12 * mfu * p.precision_speedup * p.scale_efficiency * goodput;
    let hours = flop / rate / 3_600.0;
    let it_full = to_mw(server_w_per_accel(r, 1.0, f)) * fabric + network;
    let train_energy = it_full.for_hours(hours) * pue_annual;
    let training = Training {
        flop,
        days: Days(hours / 24.0),
        accelerator_hours: hours * count,
        energy: train_energy,
        co2: TonnesCo2(train_energy.0 * market_g / 1_000.0),
        co2_location: TonnesCo2(train_energy.0 * carbon_g / 1_000.0),
        cost: Euros(cost_per_gpu_hour.0 * hours * count),
        mfu: p.mfu,
        mfu_is_catalogue_default: p.mfu_is_catalogue_default,
        precision_speedup: p.precision_speedup,
        scale_efficiency: p.scale_efficiency,
        extrapolated: p.extrapolated,
    };

    Ok(Estimate {
        accelerator_count: count,
        systems,
        racks,
        rack_kw,
        floor_area_m2: racks * M2_PER_RACK,
        peak_pflops_bf16,
        power: Power {
            accelerators,
            hosts,
            network,
            storage,
            it_design,
            it_average,
            losses,
            cooling: cooling_power,
            misc,
            fixed_overhead,
            facility_peak,
            facility_peak_monthly_mean: it_design * pue_worst,
            grid_connection,
            ups_capacity,
            generator_capacity,
        },
        pue_monthly,
        energy_monthly,
        annual_energy,
        it_energy,
        cooling: Cooling {
            heat_design,
            chiller_capacity: heat_design * site.chiller_share.max(site.design_chiller_share),
            heat_annual,
            water: CubicMetres(water),
            water_monthly,
            wue_monthly,
            free_cooling_monthly: site.free_cooling_share,
            outdoor_temp_monthly_c: r.country.monthly_temp_c,
            design_dry_bulb_c: site.design.dry_bulb_c,
            design_wet_bulb_c: site.design.wet_bulb_c,
            design_is_estimate: site.design.is_estimate,
        },
        pue_design,
        price_eur_per_mwh: price,
        carbon_g_per_kwh: carbon_g,
        residual_g_per_kwh: residual_g,
        capex,
        construction_usd_per_mw,
        staff_eur_per_fte,
        local_cost_is_estimate: r.country.construction_is_estimate() || r.country.labour_is_estimate,
        opex,
        annualised_capex,
        tco: Euros(tco.cost),
        tco_undiscounted: Euros(tco_undiscounted.cost),
        residual_value: Euros(tco_undiscounted.residual),
        cost_per_gpu_hour,
        cost_per_used_gpu_hour,
        cost_per_pflop_year,
        carbon,
        kpis,
        checks,
        rules,
        heat,
        context,
        training,
    })
}

/// Cost of ownership over a horizon and the residual value at its end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ownership {
    /// Purchases and opex less the residual value, discounted to year 0.
    pub cost: f64,
    /// Straight-line residual value at the horizon's end, undiscounted.
    pub residual: f64,
}

/// Ownership cost over `s.years` at discount rate `rate` ([`crate::source::NREL_ECONOMICS`]):
/// - IT (`it` €) bought at years 0, L, 2L, … while before the horizon (L the IT life),
///   the facility likewise over its life (a renewal past its life);
/// - `opex` € a year paid at each year's end: × (1 − (1 + r)^−Y) / r (× Y at r = 0),
///   a fractional last year pro rata by the same formula;
/// - less the straight-line residual value of each last purchase still within its
///   life at the horizon's end (cost × remaining life ÷ life), received then
///   ([`crate::source::DEPRECIATION`]: servers are depreciated straight-line).
///
/// `rate` 0 gives the undiscounted sum with the same purchases and residual value.
pub fn ownership(it: f64, facility: f64, opex: f64, s: &crate::Scenario, rate: f64) -> Ownership {
    let discount = |t: f64| (1.0 + rate).powf(-t);
    let years = s.years;
    let mut cost = 0.0;
    let mut residual = 0.0;
    for (price, life) in [(it, s.it_life_years), (facility, s.facility_life_years)] {
        // Purchases at 0, life, …, while before the horizon (a purchase at the horizon buys nothing used).
        let purchases = (years / life - 1e-9).ceil().max(1.0);
        for k in 0..purchases as u32 {
            cost += price * discount(f64::from(k) * life);
        }
        let left = price * ((purchases * life - years) / life).clamp(0.0, 1.0);
        residual += left;
        cost -= left * discount(years);
    }
    let annuity = if rate.abs() < 1e-9 { years } else { (1.0 - discount(years)) / rate };
    Ownership { cost: cost + opex * annuity, residual }
}

/// EnEfG §11(2) ERF target for a data centre opening in `year` (on or after 1 July):
/// 10 % from 2026, 15 % from 2027, 20 % from 2028; 0 before 2026 ([`crate::source::ENEFG`]).
pub fn enefg_erf_target(year: f64) -> f64 {
    match year.floor() {
        y if y >= 2028.0 => 0.20,
        y if y >= 2027.0 => 0.15,
        y if y >= 2026.0 => 0.10,
        _ => 0.0,
    }
}

/// EED Art. 12 and 26(6) and Germany's EnEfG §11 against the design, dated by the opening year.
fn rule_checks(r: &Resolved<'_>, it_design: Megawatts, grid: Megawatts, k: &Kpis) -> ([Check; 4], EuRules) {
    let s = r.scenario;
    let eed = Check {
        rule: Rule::EedReporting,
        status: if it_design.0 >= 0.5 { Status::Applies } else { Status::NotApplicable },
        value: it_design.0,
        limit: 0.5,
    };
    // EnEfG applies to data centres in Germany with ≥ 300 kW non-redundant connection power.
    let german = r.country.code == "DE" && grid.0 >= 0.3;
    let new = s.opening_year >= 2026.0;
    let judge = |applies: bool, ok: bool| match (applies, ok) {
        (false, _) => Status::NotApplicable,
        (true, true) => Status::Pass,
        (true, false) => Status::Fail,
    };
    let erf_target = if german { enefg_erf_target(s.opening_year) } else { 0.0 };
    let erf_duty = match () {
        _ if r.country.code != "DE" => ErfDuty::NotGerman,
        _ if !german => ErfDuty::BelowThreshold,
        _ if !new => ErfDuty::OpenedBefore2026,
        _ if s.heat_reuse <= 0.0 => ErfDuty::NoOfftaker,
        _ => ErfDuty::Target,
    };
    let pue_limit = if new { 1.2 } else { 1.3 };
    let erf_applies = german && new;
    let cba_status = match (grid.0 > 1.0, s.heat_reuse > 0.0) {
        (false, _) => Status::NotApplicable,
        (true, true) => Status::Pass,
        (true, false) => Status::Applies,
    };
    let checks = [
        eed,
        Check {
            rule: Rule::EnefgPue,
            status: judge(german, k.pue <= pue_limit + 1e-9),
            value: k.pue,
            limit: pue_limit,
        },
        Check {
            rule: Rule::EnefgErf,
            status: judge(erf_applies, k.erf >= erf_target - 1e-9),
            value: k.erf,
            limit: if erf_applies { erf_target } else { enefg_erf_target(s.opening_year) },
        },
        Check { rule: Rule::EnefgRenewable, status: judge(german, k.ref_ >= 1.0 - 1e-9), value: k.ref_, limit: 1.0 },
    ];
    let rules = EuRules {
        opening_year: s.opening_year,
        connection_mw: grid.0,
        erf_target,
        erf_duty,
        pue_limit,
        eed_heat_cba: ListedCheck { status: cba_status, value: grid.0, limit: 1.0 },
    };
    (checks, rules)
}

/// How many whole systems the scenario's sizing asks for.
pub fn size(r: &Resolved<'_>, site: &SiteProfile) -> Result<f64, ModelError> {
    let per_system = f64::from(r.accelerator.per_system);
    let systems = match r.scenario.sizing {
        Sizing::Count(n) => (n / per_system).ceil(),
        // Relative slack so that a target read off N systems gives N, not N + 1.
        Sizing::ComputePflops(target) => {
            let n = target / (per_system * r.accelerator.bf16_tflops / 1_000.0);
            (n * (1.0 - 1e-12)).ceil()
        }
        // The budget is what the grid delivers: the grid connection.
        Sizing::PowerMw(budget) => {
            let unit = compute(r, site, &Factors::ONE, 1.0)?.power.grid_connection.0;
            let n = (budget / unit + 1e-9).floor();
            if n < 1.0 {
                return Err(ModelError::BudgetTooSmall { what: "power", one_system: unit, unit: "MW" });
            }
            n
        }
        Sizing::CapexEur(budget) => {
            let unit = compute(r, site, &Factors::ONE, 1.0)?.capex.total().0;
            let n = (budget / unit + 1e-9).floor();
            if n < 1.0 {
                return Err(ModelError::BudgetTooSmall { what: "capital", one_system: unit, unit: "€" });
            }
            n
        }
    };
    // The network's tiers (model 2.1) make the model step up where a fabric needs a third
    // tier: where the first system's cost overshoots, find the most that fit.
    let mut systems = systems;
    let used = |n: f64| -> Result<(f64, f64), ModelError> {
        Ok(match r.scenario.sizing {
            Sizing::PowerMw(b) => (compute(r, site, &Factors::ONE, n)?.power.grid_connection.0, b),
            Sizing::CapexEur(b) => (compute(r, site, &Factors::ONE, n)?.capex.total().0, b),
            _ => (0.0, 1.0),
        })
    };
    let (v, b) = used(systems)?;
    if v > b * (1.0 + 1e-9) {
        // The most systems that fit lie below `systems`: bisect (the cost rises with systems).
        let (mut lo, mut hi) = (1.0, systems);
        while hi - lo > 1.0 {
            let mid = ((lo + hi) / 2.0).floor();
            if used(mid)?.0 > b * (1.0 + 1e-9) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        systems = lo;
    }
    // Checked after rounding up to whole systems: 10,000,000 GB200 are 138,889
    // NVL72 racks, 10,000,008 accelerators, and are refused.
    if systems * per_system > MAX_ACCELERATORS {
        return Err(ModelError::TooManyAccelerators(systems * per_system));
    }
    Ok(systems.max(1.0))
}
