//! The 周会 workbook (docs/weekly.md): the same sections as the 周会 page, for the same period
//! and owners, one sheet each — 概览 (the figures, the weighted forecast by stage at the
//! period's start and end and the overdue actions by owner, each with a native chart, all on
//! one printed page), 跟进记录, 阶段推进, 风险商机, 成交, 丢单, 红灯变化, 逾期行动, 回款 (the
//! payments received) and 交付 (the milestones planned or done, and those late) (lists that
//! print A4 landscape, as wide as the page, their header on every page). The follow-up
//! records stream into a constant-memory sheet; the other lists are the view's, uncut.

use rust_xlsxwriter::{Chart, ChartDataLabel, Workbook, Worksheet};

use super::cells::{self, Column, Formats, Value};
use super::labels::{self, Label};
use super::payments::{MILESTONE_COLUMNS, RECEIVED_COLUMNS};
use super::{lost_deals, pipeline, visits, Language, ReportOptions, Xlsx};
use crate::error::Result;
use crate::opportunities::{Opportunity, OpportunityRow};
use crate::risk::CustomerRisk;
use crate::visits::{NextAction, Visit};
use crate::weekly::{StageMove, WeeklyQuery, WeeklyView};
use crate::Store;

pub fn overview_name(lang: Language) -> &'static str {
    lang.pick("概览", "Overview")
}

/// The sheets after the overview, in workbook order (Chinese, English).
pub const SHEETS: [(&str, &str); 9] = [
    ("跟进记录", "Follow-ups"),
    ("阶段推进", "Stage moves"),
    ("风险商机", "Deals at risk"),
    ("成交", "Won"),
    ("丢单", "Lost"),
    ("红灯变化", "Red lights"),
    ("逾期行动", "Overdue actions"),
    ("回款", "Payments"),
    ("交付", "Delivery"),
];

/// What was said: the record's own summary, which the team report's follow-up sheet leaves to
/// the agreed points.
static SUMMARY: Column<Visit> =
    cells::col("沟通内容", "What was said", 40.0, |v, _| Value::text(&v.fields.summary));

/// The follow-up record's columns the meeting reads, in this order (the summary after the goal).
const RECORD_COLUMNS: [&str; 11] = [
    "客户名称",
    "跟进日期",
    "方式",
    "关联商机",
    "跟进目的",
    "达成共识",
    "客户需求",
    "我方承诺",
    "下一步行动",
    "逾期行动",
    "共识确认",
];

fn record_columns() -> Vec<&'static Column<Visit>> {
    let mut cols: Vec<&'static Column<Visit>> = Vec::new();
    for zh in RECORD_COLUMNS {
        cols.extend(visits::COLUMNS.iter().filter(|c| c.zh == zh));
        if zh == "跟进目的" {
            cols.push(&SUMMARY);
        }
    }
    cols
}

static MOVE_COLUMNS: &[Column<StageMove>] = &[
    cells::col("客户名称", "Customer", 28.0, |m, _| Value::text(&m.customer_name)),
    cells::col("商机名称", "Opportunity", 24.0, |m, _| Value::text(&m.opportunity_name)),
    cells::col("负责人", "Owner", 10.0, |m, _| Value::text(&m.owner)),
    cells::col("原阶段", "From stage", 10.0, |m, l| Value::text(m.from.label(l))),
    cells::col("新阶段", "To stage", 10.0, |m, l| Value::text(m.to.label(l))),
    cells::col("推进日期", "Moved on", 11.0, |m, _| Value::Date(m.changed_on.clone())),
    cells::col("金额（元）", "Amount (CNY)", 14.0, |m, _| Value::opt_decimal(m.amount)),
    cells::col("当前阶段", "Stage now", 10.0, |m, l| Value::text(m.stage_now.label(l))),
];

static WON_COLUMNS: &[Column<Opportunity>] = &[
    cells::col("客户名称", "Customer", 28.0, |o, _| Value::text(&o.customer_name)),
    cells::col("商机名称", "Opportunity", 24.0, |o, _| Value::text(&o.fields.name)),
    cells::col("负责人", "Owner", 10.0, |o, _| Value::text(&o.fields.owner)),
    cells::col("金额（元）", "Amount (CNY)", 14.0, |o, _| Value::opt_decimal(o.fields.amount)),
    cells::col("合同金额（元）", "Contract (CNY)", 14.0, |o, _| Value::opt_decimal(o.fields.contract_amount)),
    cells::col("成交日期", "Won on", 11.0, |o, _| Value::Date(o.stage_since.clone())),
];

/// A customer whose red light changed, and which way.
struct RedRow {
    new: bool,
    customer: CustomerRisk,
}

