//! Enumeration labels as the exports print them, in Chinese and English. The database and
//! the UI only know codes (`codes.rs`); a spreadsheet is read by people, so it gets words.
//! The Chinese labels are the ones the importer reads back (`import::labels`), which the
//! template's drop-downs rely on (tested in tests/all/export.rs).

use super::Language;
use crate::customers::*;
use crate::opportunities::{LostReason, Stage};
use crate::payments::MilestoneStatus;
use crate::results::Metric;
use crate::risk::{RiskLevel, RiskReason, RiskRule};
use crate::trends::{Severity, SignalKind};
use crate::visits::{
    ActionStatus, Confirmation, CustomerType, NeedKind, OurRole, Priority, Progress, SalesAction, SupportKind,
    VisitMethod,
};

/// A code enum with a printable label.
pub trait Label: Copy + PartialEq + 'static {
    fn label(self, lang: Language) -> &'static str;
}

/// Labels in `ALL` order: `[(zh, en); N]`, as many as the enum has values (a variant added
/// without its label does not compile).
macro_rules! labels {
    ($($ty:ty => [$(($zh:literal, $en:literal)),+ $(,)?];)+) => {$(
        impl Label for $ty {
            fn label(self, lang: Language) -> &'static str {
                const L: [(&str, &str); <$ty>::ALL.len()] = [$(($zh, $en)),+];
                let i = <$ty>::ALL.iter().position(|v| *v == self).unwrap_or(0);
                lang.pick(L[i].0, L[i].1)
            }
        }
    )+};
}

