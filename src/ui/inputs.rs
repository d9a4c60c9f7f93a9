//! The input panel: every scenario field, grouped, with its sourced default,
//! unit, range and help.

use crate::fields::{cooling_label, rejection_label, sizing_param, sizing_value, Choice, Num, Placeholder};
use crate::fields::{ACCELERATOR, COOLING, COUNTRY, DECARBONISE, HEAT_REJECTION, PRECISION, REDUNDANCY};
use crate::fields::{ECONOMICS, ENERGY, PUE, TRAINING_RATE, TRAINING_SIZE, UTILIZATION};
use crate::format::{format as fmt, smart, Style};
use crate::i18n::{fill_all, Lang};
use crate::model::catalogue::{self, CoolingTech, HeatRejection, Redundancy, ACCELERATORS, COUNTRIES};
use crate::model::scenario::ranges;
use crate::model::{Scenario, Sizing};
use crate::state::use_planner;
use crate::ui::field::{NumberField, SelectField, Slider};
use crate::ui::{tx, tx_signal};
use leptos::prelude::*;

/// One accelerator's key specs for the picker's help line.
fn accelerator_specs(id: &str, lang: Lang) -> String {
    let Some(a) = catalogue::accelerator(id) else { return String::new() };
    let n = |x: f64| smart(x, lang);
    let t = lang.text();
    fill_all(
        t.accelerator_specs,
        &[
            &n(a.tdp_w),
            &n(a.bf16_tflops),
            &n(a.fp8_tflops),
            &n(a.memory_gb),
            &a.per_system.to_string(),
            if a.per_system > 8 { t.spec_rack } else { t.spec_server },
            &n(a.system_kw),
        ],
    )
}

/// One country's site data for the picker's help line.
fn country_facts(code: &str, lang: Lang) -> String {
    let Some(c) = catalogue::country(code) else { return String::new() };
    let mean: f64 = c.monthly_temp_c.iter().sum::<f64>() / 12.0;
    let t = lang.text();
    let est = if c.price_is_estimate { format!(" ({})", t.estimate) } else { String::new() };
    // The condition plant and grid are sized on, beside the climate.
    let d = c.design();
    let design = format!(
        "{} {} °C / {} °C{}",
        t.design_label,
        fmt(d.dry_bulb_c, lang, Style::Plain(1)),
        fmt(d.wet_bulb_c, lang, Style::Plain(1)),
        if d.is_estimate { format!(" ({})", t.estimate) } else { String::new() }
    );
    fill_all(
        t.country_facts,
        &[
            c.city,
            &smart(c.price_eur_per_mwh, lang),
            &est,
            &smart(c.carbon_g_per_kwh, lang),
            &c.carbon_year.to_string(),
            &fmt(mean, lang, Style::Plain(1)),
            &design,
        ],
    )
}

/// The roundest budget, from `step` down to a thousandth of it, that still
/// sizes the factory at `count` accelerators (a budget caps what fits, rounded
/// `up`; a compute target is reached, rounded down), else the exact one: a
/// switch of "Size by" changes how the factory is described, not the factory.
pub fn round_budget(s: &Scenario, count: f64, make: fn(f64) -> Sizing, exact: f64, step: f64, up: bool) -> Sizing {
    let mut step = step;
    for _ in 0..4 {
        let v = if up { (exact / step).ceil() * step } else { (exact / step).floor() * step };
        let candidate = Scenario { sizing: make(v), ..s.clone() };
        if crate::model::evaluate(&candidate).is_ok_and(|e| e.accelerator_count == count) {
            return candidate.sizing;
        }
        step /= 10.0;
    }
    make(exact)
}

/// A select's callback setting one scenario field (a function pointer, for
/// the same reason as [`bind_number`]).
/// A select bound to one choice of the scenario, drawn from its declaration.
fn choice(
    p: crate::state::Planner,
    c: &'static Choice,
    options: Signal<Vec<(String, String)>>,
    help: Signal<String>,
) -> impl IntoView {
    let value = Memo::new(move |_| p.scenario.with(c.value));
    // The select offers only values the declaration takes.
    let on_change = Callback::new(move |v: String| {
        p.edit(|s| {
            let _ = (c.set)(s, &v);
        })
    });
    view! {
        <SelectField id=c.id name=c.name label=Signal::derive(move || (c.label)(p.text()).to_string()) options value on_change help />
    }
}

/// A number field bound to one scenario field through a getter and a setter.
/// Plain function pointers, not closures: the memo and the callback are then
/// one type for every field, generated once in the wasm, not once per field.
fn bind_number(
    p: crate::state::Planner,
    get: fn(&Scenario) -> Option<f64>,
    set: fn(&mut Scenario, Option<f64>),
) -> (Memo<Option<f64>>, Callback<Option<f64>>) {
    (Memo::new(move |_| p.scenario.with(get)), Callback::new(move |v: Option<f64>| p.edit(|s| set(s, v))))
}

