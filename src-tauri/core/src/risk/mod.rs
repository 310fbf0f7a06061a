//! Risk lights (风险预警, docs/risk.md): per customer and per opportunity, each with
//! the list of reasons (hover text). Rules, each switchable and tunable in 设置
//! ([`RiskSettings`]):
//!
//! | rule | light |
//! |---|---|
//! | no follow-up: an open opportunity without a follow-up (visit, call or WeChat) of its customer — of the deal itself when it is marked 需单独跟进 — for ≥ `followUpYellowDays` (3) / ≥ `followUpRedDays` (7) days | yellow / red |
//! | no follow-up of a customer of a watched grade (A) without an open opportunity for ≥ `watchYellowDays` (14) / ≥ `watchRedDays` (30) days | yellow / red |
//! | quote idle: an opportunity at 报价 with no activity for ≥ `quoteIdleDays` (5) days | red |
//! | stuck in stage: an open opportunity in its stage for ≥ the stage's limit (`stageDays`) / ≥ twice it | yellow / red |
//! | power map: the customer's account-wide map is red (no supportive key player, or an empty required slot) | red |
//! | decision maker missing: an open opportunity whose map (its own scope, else the account-wide one) has no contact assessed as 决策者 with support ≥ neutral | red |
//! | overdue action: an open next action due before today | red |
//! | unconfirmed summary: a visit summary not confirmed by the customer ≥ `unconfirmedDays` (3) days after the visit | yellow |
//! | late record: the customer's latest follow-up record, of a visit in the last [`LATE_RECORD_WINDOW_DAYS`] days, was first saved more than 24 hours after the visit | yellow |
//! | signal: a purchase decline / stop / year-on-year drop or a financial signal in the trends cache | yellow (the "amber" of the issue: one level) |
//! | overdue payment: an installment of a won deal's plan not covered by the payments received (oldest first) the day after its due date / ≥ `paymentRedDays` (30) days after | yellow / red |
//! | overdue milestone: a delivery milestone of a won deal not done after its planned date | yellow |
//! | churn review (流失预警): a customer that has bought (a month the trends count as bought, or a won deal), not marked 流失, with no purchase and no open deal for ≥ `churnMonths` (6) months — cleared by a follow-up record dated on or after the day it lit, until `churnMonths` after that record | yellow |
//!
//! Definitions: *follow-up* of a customer is its latest visit summary of any kind (visit,
//! phone, WeChat…; none: its creation day); of an opportunity, its customer's latest follow-up
//! (the latest tied to the deal, for a deal marked 需单独跟进) or the day its current stage
//! began, whichever is later. *Activity* of a quote is the latest of: the quote date, the day it entered 报价, a
//! visit tied to it, an action tied to it created or changed. Days are whole calendar days
//! from the clock's date. A customer's light is the worst of its own reasons and those of its
//! open opportunities (listed with the opportunity's name); an opportunity's light is the
//! worst of its own reasons and its customer's power-map reason. Customers in the trash are
//! not evaluated.
//!
//! Evaluation ([`crate::store::Store::portfolio_risk`]) is set-based: one query per rule over
//! the whole portfolio (or a set of customers), the rows rolled up here ([`rollup`]).

pub(crate) mod as_of;
pub mod explain;
pub mod rollup;
pub(crate) mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;
use crate::customers::Grade;
use crate::settings::RiskSettings;

code_enum!(
    /// A risk light: green (nothing found), yellow, red — in that order of severity.
    RiskLevel { Green = "green", Yellow = "yellow", Red = "red" }
);

code_enum!(
    /// The rules behind the lights.
    RiskRule { NoFollowUp = "no_follow_up", QuoteIdle = "quote_idle", StuckInStage = "stuck_in_stage", PowerMap = "power_map", DecisionMakerMissing = "decision_maker_missing", OverdueAction = "overdue_action", Unconfirmed = "unconfirmed", LateRecord = "late_record", Signal = "signal", OverduePayment = "overdue_payment", OverdueMilestone = "overdue_milestone", ChurnReview = "churn_review" }
);

/// The late-record rule looks at the customer's latest follow-up record only while its visit is
/// this recent: it tells how the customer is being followed now; a month on, a record written
/// late is history (and a customer without a record since has the no-follow-up rule's light).
pub const LATE_RECORD_WINDOW_DAYS: i64 = 30;

impl RiskLevel {
    pub(crate) fn rank(self) -> u8 {
        match self {
            RiskLevel::Green => 0,
            RiskLevel::Yellow => 1,
            RiskLevel::Red => 2,
        }
    }

