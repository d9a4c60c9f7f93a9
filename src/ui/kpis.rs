//! Headline result cards. Each carries `data-metric` and `data-value` (a plain
//! number in the metric's unit) for embedders and tests, whatever the language.

use crate::format::{format as fmt, sig, unit, Style};
use crate::i18n::{Lang, Text};
use crate::model::Estimate;
use crate::state::{use_planner, Planner, Stale};
use crate::ui::tx;
use leptos::prelude::*;

/// How one headline metric is shown.
struct Card {
    metric: &'static str,
    label: fn(&Text) -> &'static str,
    definition: Option<fn(&Text) -> &'static str>,
    /// Formats the metric's plain value for display.
    display: fn(f64, Lang) -> String,
}

const CARDS: &[Card] = &[
    Card {
        metric: "facility_power_mw",
        label: |t| t.m_facility_power,
        definition: Some(|t| t.d_facility_power),
        display: |v, l| unit(sig(v, l, 1), "MW"),
    },
    Card {
        metric: "it_power_mw",
        label: |t| t.m_it_power,
        definition: Some(|t| t.d_it_power),
        display: |v, l| unit(sig(v, l, 1), "MW"),
    },
    Card {
        metric: "pue",
        label: |t| t.m_pue,
        definition: Some(|t| t.d_pue),
        display: |v, l| fmt(v, l, Style::Plain(3)),
    },
    Card {
        metric: "annual_energy_gwh",
        label: |t| t.m_annual_energy,
        definition: Some(|t| t.d_annual_energy),
        display: |v, l| energy(v * 1e3, l),
    },
    Card {
        metric: "capex_eur",
        label: |t| t.m_capex,
        definition: Some(|t| t.d_capex),
        display: |v, l| fmt(v, l, Style::EuroCompact),
    },
    Card {
        metric: "tco_eur",
        label: |t| t.m_tco,
        definition: Some(|t| t.d_tco),
        display: |v, l| fmt(v, l, Style::EuroCompact),
    },
    Card {
        metric: "cost_per_gpu_hour_eur",
        label: |t| t.m_cost_hour,
        definition: Some(|t| t.d_cost_hour),
        display: |v, l| fmt(v, l, Style::Euro2),
    },
    Card {
        metric: "co2_t_per_year",
        label: |t| t.m_co2,
        definition: Some(|t| t.d_co2),
        // As the training run's CO₂ is written: 405,120 t beside its range, not "405k t" beside "382.2k t".
        display: |v, l| unit(sig(v, l, 0), "t"),
    },
    Card {
        metric: "water_m3_per_year",
        label: |t| t.m_water,
        definition: None,
        display: |v, l| unit(sig(v, l, 0), "m³"),
    },
    Card {
        metric: "compute_pflops_bf16",
        label: |t| t.m_compute,
        definition: None,
        // Below an exaflop (as written) a small facility reads in PFLOP/s (18, not 0.018 EFLOP/s).
        display: |v, l| if v < 999.95 { unit(sig(v, l, 1), "PFLOP/s") } else { unit(sig(v / 1e3, l, 1), "EFLOP/s") },
    },
    Card {
        metric: "accelerator_count",
        label: |t| t.m_count,
        definition: None,
        display: |v, l| fmt(v, l, Style::Plain(0)),
    },
    Card {
        metric: "cooling_load_mw",
        label: |t| t.m_cooling_load,
        definition: None,
        display: |v, l| unit(sig(v, l, 1), "MWth"),
    },
    Card {
        metric: "opex_eur_per_year",
        label: |t| t.m_opex,
        definition: None,
        display: |v, l| fmt(v, l, Style::EuroCompact),
    },
    Card {
        metric: "tco_undiscounted_eur",
        label: |t| t.m_tco_undiscounted,
        definition: Some(|t| t.d_tco_undiscounted),
        display: |v, l| fmt(v, l, Style::EuroCompact),
    },
    Card {
        metric: "cost_per_used_gpu_hour_eur",
        label: |t| t.m_cost_used_hour,
        definition: Some(|t| t.d_cost_used_hour),
        display: |v, l| fmt(v, l, Style::Euro2),
    },
    Card {
        metric: "co2_location_t_per_year",
        label: |t| t.m_co2_location,
        definition: Some(|t| t.d_co2_location),
        display: |v, l| unit(sig(v, l, 0), "t"),
    },
    Card {
        metric: "train_days",
        label: |t| t.m_train_days,
        definition: None,
        display: |v, l| unit(sig(v, l, 1), l.text().days),
    },
    Card { metric: "train_energy_mwh", label: |t| t.m_train_energy, definition: None, display: |v, l| energy(v, l) },
    Card { metric: "train_co2_t", label: |t| t.m_train_co2, definition: None, display: |v, l| unit(sig(v, l, 0), "t") },
    Card {
        metric: "train_cost_eur",
        label: |t| t.m_train_cost,
        definition: None,
        display: |v, l| fmt(v, l, Style::EuroCompact),
    },
];

