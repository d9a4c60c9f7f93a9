//! A panic must never leave a blank page, nor a page that looks alive but no
//! longer answers: the hook says it once in `#fatal` (a static element in
//! index.html, outside the app), in the page's language and with the panic's
//! message, tells an embedding page, and logs to the console. (The loader makes
//! the rest of the page inert when the trap that follows the hook reaches it.)
//!
//! With `panic = "abort"` the hook runs, then the module traps. Traps that no
//! panic precedes (out of memory, `unreachable`) never reach Rust: the loader
//! written by scripts/post-build.mjs catches them as `WebAssembly.RuntimeError`
//! and says them the same way, with the texts this module leaves on `#fatal`
//! (it cannot ask a dead module for them). Whichever speaks first wins: both
//! stay silent once `#fatal` is shown.

/// Install the panic hook, and leave each language's banner text on `#fatal`
/// (`data-text-en`, `data-text-fr`, …) for the loader.
pub fn install_panic_hook() {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(el) = banner() {
            for lang in crate::i18n::Lang::ALL {
                let _ = el.set_attribute(&format!("data-text-{}", lang.code()), lang.text().fatal_error);
            }
        }
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&info.to_string().into());
            let payload = info.payload();
            let message =
                payload.downcast_ref::<&str>().copied().or(payload.downcast_ref::<String>().map(String::as_str));
            say(message.unwrap_or("panic"));
        }));
    }
}

#[cfg(target_arch = "wasm32")]
fn banner() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("fatal")
}

/// Show the banner with `reason` and post the embed error message, unless a
/// fatal error was already said (a wedged app may panic again and again).
#[cfg(target_arch = "wasm32")]
fn say(reason: &str) {
    let Some(el) = banner() else { return };
    if !el.has_attribute("hidden") {
        return;
    }
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| crate::i18n::Lang::from_code(&code))
        .unwrap_or(crate::i18n::Lang::DEFAULT);
    el.set_text_content(Some(&format!("{} ({reason})", lang.text().fatal_error)));
    let _ = el.set_attribute("lang", lang.code());
    let _ = el.remove_attribute("hidden");
    let error =
        crate::url_state::ParamError { name: "fatal".into(), value: String::new(), reason: reason.into(), model: None };
    crate::web::post_to_parent(&crate::embed::error_message(&[error]));
}

/// Panics with `message`. It exists only so that e2e/aborts.test.js can check
/// what a panic of the release build shows: script on the page calls it
/// (`wasmBindings.panic_for_tests("…")`); no URL parameter or message reaches it.
#[cfg(all(target_arch = "wasm32", feature = "probes"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_for_tests(message: &str) {
    panic!("{message}");
}
