//! What the stored stage history says about the pipeline (docs/opportunities.md): how long deals
//! stay in each stage, how many move on, how long a deal takes from 立项 to 成交, and the win
//! rate by owner, industry, grade, lead source and competitor, and the lost deals' reasons month
//! by month. One query reads the history of the deals of live customers (with each deal's owner
//! and its customer's attributes); the figures are computed in one pass over it, deal by deal.
//!
//! A stay is a deal's time in one stage: from the day it entered to the day of its next
//! change. Stays still running have no length yet; they count as entered and "still there".
//! The owners are the deals' own, the grades their customers'. The period (both days included,
//! empty for all time) picks the stays that began in it, the
//! wins whose day is in it for the cycle, and the deals closed (won or lost) in it for the win
//! rates.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::stages::{rank, PIPELINE};
use super::{LostReason, Stage};
use crate::customers::validate::full_date;
use crate::customers::Grade;
use crate::error::{CoreError, Reason, Result};
use crate::store::code;
use crate::Store;

/// The deals and the period the statistics are about.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct StageStatsQuery {
    /// YYYY-MM-DD, both included; empty: open-ended.
    pub from: String,
    pub to: String,
    /// The deals' own 负责人; empty: everyone.
    pub owners: Vec<String>,
    /// Their customers' grades; empty: any.
    pub grades: Vec<Grade>,
}

/// One open stage's stays that began in the period.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StageDwell {
    pub stage: Stage,
    pub entered: i64,
    /// Moved on to a later stage (成交 included).
    pub advanced: i64,
    pub lost: i64,
    /// Moved back to an earlier stage.
    pub back: i64,
    pub still_there: i64,
    /// advanced ÷ the stays that ended (advanced + lost + back), 0–1; `None` when none ended.
    pub conversion: Option<f64>,
    /// Days of the stays that ended; `None` when none ended.
    pub median_days: Option<f64>,
    pub average_days: Option<f64>,
}

/// From a deal's first stage to 成交, for the wins of the period.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct SalesCycle {
    pub won: i64,
    pub median_days: Option<f64>,
    pub average_days: Option<f64>,
}

/// Deals closed in the period under one key (an owner, an industry, …): won ÷ (won + lost).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct WinRate {
    /// The owner's name, the industry as written, a grade, lead-source or competitor code or
    /// name; "" when not written.
    pub key: String,
    pub won: i64,
    pub lost: i64,
    pub rate: f64,
}

/// The deals lost in one month for one reason: how the reasons move over time.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LostMonth {
    /// YYYY-MM of the day lost.
    pub month: String,
    /// `None`: no reason written.
    pub reason: Option<LostReason>,
    pub count: i64,
    /// Their amounts, 元.
    pub amount: f64,
}

#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StageStats {
    /// The open stages in pipeline order.
    pub stages: Vec<StageDwell>,
    pub cycle: SalesCycle,
    pub by_owner: Vec<WinRate>,
    pub by_industry: Vec<WinRate>,
    pub by_grade: Vec<WinRate>,
    pub by_source: Vec<WinRate>,
    /// Each competitor a closed deal named (a deal naming two counts for both).
    pub by_competitor: Vec<WinRate>,
    /// The deals lost in the period by month and reason, in month order.
    pub lost_by_month: Vec<LostMonth>,
}

/// One stage change as the query reads it, with what the statistics group by.
struct Change {
    opportunity: i64,
    to: Stage,
    on: NaiveDate,
    owner: String,
    industry: String,
    grade: String,
    source: String,
    competitors: Vec<String>,
    lost_reason: Option<LostReason>,
    amount: f64,
}

/// The median and the mean of `days`; `None` for none.
pub(crate) fn median_mean(days: &mut [f64]) -> (Option<f64>, Option<f64>) {
    if days.is_empty() {
        return (None, None);
    }
    days.sort_by(f64::total_cmp);
    let n = days.len();
    let median = if n % 2 == 1 { days[n / 2] } else { (days[n / 2 - 1] + days[n / 2]) / 2.0 };
    (Some(median), Some(days.iter().sum::<f64>() / n as f64))
}

fn rates(counts: BTreeMap<String, (i64, i64)>) -> Vec<WinRate> {
    let mut rows: Vec<WinRate> = counts
        .into_iter()
        .map(|(key, (won, lost))| WinRate { key, won, lost, rate: won as f64 / (won + lost) as f64 })
        .collect();
    rows.sort_by(|a, b| (b.won + b.lost).cmp(&(a.won + a.lost)).then_with(|| a.key.cmp(&b.key)));
    rows
}

