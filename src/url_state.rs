//! The scenario as a query string, and back: the public link format.
//!
//! Pure codec (`to_query`, `parse_query`) plus thin browser glue. Links carry
//! every scenario field, so a later release that changes a default cannot change
//! what an old link shows. Unknown parameters are ignored; an invalid one is
//! reported and its default kept.

use crate::fields::{self, Input};
use crate::fields::{NOT_A_COUNTRY, NOT_A_SWITCH, UNKNOWN_ACCELERATOR, UNKNOWN_COOLING};
use crate::fields::{UNKNOWN_PRECISION, UNKNOWN_REDUNDANCY, UNKNOWN_REJECTION};
use crate::i18n::Lang;
use crate::model::{Scenario, Sizing};

/// Version of the link format written by this release.
pub const LINK_VERSION: u32 = 1;

const NOT_A_NUMBER: &str = "not a number";
const NOT_FINITE: &str = "not a finite number";
const NOT_A_VERSION: &str = "not a link version";
const UNSUPPORTED_LANGUAGE: &str = "unsupported language";
const UNSUPPORTED_VERSION: &str = "link version";

/// The codec's reasons for refusing a parameter, in English (the embed API's
/// words) and French (the page's), side by side so neither drifts alone.
const REASONS: [(&str, &str); 13] = [
    (NOT_A_SWITCH, "ni 1 ni 0"),
    (NOT_A_NUMBER, "pas un nombre"),
    (NOT_FINITE, "pas un nombre fini"),
    (NOT_A_VERSION, "pas une version de lien"),
    (UNSUPPORTED_LANGUAGE, "langue non prise en charge"),
    (UNKNOWN_ACCELERATOR, "accélérateur inconnu"),
    (NOT_A_COUNTRY, "pas le code d'un État membre de l'UE"),
    (UNKNOWN_COOLING, "technologie de refroidissement inconnue"),
    (UNKNOWN_REJECTION, "évacuation de la chaleur inconnue"),
    (UNKNOWN_REDUNDANCY, "redondance inconnue"),
    (UNKNOWN_PRECISION, "précision inconnue"),
    (crate::explorer::UNKNOWN_RESULT, "pas un résultat que l'explorateur classe"),
    (crate::explorer::UNKNOWN_INPUT, "pas une entrée que l'explorateur fait varier"),
];

/// A codec reason in `lang` (a reason from elsewhere as it is).
pub fn reason_in(reason: &str, lang: Lang) -> &str {
    // The codec's own words are the default language's.
    if lang == Lang::DEFAULT {
        return reason;
    }
    if reason.starts_with(UNSUPPORTED_VERSION) {
        return "version de lien non prise en charge";
    }
    REASONS.iter().find(|(en, _)| *en == reason).map_or(reason, |(_, fr)| fr)
}

/// A parameter that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamError {
    /// The parameter's name.
    pub name: String,
    /// The value given.
    pub value: String,
    /// Why it was rejected (English, as the embed API reports it).
    pub reason: String,
    /// The model's refusal, when that is the reason (for the page to say it in its language).
    pub model: Option<crate::model::ModelError>,
}

/// What a query string says.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The scenario: defaults overlaid with every valid scenario parameter.
    pub scenario: Scenario,
    /// Whether any scenario parameter was present (then the URL wins over saved state).
    pub has_scenario: bool,
    /// `lang=`.
    pub lang: Option<Lang>,
    /// `embed=1`.
    pub embed: bool,
    /// The site explorer's parameters (`explore`, `rank_by`, `sweep`).
    pub view: crate::explorer::ViewParams,
    /// Rejected parameters.
    pub errors: Vec<ParamError>,
}

/// Decode `application/x-www-form-urlencoded` text; invalid escapes are kept as typed.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encode a value for a query string (RFC 3986 unreserved characters kept).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn number(value: &str) -> Result<f64, String> {
    let v = crate::num::parse_f64(value.trim()).ok_or_else(|| NOT_A_NUMBER.to_string())?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(NOT_FINITE.into())
    }
}

/// Parse a query string (with or without the leading `?`) onto the defaults.
pub fn parse_query(query: &str) -> Parsed {
    parse_query_onto(Scenario::default(), query)
}