static RED_COLUMNS: &[Column<RedRow>] = &[
    cells::col("变化", "Change", 8.0, |r, l| {
        Value::text(if r.new { l.pick("新增红灯", "New") } else { l.pick("解除红灯", "Cleared") })
    }),
    cells::col("客户名称", "Customer", 28.0, |r, _| Value::text(&r.customer.customer_name)),
    cells::col("负责人", "Owner", 10.0, |r, _| Value::text(&r.customer.owner)),
    cells::col("客户分级", "Grade", 8.0, |r, l| Value::text(labels::opt(r.customer.grade, l))),
    cells::col("红灯原因", "Why red", 60.0, |r, l| {
        Value::Lines(
            r.customer
                .risk
                .reasons
                .iter()
                .filter(|x| x.level == crate::risk::RiskLevel::Red)
                .map(|x| labels::risk_reason(x, l))
                .collect(),
        )
    }),
];

static OVERDUE_COLUMNS: &[Column<NextAction>] = &[
    cells::col("负责人", "Owner", 10.0, |a, _| Value::text(&a.owner)),
    cells::col("客户名称", "Customer", 28.0, |a, _| Value::text(&a.customer_name)),
    cells::col("商机名称", "Opportunity", 20.0, |a, _| Value::text(&a.opportunity_name)),
    cells::col("行动", "Action", 40.0, |a, _| Value::text(&a.what)),
    cells::col("截止日期", "Due", 11.0, |a, _| Value::Date(a.due_date.clone())),
    cells::col("状态", "Status", 8.0, |a, l| Value::text(a.status.label(l))),
];

/// A list sheet: header in row 0, the rows, the empty-state line, filter and print setup.
fn list<T>(
    ws: &mut Worksheet,
    cols: &[&Column<T>],
    rows: &mut dyn Iterator<Item = T>,
    empty: &str,
    lang: Language,
    f: &Formats,
) -> Result<u32> {
    cells::header_row(ws, 0, 0, &cells::headers(cols, lang), f)?;
    let mut row = 0u32;
    for item in rows {
        row += 1;
        cells::record(ws, row, 0, &item, cols, lang, f)?;
    }
    finish(ws, row, cols.len() as u16, empty)?;
    Ok(row)
}

fn finish(ws: &mut Worksheet, rows: u32, ncols: u16, empty: &str) -> Result<()> {
    if rows == 0 {
        ws.write_string(2, 0, empty)?;
    }
    cells::finish_list(ws, 0, rows, ncols)?;
    cells::print_list(ws, 0)
}

/// Adds the `i`th sheet of [`SHEETS`] at the end of the workbook.
fn sheet(wb: &mut Workbook, i: usize, lang: Language) -> Result<&mut Worksheet> {
    let ws = wb.add_worksheet();
    ws.set_name(lang.pick(SHEETS[i].0, SHEETS[i].1))?;
    Ok(ws)
}

