//! The input panel: every scenario field, grouped, with its sourced default,
//! unit, range and help.

use crate::fields::{Num, Placeholder, ECONOMICS, ENERGY, PUE, TRAINING_RATE, TRAINING_SIZE, UTILIZATION};
use crate::format::{format as fmt, smart, Style};
use crate::i18n::{Lang, Text};
use crate::model::catalogue::{self, CoolingTech, HeatRejection, Redundancy, ACCELERATORS, COUNTRIES};
use crate::model::scenario::MAX_ACCELERATORS;
use crate::model::{Precision, Scenario, Sizing};
use crate::state::use_planner;
use crate::ui::field::{NumberField, SelectField, Slider};
use crate::ui::{tx, tx_signal};
use leptos::prelude::*;

/// A cooling technology as the inputs name it.
pub fn cooling_label(t: &Text, c: CoolingTech) -> &'static str {
    match c {
        CoolingTech::Air => t.cooling_air,
        CoolingTech::Rdhx => t.cooling_rdhx,
        CoolingTech::Dlc => t.cooling_dlc,
        CoolingTech::Immersion => t.cooling_immersion,
    }
}

/// A heat-rejection plant as the inputs name it.
pub fn rejection_label(t: &Text, r: HeatRejection) -> &'static str {
    match r {
        HeatRejection::Dry => t.rejection_dry,
        HeatRejection::Adiabatic => t.rejection_adiabatic,
        HeatRejection::Tower => t.rejection_tower,
        HeatRejection::Economiser => t.rejection_economiser,
    }
}

/// The name of the way a scenario is sized, as the "Size by" list writes it.
pub fn sizing_label(t: &Text, s: &Sizing) -> &'static str {
    match s {
        Sizing::Count(_) => t.size_count,
        Sizing::PowerMw(_) => t.size_power,
        Sizing::ComputePflops(_) => t.size_compute,
        Sizing::CapexEur(_) => t.size_capex,
    }
}

/// Which sizing mode a scenario uses, as the select's value.
fn sizing_mode(s: &Sizing) -> &'static str {
    match s {
        Sizing::Count(_) => "count",
        Sizing::PowerMw(_) => "power_mw",
        Sizing::ComputePflops(_) => "compute_pflops",
        Sizing::CapexEur(_) => "capex_eur",
    }
}

pub fn sizing_value(s: &Sizing) -> f64 {
    match *s {
        Sizing::Count(v) | Sizing::PowerMw(v) | Sizing::ComputePflops(v) | Sizing::CapexEur(v) => v,
    }
}

