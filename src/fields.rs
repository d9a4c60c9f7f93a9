//! One declaration per input of the scenario: its element id, its `name` (the
//! URL parameter), label, help, unit, slider and how it reads and writes the
//! scenario; a number's range and the model's name for it (in refusals) come
//! from the model's declaration of its range ([`ranges`]). The form, the URL
//! reader and writer, the compare and print rows, the refusals' labels and the
//! link fallback are all driven from these tables ([`inputs`] gives the order).

use crate::i18n::{Lang, Text};
use crate::model::catalogue::{self, CoolingTech, HeatRejection, Redundancy};
use crate::model::scenario::ranges::{self, Range};
use crate::model::{Precision, Scenario, Sizing};
use crate::ui::field::Slider;

/// Why a link's value of a choice was refused (the codec's English; the
/// French beside it in `url_state::reason_in`).
pub const UNKNOWN_ACCELERATOR: &str = "unknown accelerator";
pub const NOT_A_COUNTRY: &str = "not an EU member state code";
pub const UNKNOWN_COOLING: &str = "unknown cooling technology";
pub const UNKNOWN_REJECTION: &str = "unknown heat rejection";
pub const UNKNOWN_REDUNDANCY: &str = "unknown redundancy";
pub const UNKNOWN_PRECISION: &str = "unknown precision";
pub const NOT_A_SWITCH: &str = "not 1 or 0";

/// One choice of the scenario (a select): its element id, `name` (the URL
/// parameter), label, and how it reads and writes the scenario.
pub struct Choice {
    pub id: &'static str,
    pub name: &'static str,
    pub label: fn(&Text) -> &'static str,
    /// The select's value, as links write it.
    pub value: fn(&Scenario) -> String,
    /// Whether a link writes it (a switch that is off is left out, so links
    /// written before it existed read the same).
    pub written: fn(&Scenario) -> bool,
    /// Take a value (from the select or a link), or say why not.
    pub set: fn(&mut Scenario, &str) -> Result<(), &'static str>,
    /// The value as the inputs show it.
    pub show: fn(&Scenario, Lang) -> String,
}

pub const ACCELERATOR: Choice = Choice {
    id: "in-accelerator",
    name: "accelerator",
    label: |t| t.accelerator,
    value: |s| s.accelerator.clone(),
    written: |_| true,
    set: |s, v| {
        s.accelerator = catalogue::accelerator(v).ok_or(UNKNOWN_ACCELERATOR)?.id.to_string();
        Ok(())
    },
    show: |s, _| catalogue::accelerator(&s.accelerator).map_or(s.accelerator.clone(), |a| a.name.into()),
};

pub const COUNTRY: Choice = Choice {
    id: "in-country",
    name: "country",
    label: |t| t.country,
    value: |s| s.country.clone(),
    written: |_| true,
    set: |s, v| {
        s.country = catalogue::country(v).ok_or(NOT_A_COUNTRY)?.code.to_string();
        Ok(())
    },
    show: |s, l| catalogue::country(&s.country).map_or(s.country.clone(), |c| l.country_name(c).into()),
};

pub const COOLING: Choice = Choice {
    id: "in-cooling",
    name: "cooling",
    label: |t| t.cooling,
    value: |s| s.cooling.id().into(),
    written: |_| true,
    set: |s, v| {
        s.cooling = CoolingTech::from_id(v).ok_or(UNKNOWN_COOLING)?;
        Ok(())
    },
    show: |s, l| cooling_label(l.text(), s.cooling).into(),
};

pub const HEAT_REJECTION: Choice = Choice {
    id: "in-heat-rejection",
    name: "heat_rejection",
    label: |t| t.heat_rejection,
    value: |s| s.heat_rejection.id().into(),
    written: |_| true,
    set: |s, v| {
        s.heat_rejection = HeatRejection::from_id(v).ok_or(UNKNOWN_REJECTION)?;
        Ok(())
    },
    show: |s, l| rejection_label(l.text(), s.heat_rejection).into(),
};

