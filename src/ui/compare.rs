//! Two to four saved scenarios side by side: inputs and results, differences
//! from the first highlighted, and a grouped chart.

use crate::charts::series::{normalise_rows, GroupedChart};
use crate::charts::{Chart, Figure};
use crate::fields::{self, sizing_label, sizing_value, Input, Placeholder};
use crate::format::{format as fmt, Style};
use crate::i18n::Lang;
use crate::library::Saved;
use crate::model::{evaluate, Estimate, ModelError, Scenario};
use crate::state::use_planner;
use crate::ui::figure::ChartFigure;
use crate::ui::html::grid_table;
use crate::ui::kpis::{display_metric, metric_label};
use crate::ui::scenarios::use_shelf;
use crate::ui::tx;
use leptos::prelude::*;

/// Metrics shown in the comparison chart, in the order of their short labels
/// (`Text::compare_groups`).
const CHART_METRICS: [&str; 6] =
    ["facility_power_mw", "annual_energy_gwh", "capex_eur", "tco_eur", "co2_t_per_year", "cost_per_gpu_hour_eur"];

/// Input rows (label, value) of a scenario, as the inputs write them.
pub fn input_rows(s: &Scenario, l: Lang) -> Vec<(String, String)> {
    let t = l.text();
    // Up to six decimals: two inputs that differ look different.
    let num = |v: f64| fmt(v, l, Style::Plain(6));
    fields::inputs()
        .map(|input| match input {
            Input::Sizing => {
                (t.size_by.into(), format!("{}{}{}", sizing_label(t, &s.sizing), t.colon, num(sizing_value(&s.sizing))))
            }
            Input::Choice(c) => ((c.label)(t).into(), (c.show)(s, l)),
            Input::Num(n) => {
                let shown = match (n.get)(s) {
                    Some(v) if n.year => crate::num::plain(v),
                    Some(v) => num(v),
                    None if matches!(n.placeholder, Some(Placeholder::SitePue)) => t.auto.into(),
                    None => t.country_default.into(),
                };
                ((n.label)(t).into(), shown)
            }
        })
        .collect()
}

/// The comparison chart of evaluated scenarios.
pub fn compare_figure(named: &[(String, Estimate)], lang: Lang) -> Figure {
    let rows: Vec<Vec<f64>> = CHART_METRICS
        .iter()
        .map(|m| {
            named.iter().map(|(_, e)| e.all_metrics().iter().find(|x| x.0 == *m).map(|x| x.1).unwrap_or(0.0)).collect()
        })
        .collect();
    let table = CHART_METRICS
        .iter()
        .zip(&rows)
        .map(|(m, r)| {
            let label = metric_label(m, lang.text()).unwrap_or(m);
            let values: Vec<String> = r.iter().map(|v| display_metric(m, *v, lang)).collect();
            (label.to_string(), values.join(" | "))
        })
        .collect();
    Figure {
        chart: Chart::Grouped(GroupedChart {
            groups: lang.text().compare_groups.iter().map(|g| g.to_string()).collect(),
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
            items.iter().map(|s| (s.name.clone(), s.scenario.clone(), evaluate(&s.scenario))).collect::<Vec<_>>()
        })
    });
    let figure = Memo::new(move |_| {
        let named: Vec<(String, Estimate)> =
            evaluated.with(|v| v.iter().filter_map(|(n, _, e)| e.as_ref().ok().map(|e| (n.clone(), *e))).collect());
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
                    <div class="table-scroll" tabindex="0" role="region" aria-label=tx(|t| t.compare_table) inner_html=table></div>
                </section>
            }
        })
    }
}

/// Whether a relative change shows as non-zero to a tenth of a percent.
fn pct_nonzero(change: f64) -> bool {
    change.abs() >= 0.0005
}

