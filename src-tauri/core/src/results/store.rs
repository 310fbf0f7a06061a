//! 业绩 in SQLite: the targets (saved per month or quarter, all of one period together), the
//! four metrics' actuals by owner and month (one grouped query each), the open deals of the
//! forecast and the deals that stalled.

use std::collections::HashMap;

use rusqlite::params;

use super::months::{Stored, TargetPeriod};
use super::{Metric, StalledDeal, Target, TargetSheet, TargetsInput};
use crate::error::{CoreError, Reason, Result};
use crate::opportunities::store::{opportunity_from_row, OPPORTUNITY_COLUMNS};
use crate::opportunities::{Opportunity, Stage};
use crate::store::code;
use crate::weekly::Scope;
use crate::Store;

/// Every stored target, by owner and metric.
pub(crate) type AllTargets = HashMap<(String, Metric), Stored>;

/// The actuals: (owner, metric, `YYYY-MM`) → the sum or count.
pub(crate) type Actuals = HashMap<(String, Metric, String), f64>;

/// Per metric: the owner, the day and the value of each of the period's rows of live customers,
/// in owner order where the plan gives it for free. Summed by month in Rust (`actuals`): the
/// rows come off the indexes without a sort, where SQLite's GROUP BY sorted a year of records
/// (about 100,000) into a temporary B-tree, three quarters of the page's time.
fn actuals_sql(metric: Metric, s: &Scope) -> String {
    let live = "JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL";
    match metric {
        Metric::Signed => format!(
            "SELECT o.owner, o.stage_since, coalesce(o.contract_amount, o.amount)
             FROM opportunity o {live} WHERE o.stage = 'won'{}{}",
            s.during("o.stage_since"),
            s.owned("o.owner")
        ),
        // Of won deals, as the 回款 sheet and 周会 count them (a win undone keeps its payments).
        Metric::Collected => format!(
            "SELECT o.owner, p.received_on, p.amount
             FROM payment p JOIN opportunity o ON o.id = p.opportunity_id {live} WHERE o.stage = 'won'{}{}",
            s.during("p.received_on"),
            s.owned("o.owner")
        ),
        // A deal's creation is its first stage-history entry, the one from no stage; each deal's
        // entries of the period through stage_change_day.
        Metric::NewDeals => format!(
            "SELECT o.owner, h.changed_on, 1
             FROM opportunity o {live} CROSS JOIN stage_change h ON h.opportunity_id = o.id
             WHERE h.from_stage IS NULL{}{}",
            s.during("h.changed_on"),
            s.owned("o.owner")
        ),
        // Customer by customer: the visit(customer_id, visited_on) index gives each one's days.
        Metric::FollowUps => format!(
            "SELECT c.owner, v.visited_on, 1
             FROM customer c CROSS JOIN visit v ON v.customer_id = c.id WHERE c.deleted_at IS NULL{}{}",
            s.during("v.visited_on"),
            s.owned("c.owner")
        ),
    }
}

/// An amount (≥ 0, to the fen) or a count (a whole number ≥ 0), refused naming its row otherwise.
fn target_value(i: usize, metric: Metric, value: Option<f64>) -> Result<Option<f64>> {
    let field = || format!("targets.{i}.value");
    let count = matches!(metric, Metric::NewDeals | Metric::FollowUps);
    match value {
        Some(x) if !x.is_finite() || x < 0.0 => Err(CoreError::validation_detail(field(), Reason::OutOfRange, "≥ 0")),
        Some(x) if count && x.fract() != 0.0 => {
            Err(CoreError::validation_detail(field(), Reason::OutOfRange, "0, 1, 2 …"))
        }
        Some(x) => Ok(Some((x * 100.0).round() / 100.0)),
        None => Ok(None),
    }
}

