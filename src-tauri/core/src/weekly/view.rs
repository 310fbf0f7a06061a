//! The 周会 view put together from the store's sections, the risk lights and the forecast at
//! both ends of the period.

use std::collections::HashSet;

use super::period::Period;
use super::store::Scope;
use super::{StageForecast, WeeklyQuery, WeeklySummary, WeeklyView};
use crate::error::Result;
use crate::opportunities::{OpportunityRow, Stage};
use crate::payments::report::ReportFilter;
use crate::risk::as_of::DealAt;
use crate::risk::rollup::Lights;
use crate::risk::{CustomerRisk, RiskLevel, RiskLight};
use crate::settings::StageProbabilities;
use crate::visits::Visit;
use crate::Store;

/// A deal's weighted amount as it stood: its own probability while it is still in the stage
/// it had then (the probability it was given belongs to its current stage), else the stage's
/// default. Rounded to the fen, as the pipeline rounds.
fn weighted(d: &DealAt, stage: Stage, p: &StageProbabilities) -> f64 {
    let probability = match d.probability {
        Some(own) if d.stage == d.stage_now => own,
        _ => p.of(stage),
    };
    (d.amount * probability as f64 / 100.0 * 100.0).round() / 100.0
}

/// Open deals per stage, at the start (`start`) and the end (`end`), the open stages in order.
pub(crate) fn forecast<'a>(
    start: impl Iterator<Item = &'a DealAt>,
    end: impl Iterator<Item = &'a DealAt>,
    p: &StageProbabilities,
) -> Vec<StageForecast> {
    let mut rows: Vec<StageForecast> =
        Stage::ALL.iter().filter(|s| s.is_open()).map(|&stage| StageForecast { stage, ..Default::default() }).collect();
    for d in start {
        if let Some(row) = rows.iter_mut().find(|r| r.stage.code() == d.stage) {
            row.start_count += 1;
            row.start_weighted += weighted(d, row.stage, p);
        }
    }
    for d in end {
        if let Some(row) = rows.iter_mut().find(|r| r.stage.code() == d.stage) {
            row.end_count += 1;
            row.end_weighted += weighted(d, row.stage, p);
        }
    }
    for r in &mut rows {
        r.start_weighted = (r.start_weighted * 100.0).round() / 100.0;
        r.end_weighted = (r.end_weighted * 100.0).round() / 100.0;
    }
    rows
}

fn reds(l: &Lights) -> HashSet<i64> {
    l.customer_ids().filter(|&id| l.customer(id).level == RiskLevel::Red).collect()
}

/// How many rows each list of the view holds at most.
pub(crate) struct Limits {
    pub records: i64,
    pub lists: i64,
}

impl Store {
    /// The 周会 page for the period and owners asked for (docs/weekly.md).
    pub fn weekly(&self, q: &WeeklyQuery) -> Result<WeeklyView> {
        let limit = q.limit.clamp(1, 1_000);
        self.weekly_view(q, Limits { records: limit, lists: limit })
    }

    /// Calls `f` for the period's first `limit` follow-up records of the owners, newest first
    /// (the export's list, streamed).
    pub(crate) fn weekly_records(
        &self,
        q: &WeeklyQuery,
        limit: i64,
        f: &mut dyn FnMut(Visit) -> Result<()>,
    ) -> Result<()> {
        let period = Period::resolve(&q.period, self.clock.today())?;
        self.for_each_weekly_record(&Scope::new(Some(&period), &q.owners, self.today_text()), limit, f)
    }