/// Parse a query string onto `base`: parameters present replace its fields;
/// invalid ones are reported and leave `base`'s value.
pub fn parse_query_onto(base: Scenario, query: &str) -> Parsed {
    let mut s = base.clone();
    let mut p = Parsed {
        scenario: base.clone(),
        has_scenario: false,
        lang: None,
        embed: false,
        view: Default::default(),
        errors: vec![],
    };
    let mut sizing_count: Option<f64> = None;
    let mut sizing_other: Option<Sizing> = None;
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut raw: Vec<(String, String)> = vec![];
    for pair in query.split('&').filter(|x| !x.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(k);
        let value = percent_decode(v);
        raw.push((key.clone(), value.clone()));
        let mut reject = |reason: &str| {
            p.errors.push(ParamError {
                name: key.clone(),
                value: value.clone(),
                reason: reason.to_string(),
                model: None,
            })
        };
        let mut scenario_param = true;
        let result: Result<(), String> = (|| {
            // An input: its declaration says where it goes.
            if let Some(n) = fields::by_name(&key) {
                (n.set)(&mut s, Some(number(&value)?));
                return Ok(());
            }
            if let Some(c) = fields::choice(&key) {
                return (c.set)(&mut s, &value).map_err(String::from);
            }
            match key.as_str() {
                "v" => {
                    scenario_param = false;
                    let n: u32 = value.trim().parse().map_err(|_| NOT_A_VERSION.to_string())?;
                    if n == 0 || n > LINK_VERSION {
                        return Err(format!(
                            "{UNSUPPORTED_VERSION} {n} is not supported (this release reads 1–{LINK_VERSION})"
                        ));
                    }
                }
                "lang" => {
                    scenario_param = false;
                    p.lang = Some(Lang::from_code(&value).ok_or(UNSUPPORTED_LANGUAGE)?);
                }
                "embed" => {
                    scenario_param = false;
                    p.embed = matches!(value.trim(), "1" | "true");
                }
                "explore" => {
                    scenario_param = false;
                    p.view.open = Some(match value.trim() {
                        "1" | "true" => true,
                        "0" | "false" => false,
                        _ => return Err(NOT_A_SWITCH.into()),
                    });
                }
                "rank_by" => {
                    scenario_param = false;
                    p.view.rank = Some(crate::explorer::parse_rank(&value)?);
                }
                "sweep" => {
                    scenario_param = false;
                    p.view.sweep = Some(crate::explorer::parse_sweep(&value)?);
                }
                "count" => sizing_count = Some(number(&value)?),
                "power_mw" => sizing_other = Some(Sizing::PowerMw(number(&value)?)),
                "compute_pflops" => sizing_other = Some(Sizing::ComputePflops(number(&value)?)),
                "capex_eur" => sizing_other = Some(Sizing::CapexEur(number(&value)?)),
                _ => scenario_param = false,
            }
            Ok(())
        })();
        // Present, valid or not: a link whose only scenario parameter is invalid
        // still shows its defaults, not the visitor's working copy.
        p.has_scenario |= scenario_param;
        if let Err(reason) = result {
            reject(&reason);
        }
    }
    // `count` wins; the other sizing modes apply when it is absent.
    if let Some(n) = sizing_count {
        s.sizing = Sizing::Count(n);
    } else if let Some(other) = sizing_other {
        s.sizing = other;
    }
    // A value of the right type may still be out of range: check each field on
    // its own and fall back to its default, naming the parameter.
    p.scenario = fallback_invalid(s, &base, &mut p.errors);
    // Name the value that was rejected, as given.
    for e in p.errors.iter_mut().filter(|e| e.value.is_empty()) {
        if let Some((_, v)) = raw.iter().rev().find(|(k, _)| *k == e.name) {
            e.value = v.clone();
        }
    }
    p
}

/// Replace every field that fails validation with the base's, recording why.
fn fallback_invalid(mut s: Scenario, base: &Scenario, errors: &mut Vec<ParamError>) -> Scenario {
    // If the base itself is invalid in a field, the default stands in.
    let d = if base.resolve().is_ok() { base.clone() } else { Scenario::default() };
    for _ in 0..32 {
        match s.resolve() {
            Ok(_) => break,
            Err(e) => {
                let field = error_field(&e);
                // Not a single field's fault (e.g. rack too hot for the cooling):
                // keep the scenario; the page shows the model's message.
                if field.is_empty() || !reset_field(&mut s, &d, field) {
                    break;
                }
                errors.push(ParamError {
                    name: url_name(field).to_string(),
                    value: String::new(),
                    reason: e.to_string(),
                    model: Some(e),
                });
            }
        }
    }
    s
}

