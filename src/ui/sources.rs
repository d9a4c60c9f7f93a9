//! The method in short and every source the model cites, and how the page
//! gets them, and the published checks (`checks.rs`), without carrying their
//! text in its wasm.
//!
//! None of this text depends on what the visitor enters, so it is written
//! natively when the release is built: [`method_html`] and [`sources_html`]
//! render it, and a test keeps `generated/method.{en,fr}.html` (the method, a
//! line break, the sources) equal to their output
//! (`UPDATE_GENERATED=1 cargo test --lib sources` rewrites them).
//! The release ships `src/ui/generated/` as `fragments/` (index.html's
//! copy-dir), each file named by a hash of its content, and the page lists
//! their names in `<meta name="fragment:NAME.LANG" content="./fragments/…">`
//! (both by scripts/post-build.mjs, whose service worker keeps them for
//! offline use). A panel fetches its fragment once it comes within a screen
//! of view, again when the language changes after that, and before printing
//! ([`ensure_loaded`]); meanwhile it says it is loading, and if the fetch
//! fails it says so (and tries again when it comes into view again).
//! Carried in the wasm, the method, the sources and the checks cost the first
//! visit about 6 KB (gzip).

use crate::i18n::Lang;
use crate::state::use_planner;
use crate::ui::tx;
use leptos::prelude::*;
use std::cell::RefCell;

#[cfg(not(target_arch = "wasm32"))]
const METHOD_EN: &[&str] = &[
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
];

#[cfg(not(target_arch = "wasm32"))]
const METHOD_FR: &[&str] = &[
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
];