/// The field of one [`Num`].
fn number(p: crate::state::Planner, n: &'static Num) -> impl IntoView {
    let (value, on_change) = bind_number(p, n.get, n.set);
    let placeholder = Signal::derive(move || {
        let l = p.lang.get();
        let t = l.text();
        match n.placeholder {
            Some(Placeholder::Country(f)) => p
                .scenario
                .with(|s| catalogue::country(&s.country).map(f))
                .map(|v| format!("{} {}", t.country_default, smart(v, l)))
                .unwrap_or_default(),
            // The PUE alone: not a copy of the whole estimate on every edit.
            Some(Placeholder::SitePue) => p
                .estimate
                .with(|e| e.as_ref().map(|e| e.kpis.pue))
                .map(|pue| format!("{}{}{}", t.auto, t.colon, fmt(pue, l, Style::Plain(3))))
                .unwrap_or_default(),
            None => String::new(),
        }
    });
    view! {
        <NumberField id=n.id name=n.name label=Signal::derive(move || (n.label)(p.text()).to_string()) value on_change
            min=n.min max=n.max step=n.step slider=n.slider optional=n.placeholder.is_some() year=n.year
            unit=Signal::derive(move || n.unit.to_string())
            help=Signal::derive(move || n.help.map(|h| h(p.text()).to_string()).unwrap_or_default())
            placeholder />
    }
}

