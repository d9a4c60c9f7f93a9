//! The site explorer (issue 17, "Where in Europe?"): the current design, everything
//! but the site, evaluated in every EU member state and ranked ([`rank_sites`],
//! [`sort_rows`]); one numeric input swept across its range ([`sweep`]); and the
//! factory multiplied to the totals of the EU's AI-gigafactory call ([`eu_scale`]).
//!
//! Pure functions over [`evaluate`]: every figure here is one the headline would
//! show for the same scenario, under the same names as [`Estimate::all_metrics`].

use crate::catalogue::{COUNTRIES, EU27_DEMAND_TWH};
use crate::error::ModelError;
use crate::estimate::{Estimate, Rule, Status};
use crate::scenario::ranges::{self, Range};
use crate::scenario::{Scenario, Sizing};
use crate::{evaluate, sort};

/// Name of the figure the explorer adds to [`Estimate::all_metrics`]: the factory's
/// annual energy as a share of its host country's annual electricity demand
/// ([`crate::catalogue::Country::demand_twh`], [`crate::source::EMBER_DEMAND`]),
/// a share (0.01 = 1 %).
pub const NATIONAL_DEMAND_SHARE: &str = "national_demand_share";

/// The figures the explorer ranks sites by, as its columns list them: facility
/// power, PUE, annual energy, water, capex, cost per installed and per used
/// accelerator-hour, market-based CO₂ and the share of national demand. Every
/// name is one of [`Estimate::all_metrics`] except [`NATIONAL_DEMAND_SHARE`].
pub const SITE_METRICS: [&str; 9] = [
    "facility_power_mw",
    "pue",
    "annual_energy_gwh",
    "water_m3_per_year",
    "capex_eur",
    "cost_per_gpu_hour_eur",
    "cost_per_used_gpu_hour_eur",
    "co2_t_per_year",
    NATIONAL_DEMAND_SHARE,
];

/// The headline figures of one estimate: [`Estimate::all_metrics`] followed by
/// [`NATIONAL_DEMAND_SHARE`]. Plain `Copy` data, kept instead of the whole
/// [`Estimate`] so that a table of 27 rows or a sweep of many points stays small.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// (name, value) pairs in the units their names say.
    pub metrics: [(&'static str, f64); 22],
}

impl Figures {
    /// The figures of an estimate. The national share is the estimate's own
    /// [`crate::estimate::Context::share_of_country`]: annual energy ÷ the host
    /// country's demand.
    pub fn of(e: &Estimate) -> Figures {
        let m = e.all_metrics();
        let extra = (NATIONAL_DEMAND_SHARE, e.context.share_of_country);
        Figures { metrics: std::array::from_fn(|i| if i < m.len() { m[i] } else { extra }) }
    }

    /// The value of the figure called `name`, if there is one.
    pub fn metric(&self, name: &str) -> Option<f64> {
        self.metrics.iter().find(|(n, _)| *n == name).map(|m| m.1)
    }
}

/// One member state as a site for the design.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteRow {
    /// ISO 3166-1 alpha-2 code ([`crate::catalogue::Country::code`]).
    pub country: &'static str,
    /// The design's figures in that country, or why the model refuses it there.
    pub result: Result<Figures, ModelError>,
}

impl SiteRow {
    /// The value of the figure called `name`; `None` where the design is refused
    /// here or no figure has that name.
    pub fn metric(&self, name: &str) -> Option<f64> {
        self.result.as_ref().ok().and_then(|f| f.metric(name))
    }
}

/// The design placed in the member state `code`: the scenario with its `country`
/// set and nothing else changed.
///
/// The overrides of a country's figures (the electricity price
/// `price_eur_per_mwh`, the grid intensity `carbon_g_per_kwh` and the annual `pue`)
/// are kept where the design sets them: they are the planner's input, and the
/// explorer changes only the site. With a price override every country pays that
/// price, and the ranking shows only what else the site changes (climate,
/// construction and labour costs, grid mix when the carbon is not overridden);
/// clear the override to rank by each country's own price
/// ([`crate::source::EUROSTAT_PRICE_IG`]). Where they are `None`, as by default,
/// each country's own figures apply.
pub fn design_in(design: &Scenario, code: &str) -> Scenario {
    Scenario { country: code.into(), ..design.clone() }
}

