//! Scenarios in the browser's local storage, in a versioned envelope, without
//! ever losing one.
//!
//! The rule that makes loss impossible rather than unlikely lives in one
//! place, [`Slot::write`]: before a key is overwritten, what it holds is read;
//! text this release cannot read is first copied to a backup key, and if even
//! that write fails the overwrite is refused (and keeps being refused) until
//! the planner decides what to do with the text, which stays in memory for
//! download meanwhile. Nothing else in the app writes a key it reads.
//!
//! Storage sits behind the [`Store`] trait: local storage in the browser
//! ([`Local`]), a map with injectable failures in tests ([`MemStore`]), so the
//! whole protocol is tested natively, failing writes and two tabs included.

use crate::model::Scenario;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// Schema version of what this release writes.
pub const SCHEMA: u32 = 1;
/// Version of the model's data (catalogues) that produced a stored scenario.
pub const DATA_VERSION: &str = "2026.11";
/// Key of the working (autosaved) scenario.
pub const WORKING_KEY: &str = "gigafactory-planner.working";
/// Prefix of keys where unreadable data is kept.
pub const BACKUP_PREFIX: &str = "gigafactory-planner.backup.";

/// What is stored: a payload with its versions and time, as
/// `{"schema": 1, "data_version": "…", "saved_at": ms, "payload": …}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Schema version of the payload.
    pub schema: u32,
    /// Data version of the model that wrote it.
    pub data_version: String,
    /// When it was written, ms since the Unix epoch.
    pub saved_at: f64,
    /// The payload.
    pub payload: T,
}

/// Why stored data could not be read or written.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// Local storage cannot be used here.
    Unavailable,
    /// The browser refused the write (quota exceeded or similar).
    WriteRefused(String),
    /// The text is not a valid envelope.
    Corrupt(String),
    /// Written by a newer release of the planner.
    FromTheFuture(u32),
    /// Readable, but its inputs are not a valid scenario.
    Invalid(crate::model::ModelError),
    /// Not written: the key holds data this release cannot read, and no backup
    /// of it could be made, so it is kept until the planner decides.
    Held,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "browser storage is unavailable"),
            StorageError::WriteRefused(why) => write!(f, "the browser refused to save ({why})"),
            StorageError::Corrupt(why) => write!(f, "the saved data is unreadable ({why})"),
            StorageError::FromTheFuture(v) => {
                write!(f, "the saved data was written by a newer version of the planner (schema {v})")
            }
            StorageError::Invalid(why) => write!(f, "the saved scenario is not valid ({why})"),
            StorageError::Held => write!(
                f,
                "the stored data could not be read and no copy of it could be made, so it was not overwritten"
            ),
        }
    }
}

/// Read a `T` from a JSON value (always by reference: one instance of each
/// type's reading code in the wasm).
/// An error names the field, after `root` (the place of the value itself, ""
/// at the top): "training.mfu: invalid type: null, expected f64",
/// "[1].scenario: missing field `mode`".
pub fn from_json<'de, T: Deserialize<'de>>(value: &'de Value, root: &str) -> Result<T, String> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = match (root, path.as_str()) {
            (root, ".") => root.to_string(),
            ("", path) => path.to_string(),
            (root, path) if path.starts_with('[') => format!("{root}{path}"),
            (root, path) => format!("{root}.{path}"),
        };
        if path.is_empty() {
            e.into_inner().to_string()
        } else {
            format!("{path}: {}", e.into_inner())
        }
    })
}

