//! What a follow-up record (跟进记录) contributes to the search index (`search/items.rs`): what
//! was said in it — goal, summary, decisions, needs, objections and their handling,
//! commitments, the customer's words, competitor news, risks, opportunities spotted and the
//! next actions. Participants are not indexed: people are found as contacts.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::Result;
use crate::search::items::{self, Item, Part};
use crate::search::{HitKind, MatchField};
use crate::visits::store::{visit_from_row, VISIT_COLUMNS, VISIT_FROM};
use crate::visits::{ActionFields, VisitFields};

fn list(field: MatchField, values: &[String]) -> impl Iterator<Item = Part> + '_ {
    values.iter().map(move |s| Part::new(field, s))
}

/// A record's item. Its title is its date and goal (else the start of its summary), as the
/// trash names it, so titles sort newest first.
pub(crate) fn visit_item(id: i64, customer_id: i64, v: &VisitFields) -> Item {
    let topic: String =
        if v.goal.trim().is_empty() { v.summary.trim().chars().take(24).collect() } else { v.goal.trim().into() };
    let title = [v.date.trim(), topic.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    let mut text = vec![Part::new(MatchField::Goal, &v.goal), Part::new(MatchField::Summary, &v.summary)];
    text.extend(list(MatchField::Decision, &v.decisions));
    text.extend(v.needs.iter().map(|n| Part::new(MatchField::Need, &n.text)));
    for o in &v.objections {
        text.extend([Part::new(MatchField::Objection, &o.text), Part::new(MatchField::Objection, &o.handling)]);
    }
    text.extend(list(MatchField::Commitment, &v.commitments));
    text.extend(list(MatchField::Quote, &v.quotes));
    text.extend(list(MatchField::CompetitorNews, &v.competitor_news));
    text.extend(list(MatchField::Risk, &v.risks));
    text.extend(list(MatchField::Opportunity, &v.opportunities));
    text.extend(v.actions.iter().map(|a| Part::new(MatchField::Action, &a.what)));
    Item { kind: HitKind::Visit, ref_id: id, customer_id, title, subtitle: String::new(), names: Vec::new(), text }
}

/// Indexes a record as just saved (its actions as in `v`).
pub(crate) fn index(conn: &Connection, id: i64, customer_id: i64, v: &VisitFields) -> Result<()> {
    items::put(conn, &visit_item(id, customer_id, v))
}

/// Indexes again the records of live customers that pass `filter` (an SQL condition on `visit
/// v` with one parameter `?1`), with their actions as stored: a record whose action changed on
/// its own, a customer back from the trash or erased from, every record (the back-fill).
pub(crate) fn reindex(conn: &Connection, filter: &str, arg: i64) -> Result<()> {
    let mut actions = conn.prepare_cached(&format!(
        "SELECT a.visit_id, a.what FROM next_action a JOIN visit v ON v.id = a.visit_id
         WHERE {filter} ORDER BY a.visit_id, a.position, a.id"
    ))?;
    let mut by_visit: HashMap<i64, Vec<String>> = HashMap::new();
    for row in actions.query_map([arg], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (visit, what) = row?;
        by_visit.entry(visit).or_default().push(what);
    }
    let mut st = conn.prepare_cached(&format!(
        "SELECT {VISIT_COLUMNS} FROM {VISIT_FROM} WHERE c.deleted_at IS NULL AND ({filter})"
    ))?;
    let mut rows = st.query([arg])?;
    while let Some(r) = rows.next()? {
        let mut v = visit_from_row(r)?;
        for what in by_visit.remove(&v.id).unwrap_or_default() {
            v.fields.actions.push(ActionFields { what, ..Default::default() });
        }
        index(conn, v.id, v.customer_id, &v.fields)?;
    }
    Ok(())
}

/// Indexes again one customer's records.
pub(crate) fn reindex_customer(conn: &Connection, customer_id: i64) -> Result<()> {
    reindex(conn, "v.customer_id = ?1", customer_id)
}

/// Indexes again one record (after one of its actions was edited or deleted on its own).
pub(crate) fn reindex_visit(conn: &Connection, id: i64) -> Result<()> {
    reindex(conn, "v.id = ?1", id)
}

/// Indexes every live record (the back-fill of migration 013).
pub(crate) fn reindex_all(conn: &Connection) -> Result<()> {
    reindex(conn, "?1 = 0", 0)
}
