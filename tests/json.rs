//! The JSON codec: any value survives writing and parsing exactly (floats bit
//! for bit), any scenario survives a trip through text, and no input —
//! arbitrary text or bytes, hostile nesting — makes the parser panic or
//! overflow the stack.

use gigafactory_planner::json::{self, parse, FromJson, Json, ToJson, MAX_DEPTH};
use gigafactory_planner::model::Scenario;
use proptest::prelude::*;
use proptest::test_runner::Config;

use gigafactory_model::strategies::{any_sizing_up_to, scenario_sized};

fn config(cases: u32) -> Config {
    Config { cases, failure_persistence: None, ..Config::default() }
}

/// Equality with floats compared by their bits (so -0.0 ≠ 0.0).
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Num(x), Json::Num(y)) => x.to_bits() == y.to_bits(),
        (Json::Arr(x), Json::Arr(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Json::Obj(x), Json::Obj(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        (a, b) => a == b,
    }
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

fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(Json::Int),
        any_float().prop_map(Json::Num),
        // Any characters, controls, quotes, backslashes and astral ones included.
        any::<String>().prop_map(Json::Str),
        "[\"\\\\/\\u{0}-\\u{1f}a\u{7f}é😀]{0,8}".prop_map(Json::Str),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
            // Keys may repeat: the order and every member are kept.
            proptest::collection::vec(("[a-c\"\\\\\\n😀]{0,3}", inner), 0..6).prop_map(Json::Obj),
        ]
    })
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn any_value_round_trips_through_text(v in any_json()) {
        let compact = v.to_string();
        let back = parse(&compact).expect("its own text parses");
        prop_assert!(same(&back, &v), "{compact} came back as {back:?}");
        let pretty = v.to_pretty();
        let back = parse(&pretty).expect("its own indented text parses");
        prop_assert!(same(&back, &v), "{pretty} came back as {back:?}");
        // Writing is deterministic and compact text has no whitespace outside strings.
        prop_assert_eq!(back.to_string(), compact);
    }

    #[test]
    fn floats_round_trip_bit_for_bit(x in any_float()) {
        let text = Json::Num(x).to_string();
        prop_assert!(text.contains(['.', 'e']), "{} must not read back as an integer", text);
        prop_assert_eq!(parse(&text), Ok(Json::Num(x)));
        prop_assert_eq!(parse(&text).unwrap().as_f64().map(f64::to_bits), Some(x.to_bits()));
        // The standard library reads the same text the same way.
        prop_assert_eq!(text.parse::<f64>().map(f64::to_bits), Ok(x.to_bits()));
    }

    #[test]
    fn integers_round_trip(i in any::<i64>()) {
        prop_assert_eq!(parse(&Json::Int(i).to_string()), Ok(Json::Int(i)));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,64}") {
        let _ = parse(&text);
    }

    #[test]
    fn json_like_text_never_panics(text in "[\\[\\]{}:,\"\\\\a-z0-9.eE+\\- \\n\\tu]{0,80}") {
        if let Ok(v) = parse(&text) {
            // Whatever parsed writes back to text that parses to the same value.
            prop_assert!(same(&parse(&v.to_string()).unwrap(), &v));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mangled_values_never_panic(v in any_json(), cut in 0usize..400, byte in any::<u8>()) {
        let text = v.to_string();
        let cut = cut.min(text.len());
        let _ = parse(&String::from_utf8_lossy(&text.as_bytes()[..cut]));
        let mut bytes = text.into_bytes();
        let i = cut.min(bytes.len() - 1);
        bytes[i] = byte;
        let _ = parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn hostile_nesting_is_an_error(depth in (MAX_DEPTH + 1)..200_000usize, open in "[\\[{]", close in any::<bool>()) {
        let layer = if open == "[" { "[" } else { "{\"k\":" };
        let mut text = layer.repeat(depth);
        if close {
            text.push('1');
            text.push_str(&(if open == "[" { "]" } else { "}" }).repeat(depth));
        }
        let e = parse(&text).expect_err("too deep");
        prop_assert!(e.contains("nested"), "{}", e);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn scenarios_round_trip_exactly(s in scenario_sized(any_sizing_up_to(1.0e7))) {
        let value = s.to_json();
        let text = value.to_string();
        let reparsed = parse(&text).expect("parses");
        prop_assert!(same(&reparsed, &value), "{}", text);
        prop_assert_eq!(Scenario::from_json(&reparsed), Ok(s.clone()));
        prop_assert_eq!(json::from_str::<Scenario>(&value.to_pretty()), Ok(s));
    }
}

#[test]
fn nesting_up_to_the_limit_parses() {
    for depth in [1, 2, MAX_DEPTH - 1, MAX_DEPTH] {
        let text = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let mut v = &parse(&text).expect("within the limit");
        for _ in 0..depth {
            v = &v.as_array().expect("an array")[0];
        }
        assert_eq!(v, &Json::Int(1));
    }
}

#[test]
fn rfc_8259_examples_parse() {
    let image = r#"{
        "Image": {
            "Width":  800,
            "Height": 600,
            "Title":  "View from 15th Floor",
            "Thumbnail": {
                "Url":    "http://www.example.com/image/481989943",
                "Height": 125,
                "Width":  100
            },
            "Animated" : false,
            "IDs": [116, 943, 234, 38793]
        }
    }"#;
    let v = parse(image).unwrap();
    assert_eq!(v["Image"]["Thumbnail"]["Width"], Json::Int(100));
    assert_eq!(v["Image"]["IDs"].as_array().map(<[Json]>::len), Some(4));
    let places = r#"[
        {"precision": "zip", "Latitude": 37.7668, "Longitude": -122.3959, "Address": "", "City": "SAN FRANCISCO",
         "State": "CA", "Zip": "94107", "Country": "US"},
        {"precision": "zip", "Latitude": 37.371991, "Longitude": -122.026020, "Address": "", "City": "SUNNYVALE",
         "State": "CA", "Zip": "94085", "Country": "US"}
    ]"#;
    let v = parse(places).unwrap();
    assert_eq!(v.as_array().unwrap()[1]["Longitude"], Json::Num(-122.02602));
    for scalar in ["\"Hello world!\"", "42", "true", "null", " \t\r\n 3 \n"] {
        assert!(parse(scalar).is_ok(), "{scalar}");
    }
}
