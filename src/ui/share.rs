//! Share and export: copy a link that reproduces the scenario, copy the embed
//! code, download the results as CSV, print a report.

use crate::state::use_planner;
use crate::ui::tx;
use crate::url_state::to_query;
use leptos::prelude::*;

/// The `<iframe>` snippet that embeds `url`.
pub fn embed_snippet(url: &str, title: &str) -> String {
    let escaped = url.replace('&', "&amp;").replace('"', "&quot;");
    let title = title.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{escaped}\" title=\"{title}\" width=\"100%\" height=\"760\" style=\"border:0;max-width:800px\" loading=\"lazy\"></iframe>"
    )
}

/// What the last share action produced.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Shared {
    /// A message, and whether it says what was refused.
    Said(&'static str, bool),
    Manual(String),
}

/// The share and export buttons.
#[component]
pub fn ShareBar() -> impl IntoView {
    let p = use_planner();
    let shelf = crate::ui::scenarios::use_shelf();
    let shared = RwSignal::new(None::<Shared>);
    let link = move || {
        let base = crate::web::page_base();
        p.scenario.with_untracked(|s| {
            format!(
                "{base}?{}{}",
                to_query(s, Some(p.lang.get_untracked()), false),
                p.explorer.with_untracked(crate::explorer::query)
            )
        })
    };
    let copy = move |text: String, done: fn(&crate::i18n::Text) -> &'static str| {
        leptos::task::spawn_local(async move {
            match crate::web::copy(&text).await {
                Ok(()) => shared.set(Some(Shared::Said(done(p.text()), false))),
                Err(_) => shared.set(Some(Shared::Manual(text))),
            }
        });
    };
    let on_link = move |_| copy(link(), |t| t.copied);
    let on_embed = move |_| {
        let url = format!("{}&embed=1", link());
        copy(embed_snippet(&url, p.text().title), |t| t.embed_copied);
    };
    let on_csv = move |_| {
        // Results that are not those of the inputs beside them are not exported.
        if untrack(|| p.is_stale()) {
            shared.set(Some(Shared::Said(p.text().csv_invalid, true)));
            return;
        }
        // Headline values from the current estimate; ranges only if the
        // Monte-Carlo has caught up with the current inputs.
        let pending = p.analysis_pending();
        // The open saved scenario's name, if its inputs are on screen unchanged.
        let name = untrack(|| p.scenario.with(|s| shelf.open_name(s))).unwrap_or_else(|| p.text().title.to_string());
        let csv = p.estimate.with_untracked(|e| {
            e.as_ref().map(|e| {
                p.analysis.with_untracked(|a| {
                    let ranges = a.as_ref().filter(|_| !pending).map(|a| &a.monte_carlo);
                    p.scenario.with_untracked(|s| crate::export::results_csv(&name, s, e, ranges))
                })
            })
        });
        #[cfg(target_arch = "wasm32")]
        if let Some(csv) = csv {
            // Accents decomposed, so the file name keeps their letters (ASCII).
            let plain = String::from(js_sys::JsString::from(name.as_str()).normalize("NFD"));
            let file = crate::export::csv_file_name(&plain, &crate::web::today());
            let _ = crate::web::download(&file, "text/csv", &csv);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = csv;
    };
    // The method, sources and checks are fetched near view: in the report too.
    let on_print = move |_| {
        let lang = p.lang.get_untracked();
        if crate::ui::sources::loaded(lang) {
            crate::web::print();
            return;
        }
        leptos::task::spawn_local(async move {
            crate::ui::sources::ensure_loaded(lang).await;
            crate::web::print();
        });
    };
    view! {
        <section class="panel share" id="share" aria-labelledby="share-title">
            <h2 id="share-title">{tx(|t| t.share)}</h2>
            <div class="row-actions">
                <button type="button" id="copy-link" on:click=on_link>{tx(|t| t.copy_link)}</button>
                <button type="button" id="copy-embed" on:click=on_embed>{tx(|t| t.embed_code)}</button>
                <button type="button" id="download-csv" on:click=on_csv>{tx(|t| t.csv)}</button>
                <button type="button" id="print" on:click=on_print>{tx(|t| t.print)}</button>
            </div>
            {move || {
                shared.get().map(|s| match s {
                    Shared::Said(msg, refused) => view! { <p class="status" class:error=refused role="status" id="share-status">{msg}</p> }.into_any(),
                    Shared::Manual(text) => view! {
                        <div class="status" role="status" id="share-status">
                            <label for="share-text">{tx(|t| t.copy_manually)}</label>
                            <textarea id="share-text" readonly rows="3">{text}</textarea>
                        </div>
                    }
                    .into_any(),
                })
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_snippet_escapes_the_url() {
        let s = embed_snippet("https://x.eu/?a=1&embed=1", "A \"B\"");
        assert!(s.starts_with("<iframe src=\"https://x.eu/?a=1&amp;embed=1\""));
        assert!(s.contains("title=\"A &quot;B&quot;\""));
    }
}
