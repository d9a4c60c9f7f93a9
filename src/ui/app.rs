//! The app: reads the URL, then saved state, then defaults; provides the
//! planner state; lays out inputs and results; writes the URL, local storage and
//! the document language back out.

use crate::i18n::Lang;
use crate::i18n::{fill, storage_error};
use crate::messages::model_error_message;
use crate::model::Scenario;
use crate::state::{use_planner, Planner, Stale};
use crate::storage::{self, Loaded, Local, Slot};
use crate::ui::breakdown::Breakdown;
use crate::ui::compare::Compare;
use crate::ui::figures::Figures;
use crate::ui::inputs::Inputs;
use crate::ui::kpis::{Kpis, SummaryBar};
use crate::ui::scenarios::{ScenarioPanel, Shelf};
use crate::ui::share::ShareBar;
use crate::ui::sources::Sources;
use crate::ui::tx;
use crate::url_state::{self, ParamError};
use leptos::prelude::*;

/// Where the starting scenario came from, and what went wrong on the way.
struct Start {
    scenario: Scenario,
    lang: Lang,
    embed: bool,
    url_errors: Vec<ParamError>,
    /// A message about the stored working copy, and whether backups are offered for download.
    storage_note: Option<(String, bool)>,
    working: Slot,
    /// The site explorer's view the link asks for.
    view: crate::explorer::View,
}

fn browser_lang() -> Lang {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.navigator().language())
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or(Lang::DEFAULT)
    }
    #[cfg(not(target_arch = "wasm32"))]
    Lang::DEFAULT
}

/// Provided as context while the app is rendered to static HTML at build time
/// (`tests/prerender.rs`): the first screen of the default scenario in
/// English, with no browser state (no link, storage or notices).
#[derive(Clone, Copy)]
pub struct Prerendering;

