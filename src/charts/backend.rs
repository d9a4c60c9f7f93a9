//! A plotters backend for a 2D canvas that talks to the canvas as little as it
//! can. plotters-canvas's `CanvasBackend` sets the colour (formatted anew as a
//! string), line width, font, alignment and baseline before every line and label,
//! and strokes every line on its own: six to eight calls across the wasm–JS
//! boundary per element, most of them carrying a string. Redrawing three charts
//! after an edit made about 650 such calls, a quarter of the frame at 4× CPU
//! throttling (`make bench`). This backend keeps the context's state, sets it only
//! when it changes, and strokes runs of same-styled lines as one path. It draws
//! circles and polygons itself too: plotters-canvas writes every colour with
//! `f64` formatting, which alone kept core's float formatter (about 7 KB gzip)
//! in the wasm. Pixels and bitmaps, which the charts do not draw, are 1×1
//! rectangles, as plotters-canvas draws them; its error type is the one kept.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use web_sys::CanvasRenderingContext2d;

/// The CSS colour of a plotters colour: `#rrggbb` when opaque.
fn css_colour(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    if c.alpha >= 1.0 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        // Alpha in thousandths: integer formatting only.
        let a = (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32;
        format!("rgba({r},{g},{b},{}.{:03})", a / 1000, a % 1000)
    }
}

/// The CSS font of `px` pixels (to the hundredth) of `family`, written with
/// integer formatting only.
pub fn css_font(px: f64, bold: bool, family: &str) -> String {
    let cents = (px.max(0.0) * 100.0).round() as u32;
    let (whole, cents) = (cents / 100, cents % 100);
    let weight = if bold { "bold " } else { "" };
    if cents == 0 {
        format!("{weight}{whole}px {family}")
    } else {
        format!("{weight}{whole}.{cents:02}px {family}")
    }
}

/// A colour as a comparable key (plotters colours are `f64` alpha).
fn key(c: BackendColor) -> (u8, u8, u8, u32) {
    (c.rgb.0, c.rgb.1, c.rgb.2, (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32)
}

/// The canvas state this backend last set; `None` where unknown.
#[derive(Default)]
struct State {
    fill: Option<(u8, u8, u8, u32)>,
    stroke: Option<((u8, u8, u8, u32), u32)>,
    font: Option<(u32, bool)>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

pub struct Canvas2d {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    state: State,
    /// An open path of lines with the current stroke, not stroked yet.
    open: bool,
}

impl Canvas2d {
    pub fn new(ctx: CanvasRenderingContext2d, size: (u32, u32)) -> Self {
        Self { ctx, size, state: State::default(), open: false }
    }

    /// Clear `[x0, x1) × [y0, y1)` device pixels.
    pub fn clear(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32)) {
        self.ctx.clear_rect(f64::from(x0), f64::from(y0), f64::from(x1 - x0), f64::from(y1 - y0));
    }

    /// Clear every pixel.
    pub fn clear_all(&self) {
        self.clear((0, 0), (self.size.0 as i32, self.size.1 as i32));
    }

    /// Stroke the open run of lines, if any.
    fn flush(&mut self) {
        if self.open {
            self.ctx.stroke();
            self.open = false;
        }
    }

    fn set_fill(&mut self, c: BackendColor) {
        let k = key(c);
        if self.state.fill != Some(k) {
            self.ctx.set_fill_style_str(&css_colour(c));
            self.state.fill = Some(k);
        }
    }

    /// Continue (or start) the run of lines with this stroke.
    fn stroke_run(&mut self, c: BackendColor, width: u32) {
        let k = (key(c), width);
        if self.state.stroke != Some(k) {
            self.flush();
            self.ctx.set_stroke_style_str(&css_colour(c));
            self.ctx.set_line_width(f64::from(width));
            self.state.stroke = Some(k);
        }
        if !self.open {
            self.ctx.begin_path();
            self.open = true;
        }
    }
    /// `text` with its `h`/`v` anchor at `at`, `size` device pixels of `family`.
    /// Not inlined: every label of every chart comes here, and a copy per
    /// call site was most of the charts' code.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn put_text(
        &mut self,
        text: &str,
        at: BackendCoord,
        size: f64,
        bold: bool,
        family: &str,
        colour: BackendColor,
        h: HPos,
        v: VPos,
    ) {
        if colour.alpha == 0.0 {
            return;
        }
        // The charts write no rotated text; were one asked for (`style.transform()`),
        // it would be drawn level.
        self.flush();
        let baseline = match v {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.state.baseline != Some(baseline) {
            self.ctx.set_text_baseline(baseline);
            self.state.baseline = Some(baseline);
        }
        let align = match h {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.state.align != Some(align) {
            self.ctx.set_text_align(align);
            self.state.align = Some(align);
        }
        self.set_fill(colour);
        // Sizes are whole device pixels in hundredths; the charts use one family.
        let font = ((size * 100.0).round() as u32, bold);
        if self.state.font != Some(font) {
            self.ctx.set_font(&css_font(size, bold, family));
            self.state.font = Some(font);
        }
        // fillText throws only for a detached context; nothing to report then.
        let _ = self.ctx.fill_text(text, f64::from(at.0), f64::from(at.1));
    }

    /// `text` in the charts' font (sans-serif, `size` device pixels), anchored
    /// at `at` by `h` and `v`: what plotters' `Text` element with that style
    /// draws, without a generic element, style and drawing area per call.
    pub fn text(&mut self, text: &str, at: BackendCoord, size: f64, colour: BackendColor, h: HPos, v: VPos) {
        self.put_text(text, at, size, false, "sans-serif", colour, h, v);
    }

    /// The rectangle between corners `a` and `b`, filled (plotters' `Rectangle`).
    #[inline(never)]
    pub fn rect(&mut self, a: BackendCoord, b: BackendCoord, colour: BackendColor) {
        let (a, b) = ((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1)));
        self.fill_rect(a, b, colour);
    }

    fn fill_rect(&mut self, a: BackendCoord, b: BackendCoord, colour: BackendColor) {
        if colour.alpha == 0.0 {
            return;
        }
        // Lines drawn before stay beneath: stroke the run first.
        self.flush();
        self.set_fill(colour);
        self.ctx.fill_rect(f64::from(a.0), f64::from(a.1), f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    }

    /// The polyline through `points`, `width` device pixels wide (plotters'
    /// `PathElement`): added to the run of lines of the same stroke.
    #[inline(never)]
    pub fn path(&mut self, points: &[BackendCoord], colour: BackendColor, width: u32) {
        if colour.alpha == 0.0 {
            return;
        }
        if let Some((start, rest)) = points.split_first() {
            self.stroke_run(colour, width);
            self.ctx.move_to(f64::from(start.0), f64::from(start.1));
            for next in rest {
                self.ctx.line_to(f64::from(next.0), f64::from(next.1));
            }
        }
    }

    /// A filled disc (plotters' filled `Circle`).
    pub fn disc(&mut self, centre: BackendCoord, radius: u32, colour: BackendColor) {
        if colour.alpha == 0.0 {
            return;
        }
        self.flush();
        self.set_fill(colour);
        self.ctx.begin_path();
        let _ = self.ctx.arc(f64::from(centre.0), f64::from(centre.1), f64::from(radius), 0.0, std::f64::consts::TAU);
        self.ctx.fill();
    }

    /// The polygon through `points`, filled (plotters' `Polygon`).
    pub fn polygon(&mut self, points: &[BackendCoord], colour: BackendColor) {
        if colour.alpha == 0.0 {
            return;
        }
        self.flush();
        if let Some((start, rest)) = points.split_first() {
            self.set_fill(colour);
            self.ctx.begin_path();
            self.ctx.move_to(f64::from(start.0), f64::from(start.1));
            for p in rest {
                self.ctx.line_to(f64::from(p.0), f64::from(p.1));
            }
            self.ctx.close_path();
            self.ctx.fill();
        }
    }
}

impl Drop for Canvas2d {
    fn drop(&mut self) {
        self.flush();
    }
}

/// plotters-canvas's half-pixel shift: a one-pixel horizontal or vertical line
/// between pixel centres, not across two half-covered rows.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if a.0 == b.0 {
        a.0 += 0.5;
        b.0 += 0.5;
    }
    if a.1 == b.1 {
        a.1 += 0.5;
        b.1 += 0.5;
    }
    (a, b)
}

