//! From the rules' hits to the lights: a customer collects its own hits and those of its
//! opportunities; an open opportunity its own and its customer's power-map hit.

use std::collections::HashMap;

use super::{RiskLevel, RiskLight, RiskReason, RiskRule};
use crate::settings::RiskSettings;

/// One rule's finding, as the store's set-based queries return it.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub customer_id: i64,
    pub opportunity_id: Option<i64>,
    pub opportunity_name: String,
    pub rule: RiskRule,
    pub level: RiskLevel,
    pub days: Option<i64>,
    pub count: i64,
    pub since: String,
    /// The signal rule: the top signal's own line.
    pub detail: String,
    /// Yellow and red days of this finding when they are not the rule's
    /// ([`RiskSettings::thresholds`]): a watched customer's, a stage's limit.
    pub limits: Option<(Option<i64>, Option<i64>)>,
    /// The stuck-in-stage rule: the opportunity's stage code.
    pub stage: Option<String>,
    /// The overdue-payment rule: 第 n 期 and its part not received.
    pub installment: Option<i64>,
    pub amount: Option<f64>,
    /// The overdue-milestone rule: the milestone's name.
    pub milestone: String,
    /// The churn-review rule: months without a purchase or an open deal.
    pub months: Option<i64>,
}

/// The reasons found, by customer and by opportunity.
#[derive(Default, Debug)]
pub struct Lights {
    customers: HashMap<i64, Vec<RiskReason>>,
    opportunities: HashMap<i64, Vec<RiskReason>>,
}

fn light(mut reasons: Vec<RiskReason>) -> RiskLight {
    let order = |r: &RiskReason| RiskRule::ALL.iter().position(|&x| x == r.rule).unwrap_or(0);
    reasons.sort_by(|a, b| {
        b.level
            .rank()
            .cmp(&a.level.rank())
            .then_with(|| order(a).cmp(&order(b)))
            .then_with(|| a.opportunity_name.cmp(&b.opportunity_name))
    });
    let level = reasons.iter().fold(RiskLevel::Green, |l, r| l.max(r.level));
    RiskLight { level, reasons }
}

impl Lights {
    pub fn from_hits(hits: Vec<Hit>, s: &RiskSettings) -> Lights {
        let mut lights = Lights::default();
        for h in hits {
            let (yellow_days, red_days) = h.limits.unwrap_or_else(|| s.thresholds(h.rule));
            let reason = RiskReason {
                rule: h.rule,
                level: h.level,
                opportunity_id: h.opportunity_id,
                opportunity_name: h.opportunity_name,
                days: h.days,
                count: h.count,
                since: h.since,
                yellow_days,
                red_days,
                signal: h.detail,
                stage: h.stage,
                installment: h.installment,
                amount: h.amount,
                milestone: h.milestone,
                months: h.months,
            };
            if let Some(o) = h.opportunity_id {
                lights.opportunities.entry(o).or_default().push(reason.clone());
            }
            lights.customers.entry(h.customer_id).or_default().push(reason);
        }
        lights
    }

    pub fn customer(&self, id: i64) -> RiskLight {
        light(self.customers.get(&id).cloned().unwrap_or_default())
    }

    /// The opportunity's own reasons and, while it is `open`, its customer's power-map reason:
    /// a map without a decision maker threatens deals still to be decided, not one already won
    /// or lost (whose own reasons — an overdue action of the deal — still count).
    pub fn opportunity(&self, id: i64, customer_id: i64, open: bool) -> RiskLight {
        let mut reasons = self.opportunities.get(&id).cloned().unwrap_or_default();
        if let Some(c) = self.customers.get(&customer_id).filter(|_| open) {
            reasons.extend(c.iter().filter(|r| r.rule == RiskRule::PowerMap && r.opportunity_id.is_none()).cloned());
        }
        light(reasons)
    }

    /// The reasons of `rules` only; a customer or opportunity left without one drops out.
    pub(crate) fn only(&self, rules: &[RiskRule]) -> Lights {
        let keep = |m: &HashMap<i64, Vec<RiskReason>>| -> HashMap<i64, Vec<RiskReason>> {
            m.iter()
                .filter_map(|(&id, reasons)| {
                    let kept: Vec<RiskReason> = reasons.iter().filter(|r| rules.contains(&r.rule)).cloned().collect();
                    (!kept.is_empty()).then_some((id, kept))
                })
                .collect()
        };
        Lights { customers: keep(&self.customers), opportunities: keep(&self.opportunities) }
    }

    /// Customers with at least one reason.
    pub fn customer_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.customers.keys().copied()
    }

    /// Opportunities with at least one reason of their own.
    pub fn opportunity_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.opportunities.keys().copied()
    }
}
