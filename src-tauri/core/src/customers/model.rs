//! The domain types of Dossier (docs/profile.md). These are also the types the UI sees: the
//! TypeScript declarations in `ui/src/bindings.ts` are generated from them (see `bindings.rs`).
//!
//! Enumerations travel as stable snake_case codes; the UI translates them (zh-CN / en), so the
//! database and exports never depend on the display language.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;
use crate::error::ContactRef;

code_enum!(
    /// 客户分级.
    Grade { A = "A", B = "B", C = "C", D = "D" }
);
code_enum!(
    /// 客户生命周期: 新建/有意向/跟进中/报价中/谈判中/已成交/老客户/流失.
    Lifecycle { New = "new", Interested = "interested", Following = "following", Quoting = "quoting", Negotiating = "negotiating", Won = "won", Existing = "existing", Lost = "lost" }
);
code_enum!(
    /// 企业性质: 国企/民企/外企/合资/上市公司/事业单位.
    Ownership { StateOwned = "state_owned", Private = "private", Foreign = "foreign", JointVenture = "joint_venture", Listed = "listed", PublicInstitution = "public_institution" }
);
code_enum!(
    /// 客户来源: 市场活动/广告/转介绍/展会/直播/官网/渠道/自拓.
    LeadSource { Campaign = "campaign", Advertising = "advertising", Referral = "referral", TradeShow = "trade_show", Livestream = "livestream", Website = "website", Channel = "channel", SelfSourced = "self_sourced" }
);
code_enum!(
    /// 业务趋势: 上升/平稳/下滑.
    Trend { Rising = "rising", Stable = "stable", Declining = "declining" }
);
code_enum!(
    /// 预算类型: 扩张型/保命型 — what the main-business trend tells about their budget.
    BudgetType { Expansion = "expansion", Survival = "survival" }
);
code_enum!(
    /// 现金流压力: 宽松/正常/紧张.
    CashFlow { Loose = "loose", Normal = "normal", Tight = "tight" }
);
code_enum!(
    /// 采购方式: 招标/比价/单一来源.
    Procurement { Tender = "tender", PriceComparison = "price_comparison", SingleSource = "single_source" }
);
code_enum!(
    /// 订单分配规则: 低价优先/质量优先/份额固定/招标/关系.
    AllocationRule { LowestPrice = "lowest_price", QualityFirst = "quality_first", FixedShare = "fixed_share", Tender = "tender", Relationship = "relationship" }
);
code_enum!(
    /// 采购角色: 决策者/审批者/评估者/使用者/影响者/把关者.
    BuyingRole { DecisionMaker = "decision_maker", Approver = "approver", Evaluator = "evaluator", User = "user", Influencer = "influencer", Gatekeeper = "gatekeeper" }
);
code_enum!(
    /// 覆盖程度: 未接触/初步/多次/深度.
    Coverage { None = "none", Initial = "initial", Repeated = "repeated", Deep = "deep" }
);
code_enum!(
    /// The eight dimensions of the customer profile (docs/profile.md), in page order.
    Section { Overview = "overview", Business = "business", Financials = "financials", SpBp = "sp_bp", PowerMap = "power_map", KeyPersons = "key_persons", Suppliers = "suppliers", ProcessIt = "process_it" }
);
code_enum!(
    /// Financial metrics that raise a signal when they move between periods: turnover days
    /// either way, revenue and gross margin when they fall, cash flow when it turns 紧张.
    FinancialMetric { InventoryDays = "inventory_days", ReceivableDays = "receivable_days", Revenue = "revenue", GrossMargin = "gross_margin", CashFlow = "cash_flow" }
);
code_enum!(
    /// The power map's status light (docs/powermap.md), see [`crate::powermap::status`]:
    /// unknown (nothing assessed yet, grey), red, amber, green.
    StatusLight { Unknown = "unknown", Red = "red", Amber = "amber", Green = "green" }
);
code_enum!(
    /// The edges of the power map: reports-to (formal, stored on the contact), influences
    /// (informal, directed) and conflicts (undirected).
    EdgeKind { ReportsTo = "reports_to", Influences = "influences", Conflicts = "conflicts" }
);
code_enum!(
    /// Columns the customer list can be sorted by.
    CustomerSort { Name = "name", Grade = "grade", Lifecycle = "lifecycle", Industry = "industry", Owner = "owner", Completeness = "completeness", UpdatedAt = "updated_at" }
);

