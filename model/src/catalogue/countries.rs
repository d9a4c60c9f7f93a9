//! EU member states: electricity price, grid carbon intensity, a representative
//! city's monthly climate, national electricity demand and household use.
//! Transcribed from the reference dataset (shared/reference data2/data3); see
//! [`crate::source`] for each column's citation.

use crate::source::{self, SourceId};

/// One EU member state as a site for the factory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`GR` for Greece; `EL` is accepted on input).
    pub code: &'static str,
    /// English name.
    pub name: &'static str,
    /// French name.
    pub name_fr: &'static str,
    /// Representative city whose climate is used.
    pub city: &'static str,
    /// Monthly mean dry-bulb temperature, January first, °C ([`source::CLIMATE_NORMALS`]).
    pub monthly_temp_c: [f64; 12],
    /// Large-consumer electricity price (Eurostat band IG, 2025-S1), €/MWh ([`source::EUROSTAT_PRICE_IG`]).
    pub price_eur_per_mwh: f64,
    /// `true` where the band-IG price is an estimate (band ID × EU IG/ID ratio).
    pub price_is_estimate: bool,
    /// Band ID price (2–20 GWh, 2025-S2), €/MWh: the high end of the price range ([`source::EUROSTAT_PRICE_ID`]).
    pub price_band_id_eur_per_mwh: f64,
    /// Grid carbon intensity, lifecycle gCO2e/kWh ([`source::EMBER_CARBON`]).
    pub carbon_g_per_kwh: f64,
    /// Year of that intensity (2025, or 2024 where 2025 was not published).
    pub carbon_year: u16,
    /// Residual-mix intensity, direct gCO2/kWh: what electricity not covered by
    /// certificates or PPAs carries in market-based (GHG Protocol Scope 2)
    /// accounting. AIB European Residual Mixes 2025, Table 2 ([`source::AIB_RESIDUAL_MIX`]).
    pub residual_g_per_kwh: f64,
    /// `true` where AIB publishes no residual mix (Austria and the Netherlands
    /// disclose all consumption, "NA"): the grid intensity above stands in, as the
    /// GHG Protocol's hierarchy falls back to the grid average ([`source::GHG_PROTOCOL_SCOPE2`]).
    pub residual_is_estimate: bool,
    /// National electricity demand 2025, TWh ([`source::EMBER_DEMAND`]).
    pub demand_twh: f64,
    /// Household electricity use per dwelling, kWh/yr ([`source::ODYSSEE_HOUSEHOLDS`]).
    pub household_kwh: f64,
    /// `true` where the household figure is an estimate.
    pub household_is_estimate: bool,
    /// Hourly labour cost of the whole economy (excluding agriculture and public
    /// administration), 2024, €/h: Eurostat lc_lci_lev ([`source::EUROSTAT_LABOUR_COST`];
    /// Portugal and Malta 2023). Prices construction labour and on-site staff
    /// against Germany's ([`Country::labour_ratio`]).
    pub labour_eur_per_hour: f64,
    /// `true` where that labour cost is an estimate (Sweden, Finland, Slovenia,
    /// Estonia: no 2023–2024 level in the sources; their latest published level ×
    /// the EU average's growth since).
    pub labour_is_estimate: bool,
}

impl Country {
    /// Citations for this row, in column order (ids: see [`source::by_id`]).
    pub fn sources(&self) -> [SourceId; 6] {
        [
            source::CLIMATE_NORMALS.cite(),
            source::EUROSTAT_PRICE_IG.cite(),
            source::EMBER_CARBON.cite(),
            source::AIB_RESIDUAL_MIX.cite(),
            source::EMBER_DEMAND.cite(),
            source::ODYSSEE_HOUSEHOLDS.cite(),
        ]
    }
}

