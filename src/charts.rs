//! Charts: pure data and scale maths (testable natively) apart from the
//! plotters-canvas drawing, which only turns memoised data into pixels.

pub mod bars;
pub mod scale;
pub mod series;

#[cfg(target_arch = "wasm32")]
pub mod backend;
#[cfg(target_arch = "wasm32")]
pub mod canvas;

/// A colour as RGB.
pub type Rgb = (u8, u8, u8);

/// Colours of a chart in one colour scheme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Text and axes.
    pub ink: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// Series colours, colour-blind-safe (Okabe–Ito).
    pub series: [Rgb; 8],
}

/// Light scheme.
pub const LIGHT: Theme = Theme {
    ink: (31, 41, 55),
    grid: (223, 227, 234),
    series: [
        (0, 114, 178),
        (230, 159, 0),
        (0, 158, 115),
        (204, 121, 167),
        (86, 180, 233),
        (213, 94, 0),
        (120, 120, 120),
        (240, 228, 66),
    ],
};

/// Dark scheme.
pub const DARK: Theme = Theme {
    ink: (229, 231, 235),
    grid: (55, 65, 81),
    series: [
        (86, 180, 233),
        (240, 190, 60),
        (52, 199, 150),
        (224, 150, 190),
        (140, 200, 240),
        (240, 130, 60),
        (170, 170, 170),
        (240, 228, 66),
    ],
};

/// Any chart the app draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Horizontal bars.
    Bars(bars::BarChart),
    /// Monthly columns with a line.
    Monthly(series::MonthlyChart),
    /// A line over years.
    Line(series::LineChart),
    /// Diverging sensitivity bars.
    Tornado(series::TornadoChart),
    /// A distribution.
    Histogram(series::HistogramChart),
    /// Grouped bars (comparison).
    Grouped(series::GroupedChart),
}

impl Chart {
    /// Height of the drawing in CSS pixels (it is as wide as its box): bar
    /// charts grow with their rows, the others are fixed.
    pub fn css_height(&self) -> u32 {
        match self {
            Chart::Bars(c) => 28 * c.bars.len().max(1) as u32 + 14,
            Chart::Monthly(_) => 260,
            Chart::Line(_) => 240,
            Chart::Tornado(c) => 26 * c.rows.len().max(1) as u32 + 40,
            Chart::Histogram(_) => 220,
            Chart::Grouped(_) => 260,
        }
    }
}

/// A chart and its text alternative: rows of (label, formatted value).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What to draw.
    pub chart: Chart,
    /// The same data as a table, for screen readers and print.
    pub table: Vec<(String, String)>,
}
