//! "Where in Europe?": the site explorer (issue 17). The design in the 27
//! member states as a sortable table and a map coloured by the ranked result,
//! one input swept across its range, and the factory multiplied to the EU
//! call's totals. What it shows is built in `crate::explorer` (HTML strings,
//! as `ui::html` explains, tested natively); here it is wired to the page.
//! Clicks in the table and the map are handled once, on their container.

use crate::explorer::{self, display, metric_name, ranked, View};
use crate::i18n::explore::Explore;
use crate::i18n::Lang;
use crate::model::catalogue::COUNTRIES;
use crate::model::explore::{self as model_explore, SiteRow, SweepInput, SITE_METRICS};
use crate::model::uncertainty::Output;
use crate::model::Scenario;
use crate::state::{use_planner, Planner};
use crate::ui::field::SelectField;
use crate::ui::figure::ChartFigure;
use crate::ui::sources::{fragment_when, Fragment, MAP};
use leptos::prelude::*;

/// A reactive string of the explorer's texts (one closure type for all, as [`crate::ui::tx`]).
fn ex(f: fn(&Explore) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let p = use_planner();
    move || f(p.lang.get().explore())
}

/// [`ex`] as a signal, for component props.
fn ex_signal(f: fn(&Explore) -> &'static str) -> Signal<String> {
    let p = use_planner();
    Signal::derive(move || f(p.lang.get().explore()).to_string())
}

/// A reactive string as one boxed type: every `inner_html` and text of the
/// explorer then shares one rendering path in the wasm instead of one per
/// closure (each closure's type would instantiate tachys's reactive
/// rendering anew).
type Live = Box<dyn Fn() -> String + Send + Sync>;

fn live(f: impl Fn() -> String + Send + Sync + 'static) -> Live {
    Box::new(f)
}

/// The scenario of the figures on screen (the last that evaluated): the
/// explorer shows what the rest of the page shows, greyed with it when stale.
fn design(p: Planner) -> Memo<Option<Scenario>> {
    Memo::new(move |_| {
        p.estimate.track();
        p.last_valid.get_value()
    })
}

/// The member state a click or key chose in the table or the map: the
/// `data-pick` (table) or `data-country` (map) of the target or its ancestor.
fn picked(target: Option<web_sys::EventTarget>, attr: &str) -> Option<&'static str> {
    use wasm_bindgen::JsCast;
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let code = el.closest(&format!("[{attr}]")).ok()??.get_attribute(attr)?;
    COUNTRIES.iter().find(|c| c.code == code).map(|c| c.code)
}

/// Make `code` the site and keep the focus on what chose it.
fn choose(p: Planner, code: &'static str, focus: String) {
    p.edit(|s| s.country = code.to_string());
    crate::web::focus_later(focus);
}

