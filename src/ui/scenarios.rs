//! Saved scenarios: save, open, rename, duplicate, delete with undo, select
//! for comparison, export and import. The list lives in local storage; every
//! change is written at once by the handler that made it, and a write the
//! browser refuses is said on screen while the list stays in memory.

use crate::explorer::View;
use crate::format::Style;
use crate::i18n::{fill, storage_error, Lang, Text};
use crate::library::{saved_view, view_text, BadEntry, Library, Saved};
use crate::messages::model_error_message;
use crate::model::Scenario;
use crate::shelf::{Opening, SavedList};
use crate::state::{use_planner, Planner};
use crate::storage::{self, Local, StorageError};
use crate::ui::html::esc;
use crate::ui::tx;
use leptos::prelude::*;
use std::collections::HashSet;

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
    /// Opened this name in place of these inputs, with that item open and the
    /// explorer in that view: undo is offered while the opened inputs are
    /// unedited, so unsaved edits are never lost to a click on "Open".
    Opened(String, Scenario, Option<String>, View),
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
        // The explorer's view is kept with the inputs (issue 17).
        let view = p.explorer.with_untracked(view_text);
        let (id, written) = shelf.change(|l| {
            let id = l.add(&typed, scenario, now());
            l.set_view(&id, view);
            id
        });
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
            let view = p.explorer.with_untracked(view_text);
            let (_, written) = shelf.change(|l| l.update(&id, scenario, now()) && l.set_view(&id, view));
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
    let download_unreadable = move || {
        let mut entries: Vec<(String, String)> =
            held.get_untracked().map(|h| (crate::library::LIBRARY_KEY.to_string(), h.raw)).into_iter().collect();
        entries.extend(storage::backups(&Local));
        crate::ui::download_unreadable(&entries);
    };
    // Replacing loses the unreadable data: the first press asks, the second does it.
    let confirming = RwSignal::new(false);
    let replace_unreadable = move |button: web_sys::Element| {
        if !confirming.get_untracked() {
            confirming.set(true);
            button.set_text_content(Some(p.text().confirm_replace));
            return;
        }
        confirming.set(false);
        button.set_text_content(Some(p.text().replace_unreadable));
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

    let on_unreadable = move |ev: web_sys::MouseEvent| {
        use wasm_bindgen::JsCast;
        let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        match button.id().as_str() {
            "download-unreadable" => download_unreadable(),
            "replace-unreadable" => replace_unreadable(button),
            _ => {}
        }
    };

    view! {
        <section class="panel scenarios" id="scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title">{tx(|t| t.h_scenarios)}</h2>
            // The notice as HTML (see `ScenarioList`); its buttons are heard here.
            <div class="unreadable-box" on:click=on_unreadable inner_html=move || {
                let found = shelf.unreadable.get();
                let held = held.get();
                let (t, lang) = (p.text(), p.lang.get());
                let text = match (&held, &found) {
                    (Some(h), _) => fill(t.unreadable_held, &storage_error(&h.error, lang)),
                    (None, Some((why, _))) => fill(t.unreadable, &storage_error(why, lang)),
                    (None, None) => return String::new(),
                };
                // The label says whether the next press replaces (read
                // untracked: a press changes the label, not the alert).
                let replace = if confirming.get_untracked() { t.confirm_replace } else { t.replace_unreadable };
                unreadable_html(t, &text, held.is_some().then_some(replace))
            }></div>
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
            // The note as HTML (see `ScenarioList`); its undo button is heard here.
            <div class="status-box" on:click=move |ev| undo((p, shelf), &ev) inner_html=move || {
                shelf.note.with(|n| {
                    let Some(n) = n else { return String::new() };
                    let undo = match n {
                        Note::Deleted(..) | Note::DeletedBad(..) => Some("undo-delete"),
                        Note::Opened(..) if is_dirty.get() == Some(false) => Some("undo-open"),
                        _ => None,
                    };
                    status_html(p.text(), p.lang.get(), n, undo)
                })
            }></div>
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

/// The notice that stored data could not be read, `text`, as HTML, with
/// the button that downloads it and, labelled `replace`, the one that replaces it.
fn unreadable_html(t: &Text, text: &str, replace: Option<&str>) -> String {
    let mut out = String::new();
    push(
        &mut out,
        &[
            "<div class=\"notice\" role=\"alert\" id=\"unreadable-note\">",
            &esc(text),
            " <button type=\"button\" class=\"link\" id=\"download-unreadable\">",
            &esc(t.download_unreadable),
            "</button>",
        ],
    );
    if let Some(label) = replace {
        push(
            &mut out,
            &[" <button type=\"button\" class=\"link\" id=\"replace-unreadable\">", &esc(label), "</button>"],
        );
    }
    out.push_str("</div>");
    out
}

/// The note about the list as HTML, with the button `undo` (its id) if offered.
fn status_html(t: &Text, lang: Lang, n: &Note, undo: Option<&str>) -> String {
    let error = matches!(n, Note::WriteRefused(_) | Note::ImportFailed(_) | Note::RenameEmpty);
    let mut out = String::new();
    push(
        &mut out,
        &[
            "<div class=\"status",
            if error { " error" } else { "" },
            "\" role=\"status\" id=\"scenario-status\"><span>",
            &esc(&note_text(t, lang, n)),
            "</span>",
        ],
    );
    if let Some(id) = undo {
        push(&mut out, &["<button type=\"button\" id=\"", id, "\" class=\"link\">", &esc(t.undo), "</button>"]);
    }
    if let Note::Imported(_, rejected, _) = n {
        if !rejected.is_empty() {
            out.push_str("<ul class=\"rejected\">");
            for (name, why) in rejected {
                let line = format!("{}{}{name} — {}", t.rejected, t.colon, crate::i18n::codec_reason(why, lang));
                push(&mut out, &["<li>", &esc(&line), "</li>"]);
            }
            out.push_str("</ul>");
        }
    }
    out.push_str("</div>");
    out
}

/// A click on the note's undo button: the deletion or the opening it speaks of is undone.
fn undo((p, shelf): (Planner, Shelf), ev: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let on_undo = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        let id = el.id();
        id == "undo-delete" || id == "undo-open"
    });
    if !on_undo {
        return;
    }
    match shelf.note.get_untracked() {
        Some(Note::Deleted(pos, saved, ticked)) => {
            focus_next(format!("[data-id=\"{}\"] .delete", saved.id));
            let id = saved.id.clone();
            shelf.change(|l| l.restore(pos, saved, storage::now_ms()));
            // Ticked for comparison before, ticked again, in its place.
            if let Some(at) = ticked {
                shelf.selected.update(|s| {
                    if s.len() < 4 && !s.contains(&id) {
                        s.insert(at.min(s.len()), id)
                    }
                });
            }
        }
        Some(Note::DeletedBad(pos, entry)) => {
            shelf.change(|l| l.restore_bad(pos, entry));
            focus_next("li.bad-entry .delete".into());
        }
        Some(Note::Opened(_, scenario, id, view)) => {
            p.scenario.set(scenario);
            p.explorer.set(view);
            shelf.open_id.set(id);
            // The inputs are back, unsaved: the next step may be to save them.
            focus_next("#scenario-name".into());
        }
        _ => {}
    }
    shelf.note.set(None);
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
            let view = p.explorer.get_untracked();
            // Saved with the explorer's view, it comes back in it; saved
            // without (by a release before the explorer), the view stays.
            let after = item.explore.as_deref().map_or(view, saved_view);
            if before != item.scenario || view != after {
                shelf.note.set(Some(Note::Opened(item.name.clone(), before, shelf.open_id.get_untracked(), view)));
            }
            p.scenario.set(item.scenario.clone());
            if view != after {
                p.explorer.set(after);
            }
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
                // The name is selected, so typing replaces it (and a field
                // filled meanwhile keeps what was typed: selecting again is harmless).
                leptos::prelude::request_animation_frame(|| {
                    use wasm_bindgen::JsCast;
                    let doc = web_sys::window().and_then(|w| w.document());
                    let field = doc.and_then(|d| d.query_selector("form.rename input").ok().flatten());
                    if let Some(input) = field.and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                });
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

/// The list's own state: the rename field (the id it is open for, and its
/// text) and how many items are drawn.
#[derive(Clone, Copy)]
struct ListState {
    editing: RwSignal<Option<String>>,
    rename_text: RwSignal<String>,
    shown: RwSignal<usize>,
}

/// The list of saved scenarios: drawn as one HTML string ([`list_html`]; see
/// `ui::html` for why strings), with one listener for the clicks, changes,
/// keys and the rename field's input and submit of everything in it.
#[component]
fn ScenarioList() -> impl IntoView {
    let p = use_planner();
    let shelf = use_shelf();
    // How many items are drawn: a list of thousands (an import) is drawn a
    // page at a time, so no change redraws it all.
    let st = ListState {
        editing: RwSignal::new(None),
        rename_text: RwSignal::new(String::new()),
        shown: RwSignal::new(PAGE),
    };
    let html = move || {
        let (t, lang) = (p.text(), p.lang.get());
        let (open, editing, shown) = (shelf.open_id.get(), st.editing.get(), st.shown.get());
        // The list is drawn anew on every change (open, tick, rename, another
        // tab's save): the focused control keeps the focus.
        crate::web::keep_focus(".saved-list");
        shelf.unsaved.with(|unsaved| {
            shelf.selected.with(|selected| {
                // The field's text as typed (read untracked: typing does not redraw).
                let text = st.rename_text.get_untracked();
                let marks = Marks {
                    open: open.as_deref(),
                    unsaved,
                    selected,
                    renaming: editing.as_deref().map(|id| (id, text.as_str())),
                };
                shelf.library.with(|l| list_html(t, lang, l, shown, &marks))
            })
        })
    };
    let on = move |ev: &web_sys::Event| on_list_event((p, shelf), st, ev);
    view! {
        <div class="saved-box" inner_html=html on:click=move |ev| on(&ev) on:change=move |ev| on(&ev)
            on:keydown=move |ev| on(&ev) on:input=move |ev| on(&ev) on:submit=move |ev| on(&ev)></div>
    }
}

/// What the list shows of each item besides the item itself.
struct Marks<'a> {
    /// The open item's id.
    open: Option<&'a str>,
    /// Ids of items storage does not hold yet.
    unsaved: &'a HashSet<String>,
    /// Ids ticked for comparison.
    selected: &'a [String],
    /// The item whose rename field is open, and the field's text.
    renaming: Option<(&'a str, &'a str)>,
}

