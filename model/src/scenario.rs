//! The planner's inputs: one `Scenario` value, its sourced defaults, and its
//! validation into typed errors.

use crate::catalogue::{self, Accelerator, CoolingTech, Country, HeatRejection, Redundancy};
use crate::error::ModelError;
use serde::{Deserialize, Serialize};

/// Largest accelerator count the model accepts.
pub const MAX_ACCELERATORS: f64 = 10_000_000.0;

/// How the factory is sized. Stored as `{"mode": "power_mw", "value": 50.0}`
/// (the mode as its URL parameter is named), through [`SizingRecord`]: the
/// same text as serde's adjacently tagged enums write, with less code than
/// their buffering of a `value` written before its `mode`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(from = "SizingRecord", into = "SizingRecord")]
pub enum Sizing {
    /// A number of accelerators (rounded up to whole systems).
    Count(f64),
    /// The facility power budget, MW: the most systems whose peak draw fits.
    PowerMw(f64),
    /// A peak dense BF16 compute target, PFLOP/s: the fewest systems that reach it.
    ComputePflops(f64),
    /// A capital budget, €: the most systems whose capex fits.
    CapexEur(f64),
}

/// What a sizing's `mode` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizingMode {
    /// [`Sizing::Count`].
    Count,
    /// [`Sizing::PowerMw`].
    PowerMw,
    /// [`Sizing::ComputePflops`].
    ComputePflops,
    /// [`Sizing::CapexEur`].
    CapexEur,
}

/// A sizing as stored: `{"mode": …, "value": …}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SizingRecord {
    /// Which target.
    pub mode: SizingMode,
    /// Its value.
    pub value: f64,
}

impl From<Sizing> for SizingRecord {
    fn from(s: Sizing) -> SizingRecord {
        let (mode, value) = match s {
            Sizing::Count(x) => (SizingMode::Count, x),
            Sizing::PowerMw(x) => (SizingMode::PowerMw, x),
            Sizing::ComputePflops(x) => (SizingMode::ComputePflops, x),
            Sizing::CapexEur(x) => (SizingMode::CapexEur, x),
        };
        SizingRecord { mode, value }
    }
}

impl From<SizingRecord> for Sizing {
    fn from(r: SizingRecord) -> Sizing {
        match r.mode {
            SizingMode::Count => Sizing::Count(r.value),
            SizingMode::PowerMw => Sizing::PowerMw(r.value),
            SizingMode::ComputePflops => Sizing::ComputePflops(r.value),
            SizingMode::CapexEur => Sizing::CapexEur(r.value),
        }
    }
}

/// Numeric precision of a training run, stored as `"bf16"` or `"fp8"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// bfloat16 tensor throughput.
    Bf16,
    /// 8-bit floating point tensor throughput.
    Fp8,
}

/// A training run to schedule on the factory. Stored with its fields in this
/// order; a missing field takes its default.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainingRun {
    /// Model parameters, billions.
    pub params_b: f64,
    /// Training tokens, trillions.
    pub tokens_t: f64,
    /// Precision of the matrix products.
    pub precision: Precision,
    /// Model FLOPs utilisation on BF16 peak, 0–1. At its default,
    /// [`DEFAULT_MFU`], the accelerator family's catalogue MFU is used instead
    /// ([`crate::catalogue::Accelerator::default_mfu`]); any other value overrides it.
    pub mfu: f64,
    /// Share of wall-clock time doing useful training (failures, restarts), 0–1.
    pub goodput: f64,
}

/// The scenario's default MFU, 0.40 (Llama 3 on H100): standing for "the
/// accelerator family's default" ([`crate::compute::training_params`]).
pub const DEFAULT_MFU: f64 = 0.40;

