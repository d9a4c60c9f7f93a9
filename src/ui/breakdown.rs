//! Detailed result tables: power, cooling and water, cost, carbon, EU rules,
//! heat reuse and context, the training run, and the uncertainty ranges.

use crate::format::{format as fmt, sig, smart, unit, Style};
use crate::i18n::fill;
use crate::i18n::{Lang, Text};
use crate::model::estimate::{ErfDuty, Rule, Status};
use crate::model::uncertainty::Output;
use crate::model::{Analysis, Estimate};
use crate::state::use_planner;
use crate::ui::html::{esc, grid_table, kv_table};
use crate::ui::tx;
use leptos::prelude::*;

type Rows = Vec<(String, String)>;

fn mw(x: f64, l: Lang) -> String {
    unit(sig(x, l, 1), "MW")
}

/// Power rows.
pub fn power_rows(e: &Estimate, t: &Text, l: Lang) -> Rows {
    let p = &e.power;
    vec![
        (t.m_it_power.into(), mw(p.it_design.0, l)),
        (t.r_it_average.into(), mw(p.it_average.0, l)),
        (t.m_facility_power.into(), mw(p.facility_peak.0, l)),
        (t.r_ups.into(), mw(p.ups_capacity.0, l)),
        (t.r_generators.into(), mw(p.generator_capacity.0, l)),
        (t.m_annual_energy.into(), unit(sig(e.annual_energy.gwh(), l, 0), "GWh")),
        (
            t.r_racks.into(),
            format!(
                "{} · {} · {}\u{a0}kW",
                fmt(e.systems, l, Style::Plain(0)),
                fmt(e.racks, l, Style::Plain(0)),
                fmt(e.rack_kw, l, Style::Plain(1))
            ),
        ),
        (t.r_floor.into(), unit(sig(e.floor_area_m2, l, 0), "m²")),
    ]
}

/// Cooling and water rows.
pub fn cooling_rows(e: &Estimate, t: &Text, l: Lang) -> Rows {
    let c = &e.cooling;
    vec![
        (
            t.r_design_day.into(),
            format!(
                "{} °C / {} °C{}",
                fmt(c.design_dry_bulb_c, l, Style::Plain(1)),
                fmt(c.design_wet_bulb_c, l, Style::Plain(1)),
                if c.design_is_estimate { format!(" ({})", t.estimate) } else { String::new() }
            ),
        ),
        (t.r_pue_design.into(), fmt(e.pue_design, l, Style::Plain(3))),
        (t.r_heat.into(), unit(sig(c.heat_design.0, l, 1), "MWth")),
        (t.r_chiller.into(), unit(sig(c.chiller_capacity.0, l, 1), "MWth")),
        (t.r_free.into(), fmt(c.free_cooling_annual(), l, Style::Percent(1))),
        (t.r_water.into(), unit(sig(c.water.0, l, 0), "m³")),
        (t.r_wue.into(), fmt(e.kpis.wue, l, Style::Plain(3))),
    ]
}

/// Free cooling month by month: the site's mean outdoor temperature and the
/// share of the heat rejected without chillers, with a bar (inline SVG:
/// the content security policy allows no inline styles).
pub fn free_cooling_months_html(e: &Estimate, l: Lang) -> String {
    let t = l.text();
    let c = &e.cooling;
    let mut out = format!(
        "<h3 class=\"sub\" id=\"free-by-month\">{}</h3><table class=\"kv months\" aria-labelledby=\"free-by-month\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(t.free_by_month),
        esc(t.month),
        esc(t.outdoor_mean),
        esc(t.chiller_free)
    );
    for ((month, temp), share) in t.months.iter().zip(c.outdoor_temp_monthly_c).zip(c.free_cooling_monthly) {
        let share = if share.is_finite() { share.clamp(0.0, 1.0) } else { 0.0 };
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}\u{a0}°C</td><td><svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" width=\"100\" height=\"10\"></rect><rect width=\"{}\" height=\"10\"></rect></svg>{}</td></tr>",
            esc(month),
            esc(&fmt(temp, l, Style::Fixed(1))),
            crate::num::fixed(share * 100.0, 1),
            esc(&fmt(share, l, Style::Percent(0)))
        ));
    }
    out.push_str("</tbody></table>");
    out
}

