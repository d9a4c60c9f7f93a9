//! Every chart of the results, built from the estimate and its analysis.
//! The builders are plain functions (tested natively); the component only
//! memoises them and hands them to [`ChartFigure`].

use crate::charts::bars::{Bar, BarChart};
use crate::charts::series::{cumulative_cost, HistogramChart, LineChart, MonthlyChart, TornadoChart};
use crate::charts::{Chart, Figure};
use crate::format::{format as fmt, sig, unit as unit_of, Style};
use crate::i18n::{Lang, Text};
use crate::model::uncertainty::{Input, Output};
use crate::model::{Analysis, Estimate, Scenario};
use crate::state::use_planner;
use crate::ui::figure::ChartFigure;
use leptos::prelude::*;

fn bars(rows: &[(&str, f64)], unit: &str, lang: Lang, decimals: u8) -> Figure {
    let chart = BarChart {
        bars: rows.iter().enumerate().map(|(i, (l, v))| Bar { label: l.to_string(), value: *v, colour: i }).collect(),
        unit: unit.into(),
        value_labels: rows.iter().map(|(_, v)| sig(*v, lang, decimals)).collect(),
    };
    let table = rows.iter().map(|(l, v)| (l.to_string(), unit_of(sig(*v, lang, decimals), unit))).collect();
    Figure { chart: Chart::Bars(chart), table }
}

/// Power breakdown at design load, MW.
pub fn power_figure(e: &Estimate, lang: Lang) -> Figure {
    let t = lang.text();
    let p = &e.power;
    bars(
        &[
            (t.p_accelerators, p.accelerators.0),
            (t.p_hosts, p.hosts.0),
            (t.p_network, p.network.0),
            (t.p_storage, p.storage.0),
            (t.p_cooling, p.cooling.0),
            (t.p_losses, p.losses.0),
            (t.p_misc, p.misc.0),
        ],
        "MW",
        lang,
        1,
    )
}

/// Energy (GWh) and PUE by month.
pub fn monthly_figure(e: &Estimate, lang: Lang) -> Figure {
    let t = lang.text();
    let columns: Vec<f64> = e.energy_monthly.iter().map(|m| m.gwh()).collect();
    let table = (0..12)
        .map(|m| {
            (
                t.months[m].to_string(),
                format!(
                    "{} GWh · PUE {}",
                    fmt(columns[m], lang, Style::Plain(1)),
                    fmt(e.pue_monthly[m], lang, Style::Plain(3))
                ),
            )
        })
        .collect();
    Figure {
        chart: Chart::Monthly(MonthlyChart {
            months: t.months.iter().map(|m| m.to_string()).collect(),
            columns,
            columns_label: "GWh".into(),
            line: e.pue_monthly.to_vec(),
            line_label: "PUE".into(),
        }),
        table,
    }
}

/// Capex parts, € million.
pub fn capex_figure(e: &Estimate, lang: Lang) -> Figure {
    let t = lang.text();
    let c = &e.capex;
    let m = |x: crate::model::units::Euros| x.0 / 1e6;
    bars(
        &[
            (t.c_systems, m(c.systems)),
            (t.c_network, m(c.network)),
            (t.c_storage, m(c.storage)),
            (t.c_shell, m(c.shell)),
            (t.c_electrical, m(c.electrical)),
            (t.c_mechanical, m(c.mechanical)),
            (t.c_other, m(c.other)),
            (t.c_land_soft, m(c.land_soft)),
        ],
        "M€",
        lang,
        0,
    )
}

/// Opex parts per year, € million.
pub fn opex_figure(e: &Estimate, lang: Lang) -> Figure {
    let t = lang.text();
    let o = &e.opex;
    bars(
        &[
            (t.o_electricity, o.electricity.0 / 1e6),
            (t.o_maintenance, o.maintenance.0 / 1e6),
            (t.o_support, o.support.0 / 1e6),
            (t.o_staff, o.staff.0 / 1e6),
        ],
        "M€",
        lang,
        1,
    )
}

