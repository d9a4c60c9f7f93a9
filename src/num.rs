//! Decimal text to `f64`, correctly rounded. In the browser the conversion is
//! the engine's (`parseFloat`, which ECMAScript specifies as correctly rounded),
//! so the wasm does not carry the standard library's parser and its 10 KB table
//! of powers of five; natively it is `str::parse`. Both see only text this
//! module has checked against one grammar, so they agree (a browser test
//! compares them bit for bit).

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

#[cfg(test)]
mod tests {
    use super::*;

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
