//! 回款 and 交付 of a won deal (docs/payments.md): the payment plan (分期: amount, due date,
//! condition such as 验收后, note), the payments received (已回款) and the delivery milestones
//! (交付里程碑: 签约, 交付, 安装/上线, 验收, 培训, 回访 by default — the UI offers those names).
//!
//! Decisions:
//! - Only a won deal (成交) has them: before, there is no contract to pay against. A deal moved
//!   back from 成交 keeps them, but the risk rules and 今日 only read won deals.
//! - The contract amount is the deal's `contractAmount` (required at 成交), its start the
//!   `contractDate`; amounts are in 元, like every amount of a deal.
//! - Received payments cover the installments oldest first ([`allocate`]): an installment is
//!   overdue from the day after its due date while the payments received in all do not reach
//!   it. The overdue queries of the risk rules and 今日 (`store.rs`) compute the same with a
//!   running sum in SQL.
//! - The plan is saved whole (the installments are renumbered in due-date order: 第 1 期 is
//!   the earliest); a plan summing above the contract amount needs the user's confirmation
//!   (`confirmOver`), one below is allowed and its difference is shown.

pub(crate) mod bulk;
pub(crate) mod report;
pub(crate) mod store;
pub mod validate;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;

code_enum!(
    /// A delivery milestone's status: 未开始, 进行中, 已完成.
    MilestoneStatus { NotStarted = "not_started", InProgress = "in_progress", Done = "done" }
);

// code_enum! cannot take `#[default]`, so the derive clippy suggests is not available.
#[allow(clippy::derivable_impls)]
impl Default for MilestoneStatus {
    fn default() -> Self {
        MilestoneStatus::NotStarted
    }
}

/// Money compared to the fen: sums of floats differ below it.
pub const CENT: f64 = 0.01;

/// One installment of the plan as the form sends it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct InstallmentFields {
    /// 元, > 0.
    pub amount: Option<f64>,
    /// YYYY-MM-DD, required.
    pub due_date: String,
    /// When it falls due in the contract's words: 签约后, 到货后, 验收后 …
    pub condition: String,
    pub note: String,
}

/// The whole plan as the form saves it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct PlanInput {
    pub installments: Vec<InstallmentFields>,
    /// The user confirmed a plan summing above the contract amount.
    pub confirm_over: bool,
}

/// A stored installment with what the payments received cover of it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Installment {
    pub id: i64,
    /// 第 n 期, 1-based, in due-date order.
    pub seq: i64,
    pub amount: f64,
    pub due_date: String,
    pub condition: String,
    pub note: String,
    /// What the payments received cover of it, oldest installment first.
    pub covered: f64,
    /// The part not covered while its due date has passed (0 when not overdue).
    pub overdue: f64,
    /// Days since its due date while overdue.
    pub days_overdue: Option<i64>,
}

/// A received payment as the form sends it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct PaymentFields {
    /// YYYY-MM-DD: not before the contract date, not after today.
    pub received_on: String,
    /// 元, > 0.
    pub amount: Option<f64>,
    pub note: String,
}

#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    pub id: i64,
    pub received_on: String,
    pub amount: f64,
    pub note: String,
}

/// A won deal's 回款: the plan, the payments and the figures computed from them.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PaymentPlan {
    pub opportunity_id: i64,
    /// Only a won deal takes a plan and payments.
    pub won: bool,
    /// The contract amount (else the deal's amount), 元.
    pub contract_amount: f64,
    /// The earliest day a payment may be dated: the contract date (else the day it was won).
    pub contract_date: String,
    pub installments: Vec<Installment>,
    /// Newest first.
    pub payments: Vec<Payment>,
    pub planned_total: f64,
    pub received_total: f64,
    /// The contract amount not yet received (never below 0).
    pub outstanding: f64,
    /// The installments' parts overdue and not covered.
    pub overdue_amount: f64,
    /// Planned total − contract amount: below 0 the plan is short of the contract.
    pub plan_difference: f64,
}

