//! The method in short, and every source the model cites.

use crate::i18n::Lang;
use crate::model::source::ALL;
use crate::state::use_planner;
use crate::ui::html::esc;
use crate::ui::tx;
use leptos::prelude::*;

const METHOD_EN: &[&str] = &[
    "Sizing: a count is rounded up to whole 8-accelerator servers or 72-accelerator NVL72 racks, then checked against the 10,000,000 maximum; a power budget is matched to the grid connection, a capital budget to the capex. The cooling limits servers per rack (air 40 kW, rear door 75 kW, direct liquid and immersion 250 kW); a liquid-only platform on air or rear doors and an NVL72 rack in immersion are refused.",
    "IT power at design load = systems × nameplate power × 1.02 (storage) + network. The network per accelerator comes from a non-blocking fat tree of 144-port 800 Gb/s switches drawing 7.0 kW with their optics (Lambda), the back-end fabric being 86 % of it: two tiers up to ports²/2 accelerators (10,368 at 800 Gb/s, 41,472 at 400 Gb/s), three beyond; 84.8/141.3 W at 400 Gb/s, 169.6/282.6 W at 800 Gb/s, drawn at every load.",
    "Average IT power: accelerators draw idle + (max − idle) × utilisation, with idle = 122/700 and max = 691/700 of TDP (a measured H200); hosts draw 30 % → 48.5 % of their nameplate share (Brookhaven: a DGX H100 trains at 76 % of 10.2 kW).",
    "Monthly PUE at full load = 1 + power-chain losses (N 3.5 %, N+1 4 %, 2N 5.5 %) + 1 % lighting and offices + fans and pumps (air 8 %, rear door 5 %, direct liquid 3 %, immersion 2 %) + heat-rejection fans (1–2 %) + chillers. Hourly temperatures are Normal(monthly mean, σ = 4.5 K); a loop is chiller-free while its governing air (dry-bulb for dry coolers, wet-bulb at an assumed 70 % RH for towers, pre-cooled air for adiabatic coolers) stays below supply − approaches; above it, chillers run at 50 % of the Carnot COP. Direct liquid cooling carries 80 % of the heat at 40 °C and 20 % at 18 °C.",
    "Fixed overheads: 40 % of the power-chain losses (no-load) and the 1 % for lighting and offices are drawn at every load, so a month's PUE = full-load PUE + fixed × (1/average IT − 1/design IT): the PUE rises at low utilisation.",
    "Design day: facility peak = IT design power × the PUE with every hour at the site's cooling design condition (ASHRAE 0.4 % dry-bulb with its coincident wet-bulb; Lisbon's from ASHRAE, elsewhere the warmest monthly mean + 10.4 K, an estimate). Chillers and the grid connection are sized on it; energy, PUE and water stay monthly. Annual energy = Σ months of average IT power × hours × PUE.",
    "Grid connection = the non-redundant design-day peak, with no margin. Redundancy sets the installed UPS (IT × 1, 1.25 or 2 for N, N+1, 2N), the generators (facility peak × the same) and the electrical capex, not the power drawn.",
    "Water by month: a tower evaporates 3.6 MJ ÷ 2.45 MJ/kg per kWh of heat carried latently, with blow-down at 4 cycles (× 4/3); the latent share follows the month's air (leaving air saturated at the mean water temperature; Helsinki air cooling: 55 % in January, 88 % in July). Adiabatic coolers evaporate half the heat while they spray; dry coolers use none. WUE = water ÷ IT energy.",
    "Capex: systems at street prices (US$ at the ECB 2024 rate of 1.0824), network +10 %, storage +5 %; construction US$11.6 M per MW of IT (Turner & Townsend, Frankfurt) × the country's factor 0.55 + 0.45 × its hourly labour cost ÷ Germany's (Eurostat 2024; an estimate outside Germany), + 8.5 % for direct liquid or immersion cooling (rear door +4 %); split shell 20 %, electrical 45 % (× 0.8 for N, × 1.4 for 2N), mechanical 25 %, other 10 %; land and soft costs +10 %.",
    "Opex: energy × price (Eurostat band IG), facility maintenance 2 %/yr, IT support 4 %/yr, 0.4 staff per MW of IT at €90k × the country's labour-cost ratio to Germany, less heat sales.",
    "TCO = present value at the WACC over the horizon: capex at year 0, IT bought again at each end of its life and the facility at each end of its life within the horizon, opex at each year's end, less the straight-line residual value left at the end. Undiscounted TCO: the same cash flows summed. Cost per accelerator-hour = (capex annualised at the WACC over the IT and facility lives + opex) ÷ (accelerators × 8,760 h) per installed hour; ÷ utilisation per used hour.",
    "Carbon: market-based = energy × (1 − PPA share) × the country's residual mix (AIB 2025; the grid average where none is published); location-based = energy × grid intensity (Ember, lifecycle). Embodied: 0.8–1.0 t per accelerator with its server (+15 % for fabric and storage), 1,250 t per MW of IT for the building.",
    "EU rules, dated by the opening year: EED Art. 12 reporting from 500 kW of IT; EED Art. 26(6): above 1 MW of rated input, use the waste heat or show by a cost-benefit analysis that it is not feasible; Germany's EnEfG from 300 kW of grid connection: opening from July 2026, PUE ≤ 1.2 and ERF ≥ 10 % (2027: 15 %, 2028: 20 %), older sites PUE ≤ 1.3; 100 % renewable electricity. ERF = exported heat ÷ facility energy; REF = renewable share.",
    "Training: compute = 6 × parameters × tokens; time = compute ÷ (accelerators × dense BF16 peak × MFU × precision speed-up × scale efficiency × goodput). MFU per accelerator family unless overridden (Hopper 0.40, Blackwell 0.35, AMD 0.20, Gaudi 0.30); FP8 × 1.3 end to end, capped by the chip's FP8/BF16 peak ratio; beyond 16,384 accelerators × 41/43 per doubling (extrapolated). Energy at full load × annual PUE; cost at the cost per installed accelerator-hour.",
    "Uncertainty: ten inputs drawn 10,000 times (fixed seed) from split triangular distributions over their sourced ranges, with the central value as the median, give P10/P50/P90 of eleven outputs; the headline is the central value. The tornado moves each input alone to its range ends.",
];

