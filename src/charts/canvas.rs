//! plotters-canvas drawing. Only called from effects that read memoised data.

use super::backend::Canvas2d;
use super::bars::BarChart;
use super::series::{GroupedChart, HistogramChart, LineChart, MonthlyChart, SweepChart, TornadoChart};
use super::{scale, Chart};
use super::{Rgb, Theme, DARK, LIGHT};
use crate::format::{format as fmt_num, Style};
use crate::i18n::Lang;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::BackendColor;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    // The language whose number conventions the axes use while a chart is drawn.
    static LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::DEFAULT) };
    // CSS width of the canvas and the colour scheme, measured by the component
    // (on mount, resize and scheme change) so drawing never forces a layout.
    static VIEW: std::cell::Cell<(f64, bool)> = const { std::cell::Cell::new((600.0, false)) };
}

/// An axis number in the display language (see [`scale::label_decimals`]).
fn axis_label(v: f64) -> String {
    fmt_num(v, LANG.with(|l| l.get()), Style::Plain(scale::label_decimals(v)))
}

thread_local! {
    // Measured label widths by (text, font size): the same category labels are
    // measured on every redraw, and setting a canvas font is slow. Bounded.
    static WIDTHS: std::cell::RefCell<Vec<(String, f64, f64)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The canvas's 2D context.
fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok())
}

/// Width of `text` at `px` CSS pixels × `dpr`, measured by the canvas.
fn text_width(canvas: &HtmlCanvasElement, text: &str, size: f64) -> f64 {
    if let Some(w) = WIDTHS.with(|m| m.borrow().iter().find(|(t, s, _)| t == text && *s == size).map(|e| e.2)) {
        return w;
    }
    let measured = context(canvas).and_then(|ctx| {
        ctx.set_font(&super::backend::css_font(size, false, "sans-serif"));
        ctx.measure_text(text).ok()
    });
    let w = measured.map_or_else(|| size * 0.6 * text.chars().count() as f64, |m| m.width());
    WIDTHS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 128 {
            m.clear();
        }
        m.push((text.to_string(), size, w));
    });
    w
}

/// `text` shortened with an ellipsis to fit `max` device pixels.
fn fit(canvas: &HtmlCanvasElement, text: &str, size: f64, max: f64) -> String {
    if text_width(canvas, text, size) <= max {
        return text.to_string();
    }
    // The longest prefix that fits with an ellipsis, found by halving (a few
    // measurements, not one per character).
    let chars: Vec<char> = text.chars().collect();
    let with_ellipsis = |n: usize| chars[..n].iter().collect::<String>() + "…";
    let (mut fits, mut too_long) = (0, chars.len());
    while too_long - fits > 1 {
        let mid = (fits + too_long) / 2;
        if text_width(canvas, &with_ellipsis(mid), size) <= max {
            fits = mid;
        } else {
            too_long = mid;
        }
    }
    with_ellipsis(fits)
}

/// The sans-serif font at `px` device pixels. Built from the family variant, not
/// the name: plotters lower-cases a family name, which pulls the whole Unicode
/// case table (about 8 KB gzip) into the wasm.
fn sans(px: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, px, FontStyle::Normal)
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Whether the user prefers a dark colour scheme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// The theme of the chart being drawn.
pub fn theme() -> Theme {
    if VIEW.with(|v| v.get().1) {
        DARK
    } else {
        LIGHT
    }
}

/// What a drawing left on its canvas that does not follow the numbers: its
/// category labels (bar names, months) and where they stand. When the next
/// drawing of the same canvas has the same, those pixels stay and only the rest
/// is cleared and drawn: an edit redraws bars and values, not names. That is
/// half of the text the three charts of the bench's view draw per edit (53.5 →
/// 26.5 labels), and text is the largest part of drawing them: measured side
/// by side at 1×, −0.5 ms of main-thread time and −0.4 ms of input-to-paint
/// (p50 4.8 → 4.4 ms).
#[derive(Debug, Clone)]
pub struct Kept {
    labels: Vec<String>,
    geometry: [i32; 6],
    dark: bool,
    /// Labels that change more often (a chart's axis numbers), kept apart.
    axes: Vec<String>,
}