/// A delivery milestone as the form sends it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct MilestoneFields {
    pub name: String,
    /// YYYY-MM-DD or empty.
    pub planned_date: String,
    /// YYYY-MM-DD or empty; not after today.
    pub actual_date: String,
    /// Who on our side sees to it.
    pub owner: String,
    pub status: MilestoneStatus,
}

#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    pub id: i64,
    pub seq: i64,
    #[serde(flatten)]
    pub fields: MilestoneFields,
    /// Its planned date has passed and it is not done.
    pub overdue: bool,
}

code_enum!(
    /// What an entry of 今日's overdue 回款/交付 list is.
    WonOverdueKind { Installment = "installment", Milestone = "milestone" }
);

/// An overdue installment or milestone of a won deal, for 今日.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct WonOverdue {
    pub kind: WonOverdueKind,
    pub customer_id: i64,
    pub customer_name: String,
    pub opportunity_id: i64,
    pub opportunity_name: String,
    /// The deal's 负责人 (an installment), the milestone's owner else the deal's (a milestone).
    pub owner: String,
    /// 第 n 期 (an installment).
    pub installment: Option<i64>,
    /// The milestone's name.
    pub milestone: String,
    /// The part not covered (an installment), 元.
    pub amount: Option<f64>,
    /// Its due / planned date.
    pub due_date: String,
    pub days: i64,
}

/// 回款 of one customer in one month (the team report's 回款 sheet).
#[derive(Clone, Debug, PartialEq)]
pub struct PaymentMonth {
    pub customer_id: i64,
    pub customer_name: String,
    /// YYYY-MM.
    pub month: String,
    /// The installments due in the month, 元.
    pub planned: f64,
    /// The payments received in the month, 元.
    pub received: f64,
    /// What of the month's installments is overdue today (not covered), 元.
    pub overdue: f64,
}

/// A payment received, with its deal and customer (周会's 回款).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedPayment {
    pub payment_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub opportunity_id: i64,
    pub opportunity_name: String,
    /// The deal's 负责人.
    pub owner: String,
    pub received_on: String,
    pub amount: f64,
    pub note: String,
}

/// A delivery milestone with its deal and customer (the 交付 lists of the team report and 周会).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneRow {
    pub customer_id: i64,
    pub customer_name: String,
    pub opportunity_id: i64,
    pub opportunity_name: String,
    /// The milestone's owner, else the deal's.
    pub owner: String,
    pub name: String,
    pub planned_date: String,
    pub actual_date: String,
    pub status: MilestoneStatus,
    /// Past its planned day and not done.
    pub late: bool,
    /// Days past the planned day: today's while late, the day it was done when done after it.
    pub days_late: Option<i64>,
}

/// Money rounded to the fen.
pub fn fen(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// What `received` covers of each installment, in the order given (oldest first), and the
/// part overdue of each on `today` (YYYY-MM-DD): (covered, overdue).
pub fn allocate(installments: &[(f64, &str)], received: f64, today: &str) -> Vec<(f64, f64)> {
    let mut left = received;
    installments
        .iter()
        .map(|&(amount, due)| {
            let covered = fen(left.clamp(0.0, amount));
            left -= covered;
            let missing = fen(amount - covered);
            let overdue = if due < today && missing >= CENT { missing } else { 0.0 };
            (covered, overdue)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payments_cover_the_oldest_installments_first() {
        let plan = [(100.0, "2026-01-01"), (200.0, "2026-02-01"), (300.0, "2026-12-01")];
        assert_eq!(
            allocate(&plan, 150.0, "2026-11-23"),
            vec![(100.0, 0.0), (50.0, 150.0), (0.0, 0.0)],
            "the second is half paid and overdue; the third is not due"
        );
        assert_eq!(allocate(&plan, 700.0, "2026-11-23"), vec![(100.0, 0.0), (200.0, 0.0), (300.0, 0.0)]);
        assert_eq!(allocate(&plan, 0.0, "2026-01-01")[0], (0.0, 0.0), "due today is not overdue");
        assert_eq!(allocate(&plan, 0.0, "2026-01-02")[0], (0.0, 100.0), "the day after is");
    }
}