/// The design evaluated in each of the 27 member states, in catalogue order
/// ([`COUNTRIES`]), one row each ([`design_in`] says what is kept). A row holds
/// the figures [`evaluate`] gives for the design in that country, or its refusal;
/// [`sort_rows`] ranks them.
pub fn rank_sites(design: &Scenario) -> Vec<SiteRow> {
    COUNTRIES
        .iter()
        .map(|c| SiteRow { country: c.code, result: evaluate(&design_in(design, c.code)).map(|e| Figures::of(&e)) })
        .collect()
}

/// Sort site rows by the figure called `metric`, ascending or `descending`. Rows
/// without that figure (refused designs, or an unknown name) go last, in their
/// previous order: the sort is stable, so equal values keep theirs too. Uses the
/// crate's insertion sort ([`sort::insertion_sort_by`]: 27 rows, and no std sort
/// in the wasm).
pub fn sort_rows(rows: &mut [SiteRow], metric: &str, descending: bool) {
    sort::insertion_sort_by(rows, |a, b| match (a.metric(metric), b.metric(metric)) {
        (Some(x), Some(y)) => {
            let order = if descending { y.total_cmp(&x) } else { x.total_cmp(&y) };
            order.is_lt()
        }
        (Some(_), None) => true,
        _ => false,
    });
}

/// A numeric input of the [`Scenario`] the explorer can sweep, with its range from
/// [`ranges`] (declared once there, as the model checks it).
///
/// Inputs whose range is open at 0 (sizing by power, compute or capital, and the
/// training run's parameters and tokens) are not offered: a sweep includes both
/// ends of its range, and 0 is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SweepInput {
    /// Accelerator count: the sizing becomes [`Sizing::Count`]. Log-spaced.
    Count,
    /// Average utilisation of the accelerators.
    Utilization,
    /// Electricity price, set as the override (€/MWh).
    Price,
    /// Grid carbon intensity, set as the override (g CO₂/kWh).
    Carbon,
    /// Annual PUE, set as the override.
    Pue,
    /// Analysis horizon, years.
    Years,
    /// Useful life of IT hardware, years.
    ItLife,
    /// Useful life of the facility, years.
    FacilityLife,
    /// Discount rate (WACC).
    Wacc,
    /// Share of electricity bought through renewable PPAs.
    RenewableShare,
    /// Share of rejected heat exported to district heating.
    HeatReuse,
    /// Price received for exported heat, €/MWh.
    HeatPrice,
    /// The training run's model FLOPs utilisation. At exactly
    /// [`crate::scenario::DEFAULT_MFU`] the model takes the accelerator family's
    /// default instead ([`crate::scenario::TrainingRun::mfu`]).
    Mfu,
    /// The training run's goodput.
    Goodput,
    /// Year the facility opens (fractional values are passed on as they are;
    /// the rules compare the year with their dates).
    OpeningYear,
}

impl SweepInput {
    /// Every sweepable input, in the order of the scenario's fields.
    pub const ALL: [SweepInput; 15] = [
        SweepInput::Count,
        SweepInput::Utilization,
        SweepInput::Price,
        SweepInput::Carbon,
        SweepInput::Pue,
        SweepInput::Years,
        SweepInput::ItLife,
        SweepInput::FacilityLife,
        SweepInput::Wacc,
        SweepInput::RenewableShare,
        SweepInput::HeatReuse,
        SweepInput::HeatPrice,
        SweepInput::Mfu,
        SweepInput::Goodput,
        SweepInput::OpeningYear,
    ];

    /// The input's range, as the model checks it.
    pub fn range(self) -> Range {
        match self {
            SweepInput::Count => ranges::COUNT,
            SweepInput::Utilization => ranges::UTILIZATION,
            SweepInput::Price => ranges::PRICE_EUR_PER_MWH,
            SweepInput::Carbon => ranges::CARBON_G_PER_KWH,
            SweepInput::Pue => ranges::PUE,
            SweepInput::Years => ranges::YEARS,
            SweepInput::ItLife => ranges::IT_LIFE_YEARS,
            SweepInput::FacilityLife => ranges::FACILITY_LIFE_YEARS,
            SweepInput::Wacc => ranges::WACC,
            SweepInput::RenewableShare => ranges::RENEWABLE_SHARE,
            SweepInput::HeatReuse => ranges::HEAT_REUSE,
            SweepInput::HeatPrice => ranges::HEAT_PRICE_EUR_PER_MWH,
            SweepInput::Mfu => ranges::MFU,
            SweepInput::Goodput => ranges::GOODPUT,
            SweepInput::OpeningYear => ranges::OPENING_YEAR,
        }
    }

