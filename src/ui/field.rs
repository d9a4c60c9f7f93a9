//! Input controls: a number field (optionally paired with a slider), and a select.
//!
//! The text a person types is kept as typed while it is invalid or while it
//! parses to the current value; only an outside change (a slider, a loaded
//! scenario) replaces it. That is derived in the `value` closure, so no effect
//! syncs the two and the caret never jumps while typing.

use crate::i18n::Lang;
use crate::state::use_planner;
use leptos::prelude::*;

/// Parse what a person typed in `lang`: spaces, underscores and apostrophes
/// group digits anywhere. With both a dot and a comma, the last one is the
/// decimal mark ("1,234.5", "1.234,5"). A comma alone is a decimal comma in
/// French ("0,75") and in English too ("0,75"), unless it groups thousands the
/// English way ("100,000" is one hundred thousand, as the page writes it).
/// `Err` carries a message key.
pub fn parse_number(raw: &str, lang: Lang) -> Result<f64, FieldError> {
    let cleaned: String =
        raw.trim().chars().filter(|c| !matches!(c, ' ' | '_' | '\u{a0}' | '\u{202f}' | '\'')).collect();
    if cleaned.is_empty() {
        return Err(FieldError::Empty);
    }
    let (dot, comma) = (cleaned.rfind('.'), cleaned.rfind(','));
    let normalised = match (dot, comma) {
        (Some(d), Some(c)) if c > d => cleaned.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => cleaned.replace(',', ""),
        (None, Some(_)) if lang.group_separator() == "," && groups_thousands(&cleaned) => cleaned.replace(',', ""),
        (None, Some(_)) => cleaned.replace(',', "."),
        _ => cleaned,
    };
    match crate::num::parse_f64(&normalised) {
        Some(v) if v.is_finite() => Ok(v),
        Some(_) => Err(FieldError::NotFinite),
        None => Err(FieldError::NotANumber),
    }
}

/// Whether `s` is digits grouped by commas in threes ("1,000", "-12,345,678").
fn groups_thousands(s: &str) -> bool {
    let mut groups = s.strip_prefix(['-', '+']).unwrap_or(s).split(',');
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Why a field's text was not accepted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldError {
    /// Nothing typed (where a value is required).
    Empty,
    /// Not a number.
    NotANumber,
    /// NaN or infinite (e.g. "1e400").
    NotFinite,
    /// Outside the allowed range.
    OutOfRange(f64, f64),
}

impl FieldError {
    /// The message in a language.
    pub fn message(self, lang: Lang) -> String {
        // Whole bounds below 10,000 (a year, a horizon) are written as they are typed.
        let fmt = |x: f64| {
            if x.fract() == 0.0 && x.abs() < 10_000.0 {
                crate::num::plain(x)
            } else {
                crate::format::smart(x, lang)
            }
        };
        let t = lang.text();
        match self {
            FieldError::Empty => t.fe_empty.into(),
            FieldError::NotANumber => t.fe_not_a_number.into(),
            FieldError::NotFinite => t.fe_not_finite.into(),
            FieldError::OutOfRange(a, b) => crate::i18n::fill_all(t.fe_out_of_range, &[&fmt(a), &fmt(b)]),
        }
    }
}

/// Check a typed value against a range.
pub fn validate(raw: &str, lang: Lang, min: f64, max: f64, optional: bool) -> Result<Option<f64>, FieldError> {
    match parse_number(raw, lang) {
        Err(FieldError::Empty) if optional => Ok(None),
        Err(e) => Err(e),
        Ok(v) if v < min || v > max => Err(FieldError::OutOfRange(min, max)),
        Ok(v) => Ok(Some(v)),
    }
}

/// Canonical text of a value in a field: no grouping, so that it parses back,
/// and the language's decimal mark.
pub fn field_text(v: f64, lang: Lang) -> String {
    crate::num::fixed(v, 6).replace('.', lang.decimal_mark())
}

