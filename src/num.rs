//! Numbers and decimal text, both ways, without the standard library's float
//! machinery in the wasm.
//!
//! Text to `f64`, correctly rounded: in the browser the conversion is the
//! engine's (`parseFloat`, which ECMAScript specifies as correctly rounded), so
//! the wasm does not carry the standard library's parser and its 10 KB table of
//! powers of five; natively it is `str::parse`. Both see only text this module
//! has checked against one grammar, so they agree (a browser test compares them
//! bit for bit).
//!
//! `f64` to text: every writer here starts from the shortest decimal digits that
//! read back as the same float. In the browser they come from the engine's
//! `String(x)` (ECMAScript specifies the shortest round-trip digits, the nearest
//! when several are as short), so the wasm does not carry core's Grisu and
//! Dragon formatters (about 7 KB gzip); natively from `{:e}`, which gives the
//! same digits (a browser test compares them). What is built on the digits
//! (plain, scientific, rounded) is the same code on both.

/// Parse `s` with Rust's `f64` grammar: an optional sign, digits with an
/// optional fraction (one side may be empty, not both), an optional exponent;
/// or `inf`, `infinity`, `nan` in any case. Out-of-range magnitudes give ±∞ or
/// ±0, as `str::parse` does. None for anything else.
pub fn parse_f64(s: &str) -> Option<f64> {
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let negative = s.starts_with('-');
    if unsigned.eq_ignore_ascii_case("inf") || unsigned.eq_ignore_ascii_case("infinity") {
        return Some(if negative { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if unsigned.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }
    if !is_decimal(unsigned) {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    {
        Some(js_sys::parse_float(s))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.parse().ok()
    }
}

/// `digits[.digits][(e|E)[+|-]digits]` with at least one mantissa digit.
fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |mut i: usize| {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i, i - start)
    };
    let (mut i, whole) = digits(0);
    let mut fraction = 0;
    if b.get(i) == Some(&b'.') {
        (i, fraction) = digits(i + 1);
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let (end, exponent) = digits(i);
        if exponent == 0 {
            return false;
        }
        i = end;
    }
    i == b.len()
}

/// A finite float as decimal digits: `0.d₁d₂…dₙ × 10^(exp+1)`, i.e. `exp` is the
/// power of ten of the first digit. `digits` has no leading or trailing zeros;
/// zero is `"0"` with `exp` 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    /// Below zero (−0 too).
    pub negative: bool,
    /// ASCII digits.
    pub digits: String,
    /// Power of ten of the first digit.
    pub exp: i32,
}

/// The shortest digits that read back as `x` (finite).
pub fn shortest(x: f64) -> Decimal {
    #[cfg(target_arch = "wasm32")]
    let text = js_number_text(x);
    #[cfg(not(target_arch = "wasm32"))]
    let text = format!("{x:e}");
    let mut d = decimal_from_text(&text).unwrap_or(Decimal { negative: false, digits: "0".into(), exp: 0 });
    d.negative = x.is_sign_negative();
    d
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// ECMAScript's `String(number)`: the shortest round-trip digits, as
    /// `123.45`, `1e+21`, `1.5e-7` or `0.000001`.
    #[wasm_bindgen(js_name = String)]
    fn js_number_text(x: f64) -> String;
}

/// Digits and exponent of a finite number written as `[-]int[.frac][e[+|-]exp]`
/// (what both `{:e}` and ECMAScript's `String` write). None for other text.
pub fn decimal_from_text(text: &str) -> Option<Decimal> {
    let negative = text.starts_with('-');
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exp) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.strip_prefix('+').unwrap_or(e).parse::<i32>().ok()?),
        None => (unsigned, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let all: String = [int, frac].concat();
    let lead = all.bytes().take_while(|&b| b == b'0').count();
    let digits = all.get(lead..).unwrap_or_default().trim_end_matches('0');
    if digits.is_empty() {
        return Some(Decimal { negative, digits: "0".into(), exp: 0 });
    }
    // The first significant digit sits `lead` places after the first digit of `int`.
    let exp = exp.checked_add(int.len() as i32 - 1 - lead as i32)?;
    Some(Decimal { negative, digits: digits.to_string(), exp })
}

impl Decimal {
    fn is_zero(&self) -> bool {
        self.digits == "0"
    }

