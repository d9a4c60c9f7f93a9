//! The saved list as one tab holds it, kept in step with storage and with
//! other tabs. Pure (storage comes in as a [`Store`]), so the never-lose
//! protocol is tested natively with failing writes and interleaved tabs; the
//! component in `ui::scenarios` only wraps it in a signal.
//!
//! Every write is a three-way merge ([`merge`]) of this tab's list with what
//! storage holds now, against what it held when this tab last read or wrote
//! it; a `storage` event from another tab merges the same way without
//! writing. Items this tab could not write stay in its list, marked unsaved
//! ([`SavedList::unsaved`]), until a later write takes them.

use crate::library::{merge, Library, Saved, LIBRARY_KEY};
use crate::storage::{envelope, Loaded, Slot, StorageError, Store, DATA_VERSION, SCHEMA};
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The saved list as stored: storage's envelope, with the deletions the list
/// records after it when there are any (readers that do not know the field
/// ignore it).
#[derive(Serialize)]
struct StoredList<'a> {
    schema: u32,
    data_version: &'a str,
    saved_at: f64,
    payload: &'a Library,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    deleted: &'a [String],
}

/// Read stored text as a saved list: the list (with the deletions its
/// envelope records) and how many ids it re-keyed.
pub fn read_list(raw: &str) -> Result<(Library, usize), StorageError> {
    let value = crate::storage::parse_json(raw).map_err(StorageError::Corrupt)?;
    // Deletions are advisory: ids that are not strings are left out.
    let deleted: Vec<String> = match value.get("deleted").and_then(Value::as_array) {
        Some(list) => list.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        None => Vec::new(),
    };
    let env = envelope(value)?;
    let (mut library, rekeyed) = Library::read(&env.payload).map_err(StorageError::Corrupt)?;
    if env.schema > 0 {
        library.deleted = deleted;
    }
    Ok((library, rekeyed))
}

/// A list as stored: its envelope, and the deletions it records when there are any.
pub fn write_list(library: &Library, now: f64) -> String {
    let stored = StoredList {
        schema: SCHEMA,
        data_version: DATA_VERSION,
        saved_at: now,
        payload: library,
        deleted: &library.deleted,
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

fn check_list(raw: &str) -> Result<(), StorageError> {
    read_list(raw).map(|_| ())
}

/// The saved list of one tab.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedList {
    /// What this tab shows.
    pub library: Library,
    /// What storage held when this tab last read or wrote it.
    base: Library,
    /// The list's key.
    pub slot: Slot,
}

/// What opening the list found, besides the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    /// Stored text that could not be read, and where it was kept (None: left
    /// in its key, which then refuses writes).
    pub set_aside: Option<(StorageError, Option<String>)>,
    /// How many entries were given new ids (missing or repeated ones).
    pub rekeyed: usize,
    /// Whether storage could be used at all.
    pub available: bool,
}

impl SavedList {
    /// A list that storage never saw (the embedded view, which touches no storage).
    pub fn detached() -> SavedList {
        SavedList { library: Library::default(), base: Library::default(), slot: Slot::new(LIBRARY_KEY) }
    }

    /// Read the list from storage.
    pub fn open(store: &mut dyn Store, now: f64) -> (SavedList, Opening) {
        let mut slot = Slot::new(LIBRARY_KEY);
        let mut opening = Opening { set_aside: None, rekeyed: 0, available: true };
        let library = match slot.load(store, now, read_list) {
            Loaded::Value((library, rekeyed)) => {
                opening.rekeyed = rekeyed;
                library
            }
            Loaded::Empty => Library::default(),
            Loaded::Unavailable => {
                opening.available = false;
                Library::default()
            }
            Loaded::SetAside { error, backup_key } => {
                opening.set_aside = Some((error, backup_key));
                Library::default()
            }
        };
        (SavedList { base: library.clone(), library, slot }, opening)
    }

