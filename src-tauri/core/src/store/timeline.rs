//! The customer timeline: visits, actions, stage changes, power-map changes and profile saves
//! in one feed, newest first — one UNION ALL of the kinds asked for, each read through its
//! customer index, sorted and paged in SQL.

use rusqlite::params;

use super::customers::load_customer;
use super::{code, Store};
use crate::activity::{TimelineEntry, TimelineKind, TimelinePage, TimelineQuery};
use crate::error::Result;

/// Each kind's rows: kind, at, ref_id, opportunity_id, title, detail, from, to, urgent. An
/// action's `to` is its status, or `overdue` when it is open and due before today (the `clock`
/// CTE) — the status is stored, 已逾期 is computed, and the UI does not know the clock.
fn source(kind: TimelineKind) -> &'static str {
    match kind {
        TimelineKind::Visit => {
            "SELECT 'visit' AS kind, v.visited_on || CASE WHEN v.visited_time <> '' THEN 'T' || v.visited_time ELSE '' END AS at,
                    v.id AS ref_id, v.opportunity_id, v.goal, v.summary, v.method, v.confirmation, v.urgent
             FROM visit v WHERE v.customer_id = ?1"
        }
        TimelineKind::Action => {
            "SELECT 'action', CASE WHEN a.status = 'done' AND a.done_on <> '' THEN a.done_on
                               ELSE coalesce(nullif(a.due_date, ''), substr(a.created_at, 1, 10)) END,
                    a.id, a.opportunity_id, a.what, a.owner, a.due_date,
                    CASE WHEN a.status <> 'done' AND a.due_date <> '' AND a.due_date < (SELECT today FROM clock) THEN 'overdue' ELSE a.status END, 0
             FROM next_action a WHERE a.customer_id = ?1"
        }
        TimelineKind::Stage => {
            "SELECT 'stage', s.recorded_at, s.opportunity_id, s.opportunity_id, o.name, '', coalesce(s.from_stage, ''), s.to_stage, 0
             FROM stage_change s JOIN opportunity o ON o.id = s.opportunity_id WHERE s.customer_id = ?1"
        }
        TimelineKind::PowerMap => {
            "SELECT 'power_map', CASE WHEN h.changed_on = substr(h.recorded_at, 1, 10) THEN h.recorded_at ELSE h.changed_on END,
                    h.contact_id, NULL, h.contact_name, coalesce((SELECT name FROM power_scope WHERE id = h.scope_id), ''), '', h.kind, 0
             FROM power_history h WHERE h.customer_id = ?1"
        }
        TimelineKind::Profile => {
            "SELECT 'profile', u.updated_at, 0, NULL, u.section, '', '', '', 0 FROM section_update u WHERE u.customer_id = ?1"
        }
    }
}

impl Store {
    /// One page of a customer's timeline, newest first, filtered by kind.
    pub fn timeline(&self, customer_id: i64, q: &TimelineQuery) -> Result<TimelinePage> {
        load_customer(&self.conn, customer_id)?;
        let kinds = if q.kinds.is_empty() { TimelineKind::ALL.to_vec() } else { q.kinds.clone() };
        let union = kinds.iter().map(|&k| source(k)).collect::<Vec<_>>().join("\nUNION ALL\n");
        let today = self.clock.today().format("%Y-%m-%d").to_string();
        // Today comes in as ?4 through a CTE, so both statements use it whichever kinds are
        // asked for (SQLite expects every parameter up to the highest number bound). The feed
        // CTE names the columns: a union's names are its first SELECT's, which only the
        // visits' source gives.
        let feed = format!(
            "WITH clock(today) AS (SELECT ?4),
                  feed(kind, at, ref_id, opportunity_id, title, detail, from_value, to_value, urgent) AS ({union})"
        );
        let total = self
            .conn
            .prepare_cached(&format!("{feed} SELECT count(*) FROM feed"))?
            .query_row(params![customer_id, 0, 0, today], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(&format!("{feed} SELECT * FROM feed ORDER BY at DESC, kind, ref_id DESC LIMIT ?2 OFFSET ?3"))?;
        let entries = st
            .query_map(params![customer_id, q.limit.clamp(1, 200), q.offset.max(0), today], |r| {
                Ok(TimelineEntry {
                    kind: code(r.get(0)?, TimelineKind::from_code).unwrap_or(TimelineKind::Profile),
                    at: r.get(1)?,
                    ref_id: r.get(2)?,
                    opportunity_id: r.get(3)?,
                    title: r.get(4)?,
                    detail: r.get(5)?,
                    from: r.get(6)?,
                    to: r.get(7)?,
                    urgent: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(TimelinePage { entries, total })
    }
}
