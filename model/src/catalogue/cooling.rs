//! Cooling technologies, heat-rejection plants and electrical redundancy, with
//! the engineering parameters the monthly PUE and water model uses.

use crate::source::{self, SourceId};

/// How heat leaves the IT equipment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoolingTech {
    /// Computer-room air handlers with hot/cold-aisle containment.
    Air,
    /// Rear-door heat exchangers on each rack.
    Rdhx,
    /// Direct-to-chip liquid cooling (cold plates), residual heat to air.
    Dlc,
    /// Single-phase immersion.
    Immersion,
}

/// Engineering parameters of one cooling technology.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoolingParams {
    /// Share of IT heat carried by the warm liquid loop (the rest goes to the air loop).
    pub liquid_share: f64,
    /// Facility-water supply temperature of the warm liquid loop, °C (ASHRAE W40).
    pub liquid_supply_c: f64,
    /// Facility-water supply temperature serving the air path, °C.
    pub air_supply_c: f64,
    /// Facility fans and pumps (CRAH fans, CDU and loop pumps), fraction of IT power.
    pub fan_pump_share: f64,
    /// Highest rack power this technology can cool, kW.
    pub max_rack_kw: f64,
    /// Construction-cost premium over an air-cooled hall, fraction.
    pub capex_premium: f64,
    /// Heat-pump COP when this heat is lifted to a 70 °C district-heating network.
    pub heat_pump_cop: f64,
    /// Where the parameters come from.
    pub source: SourceId,
}

impl CoolingTech {
    /// Every technology, in the order the picker lists them.
    pub const ALL: [CoolingTech; 4] = [CoolingTech::Air, CoolingTech::Rdhx, CoolingTech::Dlc, CoolingTech::Immersion];

    /// Stable id used in URLs and storage.
    pub fn id(self) -> &'static str {
        match self {
            CoolingTech::Air => "air",
            CoolingTech::Rdhx => "rdhx",
            CoolingTech::Dlc => "dlc",
            CoolingTech::Immersion => "immersion",
        }
    }

    /// Parse an id (case-insensitive).
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id().eq_ignore_ascii_case(id.trim()))
    }

    /// Engineering parameters. Supply temperatures follow ASHRAE TC 9.9 (air inlet
    /// 18–27 °C needs ≈18 °C water; W40 for warm-water liquid loops); fan/pump
    /// shares, rack limits and the DLC liquid share (70–85 % → 80 %) are the reference
    /// dataset's estimates; the liquid premium is Turner & Townsend's +7–10 %;
    /// heat-pump COPs are Zangeneh & Øi's 45 °C → 70 °C figure (4.3) for liquid
    /// heat and the low end of the 2.5–3.5 range for ≤30 °C air heat.
    pub fn params(self) -> CoolingParams {
        match self {
            CoolingTech::Air => CoolingParams {
                liquid_share: 0.0,
                liquid_supply_c: 18.0,
                air_supply_c: 18.0,
                fan_pump_share: 0.08,
                max_rack_kw: 40.0,
                capex_premium: 0.0,
                heat_pump_cop: 3.0,
                source: source::PUE_DECOMPOSITION.cite(),
            },
            CoolingTech::Rdhx => CoolingParams {
                liquid_share: 0.0,
                liquid_supply_c: 22.0,
                air_supply_c: 22.0,
                fan_pump_share: 0.05,
                max_rack_kw: 75.0,
                capex_premium: 0.04,
                heat_pump_cop: 3.0,
                source: source::PUE_DECOMPOSITION.cite(),
            },
            CoolingTech::Dlc => CoolingParams {
                liquid_share: 0.8,
                liquid_supply_c: 40.0,
                air_supply_c: 18.0,
                fan_pump_share: 0.03,
                max_rack_kw: 250.0,
                capex_premium: 0.085,
                heat_pump_cop: 4.3,
                source: source::ASHRAE_TC99.cite(),
            },
            CoolingTech::Immersion => CoolingParams {
                liquid_share: 1.0,
                liquid_supply_c: 40.0,
                air_supply_c: 18.0,
                fan_pump_share: 0.02,
                max_rack_kw: 250.0,
                capex_premium: 0.085,
                heat_pump_cop: 4.3,
                source: source::PUE_BY_COOLING.cite(),
            },
        }
    }
}

/// How the facility rejects heat to the outdoors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeatRejection {
    /// Dry coolers: no water, limited by the dry-bulb temperature.
    Dry,
    /// Dry coolers with evaporative pre-cooling on hot hours.
    Adiabatic,
    /// Open evaporative cooling towers, limited by the wet-bulb temperature.
    Tower,
    /// Air-side economiser (model 2.3), with air cooling only: outside air supplied
    /// straight to the hall while its dry-bulb is below the supply air minus an
    /// approach, air-cooled chillers as trim above; no water.
    Economiser,
}

/// Parameters of a heat-rejection plant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RejectionParams {
    /// Approach of the leaving water to the governing air temperature, K.
    pub approach_k: f64,
    /// Fan power of the plant, fraction of heat rejected.
    pub fan_share: f64,
    /// Where the parameters come from.
    pub source: SourceId,
}