    /// What storage holds now, as a list, and whether its text should be
    /// written anew even if the list is unchanged (ids were re-keyed, or it
    /// cannot be read: what it cannot read counts as unchanged since this
    /// tab's base, and the slot keeps that text safe).
    fn theirs(&self, store: &dyn Store) -> Result<(Library, bool), StorageError> {
        Ok(match store.get(LIBRARY_KEY)? {
            None => (Library::default(), false),
            Some(raw) => read_list(&raw).map_or_else(|_| (self.base.clone(), true), |(l, n)| (l, n > 0)),
        })
    }

    /// Change the list, then bring storage in step ([`SavedList::sync`]).
    pub fn change<R>(
        &mut self,
        store: &mut dyn Store,
        now: f64,
        f: impl FnOnce(&mut Library) -> R,
    ) -> (R, Result<(), StorageError>) {
        let r = f(&mut self.library);
        (r, self.sync(store, now))
    }

    /// Merge this tab's list with what storage holds now and write the
    /// result. On a refused write the list keeps everything, and what storage
    /// lacks stays marked unsaved.
    pub fn sync(&mut self, store: &mut dyn Store, now: f64) -> Result<(), StorageError> {
        let (theirs, rewrite) = self.theirs(store)?;
        self.library = merge(&self.base, &self.library, &theirs, now);
        if self.library == theirs && !rewrite && self.slot.held.is_none() {
            self.base = theirs;
            return Ok(());
        }
        match self.slot.write(store, &write_list(&self.library, now), now, check_list) {
            Ok(()) => {
                self.base = self.library.clone();
                Ok(())
            }
            Err(e) => {
                self.base = theirs;
                Err(e)
            }
        }
    }

    /// Another tab wrote the list: merge what it wrote into this tab's list
    /// (this tab's unsaved items stay), without writing.
    pub fn refresh(&mut self, store: &dyn Store, now: f64) {
        let Ok((theirs, _)) = self.theirs(store) else { return };
        self.library = merge(&self.base, &self.library, &theirs, now);
        self.base = theirs;
    }

    /// The planner chose to replace unreadable stored text that no backup
    /// holds (after downloading it, or not): write this tab's list over it.
    pub fn release(&mut self, store: &mut dyn Store, now: f64) -> Result<(), StorageError> {
        self.slot.release(store, &write_list(&self.library, now))?;
        self.base = self.library.clone();
        Ok(())
    }

