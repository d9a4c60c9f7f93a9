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

/// The method list as HTML.
#[cfg(not(target_arch = "wasm32"))]
pub fn method_html(lang: Lang) -> String {
    use crate::ui::html::esc;
    let (label, m) = (lang.method().label, lang.method().lines);
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

/// The address a release file is at: the content of the page's
/// `<meta name="fragment:NAME">` (the post-build hook writes them).
#[cfg(target_arch = "wasm32")]
pub fn address(name: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    doc.query_selector(&format!("meta[name=\"fragment:{name}\"]")).ok()??.get_attribute("content")
}

/// The text of the release file `<meta name="fragment:NAME">` names; none on
/// any failure, or when the host answers with a page instead of the file.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(name: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let url = address(name)?;
    let res: net::Fetched = JsFuture::from(net::fetch(&url).ok()?).await.ok()?.unchecked_into();
    if !res.ok() {
        return None;
    }
    let text = JsFuture::from(res.text().ok()?).await.ok()?.as_string()?;
    // A host that answers a missing file with its page must not put a page in a panel.
    (!text.starts_with("<!")).then_some(text)
}

/// The text of fragment `name` in `lang` (`fragment:NAME.LANG`).
#[cfg(target_arch = "wasm32")]
async fn fetch_fragment(name: &str, lang: Lang) -> Option<String> {
    fetch_text(&format!("{name}.{}", lang.code())).await
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
    // A few seconds after the page is up (and after each change of language),
    // the panels' text comes anyway, so that a print started with Ctrl+P, which
    // cannot wait, carries it. The service worker has it cached from its install.
    let p = use_planner();
    Effect::new(move |_| {
        let lang = p.lang.get();
        #[cfg(target_arch = "wasm32")]
        leptos::prelude::set_timeout(
            move || {
                leptos::task::spawn_local(async move {
                    load(METHOD, lang, false).await;
                    load(CHECKS, lang, false).await;
                })
            },
            std::time::Duration::from_secs(4),
        );
        #[cfg(not(target_arch = "wasm32"))]
        let _ = lang;
    });
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
            crate::generated::keep_fresh(&format!("src/ui/generated/method.{}.html", lang.code()), &html);
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
        let (en, fr) = (Lang::En.method().lines, Lang::Fr.method().lines);
        assert_eq!(en.len(), fr.len());
        let v = crate::model::MODEL_VERSION;
        for (lang, label) in [(Lang::En, "Model"), (Lang::Fr, "Modèle")] {
            let html = method_html(lang);
            let head = format!("<p class=\"model-version\" data-model-version=\"{v}\">{label} {v}</p><ol");
            assert!(html.starts_with(&head), "{html}");
            assert_eq!(html.matches("<li>").count(), en.len());
        }
        // French typography: a no-break space before « : ; ! ? » and inside « », never a plain one.
        for line in fr {
            for bad in [" :", " ;", " !", " ?", "« ", " »", " %"] {
                assert!(!line.contains(bad), "{bad:?} in {line}");
            }
        }
    }
}
