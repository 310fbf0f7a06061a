//! The settings (设置) as stored and edited, one type for the whole form: the profile's
//! staleness and financial thresholds, the purchase-trend detectors', the pipeline's stage
//! probabilities, the risk rules', the reminder and the trash. The features that read them
//! (`opportunities/`, `risk/`, `trends/`, …) use these types; how each reads its part is its own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::customers::Grade;

/// User-tunable thresholds, stored in the database.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// A dimension not updated for this many months is flagged stale.
    pub stale_months: i64,
    /// Turnover days moving by at least this percentage between periods raise a signal.
    pub turnover_change_pct: f64,
    /// Revenue or gross margin falling by at least this percentage of the earlier period's
    /// value raise a signal (1–100).
    pub financial_decline_pct: f64,
    /// Purchase trends (see `trends::detect`); fields missing from settings saved by an older
    /// version take these defaults. This many consecutive monthly declines of a product (1–12).
    pub decline_months: i64,
    /// A month at least this % above the trailing 3-month average is a surge (1–1000).
    pub surge_pct: f64,
    /// The last 3 months this % above or below the same months a year earlier (1–1000).
    pub yoy_pct: f64,
    /// A product not bought for this many months has stopped (1–12).
    pub stopped_months: i64,
    /// A product first bought within this many months is new (1–12).
    pub new_product_months: i64,
    /// Default probability of each open opportunity stage (settings saved before it read
    /// with these defaults).
    pub stage_probabilities: StageProbabilities,
    /// The risk rules' switches and thresholds (likewise).
    pub risk: RiskSettings,
    /// The desktop reminder of due and overdue next actions (likewise).
    pub notify: NotifySettings,
    /// Days a deleted record stays in the trash before it is purged for good (1–365).
    pub trash_days: i64,
}

/// The desktop reminder of next actions due today and overdue: the app sends one notification
/// at start-up and one at `time` each day while it runs (the UI schedules it; the counts come
/// from the home page's query with `owners`).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct NotifySettings {
    pub enabled: bool,
    /// Local time of the daily reminder, HH:MM (24-hour).
    pub time: String,
    /// Who is at the laptop (「我的负责人姓名」: 负责人 names as written on customers and actions); empty =
    /// everyone. The reminder counts only their actions and 今日 starts filtered to them: a
    /// shared database holds a team's actions, while 今日 and the reminder are for one person.
    pub owners: Vec<String>,
}

impl Default for NotifySettings {
    fn default() -> Self {
        NotifySettings { enabled: true, time: "09:00".into(), owners: Vec::new() }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            stale_months: 12,
            turnover_change_pct: 30.0,
            financial_decline_pct: 20.0,
            decline_months: 3,
            surge_pct: 50.0,
            yoy_pct: 30.0,
            stopped_months: 3,
            new_product_months: 3,
            stage_probabilities: Default::default(),
            risk: Default::default(),
            notify: Default::default(),
            trash_days: 30,
        }
    }
}

/// Default probability (%) of each open stage, in 设置; 成交 100, 丢单 0.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct StageProbabilities {
    pub initiation: i64,
    pub needs: i64,
    pub solution: i64,
    pub quote: i64,
    pub negotiation: i64,
    pub contract: i64,
}

// code_enum! cannot take `#[default]`, so the derive clippy suggests is not available.
#[allow(clippy::derivable_impls)]
impl Default for StageProbabilities {
    fn default() -> Self {
        StageProbabilities { initiation: 10, needs: 20, solution: 40, quote: 60, negotiation: 75, contract: 90 }
    }
}

/// The risk rules' switches and thresholds (in 设置).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct RiskSettings {
    pub no_follow_up: bool,
    /// Days without follow-up for yellow (1–365).
    pub follow_up_yellow_days: i64,
    /// Days without follow-up for red (≥ the yellow days, ≤ 365).
    pub follow_up_red_days: i64,
    /// Customer grades watched even without an open opportunity.
    pub follow_up_grades: Vec<Grade>,
    /// Days without any follow-up for yellow, for a watched customer without an open
    /// opportunity (1–365): longer than a deal's, an account between deals is not urgent.
    pub watch_yellow_days: i64,
    /// Days for red of the same (≥ its yellow days, ≤ 365).
    pub watch_red_days: i64,
    pub quote_idle: bool,
    /// Days without activity at 报价 for red (1–365).
    pub quote_idle_days: i64,
    pub power_map: bool,
    pub overdue_action: bool,
    pub unconfirmed: bool,
    /// Days after the visit an unconfirmed summary turns yellow (1–365).
    pub unconfirmed_days: i64,
    /// The customer's latest follow-up record (of the last weeks) was written more than 24 hours
    /// after the visit: yellow.
    pub late_record: bool,
    pub signals: bool,
    /// An open opportunity in one stage for longer than its stage's limit: yellow; twice the
    /// limit: red.
    pub stuck_in_stage: bool,
    /// The limit in days per open stage (1–365 each).
    pub stage_days: StageDays,
    /// An installment of a won deal not received after its due date: yellow from the next day.
    pub overdue_payment: bool,
    /// Days after the due date an overdue installment turns red (1–365).
    pub payment_red_days: i64,
    /// A delivery milestone of a won deal not done after its planned date: yellow.
    pub overdue_milestone: bool,
    /// A customer that has bought (a purchase, a won deal) but has had no purchase and no open
    /// deal for `churn_months`: yellow, for a 流失预警 review (docs/risk.md).
    pub churn_review: bool,
    /// Months without a purchase or an open deal before the review is asked for (1–36).
    pub churn_months: i64,
}

/// Days an opportunity may stay in each open stage before it counts as stuck (停滞).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct StageDays {
    pub initiation: i64,
    pub needs: i64,
    pub solution: i64,
    pub quote: i64,
    pub negotiation: i64,
    pub contract: i64,
}

/// A month for the stages that wait on the customer's own work (needs, a solution, a quote
/// under review), two weeks to qualify a lead or sign a contract, three for negotiation:
/// docs/risk.md says why.
impl Default for StageDays {
    fn default() -> Self {
        StageDays { initiation: 14, needs: 30, solution: 30, quote: 30, negotiation: 21, contract: 14 }
    }
}

impl StageDays {
    /// The open stages' codes with their limits, in pipeline order.
    pub fn by_code(&self) -> [(&'static str, i64); 6] {
        [
            ("initiation", self.initiation),
            ("needs", self.needs),
            ("solution", self.solution),
            ("quote", self.quote),
            ("negotiation", self.negotiation),
            ("contract", self.contract),
        ]
    }
}

impl Default for RiskSettings {
    fn default() -> Self {
        RiskSettings {
            no_follow_up: true,
            follow_up_yellow_days: 3,
            follow_up_red_days: 7,
            follow_up_grades: vec![Grade::A],
            watch_yellow_days: 14,
            watch_red_days: 30,
            quote_idle: true,
            quote_idle_days: 5,
            power_map: true,
            overdue_action: true,
            unconfirmed: true,
            unconfirmed_days: 3,
            late_record: true,
            signals: true,
            stuck_in_stage: true,
            stage_days: StageDays::default(),
            overdue_payment: true,
            payment_red_days: 30,
            overdue_milestone: true,
            churn_review: true,
            churn_months: 6,
        }
    }
}
