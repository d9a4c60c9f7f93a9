//! Numbers to text for the interface, in the display language's conventions.
//! In the browser this is `Intl.NumberFormat`; natively (tests) a plain fallback.

use crate::i18n::{fill, Lang};

/// How to format a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// Grouped digits with at most this many decimals.
    Plain(u8),
    /// Grouped digits with exactly this many decimals (axis ticks: 1.08, 1.10).
    Fixed(u8),
    /// Compact notation (1.2 M, 3,4 Md).
    Compact,
    /// Euros in compact notation (€6.8B, 6,8 Md €).
    EuroCompact,
    /// Euros with cents.
    Euro2,
    /// A share 0–1 as a percentage with this many decimals.
    Percent(u8),
}

/// Format `x` for `lang`. Non-finite numbers become "–".
pub fn format(x: f64, lang: Lang, style: Style) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    // Compact euros from 10 to 1,000 are whole euros ("€551", not "€550.8").
    let x = if matches!(style, Style::EuroCompact) && (10.0..1e3).contains(&x.abs()) { x.round() } else { x };
    // A negative figure reads with a true minus (−€177.1M), as compare writes
    // its changes; fields and data-value keep the ASCII sign they parse.
    imp::format(x, lang, style).replacen('-', "\u{2212}", 1)
}

/// Decimals for `x` written with at most `min` decimals, or with three
/// significant digits when it is below 100 (a tiny facility's 0.0173 MW is not
/// "0 MW", nor a small one's 7.89 GWh "8 GWh").
pub fn sig_decimals(x: f64, min: u8) -> u8 {
    let a = x.abs();
    if a >= 100.0 || a == 0.0 || !a.is_finite() {
        return min;
    }
    ((2.0 - a.log10().floor()).clamp(0.0, 8.0) as u8).max(min)
}

/// A number and its unit, joined by a no-break space (never split across lines).
pub fn unit(v: String, u: &str) -> String {
    format!("{v}\u{a0}{u}")
}

/// `x` as cards, bars and tables write a quantity: three significant digits
/// below 100, at most `min` decimals up to ten million, compact above (an
/// absurd training run's "428.7B days" fits its card).
pub fn sig(x: f64, lang: Lang, min: u8) -> String {
    format(x, lang, if x.abs() >= 1e7 { Style::Compact } else { Style::Plain(sig_decimals(x, min)) })
}

/// `x` with three significant digits below 100 and whole above (see
/// [`sig_decimals`]): 0.0173, 7.89, 24.3, 546,320.
pub fn smart(x: f64, lang: Lang) -> String {
    format(x, lang, Style::Plain(sig_decimals(x, 0)))
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Style;
    use crate::i18n::Lang;
    use js_sys::{Array, Function, Intl, Object, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    thread_local! {
        // Building an Intl.NumberFormat is costly: one per (language, style).
        static CACHE: RefCell<Vec<((Lang, Style), Function)>> = const { RefCell::new(Vec::new()) };
    }

    fn formatter(lang: Lang, style: Style) -> Function {
        let key = (lang, style);
        if let Some(f) = CACHE.with(|c| c.borrow().iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone())) {
            return f;
        }
        let f = {
            let opts = Object::new();
            let set = |k: &str, v: JsValue| {
                let _ = Reflect::set(&opts, &JsValue::from_str(k), &v);
            };
            match style {
                // No sign on a number that rounds to zero ("-0.0"), as the fallback.
                Style::Plain(d) => {
                    set("maximumFractionDigits", JsValue::from(d));
                    set("signDisplay", "negative".into());
                }
                Style::Fixed(d) => {
                    set("maximumFractionDigits", JsValue::from(d));
                    set("minimumFractionDigits", JsValue::from(d));
                    set("signDisplay", "negative".into());
                }
                Style::Compact => {
                    set("notation", "compact".into());
                    set("maximumFractionDigits", JsValue::from(1));
                }
                Style::EuroCompact => {
                    set("style", "currency".into());
                    set("currency", "EUR".into());
                    set("notation", "compact".into());
                    set("maximumFractionDigits", JsValue::from(1));
                }
                Style::Euro2 => {
                    set("style", "currency".into());
                    set("currency", "EUR".into());
                    set("maximumFractionDigits", JsValue::from(2));
                    set("minimumFractionDigits", JsValue::from(2));
                }
                Style::Percent(d) => {
                    set("style", "percent".into());
                    set("maximumFractionDigits", JsValue::from(d));
                }
            }
            let locales = Array::of1(&JsValue::from_str(lang.locale()));
            Intl::NumberFormat::new(&locales, &opts).format()
        };
        CACHE.with(|c| c.borrow_mut().push((key, f.clone())));
        f
    }

    pub fn format(x: f64, lang: Lang, style: Style) -> String {
        formatter(lang, style)
            .call1(&JsValue::NULL, &JsValue::from_f64(x))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| super::fallback(x, lang, style))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub use super::fallback as format;
}

