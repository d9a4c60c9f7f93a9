//! The site explorer (issue 17): every member state ranked for the design, sweeps
//! of one input across its range, and the factory scaled to the EU call's totals.

use gigafactory_model::catalogue::{self, CoolingTech, COUNTRIES, EU27_DEMAND_TWH};
use gigafactory_model::estimate::{Rule, Status};
use gigafactory_model::explore::{
    design_in, eu_scale, factories_for_call, rank_sites, sort_rows, sweep, SiteRow, SweepInput, Threshold,
    EU_CALL_ACCELERATORS, NATIONAL_DEMAND_SHARE, SITE_METRICS,
};
use gigafactory_model::{evaluate, ModelError, Scenario, Sizing};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

/// NVL72 racks need liquid cooling: refused on air in every country.
fn refused_design() -> Scenario {
    Scenario { accelerator: "gb200".into(), cooling: CoolingTech::Air, ..Scenario::default() }
}

#[test]
fn the_default_design_has_a_row_for_each_of_the_27_member_states_in_catalogue_order() {
    let rows = rank_sites(&Scenario::default());
    assert_eq!(rows.len(), 27);
    assert_eq!(COUNTRIES.len(), 27);
    for (row, country) in rows.iter().zip(COUNTRIES) {
        assert_eq!(row.country, country.code);
        assert!(row.result.is_ok(), "{}: {:?}", row.country, row.result);
        for name in SITE_METRICS {
            let v = row.metric(name).unwrap_or_else(|| panic!("{}: no {name}", row.country));
            // Dry coolers (the default) evaporate no water: 0 is a value.
            assert!(v.is_finite() && v >= 0.0, "{}: {name} = {v}", row.country);
        }
    }
}

#[test]
fn each_ranked_value_is_the_headline_of_the_design_in_that_country() {
    let design = Scenario { sizing: Sizing::Count(20_000.0), renewable_share: 0.3, ..Scenario::default() };
    let rows = rank_sites(&design);
    for code in ["DE", "FR", "SE", "PT", "PL"] {
        let row = rows.iter().find(|r| r.country == code).unwrap();
        let e = evaluate(&Scenario { country: code.into(), ..design.clone() }).unwrap();
        let all = e.all_metrics();
        for name in SITE_METRICS.iter().filter(|n| **n != NATIONAL_DEMAND_SHARE) {
            let headline = all.iter().find(|(n, _)| n == name).unwrap().1;
            assert_eq!(row.metric(name), Some(headline), "{code}: {name}");
        }
        // Every headline name is there too, with the same value.
        for (name, value) in all {
            assert_eq!(row.metric(name), Some(value), "{code}: {name}");
        }
        let demand = catalogue::country(code).unwrap().demand_twh;
        let share = row.metric(NATIONAL_DEMAND_SHARE).unwrap();
        assert!(close(share, e.annual_energy.gwh() / 1_000.0 / demand), "{code}: {share}");
    }
    assert_eq!(rows[0].metric("no_such_metric"), None);
}

#[test]
fn the_designs_own_country_does_not_matter_but_its_overrides_are_kept() {
    let design = Scenario::default();
    assert_eq!(rank_sites(&Scenario { country: "FI".into(), ..design.clone() }), rank_sites(&design));
    // A price override is the planner's input: every country pays it.
    let priced = Scenario { price_eur_per_mwh: Some(80.0), ..design };
    for row in rank_sites(&priced) {
        let e = evaluate(&design_in(&priced, row.country)).unwrap();
        assert_eq!(e.price_eur_per_mwh, 80.0, "{}", row.country);
        assert_eq!(row.metric("cost_per_gpu_hour_eur"), Some(e.cost_per_gpu_hour.value()));
    }
}

#[test]
fn a_refused_design_is_refused_in_every_country() {
    let rows = rank_sites(&refused_design());
    assert_eq!(rows.len(), 27);
    for row in &rows {
        assert!(
            matches!(row.result, Err(ModelError::CoolingTooWeak { .. } | ModelError::ImplausiblePairing { .. })),
            "{}: {:?}",
            row.country,
            row.result
        );
        assert_eq!(row.metric("pue"), None);
    }
}

/// The default design's rows with three of them replaced by refusals.
fn rows_with_refusals() -> Vec<SiteRow> {
    let mut rows = rank_sites(&Scenario::default());
    let refused = rank_sites(&refused_design());
    for i in [0, 5, 13] {
        rows[i] = refused[i].clone();
    }
    rows
}

