//! "Where in Europe?": the site explorer (issue 17). The design in the 27
//! member states as a sortable table and a map coloured by the ranked result,
//! one input swept across its range, and the factory multiplied to the EU
//! call's totals.
//!
//! What it shows is built as HTML strings in `crate::explorer` (tested
//! natively; `ui::html` says why strings keep the WebAssembly small) and set
//! with `inner_html`; the section listens once for the clicks, keys and
//! changes of everything in it. The sweep's chart is the page's `ChartFigure`.

use crate::explorer::{self, display, metric_name, ranked, View};
use crate::i18n::explore::Explore;
use crate::i18n::Lang;
use crate::model::catalogue::COUNTRIES;
use crate::model::explore::{self as model_explore, SiteRow};
use crate::model::uncertainty::Output;
use crate::model::Scenario;
use crate::state::{use_planner, Planner};
use crate::ui::figure::ChartFigure;
use crate::ui::sources::{fragment_when, Fragment, MAP};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A reactive string of the explorer's texts (one closure type for all, as [`crate::ui::tx`]).
fn ex(f: fn(&Explore) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let p = use_planner();
    move || f(p.lang.get().explore())
}

/// A reactive string as one boxed type: every `inner_html` of the explorer
/// then shares one rendering path in the wasm instead of one per closure.
type Live = Box<dyn Fn() -> String + Send + Sync>;

fn live(f: impl Fn() -> String + Send + Sync + 'static) -> Live {
    Box::new(f)
}

/// The scenario of the figures on screen (the last that evaluated): the
/// explorer shows what the rest of the page shows, greyed with it when stale.
fn design(p: Planner) -> Option<Scenario> {
    p.estimate.track();
    p.last_valid.get_value()
}

/// The element an event happened on, or its nearest ancestor, with `attr`,
/// and that attribute's value.
fn target_with(ev: &web_sys::Event, attr: &str) -> Option<(web_sys::Element, String)> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = el.closest(&format!("[{attr}]")).ok()??;
    let value = el.get_attribute(attr)?;
    Some((el, value))
}

/// Make the member state `code` the site, keeping the focus on `focus`
/// (the control that chose it, drawn again).
fn choose(p: Planner, code: &str, focus: String) -> bool {
    let Some(c) = COUNTRIES.iter().find(|c| c.code == code) else { return false };
    p.edit(|s| s.country = c.code.to_string());
    crate::web::focus_later(focus);
    true
}

/// What a click in the explorer does: choose a site (a row's name or a
/// country of the map) or sort by a column (the same one again reverses).
fn on_click(p: Planner, ev: &web_sys::Event) {
    if let Some((_, code)) = target_with(ev, "data-pick") {
        choose(p, &code, format!("#site-table [data-pick=\"{code}\"]"));
    } else if let Some((_, code)) = target_with(ev, "data-country") {
        choose(p, &code, format!("#eu-map [data-country=\"{code}\"]"));
    } else if let Some((m, _)) = target_with(ev, "data-sort").and_then(|(_, m)| explorer::parse_rank(&m).ok()) {
        p.explorer.update(|v| {
            v.descending = v.rank_by == m && !v.descending;
            v.rank_by = m;
        });
        crate::web::focus_later(format!("#site-table [data-sort=\"{m}\"]"));
    }
}

/// Enter or Space on a country of the map chooses it (its paths are buttons).
fn on_key(p: Planner, ev: &web_sys::KeyboardEvent) {
    let key = ev.key();
    if key != "Enter" && key != " " {
        return;
    }
    let in_map = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.closest("#eu-map").ok().flatten().is_some());
    if let Some((_, code)) = target_with(ev, "data-country").filter(|_| in_map) {
        if choose(p, &code, format!("#eu-map [data-country=\"{code}\"]")) {
            ev.prevent_default();
        }
    }
}

