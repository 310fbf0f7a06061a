//! Visit summaries (跟进记录) and their next actions (docs/visits.md).
//!
//! - [`quality`]: the warnings on save (no next action, an action without owner or date, a
//!   past due date, vague phrases) — they never block the save;
//! - [`recap`]: the customer-facing recap for the consensus confirmation;
//! - [`validate`]: the form's refusals.
//!
//! Decisions: the structured lists (needs, objections, commitments, …) are stored as JSON
//! with the visit and saved whole; actions are rows (queried by owner and due date), saved
//! with their visit as a list (an action left out of the list is deleted) or on their own.
//! An action's status is 待执行/进行中/已完成; 已逾期 is computed from the clock (an open
//! action whose due date is before today), never stored. The customer's participants are
//! kept with their name and title *as of the visit*, filled in from the contact when saved.
//! The template's single choices (进展状态, 客户类型) are columns; its multiple choices (销售动作,
//! 需内部支持) JSON lists of codes like the other lists, read leniently: a code this version does
//! not know (written by a newer one) is skipped, not the whole list.

pub(crate) mod actions;
pub(crate) mod bulk;
pub mod quality;
pub mod recap;
pub(crate) mod search;
pub(crate) mod store;
pub mod validate;

pub use bulk::{NewOpportunity, NewVisit};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;

code_enum!(
    /// 沟通方式: 面谈/电话/视频/微信/邮件.
    VisitMethod { Meeting = "meeting", Phone = "phone", Video = "video", Wechat = "wechat", Email = "email" }
);
code_enum!(
    /// 需求分类: 核心/期望/潜在.
    NeedKind { Core = "core", Expected = "expected", Latent = "latent" }
);
code_enum!(
    /// 优先级: 高/中/低.
    Priority { High = "high", Medium = "medium", Low = "low" }
);
code_enum!(
    /// 共识确认: 草稿 → 已发送 → 客户已确认.
    Confirmation { Draft = "draft", Sent = "sent", Confirmed = "confirmed" }
);
code_enum!(
    /// 进展状态: where the record leaves the customer (the source articles' template: 达成意向,
    /// 存在疑虑, 需补充资料; and the two ends a follow-up can also reach).
    Progress { Intent = "intent", Doubts = "doubts", NeedsMaterial = "needs_material", NoProgress = "no_progress", Rejected = "rejected" }
);
code_enum!(
    /// 客户类型 of the record: the source articles write a different record for a new customer
    /// (background, first interest, decision process), an existing one (its orders and feedback),
    /// a repeat purchase, and a customer about to be lost (complaints, competitors).
    CustomerType { New = "new", Existing = "existing", Repeat = "repeat", ChurnRisk = "churn_risk" }
);
code_enum!(
    /// 需内部支持: what the record asks of colleagues (technical support, a legal review, a price
    /// approval, delivery resources, an executive visit).
    SupportKind { Technical = "technical", Legal = "legal", Pricing = "pricing", Delivery = "delivery", Executive = "executive", Other = "other" }
);
code_enum!(
    /// 销售动作: what we did in the follow-up.
    SalesAction { Presentation = "presentation", Demo = "demo", CaseStudy = "case_study", TechExchange = "tech_exchange", Trial = "trial", Quote = "quote", Negotiation = "negotiation", Signing = "signing" }
);
code_enum!(
    /// A participant's role on our side: 主谈, 技术, 商务, 交付, 高层.
    OurRole { Lead = "lead", Technical = "technical", Business = "business", Delivery = "delivery", Executive = "executive" }
);
code_enum!(
    /// 行动状态 as stored: 待执行/进行中/已完成 (已逾期 is computed: see [`NextAction::overdue`]).
    ActionStatus { Todo = "todo", Doing = "doing", Done = "done" }
);

// code_enum! cannot take `#[default]`, so the derive clippy suggests is not available.
#[allow(clippy::derivable_impls)]
impl Default for VisitMethod {
    fn default() -> Self {
        VisitMethod::Meeting
    }
}

// code_enum! cannot take `#[default]`, so the derive clippy suggests is not available.
#[allow(clippy::derivable_impls)]
impl Default for ActionStatus {
    fn default() -> Self {
        ActionStatus::Todo
    }
}

/// A customer need heard in the visit.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Need {
    pub text: String,
    pub kind: Option<NeedKind>,
    pub priority: Option<Priority>,
}

/// An objection and how it was handled.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Objection {
    pub text: String,
    /// How we handled it (internal: never in the customer recap).
    pub handling: String,
}

/// A participant on the customer's side: a contact, with the name and title they had at the
/// time (filled in from the contact when left empty).
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Participant {
    pub contact_id: i64,
    pub name: String,
    pub title: String,
}

