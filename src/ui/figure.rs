//! A chart on a canvas with its caption and a table alternative.

use crate::charts::Figure;
use leptos::html::Canvas;
use leptos::prelude::*;

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
    let redraw = RwSignal::new(0u32);
    // Drawing is the boundary with the canvas: an effect that reads memoised data
    // (and the resize/colour-scheme tick, which changes the pixels but not the data).
    Effect::new(move |_| {
        redraw.track();
        let fig = figure.get();
        #[cfg(target_arch = "wasm32")]
        if let (Some(el), Some(fig)) = (canvas.get(), fig.as_ref()) {
            crate::charts::canvas::draw(&el, &fig.chart);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (fig, canvas);
    });
    #[cfg(target_arch = "wasm32")]
    {
        let resize = leptos::prelude::window_event_listener(leptos::ev::resize, move |_| redraw.update(|n| *n += 1));
        on_cleanup(move || resize.remove());
    }
    view! {
        <figure class="chart" id=id>
            <figcaption>
                <strong>{move || title.get()}</strong>
                <span>{move || caption.get()}</span>
            </figcaption>
            <canvas node_ref=canvas role="img" aria-label=move || title.get()></canvas>
            <table class="sr-only">
                <caption>{move || title.get()}</caption>
                <tbody>
                    {move || {
                        figure
                            .get()
                            .map(|f| {
                                f.table
                                    .into_iter()
                                    .map(|(l, v)| view! { <tr><th scope="row">{l}</th><td>{v}</td></tr> })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </figure>
    }
}