/// A choice in one of the explorer's selects.
fn on_change(p: Planner, ev: &web_sys::Event) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else { return };
    let value = el.value();
    match el.id().as_str() {
        "rank-by" => {
            if let Ok((m, _)) = explorer::parse_rank(&value) {
                p.explorer.update(|v| v.rank_by = m);
            }
        }
        "sweep-input" => {
            if let Ok(i) = explorer::parse_sweep(&value) {
                p.explorer.update(|v| v.sweep = i);
            }
        }
        _ => return,
    }
    // The select is drawn again with the choice: the focus stays on it.
    crate::web::focus_later(format!("#{}", el.id()));
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
    // The 27 rows follow every edit while the explorer is near the screen,
    // and catch up when the inputs settle otherwise.
    let rows = crate::ui::when_seen(near, move || {
        let v = p.explorer.get();
        if !v.open {
            return Vec::new();
        }
        design(p).map(|d| ranked(&d, &v)).unwrap_or_default()
    });
    let head = move || {
        if !open() {
            return String::new();
        }
        let overridden =
            p.scenario.with(|s| s.price_eur_per_mwh.is_some() || s.carbon_g_per_kwh.is_some() || s.pue.is_some());
        p.explorer.with(|v| explorer::head(v, overridden, p.lang.get()))
    };
    // P10–P90 of the current site, where the page's analysis tracks the
    // result and has settled on the figures shown.
    let range_of = move |metric: &str, l: Lang| -> Option<String> {
        if p.analysis_pending() || p.is_stale() {
            return None;
        }
        let output = Output::ALL.into_iter().find(|o| o.metric() == metric)?;
        p.analysis.with(|a| {
            let pc = a.as_ref()?.monte_carlo.get(output)?;
            Some(format!("P10–P90 {} – {}", display(metric, pc.p10, l), display(metric, pc.p90, l)))
        })
    };
    let table = move || {
        let l = p.lang.get();
        let v = p.explorer.get();
        let here = design(p).map(|d| d.country).unwrap_or_default();
        rows.with(|rows| {
            if rows.is_empty() {
                String::new()
            } else {
                explorer::site_table(rows, &v, &here, l, |m| range_of(m, l))
            }
        })
    };
    let heading = move || {
        if compact {
            view! { <span>{ex(|t| t.title)}</span> }.into_any()
        } else {
            view! {
                <button type="button" class="disclosure" id="explorer-toggle" aria-controls="explorer-body"
                    aria-expanded=move || if open() { "true" } else { "false" }
                    on:click=move |_| p.explorer.update(|v| v.open = !v.open)>{ex(|t| t.title)}</button>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel explorer" id="explorer" node_ref=section class:compact=compact
            aria-labelledby="explorer-title" hidden=move || compact && !open()
            on:click=move |ev| on_click(p, &ev) on:keydown=move |ev| on_key(p, &ev) on:change=move |ev| on_change(p, &ev)>
            <h2 id="explorer-title">{heading}</h2>
            <div id="explorer-body" hidden=move || !open()>
                <div inner_html=live(head)></div>
                <div class="explorer-grid">
                    <EuMap rows />
                    <div inner_html=live(table)></div>
                </div>
                {(!compact).then(|| view! { <Sweep near /> <EuScale /> })}
            </div>
        </section>
    }
}

/// The map of the EU-27 coloured by the ranked result. The geometry is a
/// release file (`fragments/map-….svg`, built from Natural Earth by
/// `scripts/map.mjs`), fetched when the explorer first opens; each member
/// state's path is then made a button named with its value.
#[component]
fn EuMap(rows: Memo<Vec<SiteRow>>) -> impl IntoView {
    let p = use_planner();
    let geometry = fragment_when(MAP, Signal::derive(move || p.explorer.with(|v| v.open)));
    let map = NodeRef::<leptos::html::Div>::new();
    // The boundary with the map's DOM: its markup once loaded, then each
    // country's colour, name and value on every change of the rows.
    Effect::new(move |_| {
        let l = p.lang.get();
        let v = p.explorer.get();
        let here = p.scenario.with(|s| s.country.clone());
        geometry.with(|g| {
            let (Some(el), Fragment::Ready(svg)) = (map.get(), g) else { return };
            rows.with(|rows| paint(&el, svg, rows, &v, &here, l));
        });
    });
    let legend = move || {
        let l = p.lang.get();
        let v = p.explorer.get();
        rows.with(|r| explorer::legend(r, &v, l))
    };
    let label = move || {
        let l = p.lang.get();
        crate::i18n::fill(l.explore().map_name, metric_name(p.explorer.with(|v| v.rank_by), l))
    };
    view! {
        <figure class="map-figure">
            <div class="map" id="eu-map" node_ref=map role="group" aria-label=live(label)></div>
            <p class="note fragment-status" role="status" hidden=move || geometry.with(|g| !matches!(g, Fragment::Failed))>
                {ex(|t| t.map_failed)}
            </p>
            <figcaption inner_html=live(legend)></figcaption>
        </figure>
    }
}

/// Put the map's markup in `el` if it is not there yet, then colour and name
/// each member state by its row.
#[allow(unused_variables)]
fn paint(el: &web_sys::HtmlDivElement, svg: &str, rows: &[SiteRow], v: &View, here: &str, l: Lang) {
    #[cfg(target_arch = "wasm32")]
    {
        if el.child_element_count() == 0 {
            el.set_inner_html(svg);
        }
        let Ok(paths) = el.query_selector_all("[data-country]") else { return };
        let range = explorer::extent(rows, v.rank_by);
        for i in 0..paths.length() {
            let Some(path) = paths.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let Some(code) = path.get_attribute("data-country") else { continue };
            let value = rows.iter().find(|r| r.country == code).and_then(|r| r.metric(v.rank_by));
            let name = explorer::country_name(&code, l);
            // A presentation attribute, not a style: the page's CSP allows no inline style.
            let label = match (value, range) {
                (Some(x), Some(range)) => {
                    let (r, g, b) = explorer::colour(explorer::position(x, range));
                    let _ = path.set_attribute("fill", &format!("rgb({r},{g},{b})"));
                    format!("{name}: {}", display(v.rank_by, x, l))
                }
                _ => {
                    let _ = path.remove_attribute("fill");
                    format!("{name}: {}", l.explore().refused)
                }
            };
            let value = value.map(crate::num::plain).unwrap_or_default();
            let pressed = if code == here { "true" } else { "false" };
            for (k, v) in [
                ("aria-label", label.as_str()),
                ("role", "button"),
                ("tabindex", "0"),
                ("data-value", &value),
                ("aria-pressed", pressed),
            ] {
                let _ = path.set_attribute(k, v);
            }
        }
    }
}

/// One input swept across its range, drawn for the ranked result.
#[component]
fn Sweep(near: Signal<bool>) -> impl IntoView {
    let p = use_planner();
    // The band is a Monte-Carlo at each of 13 points: drawn for the settled
    // inputs, while the explorer is near the screen.
    let band = Memo::new(move |prev: Option<&Vec<(f64, f64, f64)>>| {
        let v = p.explorer.get();
        if !v.open || !near.get() {
            return prev.cloned().unwrap_or_default();
        }
        p.settled.with(|s| model_explore::sweep_band(s, v.sweep, v.rank_by))
    });
    let figure = Signal::derive(move || {
        let l = p.lang.get();
        let v = p.explorer.get();
        if !v.open {
            return None;
        }
        let mut f = explorer::sweep_figure(&design(p)?, v.sweep, v.rank_by, l);
        if let crate::charts::Chart::Sweep(c) = &mut f.chart {
            c.band = band.get();
        }
        Some(f)
    });
    let caption = Signal::derive(move || {
        let l = p.lang.get();
        let t = l.explore();
        let v = p.explorer.get();
        let mut c =
            crate::i18n::fill_all(t.sweep_caption, &[metric_name(v.rank_by, l), &explorer::sweep_label(v.sweep, l)]);
        if band.with(|b| !b.is_empty()) {
            c.push(' ');
            c.push_str(&crate::i18n::fill_all(
                t.sweep_band,
                &[&model_explore::BAND_SAMPLES.to_string(), &model_explore::BAND_POINTS.to_string()],
            ));
        }
        c
    });
    let select = move || p.explorer.with(|v| explorer::sweep_select(v, p.lang.get()));
    let title = Signal::derive(move || p.lang.get().explore().sweep_title.to_string());
    view! {
        <div class="sweep">
            <div inner_html=live(select)></div>
            <ChartFigure id="sweep-chart" title caption figure />
        </div>
    }
}

/// The factory multiplied to the EU call's totals.
#[component]
fn EuScale() -> impl IntoView {
    let p = use_planner();
    let typed = RwSignal::new(String::new());
    let factories = move || {
        let l = p.lang.get();
        typed.with(|t| crate::ui::field::validate(t, l, 1.0, 10_000.0, true)).map(|n| n.map(f64::round))
    };
    let table = move || {
        let l = p.lang.get();
        p.estimate.with(|e| {
            let Some(e) = e else { return String::new() };
            let n = factories().ok().flatten().unwrap_or_else(|| model_explore::factories_for_call(e).ceil());
            format!(
                "<p class=\"note\">{}</p>{}",
                crate::ui::html::esc(&explorer::scale_lead(e, l)),
                explorer::scale_table(e, n, l)
            )
        })
    };
    let placeholder = move || {
        p.estimate
            .with(|e| e.as_ref().map(|e| crate::num::plain(model_explore::factories_for_call(e).ceil())))
            .unwrap_or_default()
    };
    let error = move || factories().err().map(|e| e.message(p.lang.get())).unwrap_or_default();
    view! {
        <div class="eu-scale" id="eu-scale">
            <h3>{ex(|t| t.scale_title)}</h3>
            <div class="field">
                <label for="eu-factories">{ex(|t| t.factories)}</label>
                <input id="eu-factories" type="text" inputmode="numeric" autocomplete="off"
                    aria-describedby="eu-factories-help eu-factories-error" placeholder=live(placeholder)
                    aria-invalid=move || if factories().is_err() { "true" } else { "false" }
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
                <p class="help" id="eu-factories-help">{ex(|t| t.factories_help)}</p>
                <p class="error" id="eu-factories-error" role="alert">{live(error)}</p>
            </div>
            <div inner_html=live(table)></div>
            <p class="note">{ex(|t| t.scale_note)}</p>
        </div>
    }
}