/// The saved list as HTML: the hint, the first `shown` items, the unreadable
/// entries and the "Show more" button; or the note that nothing is saved.
fn list_html(t: &Text, lang: Lang, l: &Library, shown: usize, m: &Marks) -> String {
    let mut out = String::new();
    if l.items.is_empty() && l.bad.is_empty() {
        push(&mut out, &["<p class=\"note\" id=\"no-saved\">", &esc(t.none_saved), "</p>"]);
        return out;
    }
    push(&mut out, &["<p class=\"note\">", &esc(t.compare_hint), "</p><ul class=\"saved-list\">"]);
    let on = |b: bool, s: &'static str| if b { s } else { "" };
    for item in l.items.iter().take(shown) {
        // Stored data is input: an item whose inputs do not validate is shown
        // with why, and never opened or compared.
        let invalid = item.scenario.resolve().err().map(|e| fill(t.saved_invalid, &model_error_message(&e, lang)));
        let is_open = m.open == Some(item.id.as_str());
        let is_unsaved = m.unsaved.contains(&item.id);
        let name = esc(&item.name);
        let off = on(invalid.is_some(), " disabled");
        push(
            &mut out,
            &[
                "<li class=\"saved",
                on(is_open, " open"),
                on(invalid.is_some(), " invalid"),
                "\" data-id=\"",
                &esc(&item.id),
                "\" data-name=\"",
                &name,
                "\"",
                on(is_unsaved, " data-unsaved=\"true\""),
                "><input type=\"checkbox\" class=\"pick\" aria-label=\"",
                &esc(t.select_for_compare),
                ": ",
                &name,
                "\"",
                on(m.selected.contains(&item.id), " checked"),
                off,
                ">",
            ],
        );
        match m.renaming {
            Some((id, text)) if id == item.id => push(
                &mut out,
                &[
                    "<form class=\"rename\"><input name=\"rename\" type=\"text\" maxlength=\"80\" aria-label=\"",
                    &esc(t.rename),
                    "\" value=\"",
                    &esc(text),
                    "\"><button type=\"submit\">",
                    &esc(t.save),
                    "</button></form>",
                ],
            ),
            _ => {
                push(&mut out, &["<span class=\"saved-name\">", &name]);
                if is_open {
                    push(&mut out, &["<span class=\"est\">", &esc(t.current), "</span>"]);
                }
                if is_unsaved {
                    push(&mut out, &["<span class=\"est unsaved-mark\">", &esc(t.not_saved), "</span>"]);
                }
                out.push_str("</span>");
                if let Some(why) = &invalid {
                    push(&mut out, &["<span class=\"saved-invalid\">", &esc(why), "</span>"]);
                }
            }
        }
        out.push_str("<span class=\"saved-actions\">");
        for (class, label, attr) in [
            ("open", t.open, off),
            ("rename-btn", t.rename, ""),
            ("duplicate", t.duplicate, ""),
            ("delete", t.delete, ""),
        ] {
            push_button(&mut out, class, attr, label, &name);
        }
        out.push_str("</span></li>");
    }
    for (i, entry) in l.bad.iter().enumerate() {
        let name = esc(&bad_name(t, entry));
        let why = fill(t.saved_unreadable, &crate::i18n::codec_reason(&entry.reason, lang));
        push(
            &mut out,
            &[
                "<li class=\"bad-entry invalid\" data-bad=\"",
                &i.to_string(),
                "\"><span class=\"saved-name\">",
                &name,
                "</span><span class=\"saved-invalid\">",
                &esc(&why),
                "</span><span class=\"saved-actions\">",
            ],
        );
        push_button(&mut out, "delete", "", t.delete, &name);
        out.push_str("</span></li>");
    }
    out.push_str("</ul>");
    let more = l.items.len().saturating_sub(shown);
    if more > 0 {
        let label = fill(t.show_more, &crate::format::format(more as f64, lang, Style::Plain(0)));
        push(&mut out, &["<button type=\"button\" class=\"link\" id=\"show-more-saved\">", &esc(&label), "</button>"]);
    }
    out
}