/// The site explorer: a heading that opens it, then the map and the table,
/// the sweep and the EU call's scale. `compact` (the embedded view) shows the
/// map and the table alone, and only while the explorer is open.
#[component]
pub fn Explorer(#[prop(optional)] compact: bool) -> impl IntoView {
    let p = use_planner();
    let open = Memo::new(move |_| p.explorer.with(|v| v.open));
    let section = NodeRef::<leptos::html::Section>::new();
    let near = crate::ui::near_view(section);
    let design = design(p);
    // The 27 rows follow every edit while the explorer is near the screen,
    // and catch up when the inputs settle otherwise.
    let rows = crate::ui::when_seen(near, move || {
        let v = p.explorer.get();
        if !v.open {
            return Vec::new();
        }
        design.with(|d| d.as_ref().map(|d| ranked(d, &v)).unwrap_or_default())
    });
    let notes = move || {
        let l = p.lang.get();
        let overridden =
            p.scenario.with(|s| s.price_eur_per_mwh.is_some() || s.carbon_g_per_kwh.is_some() || s.pue.is_some());
        let mut html = format!("<p class=\"note\">{}</p>", crate::ui::html::esc(l.explore().lead));
        if overridden {
            html.push_str(&format!(
                "<p class=\"note override-note\">{}</p>",
                crate::ui::html::esc(l.explore().overrides)
            ));
        }
        html
    };
    let body = move || {
        open.get().then(|| {
            view! {
                <div inner_html=live(notes)></div>
                <RankBy />
                <div class="explorer-grid">
                    <EuMap rows />
                    <SiteTable rows design />
                </div>
                {(!compact).then(|| view! { <Sweep design near /> <EuScale /> })}
            }
        })
    };
    let heading = move || {
        if compact {
            view! { <span>{ex(|t| t.title)}</span> }.into_any()
        } else {
            view! {
                <button type="button" class="disclosure" id="explorer-toggle" aria-controls="explorer-body"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| p.explorer.update(|v| v.open = !v.open)>{ex(|t| t.title)}</button>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel explorer" id="explorer" node_ref=section class:compact=compact
            aria-labelledby="explorer-title" hidden=move || compact && !open.get()>
            <h2 id="explorer-title">{heading}</h2>
            <div id="explorer-body">{body}</div>
        </section>
    }
}

/// The result the sites are ranked by (the map's colour and the sweep's result too).
#[component]
fn RankBy() -> impl IntoView {
    let p = use_planner();
    let options = Signal::derive(move || {
        let l = p.lang.get();
        SITE_METRICS.iter().map(|m| (m.to_string(), metric_name(m, l).to_string())).collect::<Vec<_>>()
    });
    let value = Signal::derive(move || p.explorer.with(|v| v.rank_by.to_string()));
    let on_change = Callback::new(move |v: String| {
        if let Ok((m, _)) = explorer::parse_rank(&v) {
            p.explorer.update(|v| v.rank_by = m);
        }
    });
    view! { <SelectField id="rank-by" name="rank_by" label=ex_signal(|t| t.rank_by) options value on_change /> }
}

/// The ranked table and its notes.
#[component]
fn SiteTable(rows: Memo<Vec<SiteRow>>, design: Memo<Option<Scenario>>) -> impl IntoView {
    let p = use_planner();
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
        let here = design.with(|d| d.as_ref().map(|d| d.country.clone()).unwrap_or_default());
        rows.with(|rows| explorer::site_table(rows, &v, &here, l, |m| range_of(m, l)))
    };
    let notes = move || {
        let l = p.lang.get();
        let t = l.explore();
        let limit = crate::format::format(explorer::DEMAND_FLAG_SHARE, l, crate::format::Style::Percent(0));
        format!(
            "<p>{}</p><p>{}</p>",
            crate::ui::html::esc(&crate::i18n::fill(t.flag_note, &limit)),
            crate::ui::html::esc(t.range_note)
        )
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        if let Some(code) = picked(ev.target(), "data-pick") {
            choose(p, code, format!("#site-table [data-pick=\"{code}\"]"));
            return;
        }
        use wasm_bindgen::JsCast;
        let sort = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-sort]").ok().flatten())
            .and_then(|el| el.get_attribute("data-sort"));
        if let Some((m, _)) = sort.and_then(|s| explorer::parse_rank(&s).ok()) {
            p.explorer.update(|v| {
                // The same column again turns the order round.
                v.descending = v.rank_by == m && !v.descending;
                v.rank_by = m;
            });
            crate::web::focus_later(format!("#site-table [data-sort=\"{m}\"]"));
        }
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="site-table-caption"
            on:click=click inner_html=live(table)></div>
        <div id="site-table-notes" class="note" inner_html=live(notes)></div>
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
    let pick = move |target: Option<web_sys::EventTarget>| {
        let code = picked(target, "data-country")?;
        choose(p, code, format!("#eu-map [data-country=\"{code}\"]"));
        Some(())
    };
    let legend = move || {
        let l = p.lang.get();
        let v = p.explorer.get();
        rows.with(|r| explorer::legend(r, &v, l))
    };
    let failed = move || geometry.with(|g| matches!(g, Fragment::Failed));
    view! {
        <figure class="map-figure">
            <div class="map" id="eu-map" node_ref=map role="group"
                aria-label=live(move || crate::i18n::fill(p.lang.get().explore().map_name, metric_name(p.explorer.with(|v| v.rank_by), p.lang.get())))
                on:click=move |ev| { let _ = pick(ev.target()); }
                on:keydown=move |ev| {
                    if (ev.key() == "Enter" || ev.key() == " ") && pick(ev.target()).is_some() {
                        ev.prevent_default();
                    }
                }></div>
            <p class="note fragment-status" role="status" hidden=move || !failed()>{ex(|t| t.map_failed)}</p>
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
        use wasm_bindgen::JsCast;
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
            let (style, label) = match (value, range) {
                (Some(x), Some(range)) => {
                    let (r, g, b) = explorer::colour(explorer::position(x, range));
                    (format!("fill:rgb({r},{g},{b})"), format!("{name}: {}", display(v.rank_by, x, l)))
                }
                _ => (String::new(), format!("{name}: {}", l.explore().refused)),
            };
            let value = value.map(crate::num::plain).unwrap_or_default();
            let pressed = if code == here { "true" } else { "false" };
            for (k, v) in [("style", style.as_str()), ("aria-label", &label), ("role", "button"), ("tabindex", "0")]
                .into_iter()
                .chain([("data-value", value.as_str()), ("aria-pressed", pressed)])
            {
                let _ = path.set_attribute(k, v);
            }
        }
    }
}