impl Kept {
    fn new(labels: Vec<String>, geometry: [i32; 6]) -> Self {
        Kept { labels, geometry, dark: VIEW.with(|v| v.get().1), axes: Vec::new() }
    }

    /// Whether the labels `last` left are these, in the same place and colours.
    fn still(&self, last: Option<&Kept>) -> bool {
        last.is_some_and(|k| k.labels == self.labels && k.geometry == self.geometry && k.dark == self.dark)
    }
}

/// Size the canvas's backing store to its CSS box × devicePixelRatio (crisp on
/// high-DPI screens) and return the backend, that ratio and whether the store
/// is new (blank). Nothing is cleared: the chart clears what it redraws.
pub fn prepare(canvas: &HtmlCanvasElement, css_height: u32) -> Option<(Canvas2d, f64, bool)> {
    let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 3.0);
    let css_width = VIEW.with(|v| v.get().0).max(240.0);
    let (w, h) = ((css_width * dpr).round() as u32, (f64::from(css_height) * dpr).round() as u32);
    let ctx = context(canvas)?;
    // Same size: the backing store is kept (resizing reallocates it, blank).
    let fresh = canvas.width() != w || canvas.height() != h;
    if fresh {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    Some((Canvas2d::new(ctx, (w, h)), dpr, fresh))
}

/// A cleared canvas `css_height` CSS pixels tall, with its pixel ratio and theme.
fn begin(canvas: &HtmlCanvasElement, css_height: u32) -> Option<(Canvas2d, f64, Theme)> {
    let (backend, dpr, fresh) = prepare(canvas, css_height)?;
    if !fresh {
        backend.clear_all();
    }
    Some((backend, dpr, theme()))
}

/// `c` at opacity `alpha`, as the backend takes it.
fn colour(c: Rgb, alpha: f64) -> BackendColor {
    BackendColor { alpha, rgb: c }
}

/// The edges of the bar `i` of bars `size` device pixels apart from `start`,
/// with 18% of the gap on either side.
fn band(start: i32, size: f64, i: usize) -> (i32, i32) {
    (start + (size * i as f64 + size * 0.18) as i32, start + (size * (i as f64 + 1.0) - size * 0.18) as i32)
}

/// Width of a column of 12 px names whose longest is `longest` device pixels
/// wide: room for it and a margin, at most 42% of the canvas's `w`.
fn name_column(longest: f64, dpr: f64, w: u32) -> i32 {
    ((longest + 12.0 * dpr) as i32).min((w as f64 * 0.42) as i32)
}

/// A row's name, right-aligned in the name column of width `column` at height
/// `y`, shortened to fit.
fn row_name(pen: &mut Canvas2d, canvas: &HtmlCanvasElement, name: &str, column: i32, y: i32, dpr: f64, ink: Rgb) {
    let px = |v: f64| (v * dpr) as i32;
    let name = fit(canvas, name, 12.0 * dpr, f64::from(column - px(10.0)));
    pen.text(&name, (column - px(8.0), y), 12.0 * dpr, colour(ink, 1.0), HPos::Right, VPos::Center);
}

