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

/// Cumulative cost over `years`: facility capex at year 0, IT capex at 0 and at
/// every end of life before the horizon, opex spread evenly. (year, €) points.
pub fn cumulative_cost(facility_capex: f64, it_capex: f64, opex: f64, years: f64, it_life: f64) -> Vec<(f64, f64)> {
    let mut points = vec![(0.0, 0.0)];
    let mut total = facility_capex + it_capex;
    points.push((0.0, total));
    // Bounded whatever it is given (the model accepts at most 50 years): a
    // series never grows with an unchecked input.
    let steps = years.ceil().clamp(1.0, MAX_YEARS) as usize;
    let mut next_refresh = it_life;
    for i in 1..=steps {
        let y = (i as f64).min(years);
        let prev = if i == 1 { 0.0 } else { (i - 1) as f64 };
        total += opex * (y - prev);
        points.push((y, total));
        if next_refresh < years - 1e-9 && next_refresh <= y + 1e-9 {
            total += it_capex;
            points.push((y, total));
            next_refresh += it_life;
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cumulative_cost_ends_at_the_tco() {
        // TCO = facility + IT × ceil(10/5) + opex × 10.
        let p = cumulative_cost(3.0, 5.0, 1.0, 10.0, 5.0);
        let end = p.last().unwrap().1;
        assert!((end - (3.0 + 5.0 * 2.0 + 10.0)).abs() < 1e-9, "{p:?}");
        assert!(p.windows(2).all(|w| w[1].1 >= w[0].1 && w[1].0 >= w[0].0));
    }

    #[test]
    fn the_series_is_bounded_whatever_the_horizon() {
        for (years, life) in [(1e9, 5.0), (f64::INFINITY, 5.0), (1e8, 0.0), (f64::NAN, -1.0)] {
            assert!(cumulative_cost(3.0, 5.0, 1.0, years, life).len() <= 2 * MAX_YEARS as usize + 2, "{years} {life}");
        }
    }

    #[test]
    fn no_refresh_when_life_covers_the_horizon() {
        let p = cumulative_cost(3.0, 5.0, 1.0, 5.0, 5.0);
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
