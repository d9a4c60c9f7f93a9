//! The model's refusals in the page's language. The model says them in
//! English ([`crate::model::ModelError`]'s `Display`); here each is said again
//! with the input named by its label and numbers written as the page writes
//! them, in French with the French names of what the model names by id.

use crate::i18n::Lang;

/// Why the model refused a scenario, in the page's language: the input named as
/// its field is labelled and numbers written as the page writes them (546,319,
/// not 546319); what names no number in English is the model's own words.
pub fn model_error_message(e: &crate::model::ModelError, l: Lang) -> String {
    use crate::format::{format as f, sig_decimals, smart, Style};
    use crate::model::ModelError as E;
    let fr = l == Lang::Fr;
    let n = |x: f64| smart(x, l);
    // The value given, as its field writes it: every digit that broke the rule
    // (1.004 is not "1" beside a maximum of 1).
    let got = |x: f64| crate::ui::field::field_text(x, l);
    let name = |field| crate::messages::quoted_label(field, l);
    match e {
        E::NotFinite { field } if fr => format!("{} doit être un nombre fini", name(field)),
        E::NotFinite { field } => format!("{} must be a finite number", name(field)),
        E::OutOfRange { field, value, min, max } if *min == f64::MIN_POSITIVE => if fr {
            format!("{}\u{a0}: valeur attendue supérieure à 0 et d'au plus {} (reçu\u{a0}: {})", name(field), n(*max), got(*value))
        } else {
            format!("{} must be above 0 and at most {}, got {}", name(field), n(*max), got(*value))
        },
        E::OutOfRange { field, value, min, max } => if fr {
            format!("{}\u{a0}: valeur attendue entre {} et {} (reçu\u{a0}: {})", name(field), n(*min), n(*max), got(*value))
        } else {
            format!("{} must be between {} and {}, got {}", name(field), n(*min), n(*max), got(*value))
        },
        E::BudgetTooSmall { what, one_system, unit } => {
            // Rounded up at the digits written, so that a budget of what it says is enough.
            let d = sig_decimals(*one_system, 0);
            let p = 10f64.powi(i32::from(d));
            let need = f((one_system * p).ceil() / p, l, Style::Plain(d));
            if fr {
                let what = if *what == "capital" { "d'investissement" } else { "de puissance" };
                format!("le budget {what} est trop petit pour un seul système, qui demande {need}\u{a0}{unit}")
            } else {
                format!("the {what} budget is too small for one system, which needs {need} {unit}")
            }
        }
        E::TooManyAccelerators(x) => {
            let x = f(*x, l, Style::Plain(0));
            if fr {
                format!("ce dimensionnement donne {x} accélérateurs en systèmes entiers, plus que les 10\u{a0}000\u{a0}000 admis par le modèle")
            } else {
                format!("this sizing gives {x} accelerators in whole systems, more than the 10,000,000 the model allows")
            }
        }
        _ if !fr => e.to_string(),
        E::UnknownAccelerator(id) => format!("accélérateur inconnu « {id} »"),
        E::UnknownCountry(code) => format!("« {code} » n'est pas le code d'un État membre de l'UE"),
        E::CoolingTooWeak { system, rack_kw, limit_kw } => format!(
            "les baies {system} consomment {} kW, plus que ce refroidissement ne peut évacuer ({} kW par baie) : choisissez le refroidissement liquide direct ou l'immersion",
            n(*rack_kw),
            n(*limit_kw)
        ),
        E::ImplausiblePairing { system, cooling, why: crate::model::error::Implausibility::LiquidOnly } => format!(
            "{system} est conçu pour le seul refroidissement liquide direct, pas pour le refroidissement {}\u{a0}: choisissez le refroidissement liquide direct",
            if *cooling == "rdhx" { "par porte arrière" } else { "par air" }
        ),
        E::ImplausiblePairing { system, why: crate::model::error::Implausibility::RackScaleImmersion, .. } => format!(
            "{system} est un système à l'échelle de la baie, à plaques froides, non conçu pour les bacs d'immersion\u{a0}: choisissez le refroidissement liquide direct"
        ),
        E::ImplausiblePairing { cooling, why: crate::model::error::Implausibility::EconomiserNeedsAir, .. } => format!(
            "un économiseur à air souffle l'air extérieur dans une salle refroidie par air, pas avec le refroidissement {}\u{a0}: choisissez le refroidissement par air, ou des aéroréfrigérants secs ou adiabatiques ou des tours",
            match *cooling {
                "rdhx" => "par porte arrière",
                "dlc" => "liquide direct",
                _ => "par immersion",
            }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, Scenario, Sizing};

    fn refusal(change: impl FnOnce(&mut Scenario), l: Lang) -> String {
        let mut s = Scenario::default();
        change(&mut s);
        model_error_message(&evaluate(&s).unwrap_err(), l)
    }

    #[test]
    fn refusals_name_the_input_and_keep_the_digits_that_broke_the_rule() {
        assert_eq!(
            refusal(|s| s.utilization = 1.004, Lang::En),
            "“Average utilisation” must be between 0 and 1, got 1.004"
        );
        assert_eq!(
            refusal(|s| s.it_life_years = 50.0, Lang::Fr),
            "«\u{a0}Durée de vie du matériel (ans)\u{a0}»\u{a0}: valeur attendue entre 1 et 15 (reçu\u{a0}: 50)"
        );
        // The budget said is rounded up: a budget of that much is enough.
        let poor = refusal(|s| s.sizing = Sizing::CapexEur(1_000.0), Lang::En);
        let said = poor.trim_end_matches(" €").rsplit(' ').next().unwrap().replace(',', "");
        let said: f64 = said.parse().unwrap();
        assert!(evaluate(&Scenario { sizing: Sizing::CapexEur(said), ..Scenario::default() }).is_ok(), "{poor}");
    }
}
