//! AI Gigafactory Planner: size an EU AI gigafactory in the browser.
//!
//! `model` is pure Rust (no web crate); everything else is the Leptos shell
//! around it: state, storage, the URL codec, formatting, charts and components.
#![forbid(unsafe_code)]

pub mod charts;
pub mod embed;
pub mod export;
pub mod format;
pub mod i18n;
pub mod library;
pub mod model;
pub mod state;
pub mod storage;
pub mod ui;
pub mod url_state;
pub mod web;

pub use ui::app::App;

/// Install the panic banner and mount the app on `<body>`.
pub fn start() {
    ui::fatal::install_panic_hook();
    leptos::mount::mount_to_body(App);
}
