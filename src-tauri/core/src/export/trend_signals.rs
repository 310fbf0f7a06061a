//! The team report's purchase-signal sheet (采购信号): every purchase signal of the portfolio,
//! most severe first, as the home page's feed orders them — what the meeting should talk
//! about. Financial signals have their own sheet (财务信号).

use rust_xlsxwriter::Workbook;

use super::cells::{self, Column, Formats, Value};
use super::labels::Label;
use super::Language;
use crate::error::Result;
use crate::trends::{FeedQuery, SignalKind, TrendSignal};
use crate::weekly::Scope;
use crate::Store;

pub fn sheet_name(lang: Language) -> &'static str {
    lang.pick("采购信号", "Purchase signals")
}

pub static COLUMNS: &[Column<TrendSignal>] = &[
    cells::col("级别", "Severity", 6.0, |s, l| Value::text(s.severity.label(l))),
    cells::col("客户名称", "Customer", 30.0, |s, _| Value::text(&s.customer_name)),
    cells::col("产品", "Product", 14.0, |s, _| Value::text(&s.product)),
    cells::col("类别", "Category", 10.0, |s, _| Value::text(&s.category)),
    cells::col("信号", "Signal", 12.0, |s, l| Value::text(s.kind.label(l))),
    cells::col("起始月", "From month", 9.0, |s, _| Value::text(s.months.first().cloned().unwrap_or_default())),
    cells::col("结束月", "To month", 9.0, |s, _| Value::text(s.months.last().cloned().unwrap_or_default())),
    cells::col("对比值（元）", "Compared (CNY)", 13.0, |s, _| Value::Decimal(s.from)),
    cells::col("最新值（元）", "Latest (CNY)", 13.0, |s, _| Value::Decimal(s.to)),
    cells::col("变化", "Change", 9.0, |s, _| s.change_pct.map(Value::Change).unwrap_or(Value::Empty)),
    cells::col("说明", "Explanation", 48.0, |s, _| Value::text(&s.text)),
];

/// Adds the sheet at the end of the workbook with the signals of `scope`'s owners' customers;
/// the feed is read page by page.
pub fn write(wb: &mut Workbook, store: &Store, scope: &Scope, lang: Language, f: &Formats) -> Result<()> {
    let cols: Vec<&Column<TrendSignal>> = COLUMNS.iter().collect();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang))?;
    cells::header_row(ws, 0, 0, &cells::headers(&cols, lang), f)?;
    let kinds: Vec<SignalKind> = SignalKind::ALL.iter().copied().filter(|k| *k != SignalKind::Financial).collect();
    let mut row = 0u32;
    loop {
        let page = store.signal_feed(&FeedQuery {
            kinds: kinds.clone(),
            owners: scope.owners().to_vec(),
            offset: i64::from(row),
            limit: 500,
            ..Default::default()
        })?;
        for s in &page.signals {
            row += 1;
            cells::record(ws, row, 0, s, &cols, lang, f)?;
        }
        if page.signals.is_empty() || i64::from(row) >= page.total {
            break;
        }
    }
    if row == 0 {
        let none = lang.pick(
            "没有采购信号：按当前阈值（设置 → 采购趋势提醒），没有客户的采购出现连续下降、激增、同比大幅变化、停购或新产品。",
            "No purchase signals: at the current thresholds (Settings), no customer's purchases show a decline, surge, large year-on-year change, stop or new product.",
        );
        ws.write_string(2, 0, none)?;
    }
    cells::finish_list(ws, 0, row, cols.len() as u16)?;
    cells::print_list(ws, 0)
}
