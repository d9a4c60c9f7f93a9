//! The site's climate turned into monthly cooling overheads and water use.
//!
//! Method (see README "Method"): in each month the hourly dry-bulb temperature
//! is taken as Normal(monthly mean, σ = 4.5 K). A cooling loop runs chiller-free
//! while the governing outdoor temperature (dry-bulb for dry coolers, wet-bulb
//! for towers, the evaporatively pre-cooled air for adiabatic coolers) stays
//! below its supply temperature minus the plant approaches; in the hotter hours
//! a chiller carries the loop at a Carnot-fraction COP.

use crate::catalogue::{CoolingTech, Country, DesignCondition, HeatRejection, Redundancy};
use crate::physics::{chiller_cop, exceedance, humidity_ratio, saturation_kpa, wet_bulb_stull};

/// Hours in each month of a 365-day year.
pub const MONTH_HOURS: [f64; 12] = [744.0, 672.0, 744.0, 720.0, 744.0, 720.0, 744.0, 744.0, 720.0, 744.0, 720.0, 744.0];
/// Hours in a year.
pub const YEAR_HOURS: f64 = 8_760.0;

/// Spread of hourly dry-bulb around the monthly mean, K ([`crate::source::HOURLY_SPREAD_ESTIMATE`]).
pub const HOURLY_SIGMA_K: f64 = 4.5;
/// Relative humidity assumed for the wet-bulb estimate, % (no sourced normals; [`crate::source::STULL_WET_BULB`]).
pub const ASSUMED_RH_PCT: f64 = 70.0;
/// Approach of the coolant distribution unit / plate heat exchanger, K (2–4 K, estimate).
pub const HX_APPROACH_K: f64 = 2.0;
/// Chiller efficiency as a fraction of Carnot ([`crate::source::CARNOT_CHILLER`]: 0.5–0.6).
pub const CHILLER_ETA: f64 = 0.5;
/// Evaporator approach below supply temperature, K, and condenser approach above the heat-rejection water, K.
pub const CHILLER_APPROACH_K: f64 = 5.0;
/// Effectiveness of evaporative pre-cooling in an adiabatic cooler (share of the wet-bulb depression removed).
pub const ADIABATIC_EFFECTIVENESS: f64 = 0.8;
/// Supply-air temperature of an air-side economiser, °C: ASHRAE's recommended inlet
/// envelope tops out at 27 °C ([`crate::source::ASHRAE_TC99`]).
pub const ECONOMISER_SUPPLY_AIR_C: f64 = 27.0;
/// Rise of outside air to the servers' inlet through filters and fans, K (estimate):
/// an economiser runs on outside air alone below 27 − 2 = 25 °C, the low end of the
/// reference dataset's "hours < 25–27 °C" ([`crate::source::AIR_ECONOMISER`]).
pub const ECONOMISER_APPROACH_K: f64 = 2.0;
/// Lighting, offices and security, fraction of IT power (f_misc 0.005–0.02).
pub const MISC_SHARE: f64 = 0.01;
/// Share of the power chain's losses at full load that are no-load (fixed) losses —
/// transformers, capacitors, control boards — drawn whatever the load: "over 40 %
/// of all UPS losses" ([`crate::source::UPS_NO_LOAD`]; 40 % taken).
pub const UPS_NO_LOAD_SHARE: f64 = 0.4;

/// The facility overhead drawn whatever the IT load, as a fraction of the design
/// IT power (model 2.1): the power chain's no-load losses and the lighting,
/// offices and security ([`MISC_SHARE`], fixed). At average IT load `L` of the
/// design `D` it adds `fixed × (D/L − 1)` to the PUE, so the PUE at low load is
/// higher than at full load (fans and pumps are taken as speed-controlled, in
/// proportion to the load).
pub fn fixed_overhead_share(p: &SiteProfile) -> f64 {
    p.loss_share * UPS_NO_LOAD_SHARE + MISC_SHARE
}
/// Water evaporated per kWh of heat fully rejected by evaporation, L: 3.6 MJ ÷ 2.45 MJ/kg.
pub const LITRES_PER_KWH_EVAPORATED: f64 = 3.6 / 2.45;
/// Share of a tower's heat rejected by evaporation in a summer month (the rest is
/// sensible), estimate. Since model 2.1 the share follows each month's climate
/// ([`tower_latent_share`]); this is the typical summer figure it reproduces.
pub const TOWER_LATENT_SHARE: f64 = 0.85;
/// Cooling range of a tower (hot water in − cold water out), K: 10 °F ≈ 5.5 K, the
/// usual design range (estimate, [`crate::source::TOWER_PSYCHROMETRICS`]).
pub const TOWER_RANGE_K: f64 = 5.5;
/// Latent heat of vaporisation, kJ/kg ([`crate::source::LATENT_HEAT`]).
pub const LATENT_KJ_PER_KG: f64 = 2_450.0;
/// Specific heat of moist air, kJ/(kg·K).
pub const CP_AIR_KJ_PER_KG_K: f64 = 1.006;
/// Make-up per evaporated litre with blow-down at 4 cycles of concentration: 4 / (4 − 1).
pub const TOWER_BLOWDOWN_FACTOR: f64 = 4.0 / 3.0;
/// Share of heat taken up by evaporation while an adiabatic cooler sprays (estimate).
pub const ADIABATIC_LATENT_SHARE: f64 = 0.5;

