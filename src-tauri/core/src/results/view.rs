//! The 业绩 page and 今日's totals, assembled from the targets, the actuals, the forecast's
//! deals with their lights and the review's lists (`store.rs`).

use chrono::Duration;

use super::months::{month_target, Month};
use super::store::{Actuals, AllTargets};
use super::{
    ForecastBasis, ForecastDeal, ForecastPart, Metric, MetricResult, MonthResults, OwnerResults, ResultsPreset,
    ResultsQuery, ResultsReview, ResultsView, TodayResults, LIST_LIMIT,
};
use crate::error::{CoreError, Reason, Result};
use crate::opportunities::Stage;
use crate::risk::{RiskLevel, RiskRule};
use crate::weekly::{Period, Scope};
use crate::Store;

fn metric_result(metric: Metric, actual: f64, target: Option<f64>) -> MetricResult {
    let actual = (actual * 100.0).round() / 100.0;
    let target = target.map(|t| (t * 100.0).round() / 100.0);
    MetricResult { metric, actual, target, completion: target.filter(|t| *t > 0.0).map(|t| actual / t) }
}

fn add(sum: Option<f64>, v: Option<f64>) -> Option<f64> {
    match (sum, v) {
        (None, v) => v,
        (s, None) => s,
        (Some(a), Some(b)) => Some(a + b),
    }
}

/// What the figures of a period are computed from.
struct Figures<'a> {
    targets: &'a AllTargets,
    actuals: &'a Actuals,
    /// The owners chosen; empty: everyone, and the total is the team's.
    chosen: &'a [String],
}

impl Figures<'_> {
    fn actual(&self, owner: Option<&str>, metric: Metric, months: &[Month]) -> f64 {
        let keys: Vec<String> = months.iter().map(|m| m.key()).collect();
        self.actuals
            .iter()
            .filter(|((o, m, month), _)| *m == metric && owner.is_none_or(|w| w == o) && keys.contains(month))
            .map(|(_, v)| v)
            .sum()
    }

    fn owner_target(&self, owner: &str, metric: Metric, month: Month) -> Option<f64> {
        self.targets.get(&(owner.to_string(), metric)).and_then(|s| month_target(s, month))
    }

    /// The total's target in a month: the team's own when every owner counts (else the
    /// owners' added up), the chosen owners' added up otherwise.
    fn total_target(&self, metric: Metric, month: Month) -> Option<f64> {
        let of_owners = |owners: &mut dyn Iterator<Item = &String>| {
            owners.fold(None, |sum, o| add(sum, self.owner_target(o, metric, month)))
        };
        if !self.chosen.is_empty() {
            return of_owners(&mut self.chosen.iter());
        }
        self.owner_target("", metric, month).or_else(|| {
            of_owners(&mut self.targets.keys().filter(|(o, m)| *m == metric && !o.is_empty()).map(|(o, _)| o))
        })
    }

    fn owner(&self, owner: &str, months: &[Month]) -> OwnerResults {
        let metrics = Metric::ALL
            .iter()
            .map(|&metric| {
                let target = months.iter().fold(None, |sum, &m| add(sum, self.owner_target(owner, metric, m)));
                metric_result(metric, self.actual(Some(owner), metric, months), target)
            })
            .collect();
        OwnerResults { owner: owner.to_string(), metrics }
    }

    fn total(&self, months: &[Month]) -> Vec<MetricResult> {
        Metric::ALL
            .iter()
            .map(|&metric| {
                let target = months.iter().fold(None, |sum, &m| add(sum, self.total_target(metric, m)));
                metric_result(metric, self.actual(None, metric, months), target)
            })
            .collect()
    }
}

/// The longest period the page shows: ten years of months.
const MAX_MONTHS: usize = 120;

/// The months of a query on `today`'s calendar; custom months are refused naming the field (an
/// end before the start: `to`).
fn months_of(q: &ResultsQuery, today: Month) -> Result<Vec<Month>> {
    let quarter = |m: Month| m.quarter().months();
    let last_quarter = quarter(quarter(today)[0].previous());
    let (from, to) = match q.preset {
        ResultsPreset::ThisMonth => (today, today),
        ResultsPreset::ThisQuarter => (quarter(today)[0], quarter(today)[2]),
        ResultsPreset::ThisYear => (Month { month: 1, ..today }, Month { month: 12, ..today }),
        ResultsPreset::LastMonth => (today.previous(), today.previous()),
        ResultsPreset::LastQuarter => (last_quarter[0], last_quarter[2]),
        ResultsPreset::Custom => (Month::parse("from", &q.from)?, Month::parse("to", &q.to)?),
    };
    if to < from {
        return Err(CoreError::validation_detail("to", Reason::OutOfRange, format!("≥ {}", from.key())));
    }
    let months = from.through(to);
    if months.len() > MAX_MONTHS {
        return Err(CoreError::validation_detail("to", Reason::OutOfRange, format!("≤ {MAX_MONTHS}")));
    }
    Ok(months)
}

fn period_of(months: &[Month]) -> Period {
    Period { from: months[0].first_day(), to: months[months.len() - 1].last_day() }
}

