//! The risk lights from SQLite: one set-based query per rule (see [`crate::risk`] for the
//! rules) over the whole portfolio or a set of customers, rolled up in Rust.

use std::sync::Arc;

use rusqlite::{Connection, Row, ToSql};

use crate::customers::Grade;
use crate::error::Result;
use crate::payments::store::{overdue_installments_sql, overdue_milestones_sql};
use crate::risk::rollup::{Hit, Lights};
use crate::risk::{
    explain, CustomerRisk, OpportunityRisk, PortfolioRisk, RiskLevel, RiskLight, RiskRule, RuleInfo,
    LATE_RECORD_WINDOW_DAYS,
};
use crate::settings::RiskSettings;
use crate::store::code;
use crate::Store;

/// Which customers a query looks at: all live ones, or those listed.
pub(crate) struct Among<'a>(pub Option<&'a [i64]>);

impl Among<'_> {
    /// The SQL condition on `c.id` (the list is bound as `:ids`).
    fn filter(&self) -> &'static str {
        if self.0.is_some() {
            "AND c.id IN (SELECT value FROM json_each(:ids))"
        } else {
            ""
        }
    }
}

/// Runs one rule's query with `:today` (and `:ids`) bound, mapping each row to a hit.
fn query(
    conn: &Connection,
    sql: &str,
    today: &str,
    among: &Among,
    hit: impl Fn(&Row) -> rusqlite::Result<Hit>,
) -> Result<Vec<Hit>> {
    let ids = among.0.map(|ids| serde_json::to_string(ids).expect("ids serialise"));
    let mut args: Vec<(&str, &dyn ToSql)> = Vec::new();
    if sql.contains(":today") {
        args.push((":today", &today));
    }
    if let Some(ids) = &ids {
        args.push((":ids", ids));
    }
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map(args.as_slice(), hit)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn plain(customer_id: i64, rule: RiskRule, level: RiskLevel) -> Hit {
    Hit {
        customer_id,
        opportunity_id: None,
        opportunity_name: String::new(),
        rule,
        level,
        days: None,
        count: 1,
        since: String::new(),
        detail: String::new(),
        limits: None,
        stage: None,
        installment: None,
        amount: None,
        milestone: String::new(),
        months: None,
    }
}

/// Days since `last` as a hit of `rule` (columns: customer, opportunity, name, last, days).
pub(super) fn days_hit(r: &Row, rule: RiskRule, red_from: i64) -> rusqlite::Result<Hit> {
    let days: i64 = r.get(4)?;
    Ok(Hit {
        opportunity_id: r.get(1)?,
        opportunity_name: r.get(2)?,
        days: Some(days),
        since: r.get(3)?,
        level: if days >= red_from { RiskLevel::Red } else { RiskLevel::Yellow },
        ..plain(r.get(0)?, rule, RiskLevel::Red)
    })
}

/// Counted findings (columns: customer, opportunity, name, count, since).
pub(super) fn count_hit(r: &Row, rule: RiskRule, level: RiskLevel) -> rusqlite::Result<Hit> {
    Ok(Hit {
        opportunity_id: r.get(1)?,
        opportunity_name: r.get(2)?,
        count: r.get(3)?,
        since: r.get(4)?,
        ..plain(r.get(0)?, rule, level)
    })
}

/// `… WHERE days >= min` around a query of (customer, opportunity, name, last).
fn older_than(inner: &str, min: i64) -> String {
    // Materialised, so the correlated subqueries behind `last` run once per row (flattened,
    // SQLite would repeat them for `days` and the condition).
    format!(
        "WITH t AS MATERIALIZED ({inner})
         SELECT * FROM (SELECT cid, oid, oname, last, CAST(julianday(:today) - julianday(last) AS INTEGER) AS days FROM t)
         WHERE days >= {min}"
    )
}

const OPEN: &str = "o.stage NOT IN ('won', 'lost')";
const LIVE_OPPORTUNITY: &str = "opportunity o JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL";
const LAST_VISIT: &str = "coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.opportunity_id = o.id), '')";
/// A deal's latest follow-up: any summary of its customer counts for it too — except for a
/// deal marked 需单独跟进, which counts only its own.
fn last_deal_follow_up() -> String {
    format!(
        "CASE WHEN o.own_follow_up_required THEN {LAST_VISIT}
         ELSE coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.customer_id = o.customer_id), '') END"
    )
}