/// Cooling overheads and water use of a site, month by month, independent of
/// the factory's size (everything here is per unit of IT power or heat).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SiteProfile {
    /// Cooling overhead per month (facility fans/pumps, heat-rejection fans, chillers), fraction of IT power.
    pub cooling_share: [f64; 12],
    /// Power-chain losses, fraction of IT power.
    pub loss_share: f64,
    /// Heat to reject per unit of IT power (IT + losses + facility fans and pumps).
    pub heat_ratio: f64,
    /// Water consumed per MWh of heat rejected, m³, per month.
    pub water_m3_per_mwh_heat: [f64; 12],
    /// Share of the heat load that needs chiller capacity in the hottest month.
    pub chiller_share: f64,
    /// Share of the heat rejected without chillers (free cooling), per month: for
    /// one cooling loop the share of hours it runs chiller-free; for direct liquid
    /// cooling, its two loops' shares weighted by the heat each carries.
    pub free_cooling_share: [f64; 12],
    /// The site's design condition ([`Country::design`]).
    pub design: DesignCondition,
    /// Cooling overhead on the design day, fraction of IT power: the same
    /// equations as a month's, every hour at the design condition (a loop whose
    /// governing temperature is above its threshold runs on chillers).
    pub design_cooling_share: f64,
    /// Share of the heat load on chillers on the design day.
    pub design_chiller_share: f64,
}

/// One cooling loop's monthly behaviour.
struct Loop {
    chiller_hours: f64,
    cop: f64,
    spray_hours: f64,
}

/// Highest governing outdoor temperature at which a loop supplied at `supply_c` is
/// chiller-free: the supply less the plant's and the heat exchanger's approaches; for
/// an air-side economiser, outside air below the supply air less its approach.
fn free_threshold(supply_c: f64, rejection: HeatRejection) -> f64 {
    match rejection {
        HeatRejection::Economiser => ECONOMISER_SUPPLY_AIR_C - ECONOMISER_APPROACH_K,
        _ => supply_c - rejection.params().approach_k - HX_APPROACH_K,
    }
}

fn loop_month(supply_c: f64, tdb: f64, rejection: HeatRejection) -> Loop {
    let p = rejection.params();
    let twb = wet_bulb_stull(tdb, ASSUMED_RH_PCT);
    let threshold = free_threshold(supply_c, rejection);
    let (governing_mean, spray_hours) = match rejection {
        HeatRejection::Dry | HeatRejection::Economiser => (tdb, 0.0),
        HeatRejection::Tower => (twb, 0.0),
        HeatRejection::Adiabatic => {
            // Sprays only when dry operation would not do.
            let (spray, _) = exceedance(tdb, HOURLY_SIGMA_K, threshold);
            (tdb - ADIABATIC_EFFECTIVENESS * (tdb - twb) * spray, spray)
        }
    };
    let (chiller_hours, hot_mean) = exceedance(governing_mean, HOURLY_SIGMA_K, threshold);
    let cop = chiller_cop(CHILLER_ETA, supply_c - CHILLER_APPROACH_K, hot_mean + p.approach_k + CHILLER_APPROACH_K);
    Loop { chiller_hours, cop, spray_hours }
}

