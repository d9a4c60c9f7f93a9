//! The never-lose promise as a property: two tabs share one store whose writes
//! fail at random points (a refused write, a full quota, data from a newer
//! release written in between), with storage events delivered late or in any
//! order. Whatever happens, no scenario a tab saved and nobody deleted is
//! lost, and no unreadable text that was stored is lost: each is still in
//! storage (its key or a backup) or in a live tab's memory.

use gigafactory_planner::library::LIBRARY_KEY;
use gigafactory_planner::model::Scenario;
use gigafactory_planner::shelf::{read_list, SavedList};
use gigafactory_planner::storage::{MemStore, Store};
use proptest::prelude::*;
use std::collections::BTreeSet;

#[derive(Debug, Clone)]
enum Op {
    /// A tab saves a new scenario.
    Add(usize),
    /// A tab changes the inputs of its item at this position (modulo its length).
    Edit(usize, usize),
    /// A tab renames its item at this position.
    Rename(usize, usize),
    /// A tab deletes its item at this position.
    Delete(usize, usize),
    /// A tab writes its list again (a later change, or "try again").
    Sync(usize),
    /// The browser delivers the pending storage event to this tab.
    Deliver(usize),
    /// The next writes are refused.
    Refuse(usize),
    /// Storage is nearly full (room for this many more bytes), or not.
    Quota(Option<usize>),
    /// A newer release (another tab of it) writes the list in its format.
    Future,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..2usize).prop_map(Op::Add),
        2 => (0..2usize, 0..8usize).prop_map(|(t, i)| Op::Edit(t, i)),
        1 => (0..2usize, 0..8usize).prop_map(|(t, i)| Op::Rename(t, i)),
        2 => (0..2usize, 0..8usize).prop_map(|(t, i)| Op::Delete(t, i)),
        2 => (0..2usize).prop_map(Op::Sync),
        3 => (0..2usize).prop_map(Op::Deliver),
        1 => (0..3usize).prop_map(Op::Refuse),
        1 => prop_oneof![Just(None), (0..400usize).prop_map(Some)].prop_map(Op::Quota),
        1 => Just(Op::Future),
    ]
}

/// Scenarios are told apart by a marker in their utilisation.
fn marker(s: &Scenario) -> u64 {
    (s.utilization * 1e6).round() as u64
}

