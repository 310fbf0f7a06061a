//! The types of purchase trends the UI sees (generated into `ui/src/bindings.ts`): a customer's
//! chart data, signals, the portfolio chart, and purchase records for the editable grid.
//! Every chart type is "a months array plus series arrays of the same length", so a chart is
//! drawn from it directly.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::customers::{FinancialMetric, Grade};

/// What changed. The feed's order is by [`Severity`] first; see [`SignalKind::severity`].
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// N (default 3) consecutive monthly declines of a product, ending with the last complete month.
    Decline,
    /// The last complete month ≥ X % (default 50) above the trailing 3-month average.
    Surge,
    /// The last 3 months together ≥ Y % (default 30) below the same 3 months a year earlier.
    YoyDrop,
    /// The last 3 months together ≥ Y % above the same 3 months a year earlier.
    YoyRise,
    /// A product not bought for ≥ N (default 3) months after being bought.
    Stopped,
    /// A product first bought within the last N (default 3) months by a customer with history.
    NewProduct,
    /// Dimension 3: inventory or receivables turnover days moving ≥ the threshold between periods.
    Financial,
    /// 复购提醒: a product bought in a rhythm (≥ 3 purchases at a fairly regular interval) whose
    /// usual interval has passed since the last purchase — the customer is due to buy again.
    Repurchase,
}

/// How urgent a signal is. High: business being lost (stopped, decline); medium: worrying
/// change (year-on-year drop, financial turnover change); low: opportunities and news (surge,
/// year-on-year rise, new product, a repurchase due).
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    pub const ALL: &'static [Severity] = &[Severity::High, Severity::Medium, Severity::Low];
}

impl SignalKind {
    pub const ALL: &'static [SignalKind] = &[
        SignalKind::Stopped,
        SignalKind::Decline,
        SignalKind::YoyDrop,
        SignalKind::Financial,
        SignalKind::Surge,
        SignalKind::YoyRise,
        SignalKind::NewProduct,
        SignalKind::Repurchase,
    ];

    pub fn severity(self) -> Severity {
        match self {
            SignalKind::Stopped | SignalKind::Decline => Severity::High,
            SignalKind::YoyDrop | SignalKind::Financial => Severity::Medium,
            SignalKind::Surge | SignalKind::YoyRise | SignalKind::NewProduct | SignalKind::Repurchase => Severity::Low,
        }
    }

    /// The stable code (the same as serde's).
    pub fn code(self) -> &'static str {
        match self {
            SignalKind::Decline => "decline",
            SignalKind::Surge => "surge",
            SignalKind::YoyDrop => "yoy_drop",
            SignalKind::YoyRise => "yoy_rise",
            SignalKind::Stopped => "stopped",
            SignalKind::NewProduct => "new_product",
            SignalKind::Financial => "financial",
            SignalKind::Repurchase => "repurchase",
        }
    }
}

/// One signal of the customer page and the home feed.
///
/// `months` are what a chart marks (one month: a point; several: an area), oldest first, with
/// `values` the product's CNY amount in each (for a financial signal: the two periods and
/// their turnover days). `from → to` are the two figures compared (for a repurchase: the usual
/// interval and the months since the last purchase, whole months); `impact` is the CNY per
/// month the signal is about (the sort key within a severity; 0 for financial signals).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrendSignal {
    pub customer_id: i64,
    pub customer_name: String,
    pub kind: SignalKind,
    pub severity: Severity,
    /// The product (empty for a financial signal).
    pub product: String,
    /// The product's latest category ("" = none).
    pub category: String,
    /// Set for [`SignalKind::Financial`].
    pub metric: Option<FinancialMetric>,
    pub months: Vec<String>,
    pub values: Vec<f64>,
    /// What `to` is compared with: the trailing 3 months of a surge, the year-earlier months of
    /// a year-on-year change; empty otherwise.
    pub baseline_months: Vec<String>,
    pub from: f64,
    pub to: f64,
    /// Signed change of `to` against `from`, in percent, when `from` is positive.
    pub change_pct: Option<f64>,
    pub impact: f64,
    /// One line in Chinese: "产品A 连续 3 个月下降：120 → 95 → 70 → 52 万元".
    pub text: String,
}

/// The months a chart covers: the last N months, or a custom span.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TrendRange {
    /// The last `months` (1–120) months up to the latest month with purchases, never after
    /// the clock's month (the clock's month when there are none).
    Last { months: i64 },
    /// `from`..=`to`, both `YYYY-MM` (at most 120 months; future months allowed).
    Custom { from: String, to: String },
}

impl Default for TrendRange {
    fn default() -> Self {
        TrendRange::Last { months: 12 }
    }
}

/// One line of a chart: a product, a category or the total, aligned with [`TrendData::months`]
/// (missing months are 0). `previous*` are the same months a year earlier (the overlay).
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrendSeries {
    pub name: String,
    /// The product's latest category ("" for categories and the total).
    pub category: String,
    /// CNY amounts.
    pub amount: Vec<f64>,
    /// Quantities (of every currency's records: a quantity has no currency).
    pub quantity: Vec<f64>,
    pub previous_amount: Vec<f64>,
    pub previous_quantity: Vec<f64>,
    /// Over the range.
    pub total_amount: f64,
    pub total_quantity: f64,
    /// Records in the range (any currency).
    pub records: i64,
}