/// Energy given in MWh, with the SI prefix that keeps it readable: MWh below
/// 10,000 MWh, GWh below 10,000 GWh, then TWh ("181.7 TWh", never "181.7m MWh").
fn energy(mwh: f64, l: Lang) -> String {
    if mwh.abs() < 1e4 {
        unit(sig(mwh, l, 0), "MWh")
    } else if mwh.abs() < 1e7 {
        unit(sig(mwh / 1e3, l, 0), "GWh")
    } else {
        unit(sig(mwh / 1e6, l, 1), "TWh")
    }
}

/// A metric's value as its headline card writes it (with its unit); a metric
/// without a card as a plain number.
pub fn display_metric(metric: &str, v: f64, l: Lang) -> String {
    match CARDS.iter().find(|c| c.metric == metric) {
        Some(c) => (c.display)(v, l),
        None if metric.ends_with("_mw") => unit(sig(v, l, 1), "MW"),
        None => crate::format::smart(v, l),
    }
}

/// A metric's name as its headline card (or panel) writes it.
pub fn metric_label(metric: &str, t: &Text) -> Option<&'static str> {
    match metric {
        "grid_connection_mw" => Some(t.r_grid),
        _ => CARDS.iter().find(|c| c.metric == metric).map(|c| (c.label)(t)),
    }
}

/// The value of a metric in an estimate.
pub fn metric_value(e: &Estimate, metric: &str) -> Option<f64> {
    e.all_metrics().iter().find(|(m, _)| *m == metric).map(|(_, v)| *v)
}

/// `data-stale="true"` while a figure (`value`) is shown for other inputs than those on screen.
pub fn stale_attr(p: Planner, value: Memo<Option<f64>>) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || (value.with(Option::is_some) && p.is_stale()).then_some("true")
}

/// A metric's P10 (or P90, `high`) as a plain number, once the range is that
/// of the inputs on screen.
fn range_attr(p: Planner, metric: &'static str, high: bool) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        if p.analysis_pending() {
            return None;
        }
        p.analysis.with(|a| {
            let q = a.as_ref()?.monte_carlo.percentiles.iter().find(|q| q.output.metric() == metric)?;
            Some(crate::num::plain(if high { q.p90 } else { q.p10 }))
        })
    }
}

/// The cards of the embedded view: what a host page shows in a small frame
/// (its results message carries every metric).
pub const EMBED_CARDS: [&str; 8] = [
    "facility_power_mw",
    "annual_energy_gwh",
    "pue",
    "accelerator_count",
    "capex_eur",
    "tco_eur",
    "cost_per_gpu_hour_eur",
    "co2_t_per_year",
];

