//! "Where in Europe?": the site explorer (issue 17). The design in the 27
//! member states as a sortable table and a map coloured by the ranked result,
//! one input swept across its range, and the factory multiplied to the EU
//! call's totals.
//!
//! The page lays out the explorer's elements and listens, once on the
//! section, for the clicks, keys and changes in it. What fills them is drawn
//! by the explorer's own WebAssembly module (`explore/`, which calls
//! `crate::explorer::dom::render`): a release file in `fragments/` loaded when
//! the explorer first opens, like the map's geometry, so that the first visit
//! carries neither. Each change of the figures, the view, the language or the
//! colour scheme renders it again.

use crate::state::{use_planner, Planner};
use crate::ui::tx;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The explorer's module, as far as the page knows it.
#[derive(Clone, Copy, PartialEq)]
enum Module {
    /// Not asked for yet.
    No,
    /// On its way.
    Loading,
    /// Loaded: `gigafactory_explore.render` can be called.
    Ready,
    /// Could not load (offline without a cached copy, a host without the file).
    Failed,
}

/// The scenario of the figures on screen (the last that evaluated): the
/// explorer shows what the rest of the page shows, greyed with it when stale.
fn design(p: Planner) -> Option<crate::model::Scenario> {
    p.estimate.track();
    p.last_valid.get_value()
}

/// The element an event happened on, or its nearest ancestor, with `attr`,
/// and that attribute's value.
fn target_with(ev: &web_sys::Event, attr: &str) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(&format!("[{attr}]")).ok()??.get_attribute(attr)
}

/// Make the member state `code` the site, keeping the focus on `focus`
/// (the control that chose it, drawn again).
fn choose(p: Planner, code: &str, focus: String) -> bool {
    let Some(c) = crate::model::catalogue::COUNTRIES.iter().find(|c| c.code == code) else { return false };
    p.edit(|s| s.country = c.code.to_string());
    crate::web::focus_later(focus);
    true
}

/// What a click in the explorer does: choose a site (a row's name or a
/// country of the map) or sort by a column (the same one again reverses).
fn on_click(p: Planner, ev: &web_sys::Event) {
    if let Some(code) = target_with(ev, "data-pick") {
        choose(p, &code, format!("#site-table [data-pick=\"{code}\"]"));
    } else if let Some(code) = target_with(ev, "data-country") {
        choose(p, &code, format!("#eu-map [data-country=\"{code}\"]"));
    } else if let Some((m, _)) = target_with(ev, "data-sort").and_then(|m| crate::explorer::parse_rank(&m).ok()) {
        p.explorer.update(|v| {
            v.descending = v.rank_by == m && !v.descending;
            v.rank_by = m;
        });
        crate::web::focus_later(format!("#site-table [data-sort=\"{m}\"]"));
    }
}

/// A choice in one of the explorer's selects.
fn on_change(p: Planner, ev: &web_sys::Event) {
    let Some(id) =
        ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.get_attribute("id"))
    else {
        return;
    };
    let value = event_target_value(ev);
    match id.as_str() {
        "rank-by" => {
            if let Ok((m, _)) = crate::explorer::parse_rank(&value) {
                p.explorer.update(|v| v.rank_by = m);
            }
        }
        "sweep-input" => {
            if let Ok(i) = crate::explorer::parse_sweep(&value) {
                p.explorer.update(|v| v.sweep = i);
            }
        }
        _ => return,
    }
    // The select is drawn again with the choice: the focus stays on it.
    crate::web::focus_later(format!("#{id}"));
}

/// What the module is given: the figures' scenario and the view as a link
/// writes them, the scheme and the current site's P10–P90 (the query of a `crate::explorer::Input`).
fn input(p: Planner, scenario: &crate::model::Scenario, compact: bool, band: bool) -> String {
    use crate::url_state::to_query;
    let mut q = to_query(scenario, Some(p.lang.get()), false);
    q.push_str(&p.explorer.with(crate::explorer::query));
    for (on, name) in [(compact, "&compact=1"), (p.dark.get(), "&dark=1"), (band, "&band=1")] {
        if on {
            q.push_str(name);
        }
    }
    if !p.analysis_pending() && !p.is_stale() {
        p.analysis.with(|a| {
            for r in a.iter().flat_map(|a| &a.monte_carlo.percentiles) {
                let (lo, hi) = (crate::num::plain(r.p10), crate::num::plain(r.p90));
                q.push_str(&format!("&range={}:{lo}:{hi}", r.output.metric()));
            }
        })
    }
    q
}