/// Draw a horizontal bar chart. Every bar carries its value (the top one with the
/// unit), so there is no value axis: less ink, and fewer labels to draw per edit.
pub fn draw_bars(canvas: &HtmlCanvasElement, chart: &BarChart, css_height: u32, kept: &mut Option<Kept>) {
    let rows = chart.bars.len().max(1) as u32;
    let Some((mut pen, dpr, fresh)) = prepare(canvas, css_height) else { return };
    let (w, h) = pen.get_size();
    let t = theme();
    let px = |v: f64| (v * dpr) as i32;

    let longest = chart.bars.iter().map(|b| text_width(canvas, &b.label, 12.0 * dpr)).fold(0.0, f64::max);
    let label_w = name_column(longest, dpr, w);
    // The names column stays when the names, their column and the canvas do.
    let names = Kept::new(
        chart.bars.iter().map(|b| b.label.clone()).collect(),
        [w as i32, h as i32, label_w, rows as i32, 0, 0],
    );
    let keep = !fresh && names.still(kept.as_ref());
    let from = if keep { label_w - px(4.0) } else { 0 };
    if !fresh {
        pen.clear((from, 0), (w as i32, h as i32));
    }
    *kept = Some(names);
    let right_pad = px(76.0);
    let top = px(6.0);
    let bottom = h as i32 - px(8.0);
    let plot = (label_w, w as i32 - right_pad);
    let max = if chart.max() > 0.0 { chart.max() } else { 1.0 };
    let x = |v: f64| scale::project(v, (0.0, max), (plot.0 as f64, plot.1 as f64)) as i32;
    let row_h = (bottom - top) as f64 / rows as f64;

    for (i, bar) in chart.bars.iter().enumerate() {
        let (y0, y1) = band(top, row_h, i);
        let fill = colour(t.series[bar.colour % t.series.len()], 1.0);
        pen.rect((x(0.0), y0), (x(bar.value.max(0.0)).max(x(0.0) + 1), y1), fill);
        let ymid = (y0 + y1) / 2;
        if !keep {
            row_name(&mut pen, canvas, &bar.label, label_w, ymid, dpr, t.ink);
        }
        if let Some(v) = chart.value_labels.get(i) {
            let with_unit;
            let v = if i == 0 && !chart.unit.is_empty() {
                with_unit = format!("{v} {}", chart.unit);
                &with_unit
            } else {
                v
            };
            let at = (x(bar.value.max(0.0)) + px(6.0), ymid);
            pen.text(v, at, 12.0 * dpr, colour(t.ink, 1.0), HPos::Left, VPos::Center);
        }
    }
}

/// Draw any chart `css_width` CSS pixels wide, with axis numbers in `lang`'s
/// conventions and colours for the `dark` or light scheme.
/// `kept` is what the last drawing of this canvas left that does not follow the
/// numbers (None: nothing known, draw it all).
pub fn draw(
    canvas: &HtmlCanvasElement,
    chart: &Chart,
    lang: Lang,
    css_width: f64,
    dark: bool,
    kept: &mut Option<Kept>,
) {
    LANG.with(|l| l.set(lang));
    VIEW.with(|v| v.set((css_width, dark)));
    let h = chart.css_height();
    if !matches!(chart, Chart::Bars(_) | Chart::Monthly(_)) {
        *kept = None;
    }
    match chart {
        Chart::Bars(c) => draw_bars(canvas, c, h, kept),
        Chart::Monthly(c) => draw_monthly(canvas, c, h, kept),
        Chart::Line(c) => draw_line(canvas, c, h),
        Chart::Tornado(c) => draw_tornado(canvas, c, h),
        Chart::Histogram(c) => draw_histogram(canvas, c, h),
        Chart::Grouped(c) => draw_grouped(canvas, c, h),
    }
}

/// A plotting frame: pixel box and helpers shared by the vertical charts.
struct Frame {
    dpr: f64,
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    theme: Theme,
}

impl Frame {
    fn px(&self, v: f64) -> i32 {
        (v * self.dpr) as i32
    }
    fn font(&self, size: f64) -> TextStyle<'static> {
        sans(size * self.dpr).color(&rgb(self.theme.ink))
    }
    fn y(&self, v: f64, max: f64) -> i32 {
        scale::project(v, (0.0, max), (self.bottom as f64, self.top as f64)) as i32
    }
    /// `s` in the axes' 11 px ink, anchored at `at` by `h` and `v`.
    fn label(&self, pen: &mut Canvas2d, s: &str, at: (i32, i32), h: HPos, v: VPos) {
        pen.text(s, at, 11.0 * self.dpr, colour(self.theme.ink, 1.0), h, v);
    }
    /// `s` centred below the plot at `x` (an x-axis number or category).
    fn below(&self, pen: &mut Canvas2d, s: &str, x: i32) {
        self.label(pen, s, (x, self.bottom + self.px(6.0)), HPos::Center, VPos::Top);
    }
    /// Horizontal grid lines for [0, max] and, with `labels`, their numbers and
    /// the axis caption on the left axis.
    fn y_axis(&self, pen: &mut Canvas2d, max: f64, caption: &str, labels: bool) {
        let top = scale::nice_max(max, 4);
        for t in scale::ticks(max, 4) {
            let y = self.y(t, top);
            pen.path(&[(self.left, y), (self.right, y)], colour(self.theme.grid, 1.0), 1);
            if labels {
                self.label(pen, &axis_label(t), (self.left - self.px(6.0), y), HPos::Right, VPos::Center);
            }
        }
        if labels {
            self.label(pen, caption, (self.left, self.top - self.px(16.0)), HPos::Left, VPos::Center);
        }
    }
}

