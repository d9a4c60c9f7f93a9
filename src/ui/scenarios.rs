//! Saved scenarios: save, open, rename, duplicate, delete with undo, select
//! for comparison, export and import. The list lives in local storage; every
//! change is written at once by the handler that made it, and a write the
//! browser refuses is said on screen while the list stays in memory.

use crate::format::Style;
use crate::i18n::{fill, storage_error, Lang, Text};
use crate::library::{BadEntry, Library, Saved};
use crate::messages::model_error_message;
use crate::model::Scenario;
use crate::shelf::{Opening, SavedList};
use crate::state::{use_planner, Planner};
use crate::storage::{self, Local, StorageError};
use crate::ui::tx;
use leptos::prelude::*;
use std::collections::HashSet;
use std::rc::Rc;

/// A message about the saved list.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// Saved under this name.
    Saved(String),
    /// Deleted from this position, with its place in the compare selection
    /// if it was ticked (undo offered, and gives both back).
    Deleted(usize, Saved, Option<usize>),
    /// An unreadable entry deleted from this position of the list's
    /// unreadable entries (undo offered).
    DeletedBad(usize, BadEntry),
    /// Unreadable stored data was replaced, as the planner chose.
    Replaced,
    /// This many more items of the list are drawn.
    ShownMore(usize),
    /// Opened this name in place of these inputs, with that item open: undo is
    /// offered while the opened inputs are unedited, so unsaved edits are never
    /// lost to a click on "Open".
    Opened(String, Scenario, Option<String>),
    /// Import result: accepted count, rejected (name, reason), and how many
    /// entries were skipped as already saved (same name, same inputs).
    Imported(usize, Vec<(String, String)>, usize),
    /// Renamed to this name.
    Renamed(String),
    /// A rename to an empty name was refused.
    RenameEmpty,
    /// Import failed as a whole.
    ImportFailed(String),
    /// Importing a file (said while it is read).
    Importing,
    /// A write did not go through: the change is kept in this tab only.
    WriteRefused(StorageError),
}

/// State of the saved list, provided by context.
#[derive(Clone, Copy)]
pub struct Shelf {
    /// The list, kept in step with storage and other tabs.
    pub list: RwSignal<SavedList>,
    /// The list as shown (derived from `list`).
    pub library: Memo<Library>,
    /// Ids of items storage does not hold yet (a refused write).
    pub unsaved: Memo<HashSet<String>>,
    /// The last message.
    pub note: RwSignal<Option<Note>>,
    /// Ids ticked for comparison, in ticking order.
    pub selected: RwSignal<Vec<String>>,
    /// The saved scenario currently open, if any.
    pub open_id: RwSignal<Option<String>>,
    /// Why the stored list could not be read at start, and where it was kept.
    pub unreadable: RwSignal<Option<(StorageError, Option<String>)>>,
    /// How many entries had to be given new ids when the list was read.
    pub rekeyed: usize,
    /// Whether the list lives in storage (not in the embedded view, which
    /// touches no storage at all).
    pub stored: bool,
}

impl Shelf {
    /// Load the list from storage (`stored`), or start an empty one that
    /// never touches storage.
    pub fn load(stored: bool) -> Shelf {
        let (list, opening) = if stored {
            SavedList::open(&mut Local, storage::now_ms())
        } else {
            (SavedList::detached(), Opening { set_aside: None, rekeyed: 0, available: false })
        };
        let list = RwSignal::new(list);
        Shelf {
            list,
            library: Memo::new(move |_| list.with(|l| l.library.clone())),
            unsaved: Memo::new(move |_| list.with(SavedList::unsaved)),
            note: RwSignal::new(None),
            selected: RwSignal::new(vec![]),
            open_id: RwSignal::new(None),
            unreadable: RwSignal::new(opening.set_aside),
            rekeyed: opening.rekeyed,
            stored,
        }
    }

    /// Change the list and write it out. Returns the change's result and
    /// whether the write went through (a refusal is put in `note`).
    pub fn change<R>(&self, f: impl FnOnce(&mut Library) -> R) -> (R, bool) {
        let stored = self.stored;
        let (r, written) = self
            .list
            .try_update(|list| {
                if stored {
                    list.change(&mut Local, storage::now_ms(), f)
                } else {
                    (f(&mut list.library), Err(StorageError::Unavailable))
                }
            })
            .expect("the shelf's signal lives as long as the app");
        match written {
            Ok(()) => (r, true),
            Err(e) => {
                self.note.set(Some(Note::WriteRefused(e)));
                (r, false)
            }
        }
    }