/// Dimension 1 (company overview) plus the customer-level classification fields: everything
/// edited in the customer form. Also the input of "create customer".
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerFields {
    /// Legal name (公司全称); required, unique after normalisation.
    pub name: String,
    pub short_name: String,
    pub ownership: Option<Ownership>,
    pub industry: String,
    pub region: String,
    pub headcount: Option<i64>,
    /// Founding date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub founded: String,
    pub stock_code: String,
    pub headquarters: String,
    pub subsidiaries: String,
    pub website: String,
    pub grade: Option<Grade>,
    pub lifecycle: Option<Lifecycle>,
    pub owner: String,
    pub collaborators: String,
    pub lead_source: Option<LeadSource>,
    pub tags: Vec<String>,
    /// The customer's own notes (备注): free text, as a customer list's 备注 column holds it.
    pub notes: String,
}

/// A stored customer (客户): the organisation, never a person.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    pub id: i64,
    #[serde(flatten)]
    pub fields: CustomerFields,
    /// Overall profile completeness, 0–100.
    pub completeness: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// One business line of dimension 2, with its share of revenue.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct BusinessLine {
    pub name: String,
    /// Share of revenue in percent, 0–100.
    pub share: Option<f64>,
    pub products: String,
}

/// Dimension 2: 主营业务.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct MainBusiness {
    pub lines: Vec<BusinessLine>,
    pub main_products: String,
    pub market_position: String,
    pub trend: Option<Trend>,
    pub budget_type: Option<BudgetType>,
}

/// Dimension 3: one period of the financial series (one row per period).
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct FinancialPeriod {
    /// `YYYY`, `YYYY-MM` or `YYYY-Qn`; unique per customer.
    pub period: String,
    /// Revenue in 万元.
    pub revenue: Option<f64>,
    /// Gross margin in percent.
    pub gross_margin: Option<f64>,
    /// Net profit in 万元 (may be negative).
    pub net_profit: Option<f64>,
    pub inventory_days: Option<f64>,
    pub receivable_days: Option<f64>,
    pub cash_flow: Option<CashFlow>,
    pub source: String,
}

/// Dimension 4: 客户解读 — strategic plan (3–5 years) and this year's business plan.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct SpBp {
    pub sp_goals: String,
    pub sp_key_projects: String,
    pub bp_goals: String,
    pub bp_key_projects: String,
    pub budget_approved: Option<bool>,
    /// Approved budget in 万元.
    pub budget_amount: Option<f64>,
    pub how_we_help: String,
}

/// Dimension 5 (table form): one contact's role in the decision chain.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssessment {
    pub contact_id: i64,
    pub buying_role: Option<BuyingRole>,
    /// Support for us, −2 (反对) … +2 (教练).
    pub support: Option<i64>,
    /// Influence 1–5.
    pub influence: Option<i64>,
    pub coverage: Option<Coverage>,
    #[serde(default)]
    pub evidence: String,
    /// When this assessment was made (YYYY-MM-DD); set by the store when empty.
    #[serde(default)]
    pub assessed_on: String,
}

/// Dimension 7: an incumbent supplier for one product category.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Supplier {
    pub category: String,
    pub name: String,
    /// Share of the category in percent.
    pub share: Option<f64>,
    pub since: String,
    /// Contract end date (YYYY-MM-DD or YYYY-MM).
    pub contract_end: String,
    pub allocation_rule: Option<AllocationRule>,
    pub strengths: String,
    pub weaknesses: String,
    /// True for our own row (our share of the category).
    pub is_us: bool,
}

