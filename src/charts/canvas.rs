//! plotters-canvas drawing. Only called from effects that read memoised data.

use super::bars::BarChart;
use super::scale;
use super::{Rgb, Theme, DARK, LIGHT};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// The theme matching the user's colour scheme.
pub fn theme() -> Theme {
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false);
    if dark {
        DARK
    } else {
        LIGHT
    }
}

/// Size the canvas's backing store to its CSS box × devicePixelRatio (crisp on
/// high-DPI screens) and return the backend and that ratio.
pub fn prepare(canvas: &HtmlCanvasElement, css_height: u32) -> Option<(CanvasBackend, f64)> {
    let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 3.0);
    let css_width = canvas.client_width().max(240) as f64;
    canvas.set_width((css_width * dpr).round() as u32);
    canvas.set_height((f64::from(css_height) * dpr).round() as u32);
    CanvasBackend::with_canvas_object(canvas.clone()).map(|b| (b, dpr))
}

/// Draw a horizontal bar chart.
pub fn draw_bars(canvas: &HtmlCanvasElement, chart: &BarChart) {
    let rows = chart.bars.len().max(1) as u32;
    let css_height = 28 * rows + 44;
    let Some((backend, dpr)) = prepare(canvas, css_height) else { return };
    let t = theme();
    let root = backend.into_drawing_area();
    let _ = root.fill(&TRANSPARENT);
    let (w, h) = root.dim_in_pixel();
    let px = |v: f64| (v * dpr) as i32;
    let font = |size: f64| ("sans-serif", size * dpr).into_font().color(&rgb(t.ink));

    let label_w = px(170.0).min(w as i32 / 2);
    let right_pad = px(70.0);
    let top = px(6.0);
    let bottom = h as i32 - px(30.0);
    let plot = (label_w, w as i32 - right_pad);
    let max = scale::nice_max(chart.max(), 4);
    let x = |v: f64| scale::project(v, (0.0, max), (plot.0 as f64, plot.1 as f64)) as i32;
    let row_h = (bottom - top) as f64 / rows as f64;

    for tick in scale::ticks(chart.max(), 4) {
        let xi = x(tick);
        let _ = root.draw(&PathElement::new(vec![(xi, top), (xi, bottom)], rgb(t.grid).stroke_width(px(1.0) as u32)));
        let _ = root.draw(&Text::new(
            format_tick(tick),
            (xi, bottom + px(6.0)),
            font(11.0).pos(Pos::new(HPos::Center, VPos::Top)),
        ));
    }
    let _ = root.draw(&Text::new(
        chart.unit.clone(),
        (plot.1 + px(8.0), bottom + px(6.0)),
        font(11.0).pos(Pos::new(HPos::Left, VPos::Top)),
    ));
    for (i, bar) in chart.bars.iter().enumerate() {
        let y0 = top + (row_h * i as f64 + row_h * 0.18) as i32;
        let y1 = top + (row_h * (i as f64 + 1.0) - row_h * 0.18) as i32;
        let colour = rgb(t.series[bar.colour % t.series.len()]);
        let _ =
            root.draw(&Rectangle::new([(x(0.0), y0), (x(bar.value.max(0.0)).max(x(0.0) + 1), y1)], colour.filled()));
        let ymid = (y0 + y1) / 2;
        let _ = root.draw(&Text::new(
            bar.label.clone(),
            (label_w - px(8.0), ymid),
            font(12.0).pos(Pos::new(HPos::Right, VPos::Center)),
        ));
        if let Some(v) = chart.value_labels.get(i) {
            let _ = root.draw(&Text::new(
                v.clone(),
                (x(bar.value.max(0.0)) + px(6.0), ymid),
                font(12.0).pos(Pos::new(HPos::Left, VPos::Center)),
            ));
        }
    }
    let _ = root.present();
}

fn format_tick(v: f64) -> String {
    if v >= 1000.0 || v == v.round() {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}
