//! The lights as they stood on an earlier day (周会's new and cleared red lights,
//! docs/weekly.md): the rules whose records carry their dates, evaluated with the clock at the
//! start of that day over the records as they were then.
//!
//! "As they were then" is rebuilt from what is dated: a deal's stage and the day it entered it
//! from the stage history (`stage_change`), only the follow-up records dated before the day, an
//! action that existed then and was not yet done (`done_on`), a summary not yet confirmed
//! (`confirmed_on`). Those rules are 未跟进, 报价停滞, 阶段停滞, 行动逾期 and 总结未确认. The power
//! map's light, 缺少决策者 and the purchase/financial signals keep no history of their own, so
//! this evaluation leaves them out — on both sides of a comparison, so a difference is always
//! a difference of dated facts. Amounts, names and grades are today's.
//!
//! Evaluated at tomorrow's start with today's clock, the same queries give today's lights of
//! those rules (a record cannot be dated after today), so a comparison of two days runs the
//! same SQL twice.

use rusqlite::{Connection, Row, ToSql};

use super::rollup::{Hit, Lights};
use super::store::{count_hit, days_hit};
use super::{RiskLevel, RiskRule};
use crate::customers::Grade;
use crate::error::Result;
use crate::settings::RiskSettings;
use crate::Store;

/// Each live deal that existed before `:cutoff` with the stage it was in then and the day it
/// entered it (`deal`).
const DEALS_THEN: &str = "stage_then AS MATERIALIZED (
       SELECT opportunity_id AS oid, to_stage AS stage, changed_on AS since FROM (
         SELECT s.opportunity_id, s.to_stage, s.changed_on,
                row_number() OVER (PARTITION BY s.opportunity_id ORDER BY s.changed_on DESC, s.id DESC) AS rn
         FROM stage_change s WHERE s.changed_on < :cutoff)
       WHERE rn = 1),
     deal AS MATERIALIZED (
       SELECT o.id, o.customer_id, o.name, o.quote_date, t.stage, t.since
       FROM stage_then t JOIN opportunity o ON o.id = t.oid
            JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL)";

const OPEN_THEN: &str = "d.stage NOT IN ('won', 'lost')";

/// `WITH deals…, t AS (inner) … WHERE days >= min` around a query of (cid, oid, oname, last).
fn older_than(inner: &str, min: i64) -> String {
    format!(
        "WITH {DEALS_THEN}, t AS MATERIALIZED ({inner})
         SELECT * FROM (SELECT cid, oid, oname, last, CAST(julianday(:today) - julianday(last) AS INTEGER) AS days FROM t)
         WHERE days >= {min}"
    )
}