/// Cost rows.
pub fn cost_rows(e: &Estimate, t: &Text, l: Lang) -> Rows {
    let c = &e.capex;
    let o = &e.opex;
    let eur = |x: f64| fmt(x, l, Style::EuroCompact);
    vec![
        (t.c_systems.into(), eur(c.systems.0)),
        (t.c_network.into(), eur(c.network.0)),
        (t.c_storage.into(), eur(c.storage.0)),
        (t.c_shell.into(), eur(c.shell.0)),
        (t.c_electrical.into(), eur(c.electrical.0)),
        (t.c_mechanical.into(), eur(c.mechanical.0)),
        (t.c_other.into(), eur(c.other.0)),
        (t.c_land_soft.into(), eur(c.land_soft.0)),
        (t.m_capex.into(), eur(c.total().0)),
        (t.o_electricity.into(), eur(o.electricity.0)),
        (t.o_maintenance.into(), eur(o.maintenance.0)),
        (t.o_support.into(), eur(o.support.0)),
        (t.o_staff.into(), eur(o.staff.0)),
        (t.o_heat_revenue.into(), eur(o.heat_revenue.0)),
        (t.m_opex.into(), eur(o.total().0)),
        (t.r_annualised.into(), eur(e.annualised_capex.0)),
        (t.m_tco.into(), eur(e.tco.0)),
        (t.m_cost_hour.into(), fmt(e.cost_per_gpu_hour.0, l, Style::Euro2)),
        (t.r_cost_pflop.into(), eur(e.cost_per_pflop_year.0)),
        (t.r_price_used.into(), unit(smart(e.price_eur_per_mwh, l), "€/MWh")),
    ]
}

/// Carbon rows.
pub fn carbon_rows(e: &Estimate, t: &Text, l: Lang) -> Rows {
    let c = &e.carbon;
    let tonnes = |x: f64| unit(sig(x, l, 0), "t");
    vec![
        (t.r_carbon_used.into(), unit(smart(e.carbon_g_per_kwh, l), "gCO₂e/kWh")),
        (t.r_location.into(), tonnes(c.location_per_year.0)),
        (t.r_market.into(), tonnes(c.market_per_year.0)),
        (t.r_market_frozen.into(), tonnes(c.market_per_year_frozen.0)),
        (t.r_decarbonisation.into(), fmt(1.0 - c.decarbonisation_factor, l, Style::Percent(0))),
        (t.r_embodied_hw.into(), tonnes(c.embodied_hardware.0)),
        (t.r_embodied_bldg.into(), tonnes(c.embodied_building.0)),
        (t.r_embodied_year.into(), tonnes(c.embodied_per_year.0)),
    ]
}

/// Heat-reuse and context rows.
pub fn context_rows(e: &Estimate, t: &Text, l: Lang) -> Rows {
    vec![
        (t.r_exported.into(), unit(sig(e.heat.exported.0, l, 0), "MWh")),
        (t.r_delivered.into(), unit(sig(e.heat.delivered.0, l, 0), "MWh")),
        (t.r_homes.into(), fmt(e.heat.homes_heated, l, Style::Plain(0))),
        (t.r_share_country.into(), fmt(e.context.share_of_country, l, Style::Percent(2))),
        (t.r_share_eu.into(), fmt(e.context.share_of_eu, l, Style::Percent(3))),
        (t.r_households.into(), fmt(e.context.households_equivalent, l, Style::Plain(0))),
    ]
}

/// Training rows.
pub fn training_rows(e: &Estimate, t: &Text, l: Lang) -> Rows {
    let r = &e.training;
    vec![
        (t.r_flop.into(), unit(crate::num::sci_digits(r.flop, 3), "FLOP")),
        (t.m_train_days.into(), unit(sig(r.days.0, l, 1), t.days)),
        (t.r_gpu_hours.into(), fmt(r.accelerator_hours, l, Style::Plain(0))),
        (t.m_train_energy.into(), unit(sig(r.energy.0, l, 0), "MWh")),
        (t.m_train_co2.into(), unit(sig(r.co2.0, l, 0), "t")),
        (t.m_train_cost.into(), fmt(r.cost.0, l, Style::EuroCompact)),
        (
            t.r_mfu.into(),
            format!(
                "{} ({})",
                fmt(r.mfu, l, Style::Percent(0)),
                if r.mfu_is_catalogue_default { t.mfu_catalogue } else { t.mfu_yours }
            ),
        ),
        (t.r_precision_speedup.into(), format!("× {}", fmt(r.precision_speedup, l, Style::Plain(2)))),
        (t.r_scale_efficiency.into(), fmt(r.scale_efficiency, l, Style::Percent(1))),
    ]
}