    /// Stable id: the field's name in the model's refusals ([`Range::field`]).
    pub fn id(self) -> &'static str {
        self.range().field
    }

    /// `true` where the sweep's points are spread evenly on a log scale (the
    /// count, over seven orders of magnitude), not a linear one.
    pub fn log_scale(self) -> bool {
        self == SweepInput::Count
    }

    /// The design's own value of the input; `None` for an override the design
    /// leaves to the country (or the climate model), or a count where the
    /// design is sized by another target.
    pub fn current(self, s: &Scenario) -> Option<f64> {
        match self {
            SweepInput::Count => match s.sizing {
                Sizing::Count(n) => Some(n),
                _ => None,
            },
            SweepInput::Utilization => Some(s.utilization),
            SweepInput::Price => s.price_eur_per_mwh,
            SweepInput::Carbon => s.carbon_g_per_kwh,
            SweepInput::Pue => s.pue,
            SweepInput::Years => Some(s.years),
            SweepInput::ItLife => Some(s.it_life_years),
            SweepInput::FacilityLife => Some(s.facility_life_years),
            SweepInput::Wacc => Some(s.wacc),
            SweepInput::RenewableShare => Some(s.renewable_share),
            SweepInput::HeatReuse => Some(s.heat_reuse),
            SweepInput::HeatPrice => Some(s.heat_price_eur_per_mwh),
            SweepInput::Mfu => Some(s.training.mfu),
            SweepInput::Goodput => Some(s.training.goodput),
            SweepInput::OpeningYear => Some(s.opening_year),
        }
    }

    /// The design with this input set to `x` (an override set to `Some(x)`).
    pub fn apply(self, design: &Scenario, x: f64) -> Scenario {
        let mut s = design.clone();
        match self {
            SweepInput::Count => s.sizing = Sizing::Count(x),
            SweepInput::Utilization => s.utilization = x,
            SweepInput::Price => s.price_eur_per_mwh = Some(x),
            SweepInput::Carbon => s.carbon_g_per_kwh = Some(x),
            SweepInput::Pue => s.pue = Some(x),
            SweepInput::Years => s.years = x,
            SweepInput::ItLife => s.it_life_years = x,
            SweepInput::FacilityLife => s.facility_life_years = x,
            SweepInput::Wacc => s.wacc = x,
            SweepInput::RenewableShare => s.renewable_share = x,
            SweepInput::HeatReuse => s.heat_reuse = x,
            SweepInput::HeatPrice => s.heat_price_eur_per_mwh = x,
            SweepInput::Mfu => s.training.mfu = x,
            SweepInput::Goodput => s.training.goodput = x,
            SweepInput::OpeningYear => s.opening_year = x,
        }
        s
    }

    /// `points` values spread across the input's range, both ends included
    /// (exactly), evenly on a linear or, for the count, a log scale. `points` is
    /// taken between 2 and [`MAX_SWEEP_POINTS`].
    pub fn values(self, points: usize) -> Vec<f64> {
        let Range { min, max, .. } = self.range();
        let n = points.clamp(2, MAX_SWEEP_POINTS);
        let last = n - 1;
        (0..n)
            .map(|i| match i {
                0 => min,
                i if i == last => max,
                i => {
                    let t = i as f64 / last as f64;
                    if self.log_scale() {
                        min * (max / min).powf(t)
                    } else {
                        min + (max - min) * t
                    }
                }
            })
            .collect()
    }
}

/// Most points a sweep evaluates.
pub const MAX_SWEEP_POINTS: usize = 1_000;

/// One point of a sweep.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepPoint {
    /// The input's value.
    pub x: f64,
    /// The design's figures with the input at `x`, or why the model refuses it.
    pub result: Result<Figures, ModelError>,
}