/// Share of a tower's heat carried away by evaporation in a month whose mean air is
/// at `tdb` °C (relative humidity [`ASSUMED_RH_PCT`]) while the tower's cold water
/// leaves at `cold_c` °C ([`crate::source::TOWER_PSYCHROMETRICS`]): the air leaves
/// saturated at the mean water temperature (cold + half the range, Merkel's
/// picture), so of its enthalpy rise the latent part is L·(W_sat(out) − W_in) and
/// the sensible part c_p·(T_out − T_in). Cold, dry air warms more and evaporates
/// less: about 0.6–0.75 in a Frankfurt winter, 0.85–0.9 in summer. Capped at 1
/// (hot dry air can evaporate more than the heat it takes up; counted at the heat).
pub fn tower_latent_share(tdb: f64, cold_c: f64) -> f64 {
    let t_out = cold_c + TOWER_RANGE_K / 2.0;
    let w_in = humidity_ratio(ASSUMED_RH_PCT / 100.0 * saturation_kpa(tdb));
    let latent = LATENT_KJ_PER_KG * (humidity_ratio(saturation_kpa(t_out)) - w_in).max(0.0);
    let sensible = CP_AIR_KJ_PER_KG_K * (t_out - tdb);
    if latent + sensible <= 0.0 {
        return 1.0;
    }
    (latent / (latent + sensible)).clamp(0.0, 1.0)
}

/// One cooling loop on the design day: every hour at dry-bulb `tdb` and wet-bulb
/// `twb`. Returns the chiller COP if the loop needs chillers.
fn loop_design(supply_c: f64, tdb: f64, twb: f64, rejection: HeatRejection) -> Option<f64> {
    let p = rejection.params();
    let threshold = free_threshold(supply_c, rejection);
    let governing = match rejection {
        HeatRejection::Dry | HeatRejection::Economiser => tdb,
        HeatRejection::Tower => twb,
        // Sprays on the design day whenever dry operation would not do.
        HeatRejection::Adiabatic if tdb > threshold => tdb - ADIABATIC_EFFECTIVENESS * (tdb - twb),
        HeatRejection::Adiabatic => tdb,
    };
    (governing > threshold)
        .then(|| chiller_cop(CHILLER_ETA, supply_c - CHILLER_APPROACH_K, governing + p.approach_k + CHILLER_APPROACH_K))
}

/// The monthly cooling and water profile of a site.
pub fn profile(
    country: &Country,
    cooling: CoolingTech,
    rejection: HeatRejection,
    redundancy: Redundancy,
) -> SiteProfile {
    let c = cooling.params();
    let r = rejection.params();
    let loss_share = redundancy.loss_share();
    let heat_ratio = 1.0 + loss_share + c.fan_pump_share;
    let loops = [(c.liquid_share, c.liquid_supply_c), (1.0 - c.liquid_share, c.air_supply_c)];
    let mut out = SiteProfile {
        cooling_share: [0.0; 12],
        loss_share,
        heat_ratio,
        water_m3_per_mwh_heat: [0.0; 12],
        chiller_share: 0.0,
        free_cooling_share: [0.0; 12],
        design: country.design(),
        design_cooling_share: 0.0,
        design_chiller_share: 0.0,
    };
    let mut design_chillers = 0.0;
    for &(share, supply) in &loops {
        if share > 0.0 {
            if let Some(cop) = loop_design(supply, out.design.dry_bulb_c, out.design.wet_bulb_c, rejection) {
                design_chillers += share / cop;
                out.design_chiller_share += share;
            }
        }
    }
    out.design_cooling_share = c.fan_pump_share + heat_ratio * (r.fan_share + design_chillers);
    for (m, &tdb) in country.monthly_temp_c.iter().enumerate() {
        let mut chillers = 0.0;
        let mut spray = 0.0;
        let mut chiller_free = 0.0;
        let mut chiller_needed = 0.0;
        let mut latent = 0.0;
        let twb = wet_bulb_stull(tdb, ASSUMED_RH_PCT);
        for &(share, supply) in &loops {
            if share <= 0.0 {
                continue;
            }
            // The tower's cold water: the loop's setpoint while chiller-free, else
            // as cold as the wet-bulb allows (feeding the chillers' condensers).
            latent += share * tower_latent_share(tdb, (supply - HX_APPROACH_K).max(twb + r.approach_k));
            let l = loop_month(supply, tdb, rejection);
            chillers += share * l.chiller_hours / l.cop;
            spray += share * l.spray_hours;
            chiller_free += share * (1.0 - l.chiller_hours);
            if l.chiller_hours > 0.005 {
                chiller_needed += share;
            }
        }
        out.cooling_share[m] = c.fan_pump_share + heat_ratio * (r.fan_share + chillers);
        out.free_cooling_share[m] = chiller_free;
        out.chiller_share = out.chiller_share.max(chiller_needed);
        // Litres per kWh of heat = m³ per MWh of heat.
        out.water_m3_per_mwh_heat[m] = match rejection {
            HeatRejection::Dry | HeatRejection::Economiser => 0.0,
            HeatRejection::Tower => LITRES_PER_KWH_EVAPORATED * latent * TOWER_BLOWDOWN_FACTOR,
            HeatRejection::Adiabatic => LITRES_PER_KWH_EVAPORATED * ADIABATIC_LATENT_SHARE * spray,
        };
    }
    out
}