/// The training run's note when its time is extrapolated beyond published scales.
fn training_note(e: &Estimate, l: Lang) -> String {
    if e.training.extrapolated {
        format!("<p class=\"note\" id=\"train-extrapolated\">{}</p>", esc(l.text().extrapolated_note))
    } else {
        String::new()
    }
}

/// Label of a Monte-Carlo output.
pub fn output_label(t: &Text, o: Output) -> &'static str {
    match o {
        Output::FacilityPower => t.m_facility_power,
        Output::Pue => t.m_pue,
        Output::AnnualEnergy => t.m_annual_energy,
        Output::Capex => t.m_capex,
        Output::Opex => t.m_opex,
        Output::Tco => t.m_tco,
        Output::CostPerGpuHour => t.m_cost_hour,
        Output::Co2 => t.m_co2,
        Output::Water => t.m_water,
        Output::TrainDays => t.m_train_days,
        Output::TrainCost => t.m_train_cost,
    }
}

/// Uncertainty rows: P10 / P50 / P90 of every tracked output.
pub fn uncertainty_rows(a: &Analysis, t: &Text, l: Lang) -> Vec<(String, [String; 3])> {
    a.monte_carlo
        .percentiles
        .iter()
        .map(|p| {
            // As the output's headline card writes it, unit included.
            let f = |x: f64| crate::ui::kpis::display_metric(p.output.metric(), x, l);
            (output_label(t, p.output).to_string(), [f(p.p10), f(p.p50), f(p.p90)])
        })
        .collect()
}

fn rule_label(t: &Text, r: Rule) -> &'static str {
    match r {
        Rule::EedReporting => t.rule_eed,
        Rule::EnefgPue => t.rule_enefg_pue,
        Rule::EnefgErf => t.rule_enefg_erf,
        Rule::EnefgRenewable => t.rule_enefg_ren,
    }
}

fn status_label(t: &Text, s: Status) -> &'static str {
    match s {
        Status::Pass => t.s_pass,
        Status::Fail => t.s_fail,
        Status::Applies => t.s_applies,
        Status::NotApplicable => t.s_na,
    }
}

