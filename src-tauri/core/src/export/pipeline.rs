//! The team report's pipeline sheets: 商机管道 (every open opportunity, soonest expected close
//! first, with its risk light and the reasons) and 预测 (the weighted forecast by
//! expected-close month and by owner, with totals and a column chart). The forecast's figures
//! are the store's [`Store::pipeline_analytics`] — the same sums the 商机 screen shows — never
//! recomputed here.

use rust_xlsxwriter::{Chart, ChartDataLabel, Workbook, Worksheet};

use super::cells::{self, Column, Formats, Value};
use super::labels::{self, Label};
use super::Language;
use crate::error::Result;
use crate::opportunities::{ForecastRow, OpportunityRow, PipelineAnalytics};
use crate::weekly::Scope;
use crate::Store;

pub fn pipeline_name(lang: Language) -> &'static str {
    lang.pick("商机管道", "Pipeline")
}

pub fn forecast_name(lang: Language) -> &'static str {
    lang.pick("预测", "Forecast")
}

pub static PIPELINE_COLUMNS: &[Column<OpportunityRow>] = &[
    cells::col("客户名称", "Customer", 28.0, |o, _| Value::text(&o.opportunity.customer_name)),
    cells::col("商机名称", "Opportunity", 24.0, |o, _| Value::text(&o.opportunity.fields.name)),
    cells::col("阶段", "Stage", 9.0, |o, l| Value::text(o.opportunity.fields.stage.label(l))),
    cells::col("金额（元）", "Amount (CNY)", 14.0, |o, _| Value::opt_decimal(o.opportunity.fields.amount)),
    cells::col("成交概率", "Probability", 8.0, |o, _| Value::Percent(o.opportunity.effective_probability as f64)),
    cells::col("加权金额（元）", "Weighted (CNY)", 14.0, |o, _| Value::Decimal(o.opportunity.weighted)),
    cells::col("预计成交", "Expected close", 11.0, |o, _| Value::Date(o.opportunity.fields.expected_close.clone())),
    cells::col("负责人", "Owner", 10.0, |o, _| Value::text(&o.opportunity.fields.owner)),
    cells::col("本阶段始于", "In stage since", 11.0, |o, _| Value::Date(o.opportunity.stage_since.clone())),
    cells::col("风险灯", "Risk", 7.0, |o, l| Value::text(o.risk.level.label(l))),
    cells::col("风险原因", "Risk reasons", 48.0, |o, l| {
        Value::Lines(o.risk.reasons.iter().map(|r| labels::risk_reason(r, l)).collect())
    }),
];

/// Adds 商机管道: the open opportunities of `scope`'s owners, soonest expected close first
/// (undated last).
pub fn write_pipeline(wb: &mut Workbook, store: &Store, scope: &Scope, lang: Language, f: &Formats) -> Result<()> {
    let cols: Vec<&Column<OpportunityRow>> = PIPELINE_COLUMNS.iter().collect();
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name(pipeline_name(lang))?;
    cells::header_row(ws, 0, 0, &cells::headers(&cols, lang), f)?;
    let mut row = 0u32;
    let total = store.for_each_open_opportunity(scope, cells::LIST_ROWS, &mut |o| {
        row += 1;
        cells::record(ws, row, 0, &o, &cols, lang, f)
    })?;
    cells::cut_note(ws, row, i64::from(row), total, lang)?;
    if row == 0 {
        let none = lang.pick(
            "没有进行中的商机：在客户页的「商机」里新建商机，填写金额、阶段和预计成交日期。",
            "No open opportunities: add one on a customer's page with its amount, stage and expected close.",
        );
        ws.write_string(2, 0, none)?;
    }
    cells::finish_list(ws, 0, row, cols.len() as u16)?;
    cells::print_list(ws, 0)
}