/// The input panel. `compact` (the embedded view) keeps hardware, site and cooling.
#[component]
pub fn Inputs(#[prop(optional)] compact: bool) -> impl IntoView {
    let p = use_planner();
    let lang = p.lang;

    // Hardware.
    // Memos, not derived closures: views below rebuild only when these values
    // change, not on every edit of any field (the count field must survive typing).
    let mode = Memo::new(move |_| p.scenario.with(|s| sizing_param(&s.sizing).to_string()));
    let mode_options = Signal::derive(move || {
        let t = p.text();
        vec![
            ("count".to_string(), t.size_count.to_string()),
            ("power_mw".into(), t.size_power.into()),
            ("compute_pflops".into(), t.size_compute.into()),
            ("capex_eur".into(), t.size_capex.into()),
        ]
    });
    // Switching mode keeps the same factory: the new budget is what the current one has.
    let on_mode = Callback::new(move |m: String| {
        let e = p.estimate.get_untracked();
        p.edit(|s| {
            let (count, mw, pf, eur) = e
                .map(|e| (e.accelerator_count, e.power.facility_peak.0, e.peak_pflops_bf16, e.capex.total().0))
                .unwrap_or((100_000.0, 200.0, 200_000.0, 5e9));
            s.sizing = match m.as_str() {
                "power_mw" => round_budget(s, count, Sizing::PowerMw, mw, 0.1, true),
                "compute_pflops" => round_budget(s, count, Sizing::ComputePflops, pf, 1.0, false),
                "capex_eur" => round_budget(s, count, Sizing::CapexEur, eur, 1e6, true),
                _ => Sizing::Count(count),
            };
        });
    });
    let sizing_field = move || {
        let m = mode.get();
        let value = Memo::new(move |_| p.scenario.with(|s| Some(sizing_value(&s.sizing))));
        let make = move |v: f64| -> Sizing {
            match m.as_str() {
                "power_mw" => Sizing::PowerMw(v),
                "compute_pflops" => Sizing::ComputePflops(v),
                "capex_eur" => Sizing::CapexEur(v),
                _ => Sizing::Count(v.round()),
            }
        };
        let on_change = Callback::new(move |v: Option<f64>| {
            if let Some(v) = v {
                p.edit(|s| s.sizing = make(v));
            }
        });
        let t = p.text();
        let (id, name, label, unit, min, max): (&'static str, &'static str, &str, &str, f64, f64) =
            match mode.get_untracked().as_str() {
                "power_mw" => ("in-power", "power_mw", t.size_power, "MW", 0.001, ranges::POWER_MW.max),
                "compute_pflops" => {
                    ("in-compute", "compute_pflops", t.size_compute, "PFLOP/s", 0.001, ranges::COMPUTE_PFLOPS.max)
                }
                // Down to €1, as a link may say: below one system's price the model says what it costs.
                // Budgets start where a log slider can (the model takes anything above 0).
                "capex_eur" => ("in-capex", "capex_eur", t.size_capex, "€", 1.0, ranges::CAPEX_EUR.max),
                _ => ("in-count", "count", t.size_count, "", ranges::COUNT.min, ranges::COUNT.max),
            };
        let label = label.to_string();
        let unit = unit.to_string();
        // Accelerators and euros come whole.
        let step = if matches!(name, "count" | "capex_eur") { 1.0 } else { 0.0 };
        // The help speaks of what is sized by.
        let help: fn(&crate::i18n::Text) -> &'static str = match name {
            "power_mw" => |t| t.help_size_power,
            "compute_pflops" => |t| t.help_size_compute,
            "capex_eur" => |t| t.help_size_capex,
            _ => |t| t.help_size,
        };
        view! {
            <NumberField id name label value on_change min max step slider=Slider::Log unit help=tx_signal(help)
                group=matches!(name, "capex_eur" | "compute_pflops") />
        }
    };
    let accel_options =
        Signal::derive(move || ACCELERATORS.iter().map(|a| (a.id.to_string(), a.name.to_string())).collect::<Vec<_>>());

    // Site.
    let country_options = Signal::derive(move || {
        let l = lang.get();
        let mut v: Vec<(String, String)> =
            COUNTRIES.iter().map(|c| (c.code.to_string(), l.country_name(c).to_string())).collect();
        crate::model::sort::insertion_sort_by(&mut v, |a, b| a.1 < b.1);
        v
    });

    // Cooling.
    let cooling_options = Signal::derive(move || {
        let t = p.text();
        CoolingTech::ALL.iter().map(|c| (c.id().to_string(), cooling_label(t, *c).to_string())).collect::<Vec<_>>()
    });
    let rejection_options = Signal::derive(move || {
        let t = p.text();
        HeatRejection::ALL.iter().map(|r| (r.id().to_string(), rejection_label(t, *r).to_string())).collect::<Vec<_>>()
    });
    let redundancy_options = Signal::derive(|| {
        Redundancy::ALL.iter().map(|r| (r.id().to_string(), r.id().to_ascii_uppercase())).collect::<Vec<_>>()
    });

    view! {
        <form class="inputs" aria-label=tx(|t| t.inputs) on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>{tx(|t| t.g_hardware)}</legend>
                <SelectField id="in-size-by" name="size_by" label=tx_signal(|t| t.size_by) options=mode_options value=mode on_change=on_mode />
                {sizing_field}
                {choice(p, &ACCELERATOR, accel_options, Signal::derive(move || p.scenario.with(|s| accelerator_specs(&s.accelerator, lang.get()))))}
                {number(p, &UTILIZATION)}
            </fieldset>
            <fieldset>
                <legend>{tx(|t| t.g_site)}</legend>
                {choice(p, &COUNTRY, country_options, Signal::derive(move || p.scenario.with(|s| country_facts(&s.country, lang.get()))))}
            </fieldset>
            <fieldset>
                <legend>{tx(|t| t.g_cooling)}</legend>
                {choice(p, &COOLING, cooling_options, Signal::default())}
                {choice(p, &HEAT_REJECTION, rejection_options, tx_signal(|t| t.help_heat_rejection))}
                {choice(p, &REDUNDANCY, redundancy_options, Signal::default())}
                {number(p, &PUE)}
            </fieldset>
            {(!compact).then(|| view! {
            <fieldset>
                <legend>{tx(|t| t.g_economics)}</legend>
                {ECONOMICS.iter().map(|n| number(p, n)).collect_view()}
            </fieldset>
            <fieldset>
                <legend>{tx(|t| t.g_energy)}</legend>
                {ENERGY.iter().map(|n| number(p, n)).collect_view()}
                {choice(p, &DECARBONISE, Signal::derive(move || {
                    let t = p.text();
                    vec![("0".to_string(), t.decarbonise_off.to_string()), ("1".into(), t.decarbonise_on.into())]
                }), tx_signal(|t| t.help_decarbonise))}
            </fieldset>
            <fieldset>
                <legend>{tx(|t| t.g_training)}</legend>
                {TRAINING_SIZE.iter().map(|n| number(p, n)).collect_view()}
                {choice(p, &PRECISION, Signal::derive(|| vec![("bf16".to_string(), "BF16".to_string()), ("fp8".into(), "FP8".into())]), Signal::default())}
                {TRAINING_RATE.iter().map(|n| number(p, n)).collect_view()}
            </fieldset>
            })}
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;

    #[test]
    fn a_rounded_budget_sizes_the_same_factory() {
        for n in [8.0, 50_000.0, 100_000.0, 123_456.0] {
            let s = Scenario { sizing: Sizing::Count(n), ..Scenario::default() };
            let e = evaluate(&s).unwrap();
            type Case = (fn(f64) -> Sizing, f64, f64, bool);
            let cases: [Case; 3] = [
                (Sizing::PowerMw, e.power.facility_peak.0, 0.1, true),
                (Sizing::ComputePflops, e.peak_pflops_bf16, 1.0, false),
                (Sizing::CapexEur, e.capex.total().0, 1e6, true),
            ];
            for (make, exact, step, up) in cases {
                let sizing = round_budget(&s, e.accelerator_count, make, exact, step, up);
                let back = evaluate(&Scenario { sizing, ..s.clone() }).unwrap();
                assert_eq!(back.accelerator_count, e.accelerator_count, "{n}: {sizing:?}");
            }
        }
        // Where the roundest budget keeps the count, that is the one given.
        let s = Scenario { sizing: Sizing::Count(50_000.0), ..Scenario::default() };
        let e = evaluate(&s).unwrap();
        let Sizing::CapexEur(eur) =
            round_budget(&s, e.accelerator_count, Sizing::CapexEur, e.capex.total().0, 1e6, true)
        else {
            panic!("a capital budget")
        };
        assert!(eur >= e.capex.total().0 && eur - e.capex.total().0 < 1e6, "{eur}");
    }
}