/// Cumulative cost over the horizon, € billion.
pub fn cumulative_figure(e: &Estimate, s: &Scenario, lang: Lang) -> Figure {
    let t = lang.text();
    let purchases = [(e.capex.facility().0, s.facility_life_years), (e.capex.it().0, s.it_life_years)];
    let points = cumulative_cost(purchases, e.opex.total().0, s.years, e.residual_value.0);
    // One row per whole year: where the line steps (opening, a refresh), the
    // cost after the step.
    let whole: Vec<&(f64, f64)> = points.iter().filter(|p| (p.0 - p.0.round()).abs() < 1e-9).collect();
    let table = whole
        .iter()
        .enumerate()
        .filter(|(i, p)| whole.get(i + 1).is_none_or(|n| n.0 != p.0))
        .map(|(_, (y, c))| {
            (format!("{} {}", t.year, fmt(*y, lang, Style::Plain(0))), fmt(*c, lang, Style::EuroCompact))
        })
        .collect();
    Figure { chart: Chart::Line(LineChart { points, y_label: t.eur_bn.into(), y_scale: 1e9 }), table }
}

/// Label of an uncertain input.
pub fn input_label(t: &Text, i: Input) -> &'static str {
    match i {
        Input::Price => t.u_price,
        Input::Carbon => t.u_carbon,
        Input::HardwarePrice => t.u_hardware_price,
        Input::Construction => t.u_construction,
        Input::Cooling => t.u_cooling,
        Input::HostPower => t.u_host_power,
        Input::OpexRules => t.u_opex_rules,
        Input::Mfu => t.u_mfu,
        Input::Goodput => t.u_goodput,
        Input::Embodied => t.u_embodied,
    }
}

/// Tornado of TCO, € billion; inputs that do not move TCO are left out.
pub fn tornado_figure(a: &Analysis, lang: Lang) -> Figure {
    let t = lang.text();
    let base = a.estimate.tco.0;
    let rows: Vec<(String, f64, f64)> = a
        .tornado_tco
        .iter()
        .filter(|s| s.width() > base.abs() * 1e-6)
        .map(|s| (input_label(t, s.input).to_string(), s.at_low, s.at_high))
        .collect();
    let table = rows
        .iter()
        .map(|(l, lo, hi)| {
            (l.clone(), format!("{} – {}", fmt(*lo, lang, Style::EuroCompact), fmt(*hi, lang, Style::EuroCompact)))
        })
        .collect();
    Figure { chart: Chart::Tornado(TornadoChart { base, rows, scale: 1e9 }), table }
}

/// Monte-Carlo distribution of TCO, € billion.
pub fn distribution_figure(a: &Analysis, lang: Lang) -> Figure {
    let h = &a.monte_carlo.tco_histogram;
    let width = if h.len() > 1 { h[1].0 - h[0].0 } else { 1.0 };
    let markers = a
        .monte_carlo
        .get(Output::Tco)
        .map(|p| vec![("P10".to_string(), p.p10), ("P50".into(), p.p50), ("P90".into(), p.p90)])
        .unwrap_or_default();
    let table = markers.iter().map(|(l, v)| (l.clone(), fmt(*v, lang, Style::EuroCompact))).collect();
    Figure { chart: Chart::Histogram(HistogramChart { bins: h.clone(), width, markers, scale: 1e9 }), table }
}

