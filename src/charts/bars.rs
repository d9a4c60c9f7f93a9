//! Data of a horizontal bar chart (one labelled value per bar).

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Label shown left of the bar.
    pub label: String,
    /// Value.
    pub value: f64,
    /// Index into the theme's series colours.
    pub colour: usize,
}

/// A horizontal bar chart's data.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// Bars, top to bottom.
    pub bars: Vec<Bar>,
    /// Unit of the values (shown after the top bar's value).
    pub unit: String,
    /// Value labels shown at the end of each bar, already formatted.
    pub value_labels: Vec<String>,
}

impl BarChart {
    /// Largest value (0 for an empty chart).
    pub fn max(&self) -> f64 {
        self.bars.iter().map(|b| b.value).fold(0.0, f64::max)
    }
}