fn query(
    conn: &Connection,
    sql: &str,
    today: &str,
    cutoff: &str,
    hit: impl Fn(&Row) -> rusqlite::Result<Hit>,
) -> Result<Vec<Hit>> {
    let mut args: Vec<(&str, &dyn ToSql)> = vec![(":cutoff", &cutoff)];
    if sql.contains(":today") {
        args.push((":today", &today));
    }
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map(args.as_slice(), hit)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The dated rules' hits with the clock on `today`, over the records dated before `cutoff`.
fn dated_hits(conn: &Connection, today: &str, cutoff: &str, s: &RiskSettings) -> Result<Vec<Hit>> {
    let last_visit = "coalesce((SELECT max(v.visited_on) FROM visit v
                                 WHERE v.customer_id = d.customer_id AND v.visited_on < :cutoff), '')";
    let mut out = Vec::new();
    if s.no_follow_up {
        if !s.follow_up_grades.is_empty() {
            let grades: Vec<String> = s.follow_up_grades.iter().map(|g: &Grade| format!("'{}'", g.code())).collect();
            let inner = format!(
                "SELECT c.id AS cid, NULL AS oid, '' AS oname,
                    coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.customer_id = c.id AND v.visited_on < :cutoff),
                             substr(c.created_at, 1, 10)) AS last
                 FROM customer c WHERE c.deleted_at IS NULL AND c.grade IN ({}) AND substr(c.created_at, 1, 10) < :cutoff
                   AND NOT EXISTS (SELECT 1 FROM deal d WHERE d.customer_id = c.id AND {OPEN_THEN})",
                grades.join(", ")
            );
            let limits = Some((Some(s.watch_yellow_days), Some(s.watch_red_days)));
            out.extend(query(conn, &older_than(&inner, s.watch_yellow_days), today, cutoff, |r| {
                Ok(Hit { limits, ..days_hit(r, RiskRule::NoFollowUp, s.watch_red_days)? })
            })?);
        }
        let inner = format!(
            "SELECT d.customer_id AS cid, d.id AS oid, d.name AS oname, max(d.since, {last_visit}) AS last
             FROM deal d WHERE {OPEN_THEN}"
        );
        out.extend(query(conn, &older_than(&inner, s.follow_up_yellow_days), today, cutoff, |r| {
            days_hit(r, RiskRule::NoFollowUp, s.follow_up_red_days)
        })?);
    }
    if s.quote_idle {
        let inner = "SELECT d.customer_id AS cid, d.id AS oid, d.name AS oname,
                max(d.since, CASE WHEN d.quote_date < :cutoff THEN d.quote_date ELSE '' END,
                    coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.opportunity_id = d.id AND v.visited_on < :cutoff), ''),
                    coalesce((SELECT substr(max(a.updated_at), 1, 10) FROM next_action a
                              WHERE a.opportunity_id = d.id AND substr(a.updated_at, 1, 10) < :cutoff), '')) AS last
             FROM deal d WHERE d.stage = 'quote'";
        out.extend(query(conn, &older_than(inner, s.quote_idle_days), today, cutoff, |r| {
            days_hit(r, RiskRule::QuoteIdle, s.quote_idle_days)
        })?);
    }
    if s.stuck_in_stage {
        let limit: Vec<String> =
            s.stage_days.by_code().iter().map(|(stage, days)| format!("WHEN '{stage}' THEN {days}")).collect();
        let sql = format!(
            "WITH {DEALS_THEN}
             SELECT * FROM (
               SELECT d.customer_id, d.id, d.name, d.since,
                      CAST(julianday(:today) - julianday(d.since) AS INTEGER) AS days,
                      CASE d.stage {} END AS lim, d.stage
               FROM deal d WHERE {OPEN_THEN})
             WHERE days >= lim",
            limit.join(" ")
        );
        out.extend(query(conn, &sql, today, cutoff, |r| {
            let limit: i64 = r.get(5)?;
            Ok(Hit {
                limits: Some((Some(limit), Some(2 * limit))),
                stage: Some(r.get(6)?),
                ..days_hit(r, RiskRule::StuckInStage, 2 * limit)?
            })
        })?);
    }
    if s.overdue_action {
        // Open then: not done, or done on or after the day. Existing then: created before it.
        let sql = "SELECT a.customer_id, a.opportunity_id, coalesce(o.name, ''), count(*), min(a.due_date)
             FROM next_action a JOIN customer c ON c.id = a.customer_id AND c.deleted_at IS NULL
             LEFT JOIN opportunity o ON o.id = a.opportunity_id
             WHERE a.due_date <> '' AND a.due_date < :today AND substr(a.created_at, 1, 10) < :cutoff
               AND (a.status <> 'done' OR a.done_on >= :cutoff)
             GROUP BY a.customer_id, a.opportunity_id";
        out.extend(query(conn, sql, today, cutoff, |r| count_hit(r, RiskRule::OverdueAction, RiskLevel::Red))?);
    }
    if s.unconfirmed {
        let sql = format!(
            "SELECT v.customer_id, v.opportunity_id, coalesce(o.name, ''), count(*), min(v.visited_on)
             FROM visit v JOIN customer c ON c.id = v.customer_id AND c.deleted_at IS NULL
             LEFT JOIN opportunity o ON o.id = v.opportunity_id
             WHERE v.visited_on <= date(:today, '-{} days') AND v.visited_on < :cutoff
               AND (v.confirmation <> 'confirmed' OR v.confirmed_on >= :cutoff)
             GROUP BY v.customer_id, v.opportunity_id",
            s.unconfirmed_days
        );
        out.extend(query(conn, &sql, today, cutoff, |r| count_hit(r, RiskRule::Unconfirmed, RiskLevel::Yellow))?);
    }
    Ok(out)
}

impl Store {
    /// The dated rules' lights at the start of `day` (the records dated before it, the clock
    /// on it); `None`: today's, at the end of today. See the module's note for what is left out.
    pub(crate) fn dated_lights(&self, day: Option<&str>) -> Result<Lights> {
        let settings = self.settings()?.risk;
        let today = self.today_text();
        let (clock, cutoff) = match day {
            Some(d) => (d.to_string(), d.to_string()),
            None => {
                let tomorrow = self.clock.today() + chrono::Duration::days(1);
                (today, tomorrow.format("%Y-%m-%d").to_string())
            }
        };
        let hits = dated_hits(&self.conn, &clock, &cutoff, &settings)?;
        Ok(Lights::from_hits(hits, &settings))
    }
}
