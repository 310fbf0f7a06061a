//! The customer timeline: visits, actions, stage changes, power-map changes, profile saves and
//! 回款与交付 (payments received, delivery milestones) in one feed, newest first — one UNION ALL
//! of the kinds asked for, each read through its customer index, sorted and paged in SQL.

use rusqlite::params;

use crate::activity::{TimelineEntry, TimelineKind, TimelinePage, TimelineQuery};
use crate::customers::store::load_customer;
use crate::customers::validate;
use crate::error::Result;
use crate::store::code;
use crate::visits::store::codes;
use crate::visits::{Progress, SalesAction};
use crate::Store;

/// A stored UTC timestamp (`…Z`) as the laptop's wall-clock time, `YYYY-MM-DDTHH:MM:SS`: the
/// form visit times are typed in, so the feed sorts one kind of time. The offset is the clock's
/// (the `clock` CTE's `tz`, e.g. `+28800 seconds`): a change made in summer and read in winter
/// may sort an hour off where daylight saving applies (not in 中国).
macro_rules! local {
    ($utc:expr) => {
        concat!("strftime('%Y-%m-%dT%H:%M:%S', ", $utc, ", (SELECT tz FROM clock))")
    };
}

/// Each kind's rows: kind, at, sort_at, ref_id, opportunity_id, title, detail, from, to,
/// urgent, progress, sales_actions (a record's progress code and its JSON list of sales-action
/// codes; NULL and `[]` for the other kinds), amount (a payment's; NULL for the others). `at` is what the UI shows (a recorded change keeps its UTC stamp, converted for
/// display there); `sort_at` is the local time the feed is ordered by. An action's `to` is its
/// status, or `overdue` when it is open and due before today (the `clock` CTE) — the status is
/// stored, 已逾期 is computed, and the UI does not know the clock.
fn source(kind: TimelineKind) -> &'static str {
    match kind {
        TimelineKind::Visit => {
            "SELECT 'visit' AS kind, v.visited_on || CASE WHEN v.visited_time <> '' THEN 'T' || v.visited_time ELSE '' END AS at,
                    v.visited_on || CASE WHEN v.visited_time <> '' THEN 'T' || v.visited_time ELSE '' END,
                    v.id AS ref_id, v.opportunity_id, v.goal, v.summary, v.method, v.confirmation, v.urgent,
                    v.progress, v.sales_actions, NULL
             FROM visit v WHERE v.customer_id = ?1"
        }
        // An action sits on the day it was done, else its due date, else the local day it was
        // written down.
        TimelineKind::Action => concat!(
            "SELECT 'action', a.day, a.day, a.id, a.opportunity_id, a.what, a.owner, a.due_date,
                    CASE WHEN a.status <> 'done' AND a.due_date <> '' AND a.due_date < (SELECT today FROM clock) THEN 'overdue' ELSE a.status END, 0, NULL, '[]', NULL
             FROM (SELECT *, CASE WHEN status = 'done' AND done_on <> '' THEN done_on
                                  ELSE coalesce(nullif(due_date, ''), substr(",
            local!("created_at"),
            ", 1, 10)) END AS day
                   FROM next_action WHERE customer_id = ?1) a"
        ),
        TimelineKind::Stage => concat!(
            "SELECT 'stage', s.recorded_at, ",
            local!("s.recorded_at"),
            ", s.opportunity_id, s.opportunity_id, o.name, '', coalesce(s.from_stage, ''), s.to_stage, 0, NULL, '[]', NULL
             FROM stage_change s JOIN opportunity o ON o.id = s.opportunity_id WHERE s.customer_id = ?1"
        ),
        // A change dated the day it was recorded keeps its time; one dated back (the user said
        // when it really happened) sits on that day.
        TimelineKind::PowerMap => concat!(
            "SELECT 'power_map', CASE WHEN h.changed_on = substr(h.local_at, 1, 10) THEN h.recorded_at ELSE h.changed_on END,
                    CASE WHEN h.changed_on = substr(h.local_at, 1, 10) THEN h.local_at ELSE h.changed_on END,
                    h.contact_id, NULL, h.contact_name, coalesce((SELECT name FROM power_scope WHERE id = h.scope_id), ''), '', h.kind, 0, NULL, '[]', NULL
             FROM (SELECT *, ",
            local!("recorded_at"),
            " AS local_at FROM power_history WHERE customer_id = ?1) h"
        ),
        // A section saved, and the lifecycle changed (title `lifecycle`, detail the cause, from
        // and to the lifecycle codes, the change's id as ref_id so that changes recorded in one
        // instant keep their order; customers/lifecycle.rs).
        TimelineKind::Profile => concat!(
            "SELECT 'profile', u.updated_at, ",
            local!("u.updated_at"),
            ", 0, NULL, u.section, '', '', '', 0, NULL, '[]', NULL FROM section_update u WHERE u.customer_id = ?1
             UNION ALL
             SELECT 'profile', l.recorded_at, ",
            local!("l.recorded_at"),
            ", l.id, l.opportunity_id, 'lifecycle', l.cause, coalesce(l.from_lifecycle, ''), coalesce(l.to_lifecycle, ''), 0, NULL, '[]', NULL
             FROM lifecycle_change l WHERE l.customer_id = ?1"
        ),
        // A payment on the day received; a milestone on its actual day once done, else on its
        // planned day (one with neither is not on the feed), `overdue` when planned before today.
        TimelineKind::AfterSale => {
            "SELECT 'after_sale', p.received_on, p.received_on, p.id, p.opportunity_id, o.name, p.note, 'payment', '', 0,
                    NULL, '[]', p.amount
             FROM payment p JOIN opportunity o ON o.id = p.opportunity_id WHERE p.customer_id = ?1
             UNION ALL
             SELECT 'after_sale', m.day, m.day, m.id, m.opportunity_id, o.name, m.name, 'milestone',
                    CASE WHEN m.status <> 'done' AND m.planned_date < (SELECT today FROM clock) THEN 'overdue' ELSE m.status END,
                    0, NULL, '[]', NULL
             FROM (SELECT *, CASE WHEN status = 'done' AND actual_date <> '' THEN actual_date ELSE planned_date END AS day
                   FROM milestone WHERE customer_id = ?1) m JOIN opportunity o ON o.id = m.opportunity_id
             WHERE m.day <> ''"
        }
    }
}

impl Store {
    /// One page of a customer's timeline, newest first, filtered by kind.
    pub fn timeline(&self, customer_id: i64, q: &TimelineQuery) -> Result<TimelinePage> {
        load_customer(&self.conn, customer_id)?;
        validate::full_date("from", &q.from)?;
        validate::full_date("to", &q.to)?;
        let kinds = if q.kinds.is_empty() { TimelineKind::ALL.to_vec() } else { q.kinds.clone() };
        let union = kinds.iter().map(|&k| source(k)).collect::<Vec<_>>().join("\nUNION ALL\n");
        let today = self.clock.today().format("%Y-%m-%d").to_string();
        let tz = format!("{:+} seconds", self.clock.offset().local_minus_utc());
        // Today, the offset and the day range come in as ?4–?7 through a CTE, so both
        // statements use them whichever kinds are asked for (SQLite expects every parameter up
        // to the highest number bound). The feed CTE names the columns: a union's names are
        // its first SELECT's, which only the visits' source gives. The range is on the local
        // day each entry is shown under (`sort_at`'s date).
        let feed = format!(
            "WITH clock(today, tz, from_day, to_day) AS (SELECT ?4, ?5, ?6, ?7),
                  feed(kind, at, sort_at, ref_id, opportunity_id, title, detail, from_value, to_value, urgent, progress,
                       sales_actions, amount) AS ({union}),
                  shown AS (SELECT * FROM feed, clock
                            WHERE (from_day = '' OR substr(sort_at, 1, 10) >= from_day)
                              AND (to_day = '' OR substr(sort_at, 1, 10) <= to_day))"
        );
        let (from, to) = (q.from.trim(), q.to.trim());
        let total = self
            .conn
            .prepare_cached(&format!("{feed} SELECT count(*) FROM shown"))?
            .query_row(params![customer_id, 0, 0, today, tz, from, to], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(&format!(
            "{feed} SELECT kind, at, sort_at, ref_id, opportunity_id, title, detail, from_value, to_value, urgent,
                    progress, sales_actions, amount
             FROM shown ORDER BY sort_at DESC, kind, ref_id DESC LIMIT ?2 OFFSET ?3"
        ))?;
        let entries = st
            .query_map(params![customer_id, q.limit.clamp(1, 200), q.offset.max(0), today, tz, from, to], |r| {
                Ok(TimelineEntry {
                    kind: code(r.get(0)?, TimelineKind::from_code).unwrap_or(TimelineKind::Profile),
                    at: r.get(1)?,
                    ref_id: r.get(3)?,
                    opportunity_id: r.get(4)?,
                    title: r.get(5)?,
                    detail: r.get(6)?,
                    from: r.get(7)?,
                    to: r.get(8)?,
                    urgent: r.get(9)?,
                    progress: code(r.get(10)?, Progress::from_code),
                    sales_actions: codes(r, 11, SalesAction::from_code)?,
                    amount: r.get(12)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(TimelinePage { entries, total })
    }
}
