//! Small numerical building blocks: the normal distribution, wet-bulb
//! temperature, chiller COP and the capital-recovery factor.

use std::f64::consts::PI;

/// Standard normal probability density.
pub fn normal_pdf(z: f64) -> f64 {
    (-0.5 * z * z).exp() / (2.0 * PI).sqrt()
}

/// Standard normal cumulative distribution, Φ(z).
///
/// Abramowitz & Stegun 26.2.17 (absolute error < 7.5e-8).
pub fn normal_cdf(z: f64) -> f64 {
    if z.is_nan() {
        return 0.5;
    }
    let t = 1.0 / (1.0 + 0.231_641_9 * z.abs());
    let poly =
        t * (0.319_381_530 + t * (-0.356_563_782 + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let upper = normal_pdf(z) * poly;
    if z >= 0.0 {
        1.0 - upper
    } else {
        upper
    }
}

/// Share of hours in a month whose temperature exceeds `threshold_c`, and the
/// mean temperature over those hours, for hourly temperatures distributed as
/// Normal(`mean_c`, `sigma_k`).
pub fn exceedance(mean_c: f64, sigma_k: f64, threshold_c: f64) -> (f64, f64) {
    let z = (threshold_c - mean_c) / sigma_k;
    let share = 1.0 - normal_cdf(z);
    if share < 1e-12 {
        return (0.0, threshold_c);
    }
    // Mean of a normal truncated below at the threshold (inverse Mills ratio).
    let hot_mean = mean_c + sigma_k * normal_pdf(z) / share;
    (share, hot_mean.max(threshold_c))
}

/// Wet-bulb temperature from dry-bulb (°C) and relative humidity (%), Stull (2011).
/// Valid for RH 5–99 % and −20…50 °C.
pub fn wet_bulb_stull(t: f64, rh: f64) -> f64 {
    t * (0.151_977 * (rh + 8.313_659).sqrt()).atan() + (t + rh).atan() - (rh - 1.676_331).atan()
        + 0.003_918_38 * rh.powf(1.5) * (0.023_101 * rh).atan()
        - 4.686_035
}

/// Saturation vapour pressure over water at `t` °C, kPa: the Magnus form with
/// Alduchov & Eskridge's coefficients ([`crate::source::MAGNUS_PSYCHROMETRICS`]).
pub fn saturation_kpa(t: f64) -> f64 {
    0.610_94 * (17.625 * t / (t + 243.04)).exp()
}

/// Humidity ratio, kg of water vapour per kg of dry air, at vapour pressure `pv`
/// kPa and sea-level pressure (101.325 kPa).
pub fn humidity_ratio(pv: f64) -> f64 {
    0.622 * pv / (101.325 - pv)
}

/// Chiller coefficient of performance as a fraction `eta` of Carnot between an
/// evaporating and a condensing temperature (°C), bounded to what real machines do.
pub fn chiller_cop(eta: f64, evap_c: f64, cond_c: f64) -> f64 {
    let lift = (cond_c - evap_c).max(5.0);
    (eta * (evap_c + 273.15) / lift).clamp(1.5, 12.0)
}

/// Capital-recovery factor: the constant yearly payment that repays 1 € over
/// `years` at discount rate `rate`.
pub fn capital_recovery_factor(rate: f64, years: f64) -> f64 {
    if rate.abs() < 1e-9 {
        1.0 / years
    } else {
        rate / (1.0 - (1.0 + rate).powf(-years))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_matches_tables() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.0) - 0.841_344_7).abs() < 1e-6);
        assert!((normal_cdf(-1.959_964) - 0.025).abs() < 1e-6);
        assert!(normal_cdf(40.0) <= 1.0 && normal_cdf(-40.0) >= 0.0);
    }

    #[test]
    fn stull_matches_his_worked_example() {
        // Stull (2011): T = 20 °C, RH = 50 % gives Tw ≈ 13.7 °C.
        assert!((wet_bulb_stull(20.0, 50.0) - 13.7).abs() < 0.1);
    }

    #[test]
    fn psychrometrics_match_the_tables() {
        // Saturation at 20 °C: 2.339 kPa; at 30 °C 4.246 kPa (steam tables).
        assert!((saturation_kpa(20.0) - 2.339).abs() < 0.01);
        assert!((saturation_kpa(30.0) - 4.246).abs() < 0.015);
        // Saturated air at 20 °C holds 14.7 g/kg.
        assert!((humidity_ratio(saturation_kpa(20.0)) - 0.0147).abs() < 0.0002);
    }

    #[test]
    fn crf_of_zero_rate_is_straight_line() {
        assert!((capital_recovery_factor(0.0, 5.0) - 0.2).abs() < 1e-12);
        // 7 % over 20 years: 0.0944 (annuity tables).
        assert!((capital_recovery_factor(0.07, 20.0) - 0.094_393).abs() < 1e-5);
    }

    #[test]
    fn exceedance_is_a_share_and_hot_mean_is_above_threshold() {
        let (s, m) = exceedance(20.0, 4.5, 26.0);
        assert!(s > 0.0 && s < 0.5);
        assert!(m > 26.0);
        assert_eq!(exceedance(-10.0, 4.5, 60.0).0, 0.0);
    }
}
