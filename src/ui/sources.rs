//! The method in short, and every source the model cites.

use crate::i18n::Lang;
use crate::model::source::ALL;
use crate::state::use_planner;
use crate::ui::html::esc;
use crate::ui::tx;
use leptos::prelude::*;

const METHOD_EN: &[&str] = &[
    "Systems: the count is rounded up to whole servers (8 accelerators) or NVL72 racks (72). Servers per rack are limited by what the cooling can remove (air ≤ 40 kW, rear-door ≤ 75 kW, liquid ≤ 250 kW).",
    "IT power at design load = systems × nameplate system power × 1.07 (network fabric 5 %, storage 2 %). Average IT power: accelerators draw idle + (max − idle) × load, with idle = 122/700 and max = 691/700 of TDP (a measured H200); hosts draw 30–48 % of their nameplate share (Brookhaven: a DGX H100 trains at 76 % of 10.2 kW).",
    "Monthly PUE = 1 + power-chain losses (3.5–5.5 % by redundancy) + 1 % lighting and offices + cooling. Hourly temperatures are Normal(monthly mean, σ = 4.5 K); a cooling loop is chiller-free while the outdoor temperature (dry-bulb for dry coolers, wet-bulb at an assumed 70 % RH for towers, pre-cooled air for adiabatic coolers) stays below supply − approaches; above it a chiller runs at 50 % of Carnot COP. Direct liquid cooling carries 80 % of the heat at 40 °C (ASHRAE W40) and 20 % at 18 °C.",
    "Facility power = IT design power × the worst month's PUE; grid connection = that × redundancy (N 1, N+1 1.25, 2N 2). Annual energy = Σ months of mean IT power × hours × PUE.",
    "Water: towers evaporate 85 % of the heat (3.6 MJ ÷ 2.45 MJ/kg per kWh) with blow-down at 4 cycles; adiabatic coolers evaporate half the heat during the hours they spray; dry coolers use none. WUE = water ÷ IT energy.",
    "Capex: systems at street prices (US$ at the ECB 2024 rate 1.0824), network +10 %, storage +5 %; construction US$11.6 M per MW of IT (Turner & Townsend, Frankfurt) + 8.5 % for liquid cooling, split shell 20 %, electrical 45 % (×0.8 N, ×1.4 2N), mechanical 25 %, other 10 %; land and soft costs +10 %.",
    "Opex: energy × price (Eurostat band IG), facility maintenance 2 %/yr, IT support 4 %/yr, 0.4 staff per MW at €90k, less heat sales. Annualised capex uses the capital-recovery factor at the WACC over the IT and facility lives; TCO = capex + IT capex again at each end of life within the horizon + opex × years.",
    "Carbon: energy × grid intensity (Ember, lifecycle) is location-based; less the renewable PPA share it is market-based. Embodied: ~0.8–1.0 t per accelerator with its server (+15 % fabric), 1,250 t per MW of IT for the building.",
    "EU rules: EED Art. 12 reporting from 500 kW of IT; Germany's EnEfG for new data centres: PUE ≤ 1.2, ERF ≥ 20 % from mid-2028, 100 % renewable electricity. ERF = exported heat ÷ facility energy; REF = renewable share.",
    "Training: compute = 6 × parameters × tokens; time = compute ÷ (accelerators × peak dense throughput × MFU × goodput); energy at full load × annual PUE.",
    "Uncertainty: 10,000 seeded samples of ten inputs drawn from triangular distributions over their sourced ranges give P10/P50/P90; the tornado moves each input alone to its range ends.",
];

