//! One declaration per number input of the scenario: its element id, its
//! `name` (the URL parameter), the model's name for it (in refusals), label,
//! help, unit, range, slider and how it reads and writes the scenario. The
//! form, the URL reader, the refusals' labels and the link fallback are all
//! driven from these tables.

use crate::i18n::Text;
use crate::model::catalogue;
use crate::model::Scenario;
use crate::ui::field::Slider;

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
    pub label: fn(&Text) -> &'static str,
    pub help: Option<fn(&Text) -> &'static str>,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub slider: Slider,
    /// Empty allowed (the placeholder says what stands in).
    pub placeholder: Option<Placeholder>,
    pub get: fn(&Scenario) -> Option<f64>,
    pub set: fn(&mut Scenario, Option<f64>),
}

const fn num(id: &'static str, name: &'static str, label: fn(&Text) -> &'static str) -> Num {
    Num {
        id,
        name,
        label,
        help: None,
        unit: "",
        min: 0.0,
        max: 1.0,
        step: 0.0,
        slider: Slider::None,
        placeholder: None,
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
    ..num("in-utilization", "utilization", |t| t.utilization)
};

pub const PUE: Num = Num {
    help: Some(|t| t.help_pue),
    min: 1.0,
    max: 3.0,
    placeholder: Some(Placeholder::SitePue),
    get: |s| s.pue,
    set: |s, v| s.pue = v,
    ..num("in-pue", "pue", |t| t.pue_override)
};

pub const ECONOMICS: [Num; 6] = [
    Num {
        help: Some(|t| t.help_price),
        unit: "€/MWh",
        max: 2000.0,
        placeholder: Some(Placeholder::Country(|c| c.price_eur_per_mwh)),
        get: |s| s.price_eur_per_mwh,
        set: |s, v| s.price_eur_per_mwh = v,
        ..num("in-price", "price_eur_per_mwh", |t| t.price)
    },
    Num {
        min: 1.0,
        max: 50.0,
        step: 1.0,
        slider: Slider::Linear,
        get: |s| Some(s.years),
        set: |s, v| s.years = v.unwrap_or(s.years),
        ..num("in-years", "years", |t| t.years)
    },
    Num {
        min: 1.0,
        max: 15.0,
        step: 0.5,
        slider: Slider::Linear,
        get: |s| Some(s.it_life_years),
        set: |s, v| s.it_life_years = v.unwrap_or(s.it_life_years),
        ..num("in-it-life", "it_life", |t| t.it_life)
    },
    Num {
        min: 5.0,
        max: 60.0,
        step: 1.0,
        slider: Slider::Linear,
        get: |s| Some(s.facility_life_years),
        set: |s, v| s.facility_life_years = v.unwrap_or(s.facility_life_years),
        ..num("in-facility-life", "facility_life", |t| t.facility_life)
    },
    Num {
        help: Some(|t| t.help_wacc),
        max: 0.3,
        step: 0.005,
        slider: Slider::Linear,
        get: |s| Some(s.wacc),
        set: |s, v| s.wacc = v.unwrap_or(s.wacc),
        ..num("in-wacc", "wacc", |t| t.wacc)
    },
    Num {
        help: Some(|t| t.help_opening_year),
        min: 2025.0,
        max: 2040.0,
        step: 1.0,
        slider: Slider::Linear,
        get: |s| Some(s.opening_year),
        set: |s, v| s.opening_year = v.unwrap_or(s.opening_year),
        ..num("in-opening-year", "opening_year", |t| t.opening_year)
    },
];

pub const ENERGY: [Num; 4] = [
    Num {
        help: Some(|t| t.help_carbon),
        unit: "g/kWh",
        max: 2000.0,
        placeholder: Some(Placeholder::Country(|c| c.carbon_g_per_kwh)),
        get: |s| s.carbon_g_per_kwh,
        set: |s, v| s.carbon_g_per_kwh = v,
        ..num("in-carbon", "carbon_g_per_kwh", |t| t.carbon)
    },
    Num {
        help: Some(|t| t.help_renewable),
        step: 0.01,
        slider: Slider::Linear,
        get: |s| Some(s.renewable_share),
        set: |s, v| s.renewable_share = v.unwrap_or(s.renewable_share),
        ..num("in-renewable", "renewable_share", |t| t.renewable_share)
    },
    Num {
        help: Some(|t| t.help_heat_reuse),
        step: 0.01,
        slider: Slider::Linear,
        get: |s| Some(s.heat_reuse),
        set: |s, v| s.heat_reuse = v.unwrap_or(s.heat_reuse),
        ..num("in-heat-reuse", "heat_reuse", |t| t.heat_reuse)
    },
    Num {
        unit: "€/MWh",
        max: 150.0,
        step: 1.0,
        get: |s| Some(s.heat_price_eur_per_mwh),
        set: |s, v| s.heat_price_eur_per_mwh = v.unwrap_or(s.heat_price_eur_per_mwh),
        ..num("in-heat-price", "heat_price", |t| t.heat_price)
    },
];

pub const TRAINING_SIZE: [Num; 2] = [
    Num {
        min: 0.001,
        max: 100_000.0,
        slider: Slider::Log,
        get: |s| Some(s.training.params_b),
        set: |s, v| s.training.params_b = v.unwrap_or(s.training.params_b),
        ..num("in-params", "train_params_b", |t| t.train_params)
    },
    Num {
        min: 0.001,
        max: 10_000.0,
        slider: Slider::Log,
        get: |s| Some(s.training.tokens_t),
        set: |s, v| s.training.tokens_t = v.unwrap_or(s.training.tokens_t),
        ..num("in-tokens", "train_tokens_t", |t| t.train_tokens)
    },
];

pub const TRAINING_RATE: [Num; 2] = [
    Num {
        help: Some(|t| t.help_mfu),
        min: 0.01,
        step: 0.01,
        slider: Slider::Linear,
        get: |s| Some(s.training.mfu),
        set: |s, v| s.training.mfu = v.unwrap_or(s.training.mfu),
        ..num("in-mfu", "mfu", |t| t.mfu)
    },
    Num {
        help: Some(|t| t.help_goodput),
        min: 0.01,
        step: 0.01,
        slider: Slider::Linear,
        get: |s| Some(s.training.goodput),
        set: |s, v| s.training.goodput = v.unwrap_or(s.training.goodput),
        ..num("in-goodput", "goodput", |t| t.goodput)
    },
];

/// Every number input, in the form's order.
pub fn all() -> impl Iterator<Item = &'static Num> {
    [&UTILIZATION, &PUE].into_iter().chain(&ECONOMICS).chain(&ENERGY).chain(&TRAINING_SIZE).chain(&TRAINING_RATE)
}

/// The number input with URL parameter `name`.
pub fn by_name(name: &str) -> Option<&'static Num> {
    all().find(|n| n.name == name)
}

/// The number input the model names `field` in its refusals.
pub fn by_model(field: &str) -> Option<&'static Num> {
    all().find(|n| n.model() == field)
}

impl Num {
    /// The model's name for this input (its refusals say it).
    pub fn model(&self) -> &'static str {
        match self.name {
            "it_life" => "it_life_years",
            "facility_life" => "facility_life_years",
            "heat_price" => "heat_price_eur_per_mwh",
            other => other,
        }
    }
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
            assert_eq!(by_model(n.model()).map(|m| m.name), Some(n.name));
            // The model refuses what the field refuses, and accepts its range.
            assert!(s.resolve().is_ok(), "{} = {v}", n.name);
        }
    }
}
