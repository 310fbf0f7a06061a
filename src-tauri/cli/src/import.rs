//! `dossier-cli import`: the app's import engine from the command line. Prints the preview
//! summary and every refused cell (sheet, row, column, reason), then commits unless
//! `--dry-run`.

use std::path::Path;

use dossier_core::import::mapping::{detect_header_row, suggest};
use dossier_core::import::plan::{CellIssue, ImportKind, OnDuplicate, Preview, Problem};
use dossier_core::import::read::{read_sheet, ReadError, TextEncoding};
use dossier_core::import::values::{text, Epoch, ValueError};
use dossier_core::store::{ImportRecord, ImportRequest};
use dossier_core::Store;
use serde::Serialize;

pub struct Options<'a> {
    pub kind: ImportKind,
    pub sheet: Option<&'a str>,
    /// 1-based, as the spreadsheet shows it.
    pub header_row: Option<usize>,
    pub encoding: Option<TextEncoding>,
    pub on_duplicate: OnDuplicate,
    pub dry_run: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub file: String,
    pub preview: Preview,
    /// Set when the import was committed.
    pub committed: Option<ImportRecord>,
}

/// A file that cannot be read at all, in words.
pub fn read_error_text(e: &ReadError) -> String {
    match e {
        ReadError::Unreadable { file, reason } => format!("{file}: 无法读取,不是可识别的表格文件 ({reason})"),
        ReadError::Encrypted { file } => format!("{file}: 文件有密码保护,请先在 Excel 中取消密码"),
        ReadError::NoSuchSheet { file, sheet, available } => {
            format!("{file}: 没有名为「{sheet}」的工作表 (有: {})", available.join("、"))
        }
        ReadError::Empty { file } => format!("{file}: 没有任何数据"),
        ReadError::TooLarge { file, sheet, what, limit } => {
            format!("{file} · {sheet}: 太大 ({what} 超过 {limit}),请拆分后再导入")
        }
    }
}

/// "第 5 行 · C 列「成立日期」: 日期不存在 '2023年13月'".
pub fn issue_text(sheet: &str, i: &CellIssue) -> String {
    let reason = match &i.problem {
        Problem::Value { value } => match value {
            ValueError::UnrecognizedDate(t) => format!("无法识别的日期 '{t}'"),
            ValueError::InvalidDate(t) => format!("日期不存在 '{t}'"),
            ValueError::UnrecognizedNumber(t) => format!("无法识别的数字 '{t}'"),
            ValueError::ErrorCell(t) => format!("单元格是错误值 {t}"),
        },
        Problem::Required => "必填,不能为空".into(),
        Problem::UnknownLabel { text } => format!("不是可选的值 '{text}'"),
        Problem::UnknownCustomer { name } => format!("系统中没有客户「{name}」"),
        Problem::Invalid { reason, detail } => format!("{reason:?} {detail}").trim().to_string(),
    };
    format!("{sheet} · 第 {} 行 · {} 列「{}」: {reason}", i.row, i.column, i.header)
}

pub fn run(store: &Store, path: &Path, o: &Options) -> Result<Outcome, String> {
    let sheet = read_sheet(path, o.sheet, o.encoding).map_err(|e| read_error_text(&e))?;
    let header = match o.header_row {
        Some(n) if n >= 1 && n <= sheet.rows.len() => n - 1,
        Some(n) => return Err(format!("--header-row {n}: the sheet has {} rows", sheet.rows.len())),
        None => detect_header_row(&sheet.rows, o.kind.fields())
            .ok_or_else(|| format!("{}: 找不到表头行,请用 --header-row 指定", sheet.name))?,
    };
    let headers: Vec<String> = sheet.rows[header].iter().map(|c| text(c, Epoch::E1900).unwrap_or_default()).collect();
    let mapping = suggest(&headers, o.kind.fields());
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let req = ImportRequest { file: &file, sheet: &sheet, header_row: header, mapping: &mapping, kind: o.kind, on_duplicate: o.on_duplicate };
    let preview = store.plan_import(&req).map_err(|e| e.to_string())?;
    let committed = if o.dry_run || preview.counts.new + preview.counts.update == 0 {
        None
    } else {
        Some(store.commit_import(&req, &mut |_, _| true).map_err(|e| e.to_string())?)
    };
    Ok(Outcome { file, preview, committed })
}

pub fn print(o: &Outcome) {
    let p = &o.preview;
    let c = &p.counts;
    println!("{} · {} (表头在第 {} 行)", o.file, p.sheet, p.header_row);
    let mapped: Vec<String> = p
        .headers
        .iter()
        .zip(&p.mapping)
        .filter_map(|(h, f)| f.map(|f| format!("{h}→{}", serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())))
        .collect();
    println!("列对应: {}", mapped.join(", "));
    println!(
        "新增 {} · 更新 {} · 重复 {} · 文件内重复 {} · 错误 {}",
        c.new, c.update, c.duplicate, c.duplicate_in_file, c.error
    );
    for row in &p.rows {
        for issue in &row.issues {
            println!("  {}", issue_text(&p.sheet, issue));
        }
    }
    match &o.committed {
        Some(r) => println!("已导入 (第 {} 次导入): 新增 {} · 更新 {}; 可用 undo-import {} 撤销", r.id, r.created, r.updated, r.id),
        None => println!("未写入数据库"),
    }
}
