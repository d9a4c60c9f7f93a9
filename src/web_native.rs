//! The browser glue of `web.rs` off the browser (native builds and tests):
//! the same calls, which do nothing or report that there is no browser, so
//! components call `crate::web` without `cfg` lines of their own.

const NO_BROWSER: &str = "not in a browser";

/// No download without a browser.
pub fn download(_filename: &str, _mime: &str, _text: &str) -> Result<(), String> {
    Err(NO_BROWSER.into())
}

/// No clipboard without a browser.
pub async fn copy(_text: &str) -> Result<(), String> {
    Err(NO_BROWSER.into())
}

/// No file to read without a browser.
pub async fn read_file(_input: &web_sys::HtmlInputElement, _max_bytes: f64) -> Result<(String, String), String> {
    Err(NO_BROWSER.into())
}

/// Nothing to wait for without a browser.
pub async fn next_frame() {}

/// The page's URL without its query: none without a browser.
pub fn page_base() -> String {
    String::new()
}

/// Nothing to print without a browser.
pub fn print() {}

/// Today's date as YYYY-MM-DD (off the browser: none).
pub fn today() -> String {
    String::new()
}

/// No focus without a browser.
pub fn focus_later(_selector: String) {}

/// No focus without a browser.
pub fn keep_focus(_container: &str) {}

/// Nothing to measure without a browser.
pub fn recheck_views() {}

/// What a visitor did on the prerendered page (none off the browser).
#[derive(Default)]
pub struct Handover;

/// Take the prerendered page away (nothing off the browser).
pub fn take_prerender() -> Handover {
    Handover
}

/// Give the visitor's values back to the app's fields (nothing off the browser).
pub fn give_back(_: Handover) {}
