//! What the model returns. Plain `Copy` data, no heap: the Monte-Carlo
//! evaluates it thousands of times per keystroke.

use crate::units::{CubicMetres, Days, Euros, MegawattHours, Megawatts, TonnesCo2};

/// IT and facility power.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Power {
    /// Accelerators at their TDP.
    pub accelerators: Megawatts,
    /// Host CPUs, memory, NICs, fans and power-supply headroom at nameplate.
    pub hosts: Megawatts,
    /// Cluster network fabric.
    pub network: Megawatts,
    /// Storage.
    pub storage: Megawatts,
    /// IT load at design (every system at its maximum draw + network + storage).
    pub it_design: Megawatts,
    /// Mean IT load at the chosen utilisation.
    pub it_average: Megawatts,
    /// Power-chain losses at design load.
    pub losses: Megawatts,
    /// Cooling power at design load in the worst month.
    pub cooling: Megawatts,
    /// Lighting, offices, security at design load.
    pub misc: Megawatts,
    /// The part of the facility overhead drawn whatever the IT load (model 2.1):
    /// the power chain's no-load losses and the lighting, offices and security. It
    /// is inside `losses` and `misc` at design load and raises the PUE at part load.
    pub fixed_overhead: Megawatts,
    /// Peak facility draw: IT design × the design day's PUE (model v2; the cooling
    /// equations at the site's design condition, [`crate::catalogue::Country::design`]).
    pub facility_peak: Megawatts,
    /// What the peak was before model v2: IT design × the worst month's mean PUE
    /// (for comparison; never above `facility_peak`).
    pub facility_peak_monthly_mean: Megawatts,
    /// Grid connection to request: the non-redundant facility peak, with no margin
    /// on top (the IT load in it is already every system at nameplate). Redundancy
    /// sizes UPS and generators, not the import (EnEfG counts the non-redundant
    /// connection).
    pub grid_connection: Megawatts,
    /// Installed UPS capacity: the critical IT load × the redundancy's capacity
    /// factor (N 1, N+1 1.25, 2N 2).
    pub ups_capacity: Megawatts,
    /// Installed standby-generator capacity: the facility peak × the redundancy's
    /// capacity factor.
    pub generator_capacity: Megawatts,
}

/// Cooling plant and water.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cooling {
    /// Heat to reject at design load, MW thermal.
    pub heat_design: Megawatts,
    /// Chiller (trim-cooling) capacity: the heat of the loops that need chillers on the
    /// design day (or in the hottest month, if more), MW thermal.
    pub chiller_capacity: Megawatts,
    /// Heat rejected over the year, MWh thermal.
    pub heat_annual: MegawattHours,
    /// Water consumed per year (the sum of `water_monthly`).
    pub water: CubicMetres,
    /// Water consumed in each month, January first (model 2.1: towers evaporate
    /// less of the heat in cold months, adiabatic coolers spray only in hot hours).
    pub water_monthly: [CubicMetres; 12],
    /// Water usage effectiveness in each month, L per kWh of that month's IT energy.
    pub wue_monthly: [f64; 12],
    /// Share of the heat rejected without chillers, per month
    /// ([`crate::site::SiteProfile::free_cooling_share`]).
    pub free_cooling_monthly: [f64; 12],
    /// The site's monthly mean outdoor (dry-bulb) temperature, °C, January first.
    pub outdoor_temp_monthly_c: [f64; 12],
    /// The site's design dry-bulb temperature, °C.
    pub design_dry_bulb_c: f64,
    /// Its mean coincident wet-bulb temperature, °C.
    pub design_wet_bulb_c: f64,
    /// `true` where the design condition is derived, not read from a table.
    pub design_is_estimate: bool,
}

impl Cooling {
    /// Share of the year's heat rejected without chillers: the monthly shares
    /// weighted by each month's hours (the heat load is the same every hour).
    pub fn free_cooling_annual(&self) -> f64 {
        let hours: f64 = crate::site::MONTH_HOURS.iter().sum();
        self.free_cooling_monthly.iter().zip(crate::site::MONTH_HOURS).map(|(s, h)| s * h).sum::<f64>() / hours
    }
}

