//! Axis maths: "nice" tick steps and linear projection.

/// A step of 1, 2, 2.5 or 5 × 10ⁿ giving about `target` ticks over `[0, max]`.
pub fn nice_step(max: f64, target: usize) -> f64 {
    if !(max.is_finite() && max > 0.0) || target == 0 {
        return 1.0;
    }
    let raw = max / target as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// The axis maximum: `max` rounded up to a whole number of nice steps.
pub fn nice_max(max: f64, target: usize) -> f64 {
    let step = nice_step(max, target);
    if !(max.is_finite() && max > 0.0) {
        return step;
    }
    (max / step).ceil() * step
}

/// Ticks from 0 to the nice maximum.
pub fn ticks(max: f64, target: usize) -> Vec<f64> {
    let step = nice_step(max, target);
    let top = nice_max(max, target);
    let n = (top / step).round() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// `intervals + 1` nice ticks spanning `[lo, hi]`, for an axis that need not
/// start at zero and shares its grid lines with another axis of `intervals`
/// steps: whole multiples of the smallest nice step that covers the range in
/// that many steps, the spare steps split below and above (the odd one
/// above). Also the number of decimals that writes every tick exactly (step
/// 0.02 → 2, 2.5 → 1, 25 → 0). A range no such steps can span (an empty or
/// non-finite one, or one interval across a round number) gives its two ends
/// as they are, with the decimals that tell them apart.
pub fn range_ticks(lo: f64, hi: f64, intervals: usize) -> (Vec<f64>, u8) {
    let span = hi - lo;
    // Two ends as they are: enough decimals for the span, or for three
    // significant digits of an empty one.
    let ends = || {
        let d = if span > 0.0 {
            (-span.log10()).ceil() + 1.0
        } else if lo != 0.0 {
            2.0 - lo.abs().log10().floor()
        } else {
            0.0
        };
        (vec![lo, hi], if d.is_finite() { d.clamp(0.0, 12.0) as u8 } else { 0 })
    };
    if !(lo.is_finite() && hi.is_finite() && span > 0.0) || intervals == 0 {
        return ends();
    }
    let n = intervals as f64;
    let mut step = nice_step(span, intervals);
    // At most a few nice steps up: each one covers at least as much.
    for _ in 0..8 {
        let (k0, k1) = ((lo / step + 1e-9).floor(), (hi / step - 1e-9).ceil());
        if k1 - k0 <= n {
            let k0 = k0 - ((n - (k1 - k0)) / 2.0).floor();
            let ticks = (0..=intervals).map(|i| (k0 + i as f64) * step).collect();
            let e = step.log10().floor();
            let quarter = ((step / 10f64.powf(e)) - 2.5).abs() < 1e-9;
            let decimals = (-e + if quarter { 1.0 } else { 0.0 }).clamp(0.0, 12.0) as u8;
            return (ticks, decimals);
        }
        step = nice_step(step * n * 1.0001, intervals);
    }
    ends()
}

/// Map `v` in `[d0, d1]` linearly onto `[r0, r1]`.
pub fn project(v: f64, (d0, d1): (f64, f64), (r0, r1): (f64, f64)) -> f64 {
    if (d1 - d0).abs() < f64::EPSILON {
        return r0;
    }
    r0 + (v - d0) / (d1 - d0) * (r1 - r0)
}

/// Inverse of [`project`].
pub fn unproject(p: f64, domain: (f64, f64), range: (f64, f64)) -> f64 {
    project(p, range, domain)
}

/// Decimals to write an axis number with (trailing zeros dropped): none for
/// whole or large numbers, one from 10, two or three below, and below 1 at
/// least three significant digits, so the ticks of a tiny facility's axis
/// (0.0005, 0.001, 0.0015 € billion) do not all read "0.001".
pub fn label_decimals(v: f64) -> u8 {
    let a = v.abs();
    if a == 0.0 || (v - v.round()).abs() < 1e-9 || a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else {
        let d = if (v * 100.0 - (v * 100.0).round()).abs() < 1e-6 { 2 } else { 3 };
        d.max(crate::format::sig_decimals(v, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_numbers_of_any_size_are_told_apart() {
        let written = |v: f64| {
            let p = 10f64.powi(i32::from(label_decimals(v)));
            (v * p).round() / p
        };
        for max in [0.0021, 0.0137, 0.9, 3.7, 42.0, 815.0, 2.6e4] {
            let t = ticks(max, 4);
            for w in t.windows(2) {
                assert!(written(w[0]) < written(w[1]), "{max}: {} and {} read the same", w[0], w[1]);
                assert!((written(w[1]) - w[1]).abs() <= w[1] * 1e-9, "{max}: {} is written exactly", w[1]);
            }
        }
        assert_eq!(label_decimals(2500.0), 0);
        assert_eq!(label_decimals(12.5), 1);
        assert_eq!(label_decimals(0.25), 3, "written 0.25: trailing zeros are dropped");
        assert_eq!(label_decimals(0.0015), 5);
        assert_eq!(label_decimals(0.000573), 6);
    }

    #[test]
    fn steps_are_nice() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(215.8, 5), 50.0);
        assert_eq!(nice_max(215.8, 5), 250.0);
        assert_eq!(ticks(9.0, 4), vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        assert_eq!(nice_step(f64::NAN, 5), 1.0);
    }

    #[test]
    fn range_ticks_are_whole_steps_covering_the_range() {
        let (t, d) = range_ticks(1.094, 1.136, 4);
        assert_eq!(t.len(), 5);
        assert_eq!(d, 2);
        // 1.08 … 1.14 in steps of 0.02 is three steps, written on four: the spare one above.
        assert!((t[0] - 1.08).abs() < 1e-12 && (t[4] - 1.16).abs() < 1e-12, "{t:?}");
        // Centred when two steps are spare.
        let (t, _) = range_ticks(1.0, 1.2, 6);
        assert!((t[0] - 0.95).abs() < 1e-12 && (t[6] - 1.25).abs() < 1e-12, "{t:?}");
        for (lo, hi, n) in [
            (1.0, 1.3, 4),
            (0.2, 7.9, 4),
            (-3.0, 40.0, 5),
            (1.1999, 1.2001, 4),
            (12.5, 250.0, 3),
            (1e-5, 3e-5, 4),
            (1.01, 1.99, 2),
            (0.0, 99.0, 1),
        ] {
            let (t, d) = range_ticks(lo, hi, n);
            assert_eq!(t.len(), n + 1, "{lo}..{hi}: {t:?}");
            let step = t[1] - t[0];
            let slack = step * 1e-9;
            assert!(t[0] <= lo + slack && *t.last().unwrap() >= hi - slack, "{lo}..{hi}: {t:?}");
            // The decimals write each tick exactly (to rounding error) and no more.
            let scale = 10f64.powi(i32::from(d));
            for v in &t {
                assert!((v * scale - (v * scale).round()).abs() < 1e-6, "{v} with {d} decimals");
            }
            assert!(
                d == 0 || (step * scale / 10.0 - (step * scale / 10.0).round()).abs() > 1e-6,
                "{step}: {d} too many"
            );
        }
        // No nice steps: the two ends, with the decimals that tell them apart.
        assert_eq!(range_ticks(2.5, 2.5, 4), (vec![2.5, 2.5], 2));
        assert_eq!(range_ticks(0.5989, 0.6007, 1), (vec![0.5989, 0.6007], 4));
        assert_eq!(range_ticks(-0.001, 0.001, 1).1, 4);
        assert_eq!(range_ticks(0.0, 0.0, 3), (vec![0.0, 0.0], 0));
        assert_eq!(range_ticks(f64::NAN, 1.0, 4).0.len(), 2);
        assert_eq!(range_ticks(25.0, 100.0, 3).1, 0);
        assert_eq!(range_ticks(0.0, 10.0, 4).1, 1);
    }

    #[test]
    fn project_round_trips() {
        for v in [0.0, 3.5, 10.0, -2.0] {
            let p = project(v, (0.0, 10.0), (40.0, 440.0));
            assert!((unproject(p, (0.0, 10.0), (40.0, 440.0)) - v).abs() < 1e-9);
        }
    }
}