/// Dimension 8: 流程 & IT.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct ProcessIt {
    pub procurement: Option<Procurement>,
    pub approval_steps: String,
    /// Systems in use: ERP 用友/金蝶/SAP, SRM, MES…
    pub systems: Vec<String>,
    /// Digital maturity 1–5.
    pub digital_maturity: Option<i64>,
    pub integration_needs: String,
}

/// The contact form (联系人全息背景卡, docs/contacts.md). The personal fields ([`PersonalField`]) are
/// hidden in presentation mode and left out of exports unless asked for.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct ContactFields {
    pub name: String,
    pub title: String,
    pub department: String,
    pub reports_to: Option<i64>,
    pub phone: String,
    pub wechat: String,
    pub email: String,
    pub is_key_person: bool,
    /// 性格特征 (personal).
    pub traits: String,
    /// 破冰话题 (personal).
    pub ice_breakers: String,
    /// 爱好 (personal).
    pub hobbies: String,
    /// 饮品/饮食/礼品禁忌 (personal).
    pub preferences: String,
    /// 痛点 / KPI 压力 (personal).
    pub pain_points: String,
    /// 职业路径与抱负 (personal).
    pub career: String,
    /// 沟通风格 (personal).
    pub communication_style: String,
    /// 家庭 (personal).
    pub family: String,
    /// 备注 (personal).
    pub notes: String,
    /// Last contact date, YYYY-MM-DD.
    pub last_contact: String,
}

/// A personal field of the contact card: personal information about the person (PIPL) rather
/// than how to reach them or where they sit. The one list of them: presentation mode hides
/// exactly these (the UI reads `PERSONAL_FIELDS` from the generated bindings), the exports
/// leave them out unless the user ticks "include personal details" (`export/cells.rs` builds
/// their columns from this list), and 彻底删除 removes them with the person (`erase/`).
///
/// Reviewed against the card of docs/contacts.md, field by field:
/// - personality traits, communication style: a judgement of someone's character and manner,
///   as personal as their hobbies, and hurtful on a screen the person (or their boss) sees;
/// - ice-breakers: drawn from hobbies and family ("女儿学钢琴"), so they tell the same things;
/// - hobbies, preferences (food, drink, gift taboos: may reveal health or religion), family;
/// - pain points / KPI pressure, career path and ambitions: the person's own standing and
///   plans at work ("想调去总部"), not the customer's needs — harmful in the wrong hands;
/// - notes: free text about a person, which may hold any of the above.
///
/// Not personal in this sense, so shown in presentation mode and always exported: name,
/// title, department, reports-to, phone, WeChat, e-mail (the business contact details the
/// card exists for; still personal data that 彻底删除 removes), the key-person flag and the
/// last contact date (our relationship with them, not facts about them).
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "camelCase")]
pub enum PersonalField {
    Traits,
    IceBreakers,
    Hobbies,
    Preferences,
    PainPoints,
    Career,
    CommunicationStyle,
    Family,
    Notes,
}

impl PersonalField {
    /// Every personal field, in the card's order.
    pub const ALL: [PersonalField; 9] = [
        PersonalField::Traits,
        PersonalField::IceBreakers,
        PersonalField::Hobbies,
        PersonalField::Preferences,
        PersonalField::PainPoints,
        PersonalField::Career,
        PersonalField::CommunicationStyle,
        PersonalField::Family,
        PersonalField::Notes,
    ];

    /// The field's value on a contact card.
    pub fn value(self, c: &ContactFields) -> &str {
        match self {
            PersonalField::Traits => &c.traits,
            PersonalField::IceBreakers => &c.ice_breakers,
            PersonalField::Hobbies => &c.hobbies,
            PersonalField::Preferences => &c.preferences,
            PersonalField::PainPoints => &c.pain_points,
            PersonalField::Career => &c.career,
            PersonalField::CommunicationStyle => &c.communication_style,
            PersonalField::Family => &c.family,
            PersonalField::Notes => &c.notes,
        }
    }
}

