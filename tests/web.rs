//! DOM-level tests of the app in headless Chromium (wasm-bindgen-test).
//! Run: `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use gigafactory_planner::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mount the app into a fresh container, with storage cleared first.
async fn mount() -> HtmlElement {
    if let Ok(Some(s)) = web_sys::window().unwrap().local_storage() {
        let _ = s.clear();
    }
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), App).forget();
    leptos::task::tick().await;
    host
}

fn metric(host: &HtmlElement, name: &str) -> f64 {
    host.query_selector(&format!("[data-metric=\"{name}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no data-metric {name}"))
        .get_attribute("data-value")
        .unwrap()
        .parse()
        .unwrap()
}

fn type_into(host: &HtmlElement, selector: &str, text: &str) {
    let input: HtmlInputElement = host.query_selector(selector).unwrap().unwrap().unchecked_into();
    input.set_value(text);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn every_headline_metric_is_finite() {
    let host = mount().await;
    for name in [
        "accelerator_count",
        "it_power_mw",
        "facility_power_mw",
        "pue",
        "annual_energy_gwh",
        "cooling_load_mw",
        "water_m3_per_year",
        "capex_eur",
        "opex_eur_per_year",
        "tco_eur",
        "cost_per_gpu_hour_eur",
        "co2_t_per_year",
        "compute_pflops_bf16",
        "train_days",
        "train_energy_mwh",
        "train_co2_t",
        "train_cost_eur",
    ] {
        assert!(metric(&host, name).is_finite(), "{name}");
    }
    assert!(metric(&host, "facility_power_mw") >= metric(&host, "it_power_mw"));
}

#[wasm_bindgen_test]
async fn typing_a_count_updates_power_and_bad_text_shows_a_message() {
    let host = mount().await;
    let before = metric(&host, "it_power_mw");
    type_into(&host, "input[name=count]", "50000");
    leptos::task::tick().await;
    let after = metric(&host, "it_power_mw");
    assert!((after / before - 0.5).abs() < 1e-9, "{before} -> {after}");

    type_into(&host, "input[name=count]", "lots");
    leptos::task::tick().await;
    let error = host.query_selector("#in-count-error").unwrap().unwrap().text_content().unwrap();
    assert!(!error.is_empty(), "an inline message is shown");
    assert_eq!(metric(&host, "it_power_mw"), after, "the last valid result stays");
}