/// A forecast table (key, count, amount, weighted) with its total row; returns the row of
/// the total.
#[allow(clippy::too_many_arguments)]
fn forecast_table(
    ws: &mut Worksheet,
    top: u32,
    key_header: &str,
    rows: &[ForecastRow],
    total: &ForecastRow,
    blank_key: &str,
    lang: Language,
    f: &Formats,
) -> Result<u32> {
    let headers = [
        (key_header, 16.0),
        (lang.pick("商机数", "Deals"), 9.0),
        (lang.pick("金额（元）", "Amount (CNY)"), 16.0),
        (lang.pick("加权金额（元）", "Weighted (CNY)"), 16.0),
    ];
    cells::header_row(ws, top, 0, &headers, f)?;
    let figures = |ws: &mut Worksheet, r: u32, x: &ForecastRow| -> Result<()> {
        cells::write(ws, r, 1, &Value::Int(x.count), f)?;
        cells::write(ws, r, 2, &Value::Decimal(x.amount), f)?;
        cells::write(ws, r, 3, &Value::Decimal(x.weighted), f)
    };
    for (i, x) in rows.iter().enumerate() {
        let r = top + 1 + i as u32;
        cells::write(ws, r, 0, &Value::text(if x.key.is_empty() { blank_key } else { &x.key }), f)?;
        figures(ws, r, x)?;
    }
    let total_row = top + 1 + rows.len() as u32;
    ws.write_string_with_format(total_row, 0, lang.pick("合计", "Total"), &f.label)?;
    figures(ws, total_row, total)?;
    Ok(total_row)
}

/// Adds 预测: the weighted forecast of the open opportunities by month and by owner (`a`: the
/// analytics of the whole portfolio).
pub fn write_forecast(wb: &mut Workbook, a: &PipelineAnalytics, lang: Language, f: &Formats) -> Result<()> {
    let name = forecast_name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    cells::print_list(ws, 4)?;
    ws.write_string_with_format(0, 0, lang.pick("加权预测", "Weighted forecast"), &f.title)?;
    ws.write_string(
        1,
        0,
        lang.pick(
            "进行中的商机（不含成交、丢单）：加权金额 = Σ 金额 × 成交概率；成交概率为商机自己填写的，否则为该阶段的默认成交概率（设置）。",
            "Open opportunities (not won or lost): weighted = Σ amount × probability; the deal's own probability, else its stage's default (Settings).",
        ),
    )?;
    if a.total.count == 0 {
        ws.set_column_width(0, 16.0)?;
        ws.write_string(
            3,
            0,
            lang.pick("没有进行中的商机，暂无预测。", "No open opportunities: nothing to forecast."),
        )?;
        return Ok(());
    }
    ws.write_string_with_format(3, 0, lang.pick("按预计成交月份", "By expected close month"), &f.section)?;
    let month_total = forecast_table(
        ws,
        4,
        lang.pick("月份", "Month"),
        &a.by_month,
        &a.total,
        lang.pick("未填日期", "No date"),
        lang,
        f,
    )?;

    let mut chart = Chart::new_column();
    chart.title().set_name(lang.pick("每月加权金额（元）", "Weighted amount by month (CNY)"));
    chart.legend().set_hidden();
    chart
        .add_series()
        .set_name((name, 4, 3))
        .set_categories((name, 5, 0, month_total - 1, 0))
        .set_values((name, 5, 3, month_total - 1, 3))
        .set_data_label(ChartDataLabel::new().show_value());
    chart.set_width(620).set_height(300);
    ws.insert_chart(3, 5, &chart)?;

    // Below the months and the chart (15 rows tall).
    let top = (month_total + 3).max(3 + 17);
    ws.write_string_with_format(top, 0, lang.pick("按负责人", "By owner"), &f.section)?;
    forecast_table(
        ws,
        top + 1,
        lang.pick("负责人", "Owner"),
        &a.by_owner,
        &a.total,
        lang.pick("未指定", "Unassigned"),
        lang,
        f,
    )?;
    Ok(())
}