impl Default for TrainingRun {
    /// Llama 3.1 405B on 15.6 T tokens at Llama 3's 40 % BF16 MFU and 90 % goodput.
    fn default() -> Self {
        TrainingRun { params_b: 405.0, tokens_t: 15.6, precision: Precision::Bf16, mfu: DEFAULT_MFU, goodput: 0.90 }
    }
}

/// Everything a planner chooses. URLs and storage are serialisations of this.
///
/// Stored as JSON with its fields in this order, catalogue choices as their
/// ids and no override as `null`. Reading, a missing field takes the default
/// scenario's value and an unknown one is ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// How the factory is sized.
    pub sizing: Sizing,
    /// Accelerator catalogue id.
    pub accelerator: String,
    /// EU member state (ISO alpha-2).
    pub country: String,
    /// Cooling technology.
    pub cooling: CoolingTech,
    /// Heat-rejection plant.
    pub heat_rejection: HeatRejection,
    /// Electrical redundancy.
    pub redundancy: Redundancy,
    /// Average utilisation of the accelerators, 0–1.
    pub utilization: f64,
    /// Electricity price override, €/MWh.
    pub price_eur_per_mwh: Option<f64>,
    /// Grid carbon-intensity override, gCO2e/kWh.
    pub carbon_g_per_kwh: Option<f64>,
    /// Annual PUE override (replaces the climate model's monthly PUE).
    pub pue: Option<f64>,
    /// Analysis horizon, years.
    pub years: f64,
    /// Useful life of IT hardware, years.
    pub it_life_years: f64,
    /// Useful life of the facility, years.
    pub facility_life_years: f64,
    /// Discount rate (WACC), 0–1.
    pub wacc: f64,
    /// Share of electricity bought through renewable PPAs, 0–1.
    pub renewable_share: f64,
    /// Share of rejected heat exported to district heating, 0–1.
    pub heat_reuse: f64,
    /// Price received for exported heat, €/MWh.
    pub heat_price_eur_per_mwh: f64,
    /// The training run.
    pub training: TrainingRun,
    /// Year the facility opens, 2025–2040, taken as on or after 1 July of that year:
    /// dates the EU and national rules that apply (EnEfG §11's tiers). Missing in
    /// data saved before it existed: [`DEFAULT_OPENING_YEAR`]; not written at that value.
    #[serde(default = "default_opening_year", skip_serializing_if = "is_default_opening_year")]
    pub opening_year: f64,
    /// Grid-decarbonisation path (issue 16 item 6, model 2.3), off by default: when on,
    /// the yearly CO2 figures are the average over the horizon, from the opening year,
    /// of grid and residual-mix intensities falling linearly to zero in
    /// [`crate::compute::GRID_ZERO_YEAR`] ([`crate::compute::decarbonisation_factor`]).
    /// Missing in data saved before it existed: `false`; not written when `false`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub decarbonise: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Default opening year: 2028, when the gigafactories' bids plan operation and
/// EnEfG's final 20 % heat-reuse tier applies.
pub const DEFAULT_OPENING_YEAR: f64 = 2028.0;

fn default_opening_year() -> f64 {
    DEFAULT_OPENING_YEAR
}

fn is_default_opening_year(y: &f64) -> bool {
    *y == DEFAULT_OPENING_YEAR
}

impl Default for Scenario {
    /// 100,000 B200s (the programme's ">100,000 advanced AI processors") in
    /// Germany with direct liquid cooling and dry coolers.
    fn default() -> Self {
        Scenario {
            sizing: Sizing::Count(100_000.0),
            accelerator: "b200".into(),
            country: "DE".into(),
            cooling: CoolingTech::Dlc,
            heat_rejection: HeatRejection::Dry,
            redundancy: Redundancy::NPlus1,
            // Brookhaven: training draws ≈ 76–80 % of nameplate; planners assume
            // a mix of training and idle time: 0.8 average load.
            utilization: 0.8,
            price_eur_per_mwh: None,
            carbon_g_per_kwh: None,
            pue: None,
            years: 10.0,
            it_life_years: 5.0,
            facility_life_years: 20.0,
            wacc: 0.07,
            renewable_share: 0.0,
            heat_reuse: 0.0,
            heat_price_eur_per_mwh: 10.0,
            training: TrainingRun::default(),
            opening_year: DEFAULT_OPENING_YEAR,
            decarbonise: false,
        }
    }
}