pub const REDUNDANCY: Choice = Choice {
    id: "in-redundancy",
    name: "redundancy",
    label: |t| t.redundancy,
    value: |s| s.redundancy.id().into(),
    written: |_| true,
    // A `+` that a query string turned into a space is still a `+`.
    set: |s, v| {
        s.redundancy = Redundancy::from_id(&v.replace(' ', "+")).ok_or(UNKNOWN_REDUNDANCY)?;
        Ok(())
    },
    show: |s, _| s.redundancy.id().to_ascii_uppercase(),
};

pub const DECARBONISE: Choice = Choice {
    id: "in-decarbonise",
    name: "decarbonise",
    label: |t| t.decarbonise,
    value: |s| if s.decarbonise { "1" } else { "0" }.into(),
    written: |s| s.decarbonise,
    set: |s, v| {
        s.decarbonise = match v.trim() {
            "1" | "true" => true,
            "0" | "false" => false,
            _ => return Err(NOT_A_SWITCH),
        };
        Ok(())
    },
    show: |s, l| {
        let t = l.text();
        if s.decarbonise { t.decarbonise_on } else { t.decarbonise_off }.into()
    },
};

pub const PRECISION: Choice = Choice {
    id: "in-precision",
    name: "precision",
    label: |t| t.precision,
    value: |s| match s.training.precision {
        Precision::Bf16 => "bf16".into(),
        Precision::Fp8 => "fp8".into(),
    },
    written: |_| true,
    set: |s, v| {
        s.training.precision = match v.trim().to_ascii_lowercase().as_str() {
            "bf16" => Precision::Bf16,
            "fp8" => Precision::Fp8,
            _ => return Err(UNKNOWN_PRECISION),
        };
        Ok(())
    },
    show: |s, _| match s.training.precision {
        Precision::Bf16 => "BF16".into(),
        Precision::Fp8 => "FP8".into(),
    },
};

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

/// The URL parameter of a sizing mode (also the "Size by" select's value).
pub fn sizing_param(s: &Sizing) -> &'static str {
    match s {
        Sizing::Count(_) => "count",
        Sizing::PowerMw(_) => "power_mw",
        Sizing::ComputePflops(_) => "compute_pflops",
        Sizing::CapexEur(_) => "capex_eur",
    }
}

/// The budget or count a scenario is sized by.
pub fn sizing_value(s: &Sizing) -> f64 {
    match *s {
        Sizing::Count(v) | Sizing::PowerMw(v) | Sizing::ComputePflops(v) | Sizing::CapexEur(v) => v,
    }
}

