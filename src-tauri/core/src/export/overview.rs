//! The team report's first sheet: what the manager looks at in the meeting — how many
//! accounts per grade and per lifecycle stage (small tables, each drawn as a native Excel
//! column chart that stays live if someone edits the numbers), the average completeness and
//! the largest financial movements.

use rust_xlsxwriter::{Chart, ChartDataLabel, Workbook};

use super::cells::{self, Column, Formats, Value};
use super::labels::{self, Label};
use super::Language;
use crate::customers::{CustomerProfile, FinancialMetric, FinancialSignal, Grade, Lifecycle};
use crate::error::Result;

/// A financial signal with the customer it belongs to.
pub struct SignalRow {
    pub customer: String,
    pub signal: FinancialSignal,
}

pub static SIGNAL_COLUMNS: &[Column<SignalRow>] = &[
    cells::col("客户名称", "Customer", 30.0, |s, _| Value::text(&s.customer)),
    cells::col("指标", "Metric", 18.0, |s, l| Value::text(s.signal.metric.label(l))),
    cells::col("起始期间", "From period", 11.0, |s, _| Value::text(&s.signal.from_period)),
    cells::col("结束期间", "To period", 11.0, |s, _| Value::text(&s.signal.to_period)),
    cells::col("起始值", "From", 11.0, |s, _| value(&s.signal, s.signal.from_value)),
    cells::col("结束值", "To", 11.0, |s, _| value(&s.signal, s.signal.to_value)),
    cells::col("单位", "Unit", 8.0, |s, l| Value::text(unit(s.signal.metric, l))),
    cells::col("变化", "Change", 10.0, |s, l| match s.signal.metric {
        FinancialMetric::CashFlow => Value::text(l.pick("转为紧张", "Turned tight")),
        _ => Value::Change(s.signal.change_pct),
    }),
];

/// A compared value; cash flow is a level, not a figure (its change says what happened).
fn value(s: &FinancialSignal, v: f64) -> Value {
    if s.metric == FinancialMetric::CashFlow {
        Value::Empty
    } else {
        Value::Decimal(v)
    }
}

/// The unit of a metric's values.
fn unit(metric: FinancialMetric, l: Language) -> &'static str {
    match metric {
        FinancialMetric::InventoryDays | FinancialMetric::ReceivableDays => l.pick("天", "days"),
        FinancialMetric::Revenue => l.pick("万元", "10k CNY"),
        FinancialMetric::GrossMargin => "%",
        FinancialMetric::CashFlow => "",
    }
}

/// The sheet names, for tests and for the overview's chart ranges.
pub fn overview_name(lang: Language) -> &'static str {
    lang.pick("概览", "Overview")
}

/// The count tables' charts' width in pixels.
const CHART_WIDTH: u32 = 560;

/// How many of the largest financial signals the overview lists.
const TOP_SIGNALS: usize = 10;

/// What the overview needs, gathered while the list sheets are written.
#[derive(Default)]
pub struct Tally {
    customers: u64,
    contacts: u64,
    signals: u64,
    completeness_sum: i64,
    /// Per `Grade::ALL`, then "not set".
    by_grade: [u64; 5],
    /// Per `Lifecycle::ALL`, then "not set".
    by_lifecycle: [u64; 9],
    /// The largest |change| first, at most [`TOP_SIGNALS`].
    top: Vec<SignalRow>,
}

impl Tally {
    pub fn add(&mut self, p: &CustomerProfile) {
        let c = &p.customer;
        self.customers += 1;
        self.contacts += p.contacts.len() as u64;
        self.signals += p.signals.len() as u64;
        self.completeness_sum += c.completeness;
        self.by_grade[slot(Grade::ALL, c.fields.grade)] += 1;
        self.by_lifecycle[slot(Lifecycle::ALL, c.fields.lifecycle)] += 1;
        for s in &p.signals {
            self.top.push(SignalRow { customer: c.fields.name.clone(), signal: s.clone() });
        }
        self.top.sort_by(|a, b| b.signal.change_pct.abs().total_cmp(&a.signal.change_pct.abs()));
        self.top.truncate(TOP_SIGNALS);
    }
}

/// The index of `v` in `all`; unset values count in the slot after the last.
fn slot<T: Copy + PartialEq>(all: &[T], v: Option<T>) -> usize {
    all.iter().position(|x| Some(*x) == v).unwrap_or(all.len())
}

