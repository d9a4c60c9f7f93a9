//! The model against published facilities and training runs (model v2): each
//! entry is a scenario that reproduces a published case, the published figure,
//! the model metric it compares to and the band the model must land in (pinned
//! by `tests/golden.rs`). The app lists them as a panel.

use crate::catalogue::{CoolingTech, HeatRejection};
use crate::estimate::Estimate;
use crate::source::{self, Source};
use crate::{Scenario, Sizing};

/// One published figure and the scenario that reproduces it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedCheck {
    /// Stable id (for translations, tests and links).
    pub id: &'static str,
    /// What was published, in English.
    pub name: &'static str,
    /// The same in French.
    pub name_fr: &'static str,
    /// When it was published (year).
    pub year: u16,
    /// Where.
    pub source: Source,
    /// The inputs that reproduce it.
    pub scenario: Scenario,
    /// The published figure, in the unit of `metric`.
    pub published: f64,
    /// The model metric it compares to: a `data-metric` name of
    /// [`Estimate::all_metrics`], or `train_gpu_hours` (accelerator-hours of the run).
    pub metric: &'static str,
    /// Band of the model's figure relative to the published one: (low, high), e.g.
    /// (−0.10, 0.10) for ±10 %.
    pub band: (f64, f64),
}

impl PublishedCheck {
    /// The model's figure for this check's metric from an estimate of its scenario.
    pub fn model_value(&self, e: &Estimate) -> f64 {
        if self.metric == "train_gpu_hours" {
            return e.training.accelerator_hours;
        }
        e.all_metrics().iter().find(|(name, _)| *name == self.metric).map_or(f64::NAN, |m| m.1)
    }

    /// Relative difference of the model's figure from the published one.
    pub fn difference(&self, model: f64) -> f64 {
        model / self.published - 1.0
    }

    /// Whether the model's figure lies within the band.
    pub fn within(&self, model: f64) -> bool {
        let d = self.difference(model);
        d >= self.band.0 && d <= self.band.1
    }
}

fn count(n: f64, accelerator: &str, country: &str, cooling: CoolingTech) -> Scenario {
    Scenario {
        sizing: Sizing::Count(n),
        accelerator: accelerator.into(),
        country: country.into(),
        cooling,
        ..Scenario::default()
    }
}

/// The published cases, in the order the panel lists them.
pub fn checks() -> Vec<PublishedCheck> {
    let llama = count(16_384.0, "h100", "FR", CoolingTech::Air);
    vec![
        PublishedCheck {
            id: "llama31-405b-gpu-hours",
            name: "Llama 3.1 405B: 30.84 M H100-hours on up to 16,384 H100",
            name_fr: "Llama 3.1 405B : 30,84 M heures-H100 sur jusqu’à 16 384 H100",
            year: 2024,
            source: source::LLAMA31_CARD,
            scenario: llama.clone(),
            published: 30.84e6,
            metric: "train_gpu_hours",
            band: (-0.10, 0.10),
        },
        PublishedCheck {
            id: "llama31-405b-energy",
            name: "Llama 3.1 405B: ≈ 30 GWh with server overhead at PUE ≈ 1.1 (derived from the model card)",
            name_fr: "Llama 3.1 405B : ≈ 30 GWh avec les serveurs, PUE ≈ 1,1 (déduit de la fiche du modèle)",
            year: 2024,
            source: source::LLAMA31_CARD,
            scenario: Scenario { pue: Some(1.1), ..llama },
            published: 30_000.0,
            metric: "train_energy_mwh",
            band: (-0.10, 0.25),
        },
        PublishedCheck {
            id: "gtc-8000-hopper",
            name: "8,000 Hopper GPUs draw ≈ 15 MW",
            name_fr: "8 000 GPU Hopper consomment ≈ 15 MW",
            year: 2024,
            source: source::NVIDIA_GTC_2024,
            scenario: count(8_000.0, "h100", "DE", CoolingTech::Air),
            published: 15.0,
            metric: "facility_power_mw",
            band: (-0.15, 0.15),
        },
        PublishedCheck {
            id: "gtc-2000-blackwell",
            name: "2,000 Blackwell GPUs draw ≈ 4 MW",
            name_fr: "2 000 GPU Blackwell consomment ≈ 4 MW",
            year: 2024,
            source: source::NVIDIA_GTC_2024,
            scenario: count(2_000.0, "gb200", "DE", CoolingTech::Dlc),
            published: 4.0,
            metric: "facility_power_mw",
            band: (-0.10, 0.25),
        },
        PublishedCheck {
            id: "100k-h100-it",
            name: "A 100,000-H100 cluster: ≈ 150 MW of IT",
            name_fr: "Un cluster de 100 000 H100 : ≈ 150 MW informatiques",
            year: 2025,
            source: source::RULE_100K_H100,
            scenario: Scenario {
                heat_rejection: HeatRejection::Tower,
                ..count(100_000.0, "h100", "DE", CoolingTech::Air)
            },
            published: 150.0,
            metric: "it_power_mw",
            band: (-0.15, 0.15),
        },
        PublishedCheck {
            id: "100k-h100-facility",
            name: "A 100,000-H100 cluster: ≈ 200 MW at the facility",
            name_fr: "Un cluster de 100 000 H100 : ≈ 200 MW pour le site",
            year: 2025,
            source: source::RULE_100K_H100,
            scenario: Scenario {
                heat_rejection: HeatRejection::Tower,
                ..count(100_000.0, "h100", "DE", CoolingTech::Air)
            },
            published: 200.0,
            metric: "facility_power_mw",
            band: (-0.20, 0.10),
        },
        PublishedCheck {
            id: "100k-gpu-energy",
            name: "A 100,000-GPU factory at 85 % load uses ≈ 1.5 TWh a year",
            name_fr: "Une usine de 100 000 GPU à 85 % de charge consomme ≈ 1,5 TWh par an",
            year: 2026,
            source: source::REF_100K_ENERGY,
            scenario: Scenario { utilization: 0.85, ..count(100_000.0, "gb200", "SE", CoolingTech::Dlc) },
            published: 1_500.0,
            metric: "annual_energy_gwh",
            band: (-0.15, 0.15),
        },
        PublishedCheck {
            id: "liquid-pue",
            name: "Liquid-cooled hyperscale PUE 1.10–1.25 (midpoint 1.175)",
            name_fr: "PUE d’un hyperscale refroidi par liquide 1,10–1,25 (milieu 1,175)",
            year: 2026,
            source: source::PUE_BY_COOLING,
            scenario: Scenario::default(),
            published: 1.175,
            metric: "pue",
            band: (-0.064, 0.064),
        },
    ]
}