/// Capital expenditure by part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capex {
    /// Accelerator systems (servers or racks).
    pub systems: Euros,
    /// Cluster network fabric.
    pub network: Euros,
    /// Storage.
    pub storage: Euros,
    /// Building shell.
    pub shell: Euros,
    /// Electrical plant with its redundancy (UPS, generators, switchgear, distribution).
    pub electrical: Euros,
    /// Mechanical and cooling plant.
    pub mechanical: Euros,
    /// Fit-out and other construction.
    pub other: Euros,
    /// Land and soft costs (design, permits, fees).
    pub land_soft: Euros,
}

impl Capex {
    /// IT capex: systems, network, storage.
    pub fn it(&self) -> Euros {
        self.systems + self.network + self.storage
    }
    /// Facility capex: everything else.
    pub fn facility(&self) -> Euros {
        self.shell + self.electrical + self.mechanical + self.other + self.land_soft
    }
    /// Everything bought to open the factory.
    pub fn total(&self) -> Euros {
        self.it() + self.facility()
    }
}

/// Operating expenditure per year by part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Opex {
    /// Electricity.
    pub electricity: Euros,
    /// Facility maintenance.
    pub maintenance: Euros,
    /// IT hardware support and spares.
    pub support: Euros,
    /// On-site staff.
    pub staff: Euros,
    /// Revenue from heat sold to district heating (≤ 0).
    pub heat_revenue: Euros,
}

impl Opex {
    /// A year of opex, net of heat sales.
    pub fn total(&self) -> Euros {
        self.electricity + self.maintenance + self.support + self.staff + self.heat_revenue
    }
}

/// Emissions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Carbon {
    /// Location-based emissions per year: energy × grid average intensity (× the
    /// decarbonisation path's [`Carbon::decarbonisation_factor`] when it is on).
    pub location_per_year: TonnesCo2,
    /// Market-based emissions per year (GHG Protocol Scope 2): the PPA share at
    /// zero, the rest at the country's residual mix (AIB); × the path's factor when on.
    pub market_per_year: TonnesCo2,
    /// Location-based emissions per year at today's grid intensity, frozen over the
    /// horizon (model 2.3): equal to `location_per_year` when the path is off.
    pub location_per_year_frozen: TonnesCo2,
    /// Market-based emissions per year at today's residual mix, frozen (model 2.3).
    pub market_per_year_frozen: TonnesCo2,
    /// Average intensity over the horizon relative to today's on the grid-decarbonisation
    /// path, 0–1 ([`crate::compute::decarbonisation_factor`]); 1 when the path is off.
    /// The path's effect on the yearly CO2 is `1 − decarbonisation_factor`.
    pub decarbonisation_factor: f64,
    /// Embodied carbon of the IT hardware (one purchase).
    pub embodied_hardware: TonnesCo2,
    /// Embodied carbon of the building and M&E plant.
    pub embodied_building: TonnesCo2,
    /// Embodied carbon spread over the lives: hardware ÷ IT life + building ÷ facility life.
    pub embodied_per_year: TonnesCo2,
}

/// Energy Efficiency Directive indicators (Delegated Regulation 2024/1364, Annex III).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kpis {
    /// Power usage effectiveness, E_DC / E_IT.
    pub pue: f64,
    /// Water usage effectiveness, L per kWh of IT energy.
    pub wue: f64,
    /// Energy reuse factor, E_reuse / E_DC.
    pub erf: f64,
    /// Renewable energy factor, E_ren / E_DC.
    pub ref_: f64,
}

/// Outcome of one rule check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The rule applies and the design meets it.
    Pass,
    /// The rule applies and the design misses it.
    Fail,
    /// The rule applies as a duty to report, with no threshold.
    Applies,
    /// The rule does not apply at this site or size.
    NotApplicable,
}

