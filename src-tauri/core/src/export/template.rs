//! The import templates: a sheet the importer reads without a single question —
//! its canonical headers, example rows, a notes sheet (填写说明), drop-downs with the exact labels the importer
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
use crate::opportunities::{LostReason, Stage};
use crate::visits::VisitMethod;

/// The example rows' value of a field: `n` is the example row (0, 1); a field without a
/// second example leaves it empty. The follow-up record and opportunity examples name one
/// customer (which must be in Dossier); the customer list's name says it is an example.
fn example(kind: ImportKind, f: Field, n: usize) -> Value {
    use Field::*;
    let pick = |pair: [&'static str; 2]| Value::text(pair[n.min(1)]);
    let first = |s: &'static str| if n == 0 { Value::text(s) } else { Value::Empty };
    match f {
        CustomerName if kind == ImportKind::Customers => first("示例：华东精密机械有限公司"),
        CustomerName if matches!(kind, ImportKind::Visits | ImportKind::Opportunities) => {
            Value::text("华东精密机械有限公司")
        }
        CustomerName => first("示例：华东精密机械有限公司"),
        ShortName => first("华东精密"),
        Industry => first("装备制造"),
        Province => first("江苏省"),
        City => first("苏州市"),
        District => first("工业园区"),
        Revenue if n == 0 => Value::Decimal(12800.0),
        FiscalYear if n == 0 => Value::Int(2025),
        Notes if kind == ImportKind::Customers => first("年底集中采购，需提前一个月报价"),
        Grade => first("A"),
        Lifecycle => first("跟进中"),
        Owner => pick(["张伟", "张伟"]),
        Ownership => first("民企"),
        Headcount if n == 0 => Value::Int(850),
        Founded => first("2008-05-12"),
        Website => first("www.example.com"),
        StockCode => first("002415"),
        Headquarters => first("苏州工业园区星湖街1号"),
        LeadSource => first("展会"),
        Tags => first("重点客户、华东"),
        ContactName => first("王芳"),
        Title => first("采购总监"),
        Department => first("采购部"),
        Phone => first("0512-66668888"),
        Wechat => first("wangfang_sz"),
        Email => first("wangfang@example.com"),
        Month => first("2025-03"),
        Product => first("精密轴承 6205"),
        Category => first("轴承"),
        Quantity if n == 0 => Value::Int(1200),
        Amount if kind == ImportKind::Opportunities => Value::Decimal([1_200_000.0, 300_000.0][n.min(1)]),
        Amount if n == 0 => Value::Decimal(36000.0),
        VisitDate => pick(["2025-03-05", "2025-03-18"]),
        VisitMethod => pick(["面谈", "电话"]),
        Participants => first("王芳"),
        OurParticipants => first("张伟、李娜"),
        Place => first("客户总部三楼会议室"),
        Goal => first("了解二期产线改造需求"),
        Summary => {
            pick(["王总介绍了二期产线规划，节拍要提升20%，预算已在年度计划中。", "与王芳确认方案评审安排在下周三。"])
        }
        Needs if kind == ImportKind::Opportunities => pick(["产线节拍提升20%", "年度备件稳定供应"]),
        Needs => first("产线节拍提升20%；本季度内出方案"),
        NextAction => pick(["发送二期方案初稿", "准备评审材料"]),
        ActionOwner => pick(["张伟", "李娜"]),
        ActionDue => pick(["2025-03-12", "2025-03-25"]),
        DealName if kind == ImportKind::Opportunities => pick(["二期产线改造", "备件年度框架"]),
        DealName => first("二期产线改造"),
        Stage => pick(["方案", "报价"]),
        ExpectedClose => pick(["2025-06-30", "2025-04-30"]),
        Probability => first("40%"),
        Competitors => first("精工机械、远东装备"),
        QuoteAmount if n == 1 => Value::Decimal(298_000.0),
        QuoteDate => {
            if n == 1 {
                Value::text("2025-03-20")
            } else {
                Value::Empty
            }
        }
        Notes => first("客户希望分两期实施"),
        Region | Headcount | Quantity | Amount | QuoteAmount | ContractAmount | ContractDate | LostReason
        | LostNote | Revenue | FiscalYear => Value::Empty,
    }
}

/// How many example rows a kind's template has: two for follow-up records and opportunities
/// (a second method, a later stage with what it needs), one for the others.
fn example_rows(kind: ImportKind) -> usize {
    match kind {
        ImportKind::Visits | ImportKind::Opportunities => 2,
        ImportKind::Customers | ImportKind::Contacts | ImportKind::Purchases => 1,
    }
}

/// The drop-down labels of an enumerated field (Chinese, as the importer reads them).
pub fn choices(f: Field) -> Option<Vec<&'static str>> {
    let zh = super::Language::Zh;
    Some(match f {
        Field::Grade => labels::all(Grade::ALL, zh),
        Field::Lifecycle => labels::all(Lifecycle::ALL, zh),
        Field::Ownership => labels::all(Ownership::ALL, zh),
        Field::LeadSource => labels::all(LeadSource::ALL, zh),
        Field::VisitMethod => labels::all(VisitMethod::ALL, zh),
        Field::Stage => labels::all(Stage::ALL, zh),
        Field::LostReason => labels::all(LostReason::ALL, zh),
        _ => return None,
    })
}