impl HeatRejection {
    /// Every heat-rejection type.
    pub const ALL: [HeatRejection; 4] =
        [HeatRejection::Dry, HeatRejection::Adiabatic, HeatRejection::Tower, HeatRejection::Economiser];

    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            HeatRejection::Dry => "dry",
            HeatRejection::Adiabatic => "adiabatic",
            HeatRejection::Tower => "tower",
            HeatRejection::Economiser => "economiser",
        }
    }

    /// Parse an id (case-insensitive).
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id().eq_ignore_ascii_case(id.trim()))
    }

    /// Approaches: dry cooler 6 K to dry-bulb (5–10 K, estimate); tower 2.5 K to
    /// wet-bulb (ASHRAE Handbook: 4–5 °F). Fans: 1–3 % of heat (estimate). Economiser:
    /// the trim chillers' air-cooled condensers at a dry cooler's 6 K; relief and
    /// exhaust fans 1 % of heat (the air handlers' fans are the cooling's own),
    /// estimates; its free-cooling threshold is [`crate::site::ECONOMISER_SUPPLY_AIR_C`]
    /// − [`crate::site::ECONOMISER_APPROACH_K`].
    pub fn params(self) -> RejectionParams {
        match self {
            HeatRejection::Dry => {
                RejectionParams { approach_k: 6.0, fan_share: 0.02, source: source::PUE_DECOMPOSITION.cite() }
            }
            HeatRejection::Adiabatic => {
                RejectionParams { approach_k: 6.0, fan_share: 0.02, source: source::WUE_TYPES.cite() }
            }
            HeatRejection::Tower => {
                RejectionParams { approach_k: 2.5, fan_share: 0.01, source: source::LATENT_HEAT.cite() }
            }
            HeatRejection::Economiser => {
                RejectionParams { approach_k: 6.0, fan_share: 0.01, source: source::AIR_ECONOMISER.cite() }
            }
        }
    }
}

/// Redundancy of the electrical supply chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Redundancy {
    /// No redundancy.
    N,
    /// One spare unit for every four.
    NPlus1,
    /// Two full, independent paths.
    TwoN,
}

impl Redundancy {
    /// Every level.
    pub const ALL: [Redundancy; 3] = [Redundancy::N, Redundancy::NPlus1, Redundancy::TwoN];

    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            Redundancy::N => "n",
            Redundancy::NPlus1 => "n+1",
            Redundancy::TwoN => "2n",
        }
    }

    /// Parse an id (case-insensitive; `N+1` and `2N` accepted).
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id().eq_ignore_ascii_case(id.trim()))
    }

    /// Installed UPS and generator capacity relative to the load they carry
    /// ([`source::UPTIME_TIERS`]): N installs what the load needs (1); N+1 one
    /// spare module, taken as one in four (1.25, module size an estimate); 2N two
    /// full independent paths (2). It does not scale the grid connection, which is
    /// the non-redundant facility peak (EnEfG §3 Nr. 24, [`source::ENEFG`]).
    pub fn capacity_factor(self) -> f64 {
        match self {
            Redundancy::N => 1.0,
            Redundancy::NPlus1 => 1.25,
            Redundancy::TwoN => 2.0,
        }
    }

    /// Electrical capex relative to N+1 (UPS, generators, switchgear and
    /// distribution of the construction split's electrical share): N 0.8, N+1 1,
    /// 2N 1.4 ([`source::CW_CAPEX_SPLIT`], estimate: only part of the electrical
    /// plant doubles with the UPS and generators).
    pub fn electrical_capex_factor(self) -> f64 {
        match self {
            Redundancy::N => 0.8,
            Redundancy::NPlus1 => 1.0,
            Redundancy::TwoN => 1.4,
        }
    }

    /// Power-chain losses (UPS + PDU + transformers) as a fraction of IT power.
    /// UPS 94–99 %, PDU 94–98 %; 2N UPSs run at ≤ 50 % load where efficiency falls
    /// ([`source::PUE_DECOMPOSITION`], f_power 0.03–0.06).
    pub fn loss_share(self) -> f64 {
        match self {
            Redundancy::N => 0.035,
            Redundancy::NPlus1 => 0.04,
            Redundancy::TwoN => 0.055,
        }
    }
}

/// Stored by id: a catalogue choice is written as its exact id (`"dlc"`) and
/// read back only from an exact id (case counts); another string is an error
/// naming the ids allowed.
macro_rules! by_id {
    ($t:ty, $what:literal) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Id;
                impl serde::de::Visitor<'_> for Id {
                    type Value = $t;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$t, E> {
                        <$t>::ALL.into_iter().find(|x| x.id() == v).ok_or_else(|| {
                            let ids: Vec<String> = <$t>::ALL.iter().map(|x| format!("`{}`", x.id())).collect();
                            E::custom(format_args!("unknown variant `{v}`, expected one of {}", ids.join(", ")))
                        })
                    }
                }
                deserializer.deserialize_str(Id)
            }
        }
    };
}

by_id!(CoolingTech, "a cooling id");
by_id!(HeatRejection, "a heat-rejection id");
by_id!(Redundancy, "a redundancy id");
