//! The planning model: pure Rust, no web crate (the compiler sees to it: this
//! crate depends on std and serde alone). From a [`Scenario`] to an
//! [`Estimate`] of power, cooling, water, cost, carbon, EU indicators and a
//! training run, with its uncertainty.
//!
//! ```
//! use gigafactory_model::{evaluate, Scenario};
//! let e = evaluate(&Scenario::default()).unwrap();
//! assert!(e.power.facility_peak.value() >= e.power.it_design.value());
//! ```

#![forbid(unsafe_code)]

/// Version of the model's method and data (semantic versioning: a major step
/// moves published numbers). 2.0.0 is issue 16's "model v2": a central estimate
/// that is each uncertain input's median, a grid connection without
/// redundancy, a present-value TCO, market-based CO₂ at the residual mix and
/// a count checked after it is rounded up to whole systems. 2.1.0 (issue 16, item
/// 8): tower water by month, network power per accelerator at every load, fixed
/// overheads at part load, implausible pairings refused. 2.2.0 (item 8):
/// construction and staff priced per country from labour costs. 2.3.0 (items 6 and
/// 8): an optional grid-decarbonisation path, off by default; an air-side
/// economiser for air cooling.
pub const MODEL_VERSION: &str = "2.3.0";

pub mod catalogue;
pub mod checks;
pub mod compute;
pub mod error;
pub mod estimate;
pub mod explore;
pub mod physics;
pub mod scenario;
pub mod site;
pub mod sort;
pub mod source;
#[cfg(feature = "strategies")]
pub mod strategies;
pub mod uncertainty;
pub mod units;

pub use error::ModelError;
pub use estimate::Estimate;
pub use scenario::{Precision, Scenario, Sizing, TrainingRun};

use compute::{compute, size, Factors};
use uncertainty::{monte_carlo, tornado, MonteCarlo, Output, Swing};

/// Evaluate a scenario: validate it, size the factory, compute the central estimate.
pub fn evaluate(scenario: &Scenario) -> Result<Estimate, ModelError> {
    let r = scenario.resolve()?;
    let site = site::profile(r.country, scenario.cooling, scenario.heat_rejection, scenario.redundancy);
    let systems = size(&r, &site)?;
    compute(&r, &site, &Factors::ONE, systems)
}

/// The central estimate with its uncertainty.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The central estimate.
    pub estimate: Estimate,
    /// The Monte-Carlo percentiles.
    pub monte_carlo: MonteCarlo,
    /// Sensitivity of TCO, widest first.
    pub tornado_tco: Vec<Swing>,
    /// Sensitivity of facility power, widest first.
    pub tornado_power: Vec<Swing>,
}

/// Evaluate a scenario and its uncertainty (10,000 seeded samples and the tornado).
pub fn analyse(scenario: &Scenario) -> Result<Analysis, ModelError> {
    analyse_with(scenario, uncertainty::SAMPLES, uncertainty::SEED)
}

/// [`analyse`] with a chosen sample count and seed. Never inlined: the page's
/// analysis and the explorer's band share one copy in the wasm.
#[inline(never)]
pub fn analyse_with(scenario: &Scenario, samples: usize, seed: u64) -> Result<Analysis, ModelError> {
    let r = scenario.resolve()?;
    let site = site::profile(r.country, scenario.cooling, scenario.heat_rejection, scenario.redundancy);
    let systems = size(&r, &site)?;
    Ok(Analysis {
        estimate: compute(&r, &site, &Factors::ONE, systems)?,
        monte_carlo: monte_carlo(&r, &site, systems, samples, seed)?,
        tornado_tco: tornado(&r, &site, systems, Output::Tco)?,
        tornado_power: tornado(&r, &site, systems, Output::FacilityPower)?,
    })
}