/// Parse JSON text: by the browser's `JSON.parse` in the wasm (exact floats,
/// and no float parser of our own in the wasm), by serde_json with its exact
/// float parser (`float_roundtrip`) natively.
pub fn parse_json(text: &str) -> Result<Value, String> {
    #[cfg(target_arch = "wasm32")]
    return crate::web::parse_json(text);
    #[cfg(not(target_arch = "wasm32"))]
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// serde reads a struct from an array of its fields too, a form this app
/// never wrote: a scenario must be an object (`[]` would otherwise read as
/// the default scenario, and whatever wrote it be overwritten).
pub fn must_be_object(value: &Value, path: &str) -> Result<(), String> {
    if value.is_array() {
        let at = if path.is_empty() { String::new() } else { format!("{path}: ") };
        return Err(format!("{at}invalid type: sequence, expected an object"));
    }
    Ok(())
}

/// Wrap a payload for storage.
pub fn encode<T: Serialize>(payload: &T, now_ms: f64) -> String {
    let env = Envelope { schema: SCHEMA, data_version: DATA_VERSION.to_string(), saved_at: now_ms, payload };
    serde_json::to_string(&env).unwrap_or_default()
}

/// The schema version a stored value or an imported file declares: 0 when it
/// has none (a bare payload), an error when it is not a whole number from 0 to
/// [`u32::MAX`] written as digits (`1`, not `1.0`), or is newer than this
/// release's. Storage and import follow this one rule.
pub fn schema_of(value: &Value) -> Result<u32, StorageError> {
    let schema = match value.get("schema") {
        None => 0,
        // A number as_u64 reads was written as digits that fit a u64.
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| StorageError::Corrupt("the schema version is not a whole number".into()))?,
    };
    if schema > SCHEMA {
        return Err(StorageError::FromTheFuture(schema));
    }
    Ok(schema)
}

/// Unwrap stored text, migrating older schemas.
///
/// Schema 0 is a bare payload without an envelope (what an early build, a hand
/// edit or another tool may leave): it is wrapped as if saved at time 0. The
/// payload must be an object.
pub fn decode<T: DeserializeOwned>(raw: &str) -> Result<Envelope<T>, StorageError> {
    let value = parse_json(raw).map_err(StorageError::Corrupt)?;
    let env = envelope(value)?;
    must_be_object(&env.payload, "payload").map_err(StorageError::Corrupt)?;
    let payload = from_json(&env.payload, "").map_err(StorageError::Corrupt)?;
    Ok(Envelope { schema: env.schema, data_version: env.data_version, saved_at: env.saved_at, payload })
}

/// The envelope's fields but the payload, as read.
#[derive(Deserialize)]
struct Head {
    data_version: String,
    saved_at: f64,
}

/// The envelope of a parsed stored value, its payload as JSON (see [`decode`]).
/// Every field of the envelope must be there; others are ignored.
pub fn envelope(mut value: Value) -> Result<Envelope<Value>, StorageError> {
    let schema = schema_of(&value)?;
    if schema == 0 {
        return Ok(Envelope { schema: 0, data_version: "unknown".into(), saved_at: 0.0, payload: value });
    }
    // Later schemas add their migrations here, oldest first.
    let head: Head = from_json(&value, "envelope").map_err(StorageError::Corrupt)?;
    let payload = match value.get_mut("payload") {
        Some(payload) => payload.take(),
        None => return Err(StorageError::Corrupt("envelope: missing field `payload`".into())),
    };
    Ok(Envelope { schema, data_version: head.data_version, saved_at: head.saved_at, payload })
}

