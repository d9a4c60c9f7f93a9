//! The planner's saved scenarios: a named, ordered list kept in local storage.
//! Pure operations (tested natively); `ui::scenarios` wires them to storage.

use crate::json::{self, FromJson, Json, ToJson};
use crate::model::Scenario;

/// Storage key of the saved list.
pub const LIBRARY_KEY: &str = "gigafactory-planner.saved";
/// Longest name kept, in characters.
pub const MAX_NAME: usize = 80;

/// A saved scenario: `{"id", "name", "created", "updated", "scenario"}` in
/// storage, where `created` and `updated` may be missing (0).
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Stable id (unique within the list).
    pub id: String,
    /// The planner's name for it.
    pub name: String,
    /// When it was first saved, ms since the epoch.
    pub created: f64,
    /// When it was last changed, ms since the epoch.
    pub updated: f64,
    /// The inputs.
    pub scenario: Scenario,
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

/// The saved list, stored as a JSON array of [`Saved`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    /// Saved scenarios, newest last.
    pub items: Vec<Saved>,
}

impl ToJson for Saved {
    fn to_json(&self) -> Json {
        Json::obj(vec![
            ("id", self.id.as_str().into()),
            ("name", self.name.as_str().into()),
            ("created", self.created.into()),
            ("updated", self.updated.into()),
            ("scenario", self.scenario.to_json()),
        ])
    }
}

/// The saved scenario at `path` of the list.
fn saved_from_json(v: &Json, path: &str) -> Result<Saved, String> {
    if !v.is_object() {
        return Err(json::expected(path, "an object", v));
    }
    let text = |key: &str| json::string(json::required(v, key, path)?, &format!("{path}.{key}"));
    let time = |key: &str| v.get(key).map_or(Ok(0.0), |t| json::number(t, &format!("{path}.{key}")));
    Ok(Saved {
        id: text("id")?,
        name: text("name")?,
        created: time("created")?,
        updated: time("updated")?,
        scenario: json::scenario_from_json(json::required(v, "scenario", path)?, &format!("{path}.scenario"))?,
    })
}

impl ToJson for Library {
    fn to_json(&self) -> Json {
        Json::Arr(self.items.iter().map(ToJson::to_json).collect())
    }
}

impl FromJson for Library {
    fn from_json(v: &Json) -> Result<Self, String> {
        let list = v.as_array().ok_or_else(|| json::expected("saved scenarios", "an array", v))?;
        let items = list.iter().enumerate().map(|(i, item)| saved_from_json(item, &format!("[{i}]")));
        Ok(Library { items: items.collect::<Result<_, _>>()? })
    }
}

impl Library {
    /// The item with this id.
    pub fn get(&self, id: &str) -> Option<&Saved> {
        self.items.iter().find(|s| s.id == id)
    }

    fn fresh_id(&self, now: f64) -> String {
        let base = format!("s{}", now.max(0.0) as u64);
        let mut id = base.clone();
        let mut n = 1;
        while self.get(&id).is_some() {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    /// `name`, or `name (2)`, `name (3)` … if taken.
    ///
    /// A taken name gets the first free number from 2, counting on from one it
    /// already ends with ("X (2)" taken gives "X (3)", not "X (2) (2)"), the
    /// whole within [`MAX_NAME`] characters. (Char patterns and `get`, not string
    /// patterns and slicing: see `i18n::fill`.)
    pub fn unique_name(&self, name: &str) -> String {
        let taken = |c: &str| self.items.iter().any(|s| s.name == c);
        if !taken(name) {
            return name.to_string();
        }
        // Only a number this list gave ("X (2)" beside a taken "X"): a year
        // ("Plan (2030)") is part of a name.
        let numbered = name.strip_suffix(')').and_then(|r| {
            let open = r.rfind('(')?;
            let digits = r.get(open + 1..)?;
            let n: u32 =
                digits.parse().ok().filter(|n| (2..1000).contains(n) && digits.bytes().all(|b| b.is_ascii_digit()))?;
            let base = r.get(..open)?.trim_end();
            (!base.is_empty() && taken(base)).then_some((base, n + 1))
        });
        let (base, from) = numbered.unwrap_or((name, 2));
        (from..)
            .map(|n| {
                let suffix = format!(" ({n})");
                let keep = MAX_NAME.saturating_sub(suffix.chars().count());
                format!("{}{suffix}", base.chars().take(keep).collect::<String>().trim_end())
            })
            .find(|c| !taken(c))
            .unwrap_or_default()
    }

    /// Save a scenario under a (made unique) name; returns its id.
    pub fn add(&mut self, name: &str, scenario: Scenario, now: f64) -> String {
        let id = self.fresh_id(now);
        let name = self.unique_name(&clean_name(name, "Scenario"));
        self.items.push(Saved { id: id.clone(), name, created: now, updated: now, scenario });
        id
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

    /// Rename; the name is cleaned and made unique among the others.
    pub fn rename(&mut self, id: &str, name: &str, now: f64) -> bool {
        let Some(pos) = self.items.iter().position(|s| s.id == id) else { return false };
        let old = self.items[pos].name.clone();
        let wanted = clean_name(name, &old);
        let others = Library { items: self.items.iter().filter(|s| s.id != id).cloned().collect() };
        let item = &mut self.items[pos];
        item.name = others.unique_name(&wanted);
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
        let text = json::to_string(&l);
        assert!(text.starts_with(
            r#"[{"id":"s1","name":"A \"quoted\" name","created":1.5,"updated":1.5,"scenario":{"sizing":"#
        ));
        assert_eq!(json::from_str::<Library>(&text), Ok(l));
        // Times may be missing; the rest may not.
        let old: Library = json::from_str(r#"[{"id":"a","name":"n","scenario":{}}]"#).unwrap();
        assert_eq!((old.items[0].created, old.items[0].updated), (0.0, 0.0));
        for bad in [r#"[{"name":"n","scenario":{}}]"#, r#"[{"id":"a","name":"n"}]"#, r#"{"id":"a"}"#, r#"[1]"#] {
            assert!(json::from_str::<Library>(bad).is_err(), "{bad}");
        }
        assert_eq!(
            json::from_str::<Library>(
                r#"[{"id":"a","name":"n","scenario":{}},{"id":"b","name":"m","scenario":{"wacc":"x"}}]"#
            ),
            Err("[1].scenario.wacc: expected a number, got the string \"x\"".to_string())
        );
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