fn used(store: &MemStore) -> usize {
    store.map.iter().map(|(k, v)| k.len() + v.len()).sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_saved_scenario_and_no_unreadable_text_is_ever_lost(ops in prop::collection::vec(op(), 1..60)) {
        let mut store = MemStore::default();
        let mut now = 1.0;
        let mut tabs: Vec<SavedList> = (0..2).map(|_| SavedList::open(&mut store, 0.0).0).collect();
        let mut events = [false, false];
        let mut next_marker = 1u64;
        // Markers added and not deleted by anyone; unreadable texts written.
        let mut alive: BTreeSet<u64> = BTreeSet::new();
        let mut future_texts: Vec<String> = Vec::new();
        for op in ops {
            now += 1.0;
            let before = store.map.get(LIBRARY_KEY).cloned();
            let mut writer = None;
            match op {
                Op::Add(t) => {
                    let m = next_marker;
                    next_marker += 1;
                    let s = Scenario { utilization: m as f64 / 1e6, ..Scenario::default() };
                    let _ = tabs[t].change(&mut store, now, |l| l.add(&format!("Plan {m}"), s, now));
                    alive.insert(m);
                    writer = Some(t);
                }
                Op::Edit(t, i) => {
                    let Some(id) = pick(&tabs[t], i) else { continue };
                    let _ = tabs[t].change(&mut store, now, |l| {
                        let mut s = l.get(&id).map(|s| s.scenario.clone()).unwrap_or_default();
                        s.years = 1.0 + (now % 40.0);
                        l.update(&id, s, now)
                    });
                    writer = Some(t);
                }
                Op::Rename(t, i) => {
                    let Some(id) = pick(&tabs[t], i) else { continue };
                    let _ = tabs[t].change(&mut store, now, |l| l.rename(&id, "Renamed", now));
                    writer = Some(t);
                }
                Op::Delete(t, i) => {
                    let Some(id) = pick(&tabs[t], i) else { continue };
                    let (removed, _) = tabs[t].change(&mut store, now, |l| l.remove(&id));
                    if let Some((_, saved)) = removed {
                        alive.remove(&marker(&saved.scenario));
                    }
                    writer = Some(t);
                }
                Op::Sync(t) => {
                    let _ = tabs[t].sync(&mut store, now);
                    writer = Some(t);
                }
                Op::Deliver(t) => {
                    if std::mem::take(&mut events[t]) {
                        tabs[t].refresh(&store, now);
                    }
                }
                Op::Refuse(n) => store.refuse_next = n,
                Op::Quota(room) => store.quota = room.map(|r| used(&store) + r),
                Op::Future => {
                    // Another release overwrites only what it can read (its own
                    // or our older format), so the test itself loses nothing.
                    let readable = before.as_deref().is_none_or(|raw| read_list(raw).is_ok());
                    if readable {
                        let text = format!(r#"{{"schema":2,"data_version":"2027.1","saved_at":{now},"payload":{{"n":{next_marker}}}}}"#);
                        next_marker += 1;
                        // The other release's items are its own; ours it carried over.
                        if let Some(raw) = &before {
                            for s in read_list(raw).map(|(l, _)| l.items).unwrap_or_default() {
                                if alive.contains(&marker(&s.scenario)) && !in_tabs(&tabs, marker(&s.scenario)) {
                                    // Only stored, about to be replaced: not ours to keep.
                                    alive.remove(&marker(&s.scenario));
                                }
                            }
                        }
                        store.map.insert(LIBRARY_KEY.into(), text.clone());
                        future_texts.push(text);
                        events = [true, true];
                    }
                }
            }
            if let Some(t) = writer {
                if store.map.get(LIBRARY_KEY) != before.as_ref() {
                    events[1 - t] = true;
                }
            }

            // Every scenario saved and not deleted is somewhere.
            let stored: BTreeSet<u64> = store
                .map
                .get(LIBRARY_KEY)
                .and_then(|raw| read_list(raw).ok())
                .map(|(l, _)| l.items.iter().map(|s| marker(&s.scenario)).collect())
                .unwrap_or_default();
            for m in &alive {
                prop_assert!(
                    stored.contains(m) || in_tabs(&tabs, *m),
                    "scenario {} lost after {:?}", m, store.map.get(LIBRARY_KEY)
                );
            }
            // Every unreadable text is in storage (its key or a backup) or held by a tab.
            for text in &future_texts {
                let kept = store.map.values().any(|v| v == text)
                    || tabs.iter().any(|t| t.slot.held.as_ref().is_some_and(|h| h.raw == *text));
                prop_assert!(kept, "unreadable text lost: {}", text);
            }
            // Ids stay unique within each tab.
            for t in &tabs {
                let ids: BTreeSet<&str> = t.library.items.iter().map(|s| s.id.as_str()).collect();
                prop_assert_eq!(ids.len(), t.library.items.len());
            }
        }
        // With room again, one sync from each tab brings every scenario into storage.
        store.quota = None;
        store.refuse_next = 0;
        for tab in &mut tabs {
            let _ = tab.sync(&mut store, now + 1.0);
            if tab.slot.held.is_some() {
                tab.release(&mut store, now + 1.0).unwrap();
            }
        }
        // The first tab hears of the second's write, then writes the union.
        tabs[0].refresh(&store, now + 2.0);
        tabs[0].sync(&mut store, now + 2.0).unwrap();
        let (stored, _) = read_list(store.get(LIBRARY_KEY).unwrap().as_deref().unwrap_or("[]")).unwrap();
        let stored: BTreeSet<u64> = stored.items.iter().map(|s| marker(&s.scenario)).collect();
        for m in &alive {
            prop_assert!(stored.contains(m), "scenario {} not stored after the final syncs", m);
        }
    }
}

fn pick(tab: &SavedList, i: usize) -> Option<String> {
    let items = &tab.library.items;
    (!items.is_empty()).then(|| items[i % items.len()].id.clone())
}

fn in_tabs(tabs: &[SavedList], m: u64) -> bool {
    tabs.iter().any(|t| t.library.items.iter().any(|s| marker(&s.scenario) == m))
}

#[test]
fn six_thousand_alike_names_get_six_thousand_names() {
    let mut lib = gigafactory_planner::library::Library::default();
    let entries: Vec<(String, Scenario)> = (0..6_000).map(|_| ("Same".to_string(), Scenario::default())).collect();
    let ids = lib.add_many(entries, 5.0);
    assert_eq!(ids.len(), 6_000);
    let names: BTreeSet<&str> = lib.items.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.len(), 6_000, "every name unique");
    assert_eq!(lib.items[5_999].name, "Same (6000)");
    let unique_ids: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(unique_ids.len(), 6_000);
}
