//! The team report's purchase sheet (采购): CNY amounts by month for the largest customers
//! and all customers together, drawn as a native line chart, and by category as a native
//! column chart. Other currencies are not added to yuan; the sheet says how many were left
//! out.

use rust_xlsxwriter::{Chart, ChartDataLabel, Workbook};

use super::cells::{self, Formats, Value};
use super::Language;
use crate::error::Result;
use crate::trends::purchase_summary::PurchaseSummary;

pub fn sheet_name(lang: Language) -> &'static str {
    lang.pick("采购", "Purchases")
}

/// Adds the sheet at the end of the workbook.
pub fn write(wb: &mut Workbook, s: &PurchaseSummary, lang: Language, f: &Formats) -> Result<()> {
    let name = sheet_name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    cells::print_list(ws, 3)?;
    ws.write_string_with_format(0, 0, lang.pick("采购趋势（人民币，元）", "Purchases (CNY)"), &f.title)?;
    if s.other_currency_records > 0 {
        let note = match lang {
            Language::Zh => format!("另有 {} 条其他币种的记录未计入以下金额", s.other_currency_records),
            Language::En => {
                format!("{} records in other currencies are not included in these amounts", s.other_currency_records)
            }
        };
        ws.write_string(1, 0, note)?;
    }
    ws.set_column_width(0, 16.0)?;
    if s.months.is_empty() {
        ws.write_string(
            3,
            0,
            lang.pick(
                "还没有采购记录：在「导入」中选择「采购记录」导入订单明细。",
                "No purchase records yet: import them with Import → Purchase records.",
            ),
        )?;
        return Ok(());
    }

    // Months × (top customers…, all customers).
    let header_row = 3;
    let mut headers: Vec<(&str, f64)> = vec![(lang.pick("月份", "Month"), 12.0)];
    headers.extend(s.top.iter().map(|t| (t.name.as_str(), 18.0)));
    headers.push((lang.pick("全部客户合计", "All customers"), 16.0));
    cells::header_row(ws, header_row, 0, &headers, f)?;
    for (i, month) in s.months.iter().enumerate() {
        let r = header_row + 1 + i as u32;
        ws.write_string(r, 0, month)?;
        for (j, t) in s.top.iter().enumerate() {
            cells::write(ws, r, 1 + j as u16, &Value::Decimal(t.by_month[i]), f)?;
        }
        cells::write(ws, r, 1 + s.top.len() as u16, &Value::Decimal(s.total_by_month[i]), f)?;
    }
    let last = header_row + s.months.len() as u32;
    ws.set_freeze_panes(header_row + 1, 1)?;

    let mut trend = Chart::new_line();
    trend.title().set_name(lang.pick("月度采购额 · 前几大客户", "Monthly purchases · largest customers"));
    for j in 0..s.top.len() as u16 {
        trend
            .add_series()
            .set_name((name, header_row, 1 + j))
            .set_categories((name, header_row + 1, 0, last, 0))
            .set_values((name, header_row + 1, 1 + j, last, 1 + j));
    }
    trend.set_width(720).set_height(340);
    let chart_col = headers.len() as u16 + 1;
    ws.insert_chart(header_row, chart_col, &trend)?;

    // Categories, below the months (and below the chart).
    let top = (last + 3).max(header_row + 20);
    ws.write_string_with_format(top, 0, lang.pick("按类别", "By category"), &f.section)?;
    let cat_headers = [
        (lang.pick("类别", "Category"), 16.0),
        (lang.pick("金额", "Amount"), 18.0),
        (lang.pick("数量", "Quantity"), 12.0),
    ];
    cells::header_row(ws, top + 1, 0, &cat_headers, f)?;
    for (i, (category, amount, quantity)) in s.by_category.iter().enumerate() {
        let r = top + 2 + i as u32;
        let label = if category.is_empty() { lang.pick("未分类", "Uncategorised") } else { category };
        ws.write_string(r, 0, label)?;
        cells::write(ws, r, 1, &Value::Decimal(*amount), f)?;
        cells::write(ws, r, 2, &Value::Decimal(*quantity), f)?;
    }
    let cat_last = top + 1 + s.by_category.len() as u32;
    let mut by_category = Chart::new_column();
    by_category.title().set_name(lang.pick("各类别采购额", "Purchases by category"));
    by_category.legend().set_hidden();
    by_category
        .add_series()
        .set_name((name, top + 1, 1))
        .set_categories((name, top + 2, 0, cat_last, 0))
        .set_values((name, top + 2, 1, cat_last, 1))
        .set_data_label(ChartDataLabel::new().show_value());
    by_category.set_width(560).set_height(300);
    ws.insert_chart(top + 1, 4, &by_category)?;
    Ok(())
}
