//! The planner's saved scenarios: a named, ordered list kept in local storage.
//! Pure operations (tested natively); `ui::scenarios` wires them to storage.

use crate::explorer::View;
use crate::model::Scenario;
use crate::storage::{from_json, must_be_object};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Storage key of the saved list.
pub const LIBRARY_KEY: &str = "gigafactory-planner.saved";
/// Longest name kept, in characters.
pub const MAX_NAME: usize = 80;

/// A saved scenario: `{"id", "name", "created", "updated", "scenario",
/// "explore"}` in storage, where `id`, `created`, `updated` and `explore` may
/// be missing (an id is then given by [`Library::read`], the times are 0;
/// releases before the site explorer wrote no `explore`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Stable id (unique within the list).
    #[serde(default)]
    pub id: String,
    /// The planner's name for it.
    pub name: String,
    /// When it was first saved, ms since the epoch.
    #[serde(default)]
    pub created: f64,
    /// When it was last changed, ms since the epoch.
    #[serde(default)]
    pub updated: f64,
    /// The inputs.
    pub scenario: Scenario,
    /// The site explorer's view it was saved with, as link parameters without
    /// the leading `&` (`explore=1&rank_by=-pue`): see [`view_text`]. None
    /// when that view was the default. Read by [`Library::read`] from the
    /// entry's JSON, not by serde: anything but text is read as none rather than
    /// making the entry unreadable, with no deserializer code for it in the wasm.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub explore: Option<String>,
}

/// The explorer's view as a saved scenario keeps it: its non-default link
/// parameters without the leading `&`, none for the default view.
pub fn view_text(view: &View) -> Option<String> {
    let q = crate::explorer::query(view);
    Some(q.trim_start_matches('&').to_string()).filter(|q| !q.is_empty())
}

/// The view a saved scenario's `explore` text gives: the default view with
/// each parameter that parses (unknown or invalid ones are left out).
pub fn saved_view(text: &str) -> View {
    crate::url_state::parse_query(text).view.apply(crate::explorer::DEFAULT)
}

/// Clean a name: trimmed, control characters dropped, at most [`MAX_NAME`]
/// characters; empty becomes `fallback`.
pub fn clean_name(name: &str, fallback: &str) -> String {
    let cleaned: String =
        name.chars().filter(|c| !c.is_control()).collect::<String>().trim().chars().take(MAX_NAME).collect();
    if cleaned.is_empty() {
        fallback.to_string()
    } else {
        cleaned
    }
}

/// An entry of the stored list that is not a usable saved scenario (damaged,
/// or written by hand): kept as it was, shown with its reason, never opened.
#[derive(Debug, Clone, PartialEq)]
pub struct BadEntry {
    /// The entry as stored.
    pub raw: Value,
    /// Why it cannot be used.
    pub reason: String,
}

/// The saved list, stored as a JSON array of [`Saved`] (then any [`BadEntry`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    /// Saved scenarios, newest last.
    pub items: Vec<Saved>,
    /// Entries that could not be read, kept as they were.
    pub bad: Vec<BadEntry>,
    /// Ids of items deleted from this list, newest last (at most
    /// [`MAX_DELETED`]): what tells a deletion in another tab from an item
    /// this tab has and storage lost, when lists merge. Stored beside the
    /// list, in its envelope.
    pub deleted: Vec<String>,
}

/// The most deletions a list remembers. An older one forgotten can only bring
/// an item back in a tab left open that long, never lose one.
pub const MAX_DELETED: usize = 1_000;

/// The saved scenario at `path` of the list, with its id if it has one.
fn saved_from_json(v: &Value, path: &str) -> Result<(Option<String>, Saved), String> {
    if !v.is_object() {
        return Err(format!("{path}: expected an object, got {}", short(v)));
    }
    if let Some(scenario) = v.get("scenario") {
        must_be_object(scenario, &format!("{path}.scenario"))?;
    }
    let mut saved: Saved = from_json(v, path)?;
    saved.name = clean_name(&saved.name, "Scenario");
    saved.explore = v.get("explore").and_then(Value::as_str).map(str::to_string);
    let id = std::mem::take(&mut saved.id);
    Ok((Some(id).filter(|id| !id.is_empty()), saved))
}

