//! Quantities cross module boundaries as newtypes, never bare `f64`s.
//! Formatting to text happens at the UI's edge.

use std::ops::{Add, Mul, Sub};

macro_rules! quantity {
    ($( $(#[$doc:meta])* $name:ident, $unit:literal; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
        pub struct $name(pub f64);

        impl $name {
            /// The unit symbol, for tables and CSV headers.
            pub const UNIT: &'static str = $unit;
            /// The plain number in this unit.
            pub fn value(self) -> f64 {
                self.0
            }
        }
        impl Add for $name {
            type Output = $name;
            fn add(self, o: $name) -> $name { $name(self.0 + o.0) }
        }
        impl Sub for $name {
            type Output = $name;
            fn sub(self, o: $name) -> $name { $name(self.0 - o.0) }
        }
        impl Mul<f64> for $name {
            type Output = $name;
            fn mul(self, k: f64) -> $name { $name(self.0 * k) }
        }
        impl std::iter::Sum for $name {
            fn sum<I: Iterator<Item = $name>>(it: I) -> $name { $name(it.map(|q| q.0).sum()) }
        }
    )*};
}

quantity! {
    /// Electrical or thermal power, MW.
    Megawatts, "MW";
    /// Energy, MWh.
    MegawattHours, "MWh";
    /// Money, €.
    Euros, "€";
    /// Greenhouse-gas mass, tCO2e.
    TonnesCo2, "tCO2e";
    /// Water volume, m³.
    CubicMetres, "m³";
    /// Duration, days.
    Days, "d";
}

impl Megawatts {
    /// Energy of this power held for `hours`.
    pub fn for_hours(self, hours: f64) -> MegawattHours {
        MegawattHours(self.0 * hours)
    }
}

impl MegawattHours {
    /// The same energy in GWh.
    pub fn gwh(self) -> f64 {
        self.0 / 1_000.0
    }
}
