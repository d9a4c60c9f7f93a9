//! Scenarios in the browser's local storage, in a versioned envelope, without
//! ever losing one: unreadable data is set aside under a backup key, never
//! overwritten; storage that is missing or throws (private mode, a sandboxed
//! iframe) leaves the app working with a message.
//!
//! The codec is pure and tested natively; the browser glue is a thin layer on
//! gloo-storage, entered only after checking that storage can be touched.

use crate::json::{self, FromJson, Json, ToJson};
use crate::model::Scenario;
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
#[derive(Debug, Clone, PartialEq)]
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
        }
    }
}

/// Wrap a payload for storage.
pub fn encode<T: ToJson>(payload: &T, now_ms: f64) -> String {
    Json::obj(vec![
        ("schema", SCHEMA.into()),
        ("data_version", DATA_VERSION.into()),
        ("saved_at", now_ms.into()),
        ("payload", payload.to_json()),
    ])
    .to_string()
}

/// Unwrap stored text, migrating older schemas.
///
/// Schema 0 is a bare payload without an envelope (what an early build, a hand
/// edit or another tool may leave): it is wrapped as if saved at time 0.
pub fn decode<T: FromJson>(raw: &str) -> Result<Envelope<T>, StorageError> {
    let value = json::parse(raw).map_err(StorageError::Corrupt)?;
    let schema = match value.get("schema") {
        None => 0,
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| StorageError::Corrupt("the schema version is not a whole number".into()))?,
    };
    if schema > SCHEMA {
        return Err(StorageError::FromTheFuture(schema));
    }
    if schema == 0 {
        let payload = T::from_json(&value).map_err(StorageError::Corrupt)?;
        return Ok(Envelope { schema: 0, data_version: "unknown".into(), saved_at: 0.0, payload });
    }
    // Later schemas add their migrations here, oldest first.
    let field = |key: &str| json::required(&value, key, "envelope").map_err(StorageError::Corrupt);
    let data_version = json::string(field("data_version")?, "data_version").map_err(StorageError::Corrupt)?;
    let saved_at = json::number(field("saved_at")?, "saved_at").map_err(StorageError::Corrupt)?;
    let payload = T::from_json(field("payload")?).map_err(StorageError::Corrupt)?;
    Ok(Envelope { schema, data_version, saved_at, payload })
}

/// What loading a key found.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// A value.
    Value(T),
    /// Nothing stored.
    Empty,
    /// Stored data could not be read; it was kept under a backup key.
    SetAside {
        /// Why it could not be read.
        error: StorageError,
        /// Where it was kept (None if even that failed).
        backup_key: Option<String>,
    },
    /// Storage cannot be used.
    Unavailable,
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use gloo_storage::{LocalStorage, Storage};

    /// Whether local storage can be touched without throwing.
    pub fn available() -> bool {
        web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
    }

    pub fn now_ms() -> f64 {
        js_sys::Date::now()
    }

    pub fn read(key: &str) -> Result<Option<String>, StorageError> {
        if !available() {
            return Err(StorageError::Unavailable);
        }
        LocalStorage::raw().get_item(key).map_err(|_| StorageError::Unavailable)
    }

    pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
        if !available() {
            return Err(StorageError::Unavailable);
        }
        LocalStorage::raw().set_item(key, value).map_err(|e| {
            let why = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
            StorageError::WriteRefused(why.unwrap_or_else(|| "unknown error".into()))
        })
    }

    pub fn backups() -> Vec<(String, String)> {
        if !available() {
            return vec![];
        }
        let raw = LocalStorage::raw();
        let n = raw.length().unwrap_or(0);
        let mut out: Vec<(String, String)> = (0..n)
            .filter_map(|i| raw.key(i).ok().flatten())
            .filter(|k| k.starts_with(BACKUP_PREFIX))
            .filter_map(|k| raw.get_item(&k).ok().flatten().map(|v| (k, v)))
            .collect();
        crate::model::sort::insertion_sort_by(&mut out, |a, b| a < b);
        out
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use super::*;
    pub fn available() -> bool {
        false
    }
    pub fn now_ms() -> f64 {
        0.0
    }
    pub fn read(_key: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Unavailable)
    }
    pub fn write(_key: &str, _value: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable)
    }
    pub fn backups() -> Vec<(String, String)> {
        vec![]
    }
}

pub use browser::{available, now_ms};

/// Keep unreadable text under a fresh backup key (named after the key it came
/// from, the time, and a counter if that is taken); returns the key if that
/// worked. The same text from the same key already kept (each reload, or each
/// open tab, finds it again until the key is next written) is not kept twice.
fn set_aside(from: &str, raw: &str) -> Option<String> {
    let source = format!("{BACKUP_PREFIX}{}.", from.strip_prefix("gigafactory-planner.").unwrap_or(from));
    if let Some((key, _)) = browser::backups().into_iter().find(|(k, v)| k.starts_with(&source) && v == raw) {
        return Some(key);
    }
    let base = format!("{source}{}", browser::now_ms() as u64);
    let mut key = base.clone();
    let mut n = 1;
    while matches!(browser::read(&key), Ok(Some(_))) {
        n += 1;
        key = format!("{base}-{n}");
    }
    browser::write(&key, raw).ok().map(|_| key)
}

/// Load and decode a key. Unreadable text is copied to a backup key before
/// anything can overwrite it.
pub fn load<T: FromJson>(key: &str) -> Loaded<T> {
    match browser::read(key) {
        Err(_) => Loaded::Unavailable,
        Ok(None) => Loaded::Empty,
        Ok(Some(raw)) => match decode::<T>(&raw) {
            Ok(env) => Loaded::Value(env.payload),
            Err(error) => Loaded::SetAside { error, backup_key: set_aside(key, &raw) },
        },
    }
}

/// Encode and write a key.
pub fn save<T: ToJson>(key: &str, value: &T) -> Result<(), StorageError> {
    browser::write(key, &encode(value, browser::now_ms()))
}

/// The raw text of every backup key, oldest first, for export.
pub fn backups() -> Vec<(String, String)> {
    browser::backups()
}

/// Load the working scenario.
pub fn load_working() -> Loaded<Scenario> {
    load(WORKING_KEY)
}

/// Save the working scenario.
pub fn save_working(s: &Scenario) -> Result<(), StorageError> {
    save(WORKING_KEY, s)
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
        let bare = json::to_string(&Scenario { years: 12.0, ..Scenario::default() });
        let env: Envelope<Scenario> = decode(&bare).unwrap();
        assert_eq!(env.schema, 0);
        assert_eq!(env.payload.years, 12.0);
        // A partial old scenario keeps today's defaults for what it lacks.
        let env: Envelope<Scenario> = decode(r#"{"accelerator":"h100"}"#).unwrap();
        assert_eq!(env.payload.accelerator, "h100");
        assert_eq!(env.payload.country, Scenario::default().country);
    }
}