/// A value in a few words, for a reason: its text up to 40 characters.
fn short(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// The items, then the unreadable entries as they were.
impl Serialize for Library {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.items.len() + self.bad.len()))?;
        for item in &self.items {
            seq.serialize_element(item)?;
        }
        for entry in &self.bad {
            seq.serialize_element(&entry.raw)?;
        }
        seq.end()
    }
}

impl Library {
    /// Read a stored list. Entries that cannot be read are kept as
    /// [`BadEntry`]; an entry without an id, or with an id an earlier entry
    /// has, gets one derived from its position (`<id>~<position>`), the same
    /// at every read, so tabs reading the same text agree. Returns the list
    /// and how many ids were given. Errs only when the value is not a list.
    pub fn read(v: &Value) -> Result<(Library, usize), String> {
        let list = v.as_array().ok_or_else(|| format!("saved scenarios: expected an array, got {}", short(v)))?;
        let mut lib = Library::default();
        let mut rekeyed = 0;
        // Ids as written, so a given id never takes one a later entry has.
        let written: HashSet<&str> = list.iter().filter_map(|e| e.get("id").and_then(Value::as_str)).collect();
        let mut ids: HashSet<String> = HashSet::new();
        for (i, entry) in list.iter().enumerate() {
            match saved_from_json(entry, &format!("[{i}]")) {
                Err(reason) => lib.bad.push(BadEntry { raw: entry.clone(), reason }),
                Ok((id, mut saved)) => {
                    let id = match id {
                        Some(id) if !ids.contains(&id) => id,
                        given => {
                            rekeyed += 1;
                            let base = given.unwrap_or_else(|| "entry".into());
                            (1..)
                                .map(|n| if n == 1 { format!("{base}~{i}") } else { format!("{base}~{i}-{n}") })
                                .find(|c| !ids.contains(c) && !written.contains(c.as_str()))
                                .unwrap_or_default()
                        }
                    };
                    ids.insert(id.clone());
                    saved.id = id;
                    lib.items.push(saved);
                }
            }
        }
        Ok((lib, rekeyed))
    }
}

/// Names and ids in use, for making new ones unique in O(1) each: importing
/// n entries named alike takes O(n), not O(n³).
#[derive(Debug, Default)]
pub struct Taken {
    names: HashSet<String>,
    ids: HashSet<String>,
    /// For a base name, the next number to try ("X" → 7 once "X (6)" was given).
    next_name: HashMap<String, u32>,
    /// For a time, the next id counter to try.
    next_id: HashMap<String, u32>,
}

impl Taken {
    /// What `items` use.
    pub fn of(items: &[Saved]) -> Taken {
        Taken {
            names: items.iter().map(|s| s.name.clone()).collect(),
            ids: items.iter().map(|s| s.id.clone()).collect(),
            next_name: HashMap::new(),
            next_id: HashMap::new(),
        }
    }

    /// `name`, or `name (2)`, `name (3)` … if taken; reserved once returned.
    ///
    /// A taken name gets the first free number from 2, counting on from one it
    /// already ends with ("X (2)" taken gives "X (3)", not "X (2) (2)"), the
    /// whole within [`MAX_NAME`] characters.
    pub fn name(&mut self, name: &str) -> String {
        if self.names.insert(name.to_string()) {
            return name.to_string();
        }
        // Only a number this list gave ("X (2)" beside a taken "X"): a year
        // ("Plan (2030)") is part of a name.
        let numbered = name.strip_suffix(')').and_then(|r| {
            let (base, digits) = r.rsplit_once('(')?;
            let n: u32 = digits.parse().ok().filter(|n| (2..1000).contains(n))?;
            let base = base.trim_end();
            let plain = digits.bytes().all(|b| b.is_ascii_digit());
            (plain && !base.is_empty() && self.names.contains(base)).then_some((base.to_string(), n + 1))
        });
        let (base, from) = numbered.unwrap_or_else(|| (name.to_string(), 2));
        let start = self.next_name.get(&base).copied().unwrap_or(from).max(from);
        let (n, candidate) = (start..)
            .map(|n| {
                let suffix = format!(" ({n})");
                let keep = MAX_NAME.saturating_sub(suffix.chars().count());
                (n, format!("{}{suffix}", base.chars().take(keep).collect::<String>().trim_end()))
            })
            .find(|(_, c)| !self.names.contains(c))
            .unwrap_or_default();
        self.names.insert(candidate.clone());
        self.next_name.insert(base, n + 1);
        candidate
    }

