//! The import templates: an empty sheet the importer reads without a single question —
//! its canonical headers, one example row, drop-downs with the exact labels the importer
//! accepts, and phone/code columns formatted as text so `0512…` and `002415` keep their
//! leading zeros when typed in Excel.

use rust_xlsxwriter::{Color, DataValidation, DataValidationErrorStyle, Format, Workbook};

use super::cells::{self, Formats, Value};
use super::labels;
use super::Xlsx;
use crate::customers::{Grade, LeadSource, Lifecycle, Ownership};
use crate::error::Result;
use crate::import::mapping::{canonical_header, Field};
use crate::import::plan::ImportKind;

/// The example row's value of a field.
fn example(f: Field) -> Value {
    use Field::*;
    let s = match f {
        CustomerName => "示例：华东精密机械有限公司",
        ShortName => "华东精密",
        Industry => "装备制造",
        Region => "江苏苏州",
        Grade => "A",
        Lifecycle => "跟进中",
        Owner => "张伟",
        Ownership => "民企",
        Headcount => return Value::Int(850),
        Founded => "2008-05-12",
        Website => "www.example.com",
        StockCode => "002415",
        Headquarters => "苏州工业园区星湖街1号",
        LeadSource => "展会",
        Tags => "重点客户、华东",
        ContactName => "王芳",
        Title => "采购总监",
        Department => "采购部",
        Phone => "0512-66668888",
        Wechat => "wangfang_sz",
        Email => "wangfang@example.com",
        Month => "2025-03",
        Product => "精密轴承 6205",
        Category => "轴承",
        Quantity => return Value::Int(1200),
        Amount => return Value::Decimal(36000.0),
    };
    Value::text(s)
}

/// The drop-down labels of an enumerated field (Chinese, as the importer reads them).
pub fn choices(f: Field) -> Option<Vec<&'static str>> {
    let zh = super::Language::Zh;
    Some(match f {
        Field::Grade => labels::all(Grade::ALL, zh),
        Field::Lifecycle => labels::all(Lifecycle::ALL, zh),
        Field::Ownership => labels::all(Ownership::ALL, zh),
        Field::LeadSource => labels::all(LeadSource::ALL, zh),
        _ => return None,
    })
}

/// Columns Excel must not turn into numbers or dates.
fn is_text_column(f: Field) -> bool {
    matches!(f, Field::Phone | Field::StockCode | Field::Wechat | Field::Founded | Field::Month)
}

/// The last row a drop-down or text format covers (Excel's last row).
const LAST_ROW: u32 = 1_048_575;

/// The import template of `kind`.
pub fn template(kind: ImportKind) -> Result<Xlsx> {
    let f = Formats::new();
    // Built-in format 49 is "@" (Text), which Excel, WPS and LibreOffice all know.
    let as_text = Format::new().set_num_format_index(49);
    let required = f.header.clone().set_font_color(Color::RGB(0xC00000));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(match kind {
        ImportKind::Customers => "客户导入模板",
        ImportKind::Contacts => "联系人导入模板",
        ImportKind::Purchases => "采购导入模板",
    })?;
    for (i, field) in kind.fields().iter().enumerate() {
        let col = i as u16;
        let header = canonical_header(*field);
        let is_required = match kind {
            ImportKind::Customers => *field == Field::CustomerName,
            ImportKind::Contacts => matches!(field, Field::CustomerName | Field::ContactName),
            ImportKind::Purchases => matches!(field, Field::CustomerName | Field::Month | Field::Product),
        };
        ws.write_string_with_format(0, col, header, if is_required { &required } else { &f.header })?;
        let width = match example(*field) {
            Value::Text(s) => s.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.0 }).sum::<f64>(),
            _ => 8.0,
        };
        ws.set_column_width(col, (width + 2.0).clamp(10.0, 32.0))?;
        if is_text_column(*field) {
            ws.set_column_format(col, &as_text)?;
            if let Value::Text(s) = example(*field) {
                ws.write_string_with_format(1, col, s, &as_text)?;
            }
        } else {
            cells::write(ws, 1, col, &example(*field), &f)?;
        }
        if let Some(list) = choices(*field) {
            let dv = DataValidation::new()
                .allow_list_strings(&list)?
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_title("不是可选的值")?
                .set_error_message(format!("请从下拉列表中选择：{}", list.join("/")))?;
            ws.add_data_validation(1, col, LAST_ROW, col, &dv)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(Xlsx(wb))
}
