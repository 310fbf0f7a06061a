//! The error report of an import: every refused cell of the preview, one row each — sheet
//! row, column letter, header, the reason in Chinese — so the AM can fix the original file
//! and import it again ("which file, sheet, row, column, why": docs/import.md).

use rust_xlsxwriter::Workbook;

use super::cells::{self, Formats, Value};
use super::labels::Label;
use super::{Language, Xlsx};
use crate::error::{Reason, Result};
use crate::import::mapping::canonical_header;
use crate::import::plan::{Preview, Problem};
use crate::import::values::ValueError;

fn reason_words(r: Reason) -> &'static str {
    match r {
        Reason::Required => "必填，不能为空",
        Reason::TooLong => "内容太长",
        Reason::Duplicate => "与已有客户重名",
        Reason::OutOfRange => "超出允许的范围",
        Reason::InvalidDate => "日期格式不正确",
        Reason::InvalidPeriod => "期间格式不正确（应为 YYYY、YYYY-MM 或 YYYY-Qn）",
        Reason::Repeated => "重复出现",
        Reason::InvalidEmail => "邮箱格式不正确",
        Reason::InvalidReference => "引用的记录不存在",
        Reason::Cycle => "汇报关系形成循环",
        Reason::OverContract => "分期合计超过合同金额",
        Reason::NotWon => "商机尚未成交",
    }
}

/// Why a cell was refused, in Chinese: "无法识别的日期 '2023年13月'".
pub fn reason_text(p: &Problem) -> String {
    match p {
        Problem::Value { value } => match value {
            ValueError::UnrecognizedDate(t) => format!("无法识别的日期 '{t}'"),
            ValueError::InvalidDate(t) => format!("日期不存在 '{t}'"),
            ValueError::UnrecognizedNumber(t) => format!("无法识别的数字 '{t}'"),
            ValueError::ErrorCell(t) => format!("单元格是错误值 {t}"),
            ValueError::Formula(t) => format!("公式没有计算结果 '{t}'（请在 Excel 中打开并保存后再导入）"),
            ValueError::Undecodable(t) => format!("文字无法识别，可能是文件编码不对 '{t}'"),
        },
        Problem::Required => reason_words(Reason::Required).to_string(),
        Problem::UnknownLabel { text } => format!("不是可选的值 '{text}'"),
        Problem::UnknownCustomer { name } => format!("系统中没有客户「{name}」"),
        Problem::UnknownContact { name } => format!("该客户没有联系人「{name}」"),
        Problem::UnknownDeal { name } => format!("该客户没有商机「{name}」"),
        Problem::NotYuan { currency } => format!("商机金额以元计，不能是 {currency}"),
        Problem::StageGate { stage, missing } => {
            let fields: Vec<&str> = missing.iter().map(|f| canonical_header(*f)).collect();
            format!("阶段「{}」需要填写：{}", stage.label(Language::Zh), fields.join("、"))
        }
        Problem::NotAMonth { text } => format!("需要具体到月份，只有年份 '{text}'"),
        Problem::Invalid { reason, detail } if detail.is_empty() => reason_words(*reason).to_string(),
        Problem::Invalid { reason, detail } => format!("{} ({detail})", reason_words(*reason)),
    }
}

/// The refused cells of `preview` as a workbook.
pub fn error_report(preview: &Preview) -> Result<Xlsx> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("导入错误")?;
    let headers = [("行", 6.0), ("列", 6.0), ("表头", 16.0), ("原因", 44.0), ("该行内容", 30.0), ("工作表", 14.0)];
    cells::header_row(ws, 0, 0, &headers, &f)?;
    let mut row = 0;
    for plan in &preview.rows {
        for issue in &plan.issues {
            row += 1;
            let values = [
                Value::Int(issue.row as i64),
                Value::text(&issue.column),
                Value::text(&issue.header),
                Value::text(reason_text(&issue.problem)),
                Value::text(&plan.title),
                Value::text(&preview.sheet),
            ];
            for (c, v) in values.iter().enumerate() {
                cells::write(ws, row, c as u16, v, &f)?;
            }
        }
    }
    cells::finish_list(ws, 0, row, headers.len() as u16)?;
    Ok(Xlsx(wb))
}