    /// A new id from the time (`s<ms>`, then `s<ms>-2` …); reserved once returned.
    pub fn id(&mut self, now: f64) -> String {
        let base = format!("s{}", now.max(0.0) as u64);
        let start = self.next_id.get(&base).copied().unwrap_or(1);
        let (n, id) = (start..)
            .map(|n| (n, if n == 1 { base.clone() } else { format!("{base}-{n}") }))
            .find(|(_, c)| !self.ids.contains(c))
            .unwrap_or_default();
        self.ids.insert(id.clone());
        self.next_id.insert(base, n + 1);
        id
    }
}

impl Library {
    /// The item with this id.
    pub fn get(&self, id: &str) -> Option<&Saved> {
        self.items.iter().find(|s| s.id == id)
    }

    fn fresh_id(&self, now: f64) -> String {
        Taken::of(&self.items).id(now)
    }

    /// `name`, or `name (2)`, `name (3)` … if taken (see [`Taken::name`]).
    pub fn unique_name(&self, name: &str) -> String {
        Taken::of(&self.items).name(name)
    }

    /// Save a scenario under a (made unique) name; returns its id.
    pub fn add(&mut self, name: &str, scenario: Scenario, now: f64) -> String {
        self.add_many(vec![(name.to_string(), scenario)], now).pop().unwrap_or_default()
    }

    /// Save many scenarios, each under a (made unique) name, in one pass;
    /// returns their ids.
    pub fn add_many(&mut self, entries: Vec<(String, Scenario)>, now: f64) -> Vec<String> {
        let mut taken = Taken::of(&self.items);
        entries
            .into_iter()
            .map(|(name, scenario)| {
                let id = taken.id(now);
                let name = taken.name(&clean_name(&name, "Scenario"));
                self.items.push(Saved { id: id.clone(), name, created: now, updated: now, scenario, explore: None });
                id
            })
            .collect()
    }

    /// Replace a saved scenario's inputs.
    pub fn update(&mut self, id: &str, scenario: Scenario, now: f64) -> bool {
        match self.items.iter_mut().find(|s| s.id == id) {
            Some(s) => {
                s.scenario = scenario;
                s.updated = now;
                true
            }
            None => false,
        }
    }

    /// Set the explorer's view a saved scenario keeps ([`view_text`]).
    pub fn set_view(&mut self, id: &str, explore: Option<String>) -> bool {
        match self.items.iter_mut().find(|s| s.id == id) {
            Some(s) => {
                s.explore = explore;
                true
            }
            None => false,
        }
    }

    /// Rename; the name is cleaned and made unique among the others.
    pub fn rename(&mut self, id: &str, name: &str, now: f64) -> bool {
        let Some(pos) = self.items.iter().position(|s| s.id == id) else { return false };
        let old = self.items[pos].name.clone();
        let wanted = clean_name(name, &old);
        let others: Vec<Saved> = self.items.iter().filter(|s| s.id != id).cloned().collect();
        let item = &mut self.items[pos];
        item.name = Taken::of(&others).name(&wanted);
        item.updated = now;
        true
    }

    /// Copy an item, placed right after it; returns the copy's id.
    pub fn duplicate(&mut self, id: &str, copy_word: &str, now: f64) -> Option<String> {
        let pos = self.items.iter().position(|s| s.id == id)?;
        let original = self.items[pos].clone();
        let new_id = self.fresh_id(now);
        let name = self.unique_name(&clean_name(&format!("{} ({copy_word})", original.name), "Scenario"));
        self.items.insert(pos + 1, Saved { id: new_id.clone(), name, created: now, updated: now, ..original });
        Some(new_id)
    }

