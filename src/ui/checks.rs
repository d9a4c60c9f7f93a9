//! The model checked against published facilities and training runs: each
//! case's published figure, the model's for the same inputs, the difference
//! and the band it must stay in, and a link that opens the case.
//!
//! The cases do not depend on what the visitor enters, so their tables are
//! written by this release's model when it is built: `checks_html` renders
//! them and a test keeps `generated/checks.{en,fr}.html` equal to its output
//! (`UPDATE_GENERATED=1 cargo test --lib checks` rewrites them). Computing the
//! eight cases in the browser cost 5 KB of wasm (gzip) for the same figures.
//! The page does not carry the tables either: the release ships them as files
//! and the panel fetches its language's when it comes near the screen (see
//! `sources.rs`, which does the same for the method and the sources).

#[cfg(not(target_arch = "wasm32"))]
use crate::i18n::Lang;
use crate::ui::sources::{fragment_part, lazy_fragment, CHECKS};
use crate::ui::tx;
use leptos::prelude::*;

/// The checks as an HTML table, from the model (run at build time, see above).
#[cfg(not(target_arch = "wasm32"))]
pub fn checks_html(l: Lang) -> String {
    use crate::format::{format as fmt, Style};
    use crate::model::checks::{checks, PublishedCheck};
    use crate::ui::html::esc;
    let t = l.text();
    let figure = |c: &PublishedCheck, v: f64| {
        if c.metric == "train_gpu_hours" {
            format!("{} h", fmt(v, l, Style::Compact))
        } else {
            crate::ui::kpis::display_metric(c.metric, v, l)
        }
    };
    let pct = |x: f64| {
        let s = fmt(x.abs(), l, Style::Percent(0));
        if x < 0.0 {
            format!("\u{2212}{s}")
        } else {
            format!("+{s}")
        }
    };
    let mut out = format!(
        "<div class=\"table-scroll\"><table class=\"kv checks-table\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\"><span class=\"sr-only\">{}</span></th></tr></thead><tbody>",
        esc(t.check_case),
        esc(t.check_published),
        esc(t.check_model),
        esc(t.check_difference),
        esc(t.check_band),
        esc(t.check_load),
    );
    // A link carries what differs from the defaults (the rest it leaves at them), and the language.
    let defaults = crate::url_state::to_query(&crate::model::Scenario::default(), Some(l), false);
    for c in checks() {
        let e = crate::model::evaluate(&c.scenario).expect("a published check evaluates");
        let model = c.model_value(&e);
        let ok = c.within(model);
        let name = l.check_name(&c);
        let query = crate::url_state::to_query(&c.scenario, Some(l), false)
            .split('&')
            .filter(|pair| {
                pair.starts_with("v=") || pair.starts_with("lang=") || !defaults.split('&').any(|d| d == *pair)
            })
            .collect::<Vec<_>>()
            .join("&");
        out.push_str(&format!(
            "<tr data-check=\"{id}\" data-within=\"{ok}\"><th scope=\"row\">{name} <span class=\"check-source\">({year}, <a href=\"{url}\" rel=\"noopener noreferrer\" target=\"_blank\">{publisher}</a>)</span></th><td>{published}</td><td>{model}</td><td><span class=\"badge {class}\">{diff}</span></td><td>{lo} … {hi}</td><td><a class=\"button load-check\" href=\"?{query}\" aria-label=\"{load}: {name}\">{load}</a></td></tr>",
            id = esc(c.id),
            name = esc(name),
            year = c.year,
            url = esc(c.source.url),
            publisher = esc(c.source.publisher),
            published = esc(&figure(&c, c.published)),
            model = esc(&figure(&c, model)),
            class = if ok { "pass" } else { "fail" },
            diff = esc(&pct(c.difference(model))),
            lo = esc(&pct(c.band.0)),
            hi = esc(&pct(c.band.1)),
            load = esc(t.check_load),
            query = esc(&query),
        ));
    }
    out.push_str("</tbody></table></div>");
    out
}

/// The panel of published checks.
#[component]
pub fn Checks() -> impl IntoView {
    let section = NodeRef::new();
    let f = lazy_fragment(CHECKS, [section]);
    view! {
        <section class="panel wide" id="checks" aria-labelledby="checks-title" node_ref=section>
            <h2 id="checks-title">{tx(|t| t.h_checks)}</h2>
            <p class="note">{tx(|t| t.checks_note)}</p>
            <div inner_html=fragment_part(f, 0)></div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_tables_are_this_models() {
        for (lang, file) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
            let html = checks_html(lang);
            // Split at a line break by the panel: there is none.
            assert!(!html.contains('\n'));
            crate::generated::keep_fresh(&format!("src/ui/generated/checks.{file}.html"), &html);
        }
    }

    #[test]
    fn every_case_is_within_its_band_and_opens_its_inputs() {
        let html = checks_html(Lang::En);
        assert_eq!(html.matches("data-within=\"true\"").count(), crate::model::checks::checks().len(), "{html}");
        assert!(html.contains("href=\"?v=1&amp;count=16384&amp;accelerator=h100"), "{html}");
        // Each link opens exactly its case: what it leaves out is at the defaults.
        for c in crate::model::checks::checks() {
            let href =
                html.split(&format!("data-check=\"{}\"", c.id)).nth(1).unwrap().split("href=\"?").nth(1).unwrap();
            let query = href.split('"').next().unwrap().replace("&amp;", "&");
            assert_eq!(crate::url_state::parse_query(&query).scenario, c.scenario, "{}", c.id);
        }
        assert!(checks_html(Lang::Fr).contains("Charger"));
    }
}