/// The grid of headline cards.
#[component]
pub fn Kpis(
    /// Set to the card the summary bar watches (see [`SummaryBar`]).
    #[prop(optional)]
    anchor: Option<NodeRef<leptos::html::Div>>,
    /// Only these cards (all when empty).
    #[prop(optional)]
    only: &'static [&'static str],
) -> impl IntoView {
    let p = use_planner();
    view! {
        <section class="kpis" aria-label=tx(|t| t.results)>
            {CARDS
                .iter()
                .filter(|card| only.is_empty() || only.contains(&card.metric))
                .map(|card| {
                    let metric = card.metric;
                    let display = card.display;
                    let label = card.label;
                    let definition = card.definition;
                    // A card far from the screen (a planner scrolled to the charts)
                    // takes its new value once the inputs settle or as it scrolls
                    // near, as charts and panels do; near the screen it follows
                    // every edit.
                    let node = match anchor {
                        Some(anchor) if metric == SUMMARY_ANCHOR => anchor,
                        _ => NodeRef::<leptos::html::Div>::new(),
                    };
                    let value = crate::ui::when_seen(crate::ui::near_view(node), move || {
                        p.estimate.with(|e| e.as_ref().and_then(|e| metric_value(e, metric)))
                    });
                    view! {
                        <div
                            node_ref=node
                            class="kpi"
                            data-metric=metric
                            data-value=move || {
                                value.get().map(crate::num::plain)
                            }
                            // A figure of other inputs than those on screen says so.
                            data-stale=stale_attr(p, value)
                            data-p10=range_attr(p, metric, false)
                            data-p90=range_attr(p, metric, true)
                        >
                            <span class="kpi-label">{move || label(p.text())}</span>
                            <span class="kpi-value">
                                {move || {
                                    value.get().map_or_else(|| "—".to_string(), |v| display(v, p.lang.get()))
                                }}
                            </span>
                            <span class="sr-only">{move || if value.with(Option::is_some) && p.is_stale() { p.text().stale_figure } else { "" }}</span>
                            <span class="kpi-range" class:pending=move || p.analysis_pending()
                                aria-busy=move || if p.analysis_pending() { "true" } else { "false" }>
                                {move || {
                                    let l = p.lang.get();
                                    // While the inputs move, the last range stays (marked pending).
                                    p.analysis.with(|a| {
                                        a.as_ref().and_then(|a| {
                                            a.monte_carlo.percentiles.iter().find(|q| q.output.metric() == metric).map(|q| {
                                                format!("{} {} – {}", l.text().range_p10_p90, display(q.p10, l), display(q.p90, l))
                                            })
                                        })
                                    })
                                }}
                            </span>
                            {definition.map(|d| view! { <span class="kpi-def">{move || d(p.text())}</span> })}
                        </div>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The metrics the summary bar carries: the facility's power, its energy in a
/// year and what it costs to build.
const SUMMARY: [&str; 3] = ["facility_power_mw", "annual_energy_gwh", "capex_eur"];

/// The last of the summary's cards on the page: once it is scrolled away, so
/// are the others, and the bar comes up.
const SUMMARY_ANCHOR: &str = "capex_eur";

/// On a narrow screen the cards come first and the inputs below them: once the
/// cards it repeats are scrolled past, this bar at the foot of the screen keeps
/// three headline numbers in sight while the inputs change (hidden by the style
/// sheet on wide screens, where the cards sit beside the inputs). It only
/// repeats what the cards say, and the cards stay what assistive technology
/// reads. Its content is one string of HTML: separate reactive nodes cost
/// 2 KB of wasm (gzip).
#[component]
pub fn SummaryBar(
    /// The card given to [`Kpis`] as its `anchor`.
    anchor: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let p = use_planner();
    let cards_seen = crate::ui::not_scrolled_past(anchor);
    let bar = NodeRef::<leptos::html::Div>::new();
    // Displayed and so measured only when shown on a narrow screen: elsewhere
    // its numbers wait for the inputs to settle, as off-screen cards do.
    let seen = crate::ui::in_view(bar);
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| {
        // Shown or hidden, the bar itself is to be measured again.
        cards_seen.track();
        crate::web::recheck_views();
    });
    let items = crate::ui::when_seen(seen, move || {
        let (l, t) = (p.lang.get(), p.text());
        // Other inputs' figures are not repeated here: the bar says why instead.
        let why = match p.stale() {
            Stale::Refused(why) => Some(crate::messages::sentence(&why)),
            Stale::Fields(fields) => Some(format!(
                "{} {}",
                t.not_used,
                fields.iter().map(|(name, _)| crate::messages::quoted_label(name, l)).collect::<Vec<_>>().join(", ")
            )),
            Stale::No | Stale::Typing => None,
        };
        if let Some(why) = why {
            return format!(r#"<span class="summary-stale">{}</span>"#, crate::ui::html::esc(&why));
        }
        p.estimate.with(|e| {
            let Some(e) = e else { return String::new() };
            let mut html = String::new();
            for metric in SUMMARY {
                if let (Some(card), Some(v)) = (CARDS.iter().find(|c| c.metric == metric), metric_value(e, metric)) {
                    html += &format!(
                        r#"<span class="summary-item" data-summary="{metric}"><span class="summary-label">{}</span><span class="summary-value">{}</span></span>"#,
                        crate::ui::html::esc((card.label)(t)),
                        crate::ui::html::esc(&(card.display)(v, l)),
                    );
                }
            }
            html
        })
    });
    view! {
        <div node_ref=bar class="summary-bar" class:shown=move || !cards_seen.get() aria-hidden="true" inner_html=items></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn energy_takes_the_si_prefix_that_reads() {
        assert_eq!(display_metric("train_energy_mwh", 950.0, Lang::En), "950\u{a0}MWh");
        assert_eq!(display_metric("train_energy_mwh", 21_202.0, Lang::En), "21.2\u{a0}GWh");
        assert_eq!(display_metric("train_energy_mwh", 181_700_000.0, Lang::En), "181.7\u{a0}TWh");
        assert_eq!(display_metric("annual_energy_gwh", 1_229.0, Lang::En), "1,229\u{a0}GWh");
        assert_eq!(display_metric("annual_energy_gwh", 25_400.0, Lang::En), "25.4\u{a0}TWh");
    }
}
