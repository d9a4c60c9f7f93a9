//! The method in short, in each language. Written into the release's
//! fragments when it is built (`ui::sources::method_html`), never carried in
//! the wasm.

use super::Lang;

/// The method list and the label of the model's version.
#[derive(Debug)]
pub struct Method {
    /// Says the model's version ("Model 2.1").
    pub label: &'static str,
    /// One line per part of the model.
    pub lines: &'static [&'static str],
}

impl Lang {
    /// The method in this language.
    pub fn method(self) -> &'static Method {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }
}

/// English.
const EN: Method = Method {
    label: "Model",
    lines: &[
    "Sizing: counts round up to whole 8-GPU servers or 72-GPU NVL72 racks (at most 10,000,000 accelerators); a power budget sizes against the grid connection, a capital budget against capex. Cooling caps a rack at 40 kW (air), 75 kW (rear door) or 250 kW (liquid); liquid-only platforms on air and NVL72 in immersion are refused.",
    "IT power = systems × nameplate × 1.02 (storage) + network: a fat tree of 144-port 800 Gb/s switches at 7.0 kW with optics, two tiers up to ports²/2 accelerators and three beyond (85–283 W per accelerator), drawn at every load.",
    "Average IT: accelerators draw idle + (max − idle) × utilisation (122 and 691 W per 700 W of TDP, a measured H200); hosts 30–48.5 % of their share.",
    "Monthly PUE = 1 + power-chain losses (3.5–5.5 % by redundancy) + 1 % offices + fans and pumps + chillers; hourly temperatures are Normal(month mean, σ 4.5 K) and a loop runs without chillers while its air stays below supply − approaches. Fixed overheads (no-load losses, offices) raise the PUE at low utilisation.",
    "Design day: facility peak, chillers and the grid connection are sized with every hour at the site's cooling design condition (ASHRAE 0.4 %; outside Lisbon, warmest month + 10.4 K, an estimate); energy and water stay monthly.",
    "Grid connection = the non-redundant design-day peak. Redundancy (N, N+1, 2N) sets UPS and generator capacity and the electrical capex, not the power drawn.",
    "Water: towers evaporate the heat carried latently in the month's air (3.6 MJ ÷ 2.45 MJ/kg per kWh, 4 cycles); adiabatic coolers half the heat while spraying; dry coolers none.",
    "Capex: systems at street prices, network +10 %, storage +5 %; construction US$11.6 M per MW of IT (Frankfurt) × 0.55 + 0.45 × the country's labour cost ÷ Germany's, +8.5 % for liquid; land and soft costs +10 %. Opex: energy × price, maintenance 2 %/yr, IT support 4 %/yr, 0.4 staff per MW, less heat sales.",
    "TCO = present value at the WACC over the horizon: capex, IT and building bought again at the end of their lives, opex, less the residual value at the end; undiscounted TCO sums the same flows. Cost per accelerator-hour: annualised capex + opex per installed hour, ÷ utilisation per used hour.",
    "Carbon: market-based = energy not covered by PPAs × the country's residual mix (AIB 2025); location-based = energy × grid intensity (Ember). Embodied: 0.8–1.0 t per accelerator, 1,250 t per MW of IT for the building.",
    "EU rules by opening year: EED Art. 12 reporting from 500 kW of IT and Art. 26(6) waste-heat analysis above 1 MW; EnEfG (Germany, from 300 kW of connection): PUE ≤ 1.2 and ERF ≥ 10 %, 15 %, 20 % for openings from July 2026, 2027, 2028; 100 % renewable electricity.",
    "Training: time = 6 × parameters × tokens ÷ (accelerators × BF16 peak × MFU × precision speed-up × scale efficiency × goodput); MFU by accelerator family unless set, FP8 × 1.3, × 41/43 per doubling beyond 16,384 accelerators (extrapolated).",
    "Uncertainty: ten inputs drawn 10,000 times (fixed seed) from split triangular ranges whose median is the central value give P10/P50/P90; the tornado moves each input alone to its ends.",
    ],
};