/// Where stored text lives: the browser's local storage ([`Local`]) or, in
/// tests, a map ([`MemStore`]).
pub trait Store {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Write `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// The browser's local storage through gloo-storage's raw API (the text as
/// stored: the never-lose path must see text it cannot read, which gloo's
/// typed `get` would only report as an error), touched only after checking
/// that it can be: a sandboxed iframe throws on the mere access, and gloo
/// turns that into an uncaught exception.
#[derive(Debug, Clone, Copy, Default)]
pub struct Local;

#[cfg(target_arch = "wasm32")]
impl Local {
    fn raw() -> Result<web_sys::Storage, StorageError> {
        let usable = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some();
        if !usable {
            return Err(StorageError::Unavailable);
        }
        Ok(<gloo_storage::LocalStorage as gloo_storage::Storage>::raw())
    }
}

#[cfg(target_arch = "wasm32")]
impl Store for Local {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Self::raw()?.get_item(key).map_err(|_| StorageError::Unavailable)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        Self::raw()?.set_item(key, value).map_err(|e| {
            let why = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
            StorageError::WriteRefused(why.unwrap_or_else(|| "unknown error".into()))
        })
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let raw = Self::raw()?;
        let n = raw.length().map_err(|_| StorageError::Unavailable)?;
        Ok((0..n).filter_map(|i| raw.key(i).ok().flatten()).collect())
    }
}

/// Off the browser there is no local storage.
#[cfg(not(target_arch = "wasm32"))]
impl Store for Local {
    fn get(&self, _key: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Unavailable)
    }
    fn set(&mut self, _key: &str, _value: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Err(StorageError::Unavailable)
    }
}

/// Now, in ms since the Unix epoch (0 off the browser).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// A store in memory, for tests: a byte quota over keys and values, like the
/// browser's, and writes refused on demand.
#[derive(Debug, Clone, Default)]
pub struct MemStore {
    /// What is stored.
    pub map: BTreeMap<String, String>,
    /// Total bytes of keys and values allowed (None: no limit).
    pub quota: Option<usize>,
    /// How many of the next writes to refuse.
    pub refuse_next: usize,
}

impl MemStore {
    fn used_without(&self, key: &str) -> usize {
        self.map.iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Store for MemStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.refuse_next > 0 {
            self.refuse_next -= 1;
            return Err(StorageError::WriteRefused("QuotaExceededError".into()));
        }
        if self.quota.is_some_and(|q| self.used_without(key) + key.len() + value.len() > q) {
            return Err(StorageError::WriteRefused("QuotaExceededError".into()));
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.keys().cloned().collect())
    }
}

/// The raw text of every backup key, oldest first (keys hold the time).
pub fn backups(store: &dyn Store) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .filter_map(|k| store.get(&k).ok().flatten().map(|v| (k, v)))
        .collect();
    crate::model::sort::insertion_sort_by(&mut out, |a, b| a < b);
    out
}

/// Keep unreadable text under a fresh backup key (named after the key it came
/// from, the time, and a counter if that is taken); returns the key if that
/// worked. The same text from the same key already kept (each reload, or each
/// open tab, finds it again until the key is next written) is not kept twice.
fn set_aside(store: &mut dyn Store, from: &str, raw: &str, now: f64) -> Option<String> {
    let source = format!("{BACKUP_PREFIX}{}.", from.strip_prefix("gigafactory-planner.").unwrap_or(from));
    if let Some((key, _)) = backups(store).into_iter().find(|(k, v)| k.starts_with(&source) && v == raw) {
        return Some(key);
    }
    let base = format!("{source}{}", now.max(0.0) as u64);
    let mut key = base.clone();
    let mut n = 1;
    while matches!(store.get(&key), Ok(Some(_))) {
        n += 1;
        key = format!("{base}-{n}");
    }
    store.set(&key, raw).ok().map(|_| key)
}

/// What loading a key found.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// A value.
    Value(T),
    /// Nothing stored.
    Empty,
    /// Stored data could not be used; it was kept under `backup_key`, or, if
    /// no backup could be written, left in its key, which then refuses writes
    /// (see [`Slot::held`]).
    SetAside {
        /// Why it could not be used.
        error: StorageError,
        /// Where it was kept (None: left where it was, untouched).
        backup_key: Option<String>,
    },
    /// Storage cannot be used.
    Unavailable,
}

/// Text found in a key that this release cannot use and that no backup holds:
/// the key keeps it, and every write to the key is refused until the planner
/// downloads or discards it.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// The text, byte for byte (offered for download).
    pub raw: String,
    /// Why it cannot be used.
    pub error: StorageError,
}

/// One storage key that must never lose what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The key.
    pub key: String,
    /// Unreadable text in the key with no backup, if any.
    pub held: Option<Held>,
}

impl Slot {
    /// The slot of `key`, holding nothing yet.
    pub fn new(key: &str) -> Slot {
        Slot { key: key.to_string(), held: None }
    }

    /// Read the key with `read` (decode, then check the payload: stored data
    /// is input, validated as a link is). Text `read` refuses is set aside
    /// under a backup key before anything can overwrite it; if that write
    /// fails, the slot holds the text and refuses writes.
    pub fn load<T>(
        &mut self,
        store: &mut dyn Store,
        now: f64,
        read: impl Fn(&str) -> Result<T, StorageError>,
    ) -> Loaded<T> {
        match store.get(&self.key) {
            Err(_) => Loaded::Unavailable,
            Ok(None) => Loaded::Empty,
            Ok(Some(raw)) => match read(&raw) {
                Ok(value) => Loaded::Value(value),
                Err(error) => {
                    let backup_key = set_aside(store, &self.key, &raw, now);
                    if backup_key.is_none() {
                        self.held = Some(Held { raw, error: error.clone() });
                    }
                    Loaded::SetAside { error, backup_key }
                }
            },
        }
    }

    /// Write `text` over the key unless that would lose what it holds: text
    /// that `check` refuses (another release's, damaged, invalid) is set aside
    /// first, and if it cannot be, the write is refused with
    /// [`StorageError::Held`] and the slot holds that text until
    /// [`Slot::release`].
    pub fn write(
        &mut self,
        store: &mut dyn Store,
        text: &str,
        now: f64,
        check: impl Fn(&str) -> Result<(), StorageError>,
    ) -> Result<(), StorageError> {
        if let Some(raw) = store.get(&self.key)? {
            if let Err(error) = check(&raw) {
                if set_aside(store, &self.key, &raw, now).is_none() {
                    self.held = Some(Held { raw, error });
                    return Err(StorageError::Held);
                }
            }
        }
        // What it held is kept elsewhere now (or was usable): nothing to hold.
        self.held = None;
        store.set(&self.key, text)
    }

    /// The planner has decided (downloaded the held text, or chose to discard
    /// it): the next write may replace it.
    pub fn release(&mut self, store: &mut dyn Store, text: &str) -> Result<(), StorageError> {
        store.set(&self.key, text)?;
        self.held = None;
        Ok(())
    }
}

/// Read a stored working scenario: decoded, then validated as a link is.
pub fn read_working(raw: &str) -> Result<Scenario, StorageError> {
    let scenario = decode::<Scenario>(raw)?.payload;
    scenario.resolve().map_err(StorageError::Invalid)?;
    Ok(scenario)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let s = Scenario { accelerator: "h100".into(), ..Scenario::default() };
        let env: Envelope<Scenario> = decode(&encode(&s, 5.0)).unwrap();
        assert_eq!(env.payload, s);
        assert_eq!(env.schema, SCHEMA);
        assert_eq!(env.saved_at, 5.0);
    }

    #[test]
    fn garbage_is_corrupt_and_the_future_is_refused() {
        assert!(matches!(decode::<Scenario>("{not json"), Err(StorageError::Corrupt(_))));
        assert!(matches!(decode::<Scenario>("42"), Err(StorageError::Corrupt(_))));
        assert!(matches!(decode::<Scenario>("\"text\""), Err(StorageError::Corrupt(_))));
        let future = r#"{"schema":99,"data_version":"x","saved_at":0,"payload":{}}"#;
        assert_eq!(decode::<Scenario>(future), Err(StorageError::FromTheFuture(99)));
        assert!(matches!(decode::<Scenario>(r#"{"schema":-1}"#), Err(StorageError::Corrupt(_))));
    }

    #[test]
    fn one_schema_rule() {
        let schema = |text: &str| schema_of(&serde_json::from_str(text).unwrap());
        assert_eq!(schema("{}"), Ok(0));
        assert_eq!(schema(r#"{"schema":1}"#), Ok(1));
        assert_eq!(schema(r#"{"schema":2}"#), Err(StorageError::FromTheFuture(2)));
        for bad in [r#"{"schema":"2"}"#, r#"{"schema":18446744073709551616}"#, r#"{"schema":1.0}"#, r#"{"schema":-1}"#]
        {
            assert!(matches!(schema(bad), Err(StorageError::Corrupt(_))), "{bad}");
        }
        assert!(matches!(schema(r#"{"schema":4294967296}"#), Err(StorageError::Corrupt(_))));
    }

    #[test]
    fn the_envelope_is_written_as_before_and_needs_every_field() {
        let text = encode(&Scenario::default(), 1_700_000_000_000.0);
        let head = r#"{"schema":1,"data_version":"2026.11","saved_at":1700000000000.0,"payload":{"sizing":{"mode":"count","value":100000.0},"accelerator":"b200","#;
        assert!(text.starts_with(head), "{text}");
        // What an earlier release wrote reads back.
        let old = concat!(
            r#"{"schema":1,"data_version":"2026.11","saved_at":1764150000000.0,"payload":{"sizing":{"mode":"power_mw","value":50.0},"#,
            r#""accelerator":"gb200","country":"SE","cooling":"dlc","heat_rejection":"dry","redundancy":"n+1","utilization":0.8,"#,
            r#""price_eur_per_mwh":null,"carbon_g_per_kwh":12.5,"pue":null,"years":10.0,"it_life_years":5.0,"#,
            r#""facility_life_years":20.0,"wacc":0.07,"renewable_share":0.0,"heat_reuse":0.0,"heat_price_eur_per_mwh":10.0,"#,
            r#""training":{"params_b":405.0,"tokens_t":15.6,"precision":"fp8","mfu":0.4,"goodput":0.9}}}"#
        );
        let env: Envelope<Scenario> = decode(old).unwrap();
        assert_eq!(env.saved_at, 1_764_150_000_000.0);
        assert_eq!(env.payload.carbon_g_per_kwh, Some(12.5));
        assert_eq!(env.payload.training.precision, crate::model::Precision::Fp8);
        assert_eq!(encode(&env.payload, env.saved_at), old, "and is written back byte for byte");
        for (text, missing) in [
            (r#"{"schema":1,"saved_at":0,"payload":{}}"#, "data_version"),
            (r#"{"schema":1,"data_version":"x","payload":{}}"#, "saved_at"),
            (r#"{"schema":1,"data_version":"x","saved_at":0}"#, "payload"),
        ] {
            match decode::<Scenario>(text) {
                Err(StorageError::Corrupt(why)) => assert!(why.contains(missing), "{why}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(matches!(decode::<Scenario>(r#"{"schema":1.0}"#), Err(StorageError::Corrupt(_))));
    }

    #[test]
    fn a_bare_payload_is_migrated_from_schema_0() {
        let bare = serde_json::to_string(&Scenario { years: 12.0, ..Scenario::default() }).unwrap();
        let env: Envelope<Scenario> = decode(&bare).unwrap();
        assert_eq!(env.schema, 0);
        assert_eq!(env.payload.years, 12.0);
        // A partial old scenario keeps today's defaults for what it lacks.
        let env: Envelope<Scenario> = decode(r#"{"accelerator":"h100"}"#).unwrap();
        assert_eq!(env.payload.accelerator, "h100");
        assert_eq!(env.payload.country, Scenario::default().country);
    }

    fn scenario(text: &str) -> Result<Scenario, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        must_be_object(&value, "scenario")?;
        from_json(&value, "")
    }

    #[test]
    fn the_default_scenario_is_written_as_serde_wrote_it() {
        assert_eq!(
            serde_json::to_string(&Scenario::default()).unwrap(),
            concat!(
                r#"{"sizing":{"mode":"count","value":100000.0},"accelerator":"b200","country":"DE","cooling":"dlc","#,
                r#""heat_rejection":"dry","redundancy":"n+1","utilization":0.8,"price_eur_per_mwh":null,"#,
                r#""carbon_g_per_kwh":null,"pue":null,"years":10.0,"it_life_years":5.0,"facility_life_years":20.0,"#,
                r#""wacc":0.07,"renewable_share":0.0,"heat_reuse":0.0,"heat_price_eur_per_mwh":10.0,"#,
                r#""training":{"params_b":405.0,"tokens_t":15.6,"precision":"bf16","mfu":0.4,"goodput":0.9}}"#
            )
        );
    }

    #[test]
    fn errors_name_the_field() {
        let e = |text: &str| scenario(text).unwrap_err();
        assert_eq!(e(r#"{"years":"ten"}"#), "years: invalid type: string \"ten\", expected f64");
        assert_eq!(e(r#"{"training":{"mfu":null}}"#), "training.mfu: invalid type: null, expected f64");
        assert_eq!(e(r#"{"sizing":{"value":5}}"#), "sizing: missing field `mode`");
        assert_eq!(e(r#"{"sizing":{"mode":"count"}}"#), "sizing: missing field `value`");
        assert_eq!(
            e(r#"{"cooling":"water"}"#),
            "cooling: unknown variant `water`, expected one of `air`, `rdhx`, `dlc`, `immersion`"
        );
        assert_eq!(e(r#"{"accelerator":5}"#), "accelerator: invalid type: integer `5`, expected a string");
        assert_eq!(e("[1]"), "scenario: invalid type: sequence, expected an object");
        assert_eq!(e("7"), "invalid type: integer `7`, expected struct Scenario");
        assert!(e("{").contains("line 1"));
    }

    #[test]
    fn ids_match_exactly_and_overrides_may_be_null() {
        assert!(scenario(r#"{"cooling":"DLC"}"#).is_err());
        assert!(scenario(r#"{"redundancy":"N+1"}"#).is_err());
        assert!(scenario(r#"{"sizing":{"mode":"Count","value":1}}"#).is_err());
        assert!(scenario(r#"{"training":{"precision":"BF16"}}"#).is_err());
        let s = scenario(r#"{"pue":null,"price_eur_per_mwh":80,"unknown":[1,{}],"training":{}}"#).unwrap();
        assert_eq!(s.pue, None);
        assert_eq!(s.price_eur_per_mwh, Some(80.0));
        assert_eq!(s.training, crate::model::TrainingRun::default());
        assert!(scenario(r#"{"training":null}"#).is_err());
        assert!(scenario(r#"{"sizing":null}"#).is_err());
        assert!(scenario(r#"{"accelerator":null}"#).is_err());
        // The last of repeated fields counts: text is read as a JSON value
        // first, whose objects keep the last.
        assert_eq!(scenario(r#"{"years":"bad","years":12}"#).unwrap().years, 12.0);
        let s = scenario(r#"{"sizing":{"value":1e3,"mode":"capex_eur","extra":true}}"#).unwrap();
        assert_eq!(s.sizing, crate::model::Sizing::CapexEur(1000.0));
        for (sizing, text) in [
            (crate::model::Sizing::PowerMw(50.0), r#"{"mode":"power_mw","value":50.0}"#),
            (crate::model::Sizing::ComputePflops(2.5), r#"{"mode":"compute_pflops","value":2.5}"#),
            (crate::model::Sizing::CapexEur(1e9), r#"{"mode":"capex_eur","value":1000000000.0}"#),
        ] {
            assert_eq!(serde_json::to_string(&sizing).unwrap(), text);
        }
    }

    fn check(raw: &str) -> Result<(), StorageError> {
        decode::<Scenario>(raw).map(|_| ())
    }

    const FUTURE: &str = r#"{"schema":2,"data_version":"2027.1","saved_at":1,"payload":[]}"#;

    #[test]
    fn unreadable_data_goes_to_a_backup_before_the_key_is_written() {
        let mut store = MemStore::default();
        store.map.insert(WORKING_KEY.into(), FUTURE.into());
        let mut slot = Slot::new(WORKING_KEY);
        let loaded = slot.load(&mut store, 7.0, decode::<Scenario>);
        let Loaded::SetAside { error: StorageError::FromTheFuture(2), backup_key: Some(key) } = loaded else {
            panic!("{loaded:?}")
        };
        assert_eq!(key, "gigafactory-planner.backup.working.7");
        assert_eq!(store.map[&key], FUTURE);
        assert_eq!(slot.held, None);
        let mine = encode(&Scenario::default(), 8.0);
        assert_eq!(slot.write(&mut store, &mine, 8.0, check), Ok(()));
        assert_eq!(store.map[WORKING_KEY], mine);
        assert_eq!(backups(&store), vec![(key, FUTURE.to_string())], "kept once, not twice");
    }

    #[test]
    fn with_no_room_for_a_backup_the_key_is_held_until_released() {
        let mut store = MemStore::default();
        store.map.insert(WORKING_KEY.into(), FUTURE.into());
        store.quota = Some(WORKING_KEY.len() + FUTURE.len() + 10);
        let mut slot = Slot::new(WORKING_KEY);
        let loaded = slot.load(&mut store, 7.0, decode::<Scenario>);
        assert_eq!(loaded, Loaded::SetAside { error: StorageError::FromTheFuture(2), backup_key: None });
        assert_eq!(slot.held.as_ref().map(|h| h.raw.as_str()), Some(FUTURE), "the text stays in memory");
        // Every write is refused, however small, and the key keeps its text.
        assert_eq!(slot.write(&mut store, "{}", 8.0, check), Err(StorageError::Held));
        assert_eq!(store.map[WORKING_KEY], FUTURE);
        assert!(backups(&store).is_empty());
        // Room appears: the next write makes the backup first.
        store.quota = None;
        assert_eq!(slot.write(&mut store, "{}", 9.0, check), Ok(()));
        assert_eq!(backups(&store)[0].1, FUTURE);
        assert_eq!(slot.held, None);
    }

    #[test]
    fn a_write_over_text_another_release_wrote_meanwhile_keeps_it() {
        let mut store = MemStore::default();
        let mut slot = Slot::new(WORKING_KEY);
        assert_eq!(slot.load(&mut store, 1.0, decode::<Scenario>), Loaded::Empty);
        store.map.insert(WORKING_KEY.into(), FUTURE.into());
        store.refuse_next = 1;
        assert_eq!(slot.write(&mut store, "{}", 2.0, check), Err(StorageError::Held));
        assert_eq!(store.map[WORKING_KEY], FUTURE);
        assert_eq!(slot.release(&mut store, "{}"), Ok(()), "the planner chose to replace it");
        assert_eq!(store.map[WORKING_KEY], "{}");
    }

    #[test]
    fn a_valid_envelope_with_invalid_inputs_is_set_aside_as_invalid() {
        let mut store = MemStore::default();
        let bad = encode(&Scenario { years: 1e9, ..Scenario::default() }, 1.0);
        store.map.insert(WORKING_KEY.into(), bad.clone());
        let mut slot = Slot::new(WORKING_KEY);
        let loaded = slot.load(&mut store, 3.0, read_working);
        assert!(matches!(loaded, Loaded::SetAside { error: StorageError::Invalid(_), backup_key: Some(_) }));
        assert_eq!(backups(&store)[0].1, bad);
    }

    #[test]
    fn backups_of_the_same_moment_get_their_own_keys() {
        let mut store = MemStore::default();
        let a = set_aside(&mut store, WORKING_KEY, "a", 5.0).unwrap();
        let b = set_aside(&mut store, WORKING_KEY, "b", 5.0).unwrap();
        assert_eq!(
            (a.as_str(), b.as_str()),
            ("gigafactory-planner.backup.working.5", "gigafactory-planner.backup.working.5-2")
        );
        assert_eq!(set_aside(&mut store, WORKING_KEY, "a", 6.0), Some(a), "found again, not kept twice");
    }
}
