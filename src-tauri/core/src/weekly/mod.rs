//! 周会 (the weekly meeting, docs/weekly.md): one period and a set of owners, and what the
//! meeting asks of them (seed 001 ⑫: which deals moved, which risks were found, which actions
//! are stuck) — the period's follow-up records (跟进记录) with what was said, the needs, our
//! commitments, the next steps and the confirmation; the deals that changed stage (from the
//! stored stage history); the open deals with a risk light and why (the core's risk rules);
//! the deals won and lost in the period with the lost review; the customers whose red light is
//! new or cleared since the period's start (the dated rules as they stood then,
//! `risk::as_of`); the overdue actions by owner; the weighted forecast at the period's start
//! and end; the won deals' payments received in the period (回款) and their delivery
//! milestones planned or done in it, with every one late today (交付). The same view is the screen ([`Store::weekly`]) and the Excel export
//! (`export::weekly_report`).
//!
//! Whose is what (the owner filter, 负责人): a follow-up record and a red light are their
//! customer's owner's; a deal, its move, its close, its forecast, its payments and its
//! milestones are the deal's owner's; an overdue action is its own owner's. No owner chosen: everyone.

pub mod period;
pub(crate) mod store;
mod view;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;
use crate::opportunities::{Opportunity, OpportunityRow, Stage};
use crate::payments::{MilestoneRow, ReceivedPayment};
use crate::risk::CustomerRisk;
use crate::visits::{NextAction, Visit};

pub use period::Period;
pub use store::Scope;
pub(crate) use view::Limits;

code_enum!(
    /// The period the meeting looks at: this week or last week (Monday to Sunday), this month,
    /// or dates the user picks.
    PeriodPreset { ThisWeek = "this_week", LastWeek = "last_week", ThisMonth = "this_month", Custom = "custom" }
);

/// A period as the user picks it (周会, the team report), resolved into days by [`Period`].
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct PeriodQuery {
    pub preset: PeriodPreset,
    /// The custom period's first and last day (YYYY-MM-DD, both included); read only when
    /// `preset` is `custom`.
    pub from: String,
    pub to: String,
}

impl Default for PeriodQuery {
    fn default() -> Self {
        PeriodQuery { preset: PeriodPreset::ThisWeek, from: String::new(), to: String::new() }
    }
}

impl PeriodQuery {
    /// The custom period from `from` to `to`.
    pub fn days(from: &str, to: &str) -> PeriodQuery {
        PeriodQuery { preset: PeriodPreset::Custom, from: from.into(), to: to.into() }
    }
}

/// What the user picked on the 周会 page (or the CLI).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct WeeklyQuery {
    pub period: PeriodQuery,
    /// 负责人 to include; empty: everyone.
    pub owners: Vec<String>,
    /// The most rows each list of the screen carries (the export lists them all).
    pub limit: i64,
}

impl Default for WeeklyQuery {
    fn default() -> Self {
        WeeklyQuery { period: PeriodQuery::default(), owners: vec![], limit: 100 }
    }
}

/// A deal that changed stage in the period (one row per move).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StageMove {
    pub opportunity_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub opportunity_name: String,
    pub owner: String,
    pub from: Stage,
    pub to: Stage,
    pub changed_on: String,
    pub amount: Option<f64>,
    /// Where the deal is now (it may have moved again since).
    pub stage_now: Stage,
}

/// Overdue actions of one owner ("" = no owner written).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OwnerOverdue {
    pub owner: String,
    pub count: i64,
    /// The earliest due date among them.
    pub earliest: String,
}

/// One stage's open deals at the period's start and at its end.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct StageForecast {
    pub stage: Stage,
    pub start_count: i64,
    pub start_weighted: f64,
    pub end_count: i64,
    pub end_weighted: f64,
}

/// The figures at the top of the page and of the export's overview.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct WeeklySummary {
    pub records: i64,
    pub moves: i64,
    pub at_risk: i64,
    pub won: i64,
    pub won_amount: f64,
    pub lost: i64,
    pub lost_amount: f64,
    pub new_red: i64,
    pub cleared_red: i64,
    pub overdue: i64,
    /// Payments received in the period and their sum (元).
    pub payments: i64,
    pub received_amount: f64,
    /// Milestones planned or done in the period, or late today; of them, late today.
    pub milestones: i64,
    pub late_milestones: i64,
    /// Σ amount × probability of the deals open at the period's start / at its end.
    pub forecast_start: f64,
    pub forecast_end: f64,
}

/// The 周会 page: every section of the period for the owners chosen; each list holds at most
/// the query's `limit` rows, its total is in `summary`.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct WeeklyView {
    /// The period as resolved (a preset turned into its days), YYYY-MM-DD, both included.
    pub from: String,
    pub to: String,
    /// The day the period's end is evaluated on: the day after `to`, or today while the period
    /// has not ended (then the end is "now").
    pub end_evaluated_on: String,
    /// Every 负责人 written on a customer or a deal, for the owner filter.
    pub known_owners: Vec<String>,
    pub summary: WeeklySummary,
    /// The period's follow-up records, newest first.
    pub records: Vec<Visit>,
    /// Stage moves in the period, latest first.
    pub moves: Vec<StageMove>,
    /// Open deals with a risk light of their own (stuck in stage, no follow-up, …), red first,
    /// longest in their stage first.
    pub at_risk: Vec<OpportunityRow>,
    /// Deals won / lost in the period (their current stage entered in it), latest first.
    pub won: Vec<Opportunity>,
    pub lost: Vec<Opportunity>,
    /// Customers red at the end and not at the start, with the reasons at the end.
    pub new_red: Vec<CustomerRisk>,
    /// Customers red at the start and not at the end, with the reasons they had at the start.
    pub cleared_red: Vec<CustomerRisk>,
    /// Overdue actions today, by owner, then the first actions (by owner, earliest due first).
    pub overdue_by_owner: Vec<OwnerOverdue>,
    pub overdue: Vec<NextAction>,
    /// Open deals per stage at the start and the end (the pipeline's stages in order).
    pub forecast: Vec<StageForecast>,
    /// Payments received in the period on won deals, newest first.
    pub payments: Vec<ReceivedPayment>,
    /// Milestones of won deals planned or done in the period and those late today: the late
    /// ones first (most days late first), then by planned day.
    pub milestones: Vec<MilestoneRow>,
}
