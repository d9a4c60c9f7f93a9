//! Components, one per file.

pub mod app;
pub mod breakdown;
pub mod compare;
pub mod fatal;
pub mod field;
pub mod figure;
pub mod figures;
pub mod html;
pub mod inputs;
pub mod kpis;
pub mod scenarios;
pub mod share;
pub mod sources;

use crate::i18n::Text;
use crate::state::use_planner;

/// A reactive string of the current language. Every call returns the same
/// closure type (the string is picked by a fn pointer), so the view code that
/// renders texts is generated once instead of once per string: that keeps the
/// wasm small.
pub fn tx(f: fn(&Text) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let p = use_planner();
    move || f(p.text())
}

/// [`tx`] as an owned-string signal, for component props.
pub fn tx_signal(f: fn(&Text) -> &'static str) -> leptos::prelude::Signal<String> {
    let p = use_planner();
    leptos::prelude::Signal::derive(move || f(p.text()).to_string())
}
