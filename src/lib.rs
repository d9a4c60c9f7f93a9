//! AI Gigafactory Planner: size an EU AI gigafactory in the browser.
//!
//! `model` is the pure model crate (`model/`, no web crate); everything else is the Leptos shell
//! around it: state, storage, the URL and JSON codecs, formatting, charts and
//! components.
#![recursion_limit = "256"]
#![forbid(unsafe_code)]

pub mod charts;
pub mod embed;
pub mod explorer;
pub mod export;
pub mod fields;
pub mod format;
#[cfg(not(target_arch = "wasm32"))]
pub mod generated;
pub mod i18n;
pub mod library;
pub mod messages;
pub mod num;
pub mod shelf;
pub mod state;
pub mod storage;
pub mod ui;
pub mod url_state;
#[cfg(target_arch = "wasm32")]
pub mod web;
/// Off the browser, the same calls do nothing (see `web_native.rs`).
#[cfg(not(target_arch = "wasm32"))]
#[path = "web_native.rs"]
pub mod web;

/// The planning model (its own crate, `model/`, so the compiler keeps it pure).
pub use gigafactory_model as model;
pub use ui::app::App;

/// Install the panic banner and mount the app on `<body>`, in place of the
/// prerendered first screen (index.html's `#prerender`), handing over what
/// the visitor typed, chose or focused there meanwhile.
pub fn start() {
    ui::fatal::install_panic_hook();
    let handover = web::take_prerender();
    leptos::mount::mount_to_body(App);
    web::give_back(handover);
}

/// Timings for `make bench`, exported to the page as `wasmBindings.bench_uncertainty()`:
/// milliseconds of the 10,000-sample Monte-Carlo and of the two tornado
/// sensitivities for the default scenario, measured inside the browser. The
/// tornados take well under the browser's 0.1 ms clock resolution, so they are
/// timed over 100 repetitions and the mean is returned.
#[cfg(all(target_arch = "wasm32", feature = "probes"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_uncertainty() -> Vec<f64> {
    use model::{compute, site, uncertainty};
    let now = || web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0);
    let s = model::Scenario::default();
    let Ok(r) = s.resolve() else { return vec![] };
    let profile = site::profile(r.country, s.cooling, s.heat_rejection, s.redundancy);
    let Ok(systems) = compute::size(&r, &profile) else { return vec![] };
    let t0 = now();
    let _ = uncertainty::monte_carlo(&r, &profile, systems, uncertainty::SAMPLES, uncertainty::SEED);
    let t1 = now();
    for _ in 0..100 {
        let _ = uncertainty::tornado(&r, &profile, systems, uncertainty::Output::Tco);
        let _ = uncertainty::tornado(&r, &profile, systems, uncertainty::Output::FacilityPower);
    }
    vec![t1 - t0, (now() - t1) / 100.0]
}
