//! The lights as they stood on an earlier day (周会's new and cleared red lights,
//! docs/weekly.md): the rules whose records carry their dates, evaluated with the clock at the
//! start of that day over the records as they were then.
//!
//! "As they were then" is rebuilt from what is dated: a deal's stage and the day it entered it
//! from the stage history (`stage_change`), only the follow-up records dated before the day, an
//! action that existed then and was not yet done (`done_on`), a summary not yet confirmed
//! (`confirmed_on`). Those rules are 未跟进, 报价停滞, 阶段停滞, 行动逾期 and 记录未确认. The power
//! map's light, 缺少决策者 and the purchase/financial signals keep no history of their own, so
//! this evaluation leaves them out — on both sides of a comparison, so a difference is always
//! a difference of dated facts. Amounts, names and grades are today's.
//!
//! Evaluated at tomorrow's start with today's clock, the same queries give today's lights of
//! those rules (a record cannot be dated after today; src-tauri/core/tests/all/weekly.rs checks
//! it). So "now" — the end of a period still running, 周会's usual case — is not evaluated
//! again: it is the portfolio's lights (kept until the next write) reduced to these rules, with
//! the deals open now.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::{Connection, Row, ToSql};

use super::rollup::{Hit, Lights};
use super::store::Cached;
use super::store::{count_hit, days_hit};
use super::{CustomerRisk, RiskLevel, RiskRule};
use crate::customers::Grade;
use crate::error::Result;
use crate::settings::RiskSettings;
use crate::Store;

/// The rules whose records carry their dates: the ones this evaluation knows.
const DATED_RULES: [RiskRule; 5] =
    [RiskRule::NoFollowUp, RiskRule::QuoteIdle, RiskRule::StuckInStage, RiskRule::OverdueAction, RiskRule::Unconfirmed];

/// The live deals open now, as [`DealAt`] reads them (the forecast at the end of a running
/// period).
const DEALS_NOW: &str = "SELECT o.owner, o.stage, coalesce(o.amount, 0), o.probability
     FROM opportunity o JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
     WHERE o.stage NOT IN ('won', 'lost')";

/// Each live deal that existed before `:cutoff`, with the stage it was in then and the day it
/// entered it (the last stage it entered before that day: `stage_change_day` finds it), the
/// customer's latest follow-up before that day and, for a quote, its latest activity then.
const DEALS_THEN: &str = "WITH deal AS MATERIALIZED (
       SELECT o.id, o.customer_id, o.name, o.quote_date, s.to_stage AS stage, s.changed_on AS since,
              o.owner, o.amount, o.probability, o.stage AS stage_now
       FROM opportunity o JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
       JOIN stage_change s ON s.id = (SELECT s2.id FROM stage_change s2
                                      WHERE s2.opportunity_id = o.id AND s2.changed_on < :cutoff
                                      ORDER BY s2.changed_on DESC, s2.id DESC LIMIT 1))
     SELECT d.customer_id, d.id, d.name, d.stage, d.since,
       coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.customer_id = d.customer_id AND v.visited_on < :cutoff), ''),
       CASE WHEN d.stage = 'quote' THEN max(CASE WHEN d.quote_date < :cutoff THEN d.quote_date ELSE '' END,
         coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.opportunity_id = d.id AND v.visited_on < :cutoff), ''),
         coalesce((SELECT substr(max(a.updated_at), 1, 10) FROM next_action a
                   WHERE a.opportunity_id = d.id AND substr(a.updated_at, 1, 10) < :cutoff), '')) ELSE '' END,
       d.owner, coalesce(d.amount, 0), d.probability, d.stage_now
     FROM deal d WHERE d.stage NOT IN ('won', 'lost')";

/// A deal open on the day, as [`DEALS_THEN`] reads it.
struct DealThen {
    customer_id: i64,
    id: i64,
    name: String,
    stage: String,
    since: String,
    last_follow_up: String,
    quote_activity: String,
    at: DealAt,
}

/// What the forecast of a day weighs of a deal open then (周会's forecast at both ends).
pub(crate) struct DealAt {
    pub owner: String,
    /// The stage it was in then, and the one it is in now (its own probability belongs to
    /// that), as stage codes (the opportunities' `Stage`).
    pub stage: String,
    pub stage_now: String,
    pub amount: f64,
    pub probability: Option<i64>,
}

/// The lights of a day and the deals open then.
pub(crate) struct Dated {
    pub lights: Lights,
    pub deals: Vec<DealAt>,
}