/// The backend and plotting frame of a vertical chart, with whether its
/// backing store is new (blank); nothing cleared yet.
fn frame_kept(canvas: &HtmlCanvasElement, css_height: u32, left: f64, right: f64) -> Option<(Canvas2d, Frame, bool)> {
    let (backend, dpr, fresh) = prepare(canvas, css_height)?;
    let (w, h) = backend.get_size();
    let f = Frame {
        dpr,
        left: (left * dpr) as i32,
        right: w as i32 - (right * dpr) as i32,
        top: (28.0 * dpr) as i32,
        bottom: h as i32 - (26.0 * dpr) as i32,
        theme: theme(),
    };
    Some((backend, f, fresh))
}

/// As `frame_kept`, with the whole canvas cleared.
fn frame(canvas: &HtmlCanvasElement, css_height: u32, left: f64, right: f64) -> Option<(Canvas2d, Frame)> {
    let (backend, f, fresh) = frame_kept(canvas, css_height, left, right)?;
    if !fresh {
        backend.clear_all();
    }
    Some((backend, f))
}

/// Monthly energy columns with the PUE line on a right axis.
pub fn draw_monthly(canvas: &HtmlCanvasElement, c: &MonthlyChart, css_height: u32, kept: &mut Option<Kept>) {
    let Some((mut pen, f, fresh)) = frame_kept(canvas, css_height, 48.0, 48.0) else { return };
    let (w, h) = pen.get_size();
    let cmax = c.columns.iter().copied().fold(0.0, f64::max);
    let top_c = scale::nice_max(cmax, 4);
    // The line's axis: nice ticks around [min − pad, max + pad], so its shape
    // is visible, its numbers are round (1.08, 1.10, …) and they stay put
    // while the line moves a little.
    let lmin = c.line.iter().copied().fold(f64::INFINITY, f64::min);
    let lmax = c.line.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let pad = ((lmax - lmin) * 0.2).max(0.01);
    // As many steps as the columns' axis, so both share its grid lines.
    let left_ticks = scale::ticks(cmax, 4);
    let steps = left_ticks.len().saturating_sub(1).max(1);
    let (ticks, decimals) = scale::range_ticks(lmin - pad, lmax + pad, steps);
    let (l0, l1) = (ticks[0], ticks[ticks.len() - 1]);
    let ly = |v: f64| scale::project(v, (l0, l1), (f.bottom as f64, f.top as f64)) as i32;
    // The months' row stays when the months and the plot's box do; the rest
    // around the plot too when the axes' numbers and captions do (an edit of the
    // count seldom changes an axis). Then only the plot is cleared and drawn.
    let mut now = Kept::new(c.months.clone(), [w as i32, h as i32, f.left, f.right, f.bottom, c.columns.len() as i32]);
    let lang = LANG.with(|l| l.get());
    // Both axes' numbers (the right one's from `right`), then both captions.
    let mut axes: Vec<String> = left_ticks.into_iter().map(axis_label).collect();
    let right = axes.len();
    axes.extend(ticks.iter().map(|v| fmt_num(*v, lang, Style::Fixed(decimals))));
    axes.extend([c.columns_label.clone(), c.line_label.clone()]);
    now.axes = axes;
    let last = kept.as_ref().filter(|_| !fresh);
    let keep = now.still(last);
    let keep_axes = keep && last.is_some_and(|k| k.axes == now.axes);
    let (w, h) = (w as i32, h as i32);
    if keep_axes {
        pen.clear((f.left - f.px(2.0), f.top - f.px(6.0)), (f.right + f.px(2.0), f.bottom + f.px(4.0)));
    } else if keep {
        // All but the months' row between the axes: the axes' lowest numbers
        // may reach below the plot, beside it.
        let below = f.bottom + f.px(4.0);
        pen.clear((0, 0), (w, below));
        pen.clear((0, below), (f.left, h));
        pen.clear((f.right, below), (w, h));
    } else if !fresh {
        pen.clear_all();
    }
    f.y_axis(&mut pen, cmax, &c.columns_label, !keep_axes);
    if !keep_axes {
        for (text, v) in now.axes[right..].iter().zip(&ticks) {
            f.label(&mut pen, text, (f.right + f.px(6.0), ly(*v)), HPos::Left, VPos::Center);
        }
        let at = (f.right + f.px(44.0), f.top - f.px(16.0));
        f.label(&mut pen, &c.line_label, at, HPos::Right, VPos::Center);
    }
    let n = c.columns.len().max(1);
    let slot = (f.right - f.left) as f64 / n as f64;
    let fill = colour(f.theme.series[0], 0.85);
    let mut line = Vec::with_capacity(n);
    for (i, v) in c.columns.iter().enumerate() {
        let (x0, x1) = band(f.left, slot, i);
        pen.rect((x0, f.y(*v, top_c)), (x1, f.bottom), fill);
        let xm = (x0 + x1) / 2;
        if let Some(l) = now.labels.get(i).filter(|_| !keep) {
            // Narrow plots show initials.
            if slot < f64::from(f.px(34.0)) {
                f.below(&mut pen, &l.chars().take(1).collect::<String>().to_ascii_uppercase(), xm);
            } else {
                f.below(&mut pen, l, xm);
            }
        }
        if let Some(p) = c.line.get(i) {
            line.push((xm, ly(*p)));
        }
    }
    let lc = colour(f.theme.series[5], 1.0);
    pen.path(&line, lc, f.px(2.5) as u32);
    for p in line {
        pen.disc(p, f.px(3.5) as u32, lc);
    }
    *kept = Some(now);
}

