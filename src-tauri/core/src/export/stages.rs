//! The team report's 阶段分析 sheet: what the stage history says over the report's period and
//! owners — per open stage how many deals entered, moved on, were lost, went back or are still
//! there, the conversion and the days they stayed (with a chart), the sales cycle, the win rates
//! by owner, industry, grade, lead source and competitor, and the lost deals' reasons month by
//! month (with a stacked chart). The figures are the store's [`Store::stage_stats`] — what
//! 商机管道 → 阶段分析 shows — never recomputed here.

use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet};

use super::cells::{self, Formats, Value};
use super::labels::Label;
use super::Language;
use crate::customers::{Grade, LeadSource};
use crate::error::Result;
use crate::opportunities::stage_stats::{StageStatsQuery, WinRate};
use crate::opportunities::LostReason;
use crate::weekly::Period;
use crate::Store;

pub fn stages_name(lang: Language) -> &'static str {
    lang.pick("阶段分析", "Stage analysis")
}

/// A win-rate table (key, won, closed, rate) from `top`; returns the row after it.
fn rates(
    ws: &mut Worksheet,
    top: u32,
    title: &str,
    rows: &[WinRate],
    key: impl Fn(&str) -> String,
    lang: Language,
    f: &Formats,
) -> Result<u32> {
    ws.write_string_with_format(top, 0, title, &f.section)?;
    let headers = [
        (title, 18.0),
        (lang.pick("成交", "Won"), 9.0),
        (lang.pick("已结束", "Closed"), 9.0),
        (lang.pick("赢率", "Win rate"), 9.0),
    ];
    cells::header_row(ws, top + 1, 0, &headers, f)?;
    for (i, r) in rows.iter().enumerate() {
        let row = top + 2 + i as u32;
        let name = if r.key.is_empty() { lang.pick("未填写", "Not set").to_string() } else { key(&r.key) };
        cells::write(ws, row, 0, &Value::text(name), f)?;
        cells::write(ws, row, 1, &Value::Int(r.won), f)?;
        cells::write(ws, row, 2, &Value::Int(r.won + r.lost), f)?;
        cells::write(ws, row, 3, &Value::Percent(r.rate * 100.0), f)?;
    }
    Ok(top + 3 + rows.len().max(1) as u32)
}