/// The customers whose latest follow-up record (of a visit in the window) was first saved more
/// than 24 hours after the visit, as the quality check's `late_record` measures it: from the
/// visit's time (the end of its day without one) to the first save (`created_at`, UTC, moved to
/// the laptop's wall clock by `offset` seconds), in whole seconds so that 24 hours exactly is on
/// time. An imported record (written elsewhere, at a time not known) is never late. Columns:
/// customer, visit day, days from the visit's day to the day it was written.
fn late_record_sql(offset: i32, filter: &str) -> String {
    let written = format!("datetime(created_at, '{offset:+} seconds')");
    // Each customer's latest record in the window through the (customer, day) index: a seek per
    // customer rather than numbering every recent visit.
    format!(
        "SELECT cid, visited_on, CAST(julianday(date({written})) - julianday(visited_on) AS INTEGER) FROM (
           SELECT c.id AS cid, v.visited_on, v.visited_time, v.created_at, v.imported
           FROM customer c JOIN visit v ON v.id = (
               SELECT l.id FROM visit l WHERE l.customer_id = c.id AND l.visited_on >= date(:today, '-{LATE_RECORD_WINDOW_DAYS} days')
               ORDER BY l.visited_on DESC, l.visited_time DESC, l.id DESC LIMIT 1)
           WHERE c.deleted_at IS NULL {filter})
         WHERE imported = 0 AND CAST(strftime('%s', {written}) AS INTEGER)
               - CAST(strftime('%s', visited_on || ' ' || coalesce(nullif(visited_time, ''), '23:59')) AS INTEGER) > 86400"
    )
}

/// A `YYYY-MM…` text as a month number (year × 12 + month), so months subtract.
fn month_number(expr: &str) -> String {
    format!("(CAST(substr({expr}, 1, 4) AS INTEGER) * 12 + CAST(substr({expr}, 6, 2) AS INTEGER))")
}

/// The customers to review for churn (流失预警, the rule in [`crate::risk`]): those that have
/// bought — a month the trends cache counts as bought (net CNY positive, or a record in another
/// currency), or a won deal — with no open deal, not marked 流失 (the review is done), whose
/// latest purchase month or deal closed (won or lost: it was open until then) is `months` or
/// more months before the clock's. A follow-up record dated on or after the day the rule lit
/// (the first day of the month `months` after that) is the review: it clears the light until
/// `months` after the latest record. Each probe is a seek: the cache's (customer, month) key
/// read backwards, the (customer, stage) and (customer, day) indexes. Columns: customer, the
/// month counted from, the months since.
fn churn_review_sql(months: i64, filter: &str) -> String {
    let now = month_number(":today");
    let (last, visited) = (month_number("last"), month_number("visited"));
    format!(
        "WITH t AS MATERIALIZED (
           SELECT c.id AS cid,
             (SELECT m.month FROM trend_month m WHERE m.customer_id = c.id AND (m.amount > 0 OR m.other_records > 0)
              ORDER BY m.month DESC LIMIT 1) AS bought,
             (SELECT max(o.stage_since) FROM opportunity o WHERE o.customer_id = c.id AND o.stage IN ('won', 'lost')) AS closed,
             EXISTS (SELECT 1 FROM opportunity o WHERE o.customer_id = c.id AND o.stage = 'won') AS won,
             (SELECT max(v.visited_on) FROM visit v WHERE v.customer_id = c.id) AS visited
           FROM customer c
           WHERE c.deleted_at IS NULL AND coalesce(c.lifecycle, '') <> 'lost' {filter}
             AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.customer_id = c.id AND {OPEN})),
         q AS (SELECT cid, max(coalesce(bought, ''), coalesce(substr(closed, 1, 7), '')) AS last, visited
               FROM t WHERE bought IS NOT NULL OR won)
         SELECT cid, last, {now} - {last} AS months FROM q
         WHERE {now} - {last} >= {months}
           AND (visited IS NULL OR visited < date(last || '-01', '+{months} months') OR {now} - {visited} >= {months})"
    )
}