/// A scenario whose inputs were checked and whose ids were resolved.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    /// The inputs.
    pub scenario: &'a Scenario,
    /// The accelerator row.
    pub accelerator: &'static Accelerator,
    /// The country row.
    pub country: &'static Country,
}

pub mod ranges {
    //! The range of every number the model checks, declared once: `resolve`
    //! checks through these and the app's inputs take their bounds and the
    //! model's field names from them.

    use super::MAX_ACCELERATORS;

    /// The values a number input may take, and the name the model's refusals give it.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Range {
        /// The field's name in [`ModelError`](crate::ModelError)s.
        pub field: &'static str,
        /// Lowest allowed value (excluded when `positive`).
        pub min: f64,
        /// Highest allowed value.
        pub max: f64,
        /// Zero is meaningless: `min` is 0 and 0 itself is refused, a refusal
        /// that says a minimum of `f64::MIN_POSITIVE` ("above 0").
        pub positive: bool,
    }

    impl Range {
        /// From `min` to `max`, both included.
        pub const fn new(field: &'static str, min: f64, max: f64) -> Range {
            Range { field, min, max, positive: false }
        }

        /// Above 0 and at most `max`.
        pub const fn positive(field: &'static str, max: f64) -> Range {
            Range { field, min: 0.0, max, positive: true }
        }
    }

    /// Sizing by count: at least one accelerator, at most [`MAX_ACCELERATORS`].
    pub const COUNT: Range = Range::new("count", 1.0, MAX_ACCELERATORS);
    /// Sizing by facility power, MW.
    pub const POWER_MW: Range = Range::positive("power_mw", 100_000.0);
    /// Sizing by peak dense BF16 compute, PFLOP/s.
    pub const COMPUTE_PFLOPS: Range = Range::positive("compute_pflops", 1.0e9);
    /// Sizing by capital budget, €.
    pub const CAPEX_EUR: Range = Range::positive("capex_eur", 1.0e13);
    /// Average utilisation of the accelerators, a share.
    pub const UTILIZATION: Range = Range::new("utilization", 0.0, 1.0);
    /// Electricity price override, €/MWh.
    pub const PRICE_EUR_PER_MWH: Range = Range::new("price_eur_per_mwh", 0.0, 2_000.0);
    /// Grid carbon intensity override, g CO₂/kWh.
    pub const CARBON_G_PER_KWH: Range = Range::new("carbon_g_per_kwh", 0.0, 2_000.0);
    /// PUE override.
    pub const PUE: Range = Range::new("pue", 1.0, 3.0);
    /// Analysis horizon, years.
    pub const YEARS: Range = Range::new("years", 1.0, 50.0);
    /// Useful life of IT hardware, years.
    pub const IT_LIFE_YEARS: Range = Range::new("it_life_years", 1.0, 15.0);
    /// Useful life of the facility, years.
    pub const FACILITY_LIFE_YEARS: Range = Range::new("facility_life_years", 5.0, 60.0);
    /// Discount rate (WACC), a share.
    pub const WACC: Range = Range::new("wacc", 0.0, 0.3);
    /// Share of electricity bought through renewable PPAs, a share.
    pub const RENEWABLE_SHARE: Range = Range::new("renewable_share", 0.0, 1.0);
    /// Share of rejected heat exported to district heating, a share.
    pub const HEAT_REUSE: Range = Range::new("heat_reuse", 0.0, 1.0);
    /// Price received for exported heat, €/MWh: up to the dearest district-heating retail price in the sources (DE ≈ €142/MWh).
    pub const HEAT_PRICE_EUR_PER_MWH: Range = Range::new("heat_price_eur_per_mwh", 0.0, 150.0);
    /// Training run's parameters, billions.
    pub const TRAIN_PARAMS_B: Range = Range::positive("train_params_b", 100_000.0);
    /// Training run's tokens, trillions.
    pub const TRAIN_TOKENS_T: Range = Range::positive("train_tokens_t", 10_000.0);
    /// Model FLOPs utilisation, a share: below 1 % it is not a training run any more (and the time would overflow).
    pub const MFU: Range = Range::new("mfu", 0.01, 1.0);
    /// Goodput, a share: below 1 % it is not a training run any more (and the time would overflow).
    pub const GOODPUT: Range = Range::new("goodput", 0.01, 1.0);
    /// Year the facility opens.
    pub const OPENING_YEAR: Range = Range::new("opening_year", 2025.0, 2040.0);
}

