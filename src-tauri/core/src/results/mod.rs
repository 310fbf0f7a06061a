//! 业绩 (docs/results.md): targets per owner and for the team, what was achieved against them,
//! how much of the forecast rests on actions, and the review of a period.
//!
//! Decisions:
//! - Four metrics ([`Metric`]): 签约额 (the contract amount, else the amount, of deals won in
//!   the period, on the day they were won), 回款额 (payments received in the period), 新增商机
//!   (deals created in the period) and 跟进次数 (follow-up records dated in the period).
//! - Whose is what follows 周会 (`weekly/mod.rs`): a deal, its win, its creation and its
//!   payments are the deal's owner's; a follow-up record is its customer's owner's.
//! - Targets are set per month or per quarter; a period of the page is a range of whole months.
//!   A month without its own target takes an even share of what its quarter's target leaves
//!   after the months that have one (`months.rs`), so a quarter's months add up to its target.
//!   The team's target, when it has none of its own in a month, is the sum of the owners'.
//! - The forecast of the period (open deals expected to close in it, weighted by the stage's
//!   probability) is split by what it rests on: deals with a follow-up record of their customer
//!   within the no-follow-up rule's yellow days and not stuck in their stage (有行动支撑), deals
//!   without one, stuck, or whose expected close has passed (停滞), and red deals (红灯).

pub mod months;
pub(crate) mod store;
mod view;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;
use crate::opportunities::{Opportunity, Stage};
use crate::risk::RiskLevel;
use crate::weekly::StageMove;

code_enum!(
    /// What a target is set for and the page measures.
    Metric { Signed = "signed", Collected = "collected", NewDeals = "new_deals", FollowUps = "follow_ups" }
);

/// One target as the form sends it: `value` empty removes it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TargetFields {
    /// A 负责人, or "" for the team.
    pub owner: String,
    pub metric: Metric,
    /// ≥ 0: 元 for 签约额 and 回款额, a count otherwise.
    pub value: Option<f64>,
}

/// The targets of one month (`YYYY-MM`) or quarter (`YYYY-Qn`), saved together.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TargetsInput {
    pub period: String,
    pub targets: Vec<TargetFields>,
}

/// A stored target.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub owner: String,
    pub metric: Metric,
    pub period: String,
    pub value: f64,
}

/// The targets of one month or quarter as the editor shows them: the stored ones, and the
/// owners it offers (every 负责人 known, and any with a target).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TargetSheet {
    pub period: String,
    pub owners: Vec<String>,
    pub targets: Vec<Target>,
}

code_enum!(
    /// The page's periods, on the user's calendar; `custom` reads `from` and `to`.
    ResultsPreset { ThisMonth = "this_month", ThisQuarter = "this_quarter", ThisYear = "this_year", LastMonth = "last_month", LastQuarter = "last_quarter", Custom = "custom" }
);

// code_enum! cannot take `#[default]`, so the derive clippy suggests is not available.
#[allow(clippy::derivable_impls)]
impl Default for ResultsPreset {
    fn default() -> Self {
        ResultsPreset::ThisMonth
    }
}

/// The page's period (whole months, both included) and owners (empty: everyone).
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct ResultsQuery {
    pub preset: ResultsPreset,
    /// `YYYY-MM`, for `custom`.
    pub from: String,
    pub to: String,
    pub owners: Vec<String>,
}

/// One metric's result over a period.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MetricResult {
    pub metric: Metric,
    pub actual: f64,
    /// The months' targets added up; `None` when no month of the period has one.
    pub target: Option<f64>,
    /// actual ÷ target; `None` without a target above 0.
    pub completion: Option<f64>,
}

/// An owner's results (or the total's, `owner` ""), the metrics in [`Metric::ALL`]'s order.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OwnerResults {
    pub owner: String,
    pub metrics: Vec<MetricResult>,
}

/// The total's results in one month of the period, for the chart.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MonthResults {
    pub month: String,
    pub metrics: Vec<MetricResult>,
}

code_enum!(
    /// What a deal of the forecast rests on.
    ForecastBasis { Backed = "backed", Stuck = "stuck", Red = "red" }
);

/// A deal of the forecast with why it is where it is.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ForecastDeal {
    pub opportunity_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub name: String,
    pub owner: String,
    pub stage: Stage,
    pub amount: f64,
    pub weighted: f64,
    pub expected_close: String,
    /// The customer's latest follow-up record's day ("" for none).
    pub last_follow_up: String,
    pub level: RiskLevel,
}

/// One part of the forecast: its deals' count, amounts and the largest of them.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ForecastPart {
    pub basis: ForecastBasis,
    pub count: i64,
    pub amount: f64,
    pub weighted: f64,
    /// Largest weighted first, at most [`LIST_LIMIT`].
    pub deals: Vec<ForecastDeal>,
}

/// An open deal that did not move in the period: no stage change, and no follow-up record of
/// its customer in the period or an overdue action.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StalledDeal {
    pub opportunity_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub name: String,
    pub owner: String,
    pub stage: Stage,
    pub amount: f64,
    /// The day its current stage began.
    pub stage_since: String,
    /// No follow-up record of its customer in the period.
    pub no_follow_up: bool,
    /// Its customer's overdue next actions today.
    pub overdue_actions: i64,
}

/// The review of the period: what moved, what stalled, what was won and lost.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ResultsReview {
    /// Stage moves, latest first (at most [`LIST_LIMIT`]), and how many in all.
    pub moved: Vec<StageMove>,
    pub moved_count: i64,
    /// Largest amount first.
    pub stalled: Vec<StalledDeal>,
    pub stalled_count: i64,
    pub won: Vec<Opportunity>,
    pub won_count: i64,
    pub won_amount: f64,
    pub lost: Vec<Opportunity>,
    pub lost_count: i64,
    pub lost_amount: f64,
}

/// The 业绩 page.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ResultsView {
    /// The period's first and last month (`YYYY-MM`) and day.
    pub from_month: String,
    pub to_month: String,
    pub from_day: String,
    pub to_day: String,
    /// One row per owner: those chosen, else every owner known or with a target.
    pub owners: Vec<OwnerResults>,
    /// Everyone's (the team's target), or the chosen owners' added up.
    pub total: OwnerResults,
    pub months: Vec<MonthResults>,
    /// 有行动支撑, 停滞, 红灯, in that order.
    pub forecast: Vec<ForecastPart>,
    /// How recent a follow-up record backs a deal: the no-follow-up rule's yellow days.
    pub forecast_days: i64,
    pub review: ResultsReview,
    /// Every 负责人 written on a customer or a deal, for the owner filter.
    pub known_owners: Vec<String>,
}

/// The totals of the current month and quarter, for 今日 (of the owners it shows).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TodayResults {
    /// `YYYY-MM` and `YYYY-Qn`.
    pub month: String,
    pub quarter: String,
    pub month_results: OwnerResults,
    pub quarter_results: OwnerResults,
}

/// How many deals each list of the page holds at most.
pub const LIST_LIMIT: i64 = 50;