/// A site's cooling design condition: the outdoor air the cooling plant, the
/// facility peak and the grid connection are sized for (ASHRAE's 0.4 % annual
/// cooling dry-bulb, exceeded 35 hours a year, with its mean coincident wet-bulb).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DesignCondition {
    /// Design dry-bulb temperature, °C.
    pub dry_bulb_c: f64,
    /// Mean coincident wet-bulb temperature, °C.
    pub wet_bulb_c: f64,
    /// Where it comes from.
    pub source: SourceId,
    /// `true` where derived here rather than read from a design-conditions table.
    pub is_estimate: bool,
}

/// Lisbon's ASHRAE 0.4 % cooling condition, 93 °F dry-bulb with 69 °F mean
/// coincident wet-bulb ([`source::ASHRAE_DESIGN_LISBON`]), in °C.
pub const LISBON_DESIGN_C: (f64, f64) = ((93.0 - 32.0) / 1.8, (69.0 - 32.0) / 1.8);
/// Offset of the 0.4 % design dry-bulb above the warmest month's mean, K: Lisbon's
/// 33.9 °C over its August mean of 23.5 °C ([`source::DESIGN_DAY_ESTIMATE`]).
pub const DESIGN_OFFSET_K: f64 = LISBON_DESIGN_C.0 - 23.5;
/// Relative humidity at the design hour, %: the value at which Stull's formula
/// gives Lisbon's mean coincident wet-bulb at its design dry-bulb (27.07 %).
pub const DESIGN_RH_PCT: f64 = 27.07;

impl Country {
    /// The cooling design condition. Lisbon's is ASHRAE's; elsewhere (no design
    /// table in the sources) it is derived and flagged: dry-bulb = warmest monthly
    /// mean + [`DESIGN_OFFSET_K`], wet-bulb = Stull at [`DESIGN_RH_PCT`].
    pub fn design(&self) -> DesignCondition {
        if self.code == "PT" {
            let (dry_bulb_c, wet_bulb_c) = LISBON_DESIGN_C;
            return DesignCondition {
                dry_bulb_c,
                wet_bulb_c,
                source: source::ASHRAE_DESIGN_LISBON.cite(),
                is_estimate: false,
            };
        }
        let dry_bulb_c = self.monthly_temp_c.iter().copied().fold(f64::MIN, f64::max) + DESIGN_OFFSET_K;
        DesignCondition {
            dry_bulb_c,
            wet_bulb_c: crate::physics::wet_bulb_stull(dry_bulb_c, DESIGN_RH_PCT),
            source: source::DESIGN_DAY_ESTIMATE.cite(),
            is_estimate: true,
        }
    }
}

/// Germany's hourly labour cost, €/h (2024): the reference of the construction
/// price (Turner & Townsend's Frankfurt) and of the staff cost ([`source::EUROSTAT_LABOUR_COST`]).
pub const LABOUR_REFERENCE_EUR_PER_HOUR: f64 = 43.4;
/// Share of labour in data-centre construction cost, 0.45: the middle of the
/// 40–50 % quoted by Cortex Construct ([`source::CONSTRUCTION_LABOUR_SHARE`],
/// estimate). The rest — plant, switchgear, materials — is taken as priced the
/// same across the EU.
pub const CONSTRUCTION_LABOUR_SHARE: f64 = 0.45;

impl Country {
    /// Labour cost relative to Germany's: 1 in Germany, 0.38 in Greece, 1.27 in Luxembourg.
    pub fn labour_ratio(&self) -> f64 {
        self.labour_eur_per_hour / LABOUR_REFERENCE_EUR_PER_HOUR
    }

    /// Construction price relative to Frankfurt's (model 2.2): the labour share at
    /// this country's labour cost, the rest at Frankfurt's price,
    /// 1 − [`CONSTRUCTION_LABOUR_SHARE`] + [`CONSTRUCTION_LABOUR_SHARE`] × [`Country::labour_ratio`].
    /// Turner & Townsend price no other EU city, so every country but Germany is
    /// an estimate ([`Country::construction_is_estimate`]).
    pub fn construction_factor(&self) -> f64 {
        1.0 - CONSTRUCTION_LABOUR_SHARE + CONSTRUCTION_LABOUR_SHARE * self.labour_ratio()
    }

