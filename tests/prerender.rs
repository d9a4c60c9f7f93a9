//! The prerendered first screen (index.html's `#prerender`, filled in by
//! scripts/post-build.mjs from `src/prerender.html`): the app's
//! own components rendered natively, with the default scenario, so the page
//! shows real figures before the wasm has run. This test keeps the file equal
//! to what this build renders (`UPDATE_GENERATED=1 cargo test --test prerender`).
#![recursion_limit = "256"]

use gigafactory_planner::generated::keep_fresh;
use gigafactory_planner::ui::app::Prerendering;
use gigafactory_planner::App;
use leptos::prelude::*;

/// An executor that never runs what is spawned: effects belong to the
/// browser, not to the static page.
struct Never;

impl any_spawner::CustomExecutor for Never {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

fn render() -> String {
    let _ = any_spawner::Executor::init_custom_executor(Never);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(Prerendering);
        view! { <App /> }.to_html()
    });
    // Leptos marks where views may change with empty comments; a static page
    // has none to find.
    html.replace("<!>", "")
}

#[test]
fn the_prerendered_page_is_this_builds_default_page() {
    keep_fresh("src/prerender.html", &render());
}

/// What src/boot.js compares a link and a saved working copy with, to know
/// whether the prerendered figures are theirs (src/prerender.json): the
/// default scenario's link query and JSON, the names of every scenario
/// parameter, and the working copy's storage key.
fn defaults() -> String {
    use gigafactory_planner::fields::{inputs, Input};
    let s = gigafactory_planner::model::Scenario::default();
    let mut params: Vec<&str> = vec!["count", "power_mw", "compute_pflops", "capex_eur"];
    params.extend(inputs().filter_map(|i| match i {
        Input::Choice(c) => Some(c.name),
        Input::Num(n) => Some(n.name),
        Input::Sizing => None,
    }));
    let json = serde_json::json!({
        "query": gigafactory_planner::url_state::to_query(&s, None, false),
        "scenario": s,
        "params": params,
        "working_key": gigafactory_planner::storage::WORKING_KEY,
    });
    serde_json::to_string_pretty(&json).unwrap() + "\n"
}

#[test]
fn what_boot_js_compares_with_is_this_builds_default_scenario() {
    let json = defaults();
    keep_fresh("src/prerender.json", &json);
    // Every parameter a link may carry is named.
    for name in ["count", "accelerator", "pue", "decarbonise", "precision", "mfu"] {
        assert!(json.contains(&format!("\"{name}\"")), "{name}");
    }
}

#[test]
fn the_prerendered_page_shows_the_default_figures_and_no_browser_state() {
    let html = render();
    let e = gigafactory_planner::model::evaluate(&gigafactory_planner::model::Scenario::default()).unwrap();
    // Every headline card, with the value the app writes for it.
    let (_, facility) = e.all_metrics().into_iter().find(|(m, _)| *m == "facility_power_mw").unwrap();
    let card = format!("data-metric=\"facility_power_mw\" data-value=\"{facility}\"");
    assert!(html.contains(&card), "{card}");
    assert!(html.matches("class=\"kpi\"").count() >= 20);
    assert!(html.contains("P10–P90"), "the ranges are there");
    // The inputs with their values, no notice about storage, nothing below the first screen.
    assert!(html.contains("id=\"in-count\""));
    assert!(!html.contains("Browser storage"), "no storage notice");
    assert!(!html.contains("id=\"sources\"") && !html.contains("<canvas"));
}