/// How a slider maps to the value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slider {
    /// No slider.
    None,
    /// Linear between the field's bounds.
    Linear,
    /// Logarithmic between the field's bounds (for counts spanning decades).
    Log,
}

/// Map a value to a slider position 0–1000 and back.
pub fn slider_position(v: f64, min: f64, max: f64, kind: Slider) -> f64 {
    let t = match kind {
        Slider::Log if min > 0.0 => (v.max(min).ln() - min.ln()) / (max.ln() - min.ln()),
        _ => (v - min) / (max - min),
    };
    (t.clamp(0.0, 1.0) * 1000.0).round()
}

/// Inverse of [`slider_position`], rounded to the slider's step at that value
/// ([`slider_step`]).
pub fn slider_value(pos: f64, min: f64, max: f64, kind: Slider, step: f64) -> f64 {
    let t = (pos / 1000.0).clamp(0.0, 1.0);
    let v = match kind {
        Slider::Log if min > 0.0 => (min.ln() + t * (max.ln() - min.ln())).exp(),
        _ => min + t * (max - min),
    };
    // Not `clamp`, which panics on inverted bounds.
    round_to_step(v, slider_step(v, kind, step)).max(min).min(max)
}

/// The step a slider moves by at `v`: the field's own step on a linear
/// slider; on a log slider one unit of the second significant digit
/// (100,000 moves by 10,000, 9,000 by 1,000), never below the field's step.
pub fn slider_step(v: f64, kind: Slider, step: f64) -> f64 {
    match kind {
        Slider::Log if v.is_finite() && v > 0.0 => 10f64.powf(v.log10().floor() - 1.0).max(step),
        _ => step,
    }
}

/// `v` as a multiple of `step`, without float noise (0.82, not
/// 0.8200000000000001): the result has no more decimals than the step.
pub fn round_to_step(v: f64, step: f64) -> f64 {
    if step.is_nan() || step <= 0.0 || !v.is_finite() {
        return v;
    }
    let decimals = (0..=12).find(|&d| {
        let scaled = step * 10f64.powi(d);
        (scaled - scaled.round()).abs() < 1e-9 * scaled.max(1.0)
    });
    let p = 10f64.powi(decimals.unwrap_or(12));
    ((v / step).round() * step * p).round() / p
}

/// Where a slider key moves the value `v`: arrows by one step, Page Up and
/// Page Down by ten, Home and End to the bounds; None for other keys. On a
/// log slider the step is the one at the value passed on the way down.
pub fn slider_key(key: &str, v: f64, min: f64, max: f64, kind: Slider, step: f64) -> Option<f64> {
    let (steps, up) = match key {
        "ArrowUp" | "ArrowRight" => (1.0, true),
        "ArrowDown" | "ArrowLeft" => (1.0, false),
        "PageUp" => (10.0, true),
        "PageDown" => (10.0, false),
        "Home" => return Some(min),
        "End" => return Some(max),
        _ => return None,
    };
    let mut x = v;
    for _ in 0..steps as usize {
        // Downwards, the step below the value: 100,000 goes to 99,000, not 90,000.
        let s = if up { slider_step(x, kind, step) } else { slider_step(x * (1.0 - 1e-9), kind, step) };
        if s.is_nan() || s <= 0.0 {
            return None;
        }
        // To the next multiple of the step: 405 goes up to 410, not 420.
        let k = if up { (x / s + 1e-9).floor() + 1.0 } else { (x / s - 1e-9).ceil() - 1.0 };
        x = round_to_step(k * s, s);
    }
    Some(x.max(min).min(max))
}

/// The model's refusal, when it is about the input `name`.
fn refusal_of(p: crate::state::Planner, name: &str) -> Option<crate::model::ModelError> {
    p.result.with(|r| r.as_ref().err().filter(|e| crate::messages::culprits(e).contains(&name)).cloned())
}

/// How long typing must pause before a typed value is used: a little more
/// than the gap between keystrokes of someone typing a number.
pub const TYPING_PAUSE_MS: u64 = 400;