/// Which rule a check is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// EED Art. 12: yearly reporting for ≥ 500 kW IT.
    EedReporting,
    /// EnEfG §11: PUE ≤ 1.2 for data centres starting from 1 Jul 2026 (≤ 1.3 by 2030 for older ones).
    EnefgPue,
    /// EnEfG §11(2): ERF ≥ 10 / 15 / 20 % for data centres starting from 1 Jul 2026 / 2027 / 2028
    /// ([`EuRules::erf_target`]).
    EnefgErf,
    /// EnEfG §11(5): 100 % renewable electricity from 1 Jan 2027.
    EnefgRenewable,
}

/// One rule checked against the design.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Check {
    /// The rule.
    pub rule: Rule,
    /// The outcome.
    pub status: Status,
    /// The design's value of the checked indicator.
    pub value: f64,
    /// The limit (NaN-free: 0 where the rule has none).
    pub limit: f64,
}

/// Why Germany's EnEfG §11(2) heat-reuse (ERF) target binds or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErfDuty {
    /// Not in Germany.
    NotGerman,
    /// Non-redundant connection below 300 kW (EnEfG covers data centres from 300 kW).
    BelowThreshold,
    /// Opened before 1 July 2026: an existing data centre, with no ERF target.
    OpenedBefore2026,
    /// The target applies and heat is exported.
    Target,
    /// The target applies but no heat offtaker is set (no heat exported): the
    /// operator is exempt only if it shows a §11(3) ground — an agreement with a
    /// nearby municipality or heat-network operator to use the heat later, or heat
    /// offered at cost to the network operator and not taken up.
    NoOfftaker,
}

/// One rule checked outside [`Rule`]'s list (model v2), with its outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListedCheck {
    /// The outcome.
    pub status: Status,
    /// The design's value of the checked quantity.
    pub value: f64,
    /// The threshold.
    pub limit: f64,
}

/// The EU and national rules dated by the opening year (model v2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EuRules {
    /// The scenario's opening year (on or after 1 July).
    pub opening_year: f64,
    /// The non-redundant connection power EnEfG's 300 kW test uses, MW (the grid connection).
    pub connection_mw: f64,
    /// EnEfG §11(2) ERF target for this opening year: 10 % from 1 July 2026, 15 % from
    /// 1 July 2027, 20 % from 1 July 2028; 0 where it does not apply.
    pub erf_target: f64,
    /// Why the ERF target binds or not.
    pub erf_duty: ErfDuty,
    /// EnEfG §11 PUE limit: 1.2 for data centres opening from 1 July 2026, 1.3 (from
    /// 1 July 2030; 1.5 from 1 July 2027) for those opened before.
    pub pue_limit: f64,
    /// EED Art. 26(6): a data centre with a total rated energy input above 1 MW uses its
    /// waste heat or shows, by the cost-benefit analysis of Art. 26(7), that it is not
    /// technically or economically feasible. Value: rated input (the grid connection),
    /// MW; limit 1 MW. Pass where heat is exported, Applies (the analysis is due) where not.
    pub eed_heat_cba: ListedCheck,
}

/// Heat exported to district heating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeatReuse {
    /// Data-centre heat handed over per year.
    pub exported: MegawattHours,
    /// Heat delivered to the network after the heat pumps lift it.
    pub delivered: MegawattHours,
    /// Electricity of those heat pumps (outside the PUE boundary, as EnEfG counts it).
    pub heat_pump_energy: MegawattHours,
    /// Homes whose heat demand that covers.
    pub homes_heated: f64,
}

/// The factory against its country.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Context {
    /// Share of the host country's electricity demand.
    pub share_of_country: f64,
    /// Share of the EU-27's electricity demand.
    pub share_of_eu: f64,
    /// Dwellings of the host country using the same electricity.
    pub households_equivalent: f64,
}

