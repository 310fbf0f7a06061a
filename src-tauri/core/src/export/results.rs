//! The team report's 业绩 sheet: the targets against the actuals (签约额, 回款额, 新增商机,
//! 跟进次数) by owner and, for the total, by month, with a native chart of 签约额 and 回款额
//! against their targets. The figures are the store's [`Store::results`] — what the 业绩 page
//! shows — over the whole months of the report's period (this year when it has none).

use rust_xlsxwriter::{Chart, Workbook};

use super::cells::{self, Formats, Value};
use super::labels::Label;
use super::Language;
use crate::error::Result;
use crate::results::{Metric, MetricResult, ResultsPreset, ResultsQuery};
use crate::weekly::Period;
use crate::Store;

pub fn results_name(lang: Language) -> &'static str {
    lang.pick("业绩", "Results")
}

/// The 业绩 page's query for the report: the months the period's days fall in, else this year.
fn query(period: Option<&Period>, owners: &[String]) -> ResultsQuery {
    let month = |d: chrono::NaiveDate| d.format("%Y-%m").to_string();
    match period {
        Some(p) => ResultsQuery {
            preset: ResultsPreset::Custom,
            from: month(p.from),
            to: month(p.to),
            owners: owners.to_vec(),
        },
        None => ResultsQuery { preset: ResultsPreset::ThisYear, owners: owners.to_vec(), ..Default::default() },
    }
}

/// The three columns of one metric from `col`: actual, target, completion.
fn figures(ws: &mut rust_xlsxwriter::Worksheet, row: u32, col: u16, m: &MetricResult, f: &Formats) -> Result<()> {
    cells::write(ws, row, col, &Value::Decimal(m.actual), f)?;
    cells::write(ws, row, col + 1, &Value::opt_decimal(m.target), f)?;
    cells::write(ws, row, col + 2, &Value::opt_percent(m.completion.map(|c| c * 100.0)), f)
}

/// Adds 业绩 for the report's period and owners.
pub fn write_results(
    wb: &mut Workbook,
    store: &Store,
    period: Option<&Period>,
    owners: &[String],
    lang: Language,
    f: &Formats,
) -> Result<()> {
    let v = store.results(&query(period, owners))?;
    let name = results_name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, lang.pick("业绩：目标与完成", "Results: targets and actuals"), &f.title)?;
    let range = format!("{} – {}", v.from_day, v.to_day);
    ws.write_string(1, 0, &range)?;

    // Two header rows: the metric over its three columns, then 实际 / 目标 / 完成率.
    let (actual, target, rate) =
        (lang.pick("实际", "Actual"), lang.pick("目标", "Target"), lang.pick("完成率", "Completion"));
    let table = |ws: &mut rust_xlsxwriter::Worksheet, top: u32, key: &str| -> Result<()> {
        cells::header_row(ws, top, 0, &[(key, 14.0)], f)?;
        cells::header_row(ws, top + 1, 0, &[("", 14.0)], f)?;
        for (i, m) in Metric::ALL.iter().enumerate() {
            let c = 1 + 3 * i as u16;
            ws.merge_range(top, c, top, c + 2, m.label(lang), &f.header)?;
            cells::header_row(ws, top + 1, c, &[(actual, 14.0), (target, 14.0), (rate, 9.0)], f)?;
        }
        Ok(())
    };
    table(ws, 3, lang.pick("负责人", "Owner"))?;
    let mut row = 5;
    for o in &v.owners {
        let who = if o.owner.is_empty() { lang.pick("未指定", "Unassigned") } else { &o.owner };
        ws.write_string(row, 0, who)?;
        for (i, m) in o.metrics.iter().enumerate() {
            figures(ws, row, 1 + 3 * i as u16, m, f)?;
        }
        row += 1;
    }
    let total = if owners.is_empty() { lang.pick("团队合计", "Team total") } else { lang.pick("合计", "Total") };
    ws.write_string_with_format(row, 0, total, &f.label)?;
    for (i, m) in v.total.metrics.iter().enumerate() {
        figures(ws, row, 1 + 3 * i as u16, m, f)?;
    }

    let top = row + 3;
    ws.write_string_with_format(top - 1, 0, lang.pick("按月", "By month"), &f.section)?;
    table(ws, top, lang.pick("月份", "Month"))?;
    for (k, m) in v.months.iter().enumerate() {
        let r = top + 2 + k as u32;
        ws.write_string(r, 0, &m.month)?;
        for (i, x) in m.metrics.iter().enumerate() {
            figures(ws, r, 1 + 3 * i as u16, x, f)?;
        }
    }
    let last = top + 1 + v.months.len() as u32;

    // 签约额 and 回款额 by month: columns for the actuals, lines for the targets.
    let mut chart = Chart::new_column();
    chart.title().set_name(lang.pick("签约额与回款额（元）", "Signed and collected (CNY)"));
    // The two amounts' names without their unit (the chart's title has it).
    let charted = [lang.pick("签约额", "Signed"), lang.pick("回款额", "Collected")];
    let series = |metric: &str, what: &str| match lang {
        Language::Zh => format!("{metric}{what}"),
        Language::En => format!("{metric} {}", what.to_lowercase()),
    };
    for (i, metric) in charted.iter().enumerate() {
        let c = 1 + 3 * i as u16;
        chart
            .add_series()
            .set_name(series(metric, actual).as_str())
            .set_categories((name, top + 2, 0, last, 0))
            .set_values((name, top + 2, c, last, c));
    }
    let mut lines = Chart::new_line();
    for (i, metric) in charted.iter().enumerate() {
        let c = 2 + 3 * i as u16;
        lines
            .add_series()
            .set_name(series(metric, target).as_str())
            .set_categories((name, top + 2, 0, last, 0))
            .set_values((name, top + 2, c, last, c));
    }
    chart.combine(&lines);
    chart.set_width(720).set_height(320);
    ws.insert_chart(last + 2, 0, &chart)?;
    cells::print_one_page(ws, last + 20, 12)
}
