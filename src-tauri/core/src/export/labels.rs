//! Enumeration labels as the exports print them, in Chinese and English. The database and
//! the UI only know codes (model.rs); a spreadsheet is read by people, so it gets words.
//! The Chinese labels are the ones the importer reads back (`import::labels`), which the
//! template's drop-downs rely on (tested in tests/export.rs).

use super::Language;
use crate::model::*;
use crate::trends::{Severity, SignalKind};

/// A code enum with a printable label.
pub trait Label: Copy + PartialEq + 'static {
    fn label(self, lang: Language) -> &'static str;
}

/// Labels in `ALL` order: `[(zh, en); N]`.
macro_rules! labels {
    ($($ty:ty => [$(($zh:literal, $en:literal)),+ $(,)?];)+) => {$(
        impl Label for $ty {
            fn label(self, lang: Language) -> &'static str {
                const L: &[(&str, &str)] = &[$(($zh, $en)),+];
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
    FinancialMetric => [("库存周转天数", "Inventory days"), ("应收账款周转天数", "Receivable days")];
    SignalKind => [("停购", "Stopped"), ("连续下降", "Decline"), ("同比下降", "Down on last year"), ("财务信号", "Financial"),
        ("激增", "Surge"), ("同比上升", "Up on last year"), ("新产品", "New product")];
    Severity => [("高", "High"), ("中", "Medium"), ("低", "Low")];
}

/// The label of an optional value; empty when unset.
pub fn opt<T: Label>(v: Option<T>, lang: Language) -> &'static str {
    v.map(|v| v.label(lang)).unwrap_or("")
}

/// Every label of an enumeration in display order (the template's drop-downs).
pub fn all<T: Label>(values: &[T], lang: Language) -> Vec<&'static str> {
    values.iter().map(|v| v.label(lang)).collect()
}

/// Support for us, −2..+2 (DESIGN §2.3).
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