/// The comparison table: results (as their cards write them, with the change
/// from the first scenario) then inputs (as the inputs write them), one column
/// per scenario, cells that differ from the first scenario's marked.
pub fn compare_html(items: &[(String, Scenario, Result<Estimate, ModelError>)], l: Lang) -> String {
    let t = l.text();
    let mut head = vec![t.item.to_string()];
    head.extend(items.iter().map(|(n, _, _)| n.clone()));
    let mut rows: Vec<(String, Vec<String>)> = vec![];
    let mut marked: Vec<Vec<bool>> = vec![];
    // A scenario the model refuses (saved or imported so) says why, first.
    if items.iter().any(|(_, _, e)| e.is_err()) {
        let why: Vec<String> = items
            .iter()
            .map(|(_, _, e)| e.as_ref().err().map(|e| crate::messages::model_error_message(e, l)).unwrap_or_default())
            .collect();
        marked.push(why.iter().enumerate().map(|(i, w)| i > 0 && !w.is_empty()).collect());
        rows.push((t.model_error.trim_end_matches([' ', ':']).to_string(), why));
    }
    let results: Vec<Option<[(&'static str, f64); 21]>> =
        items.iter().map(|(_, _, e)| e.as_ref().ok().map(|e| e.all_metrics())).collect();
    for i in 0..21 {
        let Some(metric) = results.iter().flatten().next().map(|r| r[i].0) else { break };
        let values: Vec<Option<f64>> = results.iter().map(|r| r.map(|r| r[i].1)).collect();
        let shown: Vec<Option<String>> = values.iter().map(|v| v.map(|v| display_metric(metric, v, l))).collect();
        let first = values.first().copied().flatten();
        let mut cells = Vec::with_capacity(values.len());
        let mut marks = Vec::with_capacity(values.len());
        for (v, text) in values.iter().zip(&shown) {
            match (v, text, first) {
                (Some(v), Some(text), Some(b)) => {
                    // Relative to the first scenario, as written to a tenth of a
                    // percent; a cell differs when its text or that change does.
                    let change = if b != 0.0 { (v - b) / b.abs() } else { 0.0 };
                    // Near −100 % with the digits that tell it is not all gone
                    // (8 accelerators against 100,000: −99.992 %), and a true minus.
                    let d = if change < -0.999 {
                        ((-((1.0 + change) * 100.0).log10()).ceil() + 1.0).clamp(3.0, 8.0) as u8
                    } else {
                        1
                    };
                    let pct = fmt(change.abs(), l, Style::Percent(d));
                    let differs = Some(text) != shown[0].as_ref() || pct_nonzero(change);
                    if differs && pct_nonzero(change) {
                        let sign = if change > 0.0 { "+" } else { "\u{2212}" };
                        cells.push(format!("{text} ({sign}{pct})"));
                    } else {
                        cells.push(text.clone());
                    }
                    marks.push(differs);
                }
                // The first scenario has no estimate: nothing to compare with.
                (Some(_), Some(text), None) => {
                    cells.push(text.clone());
                    marks.push(true);
                }
                _ => {
                    cells.push("–".into());
                    // The first scenario is what the others are compared with.
                    marks.push(cells.len() != 1);
                }
            }
        }
        rows.push((metric_label(metric, t).unwrap_or(metric).to_string(), cells));
        marked.push(marks);
    }
    let inputs: Vec<Vec<(String, String)>> = items.iter().map(|(_, s, _)| input_rows(s, l)).collect();
    if let Some(first) = inputs.first() {
        for (i, (k, v0)) in first.iter().enumerate() {
            let values: Vec<String> =
                inputs.iter().map(|row| row.get(i).map(|x| x.1.clone()).unwrap_or_default()).collect();
            marked.push(values.iter().map(|v| v != v0).collect());
            rows.push((k.clone(), values));
        }
    }
    // A refusal's reason (the first row) wraps inside its column.
    let class =
        if items.iter().any(|(_, _, e)| e.is_err()) { "kv compare-table has-refusal" } else { "kv compare-table" };
    grid_table(class, &head, &rows, &marked, t.differs_note)
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
        let items = vec![("A".to_string(), a.clone(), evaluate(&a)), ("B".to_string(), b.clone(), evaluate(&b))];
        let html = compare_html(&items, Lang::En);
        // Inputs as the inputs write them.
        assert!(
            html.contains(
                "<th scope=\"row\">Country (EU member state)</th><td>Germany</td><td class=\"differs\">Sweden<span class=\"sr-only\"> (differs from the first scenario)</span></td>"
            ),
            "{html}"
        );
        assert!(html.contains("<td>Direct-to-chip liquid</td><td>Direct-to-chip liquid</td>"), "{html}");
        assert!(html.contains("<td>Accelerator count: 100,000</td>"), "{html}");
        // Results as their cards write them; equal ones unmarked and without a change.
        assert!(html.contains("<th scope=\"row\">Accelerators</th><td>100,000</td><td>100,000</td>"), "{html}");
        // Sweden's cleaner grid: CO₂ marked, with its change from the first.
        let (ea, eb) = (*items[0].2.as_ref().unwrap(), *items[1].2.as_ref().unwrap());
        let (ca, cb) = (ea.carbon.market_per_year.0, eb.carbon.market_per_year.0);
        let change = (cb - ca) / ca;
        assert!(change < -0.5);
        let pct = fmt(-change, Lang::En, Style::Percent(1));
        assert!(html.contains(&format!("(\u{2212}{pct})<span class=\"sr-only\">")), "{pct} in {html}");
        let co2 = html.split("<th scope=\"row\">CO₂ per year</th>").nth(1).unwrap();
        assert!(co2.starts_with("<td>") && co2.contains("<td class=\"differs\">"), "{co2}");
        // One server against 100,000 accelerators: nearly, not wholly, −100 %.
        let tiny = Scenario { sizing: crate::model::Sizing::Count(8.0), ..a.clone() };
        let html = compare_html(&[items[0].clone(), ("C".to_string(), tiny.clone(), evaluate(&tiny))], Lang::En);
        let count = html.split("<th scope=\"row\">Accelerators</th>").nth(1).unwrap();
        assert!(count.contains("8 (\u{2212}99.992%)"), "{count}");
        // French labels and names.
        let fr = compare_html(&items, Lang::Fr);
        assert!(fr.contains("<td>Allemagne</td><td class=\"differs\">Suède<span class=\"sr-only\"> (diffère du premier scénario)</span></td>"), "{fr}");
        assert!(fr.contains("<td>Nombre d&#39;accélérateurs\u{a0}: 100\u{202f}000</td>"), "{fr}");
        // A scenario the model refuses says why in a first row and shows dashes;
        // the others keep their figures, marked; the first column is never marked.
        let bad = Scenario {
            accelerator: "gb200".into(),
            cooling: crate::model::catalogue::CoolingTech::Air,
            ..Scenario::default()
        };
        let why = evaluate(&bad).unwrap_err();
        let items = vec![
            ("A".to_string(), bad.clone(), Err(why.clone())),
            ("B".to_string(), b.clone(), evaluate(&Scenario::default())),
        ];
        let html = compare_html(&items, Lang::En);
        assert!(
            html.contains(&format!(
                "<th scope=\"row\">This combination cannot be evaluated</th><td>{}</td><td></td>",
                crate::ui::html::esc(&why.to_string())
            )),
            "{html}"
        );
        assert!(
            html.contains(
                "<th scope=\"row\">Accelerators</th><td>–</td><td class=\"differs\">100,000<span class=\"sr-only\"> (differs from the first scenario)</span></td>"
            ),
            "{html}"
        );
        let items =
            vec![("A".to_string(), b, evaluate(&Scenario::default())), ("B".to_string(), bad, Err(why.clone()))];
        let fr = compare_html(&items, Lang::Fr);
        assert!(fr.contains("<th scope=\"row\">Cette combinaison ne peut pas être évaluée</th><td></td><td class=\"differs\">les baies"), "{fr}");
        assert!(fr.contains("<td class=\"differs\">–<span"), "{fr}");
    }

    #[test]
    fn a_change_too_small_to_write_is_not_a_difference() {
        let a = Scenario::default();
        // 1 accelerator more than 100,000 rounds up to one more 8-GPU server.
        let b = Scenario { sizing: crate::model::Sizing::Count(100_001.0), ..Scenario::default() };
        let items = vec![("A".to_string(), a.clone(), evaluate(&a)), ("B".to_string(), b.clone(), evaluate(&b))];
        let html = compare_html(&items, Lang::En);
        let pue = html.split("<th scope=\"row\">PUE (annual)</th>").nth(1).unwrap();
        assert!(!pue.split("</tr>").next().unwrap().contains("differs"), "{pue}");
        let count = html.split("<th scope=\"row\">Accelerators</th>").nth(1).unwrap();
        assert!(count.starts_with("<td>100,000</td><td class=\"differs\">100,008<span class=\"sr-only\"> (differs from the first scenario)</span></td>"), "{count}");
    }

    #[test]
    fn input_rows_list_every_parameter_once() {
        let rows = input_rows(&Scenario::default(), Lang::En);
        assert_eq!(rows.len(), 24);
        assert!(rows.iter().any(|(k, v)| k == "Country (EU member state)" && v == "Germany"));
        assert!(rows.iter().any(|(k, v)| k == "PUE override" && v == "auto"));
        let mut labels: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), rows.len());
    }
}