/// One input swept across its range, drawn for the ranked result.
#[component]
fn Sweep(design: Memo<Option<Scenario>>, near: Signal<bool>) -> impl IntoView {
    let p = use_planner();
    let options = Signal::derive(move || {
        let l = p.lang.get();
        SweepInput::ALL.iter().map(|&i| (explorer::sweep_name(i).to_string(), explorer::sweep_label(i, l))).collect()
    });
    let value = Signal::derive(move || p.explorer.with(|v| explorer::sweep_name(v.sweep).to_string()));
    let on_change = Callback::new(move |v: String| {
        if let Ok(i) = explorer::parse_sweep(&v) {
            p.explorer.update(|v| v.sweep = i);
        }
    });
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
        design.with(|d| {
            let mut f = explorer::sweep_figure(d.as_ref()?, v.sweep, v.rank_by, l);
            if let crate::charts::Chart::Sweep(c) = &mut f.chart {
                c.band = band.get();
            }
            Some(f)
        })
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
    view! {
        <div class="sweep">
            <SelectField id="sweep-input" name="sweep" label=ex_signal(|t| t.sweep_input) options value on_change />
            <ChartFigure id="sweep-chart" title=ex_signal(|t| t.sweep_title) caption figure />
        </div>
    }
}

/// The factory multiplied to the EU call's totals.
#[component]
fn EuScale() -> impl IntoView {
    let p = use_planner();
    let typed = RwSignal::new(String::new());
    let factories = Memo::new(move |_| {
        let l = p.lang.get();
        typed.with(|t| crate::ui::field::validate(t, l, 1.0, 10_000.0, true)).map(|n| n.map(f64::round))
    });
    let table = move || {
        let l = p.lang.get();
        p.estimate.with(|e| {
            let Some(e) = e else { return String::new() };
            let n = factories.get().ok().flatten().unwrap_or_else(|| model_explore::factories_for_call(e).ceil());
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
    let error = move || factories.get().err().map(|e| e.message(p.lang.get()));
    view! {
        <div class="eu-scale" id="eu-scale">
            <h3>{ex(|t| t.scale_title)}</h3>
            <div class="field">
                <label for="eu-factories">{ex(|t| t.factories)}</label>
                <input id="eu-factories" type="text" inputmode="numeric" autocomplete="off"
                    aria-describedby="eu-factories-help eu-factories-error" placeholder=live(placeholder)
                    aria-invalid=move || if error().is_some() { "true" } else { "false" }
                    prop:value=live(move || typed.get())
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
                <p class="help" id="eu-factories-help">{ex(|t| t.factories_help)}</p>
                <p class="error" id="eu-factories-error" role="alert">{live(move || error().unwrap_or_default())}</p>
            </div>
            <div inner_html=live(table)></div>
            <p class="note">{ex(|t| t.scale_note)}</p>
        </div>
    }
}
