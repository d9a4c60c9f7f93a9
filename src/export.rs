//! Files a planner downloads and uploads: scenarios as JSON (with schema and
//! data versions) and results as CSV. Import validates every entry and reports
//! what it rejected and why.

use crate::library::{clean_name, Saved};
use crate::model::uncertainty::MonteCarlo;
use crate::model::{Estimate, Scenario};
use crate::num::plain;
use crate::storage::{from_json, schema_of, StorageError, DATA_VERSION, SCHEMA};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` field of an export file.
pub const FORMAT: &str = "gigafactory-planner/scenarios";

/// One scenario in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Its name.
    pub name: String,
    /// Its inputs.
    pub scenario: Scenario,
}

/// An export file. (Import reads it tolerantly, entry by entry: see [`import_json`].)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Schema version.
    pub schema: u32,
    /// Model data version.
    pub data_version: String,
    /// When it was written, ms since the epoch.
    pub exported_at: f64,
    /// The scenarios.
    pub scenarios: Vec<Entry>,
}

/// Serialise scenarios for download (indented by two spaces).
pub fn export_json(items: &[Saved], now: f64) -> String {
    let file = ExportFile {
        format: FORMAT.into(),
        schema: SCHEMA,
        data_version: DATA_VERSION.into(),
        exported_at: now,
        scenarios: items.iter().map(|s| Entry { name: s.name.clone(), scenario: s.scenario.clone() }).collect(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// What an import found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReport {
    /// Valid scenarios, with their names.
    pub accepted: Vec<Entry>,
    /// Rejected entries: (name or position, reason).
    pub rejected: Vec<(String, String)>,
}

/// The most scenarios one import takes: a larger file is refused as a whole,
/// with a message, before any entry is read.
pub const MAX_IMPORT: usize = 10_000;

/// The largest file an import reads, in bytes (10,000 scenarios take ~6 MB).
pub const MAX_IMPORT_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Read an uploaded file: an export file, a stored envelope, a list of entries,
/// or a single scenario. Never panics; everything rejected is reported. The
/// file's schema follows storage's rule ([`schema_of`]).
pub fn import_json(text: &str) -> Result<ImportReport, String> {
    let value = crate::storage::parse_json(text).map_err(|e| format!("not a JSON file ({e})"))?;
    match schema_of(&value) {
        Ok(_) => {}
        Err(StorageError::FromTheFuture(schema)) => {
            return Err(format!("written by a newer version of the planner (schema {schema})"))
        }
        Err(e) => return Err(e.to_string()),
    }
    let entries: &[Value] = if let Some(list) = value.get("scenarios").and_then(Value::as_array) {
        list
    } else if let Some(payload) = value.get("payload") {
        match payload.as_array() {
            Some(list) => list,
            None => std::slice::from_ref(payload),
        }
    } else if let Some(list) = value.as_array() {
        list
    } else if value.is_object() {
        std::slice::from_ref(&value)
    } else {
        &[]
    };
    if entries.is_empty() {
        return Err("the file holds no scenarios".into());
    }
    if entries.len() > MAX_IMPORT {
        return Err(format!(
            "the file holds {} scenarios; at most {} can be imported at once",
            crate::format::format(entries.len() as f64, crate::i18n::Lang::DEFAULT, crate::format::Style::Plain(0)),
            crate::format::format(MAX_IMPORT as f64, crate::i18n::Lang::DEFAULT, crate::format::Style::Plain(0))
        ));
    }
    let mut report = ImportReport::default();
    for (i, entry) in entries.iter().enumerate() {
        let label = entry.get("name").and_then(Value::as_str).map(|n| clean_name(n, "")).unwrap_or_default();
        let label = if label.is_empty() { format!("#{}", i + 1) } else { label };
        // An entry is {name, scenario} or a bare scenario.
        let raw = entry.get("scenario").unwrap_or(entry);
        if !raw.is_object() {
            report.rejected.push((label, "not a scenario object".into()));
            continue;
        }
        match from_json::<Scenario>(raw, "") {
            Err(e) => report.rejected.push((label, e)),
            Ok(s) => match s.resolve() {
                Err(e) => report.rejected.push((label, e.to_string())),
                Ok(_) => report.accepted.push(Entry { name: label, scenario: s }),
            },
        }
    }
    Ok(report)
}

/// A text cell of the CSV. A spreadsheet runs a cell that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return as a formula, so such text gets a
/// leading `'` (OWASP, "CSV Injection"); a number stays a number. Cells with
/// a comma, a quote or a line break are quoted.
pub fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && crate::num::parse_f64(s).is_none();
    let s = if formula { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The results file's name: `gigafactory-<name>-<date>.csv`, the name reduced
/// to ASCII lower-case letters, digits and dashes (at most 40), the date as
/// `YYYY-MM-DD`. Other characters are dropped: the browser decomposes accents
/// first (NFD), so "Été" arrives as "E\u{301}te" and gives "ete". (ASCII
/// only: char::to_lowercase and is_alphanumeric bring Unicode tables, ~10 KB
/// gzip, into the wasm.)
pub fn csv_file_name(name: &str, date: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if (c.is_ascii() || c.is_whitespace()) && !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "results" } else { slug };
    format!("gigafactory-{slug}-{date}.csv")
}

