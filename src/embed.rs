//! Embedding: the compact view's messages to and from the parent page.
//!
//! Outbound (to `window.parent`, any origin — they carry only public results):
//! `{type: "gigafactory-planner:results", version: 1, metrics: {NAME: number…}, query}` after every change, and
//! `{type: "gigafactory-planner:height", version: 1, height}` when the page's height changes.
//! Inbound (accepted only when `event.source` is the parent window):
//! `{type: "gigafactory-planner:set", params: {count: 5000, country: "FR", …}}` with the URL parameters' names and
//! values; invalid ones are answered with `{type: "gigafactory-planner:error", version: 1, errors: [{name, value, reason}]}`.

use crate::model::{Estimate, Scenario};
use crate::url_state::{parse_query_onto, percent_encode, ParamError, Parsed};
use serde_json::{json, Map, Value};

/// Prefix of every message type.
pub const PREFIX: &str = "gigafactory-planner:";
/// Version of the message format.
pub const VERSION: u32 = 1;

/// The results message.
pub fn results_message(e: &Estimate, query: &str) -> Value {
    let metrics: Map<String, Value> = e.metrics().iter().map(|(k, v)| (k.to_string(), json!(v))).collect();
    json!({ "type": format!("{PREFIX}results"), "version": VERSION, "metrics": metrics, "query": query })
}

/// The height message.
pub fn height_message(height: f64) -> Value {
    json!({ "type": format!("{PREFIX}height"), "version": VERSION, "height": height })
}

/// The error reply to a set-parameters message.
pub fn error_message(errors: &[ParamError]) -> Value {
    let list: Vec<Value> =
        errors.iter().map(|e| json!({ "name": e.name, "value": e.value, "reason": e.reason })).collect();
    json!({ "type": format!("{PREFIX}error"), "version": VERSION, "errors": list })
}

/// Why an inbound message was ignored.
#[derive(Debug, Clone, PartialEq)]
pub enum Ignored {
    /// Not one of ours (other scripts on the parent page talk too): no reply.
    NotOurs,
    /// Ours but malformed: replied with an error.
    Malformed(String),
}

/// Apply a set-parameters message (as JSON) onto the current scenario.
pub fn apply_set_message(current: &Scenario, message: &Value) -> Result<Parsed, Ignored> {
    let kind = message.get("type").and_then(Value::as_str).ok_or(Ignored::NotOurs)?;
    if kind != format!("{PREFIX}set") {
        return Err(if kind.starts_with(PREFIX) {
            Ignored::Malformed(format!("unknown message type \"{kind}\""))
        } else {
            Ignored::NotOurs
        });
    }
    let params = message
        .get("params")
        .and_then(Value::as_object)
        .ok_or_else(|| Ignored::Malformed("\"params\" must be an object".into()))?;
    let mut query = Vec::with_capacity(params.len());
    for (k, v) in params {
        let text = match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => (if *b { "1" } else { "0" }).to_string(),
            other => return Err(Ignored::Malformed(format!("parameter \"{k}\" has an unsupported value {other}"))),
        };
        query.push(format!("{}={}", percent_encode(k), percent_encode(&text)));
    }
    Ok(parse_query_onto(current.clone(), &query.join("&")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, Sizing};

    #[test]
    fn set_message_changes_only_what_it_names() {
        let current = Scenario { country: "SE".into(), ..Scenario::default() };
        let msg = json!({ "type": "gigafactory-planner:set", "params": { "count": 5000, "cooling": "immersion" } });
        let p = apply_set_message(&current, &msg).unwrap();
        assert!(p.errors.is_empty());
        assert_eq!(p.scenario.sizing, Sizing::Count(5000.0));
        assert_eq!(p.scenario.country, "SE");
        assert_eq!(p.scenario.cooling, crate::model::catalogue::CoolingTech::Immersion);
    }

    #[test]
    fn invalid_values_are_reported_and_keep_the_current_value() {
        let current = Scenario { utilization: 0.5, ..Scenario::default() };
        let msg = json!({ "type": "gigafactory-planner:set", "params": { "utilization": 7, "country": "XX" } });
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
            let msg = json!({ "type": "gigafactory-planner:set", "params": { name: bad } });
            let p = apply_set_message(&current, &msg).unwrap();
            assert_eq!(p.errors.len(), 1, "{name}");
            assert_eq!(p.scenario, current, "{name}: the current override stays");
        }
    }

    #[test]
    fn foreign_and_malformed_messages_are_told_apart() {
        let s = Scenario::default();
        assert_eq!(apply_set_message(&s, &json!({"hello": 1})), Err(Ignored::NotOurs));
        assert_eq!(apply_set_message(&s, &json!("text")), Err(Ignored::NotOurs));
        assert!(matches!(
            apply_set_message(&s, &json!({"type": "gigafactory-planner:set"})),
            Err(Ignored::Malformed(_))
        ));
        assert!(matches!(
            apply_set_message(&s, &json!({"type": "gigafactory-planner:set", "params": {"count": [1]}})),
            Err(Ignored::Malformed(_))
        ));
    }

    #[test]
    fn results_message_carries_every_metric() {
        let e = evaluate(&Scenario::default()).unwrap();
        let m = results_message(&e, "v=1");
        assert_eq!(m["type"], "gigafactory-planner:results");
        assert_eq!(m["metrics"].as_object().unwrap().len(), 17);
        assert_eq!(m["metrics"]["accelerator_count"], 100000.0);
    }
}