impl Store {
    /// The stage statistics of the deals of the owners, over the period (module doc).
    pub fn stage_stats(&self, q: &StageStatsQuery) -> Result<StageStats> {
        full_date("from", &q.from)?;
        full_date("to", &q.to)?;
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let (from, to) = (day(q.from.trim()), day(q.to.trim()));
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(CoreError::validation_detail("to", Reason::OutOfRange, format!("≥ {}", q.from.trim())));
            }
        }
        let within = |d: NaiveDate| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t);
        let owners: Vec<&str> = q.owners.iter().map(|o| o.trim()).filter(|o| !o.is_empty()).collect();
        let grades: Vec<&str> = q.grades.iter().map(|g| g.code()).collect();

        let mut st = self.conn.prepare_cached(
            "SELECT s.opportunity_id, s.to_stage, s.changed_on, o.owner, c.industry, coalesce(c.grade, ''),
                    coalesce(c.lead_source, ''), o.competitors, o.lost_reason, coalesce(o.amount, 0)
             FROM stage_change s JOIN opportunity o ON o.id = s.opportunity_id
               JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
             ORDER BY s.opportunity_id, s.changed_on, s.id",
        )?;
        let changes: Vec<Change> = st
            .query_map([], |r| {
                let competitors: String = r.get(7)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    code(r.get(1)?, Stage::from_code),
                    r.get::<_, String>(2)?,
                    Change {
                        opportunity: 0,
                        to: Stage::default(),
                        on: NaiveDate::MIN,
                        owner: r.get(3)?,
                        industry: r.get(4)?,
                        grade: r.get(5)?,
                        source: r.get(6)?,
                        competitors: serde_json::from_str(&competitors).unwrap_or_default(),
                        lost_reason: code(r.get(8)?, LostReason::from_code),
                        amount: r.get(9)?,
                    },
                ))
            })?
            .filter_map(|row| match row {
                Ok((id, Some(to), on, c)) => day(&on).map(|on| Ok(Change { opportunity: id, to, on, ..c })),
                Ok(_) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<rusqlite::Result<_>>()?;

        let mut dwell: Vec<(StageDwell, Vec<f64>)> = PIPELINE[..PIPELINE.len() - 1]
            .iter()
            .map(|&stage| {
                let d = StageDwell {
                    stage,
                    entered: 0,
                    advanced: 0,
                    lost: 0,
                    back: 0,
                    still_there: 0,
                    conversion: None,
                    median_days: None,
                    average_days: None,
                };
                (d, vec![])
            })
            .collect();
        let mut cycles = Vec::new();
        let mut by: [BTreeMap<String, (i64, i64)>; 5] = Default::default();
        let mut lost: BTreeMap<(String, Option<&str>), (i64, f64)> = BTreeMap::new();

        for deal in changes.chunk_by(|a, b| a.opportunity == b.opportunity) {
            let first = &deal[0];
            if !owners.is_empty() && !owners.contains(&first.owner.as_str()) {
                continue;
            }
            if !grades.is_empty() && !grades.contains(&first.grade.as_str()) {
                continue;
            }
            for (k, c) in deal.iter().enumerate() {
                let next = deal.get(k + 1);
                if within(c.on) {
                    if let Some((d, days)) = dwell.iter_mut().find(|(d, _)| d.stage == c.to) {
                        d.entered += 1;
                        match next {
                            None => d.still_there += 1,
                            Some(n) => {
                                days.push((n.on - c.on).num_days() as f64);
                                match (rank(c.to), rank(n.to)) {
                                    (_, None) => d.lost += 1,
                                    (Some(here), Some(there)) if there > here => d.advanced += 1,
                                    _ => d.back += 1,
                                }
                            }
                        }
                    }
                }
                // The deal's close: its last change, when it is to 成交 or 丢单.
                if next.is_none() && matches!(c.to, Stage::Won | Stage::Lost) && within(c.on) {
                    let won = c.to == Stage::Won;
                    if won {
                        cycles.push((c.on - first.on).num_days() as f64);
                    } else {
                        let e = lost
                            .entry((c.on.format("%Y-%m").to_string(), first.lost_reason.map(|r| r.code())))
                            .or_default();
                        e.0 += 1;
                        e.1 += first.amount;
                    }
                    let keys = [&first.owner, &first.industry, &first.grade, &first.source];
                    for (map, key) in by.iter_mut().zip(keys) {
                        let e = map.entry(key.trim().to_string()).or_default();
                        if won {
                            e.0 += 1
                        } else {
                            e.1 += 1
                        }
                    }
                    for name in &first.competitors {
                        let e = by[4].entry(name.trim().to_string()).or_default();
                        if won {
                            e.0 += 1
                        } else {
                            e.1 += 1
                        }
                    }
                }
            }
        }

        let stages = dwell
            .into_iter()
            .map(|(mut d, mut days)| {
                let ended = d.advanced + d.lost + d.back;
                d.conversion = (ended > 0).then(|| d.advanced as f64 / ended as f64);
                (d.median_days, d.average_days) = median_mean(&mut days);
                d
            })
            .collect();
        let (median_days, average_days) = median_mean(&mut cycles);
        let [by_owner, by_industry, by_grade, by_source, by_competitor] = by.map(rates);
        Ok(StageStats {
            stages,
            cycle: SalesCycle { won: cycles.len() as i64, median_days, average_days },
            by_owner,
            by_industry,
            by_grade,
            by_source,
            by_competitor,
            lost_by_month: lost
                .into_iter()
                .map(|((month, reason), (count, amount))| LostMonth {
                    month,
                    reason: reason.and_then(LostReason::from_code),
                    count,
                    amount,
                })
                .collect(),
        })
    }
}