    /// Ids of the items whose current version storage does not hold (as far
    /// as this tab last saw it).
    pub fn unsaved(&self) -> HashSet<String> {
        let base: HashMap<&str, &Saved> = self.base.items.iter().map(|s| (s.id.as_str(), s)).collect();
        self.library.items.iter().filter(|s| base.get(s.id.as_str()) != Some(s)).map(|s| s.id.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scenario;
    use crate::storage::MemStore;

    fn scenario(marker: f64) -> Scenario {
        Scenario { utilization: marker, ..Scenario::default() }
    }

    #[test]
    fn a_tab_keeps_its_unsaved_items_when_another_tab_deletes() {
        let mut store = MemStore::default();
        let (mut a, _) = SavedList::open(&mut store, 1.0);
        let (_, ok) = a.change(&mut store, 2.0, |l| {
            l.add("One", scenario(0.1), 2.0);
            l.add("Two", scenario(0.2), 2.0);
        });
        ok.unwrap();
        let (mut b, _) = SavedList::open(&mut store, 3.0);
        // Storage is full for tab A's next write.
        store.refuse_next = 1;
        let (_, refused) = a.change(&mut store, 4.0, |l| l.add("Unsaved A plan", scenario(0.3), 4.0));
        assert!(refused.is_err());
        assert_eq!(a.unsaved().len(), 1);
        // Tab B deletes "One" and writes; tab A hears of it.
        let one = b.library.items[0].id.clone();
        b.change(&mut store, 5.0, |l| l.remove(&one)).1.unwrap();
        a.refresh(&store, 6.0);
        let names: Vec<&str> = a.library.items.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Two", "Unsaved A plan"], "B's delete is taken, A's unsaved item stays");
        // The next write of A stores it.
        a.sync(&mut store, 7.0).unwrap();
        let (stored, _) = read_list(&store.map[LIBRARY_KEY]).unwrap();
        assert_eq!(stored, a.library);
        assert!(a.unsaved().is_empty());
    }

    #[test]
    fn a_list_from_a_newer_release_is_never_overwritten_without_a_copy() {
        let future = r#"{"schema":2,"data_version":"2027.1","saved_at":1,"payload":{"lists":[]}}"#;
        let mut store = MemStore::default();
        store.map.insert(LIBRARY_KEY.into(), future.into());
        store.quota = Some(LIBRARY_KEY.len() + future.len() + 20);
        let (mut a, opening) = SavedList::open(&mut store, 1.0);
        assert_eq!(opening.set_aside, Some((StorageError::FromTheFuture(2), None)), "no room for a backup");
        assert_eq!(a.slot.held.as_ref().map(|h| h.raw.as_str()), Some(future));
        let (_, r) = a.change(&mut store, 2.0, |l| l.add("New", Scenario::default(), 2.0));
        assert_eq!(r, Err(StorageError::Held));
        assert_eq!(store.map[LIBRARY_KEY], future, "untouched");
        assert_eq!(a.library.items.len(), 1, "the new item stays in this tab");
        // The planner downloads it, then chooses to replace it.
        store.quota = None;
        a.release(&mut store, 3.0).unwrap();
        assert_eq!(read_list(&store.map[LIBRARY_KEY]).unwrap().0, a.library);
    }

    #[test]
    fn repeated_and_missing_ids_are_rekeyed_the_same_way_by_every_reader() {
        let raw = r#"[{"id":"a","name":"A","scenario":{}},{"id":"a","name":"B","scenario":{}},{"name":"C","scenario":{}},{"id":"a~1","name":"D","scenario":{}}]"#;
        let (l1, n) = read_list(raw).unwrap();
        let (l2, _) = read_list(raw).unwrap();
        assert_eq!(n, 2);
        assert_eq!(l1, l2);
        let ids: Vec<&str> = l1.items.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~1-2", "entry~2", "a~1"]);
        // Opened, the new ids are written at the next change.
        let mut store = MemStore::default();
        store.map.insert(LIBRARY_KEY.into(), raw.into());
        let (mut list, opening) = SavedList::open(&mut store, 1.0);
        assert_eq!(opening.rekeyed, 2);
        list.sync(&mut store, 2.0).unwrap();
        assert_eq!(read_list(&store.map[LIBRARY_KEY]).unwrap(), (l1, 0));
    }

    #[test]
    fn unreadable_entries_are_kept_and_written_back() {
        let raw = r#"[{"id":"a","name":"A","scenario":{}},{"id":"b","name":"B","scenario":{"wacc":"x"}},7]"#;
        let (l, _) = read_list(raw).unwrap();
        assert_eq!(l.items.len(), 1);
        assert_eq!(l.bad.len(), 2);
        assert!(l.bad[0].reason.contains("[1].scenario.wacc"), "{}", l.bad[0].reason);
        let mut store = MemStore::default();
        store.map.insert(LIBRARY_KEY.into(), raw.into());
        let (mut list, _) = SavedList::open(&mut store, 1.0);
        list.change(&mut store, 2.0, |l| l.add("New", Scenario::default(), 2.0)).1.unwrap();
        let (again, _) = read_list(&store.map[LIBRARY_KEY]).unwrap();
        let raw = |l: &Library| l.bad.iter().map(|b| b.raw.clone()).collect::<Vec<_>>();
        assert_eq!(raw(&again), raw(&l), "kept as they were");
        list.change(&mut store, 3.0, |l| l.remove_bad(1)).1.unwrap();
        assert_eq!(read_list(&store.map[LIBRARY_KEY]).unwrap().0.bad.len(), 1, "removed only when asked");
    }
}
