//! Components, one per file.

pub mod app;
pub mod breakdown;
pub mod checks;
pub mod compare;
pub mod explorer;
pub mod fatal;
pub mod field;
pub mod figure;
pub mod figures;
pub mod html;
pub mod inputs;
pub mod kpis;
pub mod report;
pub mod scenarios;
pub mod share;
pub mod sources;

use crate::i18n::Text;
use crate::state::use_planner;
use leptos::prelude::*;

/// Offer stored text this release could not use as one download, each part
/// under its key: `entries` are (key, text), held in memory or in backups.
pub fn download_unreadable(entries: &[(String, String)]) {
    let text = entries.iter().map(|(k, v)| format!("// {k}\n{v}")).collect::<Vec<_>>().join("\n\n");
    let _ = crate::web::download("gigafactory-unreadable-data.txt", "text/plain", &text);
}

/// A reactive string of the current language. Every call returns the same
/// closure type (the string is picked by a fn pointer), so the view code that
/// renders texts is generated once instead of once per string: that keeps the
/// wasm small.
pub fn tx(f: fn(&Text) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let p = use_planner();
    move || f(p.text())
}

/// [`tx`] as an owned-string signal, for component props.
pub fn tx_signal(f: fn(&Text) -> &'static str) -> Signal<String> {
    let p = use_planner();
    Signal::derive(move || f(p.text()).to_string())
}

/// Whether the element of `node` is on screen or within a quarter screen of it
/// (true off the browser; in the browser, false until first measured).
pub fn near_view<E>(node: NodeRef<E>) -> Signal<bool>
where
    E: leptos::tachys::html::element::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    watch_view(node, (0.25, 0.25), false)
}

/// Whether the element of `node` is on screen (see [`near_view`]).
pub fn in_view<E>(node: NodeRef<E>) -> Signal<bool>
where
    E: leptos::tachys::html::element::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    watch_view(node, (0.0, 0.0), false)
}

/// Whether the element of `node` is on screen or anywhere below it, that is,
/// not scrolled past (taken as not scrolled past until first measured).
pub fn not_scrolled_past<E>(node: NodeRef<E>) -> Signal<bool>
where
    E: leptos::tachys::html::element::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    watch_view(node, (0.0, f64::INFINITY), true)
}

/// Whether the element of `node` is within `margin` screen heights (above,
/// below) of the screen (`at_first` until measured; always true off the browser).
fn watch_view<E>(node: NodeRef<E>, margin: (f64, f64), at_first: bool) -> Signal<bool>
where
    E: leptos::tachys::html::element::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    let near = RwSignal::new(at_first || !cfg!(target_arch = "wasm32"));
    #[cfg(target_arch = "wasm32")]
    {
        // Dropped, and so disconnected, with the component.
        let watch = StoredValue::new_local(None);
        node.on_load(move |el| {
            let el: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(el);
            watch.set_value(Some(crate::web::watch_visibility(&el, margin, near)));
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (node, margin);
    // Printing lays out the whole page: everything counts as near meanwhile.
    let p = use_planner();
    Signal::derive(move || near.get() || p.printing.get())
}

/// `source`, followed on every edit while `near` is true; otherwise kept as it
/// was until the inputs settle (see [`crate::state::SETTLE_MS`]) or the element
/// comes near the screen. A dragged slider so pays only for what is in view,
/// and everything is current a moment after the drag stops.
pub fn when_seen<T>(near: Signal<bool>, source: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let p = use_planner();
    Memo::new(move |prev: Option<&T>| {
        let near = near.get();
        match prev {
            // Deferred: wake up only when the inputs settle, the language
            // changes or the element comes near, not on every edit.
            Some(prev) if !near && p.analysis_pending_untracked() => {
                p.settled.track();
                p.lang.track();
                prev.clone()
            }
            _ => source(),
        }
    })
}
