//! A chart on a canvas with its caption and a table alternative.

use crate::charts::Figure;
use leptos::html::Canvas;
use leptos::prelude::*;

/// Width of a printed chart, CSS px: an A4 page's 180 mm between 15 mm margins, at 96 px per inch.
pub const PRINT_WIDTH_PX: f64 = 680.0;

/// A captioned canvas chart, redrawn when its figure changes, with the same data
/// as a visually hidden table for screen readers.
#[component]
pub fn ChartFigure(
    /// Element id of the figure.
    id: &'static str,
    /// Title.
    #[prop(into)]
    title: Signal<String>,
    /// Caption.
    #[prop(into)]
    caption: Signal<String>,
    /// What to draw (None: nothing yet).
    #[prop(into)]
    figure: Signal<Option<Figure>>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let planner = crate::state::use_planner();
    // Measured on mount and on resize only: reading the width while drawing
    // would force a layout per chart per keystroke.
    let width = RwSignal::new(0.0f64);
    // Off screen, the chart and its table wait until the inputs settle; within a
    // quarter screen it keeps its pixels (and is drawn when they settle), so it
    // never scrolls in blank.
    let near = crate::ui::near_view(canvas);
    let figure = crate::ui::when_seen(crate::ui::in_view(canvas), move || figure.get());
    // What the last drawing left that does not follow the numbers (its labels).
    #[cfg(target_arch = "wasm32")]
    let kept = StoredValue::new_local(None::<crate::charts::canvas::Kept>);
    // Drawing is the boundary with the canvas: an effect that reads memoised data
    // and the measured width and colour scheme.
    Effect::new(move |_| {
        let lang = planner.lang.get();
        let dark = planner.dark.get();
        let near = near.get();
        #[cfg(target_arch = "wasm32")]
        figure.with(|fig| {
            if let (Some(el), Some(fig)) = (canvas.get(), fig.as_ref()) {
                if !near {
                    // Far from the screen, the canvas gives up its pixels (its box
                    // keeps its height) and is drawn again when it comes near:
                    // Chrome hands every 2D canvas of the page to the compositor
                    // on each frame, drawn or not, and that cost grows with pixels.
                    if el.width() != 0 {
                        el.set_width(0);
                        el.set_height(0);
                        kept.set_value(None);
                    }
                    return;
                }
                let mut w = width.get();
                if w <= 0.0 {
                    w = f64::from(el.client_width());
                    width.set(w);
                }
                kept.update_value(|k| crate::charts::canvas::draw(&el, &fig.chart, lang, w, dark, k));
                // A draw counter, for the benchmark and the tests to see redraws.
                #[cfg(feature = "probes")]
                {
                    let n = el.get_attribute("data-drawn").and_then(|n| n.parse::<u32>().ok()).unwrap_or(0);
                    let _ = el.set_attribute("data-drawn", &(n + 1).to_string());
                }
            }
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (figure, canvas, lang, dark, width, near);
    });
    // The table alternative follows once the inputs settle: it is read, not watched mid-drag.
    let table = crate::ui::when_seen(Signal::stored(false), move || {
        figure.with(|f| f.as_ref().map(|f| crate::ui::html::kv_table(&f.table, "")).unwrap_or_default())
    });
    // Printed, the chart is drawn at the page's width (the style sheet lets its
    // height follow), so it is neither squeezed nor blurred; after, at the screen's.
    Effect::new(move |was: Option<bool>| {
        let printing = planner.printing.get();
        if was.is_some_and(|was| was != printing) {
            #[cfg(target_arch = "wasm32")]
            if let Some(el) = canvas.get_untracked() {
                width.set(if printing { PRINT_WIDTH_PX } else { f64::from(el.client_width()) });
            }
        }
        printing
    });
    #[cfg(target_arch = "wasm32")]
    {
        let resize = leptos::prelude::window_event_listener(leptos::ev::resize, move |_| {
            if let Some(el) = canvas.get_untracked() {
                width.set(f64::from(el.client_width()));
            }
        });
        on_cleanup(move || resize.remove());
    }
    view! {
        <figure class="chart" id=id>
            <figcaption>
                <strong>{move || title.get()}</strong>
                <span>{move || caption.get()}</span>
            </figcaption>
            <canvas node_ref=canvas role="img" aria-label=move || title.get()
                style:height=move || figure.with(|f| f.as_ref().map(|f| format!("{}px", f.chart.css_height())).unwrap_or_default())></canvas>
            <div class="sr-only" inner_html=move || table.get()></div>
        </figure>
    }
}