    /// Remove an item; returns it with its position, for undo.
    pub fn remove(&mut self, id: &str) -> Option<(usize, Saved)> {
        let pos = self.items.iter().position(|s| s.id == id)?;
        self.deleted.retain(|d| d != id);
        self.deleted.push(id.to_string());
        if self.deleted.len() > MAX_DELETED {
            self.deleted.drain(..self.deleted.len() - MAX_DELETED);
        }
        Some((pos, self.items.remove(pos)))
    }

    /// Put a removed item back where it was (or at the end); its id is kept
    /// unless another item took it meanwhile.
    pub fn restore(&mut self, pos: usize, mut saved: Saved, now: f64) {
        if self.get(&saved.id).is_some() {
            saved.id = self.fresh_id(now);
        }
        let pos = pos.min(self.items.len());
        self.items.insert(pos, saved);
    }

    /// Drop the unreadable entry at `index` of [`Library::bad`] (the planner
    /// chose to, after seeing why it cannot be read).
    pub fn remove_bad(&mut self, index: usize) -> Option<BadEntry> {
        (index < self.bad.len()).then(|| self.bad.remove(index))
    }

    /// Put a removed unreadable entry back where it was (undo).
    pub fn restore_bad(&mut self, index: usize, entry: BadEntry) {
        self.bad.insert(index.min(self.bad.len()), entry);
    }
}