    /// The open saved scenario's name, if `scenario` is it unchanged.
    pub fn open_name(&self, scenario: &crate::model::Scenario) -> Option<String> {
        let id = self.open_id.get()?;
        self.library.with(|l| l.get(&id).filter(|s| s.scenario == *scenario).map(|s| s.name.clone()))
    }

    /// Merge what another tab wrote into this tab's list (its unsaved items stay).
    pub fn refresh(&self) {
        if !self.stored {
            return;
        }
        self.list.update(|l| l.refresh(&Local, storage::now_ms()));
        let ids: HashSet<String> = self.library.with_untracked(|l| l.items.iter().map(|s| s.id.clone()).collect());
        self.selected.update(|sel| sel.retain(|id| ids.contains(id)));
    }
}

/// The shelf from context.
pub fn use_shelf() -> Shelf {
    // Not `expect_context`: see `use_planner`.
    use_context::<Shelf>().expect("no Shelf in context")
}

/// What an unreadable entry is called: its name if it has one, else its place.
fn bad_name(t: &Text, entry: &BadEntry) -> String {
    match entry.raw.get("name").and_then(serde_json::Value::as_str) {
        Some(name) => crate::library::clean_name(name, "?"),
        None => fill(t.unreadable_entry, ""),
    }
}

fn note_text(t: &Text, lang: Lang, n: &Note) -> String {
    match n {
        Note::Saved(name) => fill(t.saved_as, name),
        Note::Deleted(_, saved, _) => fill(t.deleted, &saved.name),
        Note::Renamed(name) => fill(t.renamed, name),
        Note::RenameEmpty => t.rename_empty.to_string(),
        Note::DeletedBad(_, entry) => fill(t.deleted, &bad_name(t, entry)),
        Note::Replaced => t.replaced.to_string(),
        Note::ShownMore(n) => fill(t.shown_more, &crate::format::format(*n as f64, lang, Style::Plain(0))),
        Note::Opened(name, ..) => fill(t.opened, name),
        Note::Imported(n, _, skipped) => {
            let said = match n {
                0 => t.imported_none.to_string(),
                1 => t.imported_one.to_string(),
                n => fill(t.imported, &crate::format::format(*n as f64, lang, Style::Plain(0))),
            };
            match skipped {
                0 => said,
                k => format!(
                    "{said} {}",
                    fill(t.imported_skipped, &crate::format::format(*k as f64, lang, Style::Plain(0)))
                ),
            }
        }
        Note::ImportFailed(why) => format!("{}{}{}", t.import_failed, t.colon, crate::i18n::codec_reason(why, lang)),
        Note::Importing => t.importing.to_string(),
        Note::WriteRefused(StorageError::Held) => t.storage_held.to_string(),
        Note::WriteRefused(StorageError::WriteRefused(why)) => fill(t.storage_full, why),
        Note::WriteRefused(other) => fill(t.storage_full, &storage_error(other, lang)),
    }
}

/// Move the focus to what `selector` finds once the panel has been drawn again:
/// a keyboard user keeps their place when the control they pressed goes away.
fn focus_next(selector: String) {
    crate::web::focus_later(selector);
}