    /// Rounded half up to `keep` significant digits (`keep` may be 0 or less:
    /// then the number rounds to zero or to one unit of the first kept place).
    fn round_to(&self, keep: i32) -> Decimal {
        let n = self.digits.len() as i32;
        if self.is_zero() {
            return Decimal { negative: false, digits: "0".into(), exp: 0 };
        }
        if keep >= n {
            return self.clone();
        }
        let up = keep >= 0 && self.digits.as_bytes()[keep as usize] >= b'5';
        if keep <= 0 {
            // Only "0.000…5…" with keep == 0 rounds up, to the place before the first digit.
            let up = keep == 0 && self.digits.as_bytes()[0] >= b'5';
            return if up {
                Decimal { negative: self.negative, digits: "1".into(), exp: self.exp + 1 }
            } else {
                Decimal { negative: false, digits: "0".into(), exp: 0 }
            };
        }
        let mut kept: Vec<u8> = self.digits.as_bytes()[..keep as usize].to_vec();
        let mut exp = self.exp;
        if up {
            let mut i = kept.len();
            loop {
                if i == 0 {
                    kept.insert(0, b'1');
                    exp += 1;
                    break;
                }
                i -= 1;
                if kept[i] == b'9' {
                    kept[i] = b'0';
                } else {
                    kept[i] += 1;
                    break;
                }
            }
        }
        let digits = String::from_utf8(kept).unwrap_or_default();
        let digits = digits.trim_end_matches('0');
        if digits.is_empty() {
            return Decimal { negative: false, digits: "0".into(), exp: 0 };
        }
        Decimal { negative: self.negative, digits: digits.to_string(), exp }
    }

    /// Positional text: `12.5`, `0.001`, `1000000`, `-0`.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        let n = self.digits.len() as i32;
        if self.exp < 0 {
            out.push_str("0.");
            (0..-self.exp - 1).for_each(|_| out.push('0'));
            out.push_str(&self.digits);
        } else if self.exp + 1 >= n {
            out.push_str(&self.digits);
            (0..self.exp + 1 - n).for_each(|_| out.push('0'));
        } else {
            let (int, frac) = self.digits.split_at_checked(self.exp as usize + 1).unwrap_or((&self.digits, ""));
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        }
        out
    }

    /// Scientific text: `1.5e-7`, `1e16`, `-0e0`.
    pub fn sci(&self) -> String {
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        let (first, rest) = self.digits.split_at_checked(1).unwrap_or((&self.digits, ""));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push_str(&self.exp.to_string());
        out
    }
}

/// `x` as `{}` writes it: the shortest digits, positional (`0.1`, `1234.5`,
/// `1000000000000000000000`); `NaN`, `inf`, `-inf` when not finite.
pub fn plain(x: f64) -> String {
    match non_finite(x) {
        Some(s) => s.into(),
        None => shortest(x).plain(),
    }
}

/// `x` as `{:e}` writes it: the shortest digits, scientific (`1.5e-7`, `1e16`).
pub fn sci(x: f64) -> String {
    match non_finite(x) {
        Some(s) => s.into(),
        None => shortest(x).sci(),
    }
}

/// `x` rounded (half up) to `sig` significant digits, scientific, no trailing
/// zeros: `sci_digits(1.234e25, 3)` is `1.23e25`.
pub fn sci_digits(x: f64, sig: u32) -> String {
    match non_finite(x) {
        Some(s) => s.into(),
        None => shortest(x).round_to(sig.max(1) as i32).sci(),
    }
}

/// `x` rounded (half up) to at most `decimals` places, without trailing zeros:
/// `fixed(2.50, 2)` is `2.5`, `fixed(-1e-9, 6)` is `0` (`{:.6}` writes `-0.000000`). The rounding is of the
/// shortest digits, so `fixed(0.125, 2)` is `0.13` (`{:.2}` would round the
/// binary value, a hair below, to `0.12`).
pub fn fixed(x: f64, decimals: u32) -> String {
    match non_finite(x) {
        Some(s) => s.into(),
        None => {
            let d = shortest(x);
            d.round_to(d.exp + 1 + decimals as i32).plain()
        }
    }
}

fn non_finite(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("NaN")
    } else if x == f64::INFINITY {
        Some("inf")
    } else if x == f64::NEG_INFINITY {
        Some("-inf")
    } else {
        None
    }
}

