//! Two to four saved scenarios side by side: inputs and results, differences
//! from the first highlighted, and a grouped chart.

use crate::charts::series::{normalise_rows, GroupedChart};
use crate::charts::{Chart, Figure};
use crate::format::{format as fmt, smart, Style};
use crate::i18n::Lang;
use crate::library::Saved;
use crate::model::{evaluate, Estimate, Scenario};
use crate::state::use_planner;
use crate::ui::figure::ChartFigure;
use crate::ui::html::grid_table;
use crate::ui::scenarios::use_shelf;
use crate::ui::tx;
use crate::url_state::to_query;
use leptos::prelude::*;

/// Metrics shown in the comparison chart: (metric, short label).
const CHART_METRICS: [(&str, &str); 6] = [
    ("facility_power_mw", "MW"),
    ("annual_energy_gwh", "GWh"),
    ("capex_eur", "Capex"),
    ("tco_eur", "TCO"),
    ("co2_t_per_year", "CO₂"),
    ("cost_per_gpu_hour_eur", "€/h"),
];

/// Input rows (parameter, value) of a scenario: the link's parameters.
fn input_rows(s: &Scenario) -> Vec<(String, String)> {
    to_query(s, None, false)
        .split('&')
        .filter(|p| !p.starts_with("v="))
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), crate::url_state::percent_decode(v))
        })
        .collect()
}

/// The comparison chart of evaluated scenarios.
pub fn compare_figure(named: &[(String, Estimate)], lang: Lang) -> Figure {
    let rows: Vec<Vec<f64>> = CHART_METRICS
        .iter()
        .map(|(m, _)| {
            named.iter().map(|(_, e)| e.metrics().iter().find(|x| x.0 == *m).map(|x| x.1).unwrap_or(0.0)).collect()
        })
        .collect();
    let table = CHART_METRICS
        .iter()
        .zip(&rows)
        .map(|((m, _), r)| (m.to_string(), r.iter().map(|v| smart(*v, lang)).collect::<Vec<_>>().join(" | ")))
        .collect();
    Figure {
        chart: Chart::Grouped(GroupedChart {
            groups: CHART_METRICS.iter().map(|(_, l)| l.to_string()).collect(),
            series: named.iter().map(|(n, _)| n.clone()).collect(),
            values: normalise_rows(&rows),
        }),
        table,
    }
}

/// The comparison of the ticked scenarios.
#[component]
pub fn Compare() -> impl IntoView {
    let p = use_planner();
    let shelf = use_shelf();
    let picked = Memo::new(move |_| {
        let ids = shelf.selected.get();
        shelf.library.with(|l| ids.iter().filter_map(|id| l.get(id).cloned()).collect::<Vec<Saved>>())
    });
    let evaluated = Memo::new(move |_| {
        picked.with(|items| {
            items.iter().map(|s| (s.name.clone(), s.scenario.clone(), evaluate(&s.scenario).ok())).collect::<Vec<_>>()
        })
    });
    let figure = Memo::new(move |_| {
        let named: Vec<(String, Estimate)> =
            evaluated.with(|v| v.iter().filter_map(|(n, _, e)| e.map(|e| (n.clone(), e))).collect());
        (named.len() >= 2).then(|| compare_figure(&named, p.lang.get()))
    });
    let table = move || {
        let l = p.lang.get();
        evaluated.with(|items| compare_html(items, l))
    };
    move || {
        (evaluated.with(|v| v.len()) >= 2).then(|| {
            view! {
                <section class="panel wide compare" id="compare" aria-labelledby="compare-title">
                    <h2 id="compare-title">{tx(|t| t.h_compare)}</h2>
                    <ChartFigure id="chart-compare" title=crate::ui::tx_signal(|t| t.chart_compare)
                        caption=crate::ui::tx_signal(|t| t.chart_compare_caption) figure=figure />
                    <div class="table-scroll" inner_html=table></div>
                </section>
            }
        })
    }
}

/// The comparison table: results then inputs, one column per scenario, cells
/// that differ from the first scenario's marked.
pub fn compare_html(items: &[(String, Scenario, Option<Estimate>)], l: Lang) -> String {
    let t = l.text();
    let mut head = vec![t.item.to_string()];
    head.extend(items.iter().map(|(n, _, _)| n.clone()));
    let mut rows: Vec<(String, Vec<String>)> = vec![];
    let mut marked: Vec<Vec<bool>> = vec![];
    let results: Vec<Option<[(&'static str, f64); 17]>> =
        items.iter().map(|(_, _, e)| e.map(|e| e.metrics())).collect();
    for i in 0..17 {
        let name = results.iter().flatten().next().map(|r| r[i].0).unwrap_or("");
        let first = results.first().copied().flatten().map(|r| r[i].1);
        let values: Vec<Option<f64>> = results.iter().map(|r| r.map(|r| r[i].1)).collect();
        marked.push(
            values
                .iter()
                .map(|v| match (v, first) {
                    (Some(a), Some(b)) => (a - b).abs() > 1e-9 * b.abs().max(1.0),
                    _ => true,
                })
                .collect(),
        );
        rows.push((
            name.to_string(),
            values
                .iter()
                .map(|v| {
                    v.map(|v| fmt(v, l, Style::Plain(if v.abs() < 10.0 { 3 } else { 0 }))).unwrap_or_else(|| "–".into())
                })
                .collect(),
        ));
    }
    let inputs: Vec<Vec<(String, String)>> = items.iter().map(|(_, s, _)| input_rows(s)).collect();
    if let Some(first) = inputs.first() {
        for (i, (k, v0)) in first.iter().enumerate() {
            let values: Vec<String> =
                inputs.iter().map(|row| row.get(i).map(|x| x.1.clone()).unwrap_or_default()).collect();
            marked.push(values.iter().map(|v| v != v0).collect());
            rows.push((k.clone(), values));
        }
    }
    grid_table("kv compare-table", &head, &rows, &marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_chart_normalises_each_metric() {
        let a = evaluate(&Scenario::default()).unwrap();
        let b = evaluate(&Scenario { sizing: crate::model::Sizing::Count(50_000.0), ..Scenario::default() }).unwrap();
        let f = compare_figure(&[("A".into(), a), ("B".into(), b)], Lang::En);
        let Chart::Grouped(g) = f.chart else { panic!("grouped") };
        assert_eq!(g.values[0][0], 1.0);
        assert!((g.values[0][1] - 0.5).abs() < 1e-9);
    }

    #[test]
    fn compare_table_marks_differences_from_the_first() {
        let a = Scenario::default();
        let b = Scenario { country: "SE".into(), ..Scenario::default() };
        let items =
            vec![("A".to_string(), a.clone(), evaluate(&a).ok()), ("B".to_string(), b.clone(), evaluate(&b).ok())];
        let html = compare_html(&items, Lang::En);
        assert!(html.contains("<td>DE</td><td class=\"differs\">SE</td>"), "{html}");
        assert!(html.contains("<th scope=\"row\">accelerator_count</th><td>100,000</td><td>100,000</td>"));
    }

    #[test]
    fn input_rows_list_every_parameter() {
        let rows = input_rows(&Scenario::default());
        assert!(rows.iter().any(|(k, v)| k == "country" && v == "DE"));
        assert!(rows.iter().all(|(k, _)| k != "v"));
    }
}