    /// `true` where the construction price is not read from the city index (every
    /// country but Germany, whose Frankfurt is in it).
    pub fn construction_is_estimate(&self) -> bool {
        self.code != "DE"
    }

    /// The citations of the local cost: the labour cost and the labour share (ids:
    /// see [`source::by_id`]).
    pub fn cost_sources(&self) -> [SourceId; 3] {
        [source::TT_CONSTRUCTION.cite(), source::EUROSTAT_LABOUR_COST.cite(), source::CONSTRUCTION_LABOUR_SHARE.cite()]
    }
}

/// EU-27 electricity demand 2025, TWh ([`source::EMBER_DEMAND`]).
pub const EU27_DEMAND_TWH: f64 = 2_769.63;
/// EU-27 average household electricity per dwelling, kWh ([`source::ODYSSEE_HOUSEHOLDS`]).
pub const EU27_HOUSEHOLD_KWH: f64 = 3_600.0;

/// The 27 member states, by code.
pub const COUNTRIES: &[Country] = &[
    Country {
        code: "AT",
        name: "Austria",
        name_fr: "Autriche",
        city: "Vienna",
        monthly_temp_c: [0.3, 1.5, 5.7, 10.7, 15.7, 18.7, 20.8, 20.2, 15.4, 10.2, 5.1, 1.1],
        price_eur_per_mwh: 142.6,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 179.9,
        carbon_g_per_kwh: 116.9,
        carbon_year: 2025,
        residual_g_per_kwh: 116.9,
        residual_is_estimate: true,
        demand_twh: 77.33,
        household_kwh: 4300.0,
        household_is_estimate: true,
        labour_eur_per_hour: 44.5,
        labour_is_estimate: false,
    },
    Country {
        code: "BE",
        name: "Belgium",
        name_fr: "Belgique",
        city: "Brussels",
        monthly_temp_c: [3.3, 3.7, 6.8, 9.8, 13.6, 16.2, 18.4, 18.0, 14.9, 11.1, 6.8, 3.9],
        price_eur_per_mwh: 98.2,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 157.1,
        carbon_g_per_kwh: 149.8,
        carbon_year: 2025,
        residual_g_per_kwh: 171.01,
        residual_is_estimate: false,
        demand_twh: 86.58,
        household_kwh: 3300.0,
        household_is_estimate: true,
        labour_eur_per_hour: 48.2,
        labour_is_estimate: false,
    },
    Country {
        code: "BG",
        name: "Bulgaria",
        name_fr: "Bulgarie",
        city: "Sofia",
        monthly_temp_c: [-0.5, 1.1, 5.4, 10.6, 15.4, 18.9, 21.2, 21.0, 16.5, 11.3, 5.1, 0.7],
        price_eur_per_mwh: 93.1,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 135.5,
        carbon_g_per_kwh: 275.6,
        carbon_year: 2025,
        residual_g_per_kwh: 371.81,
        residual_is_estimate: false,
        demand_twh: 36.56,
        household_kwh: 3300.0,
        household_is_estimate: true,
        labour_eur_per_hour: 10.6,
        labour_is_estimate: false,
    },
    Country {
        code: "CY",
        name: "Cyprus",
        name_fr: "Chypre",
        city: "Nicosia",
        monthly_temp_c: [10.6, 10.6, 13.1, 17.1, 22.3, 26.9, 29.7, 29.4, 26.2, 22.3, 16.3, 12.0],
        price_eur_per_mwh: 209.4,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 236.6,
        carbon_g_per_kwh: 489.0,
        carbon_year: 2025,
        residual_g_per_kwh: 503.63,
        residual_is_estimate: false,
        demand_twh: 5.74,
        household_kwh: 3900.0,
        household_is_estimate: true,
        labour_eur_per_hour: 21.0,
        labour_is_estimate: false,
    },
    Country {
        code: "CZ",
        name: "Czechia",
        name_fr: "Tchéquie",
        city: "Prague",
        monthly_temp_c: [-1.4, -0.4, 3.6, 8.4, 13.4, 16.1, 18.2, 17.8, 13.5, 8.5, 3.1, -0.3],
        price_eur_per_mwh: 112.4,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 163.6,
        carbon_g_per_kwh: 401.5,
        carbon_year: 2025,
        residual_g_per_kwh: 589.81,
        residual_is_estimate: false,
        demand_twh: 68.05,
        household_kwh: 3400.0,
        household_is_estimate: true,
        labour_eur_per_hour: 18.2,
        labour_is_estimate: false,
    },
    Country {
        code: "DE",
        name: "Germany",
        name_fr: "Allemagne",
        city: "Frankfurt",
        monthly_temp_c: [1.6, 2.4, 6.4, 10.3, 14.7, 17.8, 20.0, 19.5, 15.2, 10.4, 5.6, 2.5],
        price_eur_per_mwh: 133.8,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 192.2,
        carbon_g_per_kwh: 329.6,
        carbon_year: 2025,
        residual_g_per_kwh: 701.47,
        residual_is_estimate: false,
        demand_twh: 517.24,
        household_kwh: 3000.0,
        household_is_estimate: true,
        labour_eur_per_hour: 43.4,
        labour_is_estimate: false,
    },
    Country {
        code: "DK",
        name: "Denmark",
        name_fr: "Danemark",
        city: "Copenhagen",
        monthly_temp_c: [1.4, 1.4, 3.5, 7.7, 12.5, 15.6, 18.1, 17.7, 13.9, 9.8, 5.5, 2.5],
        price_eur_per_mwh: 84.6,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 123.2,
        carbon_g_per_kwh: 114.4,
        carbon_year: 2025,
        residual_g_per_kwh: 448.9,
        residual_is_estimate: false,
        demand_twh: 40.79,
        household_kwh: 3600.0,
        household_is_estimate: true,
        labour_eur_per_hour: 50.1,
        labour_is_estimate: false,
    },
    Country {
        code: "EE",
        name: "Estonia",
        name_fr: "Estonie",
        city: "Tallinn",
        monthly_temp_c: [-2.9, -3.6, -0.6, 4.8, 10.2, 14.5, 17.6, 16.5, 12.0, 6.5, 2.0, -0.9],
        price_eur_per_mwh: 88.9,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 129.4,
        carbon_g_per_kwh: 319.1,
        carbon_year: 2025,
        residual_g_per_kwh: 467.35,
        residual_is_estimate: false,
        demand_twh: 9.26,
        household_kwh: 2800.0,
        household_is_estimate: true,
        labour_eur_per_hour: 16.7,
        labour_is_estimate: true,
    },
    Country {
        code: "ES",
        name: "Spain",
        name_fr: "Espagne",
        city: "Madrid",
        monthly_temp_c: [6.3, 7.9, 11.2, 12.9, 16.7, 22.2, 25.6, 25.1, 20.9, 15.1, 9.9, 6.9],
        price_eur_per_mwh: 88.3,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 119.1,
        carbon_g_per_kwh: 153.6,
        carbon_year: 2025,
        residual_g_per_kwh: 238.28,
        residual_is_estimate: false,
        demand_twh: 275.81,
        household_kwh: 3400.0,
        household_is_estimate: true,
        labour_eur_per_hour: 25.5,
        labour_is_estimate: false,
    },
    Country {
        code: "FI",
        name: "Finland",
        name_fr: "Finlande",
        city: "Helsinki",
        monthly_temp_c: [-3.9, -4.7, -1.3, 3.9, 10.2, 14.6, 17.8, 16.3, 11.5, 6.6, 1.6, -2.0],
        price_eur_per_mwh: 46.3,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 67.4,
        carbon_g_per_kwh: 57.5,
        carbon_year: 2025,
        residual_g_per_kwh: 352.45,
        residual_is_estimate: false,
        demand_twh: 86.81,
        household_kwh: 7000.0,
        household_is_estimate: true,
        labour_eur_per_hour: 43.0,
        labour_is_estimate: true,
    },
    Country {
        code: "FR",
        name: "France",
        name_fr: "France",
        city: "Paris",
        monthly_temp_c: [4.9, 5.6, 8.8, 11.4, 15.1, 18.2, 20.4, 20.2, 16.9, 12.9, 8.1, 5.4],
        price_eur_per_mwh: 70.8,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 121.2,
        carbon_g_per_kwh: 41.4,
        carbon_year: 2025,
        residual_g_per_kwh: 17.11,
        residual_is_estimate: false,
        demand_twh: 474.99,
        household_kwh: 4500.0,
        household_is_estimate: true,
        labour_eur_per_hour: 43.7,
        labour_is_estimate: false,
    },
    Country {
        code: "GR",
        name: "Greece",
        name_fr: "Grèce",
        city: "Athens",
        monthly_temp_c: [10.2, 10.9, 13.2, 16.9, 21.8, 26.6, 29.3, 29.3, 25.0, 20.1, 15.5, 11.5],
        price_eur_per_mwh: 111.4,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 162.1,
        carbon_g_per_kwh: 315.1,
        carbon_year: 2025,
        residual_g_per_kwh: 365.2,
        residual_is_estimate: false,
        demand_twh: 55.46,
        household_kwh: 3500.0,
        household_is_estimate: true,
        labour_eur_per_hour: 16.7,
        labour_is_estimate: false,
    },
    Country {
        code: "HR",
        name: "Croatia",
        name_fr: "Croatie",
        city: "Zagreb",
        monthly_temp_c: [0.3, 2.3, 6.4, 10.7, 15.8, 18.8, 20.6, 20.1, 15.9, 10.5, 5.0, 1.4],
        price_eur_per_mwh: 95.2,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 138.6,
        carbon_g_per_kwh: 158.5,
        carbon_year: 2025,
        residual_g_per_kwh: 432.4,
        residual_is_estimate: false,
        demand_twh: 19.88,
        household_kwh: 3300.0,
        household_is_estimate: true,
        labour_eur_per_hour: 16.5,
        labour_is_estimate: false,
    },
    Country {
        code: "HU",
        name: "Hungary",
        name_fr: "Hongrie",
        city: "Budapest",
        monthly_temp_c: [0.4, 2.3, 6.1, 12.0, 16.6, 19.7, 21.5, 21.2, 16.9, 11.8, 5.4, 1.8],
        price_eur_per_mwh: 128.9,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 187.6,
        carbon_g_per_kwh: 163.0,
        carbon_year: 2025,
        residual_g_per_kwh: 453.5,
        residual_is_estimate: false,
        demand_twh: 49.13,
        household_kwh: 2300.0,
        household_is_estimate: true,
        labour_eur_per_hour: 14.1,
        labour_is_estimate: false,
    },
    Country {
        code: "IE",
        name: "Ireland",
        name_fr: "Irlande",
        city: "Dublin",
        monthly_temp_c: [5.3, 5.3, 6.8, 8.3, 10.9, 13.6, 15.6, 15.3, 13.4, 10.5, 7.4, 5.6],
        price_eur_per_mwh: 194.7,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 218.7,
        carbon_g_per_kwh: 256.5,
        carbon_year: 2025,
        residual_g_per_kwh: 368.74,
        residual_is_estimate: false,
        demand_twh: 37.67,
        household_kwh: 4400.0,
        household_is_estimate: true,
        labour_eur_per_hour: 45.2,
        labour_is_estimate: false,
    },
    Country {
        code: "IT",
        name: "Italy",
        name_fr: "Italie",
        city: "Milan",
        monthly_temp_c: [2.5, 4.7, 9.0, 12.2, 17.0, 20.8, 23.6, 23.0, 19.2, 13.4, 7.2, 3.3],
        price_eur_per_mwh: 120.7,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 194.8,
        carbon_g_per_kwh: 284.8,
        carbon_year: 2025,
        residual_g_per_kwh: 420.2,
        residual_is_estimate: false,
        demand_twh: 311.12,
        household_kwh: 2400.0,
        household_is_estimate: true,
        labour_eur_per_hour: 30.9,
        labour_is_estimate: false,
    },
    Country {
        code: "LT",
        name: "Lithuania",
        name_fr: "Lituanie",
        city: "Vilnius",
        monthly_temp_c: [-6.1, -4.8, -0.6, 5.7, 12.5, 15.8, 16.9, 16.3, 11.6, 6.6, 1.2, -2.9],
        price_eur_per_mwh: 93.5,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 136.1,
        carbon_g_per_kwh: 138.4,
        carbon_year: 2025,
        residual_g_per_kwh: 550.26,
        residual_is_estimate: false,
        demand_twh: 12.23,
        household_kwh: 2100.0,
        household_is_estimate: true,
        labour_eur_per_hour: 16.3,
        labour_is_estimate: false,
    },
    Country {
        code: "LU",
        name: "Luxembourg",
        name_fr: "Luxembourg",
        city: "Luxembourg",
        monthly_temp_c: [0.8, 1.6, 5.2, 8.7, 13.0, 15.9, 18.2, 17.7, 13.9, 9.5, 4.7, 1.8],
        price_eur_per_mwh: 99.2,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 144.4,
        carbon_g_per_kwh: 123.4,
        carbon_year: 2025,
        residual_g_per_kwh: 422.28,
        residual_is_estimate: false,
        demand_twh: 6.69,
        household_kwh: 4300.0,
        household_is_estimate: true,
        labour_eur_per_hour: 55.2,
        labour_is_estimate: false,
    },
    Country {
        code: "LV",
        name: "Latvia",
        name_fr: "Lettonie",
        city: "Riga",
        monthly_temp_c: [-4.7, -4.2, 0.5, 5.1, 11.4, 15.5, 16.9, 16.2, 12.0, 7.4, 2.1, -2.3],
        price_eur_per_mwh: 79.8,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 116.2,
        carbon_g_per_kwh: 138.8,
        carbon_year: 2025,
        residual_g_per_kwh: 371.51,
        residual_is_estimate: false,
        demand_twh: 7.51,
        household_kwh: 2000.0,
        household_is_estimate: true,
        labour_eur_per_hour: 15.1,
        labour_is_estimate: false,
    },
    Country {
        code: "MT",
        name: "Malta",
        name_fr: "Malte",
        city: "Valletta",
        monthly_temp_c: [12.8, 12.8, 13.3, 15.6, 18.9, 22.8, 26.1, 26.7, 23.9, 21.1, 17.2, 13.9],
        price_eur_per_mwh: 80.4,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 117.0,
        carbon_g_per_kwh: 484.0,
        carbon_year: 2025,
        residual_g_per_kwh: 427.67,
        residual_is_estimate: false,
        demand_twh: 3.22,
        household_kwh: 3900.0,
        household_is_estimate: true,
        labour_eur_per_hour: 14.2,
        labour_is_estimate: false,
    },
    Country {
        code: "NL",
        name: "Netherlands",
        name_fr: "Pays-Bas",
        city: "Amsterdam",
        monthly_temp_c: [3.4, 3.5, 6.1, 9.1, 12.9, 15.4, 17.6, 17.5, 14.7, 11.0, 7.1, 4.0],
        price_eur_per_mwh: 90.8,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 181.1,
        carbon_g_per_kwh: 253.6,
        carbon_year: 2025,
        residual_g_per_kwh: 253.6,
        residual_is_estimate: true,
        demand_twh: 121.29,
        household_kwh: 2600.0,
        household_is_estimate: true,
        labour_eur_per_hour: 45.2,
        labour_is_estimate: false,
    },
    Country {
        code: "PL",
        name: "Poland",
        name_fr: "Pologne",
        city: "Warsaw",
        monthly_temp_c: [-1.8, -0.6, 2.8, 8.7, 14.2, 17.0, 19.2, 18.3, 13.5, 8.5, 3.3, -0.7],
        price_eur_per_mwh: 119.2,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 173.5,
        carbon_g_per_kwh: 588.6,
        carbon_year: 2025,
        residual_g_per_kwh: 726.96,
        residual_is_estimate: false,
        demand_twh: 173.24,
        household_kwh: 2100.0,
        household_is_estimate: true,
        labour_eur_per_hour: 17.3,
        labour_is_estimate: false,
    },
    Country {
        code: "PT",
        name: "Portugal",
        name_fr: "Portugal",
        city: "Lisbon",
        monthly_temp_c: [11.6, 12.7, 14.9, 15.9, 18.0, 21.2, 23.1, 23.5, 22.1, 18.8, 15.0, 12.4],
        price_eur_per_mwh: 98.2,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 121.6,
        carbon_g_per_kwh: 127.9,
        carbon_year: 2025,
        residual_g_per_kwh: 392.86,
        residual_is_estimate: false,
        demand_twh: 60.47,
        household_kwh: 3000.0,
        household_is_estimate: true,
        labour_eur_per_hour: 17.0,
        labour_is_estimate: false,
    },
    Country {
        code: "RO",
        name: "Romania",
        name_fr: "Roumanie",
        city: "Bucharest",
        monthly_temp_c: [-1.3, 0.4, 5.4, 11.2, 16.8, 20.6, 22.5, 22.0, 16.9, 11.0, 4.7, 0.2],
        price_eur_per_mwh: 117.8,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 171.5,
        carbon_g_per_kwh: 250.8,
        carbon_year: 2025,
        residual_g_per_kwh: 245.02,
        residual_is_estimate: false,
        demand_twh: 54.39,
        household_kwh: 1800.0,
        household_is_estimate: false,
        labour_eur_per_hour: 12.5,
        labour_is_estimate: false,
    },
    Country {
        code: "SE",
        name: "Sweden",
        name_fr: "Suède",
        city: "Stockholm",
        monthly_temp_c: [-2.8, -3.0, 0.1, 4.6, 10.7, 15.6, 17.2, 16.2, 11.9, 7.5, 2.6, -1.0],
        price_eur_per_mwh: 58.5,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 85.2,
        carbon_g_per_kwh: 35.3,
        carbon_year: 2025,
        residual_g_per_kwh: 208.56,
        residual_is_estimate: false,
        demand_twh: 137.08,
        household_kwh: 8500.0,
        household_is_estimate: false,
        labour_eur_per_hour: 43.9,
        labour_is_estimate: true,
    },
    Country {
        code: "SI",
        name: "Slovenia",
        name_fr: "Slovénie",
        city: "Ljubljana",
        monthly_temp_c: [0.3, 1.9, 6.5, 10.8, 15.8, 19.1, 21.3, 20.6, 16.0, 11.2, 5.6, 1.2],
        price_eur_per_mwh: 97.3,
        price_is_estimate: true,
        price_band_id_eur_per_mwh: 141.6,
        carbon_g_per_kwh: 183.3,
        carbon_year: 2025,
        residual_g_per_kwh: 634.45,
        residual_is_estimate: false,
        demand_twh: 14.35,
        household_kwh: 4000.0,
        household_is_estimate: true,
        labour_eur_per_hour: 25.4,
        labour_is_estimate: true,
    },
    Country {
        code: "SK",
        name: "Slovakia",
        name_fr: "Slovaquie",
        city: "Bratislava",
        monthly_temp_c: [-0.4, 1.2, 5.5, 11.0, 16.0, 19.1, 21.3, 20.7, 15.9, 10.4, 4.9, 0.7],
        price_eur_per_mwh: 141.8,
        price_is_estimate: false,
        price_band_id_eur_per_mwh: 183.9,
        carbon_g_per_kwh: 94.8,
        carbon_year: 2025,
        residual_g_per_kwh: 350.7,
        residual_is_estimate: false,
        demand_twh: 26.74,
        household_kwh: 2900.0,
        household_is_estimate: true,
        labour_eur_per_hour: 18.5,
        labour_is_estimate: false,
    },
];