use ranges::Range;

/// Check `value` against its range: not finite is `NotFinite`; outside
/// `min..=max` is `OutOfRange` with those bounds; 0 (or -0) where the range is
/// `positive` is `OutOfRange` with a minimum of `f64::MIN_POSITIVE`.
fn check(r: Range, value: f64) -> Result<(), ModelError> {
    let Range { field, min, max, positive } = r;
    if !value.is_finite() {
        return Err(ModelError::NotFinite { field });
    }
    if value < min || value > max {
        return Err(ModelError::OutOfRange { field, value, min, max });
    }
    if positive && value <= 0.0 {
        return Err(ModelError::OutOfRange { field, value, min: f64::MIN_POSITIVE, max });
    }
    Ok(())
}

impl Scenario {
    /// Validate every input and resolve catalogue ids.
    pub fn resolve(&self) -> Result<Resolved<'_>, ModelError> {
        let accelerator = catalogue::accelerator(&self.accelerator)
            .ok_or_else(|| ModelError::UnknownAccelerator(self.accelerator.clone()))?;
        let country =
            catalogue::country(&self.country).ok_or_else(|| ModelError::UnknownCountry(self.country.clone()))?;
        match self.sizing {
            Sizing::Count(n) => check(ranges::COUNT, n)?,
            Sizing::PowerMw(mw) => check(ranges::POWER_MW, mw)?,
            Sizing::ComputePflops(p) => check(ranges::COMPUTE_PFLOPS, p)?,
            Sizing::CapexEur(e) => check(ranges::CAPEX_EUR, e)?,
        }
        check(ranges::UTILIZATION, self.utilization)?;
        if let Some(p) = self.price_eur_per_mwh {
            check(ranges::PRICE_EUR_PER_MWH, p)?;
        }
        if let Some(c) = self.carbon_g_per_kwh {
            check(ranges::CARBON_G_PER_KWH, c)?;
        }
        if let Some(p) = self.pue {
            check(ranges::PUE, p)?;
        }
        check(ranges::YEARS, self.years)?;
        check(ranges::IT_LIFE_YEARS, self.it_life_years)?;
        check(ranges::FACILITY_LIFE_YEARS, self.facility_life_years)?;
        check(ranges::WACC, self.wacc)?;
        check(ranges::RENEWABLE_SHARE, self.renewable_share)?;
        check(ranges::HEAT_REUSE, self.heat_reuse)?;
        check(ranges::HEAT_PRICE_EUR_PER_MWH, self.heat_price_eur_per_mwh)?;
        let t = &self.training;
        check(ranges::TRAIN_PARAMS_B, t.params_b)?;
        check(ranges::TRAIN_TOKENS_T, t.tokens_t)?;
        check(ranges::MFU, t.mfu)?;
        check(ranges::GOODPUT, t.goodput)?;
        check(ranges::OPENING_YEAR, self.opening_year)?;
        Ok(Resolved { scenario: self, accelerator, country })
    }
}