/// One input of the scenario, in the form's order.
#[derive(Clone, Copy)]
pub enum Input {
    /// "Size by" and its count or budget.
    Sizing,
    Choice(&'static Choice),
    Num(&'static Num),
}

/// Every input of the scenario, in the form's order: links, compare and the
/// print head list them so.
pub fn inputs() -> impl Iterator<Item = Input> {
    INPUTS.iter().copied()
}

/// The inputs in the form's order, as one table (a chain of iterators here was
/// instantiated again by each reader: 0.5 KB of wasm each).
static INPUTS: [Input; 24] = {
    use Input::{Choice as C, Num as N};
    [
        Input::Sizing,
        C(&ACCELERATOR),
        N(&UTILIZATION),
        C(&COUNTRY),
        C(&COOLING),
        C(&HEAT_REJECTION),
        C(&REDUNDANCY),
        N(&PUE),
        N(&ECONOMICS[0]),
        N(&ECONOMICS[1]),
        N(&ECONOMICS[2]),
        N(&ECONOMICS[3]),
        N(&ECONOMICS[4]),
        N(&ECONOMICS[5]),
        N(&ENERGY[0]),
        N(&ENERGY[1]),
        N(&ENERGY[2]),
        N(&ENERGY[3]),
        C(&DECARBONISE),
        N(&TRAINING_SIZE[0]),
        N(&TRAINING_SIZE[1]),
        C(&PRECISION),
        N(&TRAINING_RATE[0]),
        N(&TRAINING_RATE[1]),
    ]
};

/// The choice with URL parameter `name`.
pub fn choice(name: &str) -> Option<&'static Choice> {
    inputs().find_map(|i| match i {
        Input::Choice(c) if c.name == name => Some(c),
        _ => None,
    })
}

/// What an empty optional field stands for, said in its placeholder.
#[derive(Clone, Copy)]
pub enum Placeholder {
    /// The country's figure.
    Country(fn(&catalogue::Country) -> f64),
    /// The PUE the model computes for the site.
    SitePue,
}

/// One number input of the scenario: its element id, its `name` (the URL
/// parameter), label, help, unit, range, slider and how it reads and writes
/// the scenario. The form is drawn from these tables.
pub struct Num {
    pub id: &'static str,
    pub name: &'static str,
    /// The model's name for this input (its refusals say it): its range's `field`.
    pub model: &'static str,
    pub label: fn(&Text) -> &'static str,
    pub help: Option<fn(&Text) -> &'static str>,
    pub unit: &'static str,
    /// The model's bounds (see `num`).
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub slider: Slider,
    /// Empty allowed (the placeholder says what stands in).
    pub placeholder: Option<Placeholder>,
    /// Written without digit grouping (a year).
    pub year: bool,
    pub get: fn(&Scenario) -> Option<f64>,
    pub set: fn(&mut Scenario, Option<f64>),
}

/// The field's lowest value where the model takes anything above 0
/// ([`Range::positive`]): a log slider needs an end above 0, and a thousandth
/// (of a billion parameters, of a trillion tokens) is already no training run.
const ABOVE_ZERO: f64 = 0.001;

/// A number input whose range, and the model's name for it, are the model's
/// `range`: its bounds, or for a positive range from [`ABOVE_ZERO`].
const fn num(id: &'static str, name: &'static str, range: &Range, label: fn(&Text) -> &'static str) -> Num {
    Num {
        id,
        name,
        model: range.field,
        label,
        help: None,
        unit: "",
        min: if range.positive { ABOVE_ZERO } else { range.min },
        max: range.max,
        step: 0.0,
        slider: Slider::None,
        placeholder: None,
        year: false,
        get: |_| None,
        set: |_, _| {},
    }
}

pub const UTILIZATION: Num = Num {
    help: Some(|t| t.help_utilization),
    step: 0.01,
    slider: Slider::Linear,
    get: |s| Some(s.utilization),
    set: |s, v| s.utilization = v.unwrap_or(s.utilization),
    ..num("in-utilization", "utilization", &ranges::UTILIZATION, |t| t.utilization)
};

pub const PUE: Num = Num {
    help: Some(|t| t.help_pue),
    placeholder: Some(Placeholder::SitePue),
    get: |s| s.pue,
    set: |s, v| s.pue = v,
    ..num("in-pue", "pue", &ranges::PUE, |t| t.pue_override)
};

pub const ECONOMICS: [Num; 6] = [
    Num {
        help: Some(|t| t.help_price),
        unit: "€/MWh",
        placeholder: Some(Placeholder::Country(|c| c.price_eur_per_mwh)),
        get: |s| s.price_eur_per_mwh,
        set: |s, v| s.price_eur_per_mwh = v,
        ..num("in-price", "price_eur_per_mwh", &ranges::PRICE_EUR_PER_MWH, |t| t.price)
    },
    Num {
        step: 1.0,
        slider: Slider::Linear,
        get: |s| Some(s.years),
        set: |s, v| s.years = v.unwrap_or(s.years),
        ..num("in-years", "years", &ranges::YEARS, |t| t.years)
    },
    Num {
        step: 0.5,
        slider: Slider::Linear,
        get: |s| Some(s.it_life_years),
        set: |s, v| s.it_life_years = v.unwrap_or(s.it_life_years),
        ..num("in-it-life", "it_life", &ranges::IT_LIFE_YEARS, |t| t.it_life)
    },
    Num {
        step: 1.0,
        slider: Slider::Linear,
        get: |s| Some(s.facility_life_years),
        set: |s, v| s.facility_life_years = v.unwrap_or(s.facility_life_years),
        ..num("in-facility-life", "facility_life", &ranges::FACILITY_LIFE_YEARS, |t| t.facility_life)
    },
    Num {
        help: Some(|t| t.help_wacc),
        step: 0.005,
        slider: Slider::Linear,
        get: |s| Some(s.wacc),
        set: |s, v| s.wacc = v.unwrap_or(s.wacc),
        ..num("in-wacc", "wacc", &ranges::WACC, |t| t.wacc)
    },
    Num {
        help: Some(|t| t.help_opening_year),
        step: 1.0,
        year: true,
        slider: Slider::Linear,
        get: |s| Some(s.opening_year),
        set: |s, v| s.opening_year = v.unwrap_or(s.opening_year),
        ..num("in-opening-year", "opening_year", &ranges::OPENING_YEAR, |t| t.opening_year)
    },
];

pub const ENERGY: [Num; 4] = [
    Num {
        help: Some(|t| t.help_carbon),
        unit: "g/kWh",
        placeholder: Some(Placeholder::Country(|c| c.carbon_g_per_kwh)),
        get: |s| s.carbon_g_per_kwh,
        set: |s, v| s.carbon_g_per_kwh = v,
        ..num("in-carbon", "carbon_g_per_kwh", &ranges::CARBON_G_PER_KWH, |t| t.carbon)
    },
    Num {
        help: Some(|t| t.help_renewable),
        step: 0.01,
        slider: Slider::Linear,
        get: |s| Some(s.renewable_share),
        set: |s, v| s.renewable_share = v.unwrap_or(s.renewable_share),
        ..num("in-renewable", "renewable_share", &ranges::RENEWABLE_SHARE, |t| t.renewable_share)
    },
    Num {
        help: Some(|t| t.help_heat_reuse),
        step: 0.01,
        slider: Slider::Linear,
        get: |s| Some(s.heat_reuse),
        set: |s, v| s.heat_reuse = v.unwrap_or(s.heat_reuse),
        ..num("in-heat-reuse", "heat_reuse", &ranges::HEAT_REUSE, |t| t.heat_reuse)
    },
    Num {
        unit: "€/MWh",
        step: 1.0,
        get: |s| Some(s.heat_price_eur_per_mwh),
        set: |s, v| s.heat_price_eur_per_mwh = v.unwrap_or(s.heat_price_eur_per_mwh),
        ..num("in-heat-price", "heat_price", &ranges::HEAT_PRICE_EUR_PER_MWH, |t| t.heat_price)
    },
];

pub const TRAINING_SIZE: [Num; 2] = [
    Num {
        slider: Slider::Log,
        get: |s| Some(s.training.params_b),
        set: |s, v| s.training.params_b = v.unwrap_or(s.training.params_b),
        ..num("in-params", "train_params_b", &ranges::TRAIN_PARAMS_B, |t| t.train_params)
    },
    Num {
        slider: Slider::Log,
        get: |s| Some(s.training.tokens_t),
        set: |s, v| s.training.tokens_t = v.unwrap_or(s.training.tokens_t),
        ..num("in-tokens", "train_tokens_t", &ranges::TRAIN_TOKENS_T, |t| t.train_tokens)
    },
];

pub const TRAINING_RATE: [Num; 2] = [
    Num {
        help: Some(|t| t.help_mfu),
        step: 0.01,
        slider: Slider::Linear,
        get: |s| Some(s.training.mfu),
        set: |s, v| s.training.mfu = v.unwrap_or(s.training.mfu),
        ..num("in-mfu", "mfu", &ranges::MFU, |t| t.mfu)
    },
    Num {
        help: Some(|t| t.help_goodput),
        step: 0.01,
        slider: Slider::Linear,
        get: |s| Some(s.training.goodput),
        set: |s, v| s.training.goodput = v.unwrap_or(s.training.goodput),
        ..num("in-goodput", "goodput", &ranges::GOODPUT, |t| t.goodput)
    },
];

/// Every number input, in the form's order.
pub fn all() -> impl Iterator<Item = &'static Num> {
    inputs().filter_map(|i| match i {
        Input::Num(n) => Some(n),
        _ => None,
    })
}

