//! Embedding: the compact view's messages to and from the parent page.
//!
//! Outbound (to `window.parent`, any origin — they carry only public results):
//! `{type: "gigafactory-planner:results", version: 1, metrics: {NAME: number…}, query}` after every change, and
//! `{type: "gigafactory-planner:height", version: 1, height}` when the page's height changes.
//! Inbound (accepted only when `event.source` is the parent window):
//! `{type: "gigafactory-planner:set", params: {count: 5000, country: "FR", …}}` with the URL parameters' names and
//! values; invalid ones are answered with `{type: "gigafactory-planner:error", version: 1, errors: [{name, value, reason}]}`.

use crate::json::Json;
use crate::model::{Estimate, Scenario};
use crate::url_state::{parse_query_onto, percent_encode, ParamError, Parsed};

/// Prefix of every message type.
pub const PREFIX: &str = "gigafactory-planner:";
/// Version of the message format.
pub const VERSION: u32 = 1;

// Members are written in alphabetical order, as serde_json's maps wrote them
// (a parent reading `Object.keys` sees the same order as before).

/// A message of `kind`: its own fields (named before "type"), then type and version.
fn message(kind: &str, fields: Vec<(&str, Json)>) -> Json {
    let mut members = fields;
    members.push(("type", Json::Str(format!("{PREFIX}{kind}"))));
    members.push(("version", VERSION.into()));
    Json::obj(members)
}

/// The results message.
pub fn results_message(e: &Estimate, query: &str) -> Json {
    let mut metrics: Vec<(String, Json)> = e.metrics().iter().map(|&(k, v)| (k.to_string(), Json::from(v))).collect();
    crate::model::sort::insertion_sort_by(&mut metrics, |a, b| a.0 < b.0);
    message("results", vec![("metrics", Json::Obj(metrics)), ("query", query.into())])
}

/// The height message.
pub fn height_message(height: f64) -> Json {
    message("height", vec![("height", height.into())])
}

/// The error reply to a set-parameters message.
pub fn error_message(errors: &[ParamError]) -> Json {
    let list = errors
        .iter()
        .map(|e| {
            Json::obj(vec![
                ("name", e.name.as_str().into()),
                ("reason", e.reason.as_str().into()),
                ("value", e.value.as_str().into()),
            ])
        })
        .collect();
    message("error", vec![("errors", Json::Arr(list))])
}

/// Why an inbound message was ignored.
#[derive(Debug, Clone, PartialEq)]
pub enum Ignored {
    /// Not one of ours (other scripts on the parent page talk too): no reply.
    NotOurs,
    /// Ours but malformed: replied with an error.
    Malformed(String),
}