impl Store {
    /// Every stored target (a small table: a value per owner, metric and month or quarter).
    pub(crate) fn all_targets(&self) -> Result<AllTargets> {
        let mut st = self.conn.prepare_cached("SELECT owner, metric, period, value FROM target")?;
        let mut out = AllTargets::new();
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, code(r.get(1)?, Metric::from_code), r.get::<_, String>(2)?, r.get(3)?))
        })?;
        for row in rows {
            if let (owner, Some(metric), period, value) = row? {
                out.entry((owner, metric)).or_default().insert(period, value);
            }
        }
        Ok(out)
    }

    /// The targets of one month or quarter, with the owners the editor offers.
    pub fn target_sheet(&self, period: &str) -> Result<TargetSheet> {
        let period = TargetPeriod::parse(period)?.key();
        let mut st = self.conn.prepare_cached(
            "SELECT owner, metric, value FROM target WHERE period = ?1 ORDER BY owner <> '', owner, metric",
        )?;
        let targets: Vec<Target> = st
            .query_map([&period], |r| Ok((r.get::<_, String>(0)?, code(r.get(1)?, Metric::from_code), r.get(2)?)))?
            .filter_map(|row| match row {
                Ok((owner, Some(metric), value)) => Some(Ok(Target { owner, metric, period: period.clone(), value })),
                Ok(_) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<rusqlite::Result<_>>()?;
        let mut owners = self.known_owners()?;
        owners.extend(targets.iter().map(|t| t.owner.clone()).filter(|o| !o.is_empty()));
        owners.sort();
        owners.dedup();
        Ok(TargetSheet { period, owners, targets })
    }

    /// Saves the targets of one period: each given value replaces the stored one, an empty one
    /// removes it. Every value is checked before anything is written.
    pub fn save_targets(&self, input: &TargetsInput) -> Result<TargetSheet> {
        let period = TargetPeriod::parse(&input.period)?.key();
        let values = input
            .targets
            .iter()
            .enumerate()
            .map(|(i, t)| {
                // "" is the team: an owner of blanks would silently set the team's target.
                if t.owner.trim().is_empty() && !t.owner.is_empty() {
                    return Err(CoreError::validation(format!("targets.{i}.owner"), Reason::Required));
                }
                Ok((t.owner.trim(), t.metric, target_value(i, t.metric, t.value)?))
            })
            .collect::<Result<Vec<_>>>()?;
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        for (owner, metric, value) in values {
            match value {
                Some(v) => tx.execute(
                    "INSERT INTO target (owner, metric, period, value, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (owner, metric, period) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                    params![owner, metric.code(), period, v, now],
                )?,
                None => tx.execute(
                    "DELETE FROM target WHERE owner = ?1 AND metric = ?2 AND period = ?3",
                    params![owner, metric.code(), period],
                )?,
            };
        }
        tx.commit()?;
        self.target_sheet(&period)
    }

    /// The four metrics of the scope's period and owners, by owner and month. Rows are read
    /// in place (no string copied per row): the owner is compared with the last one seen, the
    /// month is the day's first seven bytes.
    pub(crate) fn actuals(&self, s: &Scope) -> Result<Actuals> {
        let mut out = Actuals::new();
        for &metric in Metric::ALL {
            let sql = actuals_sql(metric, s);
            let mut st = self.conn.prepare_cached(&sql)?;
            let args = s.args(&st, &[])?;
            let mut rows = st.query(args.as_slice())?;
            let mut owner = String::new();
            let mut months: HashMap<[u8; 7], f64> = HashMap::new();
            let mut flush = |owner: &str, months: &mut HashMap<[u8; 7], f64>| {
                for (month, value) in months.drain() {
                    let month = String::from_utf8_lossy(&month).into_owned();
                    *out.entry((owner.to_string(), metric, month)).or_default() += value;
                }
            };
            while let Some(r) = rows.next()? {
                let who = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
                if who != owner {
                    flush(&owner, &mut months);
                    owner = who.to_string();
                }
                let day = r.get_ref(1)?.as_bytes().map_err(rusqlite::Error::from)?;
                let Some(month) = day.get(..7).and_then(|m| <[u8; 7]>::try_from(m).ok()) else { continue };
                *months.entry(month).or_default() += r.get::<_, Option<f64>>(2)?.unwrap_or(0.0);
            }
            flush(&owner, &mut months);
        }
        Ok(out)
    }

    /// The open deals of the owners expected to close in the period, each with its customer's
    /// latest follow-up record's day ("" for none).
    pub(crate) fn forecast_deals(&self, s: &Scope) -> Result<Vec<(Opportunity, String)>> {
        let probabilities = self.settings()?.stage_probabilities;
        let sql = format!(
            "SELECT {OPPORTUNITY_COLUMNS},
                    coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.customer_id = o.customer_id), '')
             FROM opportunity o JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
             WHERE o.stage NOT IN ('won', 'lost'){}{}",
            s.during("o.expected_close"),
            s.owned("o.owner")
        );
        self.rows(&sql, s, &[], |r| {
            let last = r.as_ref().column_count() - 1;
            Ok((opportunity_from_row(r, &probabilities)?, r.get(last)?))
        })
    }

    /// The open deals of the owners that did not move in the period: in their stage since
    /// before it, with no follow-up record of their customer in it or an overdue action of
    /// their customer; largest amount first, at most `limit`, and how many in all.
    pub(crate) fn stalled_deals(&self, s: &Scope, limit: i64) -> Result<(Vec<StalledDeal>, i64)> {
        let body = format!(
            "(SELECT o.id, o.customer_id, c.name AS customer, o.name, o.owner, o.stage, o.amount, o.stage_since,
                     NOT EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = o.customer_id
                                 AND v.visited_on BETWEEN :from AND :to) AS quiet,
                     (SELECT count(*) FROM next_action a WHERE a.customer_id = o.customer_id AND a.status <> 'done'
                        AND a.due_date <> '' AND a.due_date < :today) AS overdue
              FROM opportunity o JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
              WHERE o.stage NOT IN ('won', 'lost') AND o.stage_since < :from{})
             WHERE quiet OR overdue > 0",
            s.owned("o.owner")
        );
        let rows = self.rows(
            &format!("SELECT * FROM {body} ORDER BY amount DESC, id LIMIT :limit"),
            s,
            &[(":limit", &limit)],
            |r| {
                Ok(StalledDeal {
                    opportunity_id: r.get(0)?,
                    customer_id: r.get(1)?,
                    customer_name: r.get(2)?,
                    name: r.get(3)?,
                    owner: r.get(4)?,
                    stage: code(r.get(5)?, Stage::from_code).unwrap_or_default(),
                    amount: r.get(6)?,
                    stage_since: r.get(7)?,
                    no_follow_up: r.get(8)?,
                    overdue_actions: r.get(9)?,
                })
            },
        )?;
        let count = self.count(&format!("SELECT count(*) FROM {body}"), s, &[])?;
        Ok((rows, count))
    }
}
