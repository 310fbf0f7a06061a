//! Opportunities (商机, docs/opportunities.md): a deal with a customer moving through the stages
//! 立项 → 需求确认 → 方案 → 报价 → 谈判 → 合同 → 成交 / 丢单.
//!
//! Decisions:
//! - **Stage gates** ([`stages`]): entering a stage needs the key fields of that stage *and of
//!   every gated stage before it*, so a jump cannot skip them (立项 → 合同 needs the needs, the
//!   quote and the contract). 需求确认: at least one need recorded in a visit summary tied to
//!   the opportunity, or the opportunity's own `needs` text; 报价: quote amount and date;
//!   合同 and 成交: contract amount and date; 丢单: a review with a reason category and text
//!   (the stage it was lost at is recorded by the store). Moving back needs nothing. The same
//!   gate holds on every save, so a field the current stage needs cannot be cleared. A
//!   refusal names the first missing field; its `detail` lists all of them ("quoteAmount,quoteDate").
//! - **Probability**: the override when set, else the stage's default from 设置
//!   ([`StageProbabilities`]); 成交 is 100 and 丢单 0 whatever is set.
//! - **Amounts** are in 元.
//! - Every stage entered is recorded ([`StageChange`]), the first one at creation.

pub(crate) mod pipeline;
pub(crate) mod search;
pub mod stage_stats;
pub mod stages;
pub(crate) mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;
use crate::customers::Grade;
use crate::settings::StageProbabilities;

code_enum!(
    /// 商机阶段, in order; 成交 (won) and 丢单 (lost) close the opportunity.
    Stage { Initiation = "initiation", Needs = "needs", Solution = "solution", Quote = "quote", Negotiation = "negotiation", Contract = "contract", Won = "won", Lost = "lost" }
);

code_enum!(
    /// 丢单原因: 价格/产品技术/客户关系/预算取消/时机延期/服务交付/其他.
    LostReason { Price = "price", Product = "product", Relationship = "relationship", Budget = "budget", Timing = "timing", Service = "service", Other = "other" }
);

code_enum!(
    /// Sort columns of the opportunity table; by stage is in pipeline order (立项 → 丢单).
    OpportunitySort { ExpectedClose = "expected_close", Amount = "amount", Stage = "stage", Name = "name", UpdatedAt = "updated_at" }
);

// code_enum! cannot take `#[default]`, so the derive clippy suggests is not available.
#[allow(clippy::derivable_impls)]
impl Default for Stage {
    fn default() -> Self {
        Stage::Initiation
    }
}

impl Stage {
    /// Still in play (not won or lost).
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Won | Stage::Lost)
    }
}

/// 丢单复盘: why a deal was lost and what we do next.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct LostReview {
    /// Who won it (a competitor's name; empty when unknown or nobody).
    pub lost_to: String,
    pub reason: Option<LostReason>,
    pub text: String,
    /// The stage it was lost at; set by the store from the stage before 丢单.
    pub stage_lost_at: Option<Stage>,
    /// What next (keep in touch for the next tender, …).
    pub next: String,
}

/// The opportunity form (also the input of create and update).
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct OpportunityFields {
    pub name: String,
    /// 负责人 on our side.
    pub owner: String,
    /// 元; required, > 0.
    pub amount: Option<f64>,
    pub stage: Stage,
    /// Overrides the stage's default probability (0–100).
    pub probability: Option<i64>,
    /// YYYY-MM-DD.
    pub expected_close: String,
    /// The power-map scope of this deal (a named scope of the same customer).
    pub scope_id: Option<i64>,
    /// Key persons: contact ids of the customer.
    pub key_persons: Vec<i64>,
    /// The customer's budget, 元.
    pub budget: Option<f64>,
    pub competitors: Vec<String>,
    /// Needs confirmed for the deal, besides those in its visit summaries.
    pub needs: String,
    pub quote_amount: Option<f64>,
    pub quote_date: String,
    pub contract_amount: Option<f64>,
    pub contract_date: String,
    pub notes: String,
    /// 需单独跟进: only the follow-up records tied to this deal count for its no-follow-up light
    /// (a big deal with its own people, where a visit about another matter says nothing of it).
    pub own_follow_up_required: bool,
    /// Required when the stage is 丢单.
    pub lost_review: Option<LostReview>,
}

