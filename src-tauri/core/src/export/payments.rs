//! 回款 and 交付 of won deals in the workbooks: the team report's 回款 (planned, received and
//! overdue by month with a native chart, then by customer and month, with totals) and 交付
//! (milestones due and late, the late ones first); 周会's 回款 (the period's payments
//! received) and 交付 (its milestones). The figures are the store's (`payments/report.rs`).

use std::collections::BTreeMap;

use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet};

use super::cells::{self, Column, Formats, Value};
use super::labels::Label;
use super::Language;
use crate::error::Result;
use crate::payments::report::ReportFilter;
use crate::payments::{MilestoneRow, PaymentMonth, ReceivedPayment};
use crate::Store;

pub fn payments_name(lang: Language) -> &'static str {
    lang.pick("回款", "Payments")
}

pub fn delivery_name(lang: Language) -> &'static str {
    lang.pick("交付", "Delivery")
}

/// The delivery milestones' columns, the team report's and 周会's.
pub static MILESTONE_COLUMNS: &[Column<MilestoneRow>] = &[
    cells::col("客户名称", "Customer", 28.0, |m, _| Value::text(&m.customer_name)),
    cells::col("商机名称", "Opportunity", 24.0, |m, _| Value::text(&m.opportunity_name)),
    cells::col("里程碑", "Milestone", 12.0, |m, _| Value::text(&m.name)),
    cells::col("负责人", "Owner", 10.0, |m, _| Value::text(&m.owner)),
    cells::col("计划日期", "Planned", 11.0, |m, _| Value::Date(m.planned_date.clone())),
    cells::col("实际日期", "Done on", 11.0, |m, _| Value::Date(m.actual_date.clone())),
    cells::col("状态", "Status", 8.0, |m, l| Value::text(m.status.label(l))),
    cells::col("逾期", "Late", 8.0, |m, l| Value::text(if m.late { l.pick("已逾期", "Late") } else { "" })),
    cells::col("逾期天数", "Days late", 9.0, |m, _| Value::opt_int(m.days_late)),
];

/// The payments received, 周会's 回款.
pub static RECEIVED_COLUMNS: &[Column<ReceivedPayment>] = &[
    cells::col("客户名称", "Customer", 28.0, |p, _| Value::text(&p.customer_name)),
    cells::col("商机名称", "Opportunity", 24.0, |p, _| Value::text(&p.opportunity_name)),
    cells::col("回款日期", "Received on", 11.0, |p, _| Value::Date(p.received_on.clone())),
    cells::col("金额（元）", "Amount (CNY)", 14.0, |p, _| Value::Decimal(p.amount)),
    cells::col("负责人", "Owner", 10.0, |p, _| Value::text(&p.owner)),
    cells::col("备注", "Note", 24.0, |p, _| Value::text(&p.note)),
];

/// The 回款 sheet's empty state.
fn no_payments(lang: Language) -> &'static str {
    lang.pick(
        "没有回款计划：在已成交商机的「回款与交付」里填写分期和收到的回款。",
        "No payment plans: add a won deal's installments and the payments received under its Payments & delivery.",
    )
}

/// The 交付 sheet's empty state.
fn no_milestones(lang: Language) -> &'static str {
    lang.pick(
        "没有交付里程碑：在已成交商机的「回款与交付」里填写交付计划。",
        "No delivery milestones: add a won deal's delivery plan under its Payments & delivery.",
    )
}

/// Planned, received and overdue of one row.
#[derive(Clone, Copy, Default)]
struct Sums {
    planned: f64,
    received: f64,
    overdue: f64,
}

impl Sums {
    fn add(&mut self, m: &PaymentMonth) {
        self.planned += m.planned;
        self.received += m.received;
        self.overdue += m.overdue;
    }

    fn write(&self, ws: &mut Worksheet, row: u32, col: u16, f: &Formats) -> Result<()> {
        for (i, x) in [self.planned, self.received, self.overdue].into_iter().enumerate() {
            cells::write(ws, row, col + i as u16, &Value::Decimal(crate::payments::fen(x)), f)?;
        }
        Ok(())
    }
}

