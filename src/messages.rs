//! What the planner says about a refused scenario, in the page's language:
//! the model's errors with the input named by its label and numbers written
//! as the page writes them. Used by every view that shows a refusal (the
//! results, compare, the saved list, link notices).

pub use crate::i18n::messages::model_error_message;
use crate::i18n::Lang;

/// The label of the input a model field comes from, as its field shows it.
pub fn field_label(t: &crate::i18n::Text, field: &'static str) -> &'static str {
    match field {
        "count" => t.size_count,
        "power_mw" => t.size_power,
        "compute_pflops" => t.size_compute,
        "capex_eur" => t.size_capex,
        "decarbonise" => t.decarbonise,
        // A number input, by its URL or its model name (one declaration: `fields`).
        other => {
            crate::fields::by_name(other).or_else(|| crate::fields::by_model(other)).map_or(other, |n| (n.label)(t))
        }
    }
}

/// A message said on its own (beside a field): capitalised, with a full stop.
pub fn sentence(message: &str) -> String {
    // The messages start with an ASCII letter or a quotation mark.
    let mut chars = message.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).map(String::from).unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

/// A label in the page's quotation marks.
pub fn quote(label: &str, l: Lang) -> String {
    crate::i18n::fill(l.text().quote, label)
}

/// The label of a model field or input name, quoted (see [`quote`]).
pub fn quoted_label(field: &'static str, l: Lang) -> String {
    quote(field_label(l.text(), field), l)
}

/// The inputs (by their `name`, the URL parameter) a refusal is about, so
/// that each can be marked where it is.
pub fn culprits(e: &crate::model::ModelError) -> Vec<&'static str> {
    use crate::model::ModelError as E;
    match e {
        E::NotFinite { field } | E::OutOfRange { field, .. } => {
            vec![crate::fields::by_model(field).map_or(*field, |n| n.name)]
        }
        E::UnknownAccelerator(_) => vec!["accelerator"],
        E::UnknownCountry(_) => vec!["country"],
        E::ImplausiblePairing { why: crate::model::error::Implausibility::EconomiserNeedsAir, .. } => {
            vec!["cooling", "heat_rejection"]
        }
        E::CoolingTooWeak { .. } | E::ImplausiblePairing { .. } => vec!["accelerator", "cooling"],
        // Whichever budget field is on the page.
        E::BudgetTooSmall { .. } | E::TooManyAccelerators(_) => {
            vec!["count", "power_mw", "compute_pflops", "capex_eur"]
        }
        #[allow(unreachable_patterns)]
        _ => Vec::new(),
    }
}