#[test]
fn sorting_by_pue_puts_the_lowest_first_and_refused_rows_last() {
    let mut rows = rows_with_refusals();
    let lowest = rows.iter().filter_map(|r| r.metric("pue")).fold(f64::INFINITY, f64::min);
    sort_rows(&mut rows, "pue", false);
    assert_eq!(rows.len(), 27);
    assert_eq!(rows[0].metric("pue"), Some(lowest));
    let pues: Vec<f64> = rows[..24].iter().map(|r| r.metric("pue").unwrap()).collect();
    assert!(pues.windows(2).all(|w| w[0] <= w[1]), "{pues:?}");
    assert!(rows[24..].iter().all(|r| r.result.is_err()));
    // Refused rows keep their catalogue order.
    let codes: Vec<&str> = rows[24..].iter().map(|r| r.country).collect();
    assert_eq!(codes, [COUNTRIES[0].code, COUNTRIES[5].code, COUNTRIES[13].code]);
}

#[test]
fn sorting_descending_puts_the_highest_first_and_still_refused_rows_last() {
    let mut rows = rows_with_refusals();
    sort_rows(&mut rows, NATIONAL_DEMAND_SHARE, true);
    let shares: Vec<f64> = rows[..24].iter().map(|r| r.metric(NATIONAL_DEMAND_SHARE).unwrap()).collect();
    assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");
    assert!(rows[24..].iter().all(|r| r.result.is_err()));
    // The smallest grid (Malta, 3.2 TWh) feels the factory most.
    assert_eq!(rows[0].country, "MT");
}

#[test]
fn sweep_values_stay_within_the_model_range_and_include_both_ends() {
    for input in SweepInput::ALL {
        let r = input.range();
        assert!(!r.positive, "{}: an open range cannot include its low end", input.id());
        for n in [0, 1, 2, 7, 50] {
            let s = sweep(&Scenario::default(), input, n);
            let xs: Vec<f64> = s.points.iter().map(|p| p.x).collect();
            assert_eq!(xs.len(), n.max(2), "{}", input.id());
            assert_eq!(xs[0], r.min, "{}", input.id());
            assert_eq!(*xs.last().unwrap(), r.max, "{}", input.id());
            assert!(xs.iter().all(|x| (r.min..=r.max).contains(x)), "{}: {xs:?}", input.id());
            assert!(xs.windows(2).all(|w| w[0] < w[1]), "{}: {xs:?}", input.id());
            // Every value is one the model accepts: no point is refused for its range.
            for p in &s.points {
                assert!(!matches!(p.result, Err(ModelError::OutOfRange { .. })), "{}: {:?}", input.id(), p);
            }
        }
    }
}

#[test]
fn the_count_is_log_spaced_and_the_rest_evenly() {
    let xs = SweepInput::Count.values(8);
    let ratio = xs[1] / xs[0];
    assert!(xs.windows(2).all(|w| (w[1] / w[0] / ratio - 1.0).abs() < 1e-9), "{xs:?}");
    assert!(close(ratio, 10.0), "{ratio}: seven decades in seven steps");
    let xs = SweepInput::Utilization.values(5);
    assert_eq!(xs, [0.0, 0.25, 0.5, 0.75, 1.0]);
}

#[test]
fn each_sweep_point_is_the_headline_of_the_design_with_that_value() {
    let design = Scenario::default();
    for input in [SweepInput::Price, SweepInput::Utilization, SweepInput::Count, SweepInput::OpeningYear] {
        for p in sweep(&design, input, 5).points {
            let e = evaluate(&input.apply(&design, p.x));
            match (&p.result, e) {
                (Ok(f), Ok(e)) => {
                    for (name, value) in e.all_metrics() {
                        assert_eq!(f.metric(name), Some(value), "{} = {}: {name}", input.id(), p.x);
                    }
                }
                (Err(a), Err(b)) => assert_eq!(*a, b),
                (a, b) => panic!("{} = {}: {a:?} against {b:?}", input.id(), p.x),
            }
        }
    }
    assert_eq!(SweepInput::Count.current(&design), Some(100_000.0));
    assert_eq!(SweepInput::Price.current(&design), None);
    assert_eq!(SweepInput::Price.current(&SweepInput::Price.apply(&design, 55.0)), Some(55.0));
}