/// A stored contact (联系人): a person at a customer.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub id: i64,
    pub customer_id: i64,
    #[serde(flatten)]
    pub fields: ContactFields,
    /// Full pinyin of the name, for display next to rare characters and for search.
    pub pinyin: String,
    pub updated_at: String,
    /// The day of the latest follow-up record (跟进记录) the contact took part in, read from
    /// the records (`None` when there is none); see [`Contact::last_contact`].
    #[serde(default)]
    pub followed_up_on: Option<String>,
}

impl Contact {
    /// 最近联系: the day of the latest follow-up record the contact took part in, so it never
    /// contradicts the records; the date typed on the card only where no record names them.
    pub fn last_contact(&self) -> &str {
        self.followed_up_on.as_deref().unwrap_or(&self.fields.last_contact)
    }
}

/// How complete and how fresh one dimension is.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SectionStatus {
    pub section: Section,
    pub updated_at: Option<String>,
    /// 0–100.
    pub completeness: i64,
    /// Older than the configured staleness age.
    pub stale: bool,
}

/// "库存周转天数 30→60 天, +100%" between two consecutive financial periods.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FinancialSignal {
    pub metric: FinancialMetric,
    pub from_period: String,
    pub to_period: String,
    /// The values compared (cash flow: none, it is a level; 0).
    pub from_value: f64,
    pub to_value: f64,
    /// Signed change in percent of the earlier value (cash flow: 0).
    pub change_pct: f64,
}

/// Everything the customer page shows, in one call.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CustomerProfile {
    pub customer: Customer,
    pub business: MainBusiness,
    pub financials: Vec<FinancialPeriod>,
    pub sp_bp: SpBp,
    pub roles: Vec<RoleAssessment>,
    pub suppliers: Vec<Supplier>,
    pub process_it: ProcessIt,
    pub contacts: Vec<Contact>,
    pub sections: Vec<SectionStatus>,
    pub signals: Vec<FinancialSignal>,
    /// The account-wide power map's status light and its reasons (the customer header).
    pub power_status: MapStatus,
    /// 最近联系 of the customer: the day of its latest follow-up record (`None` without one).
    #[serde(default)]
    pub last_follow_up: Option<String>,
}

impl CustomerProfile {
    /// The profile of a customer that has nothing yet but its overview fields.
    pub fn new_customer(customer: Customer) -> Self {
        CustomerProfile {
            customer,
            business: MainBusiness::default(),
            financials: vec![],
            sp_bp: SpBp::default(),
            roles: vec![],
            suppliers: vec![],
            process_it: ProcessIt::default(),
            contacts: vec![],
            sections: vec![],
            signals: vec![],
            power_status: MapStatus::default(),
            last_follow_up: None,
        }
    }
}

/// Why the status light has its colour; the UI words each reason (hover text).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(tag = "code", content = "data", rename_all = "snake_case")]
pub enum StatusReason {
    /// Nobody's support is assessed and no role is required yet (grey).
    NotAssessed,
    /// No key player supports us (≥ +1) (red).
    NoSupportiveKeyPlayer,
    /// Key players support us but none of them decides or approves (amber).
    NoSupportiveDecider { supporters: Vec<ContactRef> },
    /// A decision maker or approver supports us (green).
    SupportiveDecider { contacts: Vec<ContactRef> },
    /// A required role nobody in the scope has (red).
    #[serde(rename_all = "camelCase")]
    EmptySlot { slot_id: i64, buying_role: BuyingRole, label: String },
}

/// The status light of one power-map scope and why (computed by `powermap/status.rs`; the
/// account-wide one is also the profile's).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MapStatus {
    pub light: StatusLight,
    pub reasons: Vec<StatusReason>,
}

