//! JSON through serde_json, as the app configures it: floats read back bit for
//! bit (`float_roundtrip`), any scenario survives a trip through text, compact
//! or indented, and no input — arbitrary text or bytes, hostile nesting —
//! makes reading panic or overflow the stack.

use gigafactory_planner::model::Scenario;
use gigafactory_planner::storage::from_json;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;

use gigafactory_model::strategies::{any_sizing_up_to, scenario_sized};

fn config(cases: u32) -> Config {
    Config { cases, failure_persistence: None, ..Config::default() }
}

fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Finite floats of every kind: any bit pattern (subnormals included), and the
/// edges.
fn any_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<u64>().prop_map(f64::from_bits).prop_filter("finite", |x| x.is_finite()),
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        proptest::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            0.1,
            1e15,
            1e16,
            1e-5,
            1e-6,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            9007199254740993.0
        ]),
    ]
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn floats_round_trip_bit_for_bit(x in any_float()) {
        let text = serde_json::to_string(&x).unwrap();
        prop_assert!(text.contains(['.', 'e']), "{} must not read back as an integer", text);
        let back: f64 = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back.to_bits(), x.to_bits(), "{}", text);
        // Through a JSON value too, and the standard library reads the text the same way.
        let back = parse(&text).unwrap().as_f64().unwrap();
        prop_assert_eq!(back.to_bits(), x.to_bits(), "{}", text);
        prop_assert_eq!(text.parse::<f64>().map(f64::to_bits), Ok(x.to_bits()));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,64}") {
        let _ = parse(&text);
    }

    #[test]
    fn json_like_text_never_panics(text in "[\\[\\]{}:,\"\\\\a-z0-9.eE+\\- \\n\\tu]{0,80}") {
        if let Ok(v) = parse(&text) {
            // Whatever parsed writes back to text that parses to the same value.
            prop_assert_eq!(parse(&v.to_string()).unwrap(), v);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn hostile_nesting_is_an_error(depth in 129usize..200_000, open in "[\\[{]", close in any::<bool>()) {
        let layer = if open == "[" { "[" } else { "{\"k\":" };
        let mut text = layer.repeat(depth);
        if close {
            text.push('1');
            text.push_str(&(if open == "[" { "]" } else { "}" }).repeat(depth));
        }
        let e = parse(&text).expect_err("too deep");
        prop_assert!(e.contains("recursion limit"), "{}", e);
        // Straight from text, a deep unknown field is skipped without recursion: no overflow either.
        let _ = serde_json::from_str::<Scenario>(&text);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn scenarios_round_trip_exactly(s in scenario_sized(any_sizing_up_to(1.0e7))) {
        let text = serde_json::to_string(&s).unwrap();
        let value = parse(&text).expect("parses");
        // A value keeps its members sorted by name, and reads back the same.
        prop_assert_eq!(parse(&value.to_string()).unwrap(), value.clone());
        prop_assert_eq!(from_json::<Scenario>(&value, ""), Ok(s.clone()));
        let pretty = serde_json::to_string_pretty(&s).unwrap();
        prop_assert_eq!(from_json::<Scenario>(&parse(&pretty).unwrap(), ""), Ok(s));
    }
}

#[test]
fn nesting_within_the_limit_parses() {
    for depth in [1, 2, 100, 127] {
        let text = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let value = parse(&text).expect("within the limit");
        let mut v = &value;
        for _ in 0..depth {
            v = &v.as_array().expect("an array")[0];
        }
        assert_eq!(v, &Value::from(1));
    }
}

#[test]
fn numbers_out_of_range_and_non_json_are_errors() {
    for text in ["1e400", "-1e400", "NaN", "[1,]", "{\"a\":1,}", "01", "// c\n1", "\u{feff}1", "\"\\ud800\""] {
        assert!(parse(text).is_err(), "{text}");
    }
    assert!(parse("1e400").unwrap_err().contains("out of range"));
}