/// All result charts.
#[component]
pub fn Figures() -> impl IntoView {
    let p = use_planner();
    let with_estimate = move |f: fn(&Estimate, Lang) -> Figure| {
        Memo::new(move |_| p.estimate.with(|e| e.as_ref().map(|e| f(e, p.lang.get()))))
    };
    let with_analysis = move |f: fn(&Analysis, Lang) -> Figure| {
        Memo::new(move |_| p.analysis.with(|a| a.as_ref().map(|a| f(a, p.lang.get()))))
    };
    let cumulative = Memo::new(move |_| {
        let lang = p.lang.get();
        p.estimate.with(|e| e.as_ref().map(|e| p.scenario.with(|s| cumulative_figure(e, s, lang))))
    });
    let tr = crate::ui::tx_signal;
    view! {
        <section class="figures">
            <ChartFigure id="chart-power" title=tr(|t| t.chart_power) caption=tr(|t| t.chart_power_caption) figure=with_estimate(power_figure) />
            <ChartFigure id="chart-monthly" title=tr(|t| t.chart_monthly) caption=tr(|t| t.chart_monthly_caption) figure=with_estimate(monthly_figure) />
            <ChartFigure id="chart-capex" title=tr(|t| t.chart_capex) caption=tr(|t| t.chart_capex_caption) figure=with_estimate(capex_figure) />
            <ChartFigure id="chart-opex" title=tr(|t| t.chart_opex) caption=tr(|t| t.chart_opex_caption) figure=with_estimate(opex_figure) />
            <ChartFigure id="chart-cumulative" title=tr(|t| t.chart_cumulative) caption=tr(|t| t.chart_cumulative_caption) figure=cumulative />
            <ChartFigure id="chart-tornado" title=tr(|t| t.chart_tornado) caption=tr(|t| t.chart_tornado_caption) figure=with_analysis(tornado_figure) />
            <ChartFigure id="chart-distribution" title=tr(|t| t.chart_distribution) caption=tr(|t| t.chart_distribution_caption) figure=with_analysis(distribution_figure) />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{analyse_with, evaluate};

    #[test]
    fn power_bars_add_up_to_facility_power() {
        let e = evaluate(&Scenario::default()).unwrap();
        let Chart::Bars(b) = power_figure(&e, Lang::En).chart else { panic!("bars") };
        let sum: f64 = b.bars.iter().map(|b| b.value).sum();
        assert!((sum / e.power.facility_peak.0 - 1.0).abs() < 1e-9, "{sum} vs {}", e.power.facility_peak.0);
    }

    #[test]
    fn monthly_columns_add_up_to_annual_energy() {
        let e = evaluate(&Scenario::default()).unwrap();
        let Chart::Monthly(m) = monthly_figure(&e, Lang::Fr).chart else { panic!("monthly") };
        let sum: f64 = m.columns.iter().sum();
        assert!((sum / e.annual_energy.gwh() - 1.0).abs() < 1e-9);
        assert_eq!(m.months[0], "janv.");
    }

    #[test]
    fn cumulative_cost_ends_at_tco() {
        let s = Scenario::default();
        let e = evaluate(&s).unwrap();
        let f = cumulative_figure(&e, &s, Lang::En);
        let Chart::Line(l) = f.chart else { panic!("line") };
        // Undiscounted: the plain sum the model states beside its present value.
        assert!((l.points.last().unwrap().1 / e.tco_undiscounted.0 - 1.0).abs() < 1e-9);
        // A facility life shorter than the horizon is renewed, as the model counts it.
        let short = Scenario { facility_life_years: 8.0, ..s.clone() };
        let e = evaluate(&short).unwrap();
        let Chart::Line(l) = cumulative_figure(&e, &short, Lang::En).chart else { panic!("line") };
        assert!((l.points.last().unwrap().1 / e.tco_undiscounted.0 - 1.0).abs() < 1e-9);
        // Its table: each year once, from 0 to the horizon, the opening capex at year 0.
        let years: Vec<&str> = f.table.iter().map(|(y, _)| y.as_str()).collect();
        assert_eq!(years.len(), s.years as usize + 1, "{years:?}");
        assert_eq!(f.table[0], ("year 0".to_string(), fmt(e.capex.total().0, Lang::En, Style::EuroCompact)));
    }

    #[test]
    fn tornado_and_distribution_are_built_from_the_analysis() {
        let a = analyse_with(&Scenario::default(), 500, 1).unwrap();
        let Chart::Tornado(t) = tornado_figure(&a, Lang::En).chart else { panic!("tornado") };
        assert!(!t.rows.is_empty());
        assert!(t.rows.windows(2).all(|w| (w[0].2 - w[0].1).abs() >= (w[1].2 - w[1].1).abs()));
        let Chart::Histogram(h) = distribution_figure(&a, Lang::En).chart else { panic!("histogram") };
        assert_eq!(h.bins.iter().map(|b| b.1).sum::<u32>(), 500);
        assert_eq!(h.markers.len(), 3);
    }
}