/// Adds 回款: the months (planned, received, overdue today) with their total and a chart —
/// planned and received as columns, overdue as a line — then every customer's months.
pub fn write_payments(
    wb: &mut Workbook,
    store: &Store,
    filter: &ReportFilter,
    today: &str,
    lang: Language,
    f: &Formats,
) -> Result<()> {
    let rows = store.payment_months(filter)?;
    let name = payments_name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, lang.pick("回款", "Payments"), &f.title)?;
    let note = match lang {
        Language::Zh => format!(
            "已成交商机：计划回款 = 当月到期的分期；已回款 = 当月收到的回款；逾期 = 当月到期、截至 {today} 仍未收回的部分（回款先抵最早的分期）。"
        ),
        Language::En => format!(
            "Won deals: planned = installments due in the month; received = payments received in it; overdue = what of the month's installments is still not received on {today} (payments cover the earliest installments first)."
        ),
    };
    ws.write_string(1, 0, note)?;
    ws.set_column_width(0, 28.0)?;
    if rows.is_empty() {
        ws.write_string(3, 0, no_payments(lang))?;
        return cells::print_list(ws, 0);
    }
    let figures = [
        (lang.pick("计划回款（元）", "Planned (CNY)"), 16.0),
        (lang.pick("已回款（元）", "Received (CNY)"), 16.0),
        (lang.pick("逾期（元）", "Overdue (CNY)"), 16.0),
    ];

    let mut months: BTreeMap<&str, Sums> = BTreeMap::new();
    let mut total = Sums::default();
    for m in &rows {
        months.entry(m.month.as_str()).or_default().add(m);
        total.add(m);
    }
    ws.write_string_with_format(3, 0, lang.pick("按月份", "By month"), &f.section)?;
    cells::header_row(ws, 4, 0, &[&[(lang.pick("月份", "Month"), 28.0)][..], &figures].concat(), f)?;
    for (i, (month, sums)) in months.iter().enumerate() {
        let r = 5 + i as u32;
        cells::write(ws, r, 0, &Value::text(*month), f)?;
        sums.write(ws, r, 1, f)?;
    }
    let month_total = 5 + months.len() as u32;
    ws.write_string_with_format(month_total, 0, lang.pick("合计", "Total"), &f.label)?;
    total.write(ws, month_total, 1, f)?;

    let last = month_total - 1;
    let mut chart = Chart::new(ChartType::Column);
    chart
        .title()
        .set_name(lang.pick("每月计划回款、已回款与逾期（元）", "Planned, received and overdue by month (CNY)"));
    for col in [1u16, 2] {
        chart
            .add_series()
            .set_name((name, 4, col))
            .set_categories((name, 5, 0, last, 0))
            .set_values((name, 5, col, last, col));
    }
    let mut line = Chart::new(ChartType::Line);
    line.add_series().set_name((name, 4, 3)).set_categories((name, 5, 0, last, 0)).set_values((name, 5, 3, last, 3));
    chart.combine(&line);
    chart.set_width(620).set_height(300);
    ws.insert_chart(3, 5, &chart)?;

    // Below the months and the chart (15 rows tall).
    let top = (month_total + 3).max(3 + 17);
    ws.write_string_with_format(top, 0, lang.pick("按客户和月份", "By customer and month"), &f.section)?;
    let headers =
        [&[(lang.pick("客户名称", "Customer"), 28.0), (lang.pick("月份", "Month"), 10.0)][..], &figures].concat();
    cells::header_row(ws, top + 1, 0, &headers, f)?;
    for (i, m) in rows.iter().enumerate() {
        let r = top + 2 + i as u32;
        cells::write(ws, r, 0, &Value::text(&m.customer_name), f)?;
        cells::write(ws, r, 1, &Value::text(&m.month), f)?;
        Sums { planned: m.planned, received: m.received, overdue: m.overdue }.write(ws, r, 2, f)?;
    }
    let customer_total = top + 2 + rows.len() as u32;
    ws.write_string_with_format(customer_total, 0, lang.pick("合计", "Total"), &f.label)?;
    total.write(ws, customer_total, 2, f)?;
    cells::print_list(ws, top + 1)
}

/// Adds 交付: the milestones of `filter`, the late ones first.
pub fn write_delivery(
    wb: &mut Workbook,
    store: &Store,
    filter: &ReportFilter,
    lang: Language,
    f: &Formats,
) -> Result<()> {
    let (rows, total, _) = store.milestone_rows(filter, i64::from(cells::LIST_ROWS))?;
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name(delivery_name(lang))?;
    milestone_list(ws, &rows, total, no_milestones(lang), lang, f)
}

/// A list of milestones below a header in row 0, with its empty state.
pub fn milestone_list(
    ws: &mut Worksheet,
    rows: &[MilestoneRow],
    total: i64,
    empty: &str,
    lang: Language,
    f: &Formats,
) -> Result<()> {
    let cols: Vec<&Column<MilestoneRow>> = MILESTONE_COLUMNS.iter().collect();
    cells::header_row(ws, 0, 0, &cells::headers(&cols, lang), f)?;
    for (i, m) in rows.iter().enumerate() {
        cells::record(ws, 1 + i as u32, 0, m, &cols, lang, f)?;
    }
    let n = rows.len() as u32;
    cells::cut_note(ws, n, i64::from(n), total, lang)?;
    if n == 0 {
        ws.write_string(2, 0, empty)?;
    }
    cells::finish_list(ws, 0, n, cols.len() as u16)?;
    cells::print_list(ws, 0)
}