    pub(crate) fn weekly_view(&self, q: &WeeklyQuery, limits: Limits) -> Result<WeeklyView> {
        let today = self.clock.today();
        let period = Period::resolve(&q.period, today)?;
        let s = Scope::new(Some(&period), &q.owners, self.today_text());
        let lists = limits.lists;

        let mut records = Vec::new();
        self.for_each_weekly_record(&s, limits.records, &mut |v| {
            records.push(v);
            Ok(())
        })?;
        let (moves, move_count) = self.weekly_moves(&s, lists)?;
        let (won, won_count, won_amount) = self.weekly_closed(&s, Stage::Won, lists)?;
        let (lost, lost_count, lost_amount) = self.weekly_closed(&s, Stage::Lost, lists)?;
        let (overdue_by_owner, overdue) = self.weekly_overdue(&s, lists)?;
        let after_sale = ReportFilter::new(s.owners(), s.period());
        let (payments, payment_count, received_amount) = self.received_payments(&after_sale, lists)?;
        let (milestones, milestone_count, late_milestones) = self.milestone_rows(&after_sale, lists)?;

        // Open deals with reasons of their own, from the portfolio's lights as the app shows them.
        let lights = self.lights(None, true)?;
        let ids: Vec<i64> = lights.opportunity_ids().collect();
        let mut keyed: Vec<(i64, i64, String, RiskLight)> = self
            .weekly_open_deal_keys(&s, &ids)?
            .into_iter()
            .map(|(id, customer, since)| (id, customer, since, lights.opportunity(id, customer, true)))
            .filter(|k| k.3.level != RiskLevel::Green)
            .collect();
        keyed.sort_by(|a, b| b.3.level.rank().cmp(&a.3.level.rank()).then_with(|| a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
        let at_risk_count = keyed.len() as i64;
        keyed.truncate(lists as usize);
        let page: Vec<i64> = keyed.iter().map(|k| k.0).collect();
        let at_risk: Vec<OpportunityRow> = self
            .weekly_deals(&page)?
            .into_iter()
            .zip(keyed)
            .map(|(opportunity, k)| OpportunityRow { opportunity, risk: k.3 })
            .collect();

        // Red lights at the start of the period and at its end (now, while it runs).
        let end_day = (period.after() <= today).then(|| period.after());
        let start = self.dated_lights(Some(period.from))?;
        let end = self.dated_lights(end_day)?;
        let (start_lights, end_lights) = (&start.lights, &end.lights);
        let (red_start, red_end) = (reds(start_lights), reds(end_lights));
        let changed = |ids: Vec<i64>, lights: &Lights| -> Result<Vec<CustomerRisk>> {
            let mut rows = self.customer_rows(ids, lights)?;
            rows.retain(|c| s.owns(&c.owner));
            rows.sort_by(|a, b| a.customer_name.cmp(&b.customer_name).then(a.customer_id.cmp(&b.customer_id)));
            Ok(rows)
        };
        let mut new_red = changed(red_end.difference(&red_start).copied().collect(), end_lights)?;
        let mut cleared_red = changed(red_start.difference(&red_end).copied().collect(), start_lights)?;
        let (new_red_count, cleared_red_count) = (new_red.len() as i64, cleared_red.len() as i64);
        new_red.truncate(lists as usize);
        cleared_red.truncate(lists as usize);

        let probabilities = self.settings()?.stage_probabilities;
        let forecast = forecast(
            start.deals.iter().filter(|d| s.owns(&d.owner)),
            end.deals.iter().filter(|d| s.owns(&d.owner)),
            &probabilities,
        );

        let summary = WeeklySummary {
            records: self.weekly_record_count(&s)?,
            moves: move_count,
            at_risk: at_risk_count,
            won: won_count,
            won_amount,
            lost: lost_count,
            lost_amount,
            new_red: new_red_count,
            cleared_red: cleared_red_count,
            overdue: overdue_by_owner.iter().map(|o| o.count).sum(),
            payments: payment_count,
            received_amount,
            milestones: milestone_count,
            late_milestones,
            forecast_start: (forecast.iter().map(|f| f.start_weighted).sum::<f64>() * 100.0).round() / 100.0,
            forecast_end: (forecast.iter().map(|f| f.end_weighted).sum::<f64>() * 100.0).round() / 100.0,
        };
        Ok(WeeklyView {
            from: period.from_text(),
            to: period.to_text(),
            end_evaluated_on: end_day.unwrap_or(today).format("%Y-%m-%d").to_string(),
            known_owners: self.known_owners()?,
            summary,
            records,
            moves,
            at_risk,
            won,
            lost,
            new_red,
            cleared_red,
            overdue_by_owner,
            overdue,
            forecast,
            payments,
            milestones,
        })
    }
}
