//! A panic must never leave a blank page: the hook shows a banner in `#fatal`
//! (a static element in index.html, outside the app) and logs to the console.

/// Install the panic hook.
pub fn install_panic_hook() {
    #[cfg(target_arch = "wasm32")]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_banner();
    }));
}

#[cfg(target_arch = "wasm32")]
fn show_banner() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(el) = doc.get_element_by_id("fatal") else { return };
    let lang = doc.document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default();
    let text = crate::i18n::Lang::from_code(&lang).unwrap_or(crate::i18n::Lang::En).text();
    el.set_text_content(Some(text.fatal_error));
    let _ = el.remove_attribute("hidden");
}