const METHOD_FR: &[&str] = &[
    "Systèmes : le nombre est arrondi à des serveurs entiers (8 accélérateurs) ou à des baies NVL72 (72). Le nombre de serveurs par baie est limité par ce que le refroidissement peut évacuer (air ≤ 40 kW, porte arrière ≤ 75 kW, liquide ≤ 250 kW).",
    "Puissance informatique à pleine charge = systèmes × puissance nominale × 1,07 (réseau 5 %, stockage 2 %). Puissance moyenne : les accélérateurs consomment repos + (max − repos) × charge, avec repos = 122/700 et max = 691/700 du TDP (un H200 mesuré) ; les hôtes consomment 30 à 48 % de leur part nominale (Brookhaven : un DGX H100 entraîne à 76 % de 10,2 kW).",
    "PUE mensuel = 1 + pertes électriques (3,5 à 5,5 % selon la redondance) + 1 % éclairage et bureaux + refroidissement. Les températures horaires suivent une loi normale (moyenne du mois, σ = 4,5 K) ; une boucle fonctionne sans groupe froid tant que la température extérieure (sèche pour les aéroréfrigérants, humide à 70 % d'humidité supposée pour les tours, air pré-refroidi pour l'adiabatique) reste sous la consigne moins les pincements ; au-delà, un groupe froid fonctionne à 50 % du COP de Carnot. Le liquide direct évacue 80 % de la chaleur à 40 °C (ASHRAE W40) et 20 % à 18 °C.",
    "Puissance du site = puissance informatique × PUE du mois le plus défavorable ; raccordement = cette puissance × redondance (N 1, N+1 1,25, 2N 2). Énergie annuelle = somme sur les mois de la puissance moyenne × heures × PUE.",
    "Eau : les tours évaporent 85 % de la chaleur (3,6 MJ ÷ 2,45 MJ/kg par kWh) avec purge à 4 cycles ; l'adiabatique évapore la moitié de la chaleur pendant ses heures d'arrosage ; les aéroréfrigérants secs n'en consomment pas. WUE = eau ÷ énergie informatique.",
    "Investissement : systèmes aux prix du marché (dollars au taux BCE 2024 de 1,0824), réseau +10 %, stockage +5 % ; construction 11,6 M$ par MW informatique (Turner & Townsend, Francfort) + 8,5 % pour le refroidissement liquide, répartie gros œuvre 20 %, électricité 45 % (×0,8 en N, ×1,4 en 2N), mécanique 25 %, divers 10 % ; terrain et frais annexes +10 %.",
    "Exploitation : énergie × prix (Eurostat, tranche IG), maintenance 2 %/an, support informatique 4 %/an, 0,4 personne par MW à 90 k€, moins les ventes de chaleur. L'investissement est annualisé au CMPC sur les durées de vie ; coût total = investissement + matériel racheté à chaque fin de vie dans l'horizon + exploitation × années.",
    "Carbone : énergie × intensité du réseau (Ember, cycle de vie) en méthode « location-based » ; moins la part de PPA renouvelables en « market-based ». Intrinsèque : 0,8 à 1,0 t par accélérateur avec son serveur (+15 % réseau et stockage), 1 250 t par MW informatique pour le bâtiment.",
    "Règles européennes : déclaration DEE art. 12 dès 500 kW informatiques ; EnEfG allemande pour les nouveaux centres : PUE ≤ 1,2, ERF ≥ 20 % à partir de mi-2028, électricité 100 % renouvelable. ERF = chaleur cédée ÷ énergie du site ; REF = part renouvelable.",
    "Entraînement : calcul = 6 × paramètres × jetons ; durée = calcul ÷ (accélérateurs × débit dense de crête × MFU × temps utile) ; énergie à pleine charge × PUE annuel.",
    "Incertitude : 10 000 tirages (graine fixe) de dix paramètres selon des lois triangulaires sur leurs plages sourcées donnent P10/P50/P90 ; le diagramme en tornade déplace chaque paramètre seul aux bornes de sa plage.",
];

/// The method list as HTML.
pub fn method_html(lang: Lang) -> String {
    let m = if lang == Lang::Fr { METHOD_FR } else { METHOD_EN };
    let mut out = String::from("<ol class=\"method\">");
    for line in m {
        out.push_str(&format!("<li>{}</li>", esc(line)));
    }
    out.push_str("</ol>");
    out
}

/// Every source as an HTML list.
pub fn sources_html(lang: Lang) -> String {
    let mut out = String::from("<ul class=\"sources\">");
    for s in ALL {
        let est = if s.estimate {
            format!("<span class=\"est\">{}</span>", esc(lang.text().estimate))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<li id=\"src-{id}\" data-source=\"{id}\"><span class=\"conf\" title=\"confidence\">{conf}</span><span><a href=\"{url}\" rel=\"noopener noreferrer\" target=\"_blank\">{title}</a> — {publisher}, {year}{est}</span></li>",
            id = esc(s.id),
            conf = s.confidence.letter(),
            url = esc(s.url),
            title = esc(s.title),
            publisher = esc(s.publisher),
            year = s.year,
        ));
    }
    out.push_str("</ul>");
    out
}

/// Method and sources.
#[component]
pub fn Sources() -> impl IntoView {
    let p = use_planner();
    view! {
        <section class="panel wide" id="method">
            <h2>{tx(|t| t.h_method)}</h2>
            <div inner_html=move || method_html(p.lang.get())></div>
        </section>
        <section class="panel wide" id="sources">
            <h2>{tx(|t| t.sources)}</h2>
            <p class="note">{tx(|t| t.sources_intro)}</p>
            <div inner_html=move || sources_html(p.lang.get())></div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_is_listed_with_a_link() {
        let html = sources_html(Lang::En);
        for s in ALL {
            assert!(html.contains(&format!("data-source=\"{}\"", s.id)));
        }
        assert_eq!(html.matches("<a href=").count(), ALL.len());
        assert!(method_html(Lang::Fr).contains("Entraînement"));
    }
}