/// A participant on our side: the name as written (our colleagues are not contacts) and the
/// role they had in the visit (records written before roles existed have none).
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct OurParticipant {
    pub name: String,
    pub role: Option<OurRole>,
}

/// A colleague named without a role (as records written before roles hold them).
impl From<&str> for OurParticipant {
    fn from(name: &str) -> Self {
        OurParticipant { name: name.into(), role: None }
    }
}

/// A next action as the form sends it (`id` set for an existing one).
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct ActionFields {
    pub id: Option<i64>,
    /// What, concretely ("发送报价单", not "跟进").
    pub what: String,
    pub owner: String,
    /// YYYY-MM-DD.
    pub due_date: String,
    pub status: ActionStatus,
}

/// The visit summary form.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct VisitFields {
    pub opportunity_id: Option<i64>,
    /// YYYY-MM-DD; required.
    pub date: String,
    /// HH:MM or empty.
    pub time: String,
    pub method: VisitMethod,
    /// Place, or the meeting ID of a call.
    pub place: String,
    pub customer_participants: Vec<Participant>,
    /// Our side, each with their role.
    pub our_participants: Vec<OurParticipant>,
    /// What kind of follow-up this is (internal).
    pub customer_type: Option<CustomerType>,
    pub goal: String,
    pub summary: String,
    /// 进展状态 (internal: our reading of where the customer stands).
    pub progress: Option<Progress>,
    /// 销售动作 taken in this follow-up, each once (internal).
    pub sales_actions: Vec<SalesAction>,
    /// 解决方案概述: the solution proposed for the needs, in brief (internal).
    pub solution: String,
    /// What was agreed (达成共识): the heart of the customer recap.
    pub decisions: Vec<String>,
    pub needs: Vec<Need>,
    pub objections: Vec<Objection>,
    /// Our commitments (我方承诺).
    pub commitments: Vec<String>,
    /// The customer's own words (客户原话) — internal.
    pub quotes: Vec<String>,
    /// Competitor news — internal.
    pub competitor_news: Vec<String>,
    /// Risks — internal.
    pub risks: Vec<String>,
    /// Opportunities spotted — internal.
    pub opportunities: Vec<String>,
    /// 需内部支持: what we need from colleagues, each once — internal.
    pub internal_support: Vec<SupportKind>,
    /// What exactly, for whom, by when — internal.
    pub support_note: String,
    /// 附加备注 / 协作进展: special circumstances, history, how the colleagues' part is going —
    /// internal.
    pub notes: String,
    /// Highlights the record.
    pub urgent: bool,
    pub actions: Vec<ActionFields>,
}

/// A stored visit summary. `fields.actions` carry their ids.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Visit {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    /// The name of `fields.opportunityId`, empty when none.
    pub opportunity_name: String,
    #[serde(flatten)]
    pub fields: VisitFields,
    pub confirmation: Confirmation,
    /// YYYY-MM-DD or empty.
    pub sent_on: String,
    pub confirmed_on: String,
    /// Ids of the actions that are overdue today.
    pub overdue_actions: Vec<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// A next action with where it belongs (lists, home page).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct NextAction {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub visit_id: Option<i64>,
    pub opportunity_id: Option<i64>,
    pub opportunity_name: String,
    pub what: String,
    pub owner: String,
    pub due_date: String,
    pub status: ActionStatus,
    /// Open and due before today (已逾期).
    pub overdue: bool,
    pub done_on: String,
    pub created_at: String,
}

/// Where a standalone action belongs.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct ActionTarget {
    pub customer_id: i64,
    pub opportunity_id: Option<i64>,
}

code_enum!(
    /// What the quality check found.
    QualityIssue { NoNextAction = "no_next_action", NoOwner = "no_owner", NoDueDate = "no_due_date", PastDue = "past_due", VaguePhrase = "vague_phrase", LateRecord = "late_record" }
);

/// A warning of the quality check: the field it is about ("summary", "actions.1.owner"), the
/// vague phrase found, and what to write instead (Chinese).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct QualityWarning {
    pub issue: QualityIssue,
    pub field: String,
    pub phrase: String,
    pub suggestion: String,
}

/// A saved visit with the quality check's warnings.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SavedVisit {
    pub visit: Visit,
    pub warnings: Vec<QualityWarning>,
}

/// A saved action with its warnings (no owner, no date, past due, vague).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SavedAction {
    pub action: NextAction,
    pub warnings: Vec<QualityWarning>,
}

/// One page of a customer's visit summaries, newest first.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct VisitPage {
    pub rows: Vec<Visit>,
    pub total: i64,
}

/// The customer-facing recap: plain text for WeChat or e-mail.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Recap {
    pub visit_id: i64,
    pub text: String,
}
