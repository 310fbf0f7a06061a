//! The team report's lost-deal sheet (丢单分析): what the losses have in common — counts and
//! amounts by reason category, by the competitor who won and by the stage they were lost at
//! (grouped as the 商机 screen groups them, over the deals the report's filter keeps) — above
//! the list of lost deals with their review (lost to, reason, stage, what next), latest loss
//! first, streamed from one query.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Workbook, Worksheet};

use super::cells::{self, Column, Formats, Value};
use super::labels::Label;
use super::Language;
use crate::error::Result;
use crate::opportunities::{LostReason, LostReview, LostRow, Opportunity, Stage};
use crate::weekly::Scope;
use crate::Store;

pub fn sheet_name(lang: Language) -> &'static str {
    lang.pick("丢单分析", "Lost deals")
}

/// Competitors listed one by one in the summary; the rest are added up in one line.
const TOP_COMPETITORS: usize = 15;

fn review(o: &Opportunity) -> LostReview {
    o.fields.lost_review.clone().unwrap_or_default()
}

pub static COLUMNS: &[Column<Opportunity>] = &[
    cells::col("客户名称", "Customer", 28.0, |o, _| Value::text(&o.customer_name)),
    cells::col("商机名称", "Opportunity", 24.0, |o, _| Value::text(&o.fields.name)),
    cells::col("负责人", "Owner", 10.0, |o, _| Value::text(&o.fields.owner)),
    cells::col("金额（元）", "Amount (CNY)", 14.0, |o, _| Value::opt_decimal(o.fields.amount)),
    cells::col("丢单日期", "Lost on", 11.0, |o, _| Value::Date(o.stage_since.clone())),
    cells::col("丢单阶段", "Lost at stage", 10.0, |o, l| {
        Value::text(review(o).stage_lost_at.map(|s| s.label(l)).unwrap_or(""))
    }),
    cells::col("输给", "Lost to", 14.0, |o, _| Value::text(review(o).lost_to)),
    cells::col("原因类别", "Reason", 14.0, |o, l| Value::text(review(o).reason.map(|r| r.label(l)).unwrap_or(""))),
    cells::col("原因说明", "Why", 40.0, |o, _| Value::text(review(o).text)),
    cells::col("下一步", "What next", 36.0, |o, _| Value::text(review(o).next)),
];

/// A summary table (label, deals, amount) at `col0`, its last row the total (in bold);
/// returns the row of the total.
fn summary(
    ws: &mut Worksheet,
    top: u32,
    col0: u16,
    title: (&str, &str),
    rows: &[(String, i64, f64)],
    lang: Language,
    f: &Formats,
) -> Result<u32> {
    let headers = [(title.1, 16.0), (lang.pick("单数", "Deals"), 8.0), (lang.pick("金额（元）", "Amount (CNY)"), 14.0)];
    ws.write_string_with_format(top, col0, title.0, &f.section)?;
    cells::header_row(ws, top + 1, col0, &headers, f)?;
    for (i, (label, count, amount)) in rows.iter().enumerate() {
        let r = top + 2 + i as u32;
        let format = if i + 1 == rows.len() { &f.label } else { &f.text };
        ws.write_string_with_format(r, col0, label, format)?;
        cells::write(ws, r, col0 + 1, &Value::Int(*count), f)?;
        cells::write(ws, r, col0 + 2, &Value::Decimal(*amount), f)?;
    }
    Ok(top + 1 + rows.len() as u32)
}

/// The analytics' groups with their codes turned into labels (`blank` for an empty key).
fn labelled(rows: &[LostRow], label: impl Fn(&str) -> String, blank: &str) -> Vec<(String, i64, f64)> {
    rows.iter().map(|r| (if r.key.is_empty() { blank.to_string() } else { label(&r.key) }, r.count, r.amount)).collect()
}

