//! The site explorer's module: `gigafactory_planner::explorer::dom::render`,
//! exported for the page. Built by `scripts/explore-module.mjs` (run by the
//! release's post-build hook) into `fragments/`, loaded by `ui::explorer` when
//! the explorer first opens, so the first visit carries none of its code.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Draw the explorer into `root` for `input`, the JSON of
/// `gigafactory_planner::explorer::Input`; an error says why it could not.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn render(root: &web_sys::Element, input: &str) -> Result<(), JsValue> {
    gigafactory_planner::explorer::dom::render(root, input).map_err(|e| JsValue::from_str(&e))
}
