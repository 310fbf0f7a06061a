//! `dossier-cli import`: the app's import engine from the command line. Prints the preview
//! summary and every refused cell (sheet, row, column, reason), then commits unless
//! `--dry-run`.

use dossier_core::error::ReadError;
use dossier_core::import::plan::{CellIssue, ImportKind, Preview, SkipReason, SkippedColumn};
use dossier_core::import::ImportRecord;
use dossier_core::import::ImportSpec;
use dossier_core::{CoreError, Store};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub file: String,
    pub preview: Preview,
    /// Set when the import was committed.
    pub committed: Option<ImportRecord>,
    /// How long writing the search entries of a large import took after its commit (its rows
    /// are findable by name meanwhile: `customers/catch_up.rs`), in seconds; 0 when none waited.
    pub index_seconds: f64,
}

/// A file that cannot be read at all, in words.
pub fn read_error_text(e: &ReadError) -> String {
    match e {
        ReadError::Unreadable { file, reason } => format!("{file}：无法读取，文件可能已损坏（{reason}）"),
        ReadError::Encrypted { file } => format!("{file}：文件有密码保护，请先在 Excel 中取消密码"),
        ReadError::NoSuchSheet { file, sheet, available } => {
            format!("{file}：没有名为「{sheet}」的工作表（有：{}）", available.join("、"))
        }
        ReadError::Empty { file } => format!("{file}：没有任何数据"),
        ReadError::TooLarge { file, sheet, what, limit } => {
            let what = match what.as_str() {
                "cells" => "单元格数",
                "rows" => "行数",
                "columns" => "列数",
                "bytes" => "字节数",
                other => other,
            };
            format!("{file} · {sheet}：太大（{what}超过 {limit}），请拆分后再导入")
        }
        ReadError::UnknownFormat { file } => {
            format!("{file}：无法读取，不是可识别的表格文件（Excel、WPS、LibreOffice 或 CSV 文本），请在 Excel 中另存为 .xlsx 后再导入")
        }
        ReadError::HeaderOnly { file, sheet } => format!("{file} · {sheet}：只有表头，没有数据行"),
        ReadError::DuplicateMapping { file, sheet, field: _, columns, headers } => {
            let named: Vec<String> = columns.iter().zip(headers).map(|(c, h)| format!("{c} 列「{h}」")).collect();
            format!("{file} · {sheet}：{} 导入为同一字段，只能保留一列，请在映射中改掉多余的列", named.join("、"))
        }
    }
}

/// "第 5 行 · C 列「成立日期」：日期不存在 '2023年13月'".
pub fn issue_text(sheet: &str, i: &CellIssue) -> String {
    format!(
        "{sheet} · 第 {} 行 · {} 列「{}」：{}",
        i.row,
        i.column,
        i.header,
        dossier_core::export::reason_text(&i.problem)
    )
}