/// A titled panel whose rows derive from the estimate.
#[component]
fn Panel(
    #[prop(into)] title: Signal<String>,
    rows: fn(&Estimate, &Text, Lang) -> Rows,
    id: &'static str,
    /// More markup after the rows.
    #[prop(optional)]
    extra: Option<fn(&Estimate, Lang) -> String>,
    /// A headline metric the panel leads with, carried as the cards carry
    /// theirs (`data-metric`, `data-value`, `data-stale`).
    #[prop(optional)]
    metric: Option<&'static str>,
) -> impl IntoView {
    let p = use_planner();
    let section = NodeRef::<leptos::html::Section>::new();
    let lead = metric.map(|metric| {
        let value = crate::ui::when_seen(crate::ui::near_view(section), move || {
            p.estimate.with(|e| e.as_ref().and_then(|e| crate::ui::kpis::metric_value(e, metric)))
        });
        view! {
            <p class="panel-metric" data-metric=metric data-value=move || value.get().map(crate::num::plain)
                data-stale=crate::ui::kpis::stale_attr(p, value)>
                <span>{move || crate::ui::kpis::metric_label(metric, p.text())}</span>
                " "
                <strong>{move || value.get().map_or_else(|| "—".to_string(), |v| crate::ui::kpis::display_metric(metric, v, p.lang.get()))}</strong>
            </p>
        }
    });
    let body = crate::ui::when_seen(crate::ui::near_view(section), move || {
        let l = p.lang.get();
        p.estimate.with(|e| {
            e.as_ref()
                .map(|e| {
                    let mut html = kv_table(&rows(e, l.text(), l), "kv");
                    if let Some(extra) = extra {
                        html.push_str(&extra(e, l));
                    }
                    html
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="panel" id=id node_ref=section>
            <h2>{move || title.get()}</h2>
            {lead}
            <div inner_html=move || body.get()></div>
        </section>
    }
}

/// The EED indicators and rule checks as HTML.
pub fn rules_html(e: &Estimate, l: Lang) -> String {
    let t = l.text();
    let k = e.kpis;
    let mut out = String::from("<div class=\"eed-kpis\">");
    for (label, value) in [
        (t.kpi_pue, fmt(k.pue, l, Style::Plain(3))),
        (t.kpi_wue, fmt(k.wue, l, Style::Plain(3))),
        (t.kpi_erf, fmt(k.erf, l, Style::Percent(1))),
        (t.kpi_ref, fmt(k.ref_, l, Style::Percent(0))),
    ] {
        out.push_str(&format!("<div><span>{}</span><strong>{}</strong></div>", esc(label), esc(&value)));
    }
    out.push_str("</div><ul class=\"checks\">");
    let item = |out: &mut String, rule: &str, status: Status, label: &str| {
        let class = match status {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Applies => "applies",
            Status::NotApplicable => "na",
        };
        out.push_str(&format!(
            "<li class=\"check {class}\" data-rule=\"{rule}\" data-status=\"{status:?}\"><span class=\"badge\">{}</span><span>{}</span></li>",
            esc(status_label(t, status)),
            esc(label)
        ));
    };
    for c in &e.checks {
        // The limits follow the opening year: written as the check has them.
        let label = match c.rule {
            Rule::EnefgPue => fill(t.rule_enefg_pue, &fmt(c.limit, l, Style::Plain(1))),
            Rule::EnefgErf => {
                // The tier of the opening year (§11(2)) wherever the site is; before
                // 2026, the first tier (the note below says no target applies).
                let tier = crate::model::compute::enefg_erf_target(e.rules.opening_year.max(2026.0));
                fill(t.rule_enefg_erf, &fmt(tier, l, Style::Percent(0)))
            }
            r => rule_label(t, r).to_string(),
        };
        item(&mut out, &format!("{:?}", c.rule), c.status, &label);
    }
    item(&mut out, "EedHeatCba", e.rules.eed_heat_cba.status, t.rule_eed_heat);
    out.push_str("</ul>");
    // Why the reuse target binds or not, where there is something to say.
    let why = match e.rules.erf_duty {
        ErfDuty::NoOfftaker => Some(t.erf_no_offtaker),
        ErfDuty::OpenedBefore2026 => Some(t.erf_before_2026),
        ErfDuty::BelowThreshold => Some(t.erf_below_threshold),
        ErfDuty::NotGerman | ErfDuty::Target => None,
    };
    if let Some(why) = why {
        out.push_str(&format!("<p class=\"note\" id=\"erf-duty\">{}</p>", esc(why)));
    }
    out
}

/// EED indicators and rule checks.
#[component]
fn Rules() -> impl IntoView {
    let p = use_planner();
    let section = NodeRef::<leptos::html::Section>::new();
    let body = crate::ui::when_seen(crate::ui::near_view(section), move || {
        p.estimate.with(|e| e.as_ref().map(|e| rules_html(e, p.lang.get())).unwrap_or_default())
    });
    view! {
        <section class="panel" id="rules" node_ref=section>
            <h2>{tx(|t| t.h_rules)}</h2>
            <div inner_html=move || body.get()></div>
        </section>
    }
}

/// Monte-Carlo ranges.
#[component]
fn Uncertainty() -> impl IntoView {
    let p = use_planner();
    let body = move || {
        let l = p.lang.get();
        let t = l.text();
        p.analysis.with(|a| {
            a.as_ref()
                .map(|a| {
                    let rows: Vec<(String, Vec<String>)> =
                        uncertainty_rows(a, t, l).into_iter().map(|(k, v)| (k, v.to_vec())).collect();
                    let head = [t.item.to_string(), "P10".into(), "P50".into(), "P90".into()];
                    grid_table("kv ranges", &head, &rows, &[], "")
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="panel wide" id="uncertainty">
            <h2>{tx(|t| t.h_uncertainty)}</h2>
            <p class="note">{tx(|t| t.mc_note)}</p>
            <div inner_html=body></div>
        </section>
    }
}

/// All detail panels.
#[component]
pub fn Breakdown() -> impl IntoView {
    let tr = crate::ui::tx_signal;
    view! {
        <div class="panels flow">
            <Panel id="panel-power" title=tr(|t| t.h_power) rows=power_rows metric="grid_connection_mw" />
            <Panel id="panel-cooling" title=tr(|t| t.h_cooling) rows=cooling_rows extra=free_cooling_months_html />
            <Panel id="panel-cost" title=tr(|t| t.h_cost) rows=cost_rows />
            <Panel id="panel-carbon" title=tr(|t| t.h_carbon) rows=carbon_rows />
            <Rules />
            <Panel id="panel-context" title=tr(|t| t.h_context) rows=context_rows />
            <Panel id="panel-training" title=tr(|t| t.h_training) rows=training_rows extra=training_note />
            <Uncertainty />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{analyse_with, evaluate, Scenario};

    #[test]
    fn every_range_carries_its_unit_and_the_precision_of_its_card() {
        let a = analyse_with(&Scenario::default(), 500, 1).unwrap();
        for l in [Lang::En, Lang::Fr] {
            let rows = uncertainty_rows(&a, l.text(), l);
            assert_eq!(rows.len(), a.monte_carlo.percentiles.len());
            for ((label, cells), p) in rows.iter().zip(&a.monte_carlo.percentiles) {
                let unit = match p.output {
                    Output::FacilityPower => "MW",
                    Output::AnnualEnergy => "GWh",
                    Output::Co2 => "t",
                    Output::Water => "m³",
                    Output::TrainDays => l.text().days,
                    Output::Pue => {
                        // A bare ratio to three decimals, as on its card.
                        for (c, v) in cells.iter().zip([p.p10, p.p50, p.p90]) {
                            let read: f64 = c.replace(',', ".").parse().unwrap();
                            assert!((read - v).abs() <= 0.0005 + 1e-12, "{label}: {c} for {v}");
                        }
                        continue;
                    }
                    _ => "€",
                };
                for c in cells {
                    assert!(c.contains(unit), "{label}: {c} lacks {unit}");
                }
            }
            // Energy to the GWh, as on its card, not rounded to thousands.
            let energy = a.monte_carlo.percentiles.iter().position(|p| p.output == Output::AnnualEnergy).unwrap();
            assert!(rows[energy].1[1].chars().filter(char::is_ascii_digit).count() >= 3, "{:?}", rows[energy]);
        }
    }

    #[test]
    fn free_cooling_by_month_has_a_row_and_a_bar_per_month() {
        let e = evaluate(&Scenario::default()).unwrap();
        let html = free_cooling_months_html(&e, Lang::Fr);
        assert!(html.contains("Refroidissement libre par mois"));
        assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 12);
        assert!(html.contains("<th scope=\"row\">janv.</th>"), "{html}");
        // Each bar's width is the month's chiller-free share, in percent.
        let widths: Vec<f64> =
            html.split("<rect width=\"").skip(1).map(|w| w.split('"').next().unwrap().parse().unwrap()).collect();
        assert_eq!(widths.len(), 12);
        for (w, s) in widths.iter().zip(e.cooling.free_cooling_monthly) {
            assert!((w - s * 100.0).abs() < 0.051, "{w} vs {s}");
        }
        // French decimals, one per temperature.
        let jan = crate::format::fallback(e.cooling.outdoor_temp_monthly_c[0], Lang::Fr, Style::Fixed(1));
        assert!(jan.contains(','), "{jan}");
        assert!(html.contains(&format!("{jan}\u{a0}°C")), "{html}");
    }

    #[test]
    fn the_training_run_writes_days_and_whole_accelerator_hours() {
        let e = evaluate(&Scenario::default()).unwrap();
        let rows = training_rows(&e, Lang::En.text(), Lang::En);
        assert!(rows[1].1.ends_with("\u{a0}days"), "{:?}", rows[1]);
        let digits: String = rows[2].1.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(digits, crate::num::fixed(e.training.accelerator_hours, 0));
    }
}
