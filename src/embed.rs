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
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Prefix of every message type.
pub const PREFIX: &str = "gigafactory-planner:";
/// Version of the message format.
pub const VERSION: u32 = 1;

// Fields are declared in alphabetical order, as the messages were always
// written (a parent reading `Object.keys` sees the same order as before).

/// The results message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Every headline metric, by name (in name order).
    pub metrics: Metrics,
    /// The planning model's version ([`crate::model::MODEL_VERSION`]): the
    /// same inputs may give other figures under another version.
    #[serde(default)]
    pub model_version: String,
    /// The scenario as a link's query.
    pub query: String,
    /// `gigafactory-planner:results`.
    #[serde(rename = "type")]
    pub kind: String,
    /// [`VERSION`].
    pub version: u32,
}

/// Headline metrics sorted by name, written as a JSON object. A sorted list,
/// not a `BTreeMap`: the message only writes it in the wasm, and the map's
/// code cost 3.9 KB of it (gzip; docs/performance.md).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metrics(pub Vec<(String, f64)>);

impl Metrics {
    /// A metric's value by name.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| *v)
    }
}

impl Serialize for Metrics {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de> Deserialize<'de> for Metrics {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read back (by tests and host pages in Rust): a map gives the name order.
        Ok(Metrics(BTreeMap::<String, f64>::deserialize(d)?.into_iter().collect()))
    }
}

/// The height message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Height {
    /// The page's height, CSS px.
    pub height: f64,
    /// `gigafactory-planner:height`.
    #[serde(rename = "type")]
    pub kind: String,
    /// [`VERSION`].
    pub version: u32,
}

/// One rejected parameter of an error reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorEntry {
    /// The parameter's name (`message` for the message as a whole).
    pub name: String,
    /// Why it was rejected.
    pub reason: String,
    /// Its value, as text.
    pub value: String,
}

/// The error reply to a set-parameters message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorReply {
    /// What was rejected.
    pub errors: Vec<ErrorEntry>,
    /// `gigafactory-planner:error`.
    #[serde(rename = "type")]
    pub kind: String,
    /// [`VERSION`].
    pub version: u32,
}

fn kind(name: &str) -> String {
    format!("{PREFIX}{name}")
}

/// The results message.
pub fn results_message(e: &Estimate, query: &str) -> Results {
    let mut metrics: Vec<(String, f64)> = e.all_metrics().iter().map(|&(k, v)| (k.to_string(), v)).collect();
    crate::model::sort::insertion_sort_by(&mut metrics, |a, b| a.0 < b.0);
    let metrics = Metrics(metrics);
    let model_version = crate::model::MODEL_VERSION.to_string();
    Results { metrics, model_version, query: query.into(), kind: kind("results"), version: VERSION }
}

/// The height message.
pub fn height_message(height: f64) -> Height {
    Height { height, kind: kind("height"), version: VERSION }
}

/// The error reply to a set-parameters message.
pub fn error_message(errors: &[ParamError]) -> ErrorReply {
    let errors = errors
        .iter()
        .map(|e| ErrorEntry { name: e.name.clone(), reason: e.reason.clone(), value: e.value.clone() })
        .collect();
    ErrorReply { errors, kind: kind("error"), version: VERSION }
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
/// parameters apply in name order (a JSON object's members are kept sorted).
/// The message is read as a JSON value, not a derived type: its `type` alone
/// decides whether it is ours (no reply) before anything else is read.
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

    fn json(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
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
        assert_eq!(reply.errors.len(), 2);
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
            let msg = serde_json::json!({"type": "gigafactory-planner:set", "params": {name: bad}});
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
        assert_eq!(m.kind, "gigafactory-planner:results");
        assert_eq!(m.metrics.0.len(), 21);
        assert_eq!(m.metrics.get("grid_connection_mw"), Some(e.power.grid_connection.0));
        assert_eq!(m.metrics.get("accelerator_count"), Some(100000.0));
        let mut names: Vec<&str> = e.all_metrics().iter().map(|m| m.0).collect();
        names.sort_unstable();
        let read: Vec<&str> = m.metrics.0.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(read, names, "every metric, in name order");
        let text = serde_json::to_string(&m).unwrap();
        assert!(text.starts_with(r#"{"metrics":{"accelerator_count":100000.0,"annual_energy_gwh":"#), "{text}");
        let tail = format!(
            r#"}},"model_version":"{}","query":"v=1","type":"gigafactory-planner:results","version":1}}"#,
            crate::model::MODEL_VERSION
        );
        assert!(text.ends_with(&tail), "{text}");
        let names: Vec<&str> = m.metrics.0.iter().map(|m| m.0.as_str()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        assert_eq!(serde_json::from_str::<Results>(&text).unwrap(), m, "and reads back");
        assert_eq!(
            serde_json::to_string(&height_message(812.0)).unwrap(),
            r#"{"height":812.0,"type":"gigafactory-planner:height","version":1}"#
        );
        let e =
            ParamError { name: "count".into(), value: "-5".into(), reason: "must be \"positive\"".into(), model: None };
        assert_eq!(
            serde_json::to_string(&error_message(&[e])).unwrap(),
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
            Err(Ignored::Malformed(r#"parameter "count" has an unsupported value {"a":null,"b":[1,2.5]}"#.into()))
        );
    }
}
