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
    /// The model's answer for the current scenario.
    pub result: Memo<Result<Estimate, ModelError>>,
    /// The last estimate that evaluated, shown while the current inputs are invalid.
    pub estimate: Memo<Option<Estimate>>,
    /// Monte-Carlo percentiles and sensitivities of the current scenario (None while it is invalid).
    pub analysis: Memo<Option<Analysis>>,
}

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
        let analysis = Memo::new(move |_| scenario.with(|s| analyse(s).ok()));
        Planner { scenario, lang: RwSignal::new(lang), result, estimate, analysis }
    }

    /// The texts of the current language.
    pub fn text(&self) -> &'static Text {
        self.lang.get().text()
    }

    /// Change the scenario through a closure.
    pub fn edit(&self, f: impl FnOnce(&mut Scenario)) {
        self.scenario.update(f);
    }
}

/// The planner state from context.
pub fn use_planner() -> Planner {
    expect_context::<Planner>()
}