impl DrawingBackend for Canvas2d {
    type ErrorType = <plotters_canvas::CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.flush();
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.fill_rect(point, (point.0 + 1, point.1 + 1), color);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (a, b) = crisp(from, to);
        self.stroke_run(style.color(), style.stroke_width());
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.fill_rect(upper_left, bottom_right, style.color());
        } else {
            let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
            let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
            self.flush();
            self.stroke_run(style.color(), style.stroke_width());
            self.open = false;
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut path = path.into_iter();
        if let Some(start) = path.next() {
            self.stroke_run(style.color(), style.stroke_width());
            self.ctx.move_to(f64::from(start.0), f64::from(start.1));
            for next in path {
                self.ctx.line_to(f64::from(next.0), f64::from(next.1));
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.disc(center, radius, style.color());
        } else {
            let (x, y, r) = (f64::from(center.0), f64::from(center.1), f64::from(radius));
            self.flush();
            self.stroke_run(style.color(), style.stroke_width());
            self.ctx.move_to(x + r, y);
            let _ = self.ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
            self.flush();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let mut vert = vert.into_iter();
        if let Some(start) = vert.next() {
            self.set_fill(style.color());
            self.ctx.begin_path();
            self.ctx.move_to(f64::from(start.0), f64::from(start.1));
            for p in vert {
                self.ctx.line_to(f64::from(p.0), f64::from(p.1));
            }
            self.ctx.close_path();
            self.ctx.fill();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let bold = matches!(style.style(), plotters_backend::FontStyle::Bold);
        let anchor = style.anchor();
        let family = style.family();
        self.put_text(text, pos, style.size(), bold, family.as_str(), style.color(), anchor.h_pos, anchor.v_pos);
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // The context's font is state this backend tracks: put it back.
        let bold = matches!(style.style(), plotters_backend::FontStyle::Bold);
        let before = self.ctx.font();
        self.ctx.set_font(&css_font(style.size(), bold, style.family().as_str()));
        let width = self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        self.ctx.set_font(&before);
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}