/// A rule threshold a sweep can cross: one of the estimate's [`Rule`] checks
/// ([`Estimate::checks`]), or EED Art. 26(6)'s waste-heat duty above 1 MW
/// ([`crate::estimate::EuRules::eed_heat_cba`], [`crate::source::EED_ART26`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    /// A rule of [`Estimate::checks`]: EED Art. 12 reporting from 500 kW IT, EnEfG
    /// §11's PUE limit, ERF target and renewable share ([`crate::source::EED_2023_1791`],
    /// [`crate::source::ENEFG`]).
    Rule(Rule),
    /// EED Art. 26(6): waste heat used, or a cost-benefit analysis, above 1 MW.
    EedWasteHeat,
}

/// Where a sweep crosses a rule threshold: between two neighbouring points whose
/// outcome of the rule differs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crossing {
    /// Which rule.
    pub threshold: Threshold,
    /// The outcome at the lower point.
    pub from: Status,
    /// The outcome at the higher point.
    pub to: Status,
    /// The two neighbouring input values the change lies between.
    pub between: (f64, f64),
    /// Estimated input value of the crossing: where the checked indicator minus
    /// its limit, interpolated linearly between the two points (on the sweep's
    /// scale, log for the count), reaches 0; the middle of `between` where that
    /// difference does not change sign (the outcome changed for another reason,
    /// e.g. EnEfG ceasing to apply below 300 kW).
    pub x: f64,
}

/// A sweep of one input across its range.
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep {
    /// The swept input.
    pub input: SweepInput,
    /// The points, by increasing input value.
    pub points: Vec<SweepPoint>,
    /// The rule thresholds crossed between neighbouring evaluated points, by
    /// increasing input value. A change across a refused point is not reported.
    pub crossings: Vec<Crossing>,
}

/// Each threshold's outcome, with its indicator's distance to its limit.
type Outcomes = [(Threshold, Status, f64); 5];

/// The rule outcomes of an estimate, with each indicator's distance to its limit.
fn outcomes(e: &Estimate) -> Outcomes {
    let c = e.checks;
    let heat = e.rules.eed_heat_cba;
    let rule = |k: usize| (Threshold::Rule(c[k].rule), c[k].status, c[k].value - c[k].limit);
    [rule(0), rule(1), rule(2), rule(3), (Threshold::EedWasteHeat, heat.status, heat.value - heat.limit)]
}

/// Evaluate the design with `input` at `points` values across its range
/// ([`SweepInput::values`]), and find the rule thresholds the sweep crosses.
pub fn sweep(design: &Scenario, input: SweepInput, points: usize) -> Sweep {
    let xs = input.values(points);
    let mut out = Vec::with_capacity(xs.len());
    let mut crossings = Vec::new();
    let mut previous: Option<(f64, Outcomes)> = None;
    for x in xs {
        let result = evaluate(&input.apply(design, x));
        let now = result.as_ref().ok().map(outcomes);
        if let (Some((xa, before)), Some(after)) = (previous, now) {
            for (a, b) in before.iter().zip(after.iter()) {
                if a.1 != b.1 {
                    crossings.push(Crossing {
                        threshold: a.0,
                        from: a.1,
                        to: b.1,
                        between: (xa, x),
                        x: crossing_x(input.log_scale(), (xa, a.2), (x, b.2)),
                    });
                }
            }
        }
        previous = now.map(|o| (x, o));
        out.push(SweepPoint { x, result: result.map(|e| Figures::of(&e)) });
    }
    Sweep { input, points: out, crossings }
}

/// Points of a sweep's P10–P90 band ([`sweep_band`]).
pub const BAND_POINTS: usize = 13;
/// Monte-Carlo samples per band point: 13 × 400 draws cost about as much as
/// half the page's own 10,000-sample analysis (its percentiles move by about
/// 1 % at this count, well inside the band's own width).
pub const BAND_SAMPLES: usize = 400;

/// The P10 and P90 of `metric` at [`BAND_POINTS`] values of `input` across its
/// range, from a seeded Monte-Carlo of [`BAND_SAMPLES`] draws at each (the
/// page's uncertainty ranges, [`crate::uncertainty`]): `(x, p10, p90)`, for
/// the points the model evaluates. Empty for a figure the Monte-Carlo does not
/// track ([`crate::uncertainty::Output::ALL`]).
pub fn sweep_band(design: &Scenario, input: SweepInput, metric: &str) -> Vec<(f64, f64, f64)> {
    let Some(output) = crate::uncertainty::Output::ALL.into_iter().find(|o| o.metric() == metric) else {
        return Vec::new();
    };
    input
        .values(BAND_POINTS)
        .into_iter()
        .filter_map(|x| {
            let a = crate::analyse_with(&input.apply(design, x), BAND_SAMPLES, crate::uncertainty::SEED).ok()?;
            let p = a.monte_carlo.get(output)?;
            Some((x, p.p10, p.p90))
        })
        .collect()
}