/// Previews `spec` (its columns mapped by the saved mapping `template` when given), then
/// commits it unless `dry_run` (or there is nothing to write).
pub fn run(store: &Store, spec: &ImportSpec, template: Option<&str>, dry_run: bool) -> Result<Outcome, String> {
    let message = |e: CoreError| match e {
        CoreError::Unreadable { error } => read_error_text(&error),
        other => other.to_string(),
    };
    let mut spec = spec.clone();
    if let Some(name) = template {
        let file = store.inspect_import(&spec).map_err(message)?;
        spec.mapping = Some(store.apply_mapping_template(name, spec.kind, &file.headers).map_err(|e| match e {
            CoreError::Validation { .. } => {
                let saved = store.mapping_templates(Some(spec.kind)).unwrap_or_default();
                let names: Vec<&str> = saved.iter().map(|t| t.name.as_str()).collect();
                format!(
                    "没有名为「{name}」的{}映射模板（已保存：{}）",
                    kind_words(spec.kind),
                    if names.is_empty() { "无".into() } else { names.join("、") }
                )
            }
            other => message(other),
        })?);
        spec.header_row = Some(file.header_row);
        spec.sheet = Some(file.sheet);
    }
    let spec = &spec;
    let loaded = dossier_core::import::load(spec).map_err(|error| message(CoreError::Unreadable { error }))?;
    let request = loaded.request(spec);
    // The file is read and planned once: a commit returns the plan it followed.
    let (preview, committed) = if dry_run {
        (store.plan_import(&request).map_err(message)?, None)
    } else {
        let (record, preview) = store.commit_import_planned(&request, &mut |_, _| true).map_err(message)?;
        (preview, Some(record))
    };
    drop(loaded); // the sheet is not needed for the search entries
                  // The command leaves a complete index behind it, as the app does in the background. Nothing
                  // waits for the store here, so its chunks are larger than the app's: each chunk's commit
                  // and full-text merge cost about as much as its entries (100k rows: 6.6 s in chunks of
                  // 10,000, 13.7 s in the app's 2,000; 20,000 saves little more and peaks at 200 MB).
    let indexing = std::time::Instant::now();
    while store.catch_up_search(10_000).map_err(message)? > 0 {}
    let index_seconds = indexing.elapsed().as_secs_f64();
    let file = spec.path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Outcome { file, preview, committed, index_seconds })
}

/// What a file holds (`--kind`), for `import` and `export template`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum KindArg {
    Customers,
    Contacts,
    Purchases,
    /// Follow-up records (跟进记录).
    #[value(alias = "follow-ups")]
    Visits,
    /// Opportunities (商机).
    #[value(alias = "opportunities")]
    Deals,
}

impl KindArg {
    pub fn kind(self) -> ImportKind {
        match self {
            KindArg::Customers => ImportKind::Customers,
            KindArg::Contacts => ImportKind::Contacts,
            KindArg::Purchases => ImportKind::Purchases,
            KindArg::Visits => ImportKind::Visits,
            KindArg::Deals => ImportKind::Opportunities,
        }
    }
}

fn kind_words(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Customers => "客户",
        ImportKind::Contacts => "联系人",
        ImportKind::Purchases => "采购记录",
        ImportKind::Visits => "跟进记录",
        ImportKind::Opportunities => "商机",
    }
}

/// "C 列「内部编号」：没有对应的字段".
pub fn skipped_text(s: &SkippedColumn) -> String {
    let header = if s.header.trim().is_empty() { "（无表头）".to_string() } else { format!("「{}」", s.header) };
    let code = |f: &dossier_core::import::mapping::Field| {
        serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    };
    let reason = match &s.reason {
        SkipReason::Unmapped => "没有对应的字段".to_string(),
        SkipReason::NotForKind { field } => format!("字段 {} 不属于这类导入", code(field)),
        SkipReason::Empty => "整列为空".to_string(),
        SkipReason::Duplicate { column, header, .. } => format!("与 {column} 列「{header}」重复，已导入那一列"),
    };
    format!("{} 列{header}：{reason}", s.column)
}

pub fn print(o: &Outcome) {
    let p = &o.preview;
    let c = &p.counts;
    println!("{} · {}（表头在第 {} 行）", o.file, p.sheet, p.header_row);
    let mapped: Vec<String> = p
        .headers
        .iter()
        .zip(&p.mapping)
        .filter_map(|(h, f)| {
            f.map(|f| {
                format!(
                    "{h}→{}",
                    serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
                )
            })
        })
        .collect();
    println!("列对应：{}", mapped.join("，"));
    if let Some(year) = p.revenue_year {
        println!("营收按 {year} 年导入（文件未写年份；可用 --revenue-year 指定）");
    }
    if !p.skipped.is_empty() {
        println!("不导入的列：");
        for s in &p.skipped {
            println!("  {}", skipped_text(s));
        }
    }
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
        Some(r) => println!(
            "已导入（第 {} 次导入）：新增 {} · 更新 {}；可用 undo-import {} 撤销",
            r.id, r.created, r.updated, r.id
        ),
        None => println!("未写入数据库"),
    }
}