/// Cumulative cost as a step line.
pub fn draw_line(canvas: &HtmlCanvasElement, c: &LineChart, css_height: u32) {
    let Some((mut pen, f)) = frame(canvas, css_height, 52.0, 16.0) else { return };
    let ymax = c.points.iter().map(|p| p.1 / c.y_scale).fold(0.0, f64::max);
    let xmax = c.points.iter().map(|p| p.0).fold(0.0, f64::max).max(1.0);
    let top = scale::nice_max(ymax, 4);
    f.y_axis(&mut pen, ymax, &c.y_label, true);
    let x = |v: f64| scale::project(v, (0.0, xmax), (f.left as f64, f.right as f64)) as i32;
    let step = scale::nice_step(xmax, 10).max(1.0);
    let mut t = 0.0;
    while t <= xmax + 1e-9 {
        f.below(&mut pen, &axis_label(t), x(t));
        t += step;
    }
    let mut area: Vec<(i32, i32)> = c.points.iter().map(|p| (x(p.0), f.y(p.1 / c.y_scale, top))).collect();
    let n = area.len();
    area.push((x(xmax), f.bottom));
    area.push((x(0.0), f.bottom));
    pen.polygon(&area, colour(f.theme.series[0], 0.15));
    pen.path(&area[..n], colour(f.theme.series[0], 1.0), f.px(2.5) as u32);
}