/// Append `parts` to `out` (one loop in the wasm, where `format!` is code per call).
fn push(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// An item's button, named with the item's (escaped) name for screen readers.
fn push_button(out: &mut String, class: &str, attr: &str, label: &str, name: &str) {
    let label = esc(label);
    push(
        out,
        &[
            "<button type=\"button\" class=\"",
            class,
            "\"",
            attr,
            " aria-label=\"",
            &label,
            ": ",
            name,
            "\">",
            &label,
            "</button>",
        ],
    );
}

/// What an event in the list does: a button's click, a tick's change, the
/// rename field's typing, Escape and submit.
fn on_list_event((p, shelf): (Planner, Shelf), st: ListState, ev: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let closest = |selector: &str| el.closest(selector).ok().flatten();
    let id = closest("li[data-id]").and_then(|li| li.get_attribute("data-id"));
    let now = storage::now_ms;
    match (ev.type_().as_str(), id) {
        ("click", id) => {
            let Some(button) = closest("button[type=button]") else { return };
            if button.id() == "show-more-saved" {
                // The focus goes to the first item drawn, and the count is said.
                let first = st.shown.get_untracked() + 1;
                let more = shelf.library.with_untracked(|l| l.items.len()).saturating_sub(first - 1);
                st.shown.update(|n| *n += PAGE);
                shelf.note.set(Some(Note::ShownMore(PAGE.min(more))));
                focus_next(format!("ul.saved-list > li.saved:nth-child({first}) .rename-btn"));
            } else if let Some(i) = closest("li[data-bad]").and_then(|li| li.get_attribute("data-bad")?.parse().ok()) {
                if let (Some(entry), _) = shelf.change(|l| l.remove_bad(i)) {
                    shelf.note.set(Some(Note::DeletedBad(i, entry)));
                    focus_next("#undo-delete".into());
                }
            } else if let Some(item) = id.and_then(|id| shelf.library.with_untracked(|l| l.get(&id).cloned())) {
                let action = match button.class_name().as_str() {
                    "open" => Action::Open,
                    "rename-btn" => Action::Rename,
                    "duplicate" => Action::Duplicate,
                    "delete" => Action::Delete,
                    _ => return,
                };
                act((p, shelf), action, &item, st.editing, st.rename_text);
            }
        }
        ("change", Some(id)) => {
            // Only a tick (the rename field's text changes too, on Enter).
            let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>().filter(|i| i.class_name() == "pick") else {
                return;
            };
            let on = input.checked();
            shelf.selected.update(|s| {
                s.retain(|x| *x != id);
                if on && s.len() < 4 {
                    s.push(id.clone());
                }
            });
            // A fifth tick is refused: the box says so (the list, unchanged, is not drawn again).
            input.set_checked(shelf.selected.with_untracked(|s| s.contains(&id)));
        }
        ("input", _) => {
            if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>().filter(|i| i.name() == "rename") {
                st.rename_text.set(input.value());
            }
        }
        ("keydown", Some(id)) => {
            let escape = ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape");
            if escape && closest("form.rename").is_some() {
                st.editing.set(None);
                focus_next(format!("[data-id=\"{id}\"] .rename-btn"));
            }
        }
        ("submit", Some(id)) => {
            ev.prevent_default();
            let value = st.rename_text.get_untracked();
            // An empty name is refused with a reason; the field stays open.
            if crate::library::clean_name(&value, "").is_empty() {
                shelf.note.set(Some(Note::RenameEmpty));
                return;
            }
            let (_, written) = shelf.change(|l| l.rename(&id, &value, now()));
            // The name it got (a taken one gets a number) is said.
            let name = shelf.library.with_untracked(|l| l.get(&id).map(|s| s.name.clone()));
            if let (true, Some(name)) = (written, name) {
                shelf.note.set(Some(Note::Renamed(name)));
            }
            st.editing.set(None);
            focus_next(format!("[data-id=\"{id}\"] .rename-btn"));
        }
        _ => {}
    }
}

/// Items of the saved list drawn at first, and added by each "Show more".
const PAGE: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, FR};

    #[test]
    fn the_list_is_drawn_with_its_marks_and_escaped() {
        let raw = r#"[{"id":"a\"1","name":"<b>A</b> & 'q'","scenario":{}},{"id":"b","name":"B","scenario":{"utilization":7}},{"id":"c","name":"C","scenario":{}},{"name":"Bad","scenario":{"wacc":"x"}}]"#;
        let (l, _) = Library::read(&serde_json::from_str(raw).unwrap()).unwrap();
        let unsaved: HashSet<String> = ["c".to_string()].into();
        let selected = ["a\"1".to_string()];
        let marks = |renaming| Marks { open: Some("a\"1"), unsaved: &unsaved, selected: &selected, renaming };
        let html = list_html(&EN, Lang::En, &l, 2, &marks(None));
        assert!(!html.contains("<b>A"), "names are escaped: {html}");
        assert!(
            html.contains(
                r#"<li class="saved open" data-id="a&quot;1" data-name="&lt;b&gt;A&lt;/b&gt; &amp; &#39;q&#39;">"#
            ),
            "{html}"
        );
        assert!(html.contains(r#"<input type="checkbox" class="pick" aria-label="Select for comparison: &lt;b&gt;A"#));
        assert!(html.contains(r#"&#39;q&#39;" checked>"#), "ticked: {html}");
        assert!(html.contains(r#"<span class="est">open</span>"#));
        // An item that does not validate: marked, not tickable, not openable.
        assert!(html.contains(r#"<li class="saved invalid" data-id="b" data-name="B"><input type="checkbox" class="pick" aria-label="Select for comparison: B" disabled>"#), "{html}");
        assert!(
            html.contains(r#"<button type="button" class="open" disabled aria-label="Open: B">Open</button>"#),
            "{html}"
        );
        assert!(html.contains(r#"<button type="button" class="rename-btn" aria-label="Rename: B">Rename</button>"#));
        // Two of three drawn; the unreadable entry follows, deletable.
        assert!(!html.contains("data-id=\"c\""));
        assert!(
            html.contains(r#"<li class="bad-entry invalid" data-bad="0"><span class="saved-name">Bad</span>"#),
            "{html}"
        );
        assert!(html.contains(r#"<button type="button" class="delete" aria-label="Delete: Bad">Delete</button>"#));
        assert!(
            html.ends_with(
                r#"</ul><button type="button" class="link" id="show-more-saved">Show more (1 not shown)</button>"#
            ),
            "{html}"
        );
        let all = list_html(&EN, Lang::En, &l, 3, &marks(Some(("c", "C <new>"))));
        assert!(!all.contains("show-more-saved"));
        assert!(all.contains(r#"data-name="C" data-unsaved="true">"#), "{all}");
        assert!(all.contains(r#"<form class="rename"><input name="rename" type="text" maxlength="80" aria-label="Rename" value="C &lt;new&gt;"><button type="submit">Save</button></form>"#), "{all}");
        let none = list_html(&FR, Lang::Fr, &Library::default(), 2, &marks(None));
        assert!(none.starts_with(r#"<p class="note" id="no-saved">"#) && !none.contains("<ul"), "{none}");
    }

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
