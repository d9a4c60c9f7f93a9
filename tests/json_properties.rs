//! The scenario's JSON form (serde) over arbitrary input: round trips, and garbage
//! in without a panic. (Moved from the model's properties when the model
//! became its own crate: the codec is the app's.)

use gigafactory_planner::model::catalogue::Redundancy;
use gigafactory_planner::model::strategies::*;
use gigafactory_planner::model::{evaluate, Scenario, Sizing};
use gigafactory_planner::storage::from_json;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;
use serde_json::{json, Value};

/// A proptest configuration with `cases` cases and no regression files (the
/// failing input is printed instead).
fn config(cases: u32) -> Config {
    Config { cases, failure_persistence: None, ..Config::default() }
}

// ----------------------------------------------------------------------------
// JSON: round trip, and garbage in without a panic
// ----------------------------------------------------------------------------

/// JSON values that look like scenario fields: right and wrong types, huge,
/// tiny and negative numbers, catalogue ids and garbage strings.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("JSON numbers are finite", |x| x.is_finite()).prop_map(Value::from),
        select(vec![0.0, 1.0, -1.0, 0.5, 1.7, 1e-300, 1e300, 2e7, 1e13, 100_000.0]).prop_map(Value::from),
        select(vec![
            "h100",
            "GB200",
            "mi355x",
            "DE",
            "el",
            "count",
            "power_mw",
            "compute_pflops",
            "capex_eur",
            "air",
            "rdhx",
            "dlc",
            "immersion",
            "dry",
            "adiabatic",
            "tower",
            "n",
            "n+1",
            "2n",
            "N+1",
            "bf16",
            "fp8",
            "",
            "NaN",
        ])
        .prop_map(Value::from),
        "\\PC{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            (select(vec!["count", "power_mw", "compute_pflops", "capex_eur", "bogus"]), inner.clone())
                .prop_map(|(mode, value)| json!({"mode": mode, "value": value})),
            proptest::collection::btree_map(
                select(vec!["params_b", "tokens_t", "precision", "mfu", "goodput", "mode", "value", "x"])
                    .prop_map(String::from),
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const SCENARIO_KEYS: &[&str] = &[
    "sizing",
    "accelerator",
    "country",
    "cooling",
    "heat_rejection",
    "redundancy",
    "utilization",
    "price_eur_per_mwh",
    "carbon_g_per_kwh",
    "pue",
    "years",
    "it_life_years",
    "facility_life_years",
    "wacc",
    "renewable_share",
    "heat_reuse",
    "heat_price_eur_per_mwh",
    "training",
    "unknown_field",
];

/// Read a scenario from JSON text, naming the field that is wrong.
fn from_str(text: &str) -> Result<Scenario, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    from_json(&value, "")
}

/// Parse arbitrary text as a scenario; when it parses, evaluate it. Neither may panic.
fn parse_and_evaluate(text: &str) {
    if let Ok(s) = from_str(text) {
        if let Ok(e) = evaluate(&s) {
            // A valid parse that evaluates gives numbers, whatever they are.
            let _ = e.metrics();
        }
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn scenarios_round_trip_through_json(s in scenario_sized(any_sizing_up_to(1e6))) {
        let text = serde_json::to_string(&s).unwrap();
        let back: Scenario = from_str(&text).expect("its own JSON parses");
        // Floats are written in their shortest round-trip form and read by the
        // standard library's exact parser: every field comes back bit for bit.
        prop_assert_eq!(&back, &s, "{}", text);
        // Through a JSON value (no text) it is exact too, and so is the
        // indented text of an export file.
        let exact: Scenario = from_json(&serde_json::to_value(&s).unwrap(), "").expect("parses");
        prop_assert_eq!(&exact, &s);
        let exact: Scenario = from_str(&serde_json::to_string_pretty(&s).unwrap()).expect("indented text parses");
        prop_assert_eq!(&exact, &s);
        // And the parsed scenario evaluates like the original.
        prop_assert_eq!(evaluate(&back).is_ok(), evaluate(&s).is_ok());
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,64}") {
        parse_and_evaluate(&text);
    }

    #[test]
    fn arbitrary_scenario_like_json_never_panics(
        fields in proptest::collection::btree_map(select(SCENARIO_KEYS.to_vec()), json_value(), 0..8),
    ) {
        let text = Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect()).to_string();
        parse_and_evaluate(&text);
    }

    #[test]
    fn mangled_valid_json_never_panics(s in scenario_sized(any_sizing_up_to(1e6)), cut in 0usize..2_000, byte in any::<u8>()) {
        let text = serde_json::to_string(&s).unwrap();
        // Truncate it, and separately overwrite one byte.
        let cut = cut.min(text.len());
        parse_and_evaluate(text.get(..cut).unwrap_or(""));
        let mut bytes = text.into_bytes();
        let i = cut.min(bytes.len() - 1);
        bytes[i] = byte;
        parse_and_evaluate(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn json_defaults_fill_missing_fields() {
    let s: Scenario = from_str("{}").expect("an empty object is the default scenario");
    assert_eq!(s, Scenario::default());
    let s: Scenario = from_str(r#"{"sizing":{"mode":"power_mw","value":50},"accelerator":"gb200","redundancy":"2n"}"#)
        .expect("parses");
    assert_eq!(s.sizing, Sizing::PowerMw(50.0));
    assert_eq!(s.redundancy, Redundancy::TwoN);
    assert_eq!(s.country, "DE");
    assert!(from_str(r#"{"cooling":"water"}"#).is_err());
    assert!(from_str(r#"{"sizing":{"mode":"count","value":1e400}}"#).is_err());
}

#[test]
fn sizing_value_may_come_before_its_mode() {
    for (text, mw) in [
        (r#"{"sizing":{"value":50,"mode":"power_mw"}}"#, 50.0),
        (r#"{"sizing":{"value":62.5,"mode":"power_mw"}}"#, 62.5),
    ] {
        let s = from_str(text).expect("value first parses");
        let direct: Scenario = serde_json::from_str(text).expect("straight from text too");
        assert_eq!(direct, s);
        assert_eq!(s.sizing, Sizing::PowerMw(mw));
    }
}
