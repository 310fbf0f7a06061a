//! One scope's map as plain data (what the store loads), and its history: the map as of a
//! past date and the difference between two maps. Pure functions.
//!
//! *As of a date* means at the end of that day. The store keeps today's map plus, for every
//! change, the values before and after; the past map is today's with the changes made after
//! the date undone, newest first. A contact is on the past map when they had been created
//! (or something about them had been recorded) by then and were not deleted yet. Required
//! slots, names, titles and key-person flags have no history: the past map shows today's.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::de::DeserializeOwned;

use super::model::{Assessment, AssessmentDiff, ContactRef, EdgeSnapshot, HistoryChange, HistoryEntry, MapDiff};
use crate::customers::EdgeKind;
use crate::customers::MapStatus;

/// A contact as the map needs them.
#[derive(Clone, Debug, PartialEq)]
pub struct StateContact {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub department: String,
    pub is_key_person: bool,
    pub reports_to: Option<i64>,
    /// The day they first appear on the map (created, or the earliest history about them).
    pub since: String,
    /// The day they were deleted (still in the trash).
    pub deleted_on: Option<String>,
}

/// A stored influence or conflict edge.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEdge {
    pub id: i64,
    pub scope_id: Option<i64>,
    pub kind: EdgeKind,
    pub from: i64,
    pub to: i64,
    pub label: String,
}

/// One scope's map: its contacts, this scope's assessments, the edges it shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapState {
    pub contacts: Vec<StateContact>,
    pub assessments: BTreeMap<i64, Assessment>,
    pub edges: Vec<StoredEdge>,
}

/// The kinds of history rows (`power_history.kind`).
pub const ASSESSMENT: &str = "assessment";
pub const REPORTS_TO: &str = "reports_to";
pub const EDGE: &str = "edge";

/// A stored history row.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryRow {
    pub id: i64,
    pub scope_id: Option<i64>,
    pub kind: String,
    pub contact_id: i64,
    pub contact_name: String,
    pub edge_id: Option<i64>,
    pub changed_on: String,
    pub recorded_at: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Whether a history row belongs to the map of `scope`: its assessments, and the reports-to
/// and edge changes the map shows (its own and the account-wide ones).
pub fn in_scope(r: &HistoryRow, scope: Option<i64>) -> bool {
    r.scope_id == scope || (r.scope_id.is_none() && r.kind != ASSESSMENT)
}

fn parse<T: DeserializeOwned>(json: &Option<String>) -> Option<T> {
    json.as_deref().and_then(|j| serde_json::from_str(j).ok())
}

impl StoredEdge {
    fn from_snapshot(s: &EdgeSnapshot) -> Option<StoredEdge> {
        Some(StoredEdge {
            id: s.id?,
            scope_id: s.scope_id,
            kind: s.kind,
            from: s.from.id,
            to: s.to.id,
            label: s.label.clone(),
        })
    }
}

impl MapState {
    pub fn contact(&self, id: i64) -> Option<&StateContact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    fn name(&self, id: i64) -> String {
        self.contact(id).map(|c| c.name.clone()).unwrap_or_default()
    }

    pub fn contact_ref(&self, id: i64) -> ContactRef {
        ContactRef { id, name: self.name(id) }
    }

    /// The map of `scope` as it was at the end of `date`. `rows` is the customer's whole
    /// history (any order): the rows of the scope's map after `date` are undone newest
    /// first; any row tells that its contact was known by its date.
    pub fn as_of(&self, rows: &[HistoryRow], scope: Option<i64>, date: &str) -> MapState {
        let mut past = self.clone();
        let mut later: Vec<&HistoryRow> =
            rows.iter().filter(|r| in_scope(r, scope) && r.changed_on.as_str() > date).collect();
        later.sort_by_key(|r| std::cmp::Reverse(r.id));
        for r in later {
            match r.kind.as_str() {
                ASSESSMENT => match parse::<Assessment>(&r.old) {
                    Some(a) => {
                        past.assessments.insert(r.contact_id, Assessment { contact_id: r.contact_id, ..a });
                    }
                    None => {
                        past.assessments.remove(&r.contact_id);
                    }
                },
                REPORTS_TO => {
                    let old = parse::<ContactRef>(&r.old).map(|c| c.id);
                    if let Some(c) = past.contacts.iter_mut().find(|c| c.id == r.contact_id) {
                        c.reports_to = old;
                    }
                }
                EDGE => {
                    past.edges.retain(|e| Some(e.id) != r.edge_id);
                    if let Some(e) = parse::<EdgeSnapshot>(&r.old).as_ref().and_then(StoredEdge::from_snapshot) {
                        past.edges.push(e);
                    }
                }
                _ => {}
            }
        }
        past.edges.sort_by_key(|e| e.id);
        // Who was there: created (or first recorded) by then and not deleted yet.
        let mut first_seen: HashMap<i64, &str> = HashMap::new();
        for r in rows {
            let at = first_seen.entry(r.contact_id).or_insert(r.changed_on.as_str());
            if r.changed_on.as_str() < *at {
                *at = r.changed_on.as_str();
            }
        }
        past.contacts.retain(|c| {
            let since = first_seen.get(&c.id).map_or(c.since.as_str(), |h| h.min(&c.since.as_str()));
            since <= date && c.deleted_on.as_deref().is_none_or(|d| d > date)
        });
        past.keep_present();
        past
    }