/// The saved-scenarios panel.
#[component]
pub fn ScenarioPanel() -> impl IntoView {
    let p = use_planner();
    let shelf = use_shelf();
    let name = RwSignal::new(String::new());
    let now = storage::now_ms;

    let save = move || {
        let typed = name.get_untracked();
        let scenario = p.scenario.get_untracked();
        let (id, written) = shelf.change(|l| l.add(&typed, scenario, now()));
        let saved_name = shelf.library.with_untracked(|l| l.get(&id).map(|s| s.name.clone()).unwrap_or_default());
        shelf.open_id.set(Some(id));
        if written {
            shelf.note.set(Some(Note::Saved(saved_name)));
        }
        name.set(String::new());
    };
    let save_changes = move |_| {
        if let Some(id) = shelf.open_id.get_untracked() {
            let scenario = p.scenario.get_untracked();
            let (_, written) = shelf.change(|l| l.update(&id, scenario, now()));
            let n = shelf.library.with_untracked(|l| l.get(&id).map(|s| s.name.clone()).unwrap_or_default());
            if written {
                shelf.note.set(Some(Note::Saved(n)));
            }
        }
    };
    // Whether the inputs differ from the open item (None: no item open, or it
    // was deleted, here or in another tab). A memo: what reads it (the "save
    // changes" button, the undo of an open) changes when it does, not on every keystroke.
    // A field being typed in counts from the first key: the button then
    // appears while typing, not under the pointer of the click that ends it.
    let is_dirty = Memo::new(move |_| {
        shelf.open_id.get().and_then(|id| {
            shelf.library.with(|l| {
                l.get(&id).map(|s| p.scenario.with(|cur| *cur != s.scenario) || p.drafts.with(|d| !d.is_empty()))
            })
        })
    });

    let import_input = NodeRef::<leptos::html::Input>::new();
    let on_import = move |_| {
        if let Some(input) = import_input.get() {
            leptos::task::spawn_local(async move {
                // Said before the work, and given a frame to be painted: a
                // large file takes a moment.
                shelf.note.set(Some(Note::Importing));
                crate::web::next_frame().await;
                match crate::web::read_file(&input, crate::export::MAX_IMPORT_BYTES).await {
                    Err(e) => shelf.note.set(Some(Note::ImportFailed(e))),
                    Ok((_, text)) => match crate::export::import_json(&text) {
                        Err(e) => shelf.note.set(Some(Note::ImportFailed(e))),
                        Ok(report) => {
                            // An entry already saved unchanged (same name, same
                            // inputs), or met earlier in the file, is skipped, so
                            // importing a file twice does not double the list.
                            let key = |name: &str, s: &Scenario| {
                                format!("{name}\n{}", crate::url_state::to_query(s, None, false))
                            };
                            let mut saved: HashSet<String> = shelf
                                .library
                                .with_untracked(|l| l.items.iter().map(|s| key(&s.name, &s.scenario)).collect());
                            let total = report.accepted.len();
                            let entries: Vec<(String, Scenario)> = report
                                .accepted
                                .into_iter()
                                .filter(|e| {
                                    saved.insert(key(&crate::library::clean_name(&e.name, "Scenario"), &e.scenario))
                                })
                                .map(|e| (e.name, e.scenario))
                                .collect();
                            let (n, skipped) = (entries.len(), total - entries.len());
                            let (_, written) = shelf.change(|l| l.add_many(entries, now()));
                            if written {
                                shelf.note.set(Some(Note::Imported(n, report.rejected, skipped)));
                            }
                        }
                    },
                }
                input.set_value("");
            });
        }
    };
    let export_all = move |_| {
        let json = shelf.library.with_untracked(|l| crate::export::export_json(&l.items, now()));
        let _ = crate::web::download("gigafactory-scenarios.json", "application/json", &json);
    };
    // Text no backup holds (kept in memory, and in its key) and every backup.
    let held = Memo::new(move |_| shelf.list.with(|l| l.slot.held.clone()));
    let download_unreadable = move |_| {
        let mut entries: Vec<(String, String)> =
            held.get_untracked().map(|h| (crate::library::LIBRARY_KEY.to_string(), h.raw)).into_iter().collect();
        entries.extend(storage::backups(&Local));
        crate::ui::download_unreadable(&entries);
    };
    // Replacing loses the unreadable data: the first press asks, the second does it.
    let confirming = RwSignal::new(false);
    let replace_unreadable = move |_| {
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        confirming.set(false);
        let released = shelf.list.try_update(|l| l.release(&mut Local, now()));
        match released {
            Some(Ok(())) => {
                shelf.unreadable.set(None);
                shelf.note.set(Some(Note::Replaced));
                focus_next("#scenario-name".into());
            }
            Some(Err(e)) => shelf.note.set(Some(Note::WriteRefused(e))),
            None => {}
        }
    };

    view! {
        <section class="panel scenarios" id="scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title">{tx(|t| t.h_scenarios)}</h2>
            {move || {
                let found = shelf.unreadable.get();
                let held = held.get();
                (found.is_some() || held.is_some()).then(|| {
                    let t = p.text();
                    let text = match (&held, &found) {
                        (Some(h), _) => fill(t.unreadable_held, &storage_error(&h.error, p.lang.get())),
                        (None, Some((why, _))) => fill(t.unreadable, &storage_error(why, p.lang.get())),
                        (None, None) => String::new(),
                    };
                    view! {
                        <div class="notice" role="alert" id="unreadable-note">
                            {text}
                            " "
                            <button type="button" class="link" id="download-unreadable" on:click=download_unreadable>{t.download_unreadable}</button>
                            {held.is_some().then(|| view! {
                                " "
                                <button type="button" class="link" id="replace-unreadable" on:click=replace_unreadable>
                                    {move || if confirming.get() { p.text().confirm_replace } else { p.text().replace_unreadable }}
                                </button>
                            })}
                        </div>
                    }
                })
            }}
            {(shelf.rekeyed > 0).then(|| view! { <p class="notice" id="rekeyed-note">{tx(|t| t.rekeyed)}</p> })}
            <form class="save-row" on:submit=move |ev| { ev.prevent_default(); save(); }>
                <label class="sr-only" for="scenario-name">{tx(|t| t.name_label)}</label>
                <input id="scenario-name" name="scenario_name" type="text" maxlength="80" autocomplete="off"
                    placeholder=tx(|t| t.name_placeholder)
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit" class="primary" id="save-scenario">{tx(|t| t.save)}</button>
                {move || (is_dirty.get() == Some(true)).then(|| view! {
                    <button type="button" id="save-changes" on:click=save_changes>{tx(|t| t.save_changes)}</button>
                })}
            </form>
            {move || {
                shelf.note.get().map(|n| {
                    let t = p.text();
                    let rejected = match &n { Note::Imported(_, r, _) => r.clone(), _ => vec![] };
                    let undo = match n {
                        Note::Deleted(..) | Note::DeletedBad(..) => Some("undo-delete"),
                        Note::Opened(..) if is_dirty.get() == Some(false) => Some("undo-open"),
                        _ => None,
                    };
                    let class = if matches!(n, Note::WriteRefused(_) | Note::ImportFailed(_) | Note::RenameEmpty) { "status error" } else { "status" };
                    view! {
                        <div class=class role="status" id="scenario-status">
                            <span>{note_text(t, p.lang.get(), &n)}</span>
                            {undo.map(|id| view! {
                                <button type="button" id=id class="link" on:click=move |_| {
                                    match shelf.note.get_untracked() {
                                        Some(Note::Deleted(pos, saved, ticked)) => {
                                            focus_next(format!("[data-id=\"{}\"] .delete", saved.id));
                                            let id = saved.id.clone();
                                            shelf.change(|l| l.restore(pos, saved, now()));
                                            // Ticked for comparison before, ticked again, in its place.
                                            if let Some(at) = ticked {
                                                shelf.selected.update(|s| if s.len() < 4 && !s.contains(&id) { s.insert(at.min(s.len()), id) });
                                            }
                                        }
                                        Some(Note::DeletedBad(pos, entry)) => {
                                            shelf.change(|l| l.restore_bad(pos, entry));
                                            focus_next("li.bad-entry .delete".into());
                                        }
                                        Some(Note::Opened(_, scenario, id)) => {
                                            p.scenario.set(scenario);
                                            shelf.open_id.set(id);
                                            // The inputs are back, unsaved: the next step may be to save them.
                                            focus_next("#scenario-name".into());
                                        }
                                        _ => {}
                                    }
                                    shelf.note.set(None);
                                }>{t.undo}</button>
                            })}
                            {(!rejected.is_empty()).then(|| view! {
                                <ul class="rejected">
                                    {rejected.into_iter().map(|(name, why)| view! { <li>{format!("{}{}{name} — {}", t.rejected, t.colon, crate::i18n::codec_reason(&why, p.lang.get_untracked()))}</li> }).collect_view()}
                                </ul>
                            })}
                        </div>
                    }
                })
            }}
            <ScenarioList />
            <div class="row-actions">
                <button type="button" id="export-all" on:click=export_all
                    disabled=move || shelf.library.with(|l| l.items.is_empty())>{tx(|t| t.export_all)}</button>
                <label class="button" for="import-file">{tx(|t| t.import)}</label>
                <input id="import-file" class="visually-hidden-file" type="file" accept="application/json,.json" node_ref=import_input on:change=on_import />
            </div>
        </section>
    }
}