/// Locale-light formatting used natively (tests, the prerendered page) and if
/// `Intl` fails.
pub fn fallback(x: f64, lang: Lang, style: Style) -> String {
    let (decimal, group) = (lang.decimal_mark(), lang.group_separator());
    // `d` decimals at most, or exactly with `keep_zeros`.
    let digits = |v: f64, d: usize, keep_zeros: bool| -> String {
        let s = crate::num::fixed(v.abs(), d as u32);
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(ch);
        }
        let frac = if keep_zeros { format!("{frac:0<d$}") } else { frac.trim_end_matches('0').to_string() };
        let sign = if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
        if frac.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{decimal}{frac}")
        }
    };
    let plain = |v: f64, d: usize| digits(v, d, false);
    // As Chromium's Intl writes en-GB and fr-FR (the prerendered page is
    // written by this fallback and must read as the app then writes it).
    let compact = |v: f64| -> String {
        let (div, suffix) = lang.compact_unit(v.abs());
        format!("{}{suffix}", plain(v / div, 1))
    };
    match style {
        Style::Plain(d) => plain(x, d as usize),
        Style::Fixed(d) => digits(x, d as usize, true),
        Style::Compact => compact(x),
        Style::EuroCompact => fill(lang.euro_template(), &compact(x)),
        Style::Euro2 => fill(lang.euro_template(), &digits(x, 2, true)),
        Style::Percent(d) => fill(lang.percent_template(), &plain(x * 100.0, d as usize)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_figures_read_with_a_true_minus() {
        let heat = format(-177.1e6, Lang::En, Style::EuroCompact);
        assert!(heat.contains('\u{2212}') && !heat.contains('-'), "{heat}");
        assert!(format(-2.5, Lang::Fr, Style::Plain(1)).starts_with('\u{2212}'));
        assert!(!format(2.5, Lang::En, Style::Plain(1)).contains('\u{2212}'));
    }

    #[test]
    fn numbers_below_a_hundred_keep_three_significant_digits() {
        assert_eq!(sig_decimals(215.8, 1), 1);
        assert_eq!(sig_decimals(24.3, 0), 1);
        assert_eq!(sig_decimals(7.89, 0), 2);
        assert_eq!(sig_decimals(1.5, 3), 3);
        assert_eq!(sig_decimals(0.0173, 1), 4);
        assert_eq!(sig_decimals(0.151, 0), 3);
        assert_eq!(sig_decimals(-0.5, 0), 3);
        assert_eq!(sig_decimals(0.0, 1), 1);
        assert_eq!(sig_decimals(f64::NAN, 1), 1);
        assert_eq!(fallback(0.0173, Lang::En, Style::Plain(sig_decimals(0.0173, 1))), "0.0173");
        assert_eq!(smart(0.0173, Lang::En), "0.0173", "not 0.017");
        assert_eq!(smart(546_319.5, Lang::En), "546,320");
        assert_eq!(sig(7.89, Lang::En, 0), "7.89");
        assert_eq!(sig(1234.56, Lang::En, 0), "1,235");
        assert_eq!(sig(4.2867e11, Lang::En, 1), "428.7bn");
        assert_eq!(sig(-3e7, Lang::Fr, 0), fallback(-3e7, Lang::Fr, Style::Compact).replacen('-', "\u{2212}", 1));
    }

    #[test]
    fn groups_and_decimals_follow_the_language() {
        assert_eq!(fallback(1234567.891, Lang::En, Style::Plain(2)), "1,234,567.89");
        assert_eq!(fallback(1234567.891, Lang::Fr, Style::Plain(2)), "1\u{202f}234\u{202f}567,89");
        assert_eq!(fallback(0.5, Lang::En, Style::Percent(0)), "50%");
        assert_eq!(fallback(6.8e9, Lang::En, Style::EuroCompact), "€6.8bn");
        assert_eq!(format(550.8, Lang::En, Style::EuroCompact), "€551");
        assert_eq!(format(-550.8, Lang::Fr, Style::EuroCompact), "\u{2212}551\u{a0}€");
        assert_eq!(format(5.5, Lang::En, Style::EuroCompact), "€5.5");
        assert_eq!(fallback(-2.0, Lang::En, Style::Plain(0)), "-2");
        assert_eq!(fallback(1.1, Lang::En, Style::Plain(2)), "1.1");
        assert_eq!(fallback(1.1, Lang::En, Style::Fixed(2)), "1.10");
        assert_eq!(fallback(1.1, Lang::Fr, Style::Fixed(2)), "1,10");
        assert_eq!(fallback(1234.0, Lang::En, Style::Fixed(1)), "1,234.0");
        assert_eq!(fallback(2.0, Lang::En, Style::Fixed(0)), "2");
        assert_eq!(fallback(1.5, Lang::En, Style::Euro2), "€1.50");
    }

    #[test]
    fn non_finite_is_a_dash() {
        assert_eq!(format(f64::NAN, Lang::En, Style::Plain(0)), "–");
    }
}
