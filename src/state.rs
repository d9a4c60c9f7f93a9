//! The app's one source of truth: the `Scenario` signal, and what derives from it.
//! Provided by context; components read it with [`use_planner`].

use crate::i18n::{Lang, Text};
use crate::model::{analyse, evaluate, Analysis, Estimate, ModelError, Scenario};
use crate::ui::field::FieldError;
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
    /// The scenario of [`Self::estimate`]: kept beside it by the memo that
    /// derives it (not a signal: what reads it also reads the estimate).
    pub last_valid: StoredValue<Option<Scenario>>,
    /// The scenario the uncertainty analysis was last run on: the current one
    /// once the inputs have been still for [`SETTLE_MS`].
    pub settled: RwSignal<Scenario>,
    /// Monte-Carlo percentiles and sensitivities of the settled scenario (None while it is invalid).
    pub analysis: Memo<Option<Analysis>>,
    /// The fields whose text does not drive the results (yet): typed and
    /// waiting, or not a valid value. While any is here, the figures on
    /// screen belong to other inputs and say so.
    pub drafts: RwSignal<Vec<Draft>>,
    /// The site explorer's view: open, ranked by, swept input.
    pub explorer: RwSignal<crate::explorer::View>,
}

/// A number field whose text is not the value the results were computed for.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The field's element id.
    pub id: &'static str,
    /// The input's name (its URL parameter).
    pub name: &'static str,
    /// Why its text is not used: `None` while it waits for the typing to
    /// pause, the reason when it is not a valid value.
    pub invalid: Option<FieldError>,
}

/// Why the figures on screen do not belong to the inputs on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Stale {
    /// The figures are current.
    No,
    /// A field's text waits for the typing to pause (a moment, not worth a word).
    Typing,
    /// Fields hold text that is not a valid value: (input name, reason), in the order typed.
    Fields(Vec<(&'static str, FieldError)>),
    /// The model refuses the inputs: its reason, in the page's language.
    Refused(String),
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
        // the last good scenario and estimate are derived, never synced.
        // With no earlier estimate (a link that cannot be evaluated), there
        // are no figures: never another scenario's figures as this one's.
        let last_valid = StoredValue::new(None::<Scenario>);
        let estimate = Memo::new(move |prev: Option<&Option<Estimate>>| match result.get() {
            Ok(e) => {
                last_valid.set_value(Some(scenario.get()));
                Some(e)
            }
            Err(_) => prev.copied().flatten(),
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
            last_valid,
            settled,
            analysis,
            drafts: RwSignal::new(Vec::new()),
            explorer: RwSignal::new(crate::explorer::DEFAULT),
        }
    }

    /// Whether, and why, the figures on screen are not those of the inputs on screen.
    pub fn stale(&self) -> Stale {
        if let Err(e) = &*self.result.read() {
            return Stale::Refused(crate::messages::model_error_message(e, self.lang.get()));
        }
        self.drafts.with(|d| {
            let invalid: Vec<_> = d.iter().filter_map(|d| Some((d.name, d.invalid?))).collect();
            match (d.is_empty(), invalid.is_empty()) {
                (true, _) => Stale::No,
                (false, true) => Stale::Typing,
                (false, false) => Stale::Fields(invalid),
            }
        })
    }

    /// Whether the figures are greyed: refused inputs or a field that is not a
    /// valid value (not a typed value waiting a moment).
    pub fn figures_greyed(&self) -> bool {
        self.result.with(Result::is_err) || self.drafts.with(|d| d.iter().any(|d| d.invalid.is_some()))
    }

    /// Whether the figures on screen belong to other inputs than those on screen.
    pub fn is_stale(&self) -> bool {
        self.result.with(Result::is_err) || self.drafts.with(|d| !d.is_empty())
    }

    /// The labels of the inputs in which the scenario of the figures on screen
    /// differs from the inputs on screen (quoted, in the page's language).
    pub fn differing_inputs(&self) -> Vec<String> {
        let l = self.lang.get();
        let mut labels: Vec<String> =
            self.drafts.with(|d| d.iter().map(|d| crate::messages::quoted_label(d.name, l)).collect());
        // Tracked through the estimate, which changes whenever it does.
        self.estimate.track();
        self.last_valid.with_value(|last| {
            let Some(last) = last else { return };
            let (before, now) =
                (crate::ui::compare::input_rows(last, l), self.scenario.with(|s| crate::ui::compare::input_rows(s, l)));
            for ((label, a), (_, b)) in before.iter().zip(&now) {
                let quoted = crate::messages::quote(label, l);
                if a != b && !labels.contains(&quoted) {
                    labels.push(quoted);
                }
            }
        });
        labels
    }

    /// Record (`Some`) or clear (`None`) a field's draft.
    pub fn set_draft(&self, id: &'static str, name: &'static str, draft: Option<Option<FieldError>>) {
        let Some(current) = self.drafts.try_with_untracked(|d| d.iter().find(|d| d.id == id).map(|d| d.invalid)) else {
            return;
        };
        if current == draft {
            return;
        }
        self.drafts.update(|d| match (d.iter_mut().find(|d| d.id == id), draft) {
            (Some(d), Some(invalid)) => d.invalid = invalid,
            (None, Some(invalid)) => d.push(Draft { id, name, invalid }),
            (_, None) => d.retain(|d| d.id != id),
        });
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