fn error_field(e: &crate::model::ModelError) -> &'static str {
    use crate::model::ModelError as E;
    match e {
        E::NotFinite { field } | E::OutOfRange { field, .. } => field,
        _ => "",
    }
}

/// The URL parameter of a model field.
fn url_name(field: &'static str) -> &'static str {
    fields::by_model(field).map_or(field, |n| n.name)
}

fn reset_field(s: &mut Scenario, d: &Scenario, field: &str) -> bool {
    // The base's value (for an override, the base's override or none).
    if let Some(n) = fields::by_model(field) {
        (n.set)(s, (n.get)(d));
        return true;
    }
    let sizing = matches!(field, "count" | "power_mw" | "compute_pflops" | "capex_eur");
    if sizing {
        s.sizing = d.sizing;
    }
    sizing
}

fn num(x: f64) -> String {
    crate::num::plain(x)
}

/// The query string (without `?`) that reproduces `s` exactly, plus `lang` and `embed` when given.
pub fn to_query(s: &Scenario, lang: Option<Lang>, embed: bool) -> String {
    let mut q: Vec<(&str, String)> = vec![("v", LINK_VERSION.to_string())];
    for input in fields::inputs() {
        match input {
            Input::Sizing => q.push((fields::sizing_param(&s.sizing), num(fields::sizing_value(&s.sizing)))),
            Input::Choice(c) if (c.written)(s) => q.push((c.name, (c.value)(s))),
            Input::Choice(_) => {}
            // An empty override (the country's figure) is left out.
            Input::Num(n) => q.extend((n.get)(s).map(|v| (n.name, num(v)))),
        }
    }
    if let Some(l) = lang {
        q.push(("lang", l.code().into()));
    }
    if embed {
        q.push(("embed", "1".into()));
    }
    q.iter().map(|(k, v)| format!("{k}={}", percent_encode(v))).collect::<Vec<_>>().join("&")
}

/// Browser glue: read the page's query string, replace it without a history entry.
#[cfg(target_arch = "wasm32")]
pub mod browser {
    /// The current `location.search`.
    pub fn current_query() -> String {
        web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
    }

    /// Replace the query string (history *replace*, not push), keeping the
    /// fragment (the skip link's). Failures (a sandboxed or `about:srcdoc`
    /// document) are ignored: the link is a convenience.
    pub fn replace_query(query: &str) {
        let Some(w) = web_sys::window() else { return };
        let Ok(history) = w.history() else { return };
        let l = w.location();
        let url = format!("{}?{query}{}", l.pathname().unwrap_or_default(), l.hash().unwrap_or_default());
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_codec_reason_is_said_in_french() {
        let p = parse_query("?v=9&v=abc&lang=xx&accelerator=x&country=x&cooling=x&heat_rejection=x&redundancy=x&precision=x&pue=abc&years=1e999&explore=2&rank_by=x&sweep=x");
        assert_eq!(p.errors.len(), 14, "{:?}", p.errors);
        for e in &p.errors {
            let fr = reason_in(&e.reason, Lang::Fr);
            assert_ne!(fr, e.reason, "{} has no French: {}", e.name, e.reason);
            assert_eq!(reason_in(&e.reason, Lang::En), e.reason);
        }
        assert_eq!(reason_in("from elsewhere", Lang::Fr), "from elsewhere");
    }
}

#[cfg(test)]
mod decarbonise_tests {
    use super::*;

    #[test]
    fn the_decarbonisation_switch_round_trips_and_is_written_only_when_on() {
        let on = Scenario { decarbonise: true, ..Scenario::default() };
        let q = to_query(&on, None, false);
        assert!(q.contains("&decarbonise=1"), "{q}");
        assert_eq!(parse_query(&q).scenario, on);
        assert!(!to_query(&Scenario::default(), None, false).contains("decarbonise"));
        let bad = parse_query("decarbonise=maybe");
        assert_eq!(bad.errors.len(), 1);
        assert!(!bad.scenario.decarbonise);
        assert_eq!(reason_in(&bad.errors[0].reason, Lang::Fr), "ni 1 ni 0");
    }
}