/// A category's share of the month's CNY total, in percent (0 when the total is not positive).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ShareSeries {
    pub category: String,
    pub share_pct: Vec<f64>,
}

/// Records in another currency: kept, but left out of every amount (the UI shows a note).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OtherCurrency {
    pub currency: String,
    pub records: i64,
    /// In that currency.
    pub amount: f64,
}

/// A customer's 采购趋势 tab in one call.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrendData {
    pub customer_id: i64,
    pub customer_name: String,
    /// The x axis, `YYYY-MM`, consecutive, oldest first.
    pub months: Vec<String>,
    /// The same months a year earlier (the overlay's x labels).
    pub previous_months: Vec<String>,
    /// Products with a record in the range or a year earlier, largest CNY total first: also
    /// the product list with its totals.
    pub products: Vec<TrendSeries>,
    /// The same per category, largest first ("" = uncategorised).
    pub categories: Vec<TrendSeries>,
    pub total: TrendSeries,
    pub category_shares: Vec<ShareSeries>,
    /// This customer's signals (purchases and financials), most severe first.
    pub signals: Vec<TrendSignal>,
    /// The last complete month (the month before the clock's): what the detectors look at.
    pub evaluated_month: String,
    /// Records in other currencies in the range, per currency.
    pub other_currencies: Vec<OtherCurrency>,
    /// Records in the range with a negative quantity or amount (returns).
    pub return_records: i64,
    /// Records of this customer dated after the clock's month (anywhere, not only the range).
    pub future_records: i64,
}

/// One purchase record (采购行为数据): what a customer bought in a month.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct PurchaseFields {
    /// `YYYY-MM`.
    pub month: String,
    /// `YYYY-MM-DD` when the source had a full date, else empty.
    pub day: String,
    pub product: String,
    pub category: String,
    /// Negative for returns.
    pub quantity: Option<f64>,
    pub amount: Option<f64>,
    /// ISO code; `CNY` unless the source said otherwise.
    pub currency: String,
}

/// A stored purchase record. `future`: its month is after the clock's month (flagged, kept).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Purchase {
    pub id: i64,
    pub customer_id: i64,
    #[serde(flatten)]
    pub fields: PurchaseFields,
    pub future: bool,
}

/// One page of a customer's purchase records, newest month first. Empty filters mean "any".
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct PurchaseQuery {
    pub product: String,
    /// `YYYY-MM`, inclusive.
    pub from: String,
    pub to: String,
    pub offset: i64,
    /// 1–1000.
    pub limit: i64,
}

impl Default for PurchaseQuery {
    fn default() -> Self {
        PurchaseQuery { product: String::new(), from: String::new(), to: String::new(), offset: 0, limit: 100 }
    }
}

#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PurchasePage {
    pub rows: Vec<Purchase>,
    pub total: i64,
}

/// The home feed's filters and page. Empty lists mean "any".
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct FeedQuery {
    pub grades: Vec<Grade>,
    pub owners: Vec<String>,
    pub kinds: Vec<SignalKind>,
    pub offset: i64,
    /// 1–500.
    pub limit: i64,
}

impl Default for FeedQuery {
    fn default() -> Self {
        FeedQuery { grades: vec![], owners: vec![], kinds: vec![], offset: 0, limit: 50 }
    }
}

/// One page of the signal feed across all customers, most severe first.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SignalFeed {
    pub signals: Vec<TrendSignal>,
    /// Matching signals in all pages.
    pub total: i64,
    pub evaluated_month: String,
}

/// The home page's portfolio chart: filters, range, how many movers.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct PortfolioQuery {
    pub range: TrendRange,
    pub grades: Vec<Grade>,
    pub owners: Vec<String>,
    /// 0–50 (default 5).
    pub movers: i64,
}

impl Default for PortfolioQuery {
    fn default() -> Self {
        PortfolioQuery { range: TrendRange::Last { months: 24 }, grades: vec![], owners: vec![], movers: 5 }
    }
}

/// A customer whose purchases moved most: the last 3 months of the range against the same
/// 3 months a year earlier, by absolute CNY change.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Mover {
    pub customer_id: i64,
    pub customer_name: String,
    /// CNY of the last 3 months of the range, and of the same months a year earlier.
    pub recent: f64,
    pub earlier: f64,
    pub change: f64,
    pub change_pct: Option<f64>,
    /// The customer's CNY per month of [`PortfolioTrend::months`].
    pub amount: Vec<f64>,
}

/// Total CNY purchases of all (matching, not deleted) customers by month, with the top movers.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioTrend {
    pub months: Vec<String>,
    pub total: Vec<f64>,
    /// The same months a year earlier.
    pub previous_total: Vec<f64>,
    /// Largest absolute change first; growth and decline alike.
    pub movers: Vec<Mover>,
    /// Records in other currencies in the range, left out of `total`.
    pub other_currency_records: i64,
}