/// Tornado: each input's swing around the central value.
pub fn draw_tornado(canvas: &HtmlCanvasElement, c: &TornadoChart, css_height: u32) {
    let rows = c.rows.len().max(1) as u32;
    let Some((mut pen, dpr, t)) = begin(canvas, css_height) else { return };
    let (w, h) = pen.get_size();
    let px = |v: f64| (v * dpr) as i32;
    let longest = c.rows.iter().map(|r| text_width(canvas, &r.0, 12.0 * dpr)).fold(0.0, f64::max);
    let label_w = name_column(longest, dpr, w);
    let (left, right, top, bottom) = (label_w, w as i32 - px(12.0), px(4.0), h as i32 - px(28.0));
    let lo = c.rows.iter().map(|r| r.1.min(r.2)).fold(c.base, f64::min);
    let hi = c.rows.iter().map(|r| r.1.max(r.2)).fold(c.base, f64::max);
    let pad = ((hi - lo) * 0.05).max(c.base.abs() * 1e-6);
    let (d0, d1) = (lo - pad, hi + pad);
    let x = |v: f64| scale::project(v, (d0, d1), (left as f64, right as f64)) as i32;
    let row_h = (bottom - top) as f64 / rows as f64;
    for (i, (label, at_low, at_high)) in c.rows.iter().enumerate() {
        let (y0, y1) = band(top, row_h, i);
        // Input at its low end in one colour, high end in the other.
        for (v, fill) in [(*at_low, t.series[0]), (*at_high, t.series[1])] {
            let (a, b) = if v < c.base { (x(v), x(c.base)) } else { (x(c.base), x(v).max(x(c.base) + 1)) };
            pen.rect((a, y0), (b, y1), colour(fill, 1.0));
        }
        row_name(&mut pen, canvas, label, left, (y0 + y1) / 2, dpr, t.ink);
    }
    let xb = x(c.base);
    let ink = colour(t.ink, 1.0);
    pen.path(&[(xb, top), (xb, bottom)], ink, px(1.0) as u32);
    for v in [d0 + pad, c.base, d1 - pad] {
        pen.text(&axis_label(v / c.scale), (x(v), bottom + px(6.0)), 11.0 * dpr, ink, HPos::Center, VPos::Top);
    }
}

/// Histogram of Monte-Carlo samples with percentile markers.
pub fn draw_histogram(canvas: &HtmlCanvasElement, c: &HistogramChart, css_height: u32) {
    let Some((mut pen, f)) = frame(canvas, css_height, 40.0, 16.0) else { return };
    if c.bins.is_empty() {
        return;
    }
    let x0 = c.bins[0].0;
    let x1 = c.bins[c.bins.len() - 1].0 + c.width;
    let x1 = if x1 > x0 { x1 } else { x0 + 1.0 };
    let cmax = c.bins.iter().map(|b| f64::from(b.1)).fold(0.0, f64::max);
    let top = scale::nice_max(cmax, 3);
    f.y_axis(&mut pen, cmax, "n", true);
    let x = |v: f64| scale::project(v, (x0, x1), (f.left as f64, f.right as f64)) as i32;
    let fill = colour(f.theme.series[2], 0.8);
    for (edge, count) in &c.bins {
        pen.rect((x(*edge) + 1, f.y(f64::from(*count), top)), (x(edge + c.width) - 1, f.bottom), fill);
    }
    for (label, at) in &c.markers {
        let xm = x(*at);
        pen.path(&[(xm, f.top), (xm, f.bottom)], colour(f.theme.ink, 1.0), f.px(1.5) as u32);
        f.label(&mut pen, label, (xm, f.top - f.px(4.0)), HPos::Center, VPos::Bottom);
        f.below(&mut pen, &axis_label(at / c.scale), xm);
    }
}