/// The training run on this factory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Training {
    /// Training compute, FLOP (6·N·D).
    pub flop: f64,
    /// Wall-clock duration.
    pub days: Days,
    /// Accelerator-hours.
    pub accelerator_hours: f64,
    /// Facility energy of the run.
    pub energy: MegawattHours,
    /// Emissions of the run, market-based (PPA share at zero, the rest at the residual mix).
    pub co2: TonnesCo2,
    /// Emissions of the run, location-based (grid average).
    pub co2_location: TonnesCo2,
    /// Cost of the run at the factory's cost per accelerator-hour.
    pub cost: Euros,
    /// BF16 model FLOPs utilisation used (before the scale efficiency): the
    /// scenario's, or the accelerator family's default
    /// ([`crate::catalogue::Accelerator::default_mfu`]) while the scenario's is at its default.
    pub mfu: f64,
    /// `true` where `mfu` is the catalogue's default for the accelerator family.
    pub mfu_is_catalogue_default: bool,
    /// End-to-end speed-up of the run's precision over BF16 (FP8 1.3, not the 2× peak ratio).
    pub precision_speedup: f64,
    /// Throughput per accelerator kept at this scale (1 up to 16,384 accelerators).
    pub scale_efficiency: f64,
    /// `true` when the run is larger than the largest published one (16,384 H100,
    /// Llama 3): its time is extrapolated with the scale-efficiency law.
    pub extrapolated: bool,
}

/// The full estimate for one scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Accelerators, rounded up to whole systems.
    pub accelerator_count: f64,
    /// Systems (servers or racks).
    pub systems: f64,
    /// Racks.
    pub racks: f64,
    /// Power of one rack at design load, kW.
    pub rack_kw: f64,
    /// White-space floor area, m².
    pub floor_area_m2: f64,
    /// Peak dense BF16 compute, PFLOP/s.
    pub peak_pflops_bf16: f64,
    /// Power.
    pub power: Power,
    /// PUE per month.
    pub pue_monthly: [f64; 12],
    /// PUE on the design day (the facility peak ÷ IT design; the override if set).
    pub pue_design: f64,
    /// Facility energy per month.
    pub energy_monthly: [MegawattHours; 12],
    /// Facility energy over the year.
    pub annual_energy: MegawattHours,
    /// IT energy over the year.
    pub it_energy: MegawattHours,
    /// Cooling and water.
    pub cooling: Cooling,
    /// Electricity price used, €/MWh.
    pub price_eur_per_mwh: f64,
    /// Grid carbon intensity used (location-based), gCO2e/kWh.
    pub carbon_g_per_kwh: f64,
    /// Residual-mix intensity used for the share not covered by PPAs
    /// (market-based), gCO2/kWh: the country's AIB residual mix, or the override.
    pub residual_g_per_kwh: f64,
    /// Capex.
    pub capex: Capex,
    /// Construction price used, US$ per MW of IT design power, before the cooling premium
    /// (model 2.2): Frankfurt's US$11.6 M × the country's construction factor
    /// ([`crate::catalogue::Country::construction_factor`]).
    pub construction_usd_per_mw: f64,
    /// Fully loaded cost of one on-site FTE a year, € (model 2.2): €90 000 in Germany ×
    /// the country's labour cost ratio ([`crate::catalogue::Country::labour_ratio`]).
    pub staff_eur_per_fte: f64,
    /// `true` where the construction price or the staff cost is an estimate: outside
    /// Germany (no other EU city in the construction index), or where the country's
    /// labour cost is itself estimated.
    pub local_cost_is_estimate: bool,
    /// Opex per year.
    pub opex: Opex,
    /// Capex annualised with the discount rate over the IT and facility lives.
    pub annualised_capex: Euros,
    /// Total cost of ownership: the present value at the WACC of the capex at
    /// year 0, IT bought again at each end of its life and the facility at each
    /// end of its life within the horizon, and opex paid at each year's end, less
    /// the straight-line residual value of the equipment still within its life at
    /// the horizon's end ([`crate::compute::ownership`]).
    pub tco: Euros,
    /// The same purchases, opex and residual value summed without discounting.
    pub tco_undiscounted: Euros,
    /// Straight-line residual value at the horizon's end of the IT and facility
    /// still within their lives (undiscounted; `tco_undiscounted` subtracts it).
    pub residual_value: Euros,
    /// Annualised capex + opex per installed accelerator-hour (every accelerator,
    /// 8,760 hours a year).
    pub cost_per_gpu_hour: Euros,
    /// Annualised capex + opex per used accelerator-hour: `cost_per_gpu_hour` ÷
    /// utilisation (0 at zero utilisation, where no hour is used).
    pub cost_per_used_gpu_hour: Euros,
    /// Annualised capex + opex per PFLOP/s of peak BF16 for a year.
    pub cost_per_pflop_year: Euros,
    /// Emissions.
    pub carbon: Carbon,
    /// EED indicators.
    pub kpis: Kpis,
    /// EU and national rule checks.
    pub checks: [Check; 4],
    /// The rules dated by the opening year, the ERF exemption and EED Art. 26(6).
    pub rules: EuRules,
    /// Heat reuse.
    pub heat: HeatReuse,
    /// National context.
    pub context: Context,
    /// The training run.
    pub training: Training,
}

