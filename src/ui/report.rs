//! The head of the printed report: which scenario it describes (its name if
//! saved, every input, the model version, the date) and the link back to it.
//! Built only while printing: on screen there is nothing to keep current.

use crate::state::use_planner;
use crate::ui::compare::input_rows;
use crate::ui::scenarios::use_shelf;
use crate::url_state::to_query;
use leptos::prelude::*;

/// The printed report's first block.
#[component]
pub fn PrintHead() -> impl IntoView {
    let p = use_planner();
    let shelf = use_shelf();
    move || {
        p.printing.get().then(|| {
            let l = p.lang.get();
            let t = l.text();
            let scenario = p.scenario.get();
            let name = shelf.open_name(&scenario).unwrap_or_else(|| t.unsaved_scenario.to_string());
            let link = format!("{}?{}", crate::web::page_base(), to_query(&scenario, Some(l), false));
            let rows = input_rows(&scenario, l);
            let meta = format!(
                "{} {} · {} {}",
                t.printed_on,
                crate::web::today(),
                t.model_version,
                crate::model::MODEL_VERSION
            );
            view! {
                <section class="print-head" id="print-head">
                    <h2>{name}</h2>
                    <p class="print-meta">{meta}</p>
                    <h3 class="print-inputs-title">{t.report_inputs}</h3>
                    <dl class="print-inputs">
                        {rows
                            .into_iter()
                            .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
                            .collect_view()}
                    </dl>
                    <p class="print-link">{t.open_this_scenario} " " <a href=link.clone()>{link.clone()}</a></p>
                </section>
            }
        })
    }
}