/// Grouped vertical bars with a legend above them, wrapped onto as many rows
/// as the names need.
pub fn draw_grouped(canvas: &HtmlCanvasElement, c: &GroupedChart, css_height: u32) {
    let Some((mut pen, mut f)) = frame(canvas, css_height, 40.0, 12.0) else { return };
    // Legend: a swatch and a name per series, beside the axis caption (which
    // sits on the last row); a name that does not fit starts a new row, which
    // moves the plot down.
    let size = 11.0 * f.dpr;
    let start = f.left + f.px(24.0);
    let mut legend = Vec::with_capacity(c.series.len());
    let (mut x, mut row) = (start, 0);
    for name in &c.series {
        let label = fit(canvas, name, size, f64::from(f.right - start - f.px(14.0)));
        let width = f.px(14.0) + text_width(canvas, &label, size).ceil() as i32 + f.px(16.0);
        if x + width > f.right + f.px(12.0) && x > start {
            row += 1;
            x = start;
        }
        legend.push((x, row, label));
        x += width;
    }
    let first_row_y = f.top - f.px(16.0);
    f.top += f.px(18.0) * row;
    // Shares of the largest, written as percentages.
    f.y_axis(&mut pen, 100.0, "%", true);
    let groups = c.groups.len().max(1);
    let slot = (f.right - f.left) as f64 / groups as f64;
    let n = c.series.len().max(1) as f64;
    let series = |s: usize| colour(f.theme.series[s % f.theme.series.len()], 1.0);
    for (g, label) in c.groups.iter().enumerate() {
        let x0 = f.left as f64 + slot * g as f64 + slot * 0.12;
        let bar = slot * 0.76 / n;
        for (s, v) in c.values.get(g).into_iter().flatten().enumerate() {
            let a = (x0 + bar * s as f64) as i32;
            let b = (x0 + bar * (s as f64 + 1.0)) as i32 - 1;
            let top = f.y(v.max(0.0) * 100.0, 100.0);
            pen.rect((a, top), (b.max(a + 1), f.bottom), series(s));
        }
        // Within its group's slot, or cut with an ellipsis (a phone, in French).
        let label = fit(canvas, label, size, slot - f64::from(f.px(4.0)));
        f.below(&mut pen, &label, (f.left as f64 + slot * (g as f64 + 0.5)) as i32);
    }
    for (s, (x, row, label)) in legend.into_iter().enumerate() {
        let y = first_row_y + f.px(18.0) * row;
        pen.rect((x, y - f.px(5.0)), (x + f.px(10.0), y + f.px(5.0)), series(s));
        f.label(&mut pen, &label, (x + f.px(14.0), y), HPos::Left, VPos::Center);
    }
}

/// [`draw_sweep`] `css_width` CSS pixels wide, axis numbers in `lang`, colours
/// of the `dark` or light scheme: the site explorer's module draws with it
/// (the sweep is not one of the page's [`Chart`]s, so that the first visit's
/// wasm does not carry it).
pub fn draw_sweep_at(canvas: &HtmlCanvasElement, c: &SweepChart, lang: Lang, css_width: f64, dark: bool) {
    LANG.with(|l| l.set(lang));
    VIEW.with(|v| v.set((css_width, dark)));
    draw_sweep(canvas, c, SWEEP_HEIGHT);
}

/// Height of the sweep's chart, CSS px.
pub const SWEEP_HEIGHT: u32 = 260;