impl Store {
    /// The 业绩 page of the query's months and owners (module doc of `results`).
    pub fn results(&self, q: &ResultsQuery) -> Result<ResultsView> {
        let months = months_of(q, Month::of(self.clock.today()))?;
        let period = period_of(&months);
        let scope = Scope::new(Some(&period), &q.owners, self.today_text());
        let targets = self.all_targets()?;
        let actuals = self.actuals(&scope)?;
        let known_owners = self.known_owners()?;
        let figures = Figures { targets: &targets, actuals: &actuals, chosen: scope.owners() };

        let mut names: Vec<String> = if scope.owners().is_empty() {
            let with_target = targets.keys().map(|(o, _)| o.clone());
            let with_actual = actuals.keys().map(|(o, _, _)| o.clone());
            // Deals without a 负责人 get their own row ("") when they count for something, so the
            // rows add up to the total.
            let mut names: Vec<String> =
                known_owners.iter().cloned().chain(with_target).filter(|o| !o.is_empty()).collect();
            names.extend(with_actual);
            names
        } else {
            scope.owners().to_vec()
        };
        // Names in order, the deals without a 负责人 last.
        names.sort_by(|a, b| (a.is_empty(), a).cmp(&(b.is_empty(), b)));
        names.dedup();

        Ok(ResultsView {
            from_month: months[0].key(),
            to_month: months[months.len() - 1].key(),
            from_day: period.from_text(),
            to_day: period.to_text(),
            owners: names.iter().map(|o| figures.owner(o, &months)).collect(),
            total: OwnerResults { owner: String::new(), metrics: figures.total(&months) },
            months: months.iter().map(|&m| MonthResults { month: m.key(), metrics: figures.total(&[m]) }).collect(),
            forecast: self.forecast_split(&scope)?,
            forecast_days: self.settings()?.risk.follow_up_yellow_days,
            review: self.review(&scope)?,
            known_owners,
        })
    }

    /// The totals of the current month and quarter of the owners (everyone's: against the
    /// team's targets).
    pub fn today_results(&self, owners: &[String]) -> Result<TodayResults> {
        let month = Month::of(self.clock.today());
        let quarter = month.quarter();
        let scope = Scope::new(Some(&period_of(&quarter.months())), owners, self.today_text());
        let (targets, actuals) = (self.all_targets()?, self.actuals(&scope)?);
        let figures = Figures { targets: &targets, actuals: &actuals, chosen: scope.owners() };
        let total = |months: &[Month]| OwnerResults { owner: String::new(), metrics: figures.total(months) };
        Ok(TodayResults {
            month: month.key(),
            quarter: quarter.key(),
            month_results: total(&[month]),
            quarter_results: total(&quarter.months()),
        })
    }

    /// The forecast of the period split by what it rests on (module doc of `results`).
    fn forecast_split(&self, s: &Scope) -> Result<Vec<ForecastPart>> {
        let today = self.clock.today();
        let recent =
            (today - Duration::days(self.settings()?.risk.follow_up_yellow_days)).format("%Y-%m-%d").to_string();
        let today = today.format("%Y-%m-%d").to_string();
        let (deals, last_records): (Vec<_>, Vec<_>) = self.forecast_deals(s)?.into_iter().unzip();
        let mut parts: Vec<ForecastPart> = ForecastBasis::ALL
            .iter()
            .map(|&basis| ForecastPart { basis, count: 0, amount: 0.0, weighted: 0.0, deals: vec![] })
            .collect();
        for (row, last_follow_up) in self.with_risk(deals)?.into_iter().zip(last_records) {
            let o = row.opportunity;
            let stuck = row.risk.reasons.iter().any(|r| r.rule == RiskRule::StuckInStage);
            let basis = if row.risk.level == RiskLevel::Red {
                ForecastBasis::Red
            } else if stuck || last_follow_up <= recent || o.fields.expected_close.as_str() < today.as_str() {
                ForecastBasis::Stuck
            } else {
                ForecastBasis::Backed
            };
            let part = parts.iter_mut().find(|p| p.basis == basis).expect("every basis has a part");
            part.count += 1;
            part.amount += o.fields.amount.unwrap_or(0.0);
            part.weighted += o.weighted;
            part.deals.push(ForecastDeal {
                opportunity_id: o.id,
                customer_id: o.customer_id,
                customer_name: o.customer_name,
                name: o.fields.name,
                owner: o.fields.owner,
                stage: o.fields.stage,
                amount: o.fields.amount.unwrap_or(0.0),
                weighted: o.weighted,
                expected_close: o.fields.expected_close,
                last_follow_up,
                level: row.risk.level,
            });
        }
        for p in &mut parts {
            p.deals.sort_by(|a, b| b.weighted.total_cmp(&a.weighted).then(a.opportunity_id.cmp(&b.opportunity_id)));
            p.deals.truncate(LIST_LIMIT as usize);
            p.amount = (p.amount * 100.0).round() / 100.0;
            p.weighted = (p.weighted * 100.0).round() / 100.0;
        }
        Ok(parts)
    }

    fn review(&self, s: &Scope) -> Result<ResultsReview> {
        let (moved, moved_count) = self.weekly_moves(s, LIST_LIMIT)?;
        let (stalled, stalled_count) = self.stalled_deals(s, LIST_LIMIT)?;
        let (won, won_count, won_amount) = self.weekly_closed(s, Stage::Won, LIST_LIMIT)?;
        let (lost, lost_count, lost_amount) = self.weekly_closed(s, Stage::Lost, LIST_LIMIT)?;
        Ok(ResultsReview {
            moved,
            moved_count,
            stalled,
            stalled_count,
            won,
            won_count,
            won_amount,
            lost,
            lost_count,
            lost_amount,
        })
    }
}