/// One accelerator's key specs for the picker's help line.
fn accelerator_specs(id: &str, lang: Lang) -> String {
    let Some(a) = catalogue::accelerator(id) else { return String::new() };
    let n = |x: f64| smart(x, lang);
    match lang {
        Lang::En => format!(
            "{} W TDP · {} TFLOP/s BF16 · {} FP8 · {} GB HBM · {} per {} of {} kW",
            n(a.tdp_w),
            n(a.bf16_tflops),
            n(a.fp8_tflops),
            n(a.memory_gb),
            a.per_system,
            if a.per_system > 8 { "rack" } else { "server" },
            n(a.system_kw)
        ),
        Lang::Fr => format!(
            "TDP {} W · {} TFLOP/s BF16 · {} FP8 · {} Go HBM · {} par {} de {} kW",
            n(a.tdp_w),
            n(a.bf16_tflops),
            n(a.fp8_tflops),
            n(a.memory_gb),
            a.per_system,
            if a.per_system > 8 { "baie" } else { "serveur" },
            n(a.system_kw)
        ),
    }
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
    match lang {
        Lang::En => format!(
            "{}: {} €/MWh{est} · {} gCO₂e/kWh ({}) · mean {} °C · {design}",
            c.city,
            smart(c.price_eur_per_mwh, lang),
            smart(c.carbon_g_per_kwh, lang),
            c.carbon_year,
            fmt(mean, lang, Style::Plain(1))
        ),
        Lang::Fr => format!(
            "{}\u{a0}: {} €/MWh{est} · {} gCO₂e/kWh ({}) · moyenne {} °C · {design}",
            c.city,
            smart(c.price_eur_per_mwh, lang),
            smart(c.carbon_g_per_kwh, lang),
            c.carbon_year,
            fmt(mean, lang, Style::Plain(1))
        ),
    }
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
fn bind_choice(p: crate::state::Planner, set: fn(&mut Scenario, &str)) -> Callback<String> {
    Callback::new(move |v: String| p.edit(|s| set(s, &v)))
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
                .map(|pue| {
                    format!(
                        "{}{} {}",
                        t.auto,
                        if l == Lang::Fr { "\u{a0}:" } else { ":" },
                        fmt(pue, l, Style::Plain(3))
                    )
                })
                .unwrap_or_default(),
            None => String::new(),
        }
    });
    view! {
        <NumberField id=n.id name=n.name label=Signal::derive(move || (n.label)(p.text()).to_string()) value on_change
            min=n.min max=n.max step=n.step slider=n.slider optional=n.placeholder.is_some()
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
    let mode = Memo::new(move |_| p.scenario.with(|s| sizing_mode(&s.sizing).to_string()));
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
                "power_mw" => ("in-power", "power_mw", t.size_power, "MW", 0.001, 100_000.0),
                "compute_pflops" => ("in-compute", "compute_pflops", t.size_compute, "PFLOP/s", 0.001, 1.0e9),
                // Down to €1, as a link may say: below one system's price the model says what it costs.
                "capex_eur" => ("in-capex", "capex_eur", t.size_capex, "€", 1.0, 1.0e13),
                _ => ("in-count", "count", t.size_count, "", 1.0, MAX_ACCELERATORS),
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
        let mut v: Vec<(String, String)> = COUNTRIES
            .iter()
            .map(|c| (c.code.to_string(), if l == Lang::Fr { c.name_fr } else { c.name }.to_string()))
            .collect();
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

    let str_field = move |get: fn(&Scenario) -> String| Memo::new(move |_| p.scenario.with(get));

    view! {
        <form class="inputs" aria-label=tx(|t| t.inputs) on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>{tx(|t| t.g_hardware)}</legend>
                <SelectField id="in-size-by" name="size_by" label=tx_signal(|t| t.size_by) options=mode_options value=mode on_change=on_mode />
                {sizing_field}
                <SelectField
                    id="in-accelerator"
                    name="accelerator"
                    label=tx_signal(|t| t.accelerator)
                    options=accel_options
                    value=str_field(|s| s.accelerator.clone())
                    on_change=bind_choice(p, |s, v| s.accelerator = v.to_string())
                    help=Signal::derive(move || p.scenario.with(|s| accelerator_specs(&s.accelerator, lang.get())))
                />
                {number(p, &UTILIZATION)}
            </fieldset>
            <fieldset>
                <legend>{tx(|t| t.g_site)}</legend>
                <SelectField
                    id="in-country"
                    name="country"
                    label=tx_signal(|t| t.country)
                    options=country_options
                    value=str_field(|s| s.country.clone())
                    on_change=bind_choice(p, |s, v| s.country = v.to_string())
                    help=Signal::derive(move || p.scenario.with(|s| country_facts(&s.country, lang.get())))
                />
            </fieldset>
            <fieldset>
                <legend>{tx(|t| t.g_cooling)}</legend>
                <SelectField id="in-cooling" name="cooling" label=tx_signal(|t| t.cooling) options=cooling_options
                    value=str_field(|s| s.cooling.id().to_string())
                    on_change=bind_choice(p, |s, v| if let Some(c) = CoolingTech::from_id(v) { s.cooling = c }) />
                <SelectField id="in-heat-rejection" name="heat_rejection" label=tx_signal(|t| t.heat_rejection) options=rejection_options
                    help=tx_signal(|t| t.help_heat_rejection)
                    value=str_field(|s| s.heat_rejection.id().to_string())
                    on_change=bind_choice(p, |s, v| if let Some(r) = HeatRejection::from_id(v) { s.heat_rejection = r }) />
                <SelectField id="in-redundancy" name="redundancy" label=tx_signal(|t| t.redundancy) options=redundancy_options
                    value=str_field(|s| s.redundancy.id().to_string())
                    on_change=bind_choice(p, |s, v| if let Some(r) = Redundancy::from_id(v) { s.redundancy = r }) />
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
                <SelectField id="in-decarbonise" name="decarbonise" label=tx_signal(|t| t.decarbonise)
                    options=Signal::derive(move || {
                        let t = p.text();
                        vec![("0".to_string(), t.decarbonise_off.to_string()), ("1".into(), t.decarbonise_on.into())]
                    })
                    value=str_field(|s| if s.decarbonise { "1".into() } else { "0".into() })
                    on_change=bind_choice(p, |s, v| s.decarbonise = v == "1")
                    help=tx_signal(|t| t.help_decarbonise) />
            </fieldset>
            <fieldset>
                <legend>{tx(|t| t.g_training)}</legend>
                {TRAINING_SIZE.iter().map(|n| number(p, n)).collect_view()}
                <SelectField id="in-precision" name="precision" label=tx_signal(|t| t.precision)
                    options=Signal::derive(|| vec![("bf16".to_string(), "BF16".to_string()), ("fp8".into(), "FP8".into())])
                    value=str_field(|s| match s.training.precision { Precision::Bf16 => "bf16".into(), Precision::Fp8 => "fp8".into() })
                    on_change=bind_choice(p, |s, v| s.training.precision = if v == "fp8" { Precision::Fp8 } else { Precision::Bf16 }) />
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