/// French.
const FR: Method = Method {
    label: "Modèle",
    lines: &[
    "Dimensionnement : le nombre est arrondi à des serveurs entiers de 8 GPU ou à des baies NVL72 de 72 (au plus 10 000 000 accélérateurs) ; un budget de puissance porte sur le raccordement, un budget d'investissement sur l'investissement. Le refroidissement plafonne une baie à 40 kW (air), 75 kW (porte arrière) ou 250 kW (liquide) ; les plateformes tout-liquide sur air et les NVL72 en immersion sont refusées.",
    "Puissance informatique = systèmes × puissance nominale × 1,02 (stockage) + réseau : arbre de commutateurs de 144 ports à 800 Gb/s consommant 7,0 kW avec optiques, deux étages jusqu'à ports²/2 accélérateurs, trois au-delà (85 à 283 W par accélérateur), à toute charge.",
    "Puissance moyenne : les accélérateurs consomment repos + (max − repos) × utilisation (122 et 691 W pour 700 W de TDP, un H200 mesuré) ; les hôtes 30 à 48,5 % de leur part.",
    "PUE mensuel = 1 + pertes électriques (3,5 à 5,5 % selon la redondance) + 1 % bureaux + ventilateurs et pompes + groupes froids ; les températures horaires suivent une loi normale (moyenne du mois, σ 4,5 K) et une boucle fonctionne sans groupe froid tant que son air reste sous la consigne moins les pincements. Les charges fixes (pertes à vide, bureaux) relèvent le PUE à faible utilisation.",
    "Jour de dimensionnement : puissance de pointe, groupes froids et raccordement sont dimensionnés avec toutes les heures à la condition de calcul du site (ASHRAE 0,4 % ; hors Lisbonne, mois le plus chaud + 10,4 K, une estimation) ; énergie et eau restent mensuelles.",
    "Raccordement = la pointe sans redondance du jour de dimensionnement. La redondance (N, N+1, 2N) fixe la puissance des onduleurs et des groupes électrogènes et l'investissement électrique, pas la puissance appelée.",
    "Eau : les tours évaporent la chaleur emportée sous forme latente par l'air du mois (3,6 MJ ÷ 2,45 MJ/kg par kWh, 4 cycles) ; l'adiabatique la moitié de la chaleur pendant l'arrosage ; les aéroréfrigérants secs rien.",
    "Investissement : systèmes aux prix du marché, réseau +10 %, stockage +5 % ; construction 11,6 M$ par MW informatique (Francfort) × 0,55 + 0,45 × coût du travail du pays ÷ celui de l'Allemagne, +8,5 % pour le liquide ; terrain et frais annexes +10 %. Exploitation : énergie × prix, maintenance 2 %/an, support informatique 4 %/an, 0,4 personne par MW, moins les ventes de chaleur.",
    "Coût total = valeur actuelle au CMPC sur l'horizon : investissement, matériel et bâtiment rachetés en fin de vie, exploitation, moins la valeur résiduelle à la fin ; le coût non actualisé additionne les mêmes flux. Coût par heure d'accélérateur : investissement annualisé + exploitation par heure installée, ÷ utilisation par heure utilisée.",
    "Carbone : « market-based » = énergie non couverte par des PPA × mix résiduel du pays (AIB 2025) ; « location-based » = énergie × intensité du réseau (Ember). Intrinsèque : 0,8 à 1,0 t par accélérateur, 1 250 t par MW informatique pour le bâtiment.",
    "Règles européennes selon l'année de mise en service : DEE art. 12, déclaration dès 500 kW informatiques, et art. 26(6), analyse de la chaleur fatale au-delà de 1 MW ; EnEfG (Allemagne, dès 300 kW de raccordement) : PUE ≤ 1,2 et ERF ≥ 10 %, 15 %, 20 % pour une ouverture à partir de juillet 2026, 2027, 2028 ; électricité 100 % renouvelable.",
    "Entraînement : durée = 6 × paramètres × jetons ÷ (accélérateurs × crête BF16 × MFU × gain de précision × efficacité à l'échelle × temps utile) ; MFU de la famille d'accélérateurs sauf saisie, FP8 × 1,3, × 41/43 par doublement au-delà de 16 384 accélérateurs (extrapolé).",
    "Incertitude : dix paramètres tirés 10 000 fois (graine fixe) sur des plages triangulaires dont la médiane est la valeur centrale donnent P10/P50/P90 ; la tornade déplace chaque paramètre seul à ses bornes.",
    ],
};
