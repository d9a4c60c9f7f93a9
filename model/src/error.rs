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
    /// The sizing, rounded up to whole systems, asks for more accelerators than the model allows.
    TooManyAccelerators(f64),
    /// The platform and the cooling technology do not go together (model 2.1).
    ImplausiblePairing {
        /// Accelerator system name.
        system: &'static str,
        /// Cooling technology id (`air`, `rdhx`, `dlc`, `immersion`).
        cooling: &'static str,
        /// Why not.
        why: Implausibility,
    },
}

/// Why an accelerator platform and a cooling technology do not go together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implausibility {
    /// The platform is sold only with direct-to-chip liquid cooling (cold plates):
    /// GB200/GB300 NVL72 racks, the MI355X platform (MI350X is its air-cooled twin).
    LiquidOnly,
    /// A rack-scale NVL72 system (cold plates, NVLink spine, power shelves in one
    /// 120–140 kW rack) is not built to sit in an immersion tank.
    RackScaleImmersion,
    /// An air-side economiser (model 2.3) supplies outside air to an air-cooled hall:
    /// it needs air cooling, not rear doors, cold plates or tanks.
    EconomiserNeedsAir,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotFinite { field } => write!(f, "{field} must be a finite number"),
            // A strictly positive input (see `scenario::ranges::Range::positive`).
            ModelError::OutOfRange { field, value, min, max } if *min == f64::MIN_POSITIVE => {
                write!(f, "{field} must be above 0 and at most {}, got {}", num(*max), num(*value))
            }
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
                // Whole euros or megawatts where there are hundreds of them, and
                // rounded up (to what `num` writes), so that the budget said is enough.
                let need = if *one_system >= 100.0 { one_system.ceil() } else { (one_system * 1e4).ceil() / 1e4 };
                write!(f, "the {what} budget is too small for one system, which needs {} {unit}", num(need))
            }
            ModelError::ImplausiblePairing { system, cooling, why: Implausibility::LiquidOnly } => write!(
                f,
                "{system} is built for direct liquid cooling only, not for {} cooling: choose direct liquid cooling",
                if *cooling == "rdhx" { "rear-door" } else { cooling }
            ),
            ModelError::ImplausiblePairing { system, why: Implausibility::RackScaleImmersion, .. } => write!(
                f,
                "{system} is a rack-scale system with cold plates, not built for immersion tanks: choose direct liquid cooling"
            ),
            ModelError::ImplausiblePairing { cooling, why: Implausibility::EconomiserNeedsAir, .. } => write!(
                f,
                "an air-side economiser blows outside air through an air-cooled hall, not with {} cooling: choose air cooling, or dry coolers, adiabatic coolers or towers",
                match *cooling {
                    "rdhx" => "rear-door",
                    "dlc" => "direct liquid",
                    other => other,
                }
            ),
            ModelError::TooManyAccelerators(n) => {
                write!(f, "this sizing gives {} accelerators in whole systems, more than the 10,000,000 the model allows", num(*n))
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// Compact number for messages: at most 4 decimals, no trailing zeros, and
/// scientific (4 significant digits) outside 0.001–1,000,000. Written with
/// integer formatting only, so the app's wasm carries no float formatter.
fn num(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    if a < 1e-300 {
        // Beyond what a message needs (and where 10^exp underflows).
        return if a == 0.0 { "0".into() } else { format!("{sign}≈0") };
    }
    if !(1e-3..1e6).contains(&a) {
        let mut exp = a.log10().floor() as i32;
        let mut m = (a / 10f64.powi(exp) * 1000.0).round() as u64;
        if m >= 10_000 {
            m /= 10;
            exp += 1;
        }
        let frac = format!("{:03}", m % 1000);
        let frac = frac.trim_end_matches('0');
        let dot = if frac.is_empty() { "" } else { "." };
        format!("{sign}{}{dot}{frac}e{exp}", m / 1000)
    } else {
        let n = (a * 10_000.0).round() as u64;
        let frac = format!("{:04}", n % 10_000);
        let frac = frac.trim_end_matches('0');
        let sign = if n == 0 { "" } else { sign };
        let dot = if frac.is_empty() { "" } else { "." };
        format!("{sign}{}{dot}{frac}", n / 10_000)
    }
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn message_numbers_are_compact() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(1.7), "1.7");
        assert_eq!(num(-2.5), "-2.5");
        assert_eq!(num(132.123456), "132.1235");
        assert_eq!(num(999_999.0), "999999");
        assert_eq!(num(1e6), "1e6");
        assert_eq!(num(2.5e9), "2.5e9");
        assert_eq!(num(9.99951e9), "1e10");
        assert_eq!(num(1.234_56e-5), "1.235e-5");
        assert_eq!(num(-3e-4), "-3e-4");
        assert_eq!(num(0.00001), "1e-5");
        assert_eq!(num(10_000_000.0), "1e7");
        assert_eq!(num(f64::NAN), "NaN");
        assert_eq!(num(-5e-324), "-≈0");
    }
}