/// Merge this tab's list (`mine`) with what storage holds now (`theirs`,
/// written by another tab), given what storage held when this tab last read
/// or wrote it (`base`): a three-way merge, so that no tab's unsaved items
/// are dropped and no tab's deletions come back.
///
/// For each id: an item changed here since `base` is kept as changed here.
/// An item is dropped only on a recorded deletion ([`Library::deleted`]) of
/// the very version the other side has: deleted here and unchanged there, or
/// deleted there and unchanged here. Anything else one side has and the other
/// lacks is kept (an addition, or an item that storage lost while it held
/// another release's data). Two items added with the same id on both sides
/// are both kept (this tab's under a new id), and this tab's additions keep
/// unique names. Unreadable entries merge three-way by their text.
pub fn merge(base: &Library, mine: &Library, theirs: &Library, now: f64) -> Library {
    let by_id = |l: &Library| -> HashMap<String, Saved> { l.items.iter().map(|s| (s.id.clone(), s.clone())).collect() };
    let (b, m, t) = (by_id(base), by_id(mine), by_id(theirs));
    let deleted_here: HashSet<&str> = mine.deleted.iter().map(String::as_str).collect();
    let deleted_there: HashSet<&str> = theirs.deleted.iter().map(String::as_str).collect();
    // What stays of theirs, and in which version: items both sides hold
    // ("shared") take this tab's place in the order; the others ("only
    // theirs") follow the item they follow there.
    let mut shared: HashMap<String, Saved> = HashMap::new();
    let mut only_theirs: Vec<&Saved> = Vec::new();
    for item in &theirs.items {
        match (m.get(&item.id), b.get(&item.id)) {
            (Some(mi), Some(bi)) => {
                shared.insert(item.id.clone(), if mi != bi { mi.clone() } else { item.clone() });
            }
            // Added on both sides under one id: the same item, or two.
            (Some(mi), None) if mi == item => {
                shared.insert(item.id.clone(), item.clone());
            }
            (Some(_), None) => only_theirs.push(item),
            (None, bi) => {
                let deleted = deleted_here.contains(item.id.as_str()) && bi == Some(item);
                if !deleted {
                    only_theirs.push(item);
                }
            }
        }
    }
    let mut taken = Taken::of(&theirs.items);
    // This tab's items in its order: shared ones in their merged version,
    // the rest kept unless deleted there unchanged, under an id and a name
    // of their own.
    let mut ours: Vec<Saved> = Vec::with_capacity(mine.items.len());
    for item in &mine.items {
        if let Some(v) = shared.remove(&item.id) {
            ours.push(v);
            continue;
        }
        if !t.contains_key(&item.id) && deleted_there.contains(item.id.as_str()) && b.get(&item.id) == Some(item) {
            continue;
        }
        let mut item = item.clone();
        if !taken.ids.insert(item.id.clone()) {
            item.id = taken.id(now);
        }
        item.name = taken.name(&item.name);
        ours.push(item);
    }
    // Each item only theirs goes after the nearest item before it there that
    // this tab's order holds (or first).
    let placed: HashSet<&str> = ours.iter().map(|s| s.id.as_str()).collect();
    let only: HashSet<&str> = only_theirs.iter().map(|s| s.id.as_str()).collect();
    let mut after: HashMap<Option<String>, Vec<Saved>> = HashMap::new();
    let mut anchor: Option<String> = None;
    for item in &theirs.items {
        if only.contains(item.id.as_str()) {
            after.entry(anchor.clone()).or_default().push(item.clone());
        } else if placed.contains(item.id.as_str()) {
            anchor = Some(item.id.clone());
        }
    }
    let mut out = Library::default();
    out.items.extend(after.remove(&None).unwrap_or_default());
    for item in ours {
        let id = item.id.clone();
        out.items.push(item);
        out.items.extend(after.remove(&Some(id)).unwrap_or_default());
    }
    let mut seen = HashSet::new();
    let mut deleted: Vec<String> =
        theirs.deleted.iter().chain(&mine.deleted).filter(|d| seen.insert(d.as_str())).cloned().collect();
    if deleted.len() > MAX_DELETED {
        deleted.drain(..deleted.len() - MAX_DELETED);
    }
    out.deleted = deleted;
    let text = |e: &BadEntry| e.raw.to_string();
    let (bb, mb): (HashSet<String>, HashSet<String>) =
        (base.bad.iter().map(text).collect(), mine.bad.iter().map(text).collect());
    let tb: HashSet<String> = theirs.bad.iter().map(text).collect();
    out.bad = theirs.bad.iter().filter(|e| mb.contains(&text(e)) || !bb.contains(&text(e))).cloned().collect();
    out.bad.extend(mine.bad.iter().filter(|e| !tb.contains(&text(e)) && !bb.contains(&text(e))).cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_name_counts_on_within_the_length_limit() {
        let mut l = Library::default();
        for name in ["Base", "Base (2)", "Plan", "Plan (7)", "(5)", "Trip (2030)", "Z (+3)"] {
            l.add(name, Scenario::default(), 1.0);
        }
        assert_eq!(l.unique_name("New"), "New");
        assert_eq!(l.unique_name("Base"), "Base (3)");
        assert_eq!(l.unique_name("Base (2)"), "Base (3)", "not Base (2) (2)");
        assert_eq!(l.unique_name("Plan (7)"), "Plan (8)");
        assert_eq!(l.unique_name("(5)"), "(5) (2)");
        assert_eq!(l.unique_name("Trip (2030)"), "Trip (2030) (2)", "a year is part of the name");
        assert_eq!(l.unique_name("Z (+3)"), "Z (+3) (2)");
        let long = "x".repeat(MAX_NAME);
        l.add(&long, Scenario::default(), 1.0);
        let next = l.unique_name(&long);
        assert_eq!(next.chars().count(), MAX_NAME, "{next}");
        assert!(next.ends_with(" (2)"));
    }

    fn lib3() -> Library {
        let mut l = Library::default();
        for (i, n) in ["A", "B", "C"].iter().enumerate() {
            l.add(n, Scenario::default(), 1000.0 + i as f64);
        }
        l
    }

    #[test]
    fn add_rename_duplicate_remove_restore() {
        let mut l = lib3();
        let b = l.items[1].id.clone();
        assert!(l.rename(&b, "  Base case \u{7} ", 5.0));
        assert_eq!(l.get(&b).unwrap().name, "Base case");
        let copy = l.duplicate(&b, "copy", 6.0).unwrap();
        assert_eq!(l.items[2].id, copy);
        assert_eq!(l.items[2].name, "Base case (copy)");
        let (pos, removed) = l.remove(&b).unwrap();
        assert_eq!(l.items.len(), 3);
        l.restore(pos, removed.clone(), 7.0);
        assert_eq!(l.items[1], removed);
    }

    #[test]
    fn names_and_ids_stay_unique() {
        let mut l = Library::default();
        let a = l.add("Same", Scenario::default(), 1.0);
        let b = l.add("Same", Scenario::default(), 1.0);
        assert_ne!(a, b);
        assert_eq!(l.items[1].name, "Same (2)");
        assert!(l.rename(&b, "Same", 2.0));
        assert_eq!(l.get(&b).unwrap().name, "Same (2)");
        assert_eq!(l.add("", Scenario::default(), 3.0).len(), "s3".len());
        assert_eq!(l.items[2].name, "Scenario");
        assert_eq!(clean_name(&"x".repeat(500), "f").chars().count(), MAX_NAME);
    }

    #[test]
    fn the_list_is_stored_as_serde_stored_it() {
        let mut l = Library::default();
        l.add("A \"quoted\" name", Scenario::default(), 1.5);
        let text = serde_json::to_string(&l).unwrap();
        let read = |text: &str| Library::read(&serde_json::from_str(text).unwrap()).map(|(l, _)| l);
        assert!(text.starts_with(
            r#"[{"id":"s1","name":"A \"quoted\" name","created":1.5,"updated":1.5,"scenario":{"sizing":"#
        ));
        assert_eq!(read(&text), Ok(l));
        // Times may be missing (and an id: one is given); a list it must be.
        let old = read(r#"[{"id":"a","name":"n","scenario":{}}]"#).unwrap();
        assert_eq!((old.items[0].created, old.items[0].updated), (0.0, 0.0));
        let no_id = read(r#"[{"name":"n","scenario":{}}]"#).unwrap();
        assert_eq!(no_id.items[0].id, "entry~0");
        assert!(read(r#"{"id":"a"}"#).is_err());
        // An entry that cannot be read is kept as it was, with why, beside the rest.
        for (bad, why) in [
            (r#"[{"id":"a","name":"n"}]"#, "[0]: missing field `scenario`"),
            (r#"[1]"#, "[0]: expected an object, got 1"),
            (
                r#"[{"id":"a","name":"n","scenario":{}},{"id":"b","name":"m","scenario":{"wacc":"x"}}]"#,
                "[1].scenario.wacc: invalid type: string \"x\", expected f64",
            ),
            (r#"[{"id":"a","name":"n","scenario":[]}]"#, "[0].scenario: invalid type: sequence, expected an object"),
            (r#"[{"id":5,"name":"n","scenario":{}}]"#, "[0].id: invalid type: integer `5`, expected a string"),
        ] {
            let l = read(bad).unwrap();
            assert_eq!(l.bad.len(), 1, "{bad}");
            assert_eq!(l.bad[0].reason, why);
            assert!(
                serde_json::to_string(&l).unwrap().ends_with(&format!("{}]", l.bad[0].raw)),
                "written back as it was"
            );
            assert!(bad.contains(&l.bad[0].raw.to_string()));
        }
    }

    #[test]
    fn entries_keep_the_explorers_view_and_older_ones_still_read() {
        use crate::explorer::DEFAULT;
        let read = |text: &str| Library::read(&serde_json::from_str(text).unwrap()).unwrap().0;
        // Written before the explorer: no view, and none written back.
        let old = read(r#"[{"id":"a","name":"Old","created":1,"updated":1,"scenario":{"country":"SE"}}]"#);
        assert!(old.bad.is_empty());
        assert_eq!(old.items[0].explore, None);
        assert!(!serde_json::to_string(&old).unwrap().contains("explore"));
        // Written by this release: the view's link parameters, read back as written.
        let new = read(
            r#"[{"id":"b","name":"New","created":1,"updated":1,"scenario":{},"explore":"explore=1&rank_by=-pue&sweep=wacc"}]"#,
        );
        let text = new.items[0].explore.as_deref().unwrap();
        let view = saved_view(text);
        assert_eq!((view.open, view.rank_by, view.descending), (true, "pue", true));
        assert_eq!(view_text(&view).as_deref(), Some(text));
        assert_eq!(read(&serde_json::to_string(&new).unwrap()), new);
        // The default view is kept as none; a closed view that differs is kept.
        assert_eq!(view_text(&DEFAULT), None);
        let ranked = View { rank_by: "pue", ..DEFAULT };
        assert_eq!(view_text(&ranked).as_deref(), Some("rank_by=pue"));
        assert_eq!(saved_view("rank_by=pue"), ranked);
        // Garbage: what parses is applied, the rest left out; not text: none.
        let view = saved_view("explore=maybe&rank_by=nope&sweep=wacc&<b>=%zz&&=");
        assert_eq!((view.open, view.rank_by), (DEFAULT.open, DEFAULT.rank_by));
        assert_ne!(view.sweep, DEFAULT.sweep);
        assert_eq!(saved_view(""), DEFAULT);
        for odd in ["5", "null", "{\"explore\":1}", "[\"explore=1\"]"] {
            let l = read(&format!(r#"[{{"id":"c","name":"Odd","scenario":{{}},"explore":{odd}}}]"#));
            assert_eq!((l.items.len(), l.items[0].explore.as_deref()), (1, None), "{odd}");
        }
    }

    #[test]
    fn exports_leave_the_view_out_and_imports_ignore_it() {
        let mut l = lib3();
        let a = l.items[0].id.clone();
        l.set_view(&a, Some("explore=1".into()));
        let file = crate::export::export_json(&l.items, 1.0);
        assert!(!file.contains("explore"), "the export format is unchanged");
        // A stored list with views (a file of entries as storage holds them) imports.
        let stored = serde_json::to_string(&l).unwrap();
        assert!(stored.contains(r#""explore":"explore=1""#));
        let report = crate::export::import_json(&stored).unwrap();
        assert_eq!((report.accepted.len(), report.rejected.len()), (3, 0));
    }

    #[test]
    fn the_view_is_set_and_kept_by_a_copy() {
        let mut l = lib3();
        let a = l.items[0].id.clone();
        assert!(l.set_view(&a, Some("explore=1".into())));
        let copy = l.duplicate(&a, "copy", 2.0).unwrap();
        assert_eq!(l.get(&copy).unwrap().explore.as_deref(), Some("explore=1"));
        assert!(l.update(&a, Scenario::default(), 3.0) && l.set_view(&a, None));
        assert_eq!(l.get(&a).unwrap().explore, None);
        assert!(!l.set_view("nope", None));
    }

    #[test]
    fn a_merge_keeps_each_side_in_its_order() {
        let base = lib3();
        let (a, b, c) = (base.items[0].id.clone(), base.items[1].id.clone(), base.items[2].id.clone());
        // Here: a copy of A right after it. There: D after B, and C deleted.
        let mut mine = base.clone();
        mine.duplicate(&a, "copy", 10.0);
        let mut theirs = base.clone();
        theirs.remove(&c);
        theirs.items.insert(2, Saved { id: "d".into(), name: "D".into(), ..base.items[0].clone() });
        let merged = merge(&base, &mine, &theirs, 11.0);
        let names: Vec<&str> = merged.items.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "A (copy)", "B", "D"]);
        assert_eq!(merged.deleted, vec![c]);
        assert!(merged.get(&b).is_some());
        // Merging again changes nothing.
        assert_eq!(merge(&merged, &merged, &merged, 12.0), merged);
    }

    #[test]
    fn unknown_ids_change_nothing() {
        let mut l = lib3();
        let before = l.clone();
        assert!(!l.rename("nope", "x", 1.0));
        assert!(l.duplicate("nope", "copy", 1.0).is_none());
        assert!(l.remove("nope").is_none());
        assert!(!l.update("nope", Scenario::default(), 1.0));
        assert_eq!(l, before);
    }
}