/// What a saved item's buttons do.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Action {
    /// Put its inputs in place of the current ones (undo offered).
    Open,
    /// Open or close its rename field.
    Rename,
    /// Save a copy under a new name.
    Duplicate,
    /// Delete it (undo offered).
    Delete,
}

/// Do `action` on the saved `item`; `editing` and `rename_text` are the list's
/// rename field (the id it is open for, and its text).
fn act(
    (p, shelf): (Planner, Shelf),
    action: Action,
    item: &Saved,
    editing: RwSignal<Option<String>>,
    rename_text: RwSignal<String>,
) {
    let now = storage::now_ms;
    match action {
        Action::Open => {
            let before = p.scenario.get_untracked();
            if before != item.scenario {
                shelf.note.set(Some(Note::Opened(item.name.clone(), before, shelf.open_id.get_untracked())));
            }
            p.scenario.set(item.scenario.clone());
            shelf.open_id.set(Some(item.id.clone()));
        }
        Action::Rename => {
            // A second press closes the field unchanged.
            if editing.get_untracked().as_ref() == Some(&item.id) {
                editing.set(None);
            } else {
                rename_text.set(item.name.clone());
                editing.set(Some(item.id.clone()));
                focus_next("form.rename input".into());
            }
        }
        Action::Duplicate => {
            // The copy's name is said (a taken one gets a number).
            if let (Some(copy), true) = shelf.change(|l| l.duplicate(&item.id, p.text().copy_word, now())) {
                let name = shelf.library.with_untracked(|l| l.get(&copy).map(|s| s.name.clone()));
                shelf.note.set(name.map(Note::Saved));
            }
        }
        Action::Delete => {
            if let (Some((pos, saved)), _) = shelf.change(|l| l.remove(&item.id)) {
                let ticked = shelf.selected.with_untracked(|s| s.iter().position(|x| *x == saved.id));
                shelf.selected.update(|s| s.retain(|x| *x != saved.id));
                if shelf.open_id.get_untracked() == Some(saved.id.clone()) {
                    shelf.open_id.set(None);
                }
                shelf.note.set(Some(Note::Deleted(pos, saved, ticked)));
                focus_next("#undo-delete".into());
            }
        }
    }
}