const METHOD_FR: &[&str] = &[
    "Dimensionnement : le nombre est arrondi à des serveurs entiers de 8 accélérateurs ou à des baies NVL72 de 72, puis comparé au maximum de 10 000 000 ; un budget de puissance porte sur le raccordement au réseau, un budget d'investissement sur l'investissement. Le refroidissement limite les serveurs par baie (air 40 kW, porte arrière 75 kW, liquide direct et immersion 250 kW) ; une plateforme uniquement liquide sur air ou porte arrière et une baie NVL72 en immersion sont refusées.",
    "Puissance informatique nominale = systèmes × puissance nominale × 1,02 (stockage) + réseau. Le réseau par accélérateur vient d'un arbre non bloquant de commutateurs de 144 ports à 800 Gb/s consommant 7,0 kW avec leurs optiques (Lambda), le réseau principal en représentant 86 % : deux niveaux jusqu'à ports²/2 accélérateurs (10 368 à 800 Gb/s, 41 472 à 400 Gb/s), trois au-delà ; 84,8/141,3 W à 400 Gb/s, 169,6/282,6 W à 800 Gb/s, consommés à toute charge.",
    "Puissance moyenne : les accélérateurs consomment repos + (max − repos) × utilisation, avec repos = 122/700 et max = 691/700 du TDP (un H200 mesuré) ; les hôtes consomment de 30 % à 48,5 % de leur part nominale (Brookhaven : un DGX H100 entraîne à 76 % de 10,2 kW).",
    "PUE mensuel à pleine charge = 1 + pertes électriques (N 3,5 %, N+1 4 %, 2N 5,5 %) + 1 % éclairage et bureaux + ventilateurs et pompes (air 8 %, porte arrière 5 %, liquide direct 3 %, immersion 2 %) + ventilateurs de rejet (1 à 2 %) + groupes froids. Les températures horaires suivent une loi normale (moyenne du mois, σ = 4,5 K) ; une boucle se passe de groupe froid tant que l'air qui la gouverne (sec pour les aéroréfrigérants, humide à 70 % d'humidité supposée pour les tours, pré-refroidi pour l'adiabatique) reste sous la consigne moins les pincements ; au-delà, un groupe froid fonctionne à 50 % du COP de Carnot. Le liquide direct évacue 80 % de la chaleur à 40 °C et 20 % à 18 °C.",
    "Charges fixes : 40 % des pertes électriques (à vide) et le 1 % d'éclairage et de bureaux sont consommés à toute charge ; PUE du mois = PUE à pleine charge + charges fixes × (1/puissance moyenne − 1/puissance nominale) : le PUE monte quand l'utilisation baisse.",
    "Jour de dimensionnement : pointe du site = puissance informatique nominale × PUE calculé avec toutes les heures à la condition de calcul du site (température sèche à 0,4 % de l'ASHRAE et température humide coïncidente ; celle de Lisbonne selon l'ASHRAE, ailleurs le mois le plus chaud + 10,4 K, estimation). Groupes froids et raccordement sont dimensionnés sur ce jour ; énergie, PUE et eau restent mensuels. Énergie annuelle = somme sur les mois de la puissance moyenne × heures × PUE.",
    "Raccordement au réseau = pointe non redondante du jour de dimensionnement, sans marge. La redondance fixe les onduleurs installés (puissance informatique × 1, 1,25 ou 2 en N, N+1, 2N), les groupes électrogènes (pointe du site × le même facteur) et l'investissement électrique, pas la puissance soutirée.",
    "Eau, mois par mois : une tour évapore 3,6 MJ ÷ 2,45 MJ/kg par kWh de chaleur latente, avec purge à 4 cycles (× 4/3) ; la part latente suit l'air du mois (air sortant saturé à la température moyenne de l'eau ; Helsinki, refroidissement par air : 55 % en janvier, 88 % en juillet). L'adiabatique évapore la moitié de la chaleur pendant ses heures d'arrosage ; les aéroréfrigérants secs n'en consomment pas. WUE = eau ÷ énergie informatique.",
    "Investissement : systèmes aux prix du marché (dollars au taux BCE 2024 de 1,0824), réseau +10 %, stockage +5 % ; construction 11,6 M$ par MW informatique (Turner & Townsend, Francfort) × le facteur du pays 0,55 + 0,45 × son coût horaire du travail ÷ celui de l'Allemagne (Eurostat 2024 ; estimation hors d'Allemagne), + 8,5 % pour le liquide direct ou l'immersion (porte arrière +4 %) ; répartie gros œuvre 20 %, électricité 45 % (× 0,8 en N, × 1,4 en 2N), mécanique 25 %, divers 10 % ; terrain et frais annexes +10 %.",
    "Exploitation : énergie × prix (Eurostat, tranche IG), maintenance 2 %/an, support informatique 4 %/an, 0,4 personne par MW informatique à 90 k€ × le rapport du coût du travail du pays à celui de l'Allemagne, moins les ventes de chaleur.",
    "Coût total (TCO) = valeur actuelle au CMPC sur l'horizon : investissement à l'année 0, matériel informatique racheté à chaque fin de vie et site à chaque fin de vie dans l'horizon, exploitation en fin de chaque année, moins la valeur résiduelle linéaire restant à la fin. TCO non actualisé : les mêmes flux additionnés. Coût par heure d'accélérateur = (investissement annualisé au CMPC sur les durées de vie + exploitation) ÷ (accélérateurs × 8 760 h) par heure installée ; ÷ utilisation par heure utilisée.",
    "Carbone : méthode « market-based » = énergie × (1 − part de PPA) × mix résiduel du pays (AIB 2025 ; moyenne du réseau là où il n'est pas publié) ; « location-based » = énergie × intensité du réseau (Ember, cycle de vie). Intrinsèque : 0,8 à 1,0 t par accélérateur avec son serveur (+15 % réseau et stockage), 1 250 t par MW informatique pour le bâtiment.",
    "Règles européennes, datées par l'année d'ouverture : déclaration DEE art. 12 dès 500 kW informatiques ; DEE art. 26(6) : au-delà de 1 MW de puissance nominale, valoriser la chaleur fatale ou démontrer par une analyse coûts-avantages que ce n'est pas faisable ; EnEfG allemande dès 300 kW de raccordement : ouverture à partir de juillet 2026, PUE ≤ 1,2 et ERF ≥ 10 % (2027 : 15 %, 2028 : 20 %), sites plus anciens PUE ≤ 1,3 ; électricité 100 % renouvelable. ERF = chaleur cédée ÷ énergie du site ; REF = part renouvelable.",
    "Entraînement : calcul = 6 × paramètres × jetons ; durée = calcul ÷ (accélérateurs × débit dense BF16 de crête × MFU × gain de précision × efficacité d'échelle × temps utile). MFU par famille d'accélérateurs sauf saisie (Hopper 0,40, Blackwell 0,35, AMD 0,20, Gaudi 0,30) ; FP8 × 1,3 de bout en bout, plafonné au rapport des crêtes FP8/BF16 de la puce ; au-delà de 16 384 accélérateurs × 41/43 par doublement (extrapolé). Énergie à pleine charge × PUE annuel ; coût au coût par heure d'accélérateur installée.",
    "Incertitude : 10 000 tirages (graine fixe) de dix paramètres selon des lois triangulaires scindées sur leurs plages sourcées, de médiane la valeur centrale, donnent P10/P50/P90 de onze résultats ; le chiffre affiché est la valeur centrale. Le diagramme en tornade déplace chaque paramètre seul aux bornes de sa plage.",
];