    /// The worse of two lights.
    pub fn max(self, other: RiskLevel) -> RiskLevel {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
}

/// How the rules read their switches and thresholds of 设置 ([`RiskSettings`]).
impl RiskSettings {
    pub fn enabled(&self, rule: RiskRule) -> bool {
        match rule {
            RiskRule::NoFollowUp => self.no_follow_up,
            RiskRule::QuoteIdle => self.quote_idle,
            RiskRule::StuckInStage => self.stuck_in_stage,
            RiskRule::PowerMap | RiskRule::DecisionMakerMissing => self.power_map,
            RiskRule::OverdueAction => self.overdue_action,
            RiskRule::Unconfirmed => self.unconfirmed,
            RiskRule::LateRecord => self.late_record,
            RiskRule::Signal => self.signals,
            RiskRule::OverduePayment => self.overdue_payment,
            RiskRule::OverdueMilestone => self.overdue_milestone,
            RiskRule::ChurnReview => self.churn_review,
        }
    }

    /// The day thresholds a rule's reasons are measured against, yellow and red (the rules
    /// without one: `None`). A reason may carry its own instead: a watched customer without
    /// an open opportunity, a stage's limit.
    pub fn thresholds(&self, rule: RiskRule) -> (Option<i64>, Option<i64>) {
        match rule {
            RiskRule::NoFollowUp => (Some(self.follow_up_yellow_days), Some(self.follow_up_red_days)),
            RiskRule::QuoteIdle => (None, Some(self.quote_idle_days)),
            RiskRule::Unconfirmed => (Some(self.unconfirmed_days), None),
            RiskRule::OverduePayment => (Some(1), Some(self.payment_red_days)),
            RiskRule::StuckInStage
            | RiskRule::PowerMap
            | RiskRule::DecisionMakerMissing
            | RiskRule::OverdueAction
            | RiskRule::LateRecord
            | RiskRule::Signal
            | RiskRule::OverdueMilestone
            | RiskRule::ChurnReview => (None, None),
        }
    }
}

/// One reason of a light, as codes and figures: the UI words it in the user's language
/// (`ui/src/components/riskReason.ts`), exports and the CLI in Chinese ([`explain::reason`]).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RiskReason {
    pub rule: RiskRule,
    pub level: RiskLevel,
    /// The opportunity it is about, if any.
    pub opportunity_id: Option<i64>,
    pub opportunity_name: String,
    /// Days since the last follow-up / activity / visit (rules that count days); the late-record
    /// rule: how many days after the visit (`since`) the record was written.
    pub days: Option<i64>,
    /// How many actions / summaries / signals.
    pub count: i64,
    /// The date it counts from (last visit, earliest overdue due date, …), YYYY-MM-DD.
    pub since: String,
    /// The days for yellow in force when it was evaluated (未跟进, 记录未确认), from
    /// [`RiskSettings::thresholds`].
    pub yellow_days: Option<i64>,
    /// The days for red in force (未跟进, 报价停滞).
    pub red_days: Option<i64>,
    /// The signal rule: the most severe signal's own line (as the trends list shows it).
    pub signal: String,
    /// The stuck-in-stage rule: the stage the opportunity is in (an opportunities `Stage` code).
    #[ts(type = "Stage | null")]
    pub stage: Option<String>,
    /// The overdue-payment rule: the oldest overdue installment's number (第 n 期).
    pub installment: Option<i64>,
    /// The overdue-payment rule: that installment's part not received, 元.
    pub amount: Option<f64>,
    /// The overdue-milestone rule: the oldest overdue milestone's name.
    pub milestone: String,
    /// The churn-review rule: whole months from the month of the last purchase or deal closed
    /// (`since`, YYYY-MM) to the clock's month.
    pub months: Option<i64>,
}

/// A light with its reasons, worst first (green: none).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RiskLight {
    pub level: RiskLevel,
    pub reasons: Vec<RiskReason>,
}

impl RiskLight {
    pub fn green() -> Self {
        RiskLight { level: RiskLevel::Green, reasons: Vec::new() }
    }
}

/// A customer's light.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CustomerRisk {
    pub customer_id: i64,
    pub customer_name: String,
    pub owner: String,
    pub grade: Option<Grade>,
    pub risk: RiskLight,
}

/// An opportunity's light.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OpportunityRisk {
    pub opportunity_id: i64,
    pub customer_id: i64,
    pub risk: RiskLight,
}

/// The lights of the whole portfolio (or the customers asked for): every customer that is not
/// green and every opportunity with reasons of its own (its light also carries its customer's
/// power-map reason), worst first. Those not listed are green.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioRisk {
    pub evaluated_on: String,
    pub customers: Vec<CustomerRisk>,
    pub opportunities: Vec<OpportunityRisk>,
}

/// A rule as 设置 shows it: on or off, and what it does (hover text).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    pub rule: RiskRule,
    pub enabled: bool,
    pub explanation: String,
}