/// The 周会 workbook for the period and owners of `q`.
pub fn weekly_report(store: &Store, q: &WeeklyQuery, opts: &ReportOptions) -> Result<Xlsx> {
    let lang = opts.language;
    let f = Formats::new();
    // Every row of every section but the records, which stream below.
    let all = i64::from(cells::LIST_ROWS);
    let view = store.weekly_view(q, crate::weekly::Limits { records: 0, lists: all })?;

    let mut wb = Workbook::new();
    wb.set_zip_compression_level(1);
    wb.add_worksheet().set_name(overview_name(lang))?;

    // 跟进记录, streamed.
    let cols = record_columns();
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name(lang.pick(SHEETS[0].0, SHEETS[0].1))?;
    cells::header_row(ws, 0, 0, &cells::headers(&cols, lang), &f)?;
    let mut row = 0u32;
    store.weekly_records(q, all, &mut |v| {
        row += 1;
        cells::record(ws, row, 0, &v, &cols, lang, &f)
    })?;
    cells::cut_note(ws, row, i64::from(row), view.summary.records, lang)?;
    let none = lang.pick(
        "这段时间没有跟进记录：每次拜访、电话或微信沟通后，在客户页的「跟进记录」里写一条（沟通内容、需求、承诺、下一步）。",
        "No follow-up records in this period: after each visit, call or WeChat, write one on the customer's Follow-ups tab.",
    );
    finish(ws, row, cols.len() as u16, none)?;

    let ws = sheet(&mut wb, 1, lang)?;
    let cols: Vec<_> = MOVE_COLUMNS.iter().collect();
    let none = lang.pick("这段时间没有商机推进阶段。", "No deal changed stage in this period.");
    list(ws, &cols, &mut view.moves.iter().cloned(), none, lang, &f)?;

    let ws = sheet(&mut wb, 2, lang)?;
    let cols: Vec<&Column<OpportunityRow>> = pipeline::PIPELINE_COLUMNS.iter().collect();
    let none = lang.pick("没有亮黄灯或红灯的进行中商机。", "No open deal has a yellow or red light.");
    list(ws, &cols, &mut view.at_risk.iter().cloned(), none, lang, &f)?;

    let ws = sheet(&mut wb, 3, lang)?;
    let cols: Vec<_> = WON_COLUMNS.iter().collect();
    let none = lang.pick("这段时间没有成交的商机。", "No deal won in this period.");
    list(ws, &cols, &mut view.won.iter().cloned(), none, lang, &f)?;

    let ws = sheet(&mut wb, 4, lang)?;
    let cols: Vec<_> = lost_deals::COLUMNS.iter().collect();
    let none = lang.pick("这段时间没有丢单。", "No deal lost in this period.");
    list(ws, &cols, &mut view.lost.iter().cloned(), none, lang, &f)?;

    let ws = sheet(&mut wb, 5, lang)?;
    let cols: Vec<_> = RED_COLUMNS.iter().collect();
    let none = lang.pick("这段时间没有新增或解除的红灯。", "No red light appeared or cleared in this period.");
    let mut reds = view
        .new_red
        .iter()
        .map(|c| RedRow { new: true, customer: c.clone() })
        .chain(view.cleared_red.iter().map(|c| RedRow { new: false, customer: c.clone() }));
    list(ws, &cols, &mut reds, none, lang, &f)?;

    let ws = sheet(&mut wb, 6, lang)?;
    let cols: Vec<_> = OVERDUE_COLUMNS.iter().collect();
    let none = lang.pick("没有逾期的行动。", "No overdue actions.");
    list(ws, &cols, &mut view.overdue.iter().cloned(), none, lang, &f)?;

    let ws = sheet(&mut wb, 7, lang)?;
    let cols: Vec<_> = RECEIVED_COLUMNS.iter().collect();
    let none = lang.pick("这段时间没有收到回款。", "No payment received in this period.");
    list(ws, &cols, &mut view.payments.iter().cloned(), none, lang, &f)?;

    let ws = sheet(&mut wb, 8, lang)?;
    let cols: Vec<_> = MILESTONE_COLUMNS.iter().collect();
    let none = lang.pick(
        "这段时间没有计划或完成的交付里程碑，也没有逾期的。",
        "No delivery milestone planned or done in this period, and none late.",
    );
    list(ws, &cols, &mut view.milestones.iter().cloned(), none, lang, &f)?;

    overview(wb.worksheet_from_index(0)?, &view, &q.owners, lang, &f)?;
    Ok(Xlsx(wb))
}

