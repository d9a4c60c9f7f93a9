//! The app's one source of truth: the `Scenario` signal, and what derives from it.
//! Provided by context; components read it with [`use_planner`].

use crate::i18n::{Lang, Text};
use crate::model::{analyse, evaluate, Analysis, Estimate, ModelError, Scenario};
use leptos::prelude::*;

/// Shared state of the planner.
#[derive(Clone, Copy)]
pub struct Planner {
    /// Every input. Event handlers are its only writers.
    pub scenario: RwSignal<Scenario>,
    /// Display language.
    pub lang: RwSignal<Lang>,
    /// Whether the system colour scheme is dark (charts follow it).
    pub dark: RwSignal<bool>,
    /// Whether the page is being printed (everything is drawn meanwhile).
    pub printing: RwSignal<bool>,
    /// The model's answer for the current scenario.
    pub result: Memo<Result<Estimate, ModelError>>,
    /// The last estimate that evaluated, shown while the current inputs are invalid.
    pub estimate: Memo<Option<Estimate>>,
    /// The scenario the uncertainty analysis was last run on: the current one
    /// once the inputs have been still for [`SETTLE_MS`].
    pub settled: RwSignal<Scenario>,
    /// Monte-Carlo percentiles and sensitivities of the settled scenario (None while it is invalid).
    pub analysis: Memo<Option<Analysis>>,
}

/// Quiet time after the last edit before the 10,000-sample Monte-Carlo reruns.
/// Headline numbers never wait for it: they come from `estimate`, recomputed on
/// every edit; the P10–P90 ranges say they are updating meanwhile.
pub const SETTLE_MS: u64 = 120;

impl Planner {
    /// Create the state from a starting scenario and language.
    pub fn new(scenario: Scenario, lang: Lang) -> Self {
        let scenario = RwSignal::new(scenario);
        let result = Memo::new(move |_| scenario.with(evaluate));
        // A Memo over its own previous value, not an Effect writing a signal:
        // the last good estimate is derived, never synced.
        // With no earlier estimate (a link that cannot be evaluated), the
        // defaults stand in, so the page never shows empty results.
        let estimate = Memo::new(move |prev: Option<&Option<Estimate>>| match result.get() {
            Ok(e) => Some(e),
            Err(_) => prev.cloned().flatten().or_else(|| evaluate(&Scenario::default()).ok()),
        });
        let settled = RwSignal::new(scenario.get_untracked());
        let analysis = Memo::new(move |_| settled.with(|s| analyse(s).ok()));
        // The debounce is a timer boundary: the one effect that writes `settled`.
        #[cfg(target_arch = "wasm32")]
        {
            let pending = StoredValue::new_local(None::<leptos::prelude::TimeoutHandle>);
            Effect::new(move |_| {
                let current = scenario.get();
                if settled.with_untracked(|s| *s == current) {
                    return;
                }
                if let Some(h) = pending.get_value() {
                    h.clear();
                }
                let handle = leptos::prelude::set_timeout_with_handle(
                    move || {
                        settled.set(scenario.get_untracked());
                        // What settles may change heights and move what is below.
                        crate::web::recheck_views();
                    },
                    std::time::Duration::from_millis(SETTLE_MS),
                )
                .ok();
                pending.set_value(handle);
            });
        }
        #[cfg(target_arch = "wasm32")]
        let dark = RwSignal::new(crate::charts::canvas::prefers_dark());
        #[cfg(not(target_arch = "wasm32"))]
        let dark = RwSignal::new(false);
        Planner {
            scenario,
            lang: RwSignal::new(lang),
            dark,
            printing: RwSignal::new(false),
            result,
            estimate,
            settled,
            analysis,
        }
    }

    /// The texts of the current language.
    pub fn text(&self) -> &'static Text {
        self.lang.get().text()
    }

    /// Whether the uncertainty analysis lags behind the current inputs.
    pub fn analysis_pending(&self) -> bool {
        self.scenario.with(|s| self.settled.with(|t| s != t))
    }

    /// [`Self::analysis_pending`] without subscribing to either signal.
    pub fn analysis_pending_untracked(&self) -> bool {
        untrack(|| self.analysis_pending())
    }

    /// Change the scenario through a closure.
    pub fn edit(&self, f: impl FnOnce(&mut Scenario)) {
        self.scenario.update(f);
    }
}

/// The planner state from context.
///
/// Not `expect_context`: its panic message formats the caller's location and the
/// type name with `{:?}`, which alone pulls core's string and char escaping
/// (`<str as Debug>`, `char::escape_debug_ext`) into the wasm (2.2 KB).
pub fn use_planner() -> Planner {
    use_context::<Planner>().expect("no Planner in context")
}