/// Every rule's hits among the customers; `offset` is the laptop's offset from UTC in seconds
/// (the late-record rule reads the first save's wall-clock time).
pub(crate) fn hits(conn: &Connection, today: &str, offset: i32, s: &RiskSettings, among: &Among) -> Result<Vec<Hit>> {
    let f = among.filter();
    let mut out = Vec::new();
    if s.no_follow_up {
        if !s.follow_up_grades.is_empty() {
            let grades: Vec<String> = s.follow_up_grades.iter().map(|g: &Grade| format!("'{}'", g.code())).collect();
            let inner = format!(
                "SELECT c.id AS cid, NULL AS oid, '' AS oname,
                    coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.customer_id = c.id), substr(c.created_at, 1, 10)) AS last
                 FROM customer c WHERE c.deleted_at IS NULL AND c.grade IN ({}) {f}
                   AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.customer_id = c.id AND {OPEN})",
                grades.join(", ")
            );
            let sql = older_than(&inner, s.watch_yellow_days);
            let limits = Some((Some(s.watch_yellow_days), Some(s.watch_red_days)));
            out.extend(query(conn, &sql, today, among, |r| {
                Ok(Hit { limits, ..days_hit(r, RiskRule::NoFollowUp, s.watch_red_days)? })
            })?);
        }
        let inner = format!(
            "SELECT o.customer_id AS cid, o.id AS oid, o.name AS oname, max(o.stage_since, {}) AS last
             FROM {LIVE_OPPORTUNITY} WHERE {OPEN} {f}",
            last_deal_follow_up()
        );
        let sql = older_than(&inner, s.follow_up_yellow_days);
        out.extend(query(conn, &sql, today, among, |r| days_hit(r, RiskRule::NoFollowUp, s.follow_up_red_days))?);
    }
    if s.quote_idle {
        let inner = format!(
            "SELECT o.customer_id AS cid, o.id AS oid, o.name AS oname,
                max(o.stage_since, o.quote_date, {LAST_VISIT},
                    coalesce((SELECT substr(max(a.updated_at), 1, 10) FROM next_action a WHERE a.opportunity_id = o.id), '')) AS last
             FROM {LIVE_OPPORTUNITY} WHERE o.stage = 'quote' {f}"
        );
        let sql = older_than(&inner, s.quote_idle_days);
        out.extend(query(conn, &sql, today, among, |r| days_hit(r, RiskRule::QuoteIdle, s.quote_idle_days))?);
    }
    if s.stuck_in_stage {
        let limit: Vec<String> =
            s.stage_days.by_code().iter().map(|(stage, days)| format!("WHEN '{stage}' THEN {days}")).collect();
        let sql = format!(
            "SELECT * FROM (
               SELECT o.customer_id, o.id, o.name, o.stage_since,
                      CAST(julianday(:today) - julianday(o.stage_since) AS INTEGER) AS days,
                      CASE o.stage {} END AS lim, o.stage
               FROM {LIVE_OPPORTUNITY} WHERE {OPEN} {f})
             WHERE days >= lim",
            limit.join(" ")
        );
        out.extend(query(conn, &sql, today, among, |r| {
            let limit: i64 = r.get(5)?;
            Ok(Hit {
                limits: Some((Some(limit), Some(2 * limit))),
                stage: Some(r.get(6)?),
                ..days_hit(r, RiskRule::StuckInStage, 2 * limit)?
            })
        })?);
    }
    if s.power_map {
        let sql = format!("SELECT c.id FROM customer c WHERE c.deleted_at IS NULL AND c.power_status = 'red' {f}");
        out.extend(query(conn, &sql, today, among, |r| Ok(plain(r.get(0)?, RiskRule::PowerMap, RiskLevel::Red)))?);
        // The deal's own scope, else the account-wide map (scope 0).
        let sql = format!(
            "SELECT o.customer_id, o.id, o.name FROM {LIVE_OPPORTUNITY}
             WHERE {OPEN} {f}
               AND NOT EXISTS (SELECT 1 FROM role_assessment r JOIN contact ct ON ct.id = r.contact_id AND ct.deleted_at IS NULL
                               WHERE r.scope_id = coalesce(o.scope_id, 0) AND r.customer_id = o.customer_id
                                 AND r.buying_role = 'decision_maker' AND r.support >= 0)"
        );
        out.extend(query(conn, &sql, today, among, |r| {
            Ok(Hit {
                opportunity_id: r.get(1)?,
                opportunity_name: r.get(2)?,
                ..plain(r.get(0)?, RiskRule::DecisionMakerMissing, RiskLevel::Red)
            })
        })?);
    }
    if s.overdue_action {
        let sql = format!(
            "SELECT a.customer_id, a.opportunity_id, coalesce(o.name, ''), count(*), min(a.due_date)
             FROM next_action a JOIN customer c ON c.id = a.customer_id AND c.deleted_at IS NULL
             LEFT JOIN opportunity o ON o.id = a.opportunity_id
             WHERE a.status <> 'done' AND a.due_date <> '' AND a.due_date < :today {f}
             GROUP BY a.customer_id, a.opportunity_id"
        );
        out.extend(query(conn, &sql, today, among, |r| count_hit(r, RiskRule::OverdueAction, RiskLevel::Red))?);
    }
    if s.unconfirmed {
        let sql = format!(
            "SELECT v.customer_id, v.opportunity_id, coalesce(o.name, ''), count(*), min(v.visited_on)
             FROM visit v JOIN customer c ON c.id = v.customer_id AND c.deleted_at IS NULL
             LEFT JOIN opportunity o ON o.id = v.opportunity_id
             WHERE v.confirmation <> 'confirmed' AND v.visited_on <= date(:today, '-{} days') {f}
             GROUP BY v.customer_id, v.opportunity_id",
            s.unconfirmed_days
        );
        out.extend(query(conn, &sql, today, among, |r| count_hit(r, RiskRule::Unconfirmed, RiskLevel::Yellow))?);
    }
    if s.late_record {
        out.extend(query(conn, &late_record_sql(offset, f), today, among, |r| {
            Ok(Hit {
                since: r.get(1)?,
                days: Some(r.get(2)?),
                ..plain(r.get(0)?, RiskRule::LateRecord, RiskLevel::Yellow)
            })
        })?);
    }
    if s.signals {
        // The bare `text` comes from the row of min(severity): the most severe signal.
        let sql = format!(
            "SELECT s.customer_id, count(*), min(s.severity), s.text
             FROM trend_signal s JOIN customer c ON c.id = s.customer_id AND c.deleted_at IS NULL
             WHERE s.kind IN ('decline', 'stopped', 'yoy_drop', 'financial') {f}
             GROUP BY s.customer_id"
        );
        out.extend(query(conn, &sql, today, among, |r| {
            Ok(Hit {
                count: r.get(1)?,
                detail: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                ..plain(r.get(0)?, RiskRule::Signal, RiskLevel::Yellow)
            })
        })?);
    }
    if s.overdue_payment {
        let sql = overdue_installments_sql(f, true);
        out.extend(query(conn, &sql, today, among, |r| {
            Ok(Hit {
                count: r.get(5)?,
                installment: Some(r.get(6)?),
                amount: r.get(7)?,
                ..days_hit(r, RiskRule::OverduePayment, s.payment_red_days)?
            })
        })?);
    }
    if s.overdue_milestone {
        let sql = overdue_milestones_sql(f, true);
        out.extend(query(conn, &sql, today, among, |r| {
            Ok(Hit {
                count: r.get(5)?,
                milestone: r.get(6)?,
                level: RiskLevel::Yellow,
                ..days_hit(r, RiskRule::OverdueMilestone, i64::MAX)?
            })
        })?);
    }
    if s.churn_review {
        out.extend(query(conn, &churn_review_sql(s.churn_months, f), today, among, |r| {
            Ok(Hit {
                since: r.get(1)?,
                months: Some(r.get(2)?),
                ..plain(r.get(0)?, RiskRule::ChurnReview, RiskLevel::Yellow)
            })
        })?);
    }
    Ok(out)
}

