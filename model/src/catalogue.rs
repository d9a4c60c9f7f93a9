//! The sourced catalogues: accelerator systems, EU member states, cooling
//! technologies and heat-rejection plants. Plain `const` tables with stable
//! string ids; URLs and storage hold ids, never indices.

pub mod accelerators;
pub mod cooling;
pub mod countries;

pub use accelerators::{Accelerator, SystemForm, ACCELERATORS};
pub use cooling::{CoolingTech, HeatRejection, Redundancy};
pub use countries::{
    Country, DesignCondition, CONSTRUCTION_LABOUR_SHARE, COUNTRIES, EU27_DEMAND_TWH, EU27_HOUSEHOLD_KWH,
    LABOUR_REFERENCE_EUR_PER_HOUR,
};

/// The accelerator with this id (case-insensitive), if the catalogue has it.
pub fn accelerator(id: &str) -> Option<&'static Accelerator> {
    ACCELERATORS.iter().find(|a| a.id.eq_ignore_ascii_case(id.trim()))
}

/// The member state with this ISO 3166-1 alpha-2 code (case-insensitive;
/// Eurostat's `EL` is accepted for Greece).
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    let code = if code.eq_ignore_ascii_case("EL") { "GR" } else { code };
    COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}
