//! What the release before the serde codec (de5b39e) stored, exported and
//! linked keeps opening: files written by that release's build in a browser
//! (a saved list of three scenarios, the working copy, an export file, a share
//! link), and the bare schema-0 forms the migration handles.

use gigafactory_planner::export::import_json;
use gigafactory_planner::model::catalogue::{CoolingTech, Redundancy};
use gigafactory_planner::model::{Precision, Scenario, Sizing};
use gigafactory_planner::shelf::{read_list, write_list};
use gigafactory_planner::storage::read_working;
use gigafactory_planner::url_state::parse_query;

const SAVED: &str = include_str!("fixtures/release-de5b39e/saved.json");
const WORKING: &str = include_str!("fixtures/release-de5b39e/working.json");
const EXPORT: &str = include_str!("fixtures/release-de5b39e/export.json");
const LINK: &str = include_str!("fixtures/release-de5b39e/link.txt");
const SCHEMA0_WORKING: &str = include_str!("fixtures/release-de5b39e/schema0-working.json");
const SCHEMA0_SAVED: &str = include_str!("fixtures/release-de5b39e/schema0-saved.json");

/// The three scenarios as that release was given them (by links).
fn expected() -> [(&'static str, Scenario); 3] {
    let d = Scenario::default();
    let sweden = Scenario {
        sizing: Sizing::Count(12_000.0),
        accelerator: "gb200".into(),
        country: "SE".into(),
        cooling: CoolingTech::Immersion,
        utilization: 0.75,
        years: 12.0,
        price_eur_per_mwh: Some(55.0),
        ..d.clone()
    };
    let mut greece = Scenario {
        sizing: Sizing::PowerMw(50.0),
        country: "GR".into(),
        redundancy: Redundancy::TwoN,
        pue: Some(1.3),
        carbon_g_per_kwh: Some(120.5),
        wacc: 0.085,
        ..d.clone()
    };
    greece.training.mfu = 0.35;
    greece.training.precision = Precision::Fp8;
    let budget = Scenario {
        sizing: Sizing::CapexEur(2.5e9),
        accelerator: "mi355x".into(),
        heat_reuse: 0.3,
        heat_price_eur_per_mwh: 25.0,
        renewable_share: 0.6,
        it_life_years: 4.0,
        facility_life_years: 25.0,
        ..d
    };
    [("Sweden immersion, \"quoted\"", sweden), ("Grèce 50 MW (2N)", greece), ("Capex budget € 2.5bn", budget)]
}

#[test]
fn the_saved_list_reads_and_writes_back_the_same_list() {
    let (list, rekeyed) = read_list(SAVED).expect("the saved list reads");
    assert_eq!(rekeyed, 0);
    assert!(list.bad.is_empty());
    let names: Vec<&str> = list.items.iter().map(|s| s.name.as_str()).collect();
    let want = expected();
    assert_eq!(names, want.iter().map(|(n, _)| *n).collect::<Vec<_>>());
    for (item, (name, scenario)) in list.items.iter().zip(want.iter()) {
        assert_eq!(&item.scenario, scenario, "{name}");
        assert!(item.id.starts_with('s') && item.created > 1.7e12, "{name}: {} {}", item.id, item.created);
    }
    let (again, _) = read_list(&write_list(&list, 1.0)).expect("what this release writes reads");
    assert_eq!(again, list);
}

#[test]
fn the_working_copy_reads() {
    assert_eq!(read_working(WORKING).expect("the working copy reads"), expected()[2].1);
}

#[test]
fn the_export_file_imports_every_scenario() {
    let report = import_json(EXPORT).expect("the export file reads");
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let got: Vec<(String, Scenario)> = report.accepted.into_iter().map(|e| (e.name, e.scenario)).collect();
    let want: Vec<(String, Scenario)> = expected().into_iter().map(|(n, s)| (n.to_string(), s)).collect();
    assert_eq!(got, want);
}

#[test]
fn the_share_link_opens_the_same_scenario() {
    let parsed = parse_query(LINK.trim().trim_start_matches('?'));
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.scenario, expected()[2].1);
}

#[test]
fn schema_0_bare_payloads_still_migrate() {
    assert_eq!(read_working(SCHEMA0_WORKING).expect("a bare scenario reads"), expected()[0].1);
    let (list, _) = read_list(SCHEMA0_SAVED).expect("a bare list reads");
    assert_eq!(list.items.len(), 3);
    assert_eq!(list.items[1].scenario, expected()[1].1);
}