/// What the notes sheet says about a field of a kind's file: what to write, in which form.
fn note(kind: ImportKind, f: Field) -> &'static str {
    use Field::*;
    let opportunities = kind == ImportKind::Opportunities;
    match f {
        Needs if opportunities => "已确认的客户需求；需求确认及以后的阶段须填写",
        DealName if opportunities => "商机名称；同一客户的同名商机视为重复，不再导入",
        DealName => "这条跟进记录所属的商机，须是该客户已有的商机",
        CustomerName => "客户的全称或简称，须与系统中的客户一致（“有限公司”等后缀、全角半角、大小写不影响匹配）",
        ShortName => "客户简称",
        Region => "地区；也可以分列填写省份、城市、区县，导入时合为地区（如 江苏省·苏州市·工业园区）",
        Province | City | District => "与省份、城市、区县、地区各列合为客户的地区",
        Revenue => "年营收，单位万元（也可写 1.2亿、3500万）",
        FiscalYear => "营收所属年份，如 2025；不填时在导入时选择（默认上一年），表头写成“2025年营收”也可以",
        Notes if kind == ImportKind::Customers => "客户备注",
        Industry | Headquarters | Website | Department | Title | Category | Place | Goal => "文字",
        Grade => "A、B、C 或 D（可写 A类、A级）",
        Lifecycle | Ownership | LeadSource | VisitMethod | LostReason => "从下拉列表中选择，也可写常见的说法",
        Owner => "我方负责人姓名",
        Headcount | Quantity => "整数",
        Founded => "日期，如 2008-05-12、2008/5/12、2008年5月12日",
        StockCode | Phone | Wechat => "按文本填写，保留开头的 0",
        Tags => "多个标签用顿号或逗号分隔",
        ContactName => "联系人姓名；同一客户的多个联系人各占一行",
        Email => "邮箱地址",
        Month => "年月或日期，如 2025-03、2025年3月、2025-03-18",
        Product => "产品名称",
        Amount => "金额（元），可写 1.2万、¥80,000；商机金额须为人民币且大于 0",
        VisitDate | ActionDue | ExpectedClose | QuoteDate | ContractDate => "日期，如 2025-03-05、2025/3/5、2025年3月5日",
        Participants => "客户方参与人，须是该客户的联系人；多人用顿号或逗号分隔",
        OurParticipants => "我方参与人姓名，多人用顿号或逗号分隔",
        Summary => "沟通纪要；同一客户、同一天、同一沟通方式、相同纪要的记录视为重复，不再导入",
        Needs => "客户需求，多条用分号或换行分隔",
        NextAction => "下一步行动，写具体的事（如“发送报价单”）；填了负责人或截止日期就必须填写",
        ActionOwner => "下一步行动的负责人",
        Stage => "不填为立项；需求确认及以后的阶段须填写客户需求，报价及以后须填写报价金额和日期，合同、成交须填写合同金额和日期，丢单须填写丢单原因和复盘",
        Probability => "0–100，可写 40% 或 0.4；不填按设置中各阶段的默认成交概率",
        Competitors => "多个竞争对手用顿号或逗号分隔",
        QuoteAmount | ContractAmount => "金额（元），大于 0",
        LostNote => "丢单复盘：为什么丢单，下一步怎么做",
        Notes => "备注",
    }
}

