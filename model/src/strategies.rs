//! Proptest strategies for tests of the model and of the app's codecs:
//! arbitrary valid scenarios. Behind the `strategies` feature, so the model
//! itself depends on std and serde alone.

use crate::catalogue::{CoolingTech, HeatRejection, Redundancy, ACCELERATORS, COUNTRIES};
use crate::{Precision, Scenario, Sizing, TrainingRun};
use proptest::prelude::*;
use proptest::sample::select;

/// `lo..=hi` with its ends drawn often, since boundaries are where models break.
pub fn with_ends(lo: f64, hi: f64) -> BoxedStrategy<f64> {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 6 => lo..=hi].boxed()
}

/// Log-uniform in `lo..=hi` (both > 0).
pub fn log_uniform(lo: f64, hi: f64) -> BoxedStrategy<f64> {
    // Clamped: 10^log10(hi) may land an ulp above hi, outside a validation range.
    (lo.log10()..=hi.log10()).prop_map(move |x| 10f64.powf(x).clamp(lo, hi)).boxed()
}

/// Any sizing mode, with a count up to `max_count` and budgets and targets over
/// their whole plausible ranges.
pub fn any_sizing_up_to(max_count: f64) -> BoxedStrategy<Sizing> {
    prop_oneof![
        log_uniform(1.0, max_count).prop_map(Sizing::Count),
        log_uniform(1e-3, 1e5).prop_map(Sizing::PowerMw),
        log_uniform(1e-3, 1e9).prop_map(Sizing::ComputePflops),
        log_uniform(1e4, 1e13).prop_map(Sizing::CapexEur),
    ]
    .boxed()
}

pub fn accelerator_id() -> impl Strategy<Value = String> {
    let ids: Vec<&'static str> = ACCELERATORS.iter().map(|a| a.id).collect();
    // Ids are case-insensitive; exercise that too.
    (select(ids), any::<bool>()).prop_map(|(id, upper)| if upper { id.to_uppercase() } else { id.to_string() })
}

pub fn country_code() -> impl Strategy<Value = String> {
    let mut codes: Vec<&'static str> = COUNTRIES.iter().map(|c| c.code).collect();
    codes.push("EL"); // Eurostat's code for Greece
    (select(codes), any::<bool>()).prop_map(|(c, lower)| if lower { c.to_lowercase() } else { c.to_string() })
}

/// Any valid scenario with the given sizing strategy.
pub fn scenario_sized(sizing: BoxedStrategy<Sizing>) -> impl Strategy<Value = Scenario> {
    let hardware = (
        accelerator_id(),
        country_code(),
        select(CoolingTech::ALL.to_vec()),
        select(HeatRejection::ALL.to_vec()),
        select(Redundancy::ALL.to_vec()),
        with_ends(0.0, 1.0),
    );
    let overrides = (
        proptest::option::of(with_ends(0.0, 2_000.0)),
        proptest::option::of(with_ends(0.0, 2_000.0)),
        proptest::option::of(with_ends(1.0, 3.0)),
    );
    // Heat is priced within its sourced range, €0–30/MWh. The validation allows
    // up to €150/MWh, where heat sales can outgrow the running costs and make
    // opex (and the cost per GPU-hour) negative; "≥ 0" is only claimed here.
    let economics = (
        with_ends(1.0, 50.0),
        with_ends(1.0, 15.0),
        with_ends(5.0, 60.0),
        with_ends(0.0, 0.3),
        with_ends(0.0, 1.0),
        with_ends(0.0, 1.0),
        with_ends(0.0, 30.0),
        with_ends(2025.0, 2040.0),
    );
    let training = (
        log_uniform(0.1, 100_000.0),
        log_uniform(0.001, 10_000.0),
        select(vec![Precision::Bf16, Precision::Fp8]),
        with_ends(0.01, 1.0),
        with_ends(0.01, 1.0),
    );
    (sizing, hardware, overrides, economics, training).prop_map(
        |(
            sizing,
            (accelerator, country, cooling, heat_rejection, redundancy, utilization),
            (price, carbon, pue),
            (years, it_life_years, facility_life_years, wacc, renewable_share, heat_reuse, heat_price, opening_year),
            (params_b, tokens_t, precision, mfu, goodput),
        )| Scenario {
            sizing,
            accelerator,
            country,
            cooling,
            heat_rejection,
            redundancy,
            utilization,
            price_eur_per_mwh: price,
            carbon_g_per_kwh: carbon,
            pue,
            years,
            it_life_years,
            facility_life_years,
            wacc,
            renewable_share,
            heat_reuse,
            heat_price_eur_per_mwh: heat_price,
            training: TrainingRun { params_b, tokens_t, precision, mfu, goodput },
            opening_year,
            // Off, as most scenarios are; the URL codec's own test turns it on.
            decarbonise: false,
        },
    )
}

/// A valid scenario sized by an accelerator count between 1 and 1 000 000.
pub fn scenario() -> impl Strategy<Value = Scenario> {
    scenario_sized(log_uniform(1.0, 1.0e6).prop_map(Sizing::Count).boxed())
}