/// PUE on the design day for a profile whose cooling overhead is scaled by
/// `cooling_factor`, never below the worst month's (the design condition is
/// hotter than any monthly mean).
pub fn design_pue(p: &SiteProfile, cooling_factor: f64) -> f64 {
    let worst = (0..12).map(|m| monthly_pue(p, m, cooling_factor)).fold(1.0, f64::max);
    (1.0 + p.loss_share + MISC_SHARE + p.design_cooling_share * cooling_factor).max(worst)
}

/// PUE in month `m` for a profile whose cooling overhead is scaled by `cooling_factor`.
pub fn monthly_pue(p: &SiteProfile, m: usize, cooling_factor: f64) -> f64 {
    1.0 + p.loss_share + MISC_SHARE + p.cooling_share[m] * cooling_factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::country;

    #[test]
    fn hot_sites_need_more_cooling_than_cold_ones() {
        let athens = profile(country("GR").unwrap(), CoolingTech::Air, HeatRejection::Dry, Redundancy::NPlus1);
        let helsinki = profile(country("FI").unwrap(), CoolingTech::Air, HeatRejection::Dry, Redundancy::NPlus1);
        let a: f64 = athens.cooling_share.iter().sum();
        let h: f64 = helsinki.cooling_share.iter().sum();
        assert!(a > h * 1.3, "Athens {a} vs Helsinki {h}");
    }

    #[test]
    fn warm_water_liquid_cooling_is_nearly_chiller_free_in_frankfurt() {
        let p = profile(country("DE").unwrap(), CoolingTech::Immersion, HeatRejection::Dry, Redundancy::N);
        assert!(p.free_cooling_share.iter().all(|&s| s > 0.99), "{:?}", p.free_cooling_share);
    }

    #[test]
    fn athens_air_cooling_peaks_higher_on_its_design_day_than_in_its_hottest_month() {
        let p = profile(country("GR").unwrap(), CoolingTech::Air, HeatRejection::Dry, Redundancy::NPlus1);
        let worst = (0..12).map(|m| monthly_pue(&p, m, 1.0)).fold(1.0, f64::max);
        assert!(design_pue(&p, 1.0) > worst + 0.02, "design {} vs month {worst}", design_pue(&p, 1.0));
        assert!(p.design.is_estimate && p.design.dry_bulb_c > 38.0);
    }

    #[test]
    fn only_evaporative_plants_use_water() {
        let de = country("DE").unwrap();
        let dry = profile(de, CoolingTech::Air, HeatRejection::Dry, Redundancy::N);
        let tower = profile(de, CoolingTech::Air, HeatRejection::Tower, Redundancy::N);
        assert!(dry.water_m3_per_mwh_heat.iter().all(|&w| w == 0.0));
        assert!(tower.water_m3_per_mwh_heat.iter().all(|&w| w > 1.0 && w < 2.5));
    }

    #[test]
    fn towers_evaporate_less_of_the_heat_in_winter() {
        // Frankfurt, air cooling: January (1.7 °C) against July (20.0 °C).
        let de = country("DE").unwrap();
        let tower = profile(de, CoolingTech::Air, HeatRejection::Tower, Redundancy::N);
        let (jan, jul) = (tower.water_m3_per_mwh_heat[0], tower.water_m3_per_mwh_heat[6]);
        assert!(jan < 0.8 * jul, "January {jan} vs July {jul}");
        // July near the 85 % rule of thumb: 1.469 × 0.85 × 4/3 = 1.665 m³/MWh.
        assert!((jul / (LITRES_PER_KWH_EVAPORATED * TOWER_BLOWDOWN_FACTOR) - 0.85).abs() < 0.06, "{jul}");
    }
}