/// The pending use of a typed value, waiting for the typing to pause.
#[derive(Clone, Copy)]
struct Typing(StoredValue<Option<TimeoutHandle>, LocalStorage>);

impl Typing {
    fn new() -> Self {
        Typing(StoredValue::new_local(None))
    }

    /// Run `f` once the typing pauses, instead of what was waiting.
    fn wait(self, f: impl FnOnce() + 'static) {
        self.cancel();
        #[cfg(target_arch = "wasm32")]
        {
            let handle = set_timeout_with_handle(
                move || {
                    self.0.set_value(None);
                    f();
                },
                std::time::Duration::from_millis(TYPING_PAUSE_MS),
            );
            self.0.set_value(handle.ok());
        }
        // Off the browser there is no typing: at once.
        #[cfg(not(target_arch = "wasm32"))]
        f();
    }

    fn cancel(self) {
        if let Some(Some(h)) = self.0.try_update_value(Option::take) {
            h.clear();
        }
    }
}

/// A labelled number field with unit, help text, inline error and optional slider.
#[component]
pub fn NumberField(
    /// Element id (also links label, help and error).
    id: &'static str,
    /// The `name` attribute: the URL parameter where one exists.
    name: &'static str,
    /// Label text.
    #[prop(into)]
    label: Signal<String>,
    /// Current value (None = empty, for optional fields).
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// Called with every valid value (None when an optional field is cleared).
    on_change: Callback<Option<f64>>,
    /// Lowest allowed value.
    min: f64,
    /// Highest allowed value.
    max: f64,
    /// Rounding of the slider.
    #[prop(default = 0.0)]
    step: f64,
    /// Unit after the field.
    #[prop(optional, into)]
    unit: Signal<String>,
    /// Help text under the field.
    #[prop(optional, into)]
    help: Signal<String>,
    /// Placeholder (e.g. the default an empty optional field stands for).
    #[prop(optional, into)]
    placeholder: Signal<String>,
    /// Whether empty is allowed.
    #[prop(default = false)]
    optional: bool,
    /// Slider kind.
    #[prop(default = Slider::None)]
    slider: Slider,
    /// Whether whole values of five digits and more are written grouped.
    #[prop(optional)]
    group: bool,
    /// A year: said without grouping (2028, not 2,028).
    #[prop(optional)]
    year: bool,
) -> impl IntoView {
    let planner = use_planner();
    let lang = planner.lang;
    // Budgets of many digits are grouped as the page's language groups them
    // (6,829,000,000 or 6 829 000 000); they parse back all the same.
    let show = move |v: f64, l: Lang| {
        if group && v.fract() == 0.0 && v.abs() >= 10_000.0 {
            crate::format::format(v, l, crate::format::Style::Plain(0))
        } else {
            field_text(v, l)
        }
    };
    let text = RwSignal::new(value.get_untracked().map(|v| show(v, lang.get_untracked())).unwrap_or_default());
    // Said once the typing pauses (or the field is left): "0" on the way to
    // "0.45" is not an error worth a word.
    let error = move || planner.drafts.with(|d| d.iter().find(|d| d.id == id).and_then(|d| d.invalid));
    let drafted = move || planner.drafts.with_untracked(|d| d.iter().find(|d| d.id == id).map(|d| d.invalid.is_some()));
    let refusal = move || refusal_of(planner, name);
    let typing = Typing::new();
    // Use a complete value: `v` now drives the results.
    let commit = move |v: Option<f64>| {
        typing.cancel();
        on_change.run(v);
        planner.set_draft(id, name, None);
    };
    // What was typed is used once the typing pauses (or at once on Enter or
    // on leaving the field): "1" on the way to "1e9" never drives the
    // results. Meanwhile, and while the text is not a valid value, the
    // field is a draft and the figures say they belong to other inputs.
    // A value that ends in a decimal mark, an exponent or a sign ("0.",
    // "1e") waits for more, or for Enter or leaving the field.
    let typed = move |raw: &str| match validate(raw, lang.get_untracked(), min, max, optional) {
        // An error already said follows the text at once; a new one waits for the pause.
        Err(e) if drafted() == Some(true) => {
            typing.cancel();
            planner.set_draft(id, name, Some(Some(e)));
        }
        Err(e) => {
            planner.set_draft(id, name, Some(None));
            typing.wait(move || planner.set_draft(id, name, Some(Some(e))));
        }
        Ok(v) if v == value.get_untracked() => {
            typing.cancel();
            planner.set_draft(id, name, None);
        }
        Ok(_) if raw.trim_end().ends_with(['.', ',', 'e', 'E', '+', '-']) => {
            typing.cancel();
            planner.set_draft(id, name, Some(None));
        }
        Ok(v) => {
            planner.set_draft(id, name, Some(None));
            typing.wait(move || commit(v));
        }
    };
    // The text follows a change from outside (a slider, a loaded scenario,
    // Undo) and the language, but never rewrites what is being typed: a
    // change the text already says (its own commit) leaves it as typed.
    Effect::new(move |prev: Option<(Option<f64>, Lang)>| {
        let (v, l) = (value.get(), lang.get());
        if let Some((pv, pl)) = prev {
            let says = |l: Lang| text.with_untracked(|t| validate(t, l, min, max, optional) == Ok(v));
            let outside = pv != v && !says(l);
            // Switching language rewrites a clean value in the new one's way.
            let relabel = pl != l && pv == v && text.with_untracked(|t| validate(t, pl, min, max, optional) == Ok(v));
            if outside || relabel {
                typing.cancel();
                planner.set_draft(id, name, None);
                text.set(v.map(|v| show(v, l)).unwrap_or_default());
            }
        }
        (v, l)
    });
    on_cleanup(move || {
        typing.cancel();
        planner.set_draft(id, name, None);
    });
    let on_input = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        typed(&raw);
        text.set(raw);
    };
    // Enter, or leaving the field: a valid value is used without waiting.
    let on_commit = move |_: leptos::ev::Event| {
        if drafted().is_none() {
            return;
        }
        match text.with_untracked(|t| validate(t, lang.get_untracked(), min, max, optional)) {
            Ok(v) => commit(v),
            Err(e) => {
                typing.cancel();
                planner.set_draft(id, name, Some(Some(e)));
            }
        }
    };
    let help_id = format!("{id}-help");
    let err_id = format!("{id}-error");
    let described = format!("{help_id} {err_id}");
    let slider_view = (slider != Slider::None).then(|| {
        let position = move || {
            value.get().map(|v| slider_position(v, min, max, slider)).map(crate::num::plain).unwrap_or_else(|| "0".into())
        };
        view! {
            <input
                type="range"
                // An id for the hand-over from the prerendered page (web::take_prerender).
                id=format!("{id}-slider")
                class="slider"
                min="0"
                max="1000"
                step="1"
                aria-label=move || label.get()
                aria-valuetext=move || value.get().map(|v| if year { crate::num::plain(v) } else { crate::format::smart(v, planner.lang.get()) }).unwrap_or_default()
                // The first value is written as an attribute too, for the
                // prerendered page (tests/prerender.rs); then the property follows.
                value=untrack(position)
                prop:value=position
                on:input=move |ev| {
                    if let Some(pos) = crate::num::parse_f64(&event_target_value(&ev)) {
                        let v = slider_value(pos, min, max, slider, step);
                        text.set(show(v, lang.get_untracked()));
                        commit(Some(v));
                    }
                }
                // The keyboard moves by the step that means something (the
                // positions are thousandths of the range).
                on:keydown=move |ev| {
                    let Some(v) = value.get_untracked() else { return };
                    if let Some(next) = slider_key(&ev.key(), v, min, max, slider, step) {
                        ev.prevent_default();
                        text.set(show(next, lang.get_untracked()));
                        commit(Some(next));
                    }
                }
            />
        }
    });
    view! {
        // Busy while a typed value waits for the typing to pause.
        <div class="field"
            aria-busy=move || planner.drafts.with(|d| d.iter().any(|d| d.id == id && d.invalid.is_none())).then_some("true")>
            <label for=id>{move || label.get()}</label>
            <div class="field-row">
                {slider_view}
                <span class="number-wrap">
                    <input
                        id=id
                        name=name
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder=move || placeholder.get()
                        aria-describedby=described
                        aria-invalid=move || if error().is_some() || refusal().is_some() { "true" } else { "false" }
                        value=text.get_untracked()
                        prop:value=move || text.get()
                        on:input=on_input
                        on:change=on_commit
                    />
                    <span class="unit">{move || unit.get()}</span>
                </span>
            </div>
            <p class="error" id=err_id aria-live="polite">
                {move || {
                    let l = planner.lang.get();
                    error().map(|e| e.message(l)).or_else(|| refusal().map(|e| crate::messages::sentence(&crate::messages::model_error_message(&e, l))))
                }}
            </p>
            <p class="help" id=help_id>{move || help.get()}</p>
        </div>
    }
}