#[test]
fn a_pue_sweep_in_germany_crosses_the_enefg_limit_at_1_2() {
    // 10 points from 1.0 to 3.0: 1.0 passes, 1.22 fails.
    let s = sweep(&Scenario::default(), SweepInput::Pue, 10);
    let pue: Vec<_> = s.crossings.iter().filter(|c| c.threshold == Threshold::Rule(Rule::EnefgPue)).collect();
    assert_eq!(pue.len(), 1, "{:?}", s.crossings);
    let c = pue[0];
    assert_eq!((c.from, c.to), (Status::Pass, Status::Fail));
    assert!(c.between.0 < 1.2 && 1.2 < c.between.1, "{c:?}");
    assert!((c.x - 1.2).abs() < 1e-9, "{c:?}");
    // Outside Germany EnEfG does not apply: no crossing.
    let fr = sweep(&Scenario { country: "FR".into(), ..Scenario::default() }, SweepInput::Pue, 10);
    assert!(fr.crossings.iter().all(|c| c.threshold != Threshold::Rule(Rule::EnefgPue)), "{:?}", fr.crossings);
}

#[test]
fn a_count_sweep_crosses_the_eed_reporting_threshold_of_500_kw() {
    let s = sweep(&Scenario { country: "FR".into(), ..Scenario::default() }, SweepInput::Count, 60);
    let eed: Vec<_> = s.crossings.iter().filter(|c| c.threshold == Threshold::Rule(Rule::EedReporting)).collect();
    assert_eq!(eed.len(), 1, "{:?}", s.crossings);
    let c = eed[0];
    assert_eq!((c.from, c.to), (Status::NotApplicable, Status::Applies));
    assert!(c.between.0 <= c.x && c.x <= c.between.1, "{c:?}");
    let it_mw = |x: f64| {
        let f = s.points.iter().find(|p| p.x == x).unwrap().result.as_ref().unwrap();
        f.metric("it_power_mw").unwrap()
    };
    assert!(it_mw(c.between.0) < 0.5 && it_mw(c.between.1) >= 0.5, "{c:?}");
}

#[test]
fn eu_scale_is_linear_in_the_number_of_factories() {
    let e = evaluate(&Scenario::default()).unwrap();
    let one = eu_scale(&e, 1.0);
    assert!(close(one.grid_connection_gw, e.power.grid_connection.value() / 1_000.0));
    assert!(close(one.energy_twh, e.annual_energy.gwh() / 1_000.0));
    assert!(close(one.co2_mt_per_year, e.carbon.market_per_year.value() / 1e6));
    assert!(close(one.water_million_m3_per_year, e.cooling.water.value() / 1e6));
    for k in [0.0, 2.0, 7.5, 30.0] {
        let s = eu_scale(&e, k);
        assert_eq!(s.factories, k);
        for (a, b) in [
            (s.accelerators, one.accelerators),
            (s.grid_connection_gw, one.grid_connection_gw),
            (s.energy_twh, one.energy_twh),
            (s.share_of_eu, one.share_of_eu),
            (s.co2_mt_per_year, one.co2_mt_per_year),
            (s.water_million_m3_per_year, one.water_million_m3_per_year),
            (s.capex_eur, one.capex_eur),
        ] {
            assert!(close(a, k * b), "{k}: {a} against {k} × {b}");
        }
        assert!(close(s.share_of_eu, s.energy_twh / EU27_DEMAND_TWH), "{k}");
        assert_eq!(s.factories_for_call, one.factories_for_call);
    }
}

#[test]
fn the_call_factor_brings_the_count_to_3_million_accelerators() {
    let e = evaluate(&Scenario::default()).unwrap();
    assert_eq!(e.accelerator_count, 100_000.0);
    assert!(close(factories_for_call(&e), 30.0));
    let call = eu_scale(&e, factories_for_call(&e));
    assert!(close(call.accelerators, EU_CALL_ACCELERATORS));
    assert!(call.share_of_eu > 0.0 && call.share_of_eu < 1.0, "{}", call.share_of_eu);
}

#[test]
fn the_sweep_band_brackets_the_line_where_the_monte_carlo_tracks_the_result() {
    use gigafactory_model::explore::{sweep_band, SweepInput, BAND_POINTS};
    let d = Scenario::default();
    let band = sweep_band(&d, SweepInput::Price, "cost_per_gpu_hour_eur");
    assert_eq!(band.len(), BAND_POINTS);
    // At each band point the central estimate lies inside its P10–P90
    // (the headline's own property, at the band's sample count).
    for &(x, p10, p90) in &band {
        let central = evaluate(&SweepInput::Price.apply(&d, x)).unwrap().cost_per_gpu_hour.value();
        assert!(p10 <= central && central <= p90, "{x}: {p10} ≤ {central} ≤ {p90}");
    }
    // The band rises with the price, as the line does.
    assert!(band.last().unwrap().1 > band[0].2);
    // A figure the Monte-Carlo does not track has no band.
    assert!(sweep_band(&d, SweepInput::Price, "national_demand_share").is_empty());
}