/// Up to this many customers are evaluated on their own when the cache is out of date: a
/// header, a form, a customer-list page (up to 100 rows). The list opens the app: at 100k
/// customers its first page waited 0.38 s for the whole portfolio's evaluation.
const FEW: usize = 100;

/// The whole portfolio's lights as last evaluated, with what they were evaluated for: the
/// day, this connection's count of changed rows (any write here may change a light) and
/// SQLite's `data_version` (another connection's commit). Kept in the [`Store`].
pub(crate) struct Cached {
    pub(super) key: (String, u64, i64),
    lights: Arc<Lights>,
    /// The dated rules' evaluations of some days (`as_of.rs`, 周会's start and end), for the
    /// same key: a 周会 page whose owners change evaluates nothing again.
    pub(super) dated: Vec<(Option<chrono::NaiveDate>, Arc<super::as_of::Dated>)>,
}

impl Store {
    pub(super) fn risk_key(&self) -> Result<(String, u64, i64)> {
        let version = self.conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((self.today_text(), self.conn.total_changes(), version))
    }

    /// The lights of the given customers (all live ones when `None`): the whole portfolio's
    /// cached lights while nothing has changed; else a few customers (≤ [`FEW`]: a header, a
    /// form, a list page) are evaluated on their own, and more (the kanban, the home page)
    /// by evaluating and caching the whole portfolio. `cache: false` always evaluates `among`
    /// (benchmarks).
    pub(crate) fn lights(&self, among: Option<&[i64]>, cache: bool) -> Result<Arc<Lights>> {
        let settings = self.settings()?.risk;
        // The signal rule reads the trends cache's signals, the churn review its months.
        if settings.signals || settings.churn_review {
            self.refresh_trend_cache()?;
        }
        let key = self.risk_key()?;
        if let Some(hit) =
            self.risk_cache.borrow().as_ref().and_then(|c| c.downcast_ref::<Cached>()).filter(|c| cache && c.key == key)
        {
            return Ok(hit.lights.clone());
        }
        let among = among.filter(|ids| !cache || ids.len() <= FEW);
        let offset = self.clock.offset().local_minus_utc();
        let hits = hits(&self.conn, &self.today_text(), offset, &settings, &Among(among))?;
        let lights = Arc::new(Lights::from_hits(hits, &settings));
        if among.is_none() && cache {
            *self.risk_cache.borrow_mut() = Some(Box::new(Cached { key, lights: lights.clone(), dated: Vec::new() }));
        }
        Ok(lights)
    }

