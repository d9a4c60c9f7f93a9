//! The head of the printed report: which scenario it describes (its name if
//! saved, every input, the model version, the date) and the link back to it.
//! Built only while printing: on screen there is nothing to keep current.

use crate::state::use_planner;
use crate::ui::compare::input_rows;
use crate::ui::html::{esc, kv_table};
use crate::ui::scenarios::use_shelf;
use crate::url_state::to_query;
use leptos::prelude::*;

/// The printed report's first block (read-only markup, written as a string).
#[component]
pub fn PrintHead() -> impl IntoView {
    let p = use_planner();
    let shelf = use_shelf();
    move || {
        p.printing.get().then(|| {
            let l = p.lang.get();
            let t = l.text();
            // The inputs of the figures printed: while the inputs on screen
            // cannot be evaluated, those of the last valid scenario (the
            // printed notes say which inputs differ).
            let current = p.scenario.get();
            let scenario = if p.is_stale() { p.last_valid.get_value().unwrap_or(current) } else { current };
            let name = shelf.open_name(&scenario).unwrap_or_else(|| t.unsaved_scenario.to_string());
            let link = format!("{}?{}", crate::web::page_base(), to_query(&scenario, Some(l), false));
            let html = format!(
                r#"<h2>{}</h2><p class="print-meta">{} {} · {} {}</p><h3 class="print-inputs-title">{}</h3>{}<p class="print-link">{} <a href="{link}">{link}</a></p>"#,
                esc(&name),
                esc(t.printed_on),
                crate::web::today(),
                esc(t.model_version),
                crate::model::MODEL_VERSION,
                esc(t.report_inputs),
                kv_table(&input_rows(&scenario, l), "kv print-inputs"),
                esc(t.open_this_scenario),
                link = esc(&link),
            );
            view! { <section class="print-head" id="print-head" inner_html=html></section> }
        })
    }
}