/// The number input with URL parameter `name`.
pub fn by_name(name: &str) -> Option<&'static Num> {
    all().find(|n| n.name == name)
}

/// The number input the model names `field` in its refusals.
pub fn by_model(field: &str) -> Option<&'static Num> {
    all().find(|n| n.model == field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_is_declared_once_and_reads_back_what_it_writes() {
        let mut names: Vec<&str> = all().map(|n| n.name).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "a name twice");
        for n in all() {
            let mut s = Scenario::default();
            let v = n.min + (n.max - n.min) / 3.0;
            (n.set)(&mut s, Some(v));
            assert_eq!((n.get)(&s), Some(v), "{}", n.name);
            assert_eq!(by_model(n.model).map(|m| m.name), Some(n.name));
            assert!(s.resolve().is_ok(), "{} = {v}", n.name);
        }
    }

    /// The next `f64` above `x` and below it (`f64::next_up` and
    /// `next_down` are newer than the crate's rust-version).
    fn next_up(x: f64) -> f64 {
        if x >= 0.0 {
            f64::from_bits(x.abs().to_bits() + 1)
        } else {
            f64::from_bits(x.to_bits() - 1)
        }
    }

    fn next_down(x: f64) -> f64 {
        -next_up(-x)
    }

    /// Each number's bounds are the model's, by construction: the model takes
    /// both ends and refuses the next value past each, naming the input as
    /// `model` and saying the field's bounds. Where the model takes anything
    /// above 0 the field starts at [`ABOVE_ZERO`], a narrower range on purpose.
    #[test]
    fn every_number_input_has_the_model_s_bounds() {
        use crate::model::ModelError;
        // The bounds the model says in refusing `v` for `n`, or `None` if it takes it.
        let refusal = |n: &Num, v: f64| -> Option<(f64, f64)> {
            let mut s = Scenario::default();
            (n.set)(&mut s, Some(v));
            match s.resolve() {
                Ok(_) => None,
                Err(ModelError::OutOfRange { field, value, min, max }) => {
                    assert_eq!(field, n.model, "{}", n.name);
                    assert_eq!(value.to_bits(), v.to_bits(), "{}", n.name);
                    Some((min, max))
                }
                Err(e) => panic!("{} = {v}: {e:?}", n.name),
            }
        };
        for n in all() {
            assert!(n.min < n.max, "{}", n.name);
            assert_eq!(refusal(n, n.min), None, "{} = {}", n.name, n.min);
            assert_eq!(refusal(n, n.max), None, "{} = {}", n.name, n.max);
            assert_eq!(refusal(n, next_up(n.max)).map(|r| r.1), Some(n.max), "{}", n.name);
            if n.min == ABOVE_ZERO {
                assert_eq!(refusal(n, next_down(n.min)), None, "{}", n.name);
                assert_eq!(refusal(n, 0.0), Some((f64::MIN_POSITIVE, n.max)), "{}", n.name);
                assert_eq!(refusal(n, next_down(0.0)), Some((0.0, n.max)), "{}", n.name);
            } else {
                assert_eq!(refusal(n, next_down(n.min)), Some((n.min, n.max)), "{}", n.name);
            }
        }
    }

    #[test]
    fn the_table_holds_every_declared_number_input() {
        let declared = 2 + ECONOMICS.len() + ENERGY.len() + TRAINING_SIZE.len() + TRAINING_RATE.len();
        assert_eq!(all().count(), declared);
    }

    #[test]
    fn every_choice_takes_back_what_it_gives_and_refuses_the_rest() {
        let names: Vec<&str> = inputs()
            .filter_map(|i| match i {
                Input::Choice(c) => Some(c.name),
                Input::Num(n) => Some(n.name),
                Input::Sizing => None,
            })
            .collect();
        for (i, a) in names.iter().enumerate() {
            assert!(!names[i + 1..].contains(a), "{a} twice");
        }
        let other = Scenario {
            accelerator: "gb200".into(),
            country: "SE".into(),
            cooling: CoolingTech::Immersion,
            heat_rejection: HeatRejection::Tower,
            redundancy: Redundancy::TwoN,
            decarbonise: true,
            ..Scenario::default()
        };
        for i in inputs() {
            let Input::Choice(c) = i else { continue };
            let mut s = Scenario::default();
            (c.set)(&mut s, &(c.value)(&other)).unwrap();
            assert_eq!((c.value)(&s), (c.value)(&other), "{}", c.name);
            assert!((c.set)(&mut s, "nonsense").is_err(), "{}", c.name);
            assert_eq!(choice(c.name).map(|x| x.id), Some(c.id));
        }
    }
}