/// Apply a set-parameters message (as JSON) onto the current scenario. The
/// parameters apply in their order in `params` (`web::message_json` sorts
/// them by name).
pub fn apply_set_message(current: &Scenario, message: &Json) -> Result<Parsed, Ignored> {
    let kind = message.get("type").and_then(Json::as_str).ok_or(Ignored::NotOurs)?;
    if kind != format!("{PREFIX}set") {
        return Err(if kind.starts_with(PREFIX) {
            Ignored::Malformed(format!("unknown message type \"{kind}\""))
        } else {
            Ignored::NotOurs
        });
    }
    let params = message
        .get("params")
        .and_then(Json::as_object)
        .ok_or_else(|| Ignored::Malformed("\"params\" must be an object".into()))?;
    let mut query = Vec::with_capacity(params.len());
    for (k, v) in params {
        let text = match v {
            Json::Str(s) => s.clone(),
            Json::Int(_) | Json::Num(_) => v.to_string(),
            Json::Bool(b) => (if *b { "1" } else { "0" }).to_string(),
            other => return Err(Ignored::Malformed(format!("parameter \"{k}\" has an unsupported value {other}"))),
        };
        query.push(format!("{}={}", percent_encode(k), percent_encode(&text)));
    }
    Ok(parse_query_onto(current.clone(), &query.join("&")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use crate::model::{evaluate, Sizing};

    fn json(text: &str) -> Json {
        parse(text).unwrap()
    }

    #[test]
    fn set_message_changes_only_what_it_names() {
        let current = Scenario { country: "SE".into(), ..Scenario::default() };
        let msg = json(r#"{ "type": "gigafactory-planner:set", "params": { "count": 5000, "cooling": "immersion" } }"#);
        let p = apply_set_message(&current, &msg).unwrap();
        assert!(p.errors.is_empty());
        assert_eq!(p.scenario.sizing, Sizing::Count(5000.0));
        assert_eq!(p.scenario.country, "SE");
        assert_eq!(p.scenario.cooling, crate::model::catalogue::CoolingTech::Immersion);
    }

    #[test]
    fn invalid_values_are_reported_and_keep_the_current_value() {
        let current = Scenario { utilization: 0.5, ..Scenario::default() };
        let msg = json(r#"{ "type": "gigafactory-planner:set", "params": { "utilization": 7, "country": "XX" } }"#);
        let p = apply_set_message(&current, &msg).unwrap();
        assert_eq!(p.scenario.utilization, 0.5);
        assert_eq!(p.scenario.country, current.country);
        assert_eq!(p.errors.len(), 2);
        let reply = error_message(&p.errors);
        assert_eq!(reply["errors"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn an_out_of_range_override_keeps_the_current_override() {
        // Found by the browser fuzz test: these three used to fall back to "none".
        let current = Scenario {
            pue: Some(1.5),
            price_eur_per_mwh: Some(80.0),
            carbon_g_per_kwh: Some(200.0),
            ..Scenario::default()
        };
        for (name, bad) in [("pue", 7.0), ("price_eur_per_mwh", -5.0), ("carbon_g_per_kwh", 5000.0)] {
            let msg = Json::obj(vec![
                ("type", "gigafactory-planner:set".into()),
                ("params", Json::obj(vec![(name, bad.into())])),
            ]);
            let p = apply_set_message(&current, &msg).unwrap();
            assert_eq!(p.errors.len(), 1, "{name}");
            assert_eq!(p.scenario, current, "{name}: the current override stays");
        }
    }

    #[test]
    fn foreign_and_malformed_messages_are_told_apart() {
        let s = Scenario::default();
        assert_eq!(apply_set_message(&s, &json(r#"{"hello": 1}"#)), Err(Ignored::NotOurs));
        assert_eq!(apply_set_message(&s, &json(r#""text""#)), Err(Ignored::NotOurs));
        assert!(matches!(
            apply_set_message(&s, &json(r#"{"type": "gigafactory-planner:set"}"#)),
            Err(Ignored::Malformed(_))
        ));
        assert!(matches!(
            apply_set_message(&s, &json(r#"{"type": "gigafactory-planner:set", "params": {"count": [1]}}"#)),
            Err(Ignored::Malformed(_))
        ));
    }

    #[test]
    fn results_message_carries_every_metric() {
        let e = evaluate(&Scenario::default()).unwrap();
        let m = results_message(&e, "v=1");
        assert_eq!(m["type"].as_str(), Some("gigafactory-planner:results"));
        assert_eq!(m["metrics"].as_object().unwrap().len(), 17);
        assert_eq!(m["metrics"]["accelerator_count"], Json::Num(100000.0));
        let text = m.to_string();
        assert!(text.starts_with(r#"{"metrics":{"accelerator_count":100000.0,"annual_energy_gwh":"#), "{text}");
        assert!(text.ends_with(r#"},"query":"v=1","type":"gigafactory-planner:results","version":1}"#), "{text}");
        let names: Vec<&str> = m["metrics"].as_object().unwrap().iter().map(|(k, _)| k.as_str()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        assert_eq!(
            height_message(812.0).to_string(),
            r#"{"height":812.0,"type":"gigafactory-planner:height","version":1}"#
        );
        let e =
            ParamError { name: "count".into(), value: "-5".into(), reason: "must be \"positive\"".into(), model: None };
        assert_eq!(
            error_message(&[e]).to_string(),
            r#"{"errors":[{"name":"count","reason":"must be \"positive\"","value":"-5"}],"type":"gigafactory-planner:error","version":1}"#
        );
    }

    #[test]
    fn numbers_reach_the_link_parser_as_the_parent_wrote_them() {
        let current = Scenario::default();
        let p = apply_set_message(
            &current,
            &json(r#"{"type":"gigafactory-planner:set","params":{"count":-5,"pue":1.25,"years":1e300}}"#),
        )
        .unwrap();
        let values: Vec<&str> = p.errors.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(values, ["-5", "1e+300"]);
        assert_eq!(p.scenario.pue, Some(1.25));
        let e = apply_set_message(
            &current,
            &json(r#"{"type":"gigafactory-planner:set","params":{"count":{"b":[1,2.5],"a":null}}}"#),
        );
        assert_eq!(
            e,
            Err(Ignored::Malformed(r#"parameter "count" has an unsupported value {"b":[1,2.5],"a":null}"#.into()))
        );
    }
}
