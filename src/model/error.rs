//! Typed model errors whose messages a planner understands.

use std::fmt;

/// Why a scenario cannot be evaluated.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    /// A numeric input is NaN or infinite.
    NotFinite {
        /// The input's URL/field name.
        field: &'static str,
    },
    /// A numeric input is outside its allowed range.
    OutOfRange {
        /// The input's URL/field name.
        field: &'static str,
        /// The value given.
        value: f64,
        /// Lowest allowed value.
        min: f64,
        /// Highest allowed value.
        max: f64,
    },
    /// No accelerator with this id in the catalogue.
    UnknownAccelerator(String),
    /// No EU member state with this code.
    UnknownCountry(String),
    /// The cooling technology cannot remove a rack's heat.
    CoolingTooWeak {
        /// Accelerator system name.
        system: &'static str,
        /// Power of one rack, kW.
        rack_kw: f64,
        /// The chosen cooling's limit, kW.
        limit_kw: f64,
    },
    /// A budget is smaller than one system costs or draws.
    BudgetTooSmall {
        /// What the budget is (power, capital, compute).
        what: &'static str,
        /// What one system needs, in the budget's unit.
        one_system: f64,
        /// The unit of both numbers.
        unit: &'static str,
    },
    /// Sizing by a budget asks for more accelerators than the model allows.
    TooManyAccelerators(f64),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotFinite { field } => write!(f, "{field} must be a finite number"),
            ModelError::OutOfRange { field, value, min, max } => {
                write!(f, "{field} must be between {} and {}, got {}", num(*min), num(*max), num(*value))
            }
            ModelError::UnknownAccelerator(id) => write!(f, "unknown accelerator \"{id}\""),
            ModelError::UnknownCountry(code) => write!(f, "\"{code}\" is not an EU member state code"),
            ModelError::CoolingTooWeak { system, rack_kw, limit_kw } => write!(
                f,
                "{system} racks draw {} kW, more than this cooling can remove ({} kW per rack): choose direct liquid or immersion cooling",
                num(*rack_kw),
                num(*limit_kw)
            ),
            ModelError::BudgetTooSmall { what, one_system, unit } => {
                write!(f, "the {what} budget is too small for one system, which needs {} {unit}", num(*one_system))
            }
            ModelError::TooManyAccelerators(n) => {
                write!(f, "this budget buys {} accelerators, more than the 10,000,000 the model allows", num(*n))
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// Compact number for messages: no trailing zeros, at most 4 significant decimals.
fn num(x: f64) -> String {
    if x.abs() >= 1e6 || (x != 0.0 && x.abs() < 1e-3) {
        format!("{x:e}")
    } else {
        let s = format!("{x:.4}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        s.to_string()
    }
}
