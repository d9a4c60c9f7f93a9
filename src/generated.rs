//! Files this build writes from its own code, natively, and ships: the
//! prerendered first screen (`src/prerender.html`, `src/prerender.json`) and
//! the panels' fragments (`src/ui/generated/`). Each has a test that calls
//! [`keep_fresh`], so a file that no longer matches the code fails the test
//! command instead of shipping.

/// With `UPDATE_GENERATED` set, write `text` to `path` (relative to the
/// crate's root); otherwise panic, saying how to rewrite it, unless the file
/// holds `text` already.
pub fn keep_fresh(path: &str, text: &str) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&full, text).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    let kept = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(kept == text, "{path} is stale: UPDATE_GENERATED=1 cargo test --workspace");
}
