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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_nice() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(215.8, 5), 50.0);
        assert_eq!(nice_max(215.8, 5), 250.0);
        assert_eq!(ticks(9.0, 4), vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        assert_eq!(nice_step(f64::NAN, 5), 1.0);
    }

    #[test]
    fn project_round_trips() {
        for v in [0.0, 3.5, 10.0, -2.0] {
            let p = project(v, (0.0, 10.0), (40.0, 440.0));
            assert!((unproject(p, (0.0, 10.0), (40.0, 440.0)) - v).abs() < 1e-9);
        }
    }
}