#[cfg(target_arch = "wasm32")]
mod module {
    use crate::ui::sources::address;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The module's loader (`--target no-modules`, global `gigafactory_explore`).
        #[wasm_bindgen(js_name = gigafactory_explore, catch)]
        pub fn init(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
        /// `explore/src/lib.rs`'s `render`.
        #[wasm_bindgen(js_namespace = gigafactory_explore, js_name = render, catch)]
        pub fn render(root: &web_sys::Element, input: &str) -> Result<(), JsValue>;
    }

    /// An element `tag` with `attr` = `url` appended to `<head>`, and a promise
    /// of its load (rejected if it fails).
    fn fetch_into_head(tag: &str, attrs: &[(&str, &str)]) -> Option<js_sys::Promise> {
        let doc = web_sys::window()?.document()?;
        let el = doc.create_element(tag).ok()?;
        let loaded = js_sys::Promise::new(&mut |resolve, reject| {
            let _ = el.add_event_listener_with_callback("load", &resolve);
            let _ = el.add_event_listener_with_callback("error", &reject);
        });
        for (k, v) in attrs {
            let _ = el.set_attribute(k, v);
        }
        doc.head()?.append_child(&el).ok()?;
        Some(loaded)
    }

    /// Load the module's styles and script, then its wasm; true once `render`
    /// can be called.
    pub async fn load() -> bool {
        let (Some(script), Some(wasm_url), Some(css)) =
            (address("explore.js"), address("explore.wasm"), address("explore.css"))
        else {
            return false;
        };
        let styles = fetch_into_head("link", &[("rel", "stylesheet"), ("href", &css)]);
        let script = fetch_into_head("script", &[("src", &script)]);
        for loaded in [styles, script] {
            let Some(loaded) = loaded else { return false };
            if wasm_bindgen_futures::JsFuture::from(loaded).await.is_err() {
                return false;
            }
        }
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"module_or_path".into(), &wasm_url.into());
        match init(&options) {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        }
    }
}

/// The site explorer: a heading that opens it, then the map and the table,
/// the sweep and the EU call's scale. `compact` (the embedded view) shows the
/// map and the table alone, and only while the explorer is open.
#[component]
pub fn Explorer(#[prop(optional)] compact: bool) -> impl IntoView {
    let p = use_planner();
    let open = move || p.explorer.with(|v| v.open);
    let section = NodeRef::<leptos::html::Section>::new();
    let near = crate::ui::near_view(section);
    let module = RwSignal::new(Module::No);
    // Asked for once, when the explorer first opens.
    Effect::new(move |_| {
        if open() && module.get_untracked() == Module::No {
            module.set(Module::Loading);
            #[cfg(target_arch = "wasm32")]
            leptos::task::spawn_local(async move {
                module.set(if module::load().await { Module::Ready } else { Module::Failed });
            });
        }
    });
    // The boundary with the module: render on every change while the
    // explorer is near the screen, and once the inputs settle otherwise.
    Effect::new(move |_| {
        let (settled, near) = (!p.analysis_pending(), near.get());
        if !open() || module.get() != Module::Ready || !(near || settled) {
            return;
        }
        // Refused from the start (a link), there are no figures: the module
        // then says so for the inputs on screen, every site "not possible".
        let scenario = design(p).unwrap_or_else(|| p.scenario.get());
        let text = input(p, &scenario, compact, settled && near);
        #[cfg(target_arch = "wasm32")]
        if let Some(root) = section.get() {
            let _ = module::render(&root, &text);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = text;
    });
    let failed = move || module.get() == Module::Failed;
    let heading = move || {
        if compact {
            view! { <span>{tx(|t| t.explore_title)}</span> }.into_any()
        } else {
            view! {
                <button type="button" class="disclosure" id="explorer-toggle" aria-controls="explorer-body"
                    aria-expanded=move || if open() { "true" } else { "false" }
                    on:click=move |_| p.explorer.update(|v| v.open = !v.open)>{tx(|t| t.explore_title)}</button>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel explorer" id="explorer" node_ref=section class:compact=compact
            aria-labelledby="explorer-title" hidden=move || compact && !open()
            on:click=move |ev| on_click(p, &ev) on:change=move |ev| on_change(p, &ev)>
            <h2 id="explorer-title">{heading}</h2>
            <p class="note fragment-status" id="eu-map-status" role="status" hidden=move || !open()>
                {move || match (failed(), module.get()) {
                    (true, _) => p.text().explore_failed,
                    (false, Module::Ready) => "",
                    _ => p.text().fragment_loading,
                }}
            </p>
            <div id="explorer-body" hidden=move || !open() aria-busy=move || if open() && module.get() == Module::Loading { "true" } else { "false" }></div>
        </section>
    }
}