impl Default for MapStatus {
    fn default() -> Self {
        MapStatus { light: StatusLight::Unknown, reasons: vec![StatusReason::NotAssessed] }
    }
}

/// One row of the customer list.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CustomerRow {
    pub id: i64,
    pub name: String,
    pub short_name: String,
    pub grade: Option<Grade>,
    pub lifecycle: Option<Lifecycle>,
    pub industry: String,
    pub region: String,
    pub owner: String,
    pub completeness: i64,
    pub contact_count: i64,
    pub updated_at: String,
    /// The account-wide power map's status light (kept in `customer.power_status`).
    pub power_status: StatusLight,
}

/// Filters, sort and page of the customer list. Empty lists mean "any".
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerQuery {
    pub grades: Vec<Grade>,
    pub lifecycles: Vec<Lifecycle>,
    pub industries: Vec<String>,
    pub owners: Vec<String>,
    /// Narrows the list by name, short name, pinyin or contact (the same matching as search).
    pub text: String,
    pub sort: CustomerSort,
    pub descending: bool,
    pub offset: i64,
    pub limit: i64,
}

impl Default for CustomerQuery {
    fn default() -> Self {
        CustomerQuery {
            grades: vec![],
            lifecycles: vec![],
            industries: vec![],
            owners: vec![],
            text: String::new(),
            sort: CustomerSort::UpdatedAt,
            descending: true,
            offset: 0,
            limit: 50,
        }
    }
}

/// One page of the customer list and the total number of matching customers.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CustomerPage {
    pub rows: Vec<CustomerRow>,
    pub total: i64,
}

/// The values the list's filter drop-downs offer.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    pub industries: Vec<String>,
    /// The customers' 负责人.
    pub owners: Vec<String>,
    /// The deals' 负责人 (the pipeline filters by these; a deal can be someone else's than its
    /// customer's).
    pub deal_owners: Vec<String>,
}

/// Counts per entity (`dossier-cli stats`).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub customers: i64,
    pub contacts: i64,
    pub financial_periods: i64,
    pub suppliers: i64,
    pub role_assessments: i64,
    pub purchases: i64,
}

code_enum!(
    /// What the trash (回收站) holds.
    DeletedKind { Customer = "customer", Contact = "contact", Visit = "visit", Opportunity = "opportunity" }
);

/// What "undo" or a restore from the trash brought back (`id`: the record's id now, which is
/// a new one when a record created since took the old).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    pub kind: DeletedKind,
    pub id: i64,
    pub customer_id: i64,
    pub name: String,
}

/// What went to the trash with an entry, counted when it was deleted: a customer's contacts,
/// deals, visit summaries, next actions, purchase records and power-map scopes; a summary's
/// next actions. The UI words it ("3 位联系人、2 个商机、5 条跟进记录").
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct TrashContents {
    pub contacts: i64,
    pub opportunities: i64,
    pub visits: i64,
    pub actions: i64,
    pub purchases: i64,
    pub power_scopes: i64,
}

/// One entry of the trash.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrashEntry {
    pub id: i64,
    pub kind: DeletedKind,
    /// The record's id when it was deleted.
    pub record_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    /// The record's name (a summary: its date and goal).
    pub name: String,
    pub deleted_at: String,
    /// When it leaves for good (deleted_at + `Settings::trash_days`).
    pub expires_at: String,
    /// The import whose undo put it here, if any.
    pub import_id: Option<i64>,
    pub contents: TrashContents,
}

/// A page of the trash, newest first.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrashPage {
    pub entries: Vec<TrashEntry>,
    pub total: i64,
}

/// Which database the app has open, or why it could not open it. When `error` is set the app
/// shows it and offers to open another file; the file itself was not touched.
#[derive(Serialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DbStatus {
    pub path: String,
    pub error: Option<crate::error::CoreError>,
    /// True when the open database holds no customer yet (the welcome screen).
    pub empty: bool,
}