    /// Every customer that is not green and every opportunity with reasons of its own, worst
    /// first (then by name) — the whole portfolio in one pass per rule.
    pub fn portfolio_risk(&self) -> Result<PortfolioRisk> {
        self.risk_of(None, true)
    }

    /// The lights of some customers (the customer list's page, the header), same rules.
    pub fn customer_risks(&self, ids: &[i64]) -> Result<PortfolioRisk> {
        self.risk_of(Some(ids), true)
    }

    /// [`Store::customer_risks`] (or the whole portfolio, `None`) evaluated now, never from
    /// the cache — what the benchmark times.
    pub fn evaluate_risk(&self, among: Option<&[i64]>) -> Result<PortfolioRisk> {
        self.risk_of(among, false)
    }

    fn risk_of(&self, among: Option<&[i64]>, cache: bool) -> Result<PortfolioRisk> {
        let lights = self.lights(among, cache)?;
        // The cached portfolio knows every customer: keep those asked for.
        let mut asked = among.map(<[i64]>::to_vec);
        if let Some(ids) = asked.as_mut() {
            ids.sort_unstable();
        }
        let wanted = |id: &i64| asked.as_ref().is_none_or(|ids| ids.binary_search(id).is_ok());
        let mut customers = self.customer_rows(lights.customer_ids().filter(wanted).collect(), &lights)?;
        customers.sort_by(|a, b| {
            b.risk.level.rank().cmp(&a.risk.level.rank()).then_with(|| a.customer_name.cmp(&b.customer_name))
        });
        let mut owners = self.opportunity_customers(lights.opportunity_ids().collect())?;
        owners.retain(|(_, customer, _)| wanted(customer));
        let mut opportunities: Vec<OpportunityRisk> = owners
            .into_iter()
            .map(|(id, customer_id, open)| OpportunityRisk {
                opportunity_id: id,
                customer_id,
                risk: lights.opportunity(id, customer_id, open),
            })
            .collect();
        opportunities.sort_by(|a, b| {
            b.risk.level.rank().cmp(&a.risk.level.rank()).then(a.opportunity_id.cmp(&b.opportunity_id))
        });
        Ok(PortfolioRisk { evaluated_on: self.today_text(), customers, opportunities })
    }