    /// Drops what refers to contacts not on the map.
    pub fn keep_present(&mut self) {
        let here: HashSet<i64> = self.contacts.iter().map(|c| c.id).collect();
        self.assessments.retain(|id, _| here.contains(id));
        self.edges.retain(|e| here.contains(&e.from) && here.contains(&e.to));
        for c in self.contacts.iter_mut() {
            if c.reports_to.is_some_and(|b| !here.contains(&b)) {
                c.reports_to = None;
            }
        }
    }

    /// Every edge of the map with named endpoints: reports-to first, then the stored ones.
    pub fn edge_snapshots(&self) -> Vec<EdgeSnapshot> {
        let mut out: Vec<EdgeSnapshot> = self
            .contacts
            .iter()
            .filter_map(|c| {
                let boss = c.reports_to?;
                Some(EdgeSnapshot {
                    id: None,
                    kind: EdgeKind::ReportsTo,
                    from: self.contact_ref(c.id),
                    to: self.contact_ref(boss),
                    label: String::new(),
                    scope_id: None,
                })
            })
            .collect();
        out.extend(self.edges.iter().map(|e| EdgeSnapshot {
            id: Some(e.id),
            kind: e.kind,
            from: self.contact_ref(e.from),
            to: self.contact_ref(e.to),
            label: e.label.clone(),
            scope_id: e.scope_id,
        }));
        out
    }
}

/// The fields (camelCase) in which two assessments differ; every field when one is absent.
pub fn changed_fields(old: Option<&Assessment>, new: Option<&Assessment>) -> Vec<String> {
    let blank = Assessment::default();
    let (o, n) = (old.unwrap_or(&blank), new.unwrap_or(&blank));
    let mut out = Vec::new();
    let mut check = |name: &str, differs: bool| {
        if differs {
            out.push(name.to_string());
        }
    };
    check("buyingRole", o.buying_role != n.buying_role);
    check("support", o.support != n.support);
    check("influence", o.influence != n.influence);
    check("coverage", o.coverage != n.coverage);
    check("coveredBy", o.covered_by != n.covered_by);
    check("evidence", o.evidence != n.evidence);
    check("assessedOn", o.assessed_on != n.assessed_on);
    out
}

/// A history row as the timeline shows it; `names` holds today's names of live contacts.
pub fn entry(r: &HistoryRow, names: &HashMap<i64, String>) -> HistoryEntry {
    let change = match r.kind.as_str() {
        REPORTS_TO => HistoryChange::ReportsTo { old: parse(&r.old), new: parse(&r.new) },
        EDGE => HistoryChange::Edge { old: parse(&r.old), new: parse(&r.new) },
        _ => {
            let (old, new): (Option<Assessment>, Option<Assessment>) = (parse(&r.old), parse(&r.new));
            let fields = changed_fields(old.as_ref(), new.as_ref());
            HistoryChange::Assessment { old, new, fields }
        }
    };
    HistoryEntry {
        id: r.id,
        changed_on: r.changed_on.clone(),
        recorded_at: r.recorded_at.clone(),
        scope_id: r.scope_id,
        contact: ContactRef {
            id: r.contact_id,
            name: names.get(&r.contact_id).cloned().unwrap_or_else(|| r.contact_name.clone()),
        },
        change,
    }
}

/// What differs between the map `then` (as of `date`) and `now`.
pub fn diff(date: &str, then: &MapState, now: &MapState, status_then: MapStatus, status_now: MapStatus) -> MapDiff {
    let ids = |s: &MapState| s.contacts.iter().map(|c| c.id).collect::<HashSet<i64>>();
    let (before, after) = (ids(then), ids(now));
    let new_contacts = now.contacts.iter().filter(|c| !before.contains(&c.id)).map(|c| now.contact_ref(c.id)).collect();
    let removed_contacts =
        then.contacts.iter().filter(|c| !after.contains(&c.id)).map(|c| then.contact_ref(c.id)).collect();
    let changed = now
        .contacts
        .iter()
        .filter(|c| before.contains(&c.id))
        .filter_map(|c| {
            let (a, b) = (then.assessments.get(&c.id), now.assessments.get(&c.id));
            let fields = changed_fields(a, b);
            (a != b && !fields.is_empty()).then(|| AssessmentDiff {
                contact: now.contact_ref(c.id),
                then: a.cloned(),
                now: b.cloned(),
                fields,
            })
        })
        .collect();
    let key = |e: &EdgeSnapshot| {
        let (a, b) = if e.kind == EdgeKind::Conflicts && e.from.id > e.to.id {
            (e.to.id, e.from.id)
        } else {
            (e.from.id, e.to.id)
        };
        (e.kind, a, b, e.scope_id)
    };
    let (old_edges, new_edges) = (then.edge_snapshots(), now.edge_snapshots());
    let old_keys: HashSet<_> = old_edges.iter().map(key).collect();
    let new_keys: HashSet<_> = new_edges.iter().map(key).collect();
    MapDiff {
        as_of: date.to_string(),
        new_contacts,
        removed_contacts,
        changed,
        added_edges: new_edges.iter().filter(|e| !old_keys.contains(&key(e))).cloned().collect(),
        removed_edges: old_edges.iter().filter(|e| !new_keys.contains(&key(e))).cloned().collect(),
        status_then,
        status_now,
    }
}