/// The method list as HTML.
pub fn method_html(lang: Lang) -> String {
    let (m, label) = if lang == Lang::Fr { (METHOD_FR, "Modèle") } else { (METHOD_EN, "Model") };
    let v = esc(crate::model::MODEL_VERSION);
    let mut out = format!("<p class=\"model-version\" data-model-version=\"{v}\">{label} {v}</p><ol class=\"method\">");
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

    #[test]
    fn the_method_names_the_model_version_and_says_as_much_in_both_languages() {
        assert_eq!(METHOD_EN.len(), METHOD_FR.len());
        let v = crate::model::MODEL_VERSION;
        for (lang, label) in [(Lang::En, "Model"), (Lang::Fr, "Modèle")] {
            let html = method_html(lang);
            let head = format!("<p class=\"model-version\" data-model-version=\"{v}\">{label} {v}</p><ol");
            assert!(html.starts_with(&head), "{html}");
            assert_eq!(html.matches("<li>").count(), METHOD_EN.len());
        }
        // French typography: a no-break space before « : ; ! ? » and inside « », never a plain one.
        for line in METHOD_FR {
            for bad in [" :", " ;", " !", " ?", "« ", " »", " %"] {
                assert!(!line.contains(bad), "{bad:?} in {line}");
            }
        }
    }
}