/// A stored opportunity.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Opportunity {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    #[serde(flatten)]
    pub fields: OpportunityFields,
    /// The probability in use: the override, else the stage's default.
    pub effective_probability: i64,
    /// amount × probability.
    pub weighted: f64,
    /// The day the current stage began.
    pub stage_since: String,
    pub created_at: String,
    pub updated_at: String,
}

/// How the pipeline reads the stage probabilities of 设置 ([`StageProbabilities`]).
impl StageProbabilities {
    pub fn of(&self, stage: Stage) -> i64 {
        match stage {
            Stage::Initiation => self.initiation,
            Stage::Needs => self.needs,
            Stage::Solution => self.solution,
            Stage::Quote => self.quote,
            Stage::Negotiation => self.negotiation,
            Stage::Contract => self.contract,
            Stage::Won => 100,
            Stage::Lost => 0,
        }
    }
}

/// One stage an opportunity entered.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StageChange {
    pub opportunity_id: i64,
    /// `None` for the creation.
    pub from: Option<Stage>,
    pub to: Stage,
    pub changed_on: String,
}

/// Filters of the pipeline (board, table, analytics). Empty lists mean "any".
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct OpportunityQuery {
    pub customer_id: Option<i64>,
    /// The deals' own 负责人 (not their customers').
    pub owners: Vec<String>,
    /// The customers' grades (A 类 accounts' deals alone, say).
    pub grades: Vec<Grade>,
    pub stages: Vec<Stage>,
    /// Expected close from/to (YYYY-MM-DD, inclusive); empty = open-ended.
    pub close_from: String,
    pub close_to: String,
    pub sort: OpportunitySort,
    pub descending: bool,
    pub offset: i64,
    pub limit: i64,
}

// code_enum! cannot take `#[default]`, so the derive clippy suggests is not available.
#[allow(clippy::derivable_impls)]
impl Default for OpportunityQuery {
    fn default() -> Self {
        OpportunityQuery {
            customer_id: None,
            owners: vec![],
            grades: vec![],
            stages: vec![],
            close_from: String::new(),
            close_to: String::new(),
            sort: OpportunitySort::ExpectedClose,
            descending: false,
            offset: 0,
            limit: 50,
        }
    }
}

/// An opportunity with its risk light (kanban cards, the table, the home page).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OpportunityRow {
    #[serde(flatten)]
    pub opportunity: Opportunity,
    pub risk: crate::risk::RiskLight,
}

#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OpportunityPage {
    pub rows: Vec<OpportunityRow>,
    pub total: i64,
}

/// One column of the kanban: the stage's totals and its first cards (largest amounts first).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BoardColumn {
    pub stage: Stage,
    pub count: i64,
    pub amount: f64,
    pub weighted: f64,
    pub cards: Vec<OpportunityRow>,
}

/// A forecast line: a month (YYYY-MM, "" = no expected close) or an owner.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ForecastRow {
    pub key: String,
    pub count: i64,
    pub amount: f64,
    /// Σ amount × probability.
    pub weighted: f64,
}

/// A funnel step: how many are in the stage now, and how many reached it (are at it or
/// beyond, won, or were lost after it).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FunnelStep {
    pub stage: Stage,
    pub count: i64,
    pub amount: f64,
    pub reached: i64,
}

/// Lost deals grouped by a key (reason code, competitor, stage code).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LostRow {
    pub key: String,
    pub count: i64,
    pub amount: f64,
}

/// Forecast, funnel and lost-deal analysis of the opportunities matching a query.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PipelineAnalytics {
    /// Open opportunities by expected-close month, in month order.
    pub by_month: Vec<ForecastRow>,
    /// Open opportunities by owner, largest weighted first.
    pub by_owner: Vec<ForecastRow>,
    pub total: ForecastRow,
    pub funnel: Vec<FunnelStep>,
    pub lost_by_reason: Vec<LostRow>,
    pub lost_by_competitor: Vec<LostRow>,
    pub lost_by_stage: Vec<LostRow>,
}
