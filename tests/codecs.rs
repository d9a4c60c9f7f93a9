//! The link and storage codecs: any scenario survives a round trip exactly, and
//! no input — arbitrary text, bytes or JSON — can make them panic.

use gigafactory_planner::i18n::Lang;
use gigafactory_planner::model::{evaluate, Scenario, Sizing};
use gigafactory_planner::storage::{decode, encode, Envelope, StorageError, SCHEMA};
use gigafactory_planner::url_state::{parse_query, percent_decode, percent_encode, to_query};
use proptest::prelude::*;
use proptest::test_runner::Config;

use gigafactory_model::strategies::{log_uniform, scenario, scenario_sized};

fn config(cases: u32) -> Config {
    Config { cases, failure_persistence: None, ..Config::default() }
}

/// Ids are stored in their canonical case once parsed.
fn canonical(mut s: Scenario) -> Scenario {
    s.accelerator = gigafactory_planner::model::catalogue::accelerator(&s.accelerator).unwrap().id.into();
    s.country = gigafactory_planner::model::catalogue::country(&s.country).unwrap().code.into();
    s
}

fn any_sizing() -> BoxedStrategy<Sizing> {
    prop_oneof![
        log_uniform(1.0, 1.0e6).prop_map(|n| Sizing::Count(n.round())),
        log_uniform(0.1, 50_000.0).prop_map(Sizing::PowerMw),
        log_uniform(1.0, 1.0e6).prop_map(Sizing::ComputePflops),
        log_uniform(1e6, 1e12).prop_map(Sizing::CapexEur),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_scenario_survives_the_link(s in scenario_sized(any_sizing()), fr in any::<bool>(), embed in any::<bool>()) {
        let lang = if fr { Lang::Fr } else { Lang::En };
        let s = canonical(s);
        let q = to_query(&s, Some(lang), embed);
        let parsed = parse_query(&format!("?{q}"));
        prop_assert!(parsed.errors.is_empty(), "{:?} from {}", parsed.errors, q);
        prop_assert!(parsed.has_scenario);
        prop_assert_eq!(parsed.lang, Some(lang));
        prop_assert_eq!(parsed.embed, embed);
        prop_assert_eq!(parsed.scenario, s);
    }

    #[test]
    fn any_scenario_survives_storage(s in scenario(), at in 0.0..2e12f64) {
        let env: Envelope<Scenario> = decode(&encode(&s, at)).expect("decodes");
        prop_assert_eq!(env.schema, SCHEMA);
        prop_assert_eq!(env.payload, s);
    }

    #[test]
    fn arbitrary_query_strings_never_panic(q in ".{0,200}") {
        let p = parse_query(&q);
        // Whatever came in, what comes out evaluates or gives a typed error.
        let _ = evaluate(&p.scenario);
    }

    #[test]
    fn parameter_soup_never_panics(
        pairs in proptest::collection::vec((
            proptest::sample::select(vec!["count", "power_mw", "compute_pflops", "capex_eur", "accelerator", "country",
                "cooling", "heat_rejection", "redundancy", "utilization", "price_eur_per_mwh", "carbon_g_per_kwh", "pue",
                "years", "it_life", "facility_life", "wacc", "renewable_share", "heat_reuse", "heat_price",
                "train_params_b", "train_tokens_t", "precision", "mfu", "goodput", "lang", "embed", "v", "zzz"]),
            prop_oneof![
                Just("NaN".to_string()), Just("1e400".to_string()), Just("-1".to_string()), Just("".to_string()),
                Just("%ZZ".to_string()), Just("gb200".to_string()), Just("n%2B1".to_string()),
                any::<f64>().prop_map(|x| x.to_string()), "[a-z%+0-9.]{0,12}",
            ],
        ), 0..12),
    ) {
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let p = parse_query(&q.join("&"));
        // Every field that survived parsing is within range: only cross-field
        // problems (a rack too hot for the cooling, a budget too small) remain.
        if let Err(e) = p.scenario.resolve() {
            prop_assert!(false, "parsed scenario is invalid: {e} (errors {:?})", p.errors);
        }
        let _ = evaluate(&p.scenario);
    }

    #[test]
    fn arbitrary_stored_text_is_an_error_not_a_panic(raw in ".{0,300}") {
        let _ = decode::<Scenario>(&raw);
    }

    #[test]
    fn arbitrary_json_payloads_decode_or_fail_cleanly(schema in 0u32..4, payload in "[\\[\\]{}:,\"a-z0-9. ]{0,120}") {
        let raw = format!("{{\"schema\":{schema},\"data_version\":\"x\",\"saved_at\":0,\"payload\":{payload}}}");
        match decode::<Scenario>(&raw) {
            Ok(env) => { let _ = evaluate(&env.payload); }
            Err(StorageError::FromTheFuture(v)) => prop_assert!(v > SCHEMA),
            Err(_) => {}
        }
    }

    #[test]
    fn percent_coding_round_trips(s in ".{0,40}") {
        prop_assert_eq!(percent_decode(&percent_encode(&s)), s);
    }
}

#[test]
fn design_parameters_parse_as_documented() {
    let p = parse_query("?v=1&accelerator=H100&count=16384&country=el&cooling=air&utilization=0.7&price_eur_per_mwh=95&pue=1.3&lang=fr&embed=1&redundancy=n%2B1&unknown=1");
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let s = &p.scenario;
    assert_eq!(s.accelerator, "h100");
    assert_eq!(s.sizing, Sizing::Count(16384.0));
    assert_eq!(s.country, "GR");
    assert_eq!(s.price_eur_per_mwh, Some(95.0));
    assert_eq!(s.pue, Some(1.3));
    assert_eq!(p.lang, Some(Lang::Fr));
    assert!(p.embed);
}

#[test]
fn count_wins_over_a_power_budget_and_power_is_used_without_it() {
    assert_eq!(parse_query("count=10&power_mw=5").scenario.sizing, Sizing::Count(10.0));
    assert_eq!(parse_query("power_mw=5").scenario.sizing, Sizing::PowerMw(5.0));
}

#[test]
fn invalid_parameters_are_named_and_fall_back_to_defaults() {
    let d = Scenario::default();
    let p = parse_query("count=-5&utilization=abc&accelerator=zz9&cooling=lava&mfu=7&v=99");
    let names: Vec<&str> = p.errors.iter().map(|e| e.name.as_str()).collect();
    for n in ["count", "utilization", "accelerator", "cooling", "mfu", "v"] {
        assert!(names.contains(&n), "{n} not reported in {names:?}");
    }
    let value_of = |n: &str| p.errors.iter().find(|e| e.name == n).map(|e| e.value.clone()).unwrap_or_default();
    assert_eq!(value_of("count"), "-5");
    assert_eq!(value_of("mfu"), "7");
    assert_eq!(value_of("cooling"), "lava");
    assert_eq!(p.scenario.sizing, d.sizing);
    assert_eq!(p.scenario.utilization, d.utilization);
    assert_eq!(p.scenario.accelerator, d.accelerator);
    assert_eq!(p.scenario.training.mfu, d.training.mfu);
    assert!(evaluate(&p.scenario).is_ok());
}

#[test]
fn a_link_without_scenario_parameters_does_not_override_saved_state() {
    let p = parse_query("?lang=fr&embed=1&utm_source=x");
    assert!(!p.has_scenario);
    let p = parse_query("?v=9&lang=xx");
    assert!(!p.has_scenario, "a bad version or language is not a scenario");
}

#[test]
fn a_link_whose_only_scenario_parameter_is_invalid_still_is_a_scenario_link() {
    // Its defaults are shown (and the parameter reported), as when a valid one is beside it.
    let p = parse_query("?country=GB");
    assert!(p.has_scenario);
    assert_eq!(p.scenario, Scenario::default());
    assert_eq!(p.errors.len(), 1);
}