/// The list of saved scenarios.
#[component]
fn ScenarioList() -> impl IntoView {
    let p = use_planner();
    let shelf = use_shelf();
    let editing = RwSignal::new(None::<String>);
    let rename_text = RwSignal::new(String::new());
    // How many items are drawn: a list of thousands (an import) is drawn a
    // page at a time, so no change redraws it all.
    let shown = RwSignal::new(PAGE);
    let now = storage::now_ms;
    move || {
        let t = p.text();
        let (total, items, bad) = shelf
            .library
            .with(|l| (l.items.len(), l.items.iter().take(shown.get()).cloned().collect::<Vec<_>>(), l.bad.clone()));
        let unsaved = shelf.unsaved.get();
        // The list is drawn anew on every change (open, tick, rename, another
        // tab's save): the focused control keeps the focus.
        crate::web::keep_focus(".saved-list");
        if total == 0 && bad.is_empty() {
            return view! { <p class="note" id="no-saved">{t.none_saved}</p> }.into_any();
        }
        let more = total.saturating_sub(items.len());
        view! {
            <p class="note">{t.compare_hint}</p>
            <ul class="saved-list">
                {items
                    .into_iter()
                    .map(|item| {
                        // Stored data is input: an item whose inputs do not
                        // validate is shown with why, and never opened or compared.
                        let invalid = item.scenario.resolve().err().map(|e| model_error_message(&e, p.lang.get()));
                        let is_unsaved = unsaved.contains(&item.id);
                        let id = item.id.clone();
                        let is_open = shelf.open_id.get() == Some(id.clone());
                        let checked = shelf.selected.with(|s| s.contains(&id));
                        let editing_this = editing.get() == Some(id.clone());
                        let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
                        // The four buttons share one view and one handler type
                        // (see `Action`): their code is generated once in the wasm.
                        let shared = Rc::new(item.clone());
                        let disabled = invalid.is_some();
                        let button = move |action: Action, class: &'static str, label: &'static str| {
                            let item = Rc::clone(&shared);
                            view! {
                                <button type="button" class=class disabled=action == Action::Open && disabled
                                    aria-label=format!("{label}: {}", item.name)
                                    on:click=move |_| act((p, shelf), action, &item, editing, rename_text)>{label}</button>
                            }
                        };
                        view! {
                            <li class="saved" class:open=is_open class:invalid=invalid.is_some() data-id=id.clone() data-name=item.name.clone()
                                data-unsaved=is_unsaved.then_some("true")>
                                <input type="checkbox" class="pick" aria-label=format!("{}: {}", t.select_for_compare, item.name)
                                    prop:checked=checked
                                    disabled=invalid.is_some()
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        shelf.selected.update(|s| {
                                            s.retain(|x| *x != id1);
                                            if on && s.len() < 4 { s.push(id1.clone()); }
                                        });
                                    } />
                                {if editing_this {
                                    view! {
                                        <form class="rename" on:submit=move |ev| {
                                            ev.prevent_default();
                                            let value = rename_text.get_untracked();
                                            // An empty name is refused with a reason; the field stays open.
                                            if crate::library::clean_name(&value, "").is_empty() {
                                                shelf.note.set(Some(Note::RenameEmpty));
                                                return;
                                            }
                                            let (_, written) = shelf.change(|l| l.rename(&id2, &value, now()));
                                            // The name it got (a taken one gets a number) is said.
                                            let name = shelf.library.with_untracked(|l| l.get(&id2).map(|s| s.name.clone()));
                                            if let (true, Some(name)) = (written, name) {
                                                shelf.note.set(Some(Note::Renamed(name)));
                                            }
                                            editing.set(None);
                                            focus_next(format!("[data-id=\"{id2}\"] .rename-btn"));
                                        }>
                                            <input name="rename" type="text" maxlength="80" aria-label=t.rename
                                                prop:value=move || rename_text.get()
                                                on:input=move |ev| rename_text.set(event_target_value(&ev))
                                                on:keydown=move |ev| if ev.key() == "Escape" {
                                                    editing.set(None);
                                                    focus_next(format!("[data-id=\"{id3}\"] .rename-btn"));
                                                } />
                                            <button type="submit">{t.save}</button>
                                        </form>
                                    }.into_any()
                                } else {
                                    view! {
                                        <span class="saved-name">
                                            {item.name.clone()}
                                            {is_open.then(|| view! { <span class="est">{t.current}</span> })}
                                            {is_unsaved.then(|| view! { <span class="est unsaved-mark">{t.not_saved}</span> })}
                                        </span>
                                        {invalid.clone().map(|why| view! { <span class="saved-invalid">{fill(t.saved_invalid, &why)}</span> })}
                                    }.into_any()
                                }}
                                <span class="saved-actions">
                                    {button(Action::Open, "open", t.open)}
                                    {button(Action::Rename, "rename-btn", t.rename)}
                                    {button(Action::Duplicate, "duplicate", t.duplicate)}
                                    {button(Action::Delete, "delete", t.delete)}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
                {bad
                    .into_iter()
                    .enumerate()
                    .map(|(i, entry)| {
                        let name = bad_name(t, &entry);
                        view! {
                            <li class="bad-entry invalid">
                                <span class="saved-name">{name.clone()}</span>
                                <span class="saved-invalid">{fill(t.saved_unreadable, &crate::i18n::codec_reason(&entry.reason, p.lang.get_untracked()))}</span>
                                <span class="saved-actions">
                                    <button type="button" class="delete" aria-label=format!("{}: {name}", t.delete) on:click=move |_| {
                                        if let (Some(entry), _) = shelf.change(|l| l.remove_bad(i)) {
                                            shelf.note.set(Some(Note::DeletedBad(i, entry)));
                                            focus_next("#undo-delete".into());
                                        }
                                    }>{t.delete}</button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(more > 0).then(|| view! {
                <button type="button" class="link" id="show-more-saved" on:click=move |_| {
                    // The focus goes to the first item drawn, and the count is said.
                    let first = shown.get_untracked() + 1;
                    shown.update(|n| *n += PAGE);
                    shelf.note.set(Some(Note::ShownMore(PAGE.min(more))));
                    focus_next(format!("ul.saved-list > li.saved:nth-child({first}) .rename-btn"));
                }>
                    {fill(t.show_more, &crate::format::format(more as f64, p.lang.get_untracked(), crate::format::Style::Plain(0)))}
                </button>
            })}
        }
        .into_any()
    }
}

/// Items of the saved list drawn at first, and added by each "Show more".
const PAGE: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, FR};

    #[test]
    fn an_import_is_counted_in_words() {
        let said = |t: &Text, n| note_text(t, Lang::En, &Note::Imported(n, vec![], 0));
        assert_eq!(said(&EN, 0), "No scenario imported.");
        assert_eq!(said(&EN, 1), "Imported 1 scenario.");
        assert_eq!(said(&EN, 3), "Imported 3 scenarios.");
        assert_eq!(said(&FR, 0), "Aucun scénario importé.");
        assert_eq!(said(&FR, 1), "1 scénario importé.");
        assert_eq!(said(&FR, 2), "2 scénarios importés.");
        let skipped = |t: &Text, n, k| note_text(t, Lang::En, &Note::Imported(n, vec![], k));
        assert_eq!(skipped(&EN, 0, 3), "No scenario imported. 3 already saved, skipped.");
        assert_eq!(skipped(&EN, 2, 1), "Imported 2 scenarios. 1 already saved, skipped.");
    }
}
