//! The power breakdown chart at design load, with a table alternative.

use crate::charts::bars::{Bar, BarChart};
use crate::format::{format as fmt, Style};
use crate::i18n::Lang;
use crate::model::Estimate;
use crate::state::use_planner;
use leptos::html::Canvas;
use leptos::prelude::*;

/// Bars of the power breakdown, in MW.
pub fn power_bars(e: &Estimate, lang: Lang) -> BarChart {
    let t = lang.text();
    let p = &e.power;
    let rows = [
        (t.p_accelerators, p.accelerators.0),
        (t.p_hosts, p.hosts.0),
        (t.p_network, p.network.0),
        (t.p_storage, p.storage.0),
        (t.p_cooling, p.cooling.0),
        (t.p_losses, p.losses.0),
        (t.p_misc, p.misc.0),
    ];
    BarChart {
        bars: rows.iter().enumerate().map(|(i, (l, v))| Bar { label: l.to_string(), value: *v, colour: i }).collect(),
        unit: "MW".into(),
        value_labels: rows.iter().map(|(_, v)| fmt(*v, lang, Style::Plain(1))).collect(),
    }
}

/// Chart of where the peak facility power goes.
#[component]
pub fn PowerChart() -> impl IntoView {
    let p = use_planner();
    let canvas = NodeRef::<Canvas>::new();
    let data = Memo::new(move |_| p.estimate.get().map(|e| power_bars(&e, p.lang.get())));
    // Drawing is the boundary with the canvas: an effect that reads memoised data.
    Effect::new(move |_| {
        let chart = data.get();
        #[cfg(target_arch = "wasm32")]
        if let (Some(el), Some(chart)) = (canvas.get(), chart.as_ref()) {
            crate::charts::canvas::draw_bars(&el, chart);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (chart, canvas);
    });
    view! {
        <figure class="chart" id="chart-power">
            <figcaption>
                <strong>{move || p.text().chart_power}</strong>
                " "
                <span>{move || p.text().chart_power_caption}</span>
            </figcaption>
            <canvas node_ref=canvas role="img" aria-label=move || p.text().chart_power></canvas>
            <table class="sr-only">
                <tbody>
                    {move || {
                        data.get()
                            .map(|c| {
                                c.bars
                                    .iter()
                                    .zip(c.value_labels.iter())
                                    .map(|(b, v)| view! { <tr><th scope="row">{b.label.clone()}</th><td>{format!("{v} MW")}</td></tr> })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </figure>
    }
}
