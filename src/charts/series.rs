//! Data of column, line, tornado and histogram charts.

/// Monthly columns (left axis) with a line (right axis): energy and PUE by month.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyChart {
    /// Month labels (12).
    pub months: Vec<String>,
    /// Column values, left axis.
    pub columns: Vec<f64>,
    /// Column axis caption.
    pub columns_label: String,
    /// Line values, right axis.
    pub line: Vec<f64>,
    /// Line axis caption.
    pub line_label: String,
}

/// A step line over years: cumulative cost over the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// (x, y) points in order.
    pub points: Vec<(f64, f64)>,
    /// Y axis caption.
    pub y_label: String,
    /// Divide y by this for axis labels (e.g. 1e9 for € bn).
    pub y_scale: f64,
}

/// Diverging bars around a central value.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoChart {
    /// Central value.
    pub base: f64,
    /// (label, value at input's low end, value at its high end), widest first.
    pub rows: Vec<(String, f64, f64)>,
    /// Divide values by this for axis labels.
    pub scale: f64,
}

/// A histogram with percentile markers.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramChart {
    /// (bin lower edge, count).
    pub bins: Vec<(f64, u32)>,
    /// Bin width.
    pub width: f64,
    /// (label, position) markers such as P10, P50, P90.
    pub markers: Vec<(String, f64)>,
    /// Divide values by this for axis labels.
    pub scale: f64,
}

/// The longest horizon a cumulative series covers, in years.
pub const MAX_YEARS: f64 = 100.0;

/// Cumulative cost, undiscounted, by year of the horizon: each of
/// `purchases` (price, life) bought at year 0 and again at the end of each
/// life before the horizon, `opex` a year, and at the end the `residual`
/// value of what is still within its life given back, so that the line ends
/// at the model's undiscounted TCO (`tco_undiscounted`).
pub fn cumulative_cost(purchases: [(f64, f64); 2], opex: f64, years: f64, residual: f64) -> Vec<(f64, f64)> {
    let mut points = vec![(0.0, 0.0)];
    let mut total: f64 = purchases.iter().map(|p| p.0).sum();
    points.push((0.0, total));
    // Bounded whatever it is given (the model accepts at most 50 years): a
    // series never grows with an unchecked input.
    let steps = years.ceil().clamp(1.0, MAX_YEARS) as usize;
    let mut next = purchases.map(|(_, life)| life);
    for i in 1..=steps {
        let y = (i as f64).min(years);
        let prev = if i == 1 { 0.0 } else { (i - 1) as f64 };
        total += opex * (y - prev);
        points.push((y, total));
        for ((price, life), next) in purchases.iter().zip(&mut next) {
            if *next < years - 1e-9 && *next <= y + 1e-9 {
                total += price;
                points.push((y, total));
                *next += life;
            }
        }
    }
    if residual > 0.0 {
        points.push((years.min(MAX_YEARS), total - residual));
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cumulative_cost_ends_at_the_tco() {
        // Facility 3 (life 20) + IT 5 × ceil(10/5) + opex 1 × 10, less half the facility left.
        let p = cumulative_cost([(3.0, 20.0), (5.0, 5.0)], 1.0, 10.0, 1.5);
        let end = p.last().unwrap().1;
        assert!((end - (3.0 + 5.0 * 2.0 + 10.0 - 1.5)).abs() < 1e-9, "{p:?}");
        // It only rises until the residual value comes back at the end.
        let rising = &p[..p.len() - 1];
        assert!(rising.windows(2).all(|w| w[1].1 >= w[0].1 && w[1].0 >= w[0].0));
        // A facility of 4 years is renewed at 4 and 8.
        let renewed = cumulative_cost([(3.0, 4.0), (0.0, 50.0)], 0.0, 10.0, 0.0);
        assert!((renewed.last().unwrap().1 - 9.0).abs() < 1e-9, "{renewed:?}");
    }

    #[test]
    fn the_series_is_bounded_whatever_the_horizon() {
        for (years, life) in [(1e9, 5.0), (f64::INFINITY, 5.0), (1e8, 0.0), (f64::NAN, -1.0)] {
            assert!(
                cumulative_cost([(3.0, life), (5.0, life)], 1.0, years, 1.0).len() <= 3 * MAX_YEARS as usize + 3,
                "{years} {life}"
            );
        }
    }

    #[test]
    fn no_refresh_when_life_covers_the_horizon() {
        let p = cumulative_cost([(3.0, 20.0), (5.0, 5.0)], 1.0, 5.0, 0.0);
        assert!((p.last().unwrap().1 - 13.0).abs() < 1e-9);
    }
}

/// Grouped bars: for each group (a metric), one bar per series (a scenario),
/// as a share of the group's largest value.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedChart {
    /// Group labels.
    pub groups: Vec<String>,
    /// Series labels (legend).
    pub series: Vec<String>,
    /// `values[group][series]`, each group scaled so its largest is 1.
    pub values: Vec<Vec<f64>>,
}

/// Scale each row so its largest absolute value is 1 (an all-zero row stays 0).
pub fn normalise_rows(rows: &[Vec<f64>]) -> Vec<Vec<f64>> {
    rows.iter()
        .map(|r| {
            let m = r.iter().map(|v| v.abs()).fold(0.0, f64::max);
            r.iter().map(|v| if m > 0.0 { v / m } else { 0.0 }).collect()
        })
        .collect()
}

/// A result across the range of one input (the site explorer's sweep).
#[derive(Debug, Clone, PartialEq)]
pub struct SweepChart {
    /// (input value, result), by increasing input; `None` where the model refuses.
    pub points: Vec<(f64, Option<f64>)>,
    /// (input value, P10, P90) of the result, where known (else empty).
    pub band: Vec<(f64, f64, f64)>,
    /// The design's own value and its result.
    pub current: Option<(f64, f64)>,
    /// Rule thresholds crossed: (input value, rule's name).
    pub crossings: Vec<(f64, String)>,
    /// The input runs on a log scale (the accelerator count).
    pub log_x: bool,
    /// The input, with its unit.
    pub x_label: String,
    /// The result.
    pub y_label: String,
    /// The result is a share (axis in %).
    pub percent: bool,
}