fn query(
    conn: &Connection,
    sql: &str,
    today: &str,
    cutoff: &str,
    hit: impl Fn(&Row) -> rusqlite::Result<Hit>,
) -> Result<Vec<Hit>> {
    let mut st = conn.prepare_cached(sql)?;
    let mut args: Vec<(&str, &dyn ToSql)> = vec![(":cutoff", &cutoff)];
    if st.parameter_index(":today")?.is_some() {
        args.push((":today", &today));
    }
    let rows = st.query_map(args.as_slice(), hit)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Whole days from `from` to `to` (YYYY-MM-DD), as SQLite's julianday difference counts them;
/// `None` for a date that is not one.
fn days_between(from: &str, to: NaiveDate) -> Option<i64> {
    NaiveDate::parse_from_str(from, "%Y-%m-%d").ok().map(|d| (to - d).num_days())
}

/// A days rule's finding on a deal, yellow from `yellow` days, red from `red`.
fn deal_hit(d: &DealThen, rule: RiskRule, last: &str, days: i64, yellow: i64, red: i64) -> Option<Hit> {
    (days >= yellow).then(|| Hit {
        customer_id: d.customer_id,
        opportunity_id: Some(d.id),
        opportunity_name: d.name.clone(),
        rule,
        level: if days >= red { RiskLevel::Red } else { RiskLevel::Yellow },
        days: Some(days),
        count: 1,
        since: last.to_string(),
        detail: String::new(),
        limits: None,
        stage: None,
        installment: None,
        amount: None,
        milestone: String::new(),
        months: None,
    })
}

/// The dated rules' hits with the clock on `today`, over the records dated before `cutoff`,
/// and the deals open then.
fn dated_hits(conn: &Connection, today: NaiveDate, cutoff: &str, s: &RiskSettings) -> Result<(Vec<Hit>, Vec<DealAt>)> {
    let today_text = today.format("%Y-%m-%d").to_string();
    let mut out = Vec::new();
    let deals: Vec<DealThen> = {
        let mut st = conn.prepare_cached(DEALS_THEN)?;
        let rows = st
            .query_map(&[(":cutoff", &cutoff)], |r| {
                Ok(DealThen {
                    customer_id: r.get(0)?,
                    id: r.get(1)?,
                    name: r.get(2)?,
                    stage: r.get(3)?,
                    since: r.get(4)?,
                    last_follow_up: r.get(5)?,
                    quote_activity: r.get(6)?,
                    at: DealAt {
                        owner: r.get(7)?,
                        stage: r.get(3)?,
                        stage_now: r.get(10)?,
                        amount: r.get(8)?,
                        probability: r.get(9)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    let limits: Vec<(&str, i64)> = s.stage_days.by_code().to_vec();
    for d in &deals {
        if s.no_follow_up {
            // The later of the stage's start and the customer's latest follow-up.
            let last = d.since.as_str().max(d.last_follow_up.as_str());
            if let Some(days) = days_between(last, today) {
                out.extend(deal_hit(
                    d,
                    RiskRule::NoFollowUp,
                    last,
                    days,
                    s.follow_up_yellow_days,
                    s.follow_up_red_days,
                ));
            }
        }
        if s.quote_idle && d.stage == "quote" {
            let last = d.since.as_str().max(d.quote_activity.as_str());
            if let Some(days) = days_between(last, today) {
                out.extend(deal_hit(d, RiskRule::QuoteIdle, last, days, s.quote_idle_days, s.quote_idle_days));
            }
        }
        if s.stuck_in_stage {
            let limit = limits.iter().find(|(code, _)| *code == d.stage).map(|(_, days)| *days);
            if let (Some(limit), Some(days)) = (limit, days_between(&d.since, today)) {
                out.extend(deal_hit(d, RiskRule::StuckInStage, &d.since, days, limit, 2 * limit).map(|h| Hit {
                    limits: Some((Some(limit), Some(2 * limit))),
                    stage: Some(d.stage.clone()),
                    ..h
                }));
            }
        }
    }
    if s.no_follow_up && !s.follow_up_grades.is_empty() {
        // Watched customers without a deal open then, from their latest follow-up (else their
        // creation).
        let open: HashSet<i64> = deals.iter().map(|d| d.customer_id).collect();
        let grades: Vec<String> = s.follow_up_grades.iter().map(|g: &Grade| format!("'{}'", g.code())).collect();
        let sql = format!(
            "SELECT c.id, NULL, '',
                coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.customer_id = c.id AND v.visited_on < :cutoff),
                         substr(c.created_at, 1, 10)),
                CAST(julianday(:today) - julianday(coalesce((SELECT max(v.visited_on) FROM visit v
                     WHERE v.customer_id = c.id AND v.visited_on < :cutoff), substr(c.created_at, 1, 10))) AS INTEGER)
             FROM customer c WHERE c.deleted_at IS NULL AND c.grade IN ({}) AND substr(c.created_at, 1, 10) < :cutoff",
            grades.join(", ")
        );
        let limits = Some((Some(s.watch_yellow_days), Some(s.watch_red_days)));
        let watched = query(conn, &sql, &today_text, cutoff, |r| {
            Ok(Hit { limits, ..days_hit(r, RiskRule::NoFollowUp, s.watch_red_days)? })
        })?;
        out.extend(
            watched
                .into_iter()
                .filter(|h| !open.contains(&h.customer_id) && h.days.unwrap_or(0) >= s.watch_yellow_days),
        );
    }
    if s.overdue_action {
        // Open then: not done, or done on or after the day (two parts, each read from its
        // index). Existing then: created before it.
        let sql = "SELECT x.customer_id, x.opportunity_id, coalesce(o.name, ''), count(*), min(x.due_date) FROM (
               SELECT a.customer_id, a.opportunity_id, a.due_date FROM next_action a
               WHERE a.status <> 'done' AND a.due_date <> '' AND a.due_date < :today AND substr(a.created_at, 1, 10) < :cutoff
               UNION ALL
               SELECT a.customer_id, a.opportunity_id, a.due_date FROM next_action a
               WHERE a.status = 'done' AND a.done_on >= :cutoff
                 AND a.due_date <> '' AND a.due_date < :today AND substr(a.created_at, 1, 10) < :cutoff) x
             JOIN customer c ON c.id = x.customer_id AND c.deleted_at IS NULL
             LEFT JOIN opportunity o ON o.id = x.opportunity_id
             GROUP BY x.customer_id, x.opportunity_id";
        out.extend(query(conn, sql, &today_text, cutoff, |r| count_hit(r, RiskRule::OverdueAction, RiskLevel::Red))?);
    }
    if s.unconfirmed {
        let sql = format!(
            "SELECT x.customer_id, x.opportunity_id, coalesce(o.name, ''), count(*), min(x.visited_on) FROM (
               SELECT v.customer_id, v.opportunity_id, v.visited_on FROM visit v
               WHERE v.confirmation <> 'confirmed' AND v.visited_on <= date(:today, '-{days} days') AND v.visited_on < :cutoff
               UNION ALL
               SELECT v.customer_id, v.opportunity_id, v.visited_on FROM visit v
               WHERE v.confirmation = 'confirmed' AND v.confirmed_on >= :cutoff
                 AND v.visited_on <= date(:today, '-{days} days') AND v.visited_on < :cutoff) x
             JOIN customer c ON c.id = x.customer_id AND c.deleted_at IS NULL
             LEFT JOIN opportunity o ON o.id = x.opportunity_id
             GROUP BY x.customer_id, x.opportunity_id",
            days = s.unconfirmed_days
        );
        out.extend(query(conn, &sql, &today_text, cutoff, |r| count_hit(r, RiskRule::Unconfirmed, RiskLevel::Yellow))?);
    }
    Ok((out, deals.into_iter().map(|d| d.at).collect()))
}

impl Store {
    /// The dated rules' lights at the start of `day` (the records dated before it, the clock
    /// on it), with the deals open then; `None`: now — the portfolio's lights of those rules
    /// (see the module's note). Kept with the portfolio's cached lights until the next write.
    pub(crate) fn dated_lights(&self, day: Option<NaiveDate>) -> Result<Arc<Dated>> {
        let key = self.risk_key()?;
        let cached = |c: &Cached| c.key == key;
        if let Some(hit) =
            self.risk_cache.borrow().as_ref().and_then(|c| c.downcast_ref::<Cached>()).filter(|c| cached(c))
        {
            if let Some((_, dated)) = hit.dated.iter().find(|(d, _)| *d == day) {
                return Ok(dated.clone());
            }
        }
        let dated = Arc::new(match day {
            Some(_) => self.evaluate_dated(day)?,
            None => Dated { lights: self.lights(None, true)?.only(&DATED_RULES), deals: self.deals_now()? },
        });
        if let Some(c) =
            self.risk_cache.borrow_mut().as_mut().and_then(|c| c.downcast_mut::<Cached>()).filter(|c| cached(c))
        {
            // A few days at most: a page's start and end, the last periods looked at.
            if c.dated.len() >= 8 {
                c.dated.remove(0);
            }
            c.dated.push((day, dated.clone()));
        }
        Ok(dated)
    }

    /// The dated rules evaluated over the records dated before `day` with the clock on it;
    /// `None`: before tomorrow with today's clock.
    fn evaluate_dated(&self, day: Option<NaiveDate>) -> Result<Dated> {
        let settings = self.settings()?.risk;
        let (clock, cutoff) = match day {
            Some(d) => (d, d.format("%Y-%m-%d").to_string()),
            None => {
                let today = self.clock.today();
                (today, (today + chrono::Duration::days(1)).format("%Y-%m-%d").to_string())
            }
        };
        let (hits, deals) = dated_hits(&self.conn, clock, &cutoff, &settings)?;
        Ok(Dated { lights: Lights::from_hits(hits, &settings), deals })
    }

    fn deals_now(&self) -> Result<Vec<DealAt>> {
        let mut st = self.conn.prepare_cached(DEALS_NOW)?;
        let deals = st
            .query_map([], |r| {
                let stage: String = r.get(1)?;
                Ok(DealAt {
                    owner: r.get(0)?,
                    stage_now: stage.clone(),
                    stage,
                    amount: r.get(2)?,
                    probability: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(deals)
    }

    /// The customers lit by the dated rules evaluated over the records as they stood at the
    /// start of `day` (`None`: at the end of today), with those rules' reasons only — always
    /// through this module's queries, so that a check can hold them against the rules.
    pub fn dated_risk(&self, day: Option<NaiveDate>) -> Result<Vec<CustomerRisk>> {
        let dated = self.evaluate_dated(day)?;
        self.customer_rows(dated.lights.customer_ids().collect(), &dated.lights)
    }
}