    /// The customers' names, owners and grades, with their lights.
    pub(crate) fn customer_rows(&self, ids: Vec<i64>, lights: &Lights) -> Result<Vec<CustomerRisk>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, name, owner, grade FROM customer WHERE id IN (SELECT value FROM json_each(?1)) AND deleted_at IS NULL",
        )?;
        let rows = st
            .query_map([serde_json::to_string(&ids).expect("ids serialise")], |r| {
                let id = r.get(0)?;
                Ok(CustomerRisk {
                    customer_id: id,
                    customer_name: r.get(1)?,
                    owner: r.get(2)?,
                    grade: code(r.get(3)?, Grade::from_code),
                    risk: lights.customer(id),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Each opportunity's customer and whether it is still open.
    fn opportunity_customers(&self, ids: Vec<i64>) -> Result<Vec<(i64, i64, bool)>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT id, customer_id, {OPEN} FROM opportunity o WHERE id IN (SELECT value FROM json_each(?1))"
        ))?;
        let rows = st
            .query_map([serde_json::to_string(&ids).expect("ids serialise")], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One customer's light (the customer header).
    pub fn customer_risk(&self, id: i64) -> Result<RiskLight> {
        crate::customers::store::load_customer(&self.conn, id)?;
        Ok(self.lights(Some(&[id]), true)?.customer(id))
    }

    /// One opportunity's light.
    pub fn opportunity_risk(&self, id: i64) -> Result<RiskLight> {
        let o = self.opportunity(id)?;
        Ok(self.lights(Some(&[o.customer_id]), true)?.opportunity(id, o.customer_id, o.fields.stage.is_open()))
    }

    /// The rules as 设置 shows them (on/off and the hover text with the current thresholds).
    pub fn risk_rules(&self) -> Result<Vec<RuleInfo>> {
        let s = self.settings()?.risk;
        Ok(RiskRule::ALL
            .iter()
            .map(|&rule| RuleInfo { rule, enabled: s.enabled(rule), explanation: explain::rule(rule, &s) })
            .collect())
    }
}