/// A two-column count table with a chart beside it; returns the row after the table.
#[allow(clippy::too_many_arguments)]
fn count_table(
    wb: &mut Workbook,
    sheet: usize,
    top: u32,
    (zh, en): (&'static str, &'static str),
    rows: &[(&'static str, u64)],
    lang: Language,
    f: &Formats,
) -> Result<u32> {
    let name = overview_name(lang);
    let ws = wb.worksheet_from_index(sheet)?;
    ws.write_string_with_format(top, 0, lang.pick(zh, en), &f.header)?;
    ws.write_string_with_format(top, 1, lang.pick("客户数", "Accounts"), &f.header)?;
    for (i, (label, n)) in rows.iter().enumerate() {
        let r = top + 1 + i as u32;
        cells::write(ws, r, 0, &Value::text(*label), f)?;
        cells::write(ws, r, 1, &Value::Int(*n as i64), f)?;
    }
    let last = top + rows.len() as u32;
    let mut chart = Chart::new_column();
    chart.title().set_name(lang.pick(zh, en));
    chart.legend().set_hidden();
    chart
        .add_series()
        .set_name(lang.pick("客户数", "Accounts"))
        .set_categories((name, top + 1, 0, last, 0))
        .set_values((name, top + 1, 1, last, 1))
        .set_data_label(ChartDataLabel::new().show_value());
    chart.set_width(CHART_WIDTH).set_height(300);
    ws.insert_chart(top, 3, &chart)?;
    // The chart is 15 rows tall at the default row height; keep the next block below it.
    Ok((last + 2).max(top + 17))
}

/// What a team report covers, said under its title.
pub struct Covers {
    /// First and last day of the visits and lost deals; `None`: all time.
    pub period: Option<(String, String)>,
    /// Empty: everyone.
    pub owners: Vec<String>,
}

/// Fills the overview sheet (index `sheet`) from the tallies.
pub fn write(
    wb: &mut Workbook,
    sheet: usize,
    t: &Tally,
    today: &str,
    covers: &Covers,
    lang: Language,
    f: &Formats,
) -> Result<()> {
    let ws = wb.worksheet_from_index(sheet)?;
    ws.write_string_with_format(0, 0, lang.pick("团队客户报告", "Team account report"), &f.title)?;
    let period = match &covers.period {
        Some((from, to)) => format!("{from} – {to}"),
        None => lang.pick("全部时间", "All time").to_string(),
    };
    let owners = if covers.owners.is_empty() {
        lang.pick("全部", "Everyone").to_string()
    } else {
        covers.owners.join(lang.pick("、", ", "))
    };
    ws.write_string(
        1,
        0,
        match lang {
            Language::Zh => format!("导出日期 {today}；期间（跟进记录、丢单、回款、交付）：{period}；负责人：{owners}"),
            Language::En => {
                format!("Exported on {today}; period (follow-up records, lost deals, payments, delivery): {period}; owners: {owners}")
            }
        },
    )?;
    let average = if t.customers == 0 { 0.0 } else { t.completeness_sum as f64 / t.customers as f64 };
    let figures = [
        (lang.pick("客户总数", "Accounts"), Value::Int(t.customers as i64)),
        (lang.pick("联系人总数", "Contacts"), Value::Int(t.contacts as i64)),
        (lang.pick("财务信号", "Financial signals"), Value::Int(t.signals as i64)),
        (lang.pick("平均档案完整度", "Average completeness"), Value::Percent(average)),
    ];
    for (i, (label, v)) in figures.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string_with_format(r, 0, *label, &f.label)?;
        cells::write(ws, r, 1, v, f)?;
    }

    let unset = lang.pick("未设置", "Not set");
    let grades: Vec<_> = Grade::ALL.iter().map(|g| g.label(lang)).chain([unset]).zip(t.by_grade).collect();
    let next = count_table(wb, sheet, 8, ("客户分级", "Grade"), &grades, lang, f)?;
    let stages: Vec<_> = labels::all(Lifecycle::ALL, lang).into_iter().chain([unset]).zip(t.by_lifecycle).collect();
    let next = count_table(wb, sheet, next, ("生命周期", "Lifecycle"), &stages, lang, f)?;

    let ws = wb.worksheet_from_index(sheet)?;
    ws.write_string_with_format(next, 0, lang.pick("变化最大的财务信号", "Largest financial signals"), &f.section)?;
    let cols = cells::visible(SIGNAL_COLUMNS, true);
    cells::header_row(ws, next + 1, 0, &cells::headers(&cols, lang), f)?;
    for (i, s) in t.top.iter().enumerate() {
        cells::record(ws, next + 2 + i as u32, 0, s, &cols, lang, f)?;
    }
    ws.set_column_width(0, 30.0)?;
    // The count tables' charts (at column D) end lower than the signals list is wide.
    let last_row = next + 1 + t.top.len() as u32;
    let last_col = cells::chart_end_col(3, CHART_WIDTH, &[(0, 30.0)]).max(cols.len() as u16 - 1);
    cells::print_one_page(ws, last_row, last_col)
}
