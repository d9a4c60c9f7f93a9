//! The model is pure Rust: `src/model.rs` and everything under `src/model/`
//! name no web crate and reach into no other part of the app, so it runs the
//! same natively, in tests and in the browser.

use std::fs;
use std::path::{Path, PathBuf};

/// Crates the model must not name (as Rust paths, with `_`), and their Cargo
/// spellings (with `-`), which would only appear in an `extern crate` rename or
/// a string that loads them.
const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "web-sys",
    "wasm_bindgen",
    "wasm-bindgen",
    "js_sys",
    "js-sys",
    "gloo",
    "plotters",
    "console_error_panic_hook",
];

/// App modules outside the model it must not depend on.
const APP_MODULES: &[&str] =
    &["ui", "state", "storage", "url_state", "embed", "charts", "i18n", "format", "json", "library", "export"];

fn model_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("model.rs")];
    let mut dirs = vec![root.join("model")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The code of a line without its `//` comment (doc comments may mention the
/// crates the model avoids). A `//` inside a string literal, as in a URL, only
/// shortens what is checked, never adds to it.
fn code_of(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

/// Whether `word` occurs in `code` as a whole identifier (not inside a longer one).
fn names(code: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    code.match_indices(word).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

#[test]
fn the_model_has_files_to_check() {
    let files = model_files();
    assert!(files.len() >= 10, "expected the model's modules, found {files:?}");
    for must in ["model.rs", "compute.rs", "scenario.rs", "accelerators.rs", "countries.rs"] {
        assert!(files.iter().any(|f| f.ends_with(must)), "{must} not found among {files:?}");
    }
}

#[test]
fn the_model_names_no_web_crate() {
    let mut offences = Vec::new();
    for file in model_files() {
        let text = fs::read_to_string(&file).expect("model files are UTF-8");
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            for &krate in FORBIDDEN {
                if names(code, krate) {
                    offences.push(format!("{}:{}: names `{krate}`: {}", file.display(), n + 1, line.trim()));
                }
            }
            // Belt and braces for the common spellings, comments included.
            for needle in ["leptos::", "use leptos", "web_sys::", "wasm_bindgen::", "js_sys::", "gloo_", "plotters::"] {
                if line.contains(needle) {
                    offences.push(format!("{}:{}: contains `{needle}`: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(offences.is_empty(), "the model must stay pure:\n{}", offences.join("\n"));
}

#[test]
fn the_model_depends_on_nothing_else_in_the_app() {
    let mut offences = Vec::new();
    for file in model_files() {
        let text = fs::read_to_string(&file).expect("model files are UTF-8");
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            for (i, _) in code.match_indices("crate::") {
                let rest = &code[i + "crate::".len()..];
                if !rest.starts_with("model") {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
            // From src/model.rs, `super::` is the crate root, where the app lives.
            if file.ends_with("src/model.rs") && code.contains("super::") {
                offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
            for &module in APP_MODULES {
                if code.trim_start().starts_with(&format!("use {module}::")) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
            if names(code, "extern") && code.contains("crate") {
                offences.push(format!("{}:{}: extern crate: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(offences.is_empty(), "the model must not reach outside src/model:\n{}", offences.join("\n"));
}

#[test]
fn the_checker_catches_what_it_should() {
    assert!(names("use leptos::prelude::*;", "leptos"));
    assert!(names("let w = web_sys::window();", "web_sys"));
    assert!(names("#[wasm_bindgen]", "wasm_bindgen"));
    assert!(!names("let my_leptos_thing = 1;", "leptos"));
    assert!(!names("let gloomy = 1;", "gloo"));
    assert_eq!(code_of("let x = 1; // leptos is elsewhere"), "let x = 1; ");
}