/// What a kind's file holds, for the first line of the notes sheet.
fn kind_note(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Customers => "每行一个客户；同一客户的多个联系人可各占一行，客户列可合并或留空。",
        ImportKind::Contacts => "每行一个联系人，客户须已在系统中。",
        ImportKind::Purchases => "每行一条采购记录，客户须已在系统中。",
        ImportKind::Visits => "每行一条跟进记录（含一条下一步行动），客户须已在系统中；导入后可在导入记录中撤销。",
        ImportKind::Opportunities => {
            "每行一个商机，客户须已在系统中；阶段历史记为导入当天进入该阶段；导入后可在导入记录中撤销。"
        }
    }
}

/// Columns Excel must not turn into numbers or dates.
fn is_text_column(f: Field) -> bool {
    matches!(
        f,
        Field::Phone
            | Field::StockCode
            | Field::Wechat
            | Field::Founded
            | Field::Month
            | Field::VisitDate
            | Field::ActionDue
            | Field::ExpectedClose
            | Field::QuoteDate
            | Field::ContractDate
    )
}

/// The last row a drop-down or text format covers (Excel's last row).
const LAST_ROW: u32 = 1_048_575;

/// The name of a kind's template sheet.
fn sheet_name(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Customers => "客户导入模板",
        ImportKind::Contacts => "联系人导入模板",
        ImportKind::Purchases => "采购导入模板",
        ImportKind::Visits => "跟进记录导入模板",
        ImportKind::Opportunities => "商机导入模板",
    }
}

/// The import template of `kind`: the sheet to fill in (required headers in red, example
/// rows) and a notes sheet (填写说明) saying what each column takes.
pub fn template(kind: ImportKind) -> Result<Xlsx> {
    let f = Formats::new();
    // Built-in format 49 is "@" (Text), which Excel, WPS and LibreOffice all know.
    let as_text = Format::new().set_num_format_index(49);
    let required = f.header.clone().set_font_color(Color::RGB(0xC00000));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(kind))?;
    for (i, field) in kind.fields().iter().enumerate() {
        let col = i as u16;
        let header = canonical_header(*field);
        let is_required = kind.required().contains(field);
        ws.write_string_with_format(0, col, header, if is_required { &required } else { &f.header })?;
        let width = (0..example_rows(kind))
            .map(|n| match example(kind, *field, n) {
                Value::Text(s) => s.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.0 }).sum::<f64>(),
                _ => 8.0,
            })
            .fold(header.chars().count() as f64 * 2.0, f64::max);
        ws.set_column_width(col, (width + 2.0).clamp(10.0, 32.0))?;
        if is_text_column(*field) {
            ws.set_column_format(col, &as_text)?;
        }
        for n in 0..example_rows(kind) {
            let row = 1 + n as u32;
            match example(kind, *field, n) {
                Value::Text(s) if is_text_column(*field) => {
                    ws.write_string_with_format(row, col, s, &as_text)?;
                }
                v => cells::write(ws, row, col, &v, &f)?,
            }
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
    notes_sheet(&mut wb, kind, &f)?;
    Ok(Xlsx(wb))
}

/// 填写说明: what the file holds, then one row per column — its header, whether it must be
/// filled in, what it takes (the accepted labels of a drop-down listed).
fn notes_sheet(wb: &mut Workbook, kind: ImportKind, f: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name("填写说明")?;
    ws.write_string_with_format(0, 0, kind_note(kind), &f.title)?;
    ws.write_string(1, 0, "删除示例行后填写；红色表头为必填列；不认识的列不会导入；导入前会先预览每一行。")?;
    cells::header_row(ws, 3, 0, &[("列", 16.0), ("必填", 6.0), ("说明", 90.0)], f)?;
    for (i, field) in kind.fields().iter().enumerate() {
        let row = 4 + i as u32;
        let text = match choices(*field) {
            Some(list) => format!("{}。可选：{}", note(kind, *field), list.join("、")),
            None => note(kind, *field).to_string(),
        };
        let values = [
            Value::text(canonical_header(*field)),
            Value::text(if kind.required().contains(field) { "是" } else { "" }),
            Value::text(text),
        ];
        for (c, v) in values.iter().enumerate() {
            cells::write(ws, row, c as u16, v, f)?;
        }
    }
    Ok(())
}