/// The overview: the period and owners, the figures, the forecast by stage and the overdue
/// actions by owner, each table with its chart beside it; printed on one page.
fn overview(ws: &mut Worksheet, v: &WeeklyView, owners: &[String], lang: Language, f: &Formats) -> Result<()> {
    let name = overview_name(lang);
    ws.write_string_with_format(0, 0, lang.pick("周会报告", "Weekly meeting report"), &f.title)?;
    let everyone = lang.pick("全部", "Everyone");
    let who = if owners.is_empty() { everyone.to_string() } else { owners.join(lang.pick("、", ", ")) };
    ws.write_string(1, 0, format!("{}{} – {}", lang.pick("期间：", "Period: "), v.from, v.to))?;
    ws.write_string(2, 0, format!("{}{who}", lang.pick("负责人：", "Owners: ")))?;

    let s = &v.summary;
    let figures = [
        (lang.pick("跟进记录", "Follow-up records"), Value::Int(s.records)),
        (lang.pick("阶段推进", "Stage moves"), Value::Int(s.moves)),
        (lang.pick("风险商机", "Deals at risk"), Value::Int(s.at_risk)),
        (lang.pick("成交（单）", "Won (deals)"), Value::Int(s.won)),
        (lang.pick("成交金额（元）", "Won (CNY)"), Value::Decimal(s.won_amount)),
        (lang.pick("丢单（单）", "Lost (deals)"), Value::Int(s.lost)),
        (lang.pick("丢单金额（元）", "Lost (CNY)"), Value::Decimal(s.lost_amount)),
        (lang.pick("新增红灯", "New red lights"), Value::Int(s.new_red)),
        (lang.pick("解除红灯", "Cleared red lights"), Value::Int(s.cleared_red)),
        (lang.pick("逾期行动", "Overdue actions"), Value::Int(s.overdue)),
        (lang.pick("回款（笔）", "Payments received"), Value::Int(s.payments)),
        (lang.pick("回款金额（元）", "Received (CNY)"), Value::Decimal(s.received_amount)),
        (lang.pick("交付里程碑", "Delivery milestones"), Value::Int(s.milestones)),
        (lang.pick("逾期里程碑", "Late milestones"), Value::Int(s.late_milestones)),
        (lang.pick("期初加权预测（元）", "Forecast at start (CNY)"), Value::Decimal(s.forecast_start)),
        (lang.pick("期末加权预测（元）", "Forecast at end (CNY)"), Value::Decimal(s.forecast_end)),
    ];
    for (i, (label, value)) in figures.iter().enumerate() {
        ws.write_string_with_format(4 + i as u32, 0, *label, &f.label)?;
        cells::write(ws, 4 + i as u32, 1, value, f)?;
    }
    let widths = [(0u16, 22.0), (1, 16.0), (2, 14.0), (3, 16.0), (4, 14.0)];
    for (c, w) in widths {
        ws.set_column_width(c, w)?;
    }

    // The forecast by stage, start against end.
    let top = 4 + figures.len() as u32 + 1;
    ws.write_string_with_format(
        top,
        0,
        lang.pick("加权预测：期初与期末", "Weighted forecast: start and end"),
        &f.section,
    )?;
    let headers = [
        (lang.pick("阶段", "Stage"), 22.0),
        (lang.pick("期初商机数", "Deals at start"), 16.0),
        (lang.pick("期初加权（元）", "Weighted at start"), 14.0),
        (lang.pick("期末商机数", "Deals at end"), 16.0),
        (lang.pick("期末加权（元）", "Weighted at end"), 14.0),
    ];
    cells::header_row(ws, top + 1, 0, &headers, f)?;
    for (i, r) in v.forecast.iter().enumerate() {
        let row = top + 2 + i as u32;
        cells::write(ws, row, 0, &Value::text(r.stage.label(lang)), f)?;
        cells::write(ws, row, 1, &Value::Int(r.start_count), f)?;
        cells::write(ws, row, 2, &Value::Decimal(r.start_weighted), f)?;
        cells::write(ws, row, 3, &Value::Int(r.end_count), f)?;
        cells::write(ws, row, 4, &Value::Decimal(r.end_weighted), f)?;
    }
    let forecast_last = top + 1 + v.forecast.len() as u32;
    let mut chart = Chart::new_column();
    chart.title().set_name(lang.pick("各阶段加权金额：期初与期末（元）", "Weighted by stage: start and end (CNY)"));
    for col in [2u16, 4] {
        chart
            .add_series()
            .set_name((name, top + 1, col))
            .set_categories((name, top + 2, 0, forecast_last, 0))
            .set_values((name, top + 2, col, forecast_last, col));
    }
    let chart_col = 6u16;
    chart.set_width(560).set_height(300);
    ws.insert_chart(4, chart_col, &chart)?;

    // Overdue actions by owner, below the forecast.
    let top = forecast_last + 2;
    ws.write_string_with_format(top, 0, lang.pick("逾期行动（按负责人）", "Overdue actions by owner"), &f.section)?;
    let headers = [
        (lang.pick("负责人", "Owner"), 22.0),
        (lang.pick("逾期行动", "Overdue"), 16.0),
        (lang.pick("最早截止", "Earliest due"), 14.0),
    ];
    cells::header_row(ws, top + 1, 0, &headers, f)?;
    let unassigned = lang.pick("未指定", "Unassigned");
    for (i, o) in v.overdue_by_owner.iter().enumerate() {
        let row = top + 2 + i as u32;
        cells::write(ws, row, 0, &Value::text(if o.owner.is_empty() { unassigned } else { &o.owner }), f)?;
        cells::write(ws, row, 1, &Value::Int(o.count), f)?;
        cells::write(ws, row, 2, &Value::Date(o.earliest.clone()), f)?;
    }
    let owners_last = top + 1 + v.overdue_by_owner.len() as u32;
    if !v.overdue_by_owner.is_empty() {
        let mut chart = Chart::new_bar();
        chart.title().set_name(lang.pick("逾期行动（按负责人）", "Overdue actions by owner"));
        chart.legend().set_hidden();
        chart
            .add_series()
            .set_name((name, top + 1, 1))
            .set_categories((name, top + 2, 0, owners_last, 0))
            .set_values((name, top + 2, 1, owners_last, 1))
            .set_data_label(ChartDataLabel::new().show_value());
        chart.set_width(560).set_height(300);
        ws.insert_chart(20, chart_col, &chart)?;
    } else {
        ws.write_string(top + 2, 0, lang.pick("没有逾期的行动。", "No overdue actions."))?;
    }
    // Both charts are 15 rows tall (from rows 4 and 20) at the default height.
    let last_row = owners_last.max(top + 2).max(20 + 15);
    let last_col = cells::chart_end_col(chart_col, 560, &widths);
    cells::print_one_page(ws, last_row, last_col)
}