/// Floats whose text is hard: halves, powers, the edges of the range, long
/// digit strings, and a deterministic spread over all bit patterns. Test data
/// for the native and the browser tests (not called by the app).
#[doc(hidden)]
pub fn awkward_floats() -> Vec<f64> {
    let mut xs = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.2 + 0.1,
        0.5,
        0.125,
        1.5e-7,
        1e-7,
        123.456,
        1e15,
        1e16,
        1e21,
        1e22,
        9007199254740993.0,
        f64::from_bits(0x431A_D344_0C85_A455), // a 17-digit tie: 1887659653949717.25
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        100_000.0,
        0.000_01,
        0.000_001,
        2.5,
        99.999_999_9,
    ];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..3000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let f = f64::from_bits(x);
        if f.is_finite() {
            xs.push(f);
        }
        // And everyday magnitudes.
        xs.push((x % 10_000_000) as f64 / 1000.0);
    }
    xs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_sci_match_the_standard_library() {
        for x in awkward_floats() {
            assert_eq!(plain(x), format!("{x}"), "{x:e}");
            assert_eq!(sci(x), format!("{x:e}"), "{x:e}");
        }
        assert_eq!(
            (plain(f64::NAN), plain(f64::INFINITY), sci(f64::NEG_INFINITY)),
            ("NaN".into(), "inf".into(), "-inf".into())
        );
    }

    #[test]
    fn reads_the_texts_of_ecmascript() {
        // What `String(x)` gives in a browser, and the digits it stands for.
        for (text, digits, exp) in [
            ("123.45", "12345", 2),
            ("1e+21", "1", 21),
            ("1.5e-7", "15", -7),
            ("0.000001", "1", -6),
            ("-0.5", "5", -1),
            ("100", "1", 2),
            ("0", "0", 0),
            ("1.7976931348623157e+308", "17976931348623157", 308),
            ("5e-324", "5", -324),
        ] {
            let d = decimal_from_text(text).unwrap();
            assert_eq!((d.digits.as_str(), d.exp), (digits, exp), "{text}");
        }
        for bad in ["", "-", "e5", "1.2.3", "0x1", "1e", "NaN", "Infinity", ".5"] {
            assert_eq!(decimal_from_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn rounds_half_up_on_the_shortest_digits() {
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(1.0 / 3.0, 6), "0.333333");
        assert_eq!(fixed(2.0 / 3.0, 6), "0.666667");
        assert_eq!(fixed(9.9999999, 6), "10");
        assert_eq!(fixed(999.9996, 3), "1000");
        assert_eq!(fixed(12.5, 4), "12.5");
        assert_eq!(fixed(1e-9, 6), "0");
        assert_eq!(fixed(-1e-9, 6), "0");
        assert_eq!(fixed(5e-7, 6), "0.000001");
        assert_eq!(fixed(4e-7, 6), "0");
        assert_eq!(fixed(-0.0000015, 6), "-0.000002");
        assert_eq!(fixed(123456789.0, 2), "123456789");
        assert_eq!(fixed(0.07, 6), "0.07");
        assert_eq!(sci_digits(1.234_567e25, 3), "1.23e25");
        assert_eq!(sci_digits(9.996e25, 3), "1e26");
        assert_eq!(sci_digits(-2.0e-5, 3), "-2e-5");
        assert_eq!(sci_digits(0.0, 3), "0e0");
    }

    #[test]
    fn fixed_agrees_with_the_standard_library_away_from_ties_and_long_digits() {
        for x in awkward_floats() {
            if !(1e-3..1e12).contains(&x.abs()) {
                continue;
            }
            for decimals in [0u32, 1, 2, 4, 6] {
                let std = format!("{x:.*}", decimals as usize);
                let std =
                    if std.contains('.') { std.trim_end_matches('0').trim_end_matches('.').to_string() } else { std };
                let std = if std == "-0" { "0".to_string() } else { std };
                // A tie in the shortest digits may round the other way than the binary value.
                let d = shortest(x);
                let k = (d.exp + 1 + decimals as i32) as usize;
                if d.digits.len() > k && d.digits.as_bytes()[k] == b'5' {
                    continue;
                }
                let ours = fixed(x, decimals);
                let significant = std.trim_start_matches(['-', '0', '.']).chars().filter(char::is_ascii_digit).count();
                if significant <= 15 {
                    assert_eq!(ours, std, "{x:e} to {decimals}");
                } else {
                    // Past 15 digits `{:.N}` writes the binary value's own digits, this
                    // the shortest ones: the same float's neighbourhood.
                    let (a, b): (f64, f64) = (ours.parse().unwrap(), std.parse().unwrap());
                    assert!((a - b).abs() <= 10f64.powi(-(decimals as i32)), "{x:e} to {decimals}: {ours} vs {std}");
                }
            }
        }
    }

    #[test]
    fn accepts_what_str_parse_accepts() {
        for s in [
            "0",
            "-0",
            "+1",
            "1.",
            ".5",
            "-.5",
            "1e5",
            "1E+5",
            "2.5e-3",
            "007",
            "1e400",
            "-1e400",
            "1e-400",
            "inf",
            "-Infinity",
            "NaN",
            "0.1",
            "123456789012345678901234567890",
            "2.2250738585072011e-308",
        ] {
            let ours = parse_f64(s).unwrap_or_else(|| panic!("{s} rejected"));
            let std: f64 = s.parse().unwrap();
            assert!(ours.to_bits() == std.to_bits() || (ours.is_nan() && std.is_nan()), "{s}");
        }
    }

    #[test]
    fn rejects_what_str_parse_rejects() {
        for s in
            ["", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x10", " 1", "1 ", "1_000", "1,5", "--1", "infinit", "∞"]
        {
            assert!(parse_f64(s).is_none(), "{s} accepted");
            assert!(s.parse::<f64>().is_err(), "{s}: std accepts it");
        }
    }
}