/// The method list as HTML.
#[cfg(not(target_arch = "wasm32"))]
pub fn method_html(lang: Lang) -> String {
    use crate::ui::html::esc;
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
#[cfg(not(target_arch = "wasm32"))]
pub fn sources_html(lang: Lang) -> String {
    use crate::model::source::ALL;
    use crate::ui::html::esc;
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

/// The fragment `name` in `lang`, as the release ships it in
/// `generated/{name}.{lang}.html`: for [`METHOD`], the method, a line break
/// (which neither list contains) and the sources; for [`CHECKS`], the checks.
#[cfg(not(target_arch = "wasm32"))]
pub fn fragment_html(name: &str, lang: Lang) -> String {
    if name == CHECKS {
        crate::ui::checks::checks_html(lang)
    } else {
        format!("{}\n{}", method_html(lang), sources_html(lang))
    }
}

/// The method and the sources (one fragment: their panels follow each other).
pub const METHOD: &str = "method";
/// The published checks.
pub const CHECKS: &str = "checks";

/// A fragment of the page, in one language.
#[derive(Clone, PartialEq)]
pub enum Fragment {
    /// Not here yet: asked for, or not yet wanted.
    Loading,
    /// Its HTML.
    Ready(String),
    /// The fetch failed (offline without a cached copy, a host without the file).
    Failed,
}

thread_local! {
    /// Every fragment asked for, by name and language.
    static FRAGMENTS: RefCell<Vec<((&'static str, Lang), Fragment)>> = const { RefCell::new(Vec::new()) };
    /// Told whenever one of them changes.
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

fn stored(key: (&'static str, Lang)) -> Option<Fragment> {
    FRAGMENTS.with(|f| f.borrow().iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()))
}

fn store(key: (&'static str, Lang), value: Fragment) {
    FRAGMENTS.with(|f| {
        let mut f = f.borrow_mut();
        match f.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => f.push((key, value)),
        }
    });
    CHANGED.with(|c| c.notify());
}

/// Fetch fragment `name` in `lang` unless it is here, or on its way and not
/// `needed` now (printing fetches it alongside rather than wait).
async fn load(name: &'static str, lang: Lang, needed: bool) {
    let key = (name, lang);
    match stored(key) {
        Some(Fragment::Ready(_)) => return,
        Some(Fragment::Loading) if !needed => return,
        _ => {}
    }
    store(key, Fragment::Loading);
    match fetch_fragment(name, lang).await {
        Some(html) => store(key, Fragment::Ready(html)),
        // A fetch alongside may have brought it meanwhile.
        None if !matches!(stored(key), Some(Fragment::Ready(_))) => store(key, Fragment::Failed),
        None => {}
    }
}

/// Whether the method, the sources and the checks in `lang` are here (then
/// printing need not wait for [`ensure_loaded`]).
pub fn loaded(lang: Lang) -> bool {
    [METHOD, CHECKS].iter().all(|&name| matches!(stored((name, lang)), Some(Fragment::Ready(_))))
}

/// Load the method, the sources and the checks in `lang` if they are not here
/// yet, and return once their panels show them (or say they could not load):
/// await it before `window.print()` so that the printed report carries them.
/// Never fails; offline without a cached copy the panels say so.
pub async fn ensure_loaded(lang: Lang) {
    load(METHOD, lang, true).await;
    load(CHECKS, lang, true).await;
    // The panels draw the fragments in the effects this woke.
    crate::web::next_frame().await;
}

#[cfg(target_arch = "wasm32")]
mod net {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The global `fetch`.
        #[wasm_bindgen(catch)]
        pub fn fetch(url: &str) -> Result<js_sys::Promise, JsValue>;
        /// A `Response` (only what is read of it).
        pub type Fetched;
        #[wasm_bindgen(method, getter)]
        pub fn ok(this: &Fetched) -> bool;
        #[wasm_bindgen(method, catch)]
        pub fn text(this: &Fetched) -> Result<js_sys::Promise, JsValue>;
    }
}

/// The text of fragment `name` in `lang`, at the address the page's
/// `<meta name="fragment:NAME.LANG">` gives; none on any failure.
#[cfg(target_arch = "wasm32")]
async fn fetch_fragment(name: &str, lang: Lang) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let doc = web_sys::window()?.document()?;
    let meta = doc.query_selector(&format!("meta[name=\"fragment:{name}.{}\"]", lang.code())).ok()??;
    let url = meta.get_attribute("content")?;
    let res: net::Fetched = JsFuture::from(net::fetch(&url).ok()?).await.ok()?.unchecked_into();
    if !res.ok() {
        return None;
    }
    let text = JsFuture::from(res.text().ok()?).await.ok()?.as_string()?;
    // A host that answers a missing file with its page must not put a page in a panel.
    (!text.starts_with("<!")).then_some(text)
}

/// Off the browser, the fragment as written at build time.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_fragment(name: &str, lang: Lang) -> Option<String> {
    Some(fragment_html(name, lang))
}

/// Fragment `name` in the page's language as its panels show it, loaded once
/// one of `sections` comes within a screen of view (or the page prints), and
/// in the new language when the language changes after that. Off the
/// browser too, it starts as loading (as a page rendered natively should:
/// the fragment is not in the first visit) and is filled when effects run.
pub fn lazy_fragment<const N: usize>(
    name: &'static str,
    sections: [NodeRef<leptos::html::Section>; N],
) -> Memo<Fragment> {
    let p = use_planner();
    let near: [RwSignal<bool>; N] = std::array::from_fn(|_| RwSignal::new(false));
    #[cfg(target_arch = "wasm32")]
    for (node, near) in sections.into_iter().zip(near) {
        // Dropped, and so disconnected, with the component.
        let watch = StoredValue::new_local(None);
        node.on_load(move |el| {
            let el: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(el);
            watch.set_value(Some(crate::web::watch_visibility(&el, (1.0, 1.0), near)));
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = sections;
    let wanted = StoredValue::new(false);
    Effect::new(move |_| {
        let lang = p.lang.get();
        let now = p.printing.get() || near.iter().any(|n| n.get());
        if now || wanted.get_value() {
            wanted.set_value(true);
            leptos::task::spawn_local(load(name, lang, false));
        }
    });
    Memo::new(move |_| {
        CHANGED.with(|c| c.track());
        stored((name, p.lang.get())).unwrap_or(Fragment::Loading)
    })
}

/// Part `i` of a fragment (split at its line break: 0 before, 1 after; a
/// fragment without one is all part 0) as HTML, or a line saying it is
/// loading or could not load.
pub fn fragment_part(f: Memo<Fragment>, i: usize) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let p = use_planner();
    move || {
        let t = p.text();
        f.with(|f| match f {
            Fragment::Ready(html) => {
                let (a, b) = html.split_once('\n').unwrap_or((html, ""));
                if i == 0 { a } else { b }.to_string()
            }
            Fragment::Loading => format!("<p class=\"note fragment-status\">{}</p>", t.fragment_loading),
            Fragment::Failed => {
                format!("<p class=\"note fragment-status\" role=\"status\">{}</p>", t.fragment_failed)
            }
        })
    }
}

/// Method and sources.
#[component]
pub fn Sources() -> impl IntoView {
    let method = NodeRef::new();
    let sources = NodeRef::new();
    let f = lazy_fragment(METHOD, [method, sources]);
    view! {
        <section class="panel wide" id="method" node_ref=method>
            <h2>{tx(|t| t.h_method)}</h2>
            <div inner_html=fragment_part(f, 0)></div>
        </section>
        <section class="panel wide" id="sources" node_ref=sources>
            <h2>{tx(|t| t.sources)}</h2>
            <p class="note">{tx(|t| t.sources_intro)}</p>
            <div inner_html=fragment_part(f, 1)></div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::source::ALL;

    #[test]
    fn the_generated_fragments_are_this_releases() {
        for lang in [Lang::En, Lang::Fr] {
            let html = fragment_html(METHOD, lang);
            let path = format!("{}/src/ui/generated/method.{}.html", env!("CARGO_MANIFEST_DIR"), lang.code());
            if std::env::var_os("UPDATE_GENERATED").is_some() {
                std::fs::write(&path, &html).unwrap();
                continue;
            }
            let shipped = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(html == shipped, "{path} is stale: UPDATE_GENERATED=1 cargo test --lib sources");
            // One line break, between the method and the sources.
            assert_eq!(html.matches('\n').count(), 1);
            assert!(html.split_once('\n').is_some_and(|(m, s)| m.ends_with("</ol>") && s.starts_with("<ul")));
        }
    }

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