impl Estimate {
    /// Annual PUE (energy-weighted).
    pub fn pue(&self) -> f64 {
        self.kpis.pue
    }

    /// The public headline metrics of release 1 as (name, value) pairs, in the
    /// units their names say: the `data-metric` interface of the page and the CSV
    /// export. [`Estimate::all_metrics`] adds model v2's four.
    pub fn metrics(&self) -> [(&'static str, f64); 17] {
        [
            ("accelerator_count", self.accelerator_count),
            ("it_power_mw", self.power.it_design.value()),
            ("facility_power_mw", self.power.facility_peak.value()),
            ("pue", self.kpis.pue),
            ("annual_energy_gwh", self.annual_energy.gwh()),
            ("cooling_load_mw", self.cooling.heat_design.value()),
            ("water_m3_per_year", self.cooling.water.value()),
            ("capex_eur", self.capex.total().value()),
            ("opex_eur_per_year", self.opex.total().value()),
            ("tco_eur", self.tco.value()),
            ("cost_per_gpu_hour_eur", self.cost_per_gpu_hour.value()),
            ("co2_t_per_year", self.carbon.market_per_year.value()),
            ("compute_pflops_bf16", self.peak_pflops_bf16),
            ("train_days", self.training.days.value()),
            ("train_energy_mwh", self.training.energy.value()),
            ("train_co2_t", self.training.co2.value()),
            ("train_cost_eur", self.training.cost.value()),
        ]
    }

    /// [`Estimate::metrics`] followed by model v2's metrics (DESIGN.md):
    /// `grid_connection_mw`, `tco_undiscounted_eur`, `cost_per_used_gpu_hour_eur`
    /// and `co2_location_t_per_year`.
    pub fn all_metrics(&self) -> [(&'static str, f64); 21] {
        let m = self.metrics();
        let v2 = [
            ("grid_connection_mw", self.power.grid_connection.value()),
            ("tco_undiscounted_eur", self.tco_undiscounted.value()),
            ("cost_per_used_gpu_hour_eur", self.cost_per_used_gpu_hour.value()),
            ("co2_location_t_per_year", self.carbon.location_per_year.value()),
        ];
        std::array::from_fn(|i| if i < m.len() { m[i] } else { v2[i - m.len()] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_years_free_cooling_weights_each_month_by_its_hours() {
        let mut monthly = [0.5; 12];
        monthly[0] = 1.0;
        let c = Cooling {
            heat_design: Megawatts(1.0),
            chiller_capacity: Megawatts(0.0),
            heat_annual: MegawattHours(8760.0),
            water: CubicMetres(0.0),
            water_monthly: [CubicMetres(0.0); 12],
            wue_monthly: [0.0; 12],
            free_cooling_monthly: monthly,
            outdoor_temp_monthly_c: [10.0; 12],
            design_dry_bulb_c: 30.0,
            design_wet_bulb_c: 20.0,
            design_is_estimate: true,
        };
        assert!((c.free_cooling_annual() - (744.0 + 0.5 * 8016.0) / 8760.0).abs() < 1e-12);
    }
}