/// Adds 阶段分析 for the report's period (all time: `None`) and owners.
pub fn write_stages(
    wb: &mut Workbook,
    store: &Store,
    period: Option<&Period>,
    owners: &[String],
    lang: Language,
    f: &Formats,
) -> Result<()> {
    let q = StageStatsQuery {
        from: period.map(Period::from_text).unwrap_or_default(),
        to: period.map(Period::to_text).unwrap_or_default(),
        owners: owners.to_vec(),
        grades: vec![],
    };
    let stats = store.stage_stats(&q)?;
    let name = stages_name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, lang.pick("阶段分析", "Stage analysis"), &f.title)?;
    let range = match period {
        Some(p) => format!("{} – {}", p.from_text(), p.to_text()),
        None => lang.pick("全部时间", "All time").to_string(),
    };
    ws.write_string(1, 0, &range)?;

    // Per open stage.
    let headers = [
        (lang.pick("阶段", "Stage"), 18.0),
        (lang.pick("进入", "Entered"), 9.0),
        (lang.pick("推进", "Advanced"), 9.0),
        (lang.pick("丢单", "Lost"), 9.0),
        (lang.pick("退回", "Back"), 9.0),
        (lang.pick("仍在", "Still there"), 9.0),
        (lang.pick("转化率", "Conversion"), 10.0),
        (lang.pick("中位天数", "Median days"), 10.0),
        (lang.pick("平均天数", "Mean days"), 10.0),
    ];
    cells::header_row(ws, 3, 0, &headers, f)?;
    for (i, d) in stats.stages.iter().enumerate() {
        let row = 4 + i as u32;
        cells::write(ws, row, 0, &Value::text(d.stage.label(lang)), f)?;
        for (c, n) in [d.entered, d.advanced, d.lost, d.back, d.still_there].into_iter().enumerate() {
            cells::write(ws, row, 1 + c as u16, &Value::Int(n), f)?;
        }
        cells::write(ws, row, 6, &Value::opt_percent(d.conversion.map(|c| c * 100.0)), f)?;
        cells::write(ws, row, 7, &Value::opt_decimal(d.median_days), f)?;
        cells::write(ws, row, 8, &Value::opt_decimal(d.average_days), f)?;
    }
    let last = 3 + stats.stages.len() as u32;
    let mut chart = Chart::new_column();
    chart.title().set_name(lang.pick("各阶段停留天数", "Days in each stage"));
    for c in [7u16, 8] {
        chart
            .add_series()
            .set_name((name, 3, c))
            .set_categories((name, 4, 0, last, 0))
            .set_values((name, 4, c, last, c));
    }
    chart.set_width(560).set_height(260);
    ws.insert_chart(3, 10, &chart)?;

    let cycle = last + 2;
    ws.write_string_with_format(
        cycle,
        0,
        lang.pick("销售周期（立项 → 成交）", "Sales cycle (first stage → won)"),
        &f.section,
    )?;
    let line = match (stats.cycle.median_days, stats.cycle.average_days) {
        (Some(m), Some(a)) => match lang {
            Language::Zh => format!("中位 {m:.1} 天，平均 {a:.1} 天（{} 个成交）", stats.cycle.won),
            Language::En => format!("median {m:.1} days, mean {a:.1} days ({} won)", stats.cycle.won),
        },
        _ => lang.pick("这段时间没有成交。", "Nothing won in the period.").to_string(),
    };
    ws.write_string(cycle + 1, 0, &line)?;

    // The win rates, one table under another (below the chart's 13 rows).
    let mut top = (cycle + 3).max(3 + 15);
    let plain = |k: &str| k.to_string();
    top = rates(ws, top, lang.pick("负责人", "Owner"), &stats.by_owner, plain, lang, f)?;
    top = rates(ws, top, lang.pick("行业", "Industry"), &stats.by_industry, plain, lang, f)?;
    let grade = |k: &str| Grade::from_code(k).map(|g| g.label(lang).to_string()).unwrap_or_else(|| k.to_string());
    top = rates(ws, top, lang.pick("客户分级", "Grade"), &stats.by_grade, grade, lang, f)?;
    let source = |k: &str| LeadSource::from_code(k).map(|s| s.label(lang).to_string()).unwrap_or_else(|| k.to_string());
    top = rates(ws, top, lang.pick("客户来源", "Lead source"), &stats.by_source, source, lang, f)?;
    top = rates(ws, top, lang.pick("竞争对手", "Competitor"), &stats.by_competitor, plain, lang, f)?;

    // The lost deals by month (rows) and reason (columns), and their stacked chart.
    ws.write_string_with_format(top, 0, lang.pick("丢单原因（按月）", "Lost reasons by month"), &f.section)?;
    let mut reasons: Vec<Option<LostReason>> = Vec::new();
    for l in &stats.lost_by_month {
        if !reasons.contains(&l.reason) {
            reasons.push(l.reason);
        }
    }
    if reasons.is_empty() {
        ws.write_string(top + 1, 0, lang.pick("这段时间没有丢单。", "Nothing lost in the period."))?;
        return cells::print_list(ws, 3);
    }
    let header = top + 1;
    ws.write_string_with_format(header, 0, lang.pick("月份", "Month"), &f.header)?;
    for (c, r) in reasons.iter().enumerate() {
        let label = r.map(|r| r.label(lang)).unwrap_or(lang.pick("未填写", "Not set"));
        ws.write_string_with_format(header, 1 + c as u16, label, &f.header)?;
    }
    let mut months: Vec<&str> = stats.lost_by_month.iter().map(|l| l.month.as_str()).collect();
    months.dedup();
    for (i, m) in months.iter().enumerate() {
        let row = header + 1 + i as u32;
        ws.write_string(row, 0, *m)?;
        for (c, r) in reasons.iter().enumerate() {
            let n = stats.lost_by_month.iter().find(|l| l.month == *m && l.reason == *r).map_or(0, |l| l.count);
            cells::write(ws, row, 1 + c as u16, &Value::Int(n), f)?;
        }
    }
    let end = header + months.len() as u32;
    let mut chart = Chart::new(ChartType::ColumnStacked);
    chart.title().set_name(lang.pick("每月丢单数（按原因）", "Deals lost per month, by reason"));
    for c in 0..reasons.len() as u16 {
        chart.add_series().set_name((name, header, 1 + c)).set_categories((name, header + 1, 0, end, 0)).set_values((
            name,
            header + 1,
            1 + c,
            end,
            1 + c,
        ));
    }
    chart.set_width(620).set_height(300);
    ws.insert_chart(header, reasons.len() as u16 + 2, &chart)?;
    cells::print_list(ws, 3)
}