/// The lost deals of `scope` grouped by reason code, by competitor and by the stage they were
/// lost at, most deals first (then by key), as the 商机 screen groups them.
fn groups(store: &Store, scope: &Scope) -> Result<[Vec<LostRow>; 3]> {
    let mut maps: [BTreeMap<String, (i64, f64)>; 3] = Default::default();
    store.for_each_lost_opportunity(scope, cells::LIST_ROWS, &mut |o| {
        let r = review(&o);
        let keys = [
            r.reason.map(|x| x.code().to_string()).unwrap_or_default(),
            r.lost_to.clone(),
            r.stage_lost_at.map(|x| x.code().to_string()).unwrap_or_default(),
        ];
        for (map, key) in maps.iter_mut().zip(keys) {
            let e = map.entry(key).or_default();
            e.0 += 1;
            e.1 += o.fields.amount.unwrap_or(0.0);
        }
        Ok(())
    })?;
    Ok(maps.map(|m| {
        let mut rows: Vec<LostRow> =
            m.into_iter().map(|(key, (count, amount))| LostRow { key, count, amount }).collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        rows
    }))
}

/// Adds the sheet at the end of the workbook: the summaries of the lost deals of `scope`,
/// then their list streamed below.
pub fn write(wb: &mut Workbook, store: &Store, scope: &Scope, lang: Language, f: &Formats) -> Result<()> {
    let cols: Vec<&Column<Opportunity>> = COLUMNS.iter().collect();
    let [by_reason, by_competitor, by_stage] = groups(store, scope)?;
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang))?;
    ws.write_string_with_format(0, 0, lang.pick("丢单分析", "Lost deals"), &f.title)?;
    let by_reason = &by_reason;
    if by_reason.is_empty() {
        ws.set_column_width(0, 28.0)?;
        ws.write_string(2, 0, lang.pick("没有丢单记录。商机标为「丢单」时填写的复盘（输给谁、原因、下一步）会汇总在这里。", "No lost deals. The review written when a deal is marked lost (lost to, reason, what next) is summarised here."))?;
        return Ok(());
    }

    let unknown = lang.pick("未填", "Not given");
    let reasons =
        labelled(by_reason, |k| LostReason::from_code(k).map(|r| r.label(lang)).unwrap_or(k).to_string(), unknown);
    let mut competitors = labelled(&by_competitor, |k| k.to_string(), unknown);
    if competitors.len() > TOP_COMPETITORS {
        let rest = competitors.split_off(TOP_COMPETITORS);
        let others = (
            lang.pick("其他对手", "Other competitors").to_string(),
            rest.iter().map(|r| r.1).sum(),
            rest.iter().map(|r| r.2).sum(),
        );
        competitors.push(others);
    }
    let stages = labelled(&by_stage, |k| Stage::from_code(k).map(|s| s.label(lang)).unwrap_or(k).to_string(), unknown);
    let total: (String, i64, f64) = (
        lang.pick("合计", "Total").to_string(),
        by_reason.iter().map(|r| r.count).sum(),
        by_reason.iter().map(|r| r.amount).sum(),
    );
    let with_total = |mut rows: Vec<(String, i64, f64)>| {
        rows.push(total.clone());
        rows
    };
    let ends = [
        summary(
            ws,
            2,
            0,
            (lang.pick("按原因", "By reason"), lang.pick("原因类别", "Reason")),
            &with_total(reasons),
            lang,
            f,
        )?,
        summary(
            ws,
            2,
            4,
            (lang.pick("按赢单对手", "By competitor"), lang.pick("输给", "Lost to")),
            &with_total(competitors),
            lang,
            f,
        )?,
        summary(
            ws,
            2,
            8,
            (lang.pick("按丢单阶段", "By stage"), lang.pick("丢单阶段", "Stage")),
            &with_total(stages),
            lang,
            f,
        )?,
    ];

    let header = ends.iter().max().copied().unwrap_or(2) + 3;
    ws.write_string_with_format(header - 1, 0, lang.pick("丢单明细", "Lost deals and their review"), &f.section)?;
    cells::header_row(ws, header, 0, &cells::headers(&cols, lang), f)?;
    let mut row = header;
    cells::print_list(ws, header)?;
    let all = store.for_each_lost_opportunity(scope, cells::LIST_ROWS - header, &mut |o| {
        row += 1;
        cells::record(ws, row, 0, &o, &cols, lang, f)
    })?;
    ws.autofilter(header, 0, row, cols.len() as u16 - 1)?;
    cells::cut_note(ws, row, i64::from(row - header), all, lang)
}
