//! Thin browser glue used by the components: downloads, the clipboard, reading
//! an uploaded file, and talking to a parent page. Every call reports failure
//! as a value; none can panic.

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offer `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "the browser refused the download".to_string();
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Put text on the clipboard. Fails where the page may not (an iframe without
/// permission, an insecure origin).
pub async fn copy(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard()).ok_or("no clipboard")?;
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the clipboard is not available here".into())
}

/// Read the first chosen file of an `<input type=file>` as text, if it is at
/// most `max_bytes` long.
pub async fn read_file(input: &web_sys::HtmlInputElement, max_bytes: f64) -> Result<(String, String), String> {
    let file = input.files().and_then(|f| f.get(0)).ok_or("no file chosen")?;
    if file.size() > max_bytes {
        return Err(format!(
            "the file is {} MB; at most {} MB can be imported at once",
            crate::num::fixed(file.size() / 1_048_576.0, 1),
            crate::num::fixed(max_bytes / 1_048_576.0, 0)
        ));
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| "the file could not be read".to_string())?;
    Ok((file.name(), text.as_string().unwrap_or_default()))
}

/// Resolves after the browser has had a chance to paint (a zero-delay timer
/// runs after the current task, and rendering may come between).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The parent window, if this page is framed.
pub fn parent() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    let parent = w.parent().ok().flatten()?;
    if js_sys::Object::is(&parent, &w) {
        None
    } else {
        Some(parent)
    }
}

/// Post a message to the parent window (any origin: results are public), as
/// the object its JSON text describes.
pub fn post_to_parent<T: serde::Serialize>(message: &T) {
    let Some(parent) = parent() else { return };
    let Ok(text) = serde_json::to_string(message) else { return };
    let Ok(value) = js_sys::JSON::parse(&text) else { return };
    let _ = parent.post_message(&value, "*");
}

/// Whether a message event came from the parent window.
pub fn from_parent(ev: &web_sys::MessageEvent) -> bool {
    match (ev.source(), parent()) {
        (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
        _ => false,
    }
}

/// A message event's data as JSON, read value by value (not through
/// `JSON.stringify`, which throws on cycles and BigInts and keeps lone
/// surrogates that no JSON parser accepts). Strings are read lossily (a lone
/// surrogate becomes U+FFFD); properties that are undefined, functions or
/// symbols are left out, and elsewhere those read as null; an object's
/// properties come sorted by name (as a JSON object keeps them). Errs on a BigInt, nesting deeper than 32
/// levels, a cycle, or more than [`MESSAGE_NODES`] values in all (a message of
/// shared references, `o = {a: o1, b: o1}` and so on, would otherwise be
/// walked once per path: exponentially).
///
/// Call it only on a message that claims to be ours ([`message_claims`]),
/// which reads nothing but `type`.
pub fn message_json(ev: &web_sys::MessageEvent) -> Result<Value, String> {
    let mut walk = Walk { budget: MESSAGE_NODES, path: Vec::new(), max_depth: 32, cycles: true };
    walk.value(&ev.data(), 0)
}

/// JSON text as a value, parsed by the browser: its numbers are exact (a
/// float parser as exact, serde_json's `float_roundtrip`, costs 9 KB of wasm).
/// Nesting deeper than serde_json allows (128) is refused, as serde_json does.
pub fn parse_json(text: &str) -> Result<Value, String> {
    let parsed = js_sys::JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>().map_or_else(|| "not JSON".to_string(), |e| String::from(e.message()))
    })?;
    // What JSON.parse returns has no cycles and no values JSON cannot carry.
    let mut walk = Walk { budget: u32::MAX, path: Vec::new(), max_depth: 128, cycles: false };
    walk.value(&parsed, 0)
}

/// The most values (objects, arrays, numbers, strings …) a parent's message
/// may hold: ours hold a few dozen, a hostile one of shared references would
/// be walked 2^depth times; this many take a few milliseconds.
pub const MESSAGE_NODES: u32 = 100_000;

/// The state of a message's walk: values left in the budget, and the objects
/// from the root to here (a cycle comes back to one of them).
struct Walk {
    budget: u32,
    path: Vec<JsValue>,
    /// Deepest nesting read.
    max_depth: u32,
    /// Whether to look for cycles (a message's objects may refer back).
    cycles: bool,
}

impl Walk {
    fn value(&mut self, v: &JsValue, depth: u32) -> Result<Value, String> {
        if depth > self.max_depth {
            return Err(if self.cycles { "the message is nested too deeply" } else { "nested too deeply" }.into());
        }
        if self.budget == 0 {
            return Err(format!("the message holds more than {MESSAGE_NODES} values"));
        }
        self.budget -= 1;
        if self.cycles && v.is_object() {
            if self.path.iter().any(|seen| js_sys::Object::is(seen, v)) {
                return Err("the message refers to itself".into());
            }
            self.path.push(v.clone());
            let r = self.inner(v, depth);
            self.path.pop();
            return r;
        }
        self.inner(v, depth)
    }

    fn inner(&mut self, v: &JsValue, depth: u32) -> Result<Value, String> {
        js_to_json(self, v, depth)
    }
}

fn js_to_json(walk: &mut Walk, v: &JsValue, depth: u32) -> Result<Value, String> {
    if v.is_bigint() {
        return Err("the message holds a BigInt, which JSON cannot carry".into());
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(x) = v.as_f64() {
        // Whole numbers stay integers, as JSON.stringify writes them.
        if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
            return Ok(Value::from(x as i64));
        }
        return Ok(serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number));
    }
    if v.is_string() {
        return Ok(Value::String(v.as_string().unwrap_or_default()));
    }
    if js_sys::Array::is_array(v) {
        let a: &js_sys::Array = v.unchecked_ref();
        return a.iter().map(|x| walk.value(&x, depth + 1)).collect::<Result<Vec<_>, _>>().map(Value::Array);
    }
    // Boxed primitives (new String("…")) read as their value and dates as ISO
    // text, as in JSON.stringify.
    if v.is_instance_of::<js_sys::JsString>()
        || v.is_instance_of::<js_sys::Number>()
        || v.is_instance_of::<js_sys::Boolean>()
    {
        let o: &js_sys::Object = v.unchecked_ref();
        return js_to_json(walk, &o.value_of(), depth + 1);
    }
    if let Some(d) = v.dyn_ref::<js_sys::Date>() {
        let t = d.get_time();
        return Ok(if t.is_nan() { Value::Null } else { Value::String(String::from(d.to_iso_string())) });
    }
    if v.is_object() && !v.is_function() {
        let o: &js_sys::Object = v.unchecked_ref();
        let mut members = serde_json::Map::new();
        for key in js_sys::Object::keys(o).iter() {
            let Some(k) = key.as_string() else { continue };
            let x = js_sys::Reflect::get(o, &key).map_err(|_| format!("the property \"{k}\" cannot be read"))?;
            // Left out, as JSON.stringify leaves them out.
            if x.is_undefined() || x.is_function() || x.is_symbol() {
                continue;
            }
            let x = walk.value(&x, depth + 1)?;
            members.insert(k, x);
        }
        // A JSON object keeps its members sorted by name (property names are
        // unique), so parameters apply in the same order whatever order the
        // parent wrote them in.
        return Ok(Value::Object(members));
    }
    Ok(Value::Null)
}

/// Whether a message event's data claims to be one of ours (`type`, a string
/// or a boxed `new String(…)`, starts with `prefix`). Reads nothing else of it.
pub fn message_claims(ev: &web_sys::MessageEvent, prefix: &str) -> bool {
    let data = ev.data();
    if !data.is_object() {
        return false;
    }
    let Ok(kind) = js_sys::Reflect::get(&data, &JsValue::from_str("type")) else { return false };
    let kind = if kind.is_instance_of::<js_sys::JsString>() {
        let boxed: &js_sys::Object = kind.unchecked_ref();
        boxed.value_of().into()
    } else {
        kind
    };
    kind.as_string().is_some_and(|t| t.starts_with(prefix))
}

/// The page's URL without its query (for links and embed code).
pub fn page_base() -> String {
    let Some(w) = web_sys::window() else { return String::new() };
    let loc = w.location();
    format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default())
}

/// Height of the page's content, CSS px: the root element's own box, which
/// (unlike `scrollHeight`) shrinks when the content does, even inside a taller iframe.
pub fn document_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| e.get_bounding_client_rect().height().ceil())
        .unwrap_or(0.0)
}

/// Print the page.
/// Today's date as YYYY-MM-DD (UTC).
pub fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_string()
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Call `f` with the document's height whenever the root element resizes. The
/// observer lives as long as the page.
pub fn observe_height(f: impl Fn(f64) + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| f(document_height()));
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            observer.observe(&body);
        }
    }
    // The page keeps observing until it unloads.
    callback.forget();
}

/// Call `f(dark)` whenever the system colour scheme changes. Lives as long as the page.
pub fn on_scheme_change(f: impl Fn(bool) + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(mql) = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) else {
        return;
    };
    let query = mql.clone();
    let callback = Closure::<dyn FnMut()>::new(move || f(query.matches()));
    let _ = mql.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
    callback.forget();
}

/// One element whose nearness to the screen is watched.
struct Watched {
    el: web_sys::Element,
    /// How far above and below the screen still counts as near, in screen heights.
    margin: (f64, f64),
    near: leptos::prelude::RwSignal<bool>,
}

thread_local! {
    static WATCHED: std::cell::RefCell<Vec<Option<Watched>>> = const { std::cell::RefCell::new(Vec::new()) };
    static FRAME_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A watched element; dropping it stops the reports.
pub struct VisibilityWatch(usize);

impl Drop for VisibilityWatch {
    fn drop(&mut self) {
        WATCHED.with(|w| {
            if let Some(slot) = w.borrow_mut().get_mut(self.0) {
                *slot = None;
            }
        });
    }
}

/// Measure every watched element against the screen and set its signal. Reads
/// layout: called on scroll and resize, when the page's height changes, when
/// the inputs settle and once after an element is added, never on an edit.
/// (An IntersectionObserver per element did the same, but Chrome recomputed
/// every observed element on every frame that changed anything: about 0.3 ms
/// of an edit at 1× CPU with the charts in view.)
fn measure_views() {
    use leptos::prelude::{Set, WithUntracked};
    let h = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|v| v.as_f64()).unwrap_or(0.0);
    let mut changed = Vec::new();
    WATCHED.with(|watched| {
        for x in watched.borrow().iter().flatten() {
            let r = x.el.get_bounding_client_rect();
            // (An infinite reach stays infinite, even on a screen of no height.)
            let reach = |m: f64| if m.is_finite() { m * h } else { m };
            let (above, below) = (reach(x.margin.0), reach(x.margin.1));
            // Nothing on the page scrolls sideways; no box, no view (display: none).
            let near = r.height() > 0.0 && r.bottom() >= -above && r.top() <= h + below;
            if x.near.with_untracked(|n| *n != near) {
                changed.push((x.near, near));
            }
        }
    });
    // Outside the borrow: what the signals wake may add or drop watches.
    for (signal, near) in changed {
        signal.set(near);
    }
}

thread_local! {
    // Where the focus goes at the next animation frame (the first request wins).
    /// A pending [`focus_later`]: the selector, and what had the focus when it was asked.
    static FOCUS: std::cell::RefCell<Option<(String, Option<web_sys::Element>)>> = const { std::cell::RefCell::new(None) };
}

/// Focus the element `selector` finds at the next animation frame, once the
/// view has been drawn again; nothing when there is none, or when the focus
/// moved to another element in the meantime (a keyboard user who went on is
/// never pulled back). A request already pending for this frame wins.
pub fn focus_later(selector: String) {
    if FOCUS.with(|f| f.borrow().is_some()) {
        return;
    }
    let doc = web_sys::window().and_then(|w| w.document());
    let before = doc.as_ref().and_then(|d| d.active_element());
    FOCUS.with(|f| *f.borrow_mut() = Some((selector, before)));
    leptos::prelude::request_animation_frame(|| {
        let Some((selector, before)) = FOCUS.with(|f| f.borrow_mut().take()) else { return };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let body = doc.body().map(web_sys::Element::from);
        let moved = doc.active_element().filter(|a| Some(a) != body.as_ref() && Some(a) != before.as_ref());
        if moved.is_some_and(|a| a.is_connected()) {
            return;
        }
        let el = doc.query_selector(&selector).ok().flatten();
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// Before a list inside `container` is drawn again: if the focus is on a control
/// of one of its `[data-id]` items, focus the same control of the same item
/// once redrawn (unless a handler asked for another place first), so a
/// keyboard user does not fall back to the top of the page.
pub fn keep_focus(container: &str) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()) else { return };
    let item = el.closest(&format!("{container} [data-id]")).ok().flatten();
    let (Some(item), Some(class)) = (item, el.get_attribute("class")) else { return };
    let (Some(id), Some(class)) = (item.get_attribute("data-id"), class.split(' ').next().filter(|c| !c.is_empty()))
    else {
        return;
    };
    focus_later(format!("{container} [data-id=\"{id}\"] .{class}"));
}

/// Measure the watched elements at the next animation frame (once, however
/// often asked before it).
pub fn recheck_views() {
    if !FRAME_PENDING.with(|p| p.replace(true)) {
        leptos::prelude::request_animation_frame(|| {
            FRAME_PENDING.with(|p| p.set(false));
            measure_views();
        });
    }
}

/// Listen, once per page, for what can move elements relative to the screen:
/// scrolling and resizing (the events come once per frame, before its animation
/// callbacks, with layout clean: measure right there), and content that grows
/// or shrinks and so moves what is below it.
fn install_view_listeners() {
    use wasm_bindgen::closure::Closure;
    let Some(win) = web_sys::window() else { return };
    let measure = Closure::<dyn FnMut()>::new(measure_views);
    for event in ["scroll", "resize"] {
        let _ = win.add_event_listener_with_callback(event, measure.as_ref().unchecked_ref());
    }
    measure.forget();
    observe_height(|_| recheck_views());
}

/// Keep `near` telling whether `el` is within `margin` screen heights (above,
/// below) of the viewport (measured first at the next frame).
pub fn watch_visibility(
    el: &web_sys::Element,
    margin: (f64, f64),
    near: leptos::prelude::RwSignal<bool>,
) -> VisibilityWatch {
    let entry = Some(Watched { el: el.clone(), margin, near });
    let (slot, first) = WATCHED.with(|w| {
        let mut w = w.borrow_mut();
        let first = w.is_empty();
        let slot = match w.iter().position(Option::is_none) {
            Some(i) => i,
            None => {
                w.push(None);
                w.len() - 1
            }
        };
        w[slot] = entry;
        (slot, first)
    });
    if first {
        install_view_listeners();
    }
    recheck_views();
    VisibilityWatch(slot)
}

/// What a visitor did on the prerendered page (`<div id="prerender">` in
/// index.html) before the app took over: the values typed or chosen, the
/// focused field with its caret, and the scroll position.
#[derive(Default)]
pub struct Handover {
    changed: Vec<(String, String)>,
    /// The language chosen on the static switch (src/boot.js marks it pressed).
    lang: Option<String>,
    /// The focused element, as a selector the app's page answers the same way.
    focus: Option<(String, Option<u32>)>,
    scroll: (f64, f64),
}

/// Take the prerendered page away, noting what the visitor did on it. Called
/// just before the app mounts, in the same task, so no frame shows neither.
pub fn take_prerender() -> Handover {
    let mut h = Handover::default();
    let Some(win) = web_sys::window() else { return h };
    let Some(pre) = win.document().and_then(|d| d.get_element_by_id("prerender")) else { return h };
    h.scroll = (win.scroll_x().unwrap_or(0.0), win.scroll_y().unwrap_or(0.0));
    if let Ok(fields) = pre.query_selector_all("input[id], select[id]") {
        for i in 0..fields.length() {
            let Some(el) = fields.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            // A field differs from the page as written when its value does not
            // match the attribute (or, for a select, the option marked selected).
            let value = js_sys::Reflect::get(&el, &JsValue::from_str("value")).ok().and_then(|v| v.as_string());
            let written = if el.tag_name() == "SELECT" {
                el.query_selector("option[selected]").ok().flatten().and_then(|o| o.get_attribute("value"))
            } else {
                el.get_attribute("value")
            };
            if let Some(value) = value.filter(|v| Some(v) != written.as_ref()) {
                h.changed.push((el.id(), value));
            }
        }
    }
    h.lang = pre
        .query_selector(".lang-switch button[aria-pressed=\"true\"]")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("lang"))
        .filter(|l| l != "en");
    if let Some(active) = win.document().and_then(|d| d.active_element()).filter(|a| pre.contains(Some(a))) {
        // A range input has no caret (reading it throws): only text fields keep one.
        let caret = active
            .dyn_ref::<web_sys::HtmlInputElement>()
            .filter(|i| i.type_() == "text")
            .and_then(|i| i.selection_start().ok().flatten());
        let selector = match (active.id(), active.get_attribute("lang")) {
            (id, _) if !id.is_empty() => Some(format!("#{id}")),
            (_, Some(lang)) => Some(format!(".lang-switch button[lang=\"{lang}\"]")),
            _ => None,
        };
        h.focus = selector.map(|s| (s, caret));
    }
    pre.remove();
    h
}

/// Give what the visitor did on the prerendered page to the app's own fields:
/// each value goes in as if typed and committed, focus and caret return.
pub fn give_back(h: Handover) {
    let Some(win) = web_sys::window() else { return };
    let Some(doc) = win.document() else { return };
    for (id, value) in &h.changed {
        let Some(el) = doc.get_element_by_id(id) else { continue };
        let _ = js_sys::Reflect::set(&el, &JsValue::from_str("value"), &JsValue::from_str(value));
        for kind in ["input", "change"] {
            if let Ok(ev) = web_sys::Event::new_with_event_init_dict(kind, &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            }) {
                let _ = el.dispatch_event(&ev);
            }
        }
    }
    // The language once the values are in (they were typed in the page's first
    // language), a frame later, as a click would come.
    if let Some(lang) = h.lang {
        let button = doc.query_selector(&format!(".lang-switch button[lang=\"{lang}\"]")).ok().flatten();
        if let Some(b) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            wasm_bindgen_futures::spawn_local(async move {
                next_frame().await;
                b.click();
            });
        }
    }
    if let Some((selector, caret)) = h.focus {
        let el = doc.query_selector(&selector).ok().flatten();
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            if let (Some(input), Some(c)) = (el.dyn_ref::<web_sys::HtmlInputElement>(), caret) {
                let _ = input.set_selection_range(c, c);
            }
        }
    }
    if h.scroll != (0.0, 0.0) {
        win.scroll_to_with_x_and_y(h.scroll.0, h.scroll.1);
    }
}