labels! {
    Grade => [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")];
    Lifecycle => [("新建", "New"), ("有意向", "Interested"), ("跟进中", "Following up"), ("报价中", "Quoting"),
        ("谈判中", "Negotiating"), ("已成交", "Won"), ("老客户", "Existing"), ("流失", "Lost")];
    Ownership => [("国企", "State-owned"), ("民企", "Private"), ("外企", "Foreign"), ("合资", "Joint venture"),
        ("上市公司", "Listed company"), ("事业单位", "Public institution")];
    LeadSource => [("市场活动", "Campaign"), ("广告", "Advertising"), ("转介绍", "Referral"), ("展会", "Trade show"),
        ("直播", "Livestream"), ("官网", "Website"), ("渠道", "Channel"), ("自拓", "Self-sourced")];
    Trend => [("上升", "Rising"), ("平稳", "Stable"), ("下滑", "Declining")];
    BudgetType => [("扩张型", "Expansion"), ("保命型", "Survival")];
    CashFlow => [("宽松", "Loose"), ("正常", "Normal"), ("紧张", "Tight")];
    Procurement => [("招标", "Tender"), ("比价", "Price comparison"), ("单一来源", "Single source")];
    AllocationRule => [("低价优先", "Lowest price"), ("质量优先", "Quality first"), ("份额固定", "Fixed share"),
        ("招标", "Tender"), ("关系", "Relationship")];
    BuyingRole => [("决策者", "Decision maker"), ("审批者", "Approver"), ("评估者", "Evaluator"), ("使用者", "User"),
        ("影响者", "Influencer"), ("把关者", "Gatekeeper")];
    Coverage => [("未接触", "None"), ("初步", "Initial"), ("多次", "Repeated"), ("深度", "Deep")];
    Section => [("公司概要", "Company overview"), ("主营业务", "Main business"), ("财务状况", "Financials"),
        ("客户解读 SP/BP", "SP / BP"), ("权力地图", "Power map"), ("关键人物", "Key persons"), ("供应商", "Suppliers"),
        ("流程 & IT", "Process & IT")];
    FinancialMetric => [("库存周转天数", "Inventory days"), ("应收账款周转天数", "Receivable days"), ("营业收入", "Revenue"),
        ("毛利率", "Gross margin"), ("现金流", "Cash flow")];
    SignalKind => [("停购", "Stopped"), ("连续下降", "Decline"), ("同比下降", "Down on last year"), ("财务信号", "Financial"),
        ("激增", "Surge"), ("同比上升", "Up on last year"), ("新产品", "New product"), ("复购提醒", "Repurchase due")];
    Severity => [("高", "High"), ("中", "Medium"), ("低", "Low")];
    VisitMethod => [("面谈", "Meeting"), ("电话", "Phone"), ("视频", "Video"), ("微信", "WeChat"), ("邮件", "E-mail")];
    NeedKind => [("核心", "Core"), ("期望", "Expected"), ("潜在", "Latent")];
    Priority => [("高", "High"), ("中", "Medium"), ("低", "Low")];
    Confirmation => [("草稿", "Draft"), ("已发送", "Sent"), ("客户已确认", "Confirmed by customer")];
    ActionStatus => [("待执行", "To do"), ("进行中", "In progress"), ("已完成", "Done")];
    Progress => [("达成意向", "Intent reached"), ("存在疑虑", "Has doubts"), ("需补充资料", "Needs more material"),
        ("暂无进展", "No progress"), ("已拒绝", "Declined")];
    CustomerType => [("新客户", "New customer"), ("老客户维护", "Existing customer"), ("老客户复购", "Repeat purchase"),
        ("流失预警", "Churn warning")];
    SupportKind => [("技术支持", "Technical support"), ("法务审核", "Legal review"), ("价格审批", "Price approval"),
        ("交付资源", "Delivery resources"), ("高层拜访", "Executive visit"), ("其他", "Other")];
    SalesAction => [("方案讲解", "Solution presentation"), ("产品演示", "Demo"), ("提供案例", "Reference cases"),
        ("技术交流", "Technical exchange"), ("试用", "Trial"), ("报价", "Quote"), ("商务谈判", "Negotiation"),
        ("签约", "Signing")];
    OurRole => [("主谈", "Lead"), ("技术", "Technical"), ("商务", "Commercial"), ("交付", "Delivery"), ("高层", "Executive")];
    Stage => [("立项", "Initiation"), ("需求确认", "Needs confirmed"), ("方案", "Solution"), ("报价", "Quote"),
        ("谈判", "Negotiation"), ("合同", "Contract"), ("成交", "Won"), ("丢单", "Lost")];
    LostReason => [("价格", "Price"), ("产品技术", "Product / technology"), ("客户关系", "Customer relationship"),
        ("预算取消", "Budget cancelled"), ("时机延期", "Timing / postponed"), ("服务交付", "Service / delivery"), ("其他", "Other")];
    RiskLevel => [("绿灯", "Green"), ("黄灯", "Yellow"), ("红灯", "Red")];
    Metric => [("签约额（元）", "Signed (CNY)"), ("回款额（元）", "Collected (CNY)"), ("新增商机", "New deals"), ("跟进次数", "Follow-ups")];
    RiskRule => [("未跟进", "No follow-up"), ("报价停滞", "Quote idle"), ("阶段停滞", "Stuck in stage"), ("权力地图", "Power map"), ("缺少决策者", "No decision maker"),
        ("行动逾期", "Overdue action"), ("记录未确认", "Unconfirmed record"), ("记录晚写", "Late record"), ("采购/财务信号", "Purchase / financial signal"),
        ("回款逾期", "Overdue payment"), ("交付逾期", "Overdue milestone"), ("流失预警", "Churn warning")];
    MilestoneStatus => [("未开始", "Not started"), ("进行中", "In progress"), ("已完成", "Done")];
}

/// A risk reason in one line: the core's Chinese explanation (the app's hover text), and the
/// same facts in English — generated text, not user text, so it is translated.
pub fn risk_reason(r: &RiskReason, lang: Language) -> String {
    if lang == Language::Zh {
        return crate::risk::explain::reason(r);
    }
    let deal = if r.opportunity_name.is_empty() { String::new() } else { format!("Deal \"{}\": ", r.opportunity_name) };
    let days = r.days.unwrap_or(0);
    let plural = |n: i64, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    let what = match r.rule {
        RiskRule::NoFollowUp => format!("{days} days without follow-up (last {})", r.since),
        RiskRule::QuoteIdle => format!("no activity for {days} days after the quote (last {})", r.since),
        RiskRule::StuckInStage => format!("{days} days in its current stage (since {})", r.since),
        RiskRule::PowerMap => "power map red: no supportive key player, or a required role is empty".into(),
        RiskRule::DecisionMakerMissing => "no decision maker on our side (assessed, support neutral or better)".into(),
        RiskRule::OverdueAction => {
            format!("{} overdue (earliest due {})", plural(r.count, "action", "actions"), r.since)
        }
        RiskRule::Unconfirmed => {
            format!(
                "{} not confirmed by the customer (earliest {})",
                plural(r.count, "follow-up record", "follow-up records"),
                r.since
            )
        }
        RiskRule::LateRecord => {
            format!(
                "latest follow-up record written {} after the conversation of {} (due within 24 hours)",
                plural(days, "day", "days"),
                r.since
            )
        }
        RiskRule::Signal => {
            format!("{} (purchase decline, stop or financial)", plural(r.count, "warning signal", "warning signals"))
        }
        RiskRule::OverduePayment => format!(
            "installment {} of {} overdue for {} (due {})",
            r.installment.unwrap_or(0),
            crate::risk::explain::yuan(r.amount.unwrap_or(0.0)),
            plural(days, "day", "days"),
            r.since
        ),
        RiskRule::OverdueMilestone => format!(
            "delivery milestone \"{}\" overdue for {} (planned {})",
            r.milestone,
            plural(days, "day", "days"),
            r.since
        ),
        RiskRule::ChurnReview => format!(
            "no purchase and no open deal for {} (last purchase or deal {}): review for churn",
            plural(r.months.unwrap_or(0), "month", "months"),
            r.since
        ),
    };
    if deal.is_empty() {
        let mut chars = what.chars();
        return chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    }
    format!("{deal}{what}")
}

/// The label of an optional value; empty when unset.
pub fn opt<T: Label>(v: Option<T>, lang: Language) -> &'static str {
    v.map(|v| v.label(lang)).unwrap_or("")
}

/// Every label of an enumeration in display order (the template's drop-downs).
pub fn all<T: Label>(values: &[T], lang: Language) -> Vec<&'static str> {
    values.iter().map(|v| v.label(lang)).collect()
}

/// Support for us, −2..+2 (docs/powermap.md).
pub fn support(v: Option<i64>, lang: Language) -> &'static str {
    match v {
        Some(-2) => lang.pick("反对", "Enemy"),
        Some(-1) => lang.pick("不支持", "Unsupportive"),
        Some(0) => lang.pick("中立", "Neutral"),
        Some(1) => lang.pick("支持", "Supportive"),
        Some(2) => lang.pick("教练", "Mentor"),
        _ => "",
    }
}

pub fn yes_no(v: Option<bool>, lang: Language) -> &'static str {
    match v {
        Some(true) => lang.pick("是", "Yes"),
        Some(false) => lang.pick("否", "No"),
        None => "",
    }
}