fn start() -> Start {
    if use_context::<Prerendering>().is_some() {
        let working = Slot::new(storage::WORKING_KEY);
        let (scenario, lang) = (Scenario::default(), Lang::DEFAULT);
        let view = crate::explorer::DEFAULT;
        return Start { scenario, lang, embed: false, url_errors: vec![], storage_note: None, working, view };
    }
    #[cfg(target_arch = "wasm32")]
    let query = url_state::browser::current_query();
    #[cfg(not(target_arch = "wasm32"))]
    let query = String::new();
    let parsed = url_state::parse_query(&query);
    let lang = parsed.lang.unwrap_or_else(browser_lang);
    // The embedded view neither reads nor writes the visitor's storage.
    let mut working = Slot::new(storage::WORKING_KEY);
    let loaded =
        if parsed.embed { Loaded::Empty } else { working.load(&mut Local, storage::now_ms(), storage::read_working) };
    let t = lang.text();
    let (saved, storage_note) = match loaded {
        Loaded::Value(s) => (Some(s), None),
        Loaded::Empty => (None, None),
        Loaded::Unavailable => (None, Some((t.storage_unavailable.to_string(), false))),
        Loaded::SetAside { error, backup_key: Some(k) } => {
            let why = storage_error(&error, lang);
            (None, Some((format!("{} {}", fill(t.working_set_aside, &why), fill(t.working_kept_under, &k)), true)))
        }
        // Held in its key: the notice with its choices is drawn from the slot.
        Loaded::SetAside { backup_key: None, .. } => (None, None),
    };
    let scenario = if parsed.has_scenario { parsed.scenario } else { saved.unwrap_or_default() };
    let view = parsed.view.apply(crate::explorer::DEFAULT);
    Start { scenario, lang, embed: parsed.embed, url_errors: parsed.errors, storage_note, working, view }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let Start { scenario, lang, embed, url_errors, storage_note, working, view } = start();
    let planner = Planner::new(scenario, lang);
    planner.explorer.set(view);
    provide_context(planner);
    let prerendering = use_context::<Prerendering>().is_some();
    let shelf = Shelf::load(!embed && !prerendering);
    provide_context(shelf);
    let working = RwSignal::new(working);

    // Boundaries: the URL (history replace), local storage, <html lang>, the parent page.
    // The URL and the stored working copy are written at once after a quiet
    // moment, then not again until the inputs settle: a dragged slider does
    // not rewrite them on every step. Leaving the page writes any edit of the
    // last moment.
    let write = move |s: &Scenario, lang: Lang| {
        #[cfg(target_arch = "wasm32")]
        url_state::browser::replace_query(&format!(
            "{}{}",
            url_state::to_query(s, Some(lang), embed),
            planner.explorer.with_untracked(crate::explorer::query)
        ));
        // Only a scenario that evaluates is kept (a half-typed value is not
        // worth a reload), and nothing while the key holds data no copy holds.
        if !embed && s.resolve().is_ok() && working.with_untracked(|w| w.held.is_none()) {
            let now = storage::now_ms();
            let text = storage::encode(s, now);
            working.update(|w| {
                let _ = w.write(&mut Local, &text, now, |raw| storage::read_working(raw).map(|_| ()));
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (s, lang);
    };
    write_when_quiet(planner, write);
    // The explorer's view is written as it changes (it changes no figure).
    Effect::new(move |first: Option<()>| {
        planner.explorer.track();
        if first.is_some() {
            planner.scenario.with_untracked(|s| write(s, planner.lang.get_untracked()));
        }
    });
    #[cfg(target_arch = "wasm32")]
    if !embed {
        let flush = window_event_listener(leptos::ev::pagehide, move |_| {
            // Only edits the settled write has not covered yet.
            if planner.analysis_pending_untracked() {
                planner.scenario.with_untracked(|s| write(s, planner.lang.get_untracked()));
            }
        });
        // Back from a fragment (the skip link's #results) lands on an entry whose
        // query the edits since have not rewritten: the address follows the inputs again.
        let back = window_event_listener_untyped("popstate", move |_| {
            planner.scenario.with_untracked(|s| write(s, planner.lang.get_untracked()));
        });
        on_cleanup(move || {
            flush.remove();
            back.remove();
        });
    }
    // The document's language and title follow the page's.
    Effect::new(move |_| {
        let lang = planner.lang.get();
        #[cfg(target_arch = "wasm32")]
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.document_element() {
                let _ = el.set_attribute("lang", lang.code());
            }
            doc.set_title(lang.text().title);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = lang;
    });
    #[cfg(target_arch = "wasm32")]
    {
        // Another tab changed the saved list.
        let storage_listener = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(crate::library::LIBRARY_KEY) {
                shelf.refresh();
            }
        });
        on_cleanup(move || storage_listener.remove());
        crate::web::on_scheme_change(move |dark| planner.dark.set(dark));
        let before_print = window_event_listener_untyped("beforeprint", move |_| planner.printing.set(true));
        let after_print = window_event_listener_untyped("afterprint", move |_| planner.printing.set(false));
        on_cleanup(move || {
            before_print.remove();
            after_print.remove();
        });
        if embed {
            embed_bridge(planner);
        }
    }

    // Figures of other inputs are greyed (not while a typed value waits a moment).
    let stale_shown = move || planner.figures_greyed();
    if embed {
        return view! {
            <main class="embed" class:stale=stale_shown>
                <header class="embed-head">
                    <strong>{tx(|t| t.title)}</strong>
                    <a href=move || planner.scenario.with(|s| format!("?{}{}", url_state::to_query(s, Some(planner.lang.get()), false), planner.explorer.with(crate::explorer::query)))
                        target="_blank" rel="noopener">{tx(|t| t.open_full)}</a>
                </header>
                <Notices url_errors storage_note=None />
                <StaleNote live=true />
                <Kpis only=&crate::ui::kpis::EMBED_CARDS />
                <crate::ui::explorer::Explorer compact=true />
                <Inputs compact=true />
            </main>
        }
        .into_any();
    }

    let anchor = NodeRef::<leptos::html::Div>::new();
    view! {
        <a class="skip" href="#results">{tx(|t| t.skip_to_results)}</a>
        <header class="site-header">
            <div>
                <h1>{tx(|t| t.title)}</h1>
                <p class="tagline">{tx(|t| t.tagline)}</p>
            </div>
            <LangSwitch />
        </header>
        <crate::ui::report::PrintHead />
        <Notices url_errors storage_note />
        <WorkingHeld working />
        <main class="layout">
            <div class="area-kpis" id="results" tabindex="-1" class:stale=stale_shown>
                <StaleNote live=true />
                <Kpis anchor />
            </div>
            <div class="area-inputs">
                <Inputs />
            </div>
            // Below the first screen: not in the prerendered page.
            {(!prerendering).then(|| view! {
            <div class="area-details" class:stale=stale_shown>
                <StaleNote />
                <div class="panels top-panels">
                    <ScenarioPanel />
                    <ShareBar />
                </div>
                <Compare />
                <crate::ui::explorer::Explorer />
                <Figures />
                <Breakdown />
                <crate::ui::checks::Checks />
                <Sources />
            </div>
            <SummaryBar anchor />
            })}
        </main>
    }
    .into_any()
}

/// Call `write(scenario, lang)` on the first edit after the inputs were still,
/// and again once they settle (see [`SETTLE_MS`](crate::state::SETTLE_MS)); the
/// edits between are covered by the settled write.
fn write_when_quiet(planner: Planner, write: impl Fn(&Scenario, Lang) + 'static) {
    let was_pending = StoredValue::new(false);
    Effect::new(move |_| {
        let lang = planner.lang.get();
        let pending = planner.analysis_pending();
        let first_of_burst = pending && !was_pending.get_value();
        was_pending.set_value(pending);
        if !pending || first_of_burst {
            planner.scenario.with_untracked(|s| write(s, lang));
        }
    });
}

/// The embedded view's conversation with its parent page (see `embed.rs`).
#[cfg(target_arch = "wasm32")]
fn embed_bridge(planner: Planner) {
    use crate::embed::{apply_set_message, error_message, height_message, results_message, Ignored};
    // The current estimate, or why there is none: never the last valid figures
    // beside inputs they do not belong to.
    Effect::new(move |_| {
        // Every change answers, even one the model refuses for the same reason.
        planner.scenario.track();
        planner.result.with(|r| match r {
            Ok(e) => crate::web::post_to_parent(&results_message(
                e,
                &planner.scenario.with(|s| url_state::to_query(s, None, false)),
            )),
            Err(e) => crate::web::post_to_parent(&error_message(&[ParamError {
                name: "model".into(),
                value: String::new(),
                reason: e.to_string(),
                model: None,
            }])),
        });
    });
    crate::web::observe_height(|h| crate::web::post_to_parent(&height_message(h)));
    let listener = window_event_listener(leptos::ev::message, move |ev| {
        // Other scripts on the parent page talk too: a message whose `type`
        // is not ours is ignored before anything else of it is read.
        if !crate::web::from_parent(&ev) || !crate::web::message_claims(&ev, crate::embed::PREFIX) {
            return;
        }
        let json = match crate::web::message_json(&ev) {
            Ok(json) => json,
            Err(reason) => {
                let e = ParamError { name: "message".into(), value: String::new(), reason, model: None };
                crate::web::post_to_parent(&error_message(&[e]));
                return;
            }
        };
        let current = planner.scenario.get_untracked();
        match apply_set_message(&current, &json) {
            Ok(parsed) => {
                if !parsed.errors.is_empty() {
                    crate::web::post_to_parent(&error_message(&parsed.errors));
                }
                if let Some(l) = parsed.lang {
                    planner.lang.set(l);
                }
                if parsed.view.any() {
                    planner.explorer.update(|v| *v = parsed.view.apply(*v));
                }
                if parsed.scenario != current {
                    planner.scenario.set(parsed.scenario);
                }
            }
            Err(Ignored::Malformed(reason)) => {
                let e = ParamError { name: "message".into(), value: String::new(), reason, model: None };
                crate::web::post_to_parent(&error_message(&[e]));
            }
            Err(Ignored::NotOurs) => {}
        }
    });
    on_cleanup(move || listener.remove());
}

/// Language switcher.
#[component]
fn LangSwitch() -> impl IntoView {
    let p = use_planner();
    view! {
        <div class="lang-switch" role="group" aria-label=tx(|t| t.language)>
            {Lang::ALL
                .iter()
                .map(|&l| {
                    view! {
                        <button
                            type="button"
                            lang=l.code()
                            aria-pressed=move || if p.lang.get() == l { "true" } else { "false" }
                            on:click=move |_| p.lang.set(l)
                        >
                            {l.code().to_ascii_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The stored working scenario could not be used and no copy of it could be
/// made: it stays in its key, autosave is paused, and the planner chooses.
#[component]
fn WorkingHeld(working: RwSignal<Slot>) -> impl IntoView {
    let p = use_planner();
    let download = move |_| {
        let Some(held) = working.with_untracked(|w| w.held.clone()) else { return };
        crate::ui::download_unreadable(&[(storage::WORKING_KEY.to_string(), held.raw)]);
    };
    // Replacing loses the unreadable data: the first press asks, the second
    // does it; a write the browser refuses is said.
    let confirming = RwSignal::new(false);
    let failed = RwSignal::new(None::<storage::StorageError>);
    let replace = move |_| {
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        confirming.set(false);
        let now = storage::now_ms();
        let text = p.scenario.with_untracked(|s| storage::encode(s, now));
        let result = working.try_update(|w| w.release(&mut Local, &text));
        failed.set(result.and_then(Result::err));
    };
    move || {
        working.with(|w| w.held.clone()).map(|held| {
            let t = p.text();
            view! {
                <div class="notices" role="alert" id="working-held">
                    <p class="notice">
                        {fill(t.working_set_aside, &storage_error(&held.error, p.lang.get()))} " " {t.working_held} " "
                        <button type="button" class="link" id="download-working" on:click=download>{t.download_unreadable}</button>
                        " "
                        <button type="button" class="link" id="replace-working" on:click=replace>
                            {move || if confirming.get() { p.text().confirm_replace } else { p.text().replace_working }}
                        </button>
                        {move || failed.get().map(|e| view! {
                            " " <span class="error" id="replace-working-failed">{fill(p.text().replace_failed, &storage_error(&e, p.lang.get()))}</span>
                        })}
                    </p>
                </div>
            }
        })
    }
}

/// Messages about the link and storage, shown once at start.
#[component]
fn Notices(url_errors: Vec<ParamError>, storage_note: Option<(String, bool)>) -> impl IntoView {
    let p = use_planner();
    let has_any = !url_errors.is_empty() || storage_note.is_some();
    has_any.then(|| {
        view! {
            <div class="notices" role="status">
                {url_errors
                    .into_iter()
                    .map(|e| {
                        let shown = if e.value.is_empty() { String::new() } else { format!(" = \"{}\"", e.value) };
                        let (name, code) = (e.name.clone(), format!("{}{shown}", e.name));
                        view! {
                            <p class="notice" data-param=name>
                                {tx(|t| t.invalid_param)}
                                " "
                                <code>{code}</code>
                                {move || format!(" ({})", param_reason(&e, p.lang.get()))}
                            </p>
                        }
                    })
                    .collect_view()}
                {storage_note.map(|(n, backups)| view! {
                    <p class="notice">
                        {n}
                        {backups.then(|| view! {
                            " "
                            <button type="button" class="link" id="download-working-backup"
                                on:click=move |_| crate::ui::download_unreadable(&storage::backups(&Local))>{tx(|t| t.download_unreadable)}</button>
                        })}
                    </p>
                })}
            </div>
        }
    })
}

/// Why the figures on screen do not belong to the inputs on screen, if they
/// do not: the refusal or the fields not used, and which inputs the figures'
/// scenario differs in (or that there are none). Sticky at the top of its
/// region, so it stays in view wherever the page is scrolled; the one with
/// `live` is announced.
#[component]
pub fn StaleNote(#[prop(optional)] live: bool) -> impl IntoView {
    let p = use_planner();
    move || {
        let l = p.lang.get();
        let t = l.text();
        let stale = p.stale();
        // The announced note of a refusal is the page's one `.model-error`.
        let class = if live && matches!(stale, Stale::Refused(_)) { "stale-note model-error" } else { "stale-note" };
        let (lead, reason) = match stale {
            Stale::No | Stale::Typing => return None,
            Stale::Refused(why) => (t.model_error, format!("{why}.")),
            Stale::Fields(fields) => (
                t.not_used,
                fields
                    .iter()
                    .map(|(name, e)| format!("{}{}{}", crate::messages::quoted_label(name, l), t.colon, e.message(l)))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        };
        let after = if p.estimate.with(Option::is_none) {
            t.no_figures.to_string()
        } else {
            fill(t.figures_differ_in, &p.differing_inputs().join(", "))
        };
        Some(view! {
            <div class=class role=live.then_some("alert")>
                <strong>{lead}</strong> " " {reason} " " <span class="stale-after">{after}</span>
            </div>
        })
    }
}

/// Why a link parameter was not used, in the page's language.
fn param_reason(e: &ParamError, l: Lang) -> String {
    if let Some(m) = &e.model {
        return model_error_message(m, l);
    }
    crate::url_state::reason_in(&e.reason, l).to_string()
}