/// A result across an input's range: the P10–P90 band, the line (broken where
/// the model refuses), the design's own value as a dot, and a dashed line where
/// a rule's outcome changes, named at the top.
pub fn draw_sweep(canvas: &HtmlCanvasElement, c: &SweepChart, css_height: u32) {
    let Some((backend, mut f)) = frame(canvas, css_height, 64.0, 18.0) else { return };
    let (_, h) = backend.get_size();
    f.bottom = h as i32 - f.px(44.0);
    let root = backend.into_drawing_area();
    let lang = LANG.with(|l| l.get());
    let k = if c.percent { 100.0 } else { 1.0 };
    let ys = c.points.iter().filter_map(|p| p.1).chain(c.band.iter().flat_map(|b| [b.1, b.2]));
    let (lo, hi) = ys.map(|y| y * k).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| (a.min(y), b.max(y)));
    if !lo.is_finite() {
        let _ = root.present();
        return;
    }
    let pad = ((hi - lo) * 0.08).max(hi.abs() * 1e-3).max(1e-9);
    let (yt, yd) = scale::range_ticks(if lo >= 0.0 { (lo - pad).max(0.0) } else { lo - pad }, hi + pad, 4);
    let (y0, y1) = (yt[0], yt[yt.len() - 1]);
    let y = |v: f64| scale::project(v * k, (y0, y1), (f.bottom as f64, f.top as f64)) as i32;
    let (x0, x1) = (c.points.first().map_or(0.0, |p| p.0), c.points.last().map_or(1.0, |p| p.0));
    let tx = |v: f64| if c.log_x { v.max(f64::MIN_POSITIVE).log10() } else { v };
    let x = |v: f64| scale::project(tx(v), (tx(x0), tx(x1)), (f.left as f64, f.right as f64)) as i32;
    let ink = f.font(11.0);
    for t in &yt {
        let py = scale::project(*t, (y0, y1), (f.bottom as f64, f.top as f64)) as i32;
        let _ = root.draw(&PathElement::new(vec![(f.left, py), (f.right, py)], rgb(f.theme.grid)));
        let text = if t.abs() >= 1e4 { fmt_num(*t, lang, Style::Compact) } else { fmt_num(*t, lang, Style::Fixed(yd)) };
        let _ = root.draw(&Text::new(text, (f.left - f.px(6.0), py), ink.pos(Pos::new(HPos::Right, VPos::Center))));
    }
    let caption = if c.percent { format!("{} (%)", c.y_label) } else { c.y_label.clone() };
    let _ = root.draw(&Text::new(caption, (f.left, f.top - f.px(16.0)), ink.pos(Pos::new(HPos::Left, VPos::Center))));
    let xticks: Vec<f64> = if c.log_x {
        (0..=12).map(|e| 10f64.powi(e)).filter(|v| *v >= x0 * 0.999 && *v <= x1 * 1.001).collect()
    } else {
        scale::range_ticks(x0, x1, 5).0.into_iter().filter(|v| *v >= x0 - 1e-9 && *v <= x1 + 1e-9).collect()
    };
    for t in xticks {
        let text = if t.abs() >= 1e4 { fmt_num(t, lang, Style::Compact) } else { axis_label(t) };
        let _ = root.draw(&Text::new(text, (x(t), f.bottom + f.px(6.0)), ink.pos(Pos::new(HPos::Center, VPos::Top))));
    }
    let _ = root.draw(&Text::new(
        c.x_label.clone(),
        ((f.left + f.right) / 2, h as i32 - f.px(4.0)),
        ink.pos(Pos::new(HPos::Center, VPos::Bottom)),
    ));
    let colour = rgb(f.theme.series[0]);
    if c.band.len() > 1 {
        let mut area: Vec<(i32, i32)> = c.band.iter().map(|b| (x(b.0), y(b.2))).collect();
        area.extend(c.band.iter().rev().map(|b| (x(b.0), y(b.1))));
        let _ = root.draw(&Polygon::new(area, colour.mix(0.18).filled()));
    }
    // The line, broken where the model refuses the input's value.
    for run in c.points.split(|p| p.1.is_none()).filter(|r| !r.is_empty()) {
        let pts: Vec<(i32, i32)> = run.iter().filter_map(|p| Some((x(p.0), y(p.1?)))).collect();
        let _ = root.draw(&PathElement::new(pts, colour.stroke_width(f.px(2.5) as u32)));
    }
    let rule = rgb(f.theme.series[5]);
    for (i, (cx, name)) in c.crossings.iter().enumerate() {
        let px = x(*cx);
        let _ = root.draw(&plotters::element::DashedPathElement::new(
            vec![(px, f.top), (px, f.bottom)],
            f.px(4.0),
            f.px(3.0),
            rule.stroke_width(f.px(1.5) as u32),
        ));
        // Named beside its line, on the side with room, one row per crossing.
        let right = px < (f.left + f.right) / 2;
        let label = fit(canvas, name, 11.0 * f.dpr, f64::from(if right { f.right - px } else { px - f.left }));
        let pos = Pos::new(if right { HPos::Left } else { HPos::Right }, VPos::Top);
        let at = (px + if right { f.px(4.0) } else { -f.px(4.0) }, f.top + f.px(4.0 + 14.0 * (i % 4) as f64));
        let _ = root.draw(&Text::new(label, at, f.font(11.0).color(&rule).pos(pos)));
    }
    if let Some((cx, cy)) = c.current {
        let accent = rgb(f.theme.ink);
        let _ = root.draw(&Circle::new((x(cx), y(cy)), f.px(5.0), accent.filled()));
        let _ = root.draw(&Circle::new((x(cx), y(cy)), f.px(5.0), WHITE.stroke_width(f.px(1.5) as u32)));
    }
    let _ = root.present();
}