/// Results as CSV: every headline metric of `estimate`, with its P10 and P90
/// where `ranges` (the Monte-Carlo of the same scenario) tracks it, the site's
/// year month by month (`monthly,pue_01,…`: facility energy, PUE, share of the
/// heat rejected without chillers, mean outdoor temperature), then the inputs.
/// Dot decimals, whatever the language.
pub fn results_csv(name: &str, scenario: &Scenario, estimate: &Estimate, ranges: Option<&MonteCarlo>) -> String {
    let mut out = String::from("section,name,value,p10,p90\n");
    for (metric, value) in estimate.all_metrics() {
        let p = ranges.and_then(|r| r.percentiles.iter().find(|p| p.output.metric() == metric));
        let (p10, p90) = p.map(|p| (plain(p.p10), plain(p.p90))).unwrap_or_default();
        out.push_str(&format!("result,{metric},{},{p10},{p90}\n", plain(value)));
    }
    let c = &estimate.cooling;
    for (name, values) in [
        ("energy_gwh", estimate.energy_monthly.map(|e| e.gwh())),
        ("pue", estimate.pue_monthly),
        ("free_cooling_share", c.free_cooling_monthly),
        ("outdoor_temp_c", c.outdoor_temp_monthly_c),
        ("water_m3", c.water_monthly.map(|w| w.0)),
        ("wue_l_per_kwh", c.wue_monthly),
    ] {
        for (m, v) in values.iter().enumerate() {
            out.push_str(&format!("monthly,{name}_{:02},{},,\n", m + 1, plain(*v)));
        }
    }
    out.push_str(&format!("input,scenario_name,{},,\n", csv_field(name)));
    out.push_str(&format!("input,model_version,{},,\n", crate::model::MODEL_VERSION));
    let query = crate::url_state::to_query(scenario, None, false);
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        out.push_str(&format!("input,{k},{},,\n", csv_field(&crate::url_state::percent_decode(v))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::model::analyse_with;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        assert_eq!(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        for (cell, written) in [
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("a\rb", "\"a\rb\""),
            ("-5", "-5"),
            ("+1e3", "+1e3"),
            ("Plan, v2", "\"Plan, v2\""),
            ("Plan", "Plan"),
        ] {
            assert_eq!(csv_field(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn the_results_file_is_named_after_the_scenario_and_the_day() {
        assert_eq!(csv_file_name("Sweden 12k (copy)", "2026-12-06"), "gigafactory-sweden-12k-copy-2026-12-06.csv");
        assert_eq!(
            csv_file_name("=HYPERLINK(\"http://x\")", "2026-12-06"),
            "gigafactory-hyperlink-http-x-2026-12-06.csv"
        );
        assert_eq!(csv_file_name("«  »", "2026-12-06"), "gigafactory-results-2026-12-06.csv");
        let decomposed = "E\u{301}te\u{a0}a\u{300} Ma\u{301}laga";
        assert_eq!(csv_file_name(decomposed, "2026-01-02"), "gigafactory-ete-a-malaga-2026-01-02.csv");
    }

    #[test]
    fn a_file_without_any_scenario_is_an_error_not_an_empty_import() {
        for text in ["[]", r#"{"scenarios": []}"#, r#"{"payload": []}"#, "42", "\"text\""] {
            assert_eq!(import_json(text).err().as_deref(), Some("the file holds no scenarios"), "{text}");
        }
    }

    #[test]
    fn export_then_import_round_trips() {
        let mut l = Library::default();
        l.add("Base", Scenario::default(), 1.0);
        l.add("Sweden", Scenario { country: "SE".into(), ..Scenario::default() }, 2.0);
        let report = import_json(&export_json(&l.items, 3.0)).unwrap();
        assert!(report.rejected.is_empty());
        assert_eq!(report.accepted.len(), 2);
        assert_eq!(report.accepted[1].name, "Sweden");
        assert_eq!(report.accepted[1].scenario, l.items[1].scenario);
    }

    #[test]
    fn invalid_entries_are_reported_with_their_reason() {
        let text = r#"{"format":"gigafactory-planner/scenarios","schema":1,"scenarios":[
            {"name":"ok","scenario":{"accelerator":"h100"}},
            {"name":"hot","scenario":{"utilization":1.7}},
            {"name":"odd","scenario":{"accelerator":"tpu9"}},
            {"name":"typed","scenario":{"years":"ten"}},
            42
        ]}"#;
        let r = import_json(text).unwrap();
        assert_eq!(r.accepted.len(), 1);
        let reasons: Vec<&str> = r.rejected.iter().map(|(_, why)| why.as_str()).collect();
        assert!(reasons[0].contains("utilization must be between 0 and 1, got 1.7"), "{reasons:?}");
        assert!(reasons[1].contains("tpu9"));
        assert_eq!(r.rejected[2].0, "typed");
        assert_eq!(reasons[2], "years: invalid type: string \"ten\", expected f64");
        assert_eq!(r.rejected[3], ("#5".to_string(), "not a scenario object".to_string()));
        assert_eq!(r.rejected.len(), 4);
    }

    #[test]
    fn the_file_is_laid_out_as_before() {
        let mut l = Library::default();
        l.add("Base", Scenario::default(), 1.0);
        let text = export_json(&l.items, 1_700_000_000_000.0);
        let head = "{\n  \"format\": \"gigafactory-planner/scenarios\",\n  \"schema\": 1,\n  \"data_version\": \"2026.11\",\n  \"exported_at\": 1700000000000.0,\n  \"scenarios\": [\n    {\n      \"name\": \"Base\",\n      \"scenario\": {\n        \"sizing\": {\n          \"mode\": \"count\",\n          \"value\": 100000.0\n        },\n        \"accelerator\": \"b200\",";
        assert!(text.starts_with(head), "{text}");
        assert!(text.ends_with("\"goodput\": 0.9\n        }\n      }\n    }\n  ]\n}"), "{text}");
        assert_eq!(export_json(&[], 0.0).lines().last(), Some("}"));
        assert!(export_json(&[], 0.0).contains("\"scenarios\": []"));
    }

    #[test]
    fn garbage_and_future_files_are_errors() {
        assert_eq!(import_json("not json").unwrap_err(), "not a JSON file (expected ident at line 1 column 2)");
        assert_eq!(import_json("?").unwrap_err(), "not a JSON file (expected value at line 1 column 1)");
        assert!(import_json("42").is_err());
        assert!(import_json(r#"{"schema":9,"scenarios":[]}"#).unwrap_err().contains("newer"));
        // A bare scenario is accepted.
        assert_eq!(import_json(r#"{"country":"FR"}"#).unwrap().accepted.len(), 1);
    }

    #[test]
    fn csv_has_every_metric_and_the_inputs() {
        let s = Scenario::default();
        let a = analyse_with(&s, 200, 1).unwrap();
        let csv = results_csv("My \"plan\", v2", &s, &a.estimate, Some(&a.monte_carlo));
        assert!(csv.starts_with("section,name,value,p10,p90\n"));
        for (m, _) in a.estimate.all_metrics() {
            assert!(csv.contains(&format!("result,{m},")), "{m}");
        }
        assert!(csv.contains("input,scenario_name,\"My \"\"plan\"\", v2\""));
        let monthly: Vec<&str> = csv.lines().filter(|l| l.starts_with("monthly,")).collect();
        assert_eq!(monthly.len(), 72, "six series of twelve months");
        assert_eq!(monthly[0], format!("monthly,energy_gwh_01,{},,", plain(a.estimate.energy_monthly[0].gwh())));
        assert_eq!(monthly[23], format!("monthly,pue_12,{},,", plain(a.estimate.pue_monthly[11])));
        for (i, l) in monthly.iter().enumerate() {
            let cells: Vec<&str> = l.split(',').collect();
            assert!(cells[1].ends_with(&format!("_{:02}", i % 12 + 1)), "{l}");
            assert!(cells[2].parse::<f64>().is_ok_and(f64::is_finite), "{l}");
        }
        let sum: f64 = monthly[..12].iter().map(|l| l.split(',').nth(2).unwrap().parse::<f64>().unwrap()).sum();
        assert!((sum / a.estimate.annual_energy.gwh() - 1.0).abs() < 1e-9, "the months add up to the year");
        let water: f64 = monthly[48..60].iter().map(|l| l.split(',').nth(2).unwrap().parse::<f64>().unwrap()).sum();
        assert!(
            (water - a.estimate.cooling.water.0).abs() <= 1e-6 * a.estimate.cooling.water.0.max(1.0),
            "water by month"
        );
        assert!(csv.contains("input,accelerator,b200"));
    }
}