/// A labelled select of (id, label) options.
#[component]
pub fn SelectField(
    /// Element id.
    id: &'static str,
    /// The `name` attribute (URL parameter).
    name: &'static str,
    /// Label text.
    #[prop(into)]
    label: Signal<String>,
    /// Options as (value, label).
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// Selected value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the chosen value.
    on_change: Callback<String>,
    /// Help text (e.g. the chosen item's key figures).
    #[prop(optional, into)]
    help: Signal<String>,
) -> impl IntoView {
    let planner = use_planner();
    let refusal = move || refusal_of(planner, name);
    let help_id = format!("{id}-help");
    let err_id = format!("{id}-error");
    let described = format!("{help_id} {err_id}");
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <select
                id=id
                name=name
                aria-describedby=described
                aria-invalid=move || if refusal().is_some() { "true" } else { "false" }
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                // Options rebuild only when the list changes (a language switch);
                // a new value only moves the `selected` attribute.
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let key = v.clone();
                            view! { <option value=v selected=move || value.with(|x| *x == key)>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <p class="error" id=err_id aria-live="polite">
                {move || refusal().map(|e| crate::messages::sentence(&crate::messages::model_error_message(&e, planner.lang.get())))}
            </p>
            <p class="help" id=help_id>{move || help.get()}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliders_move_by_steps_that_mean_something() {
        // Linear: one step per arrow, ten per page, rounded without float noise.
        assert_eq!(slider_key("ArrowUp", 0.81, 0.0, 1.0, Slider::Linear, 0.01), Some(0.82));
        assert_eq!(slider_key("ArrowRight", 0.07, 0.0, 0.3, Slider::Linear, 0.005), Some(0.075));
        assert_eq!(slider_key("PageUp", 10.0, 1.0, 50.0, Slider::Linear, 1.0), Some(20.0));
        assert_eq!(slider_key("PageDown", 5.0, 1.0, 50.0, Slider::Linear, 1.0), Some(1.0), "bounded");
        assert_eq!(slider_key("End", 5.0, 1.0, 50.0, Slider::Linear, 1.0), Some(50.0));
        assert_eq!(slider_key("a", 5.0, 1.0, 50.0, Slider::Linear, 1.0), None);
        // Log: the second significant digit, whole accelerators.
        assert_eq!(slider_key("ArrowUp", 100_000.0, 1.0, 1e7, Slider::Log, 1.0), Some(110_000.0));
        assert_eq!(slider_key("ArrowDown", 100_000.0, 1.0, 1e7, Slider::Log, 1.0), Some(99_000.0));
        assert_eq!(slider_key("ArrowUp", 8.0, 1.0, 1e7, Slider::Log, 1.0), Some(9.0));
        // From a value between steps, to the next one in each direction.
        assert_eq!(slider_key("ArrowUp", 405.0, 0.001, 1e5, Slider::Log, 0.0), Some(410.0));
        assert_eq!(slider_key("ArrowDown", 405.0, 0.001, 1e5, Slider::Log, 0.0), Some(400.0));
        assert_eq!(slider_key("ArrowUp", 15.6, 0.001, 1e4, Slider::Log, 0.0), Some(16.0));
        assert_eq!(slider_key("PageUp", 100_000.0, 1.0, 1e7, Slider::Log, 1.0), Some(200_000.0));
        // A dragged log slider writes two significant digits, not 413.047502.
        let v = slider_value(slider_position(413.047502, 1.0, 1e7, Slider::Log), 1.0, 1e7, Slider::Log, 1.0);
        assert_eq!(v, 410.0);
        assert_eq!(round_to_step(0.8200000000000001, 0.01), 0.82);
        assert_eq!(crate::num::plain(round_to_step(0.1 + 0.2, 0.005)), "0.3");
    }

    #[test]
    fn typed_numbers_parse_like_people_write_them() {
        for lang in Lang::ALL {
            assert_eq!(parse_number("1500", lang), Ok(1500.0));
            assert_eq!(parse_number(" 0,75 ", lang), Ok(0.75));
            assert_eq!(parse_number("100 000", lang), Ok(100_000.0));
            assert_eq!(parse_number("100\u{202f}000,5", lang), Ok(100_000.5));
            assert_eq!(parse_number("1,234.5", lang), Ok(1234.5));
            assert_eq!(parse_number("1.234,5", lang), Ok(1234.5));
            assert_eq!(parse_number("1e400", lang), Err(FieldError::NotFinite));
            assert_eq!(parse_number("NaN", lang), Err(FieldError::NotFinite));
            assert_eq!(parse_number("abc", lang), Err(FieldError::NotANumber));
            assert_eq!(parse_number("1,2,3", lang), Err(FieldError::NotANumber));
            assert_eq!(parse_number("", lang), Err(FieldError::Empty));
        }
    }

    #[test]
    fn a_comma_groups_thousands_in_english_and_marks_decimals_in_french() {
        // As the page writes numbers: "100,000" in English, "0,75" in French.
        assert_eq!(parse_number("100,000", Lang::En), Ok(100_000.0));
        assert_eq!(parse_number("1,000,000", Lang::En), Ok(1_000_000.0));
        assert_eq!(parse_number("-12,345", Lang::En), Ok(-12_345.0));
        assert_eq!(parse_number("100,000", Lang::Fr), Ok(100.0));
        assert_eq!(parse_number("1,000,000", Lang::Fr), Err(FieldError::NotANumber));
        // Not thousands: a decimal comma in either language.
        assert_eq!(parse_number("1,5", Lang::En), Ok(1.5));
        assert_eq!(parse_number("1234,5", Lang::En), Ok(1234.5));
        assert_eq!(parse_number("0,07", Lang::En), Ok(0.07));
    }

    #[test]
    fn validation_applies_range_and_optionality() {
        assert_eq!(validate("1.7", Lang::En, 0.0, 1.0, false), Err(FieldError::OutOfRange(0.0, 1.0)));
        assert_eq!(validate("", Lang::Fr, 0.0, 1.0, true), Ok(None));
        assert_eq!(validate("-5", Lang::En, 1.0, 10.0, false), Err(FieldError::OutOfRange(1.0, 10.0)));
    }

    #[test]
    fn log_slider_round_trips() {
        for v in [1.0, 8.0, 1_000.0, 100_000.0, 10_000_000.0] {
            let pos = slider_position(v, 1.0, 1e7, Slider::Log);
            let back = slider_value(pos, 1.0, 1e7, Slider::Log, 0.0);
            assert!((back / v - 1.0).abs() < 0.01, "{v} -> {pos} -> {back}");
        }
    }

    #[test]
    fn field_text_parses_back_in_its_language() {
        for v in [0.8, 100_000.0, 1.25, 0.07, 1_000.5, 123.0] {
            for lang in Lang::ALL {
                assert_eq!(parse_number(&field_text(v, lang), lang), Ok(v), "{v} in {lang:?}");
            }
        }
        assert_eq!(field_text(0.07, Lang::Fr), "0,07");
    }
}