/// Where `d` (indicator − limit) reaches 0 between `(xa, da)` and `(xb, db)`,
/// linearly on the sweep's scale; the middle where it does not change sign.
fn crossing_x(log: bool, (xa, da): (f64, f64), (xb, db): (f64, f64)) -> f64 {
    let (ta, tb) = if log { (xa.ln(), xb.ln()) } else { (xa, xb) };
    let f = if (da <= 0.0) != (db <= 0.0) && da != db { da / (da - db) } else { 0.5 };
    let t = ta + (tb - ta) * f;
    let x = if log { t.exp() } else { t };
    // Not `f64::clamp`: its check of its bounds formats them on failure, which
    // alone pulls core's float printing (about 10 KB) into the wasm.
    x.max(xa).min(xb)
}

/// Accelerators in the expressions of interest of the EU's AI-gigafactory call:
/// "over 3 million" latest-generation GPUs (European Commission, "Overwhelming
/// response: 76 respondents express interest in European AI Gigafactories
/// initiative", 30 June 2025, [`crate::source::EC_AI_GIGAFACTORIES`]; reference
/// dataset, shared/reference/data.md §4).
pub const EU_CALL_ACCELERATORS: f64 = 3_000_000.0;
/// Expressions of interest received by the call (same announcement).
pub const EU_CALL_PROPOSALS: u32 = 76;
/// Sites proposed (same announcement).
pub const EU_CALL_SITES: u32 = 60;
/// Member states the proposals came from (same announcement).
pub const EU_CALL_MEMBER_STATES: u32 = 16;

/// The factory multiplied: `factories` copies of the design, in EU totals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EuScale {
    /// How many factories (the input).
    pub factories: f64,
    /// Accelerators in all of them.
    pub accelerators: f64,
    /// Factories of this design that make the call's [`EU_CALL_ACCELERATORS`]:
    /// 3 million ÷ the design's accelerator count (whatever `factories` is).
    pub factories_for_call: f64,
    /// Grid connection of all of them, GW ([`crate::estimate::Power::grid_connection`]).
    pub grid_connection_gw: f64,
    /// Facility energy per year, TWh.
    pub energy_twh: f64,
    /// That energy as a share of the EU-27's electricity demand
    /// ([`EU27_DEMAND_TWH`], [`crate::source::EMBER_DEMAND`]).
    pub share_of_eu: f64,
    /// Market-based CO₂ per year, Mt ([`crate::estimate::Carbon::market_per_year`]).
    pub co2_mt_per_year: f64,
    /// Water consumed per year, million m³.
    pub water_million_m3_per_year: f64,
    /// Capex of all of them, € (everything bought to open them).
    pub capex_eur: f64,
}

/// `factories` copies of the estimated factory, added up: each total is the
/// factory's figure × `factories` (linear: no economies of scale, the same site
/// for all). `factories` is taken as given; [`EuScale::factories_for_call`] is the
/// count that reaches the call's 3 million accelerators.
pub fn eu_scale(e: &Estimate, factories: f64) -> EuScale {
    let energy_twh = e.annual_energy.gwh() / 1_000.0 * factories;
    EuScale {
        factories,
        accelerators: e.accelerator_count * factories,
        factories_for_call: factories_for_call(e),
        grid_connection_gw: e.power.grid_connection.value() / 1_000.0 * factories,
        energy_twh,
        share_of_eu: energy_twh / EU27_DEMAND_TWH,
        co2_mt_per_year: e.carbon.market_per_year.value() / 1e6 * factories,
        water_million_m3_per_year: e.cooling.water.value() / 1e6 * factories,
        capex_eur: e.capex.total().value() * factories,
    }
}

/// How many factories of this design hold the call's [`EU_CALL_ACCELERATORS`]:
/// 3 million ÷ its accelerator count (0 for a factory without accelerators).
pub fn factories_for_call(e: &Estimate) -> f64 {
    if e.accelerator_count > 0.0 {
        EU_CALL_ACCELERATORS / e.accelerator_count
    } else {
        0.0
    }
}
