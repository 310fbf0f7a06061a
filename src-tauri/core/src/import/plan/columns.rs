//! The columns a plan leaves out, each with its reason, so that nothing in a file is dropped
//! without the user seeing it before the commit; and the refusal of a mapping that gives one
//! field two columns (only one of them could be imported).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{column_letter, ImportKind};
use crate::error::ReadError;
use crate::import::mapping::{best, Field};
use crate::import::read::Sheet;
use crate::import::values::Cell;

/// Why a column is not imported.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum SkipReason {
    /// Not mapped to a field: the header names none the import knows (or the user chose
    /// 不导入).
    Unmapped,
    /// Mapped to a field this kind of import does not have (a template of another kind).
    NotForKind { field: Field },
    /// Nothing below the header.
    Empty,
    /// Its header names a field another column is imported as (a repeated column).
    Duplicate { field: Field, column: String, header: String },
}

/// A column left out of an import.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SkippedColumn {
    /// Column letter as the spreadsheet shows it.
    pub column: String,
    pub header: String,
    pub reason: SkipReason,
}

/// Every column of `sheet` (as wide as its widest row) that `mapping` leaves out, in order.
pub fn skipped_columns(
    sheet: &Sheet,
    header_row: usize,
    headers: &[String],
    mapping: &[Option<Field>],
    kind: ImportKind,
) -> Vec<SkippedColumn> {
    let data = sheet.rows.get(header_row + 1..).unwrap_or_default();
    let width = data.iter().map(Vec::len).chain([headers.len(), mapping.len()]).max().unwrap_or(0);
    let mut filled = vec![false; width];
    for row in data {
        for (i, cell) in row.iter().enumerate() {
            filled[i] |= *cell != Cell::Empty;
        }
    }
    let header = |i: usize| headers.get(i).cloned().unwrap_or_default();
    let imported = |f: Field| mapping.iter().position(|m| *m == Some(f));
    (0..width)
        .filter_map(|i| {
            let reason = match mapping.get(i).copied().flatten() {
                Some(f) if !kind.fields().contains(&f) => SkipReason::NotForKind { field: f },
                _ if !filled[i] => SkipReason::Empty,
                Some(_) => return None,
                None => match best(&header(i), kind.fields()).and_then(|(f, _)| imported(f).map(|c| (f, c))) {
                    Some((field, c)) => SkipReason::Duplicate { field, column: column_letter(c), header: header(c) },
                    None => SkipReason::Unmapped,
                },
            };
            Some(SkippedColumn { column: column_letter(i), header: header(i), reason })
        })
        .collect()
}

/// Refuses a mapping that gives a field of `kind` two columns or more, naming them all.
pub fn check_mapping(
    file: &str,
    sheet: &str,
    headers: &[String],
    mapping: &[Option<Field>],
    kind: ImportKind,
) -> Result<(), ReadError> {
    for (i, f) in mapping.iter().enumerate() {
        let Some(f) = f.filter(|f| kind.fields().contains(f)) else { continue };
        let same: Vec<usize> = (0..mapping.len()).filter(|&j| mapping[j] == Some(f)).collect();
        if same.len() > 1 && same[0] == i {
            return Err(ReadError::DuplicateMapping {
                file: file.into(),
                sheet: sheet.into(),
                field: serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
                columns: same.iter().map(|&j| column_letter(j)).collect(),
                headers: same.iter().map(|&j| headers.get(j).cloned().unwrap_or_default()).collect(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.into())
        }
    }

    #[test]
    fn every_left_out_column_has_its_reason() {
        let rows =
            [["客户名称", "内部编号", "空列", "客户", "电话", "行业"], ["华东精密", "K-1", "", "华东", "", "制造"]];
        let sheet = Sheet { name: "S".into(), rows: rows.iter().map(|r| r.iter().map(|s| t(s)).collect()).collect() };
        let headers: Vec<String> = rows[0].iter().map(|s| s.to_string()).collect();
        let mapping = vec![Some(Field::CustomerName), None, None, None, Some(Field::Phone), Some(Field::Stage)];
        let got = skipped_columns(&sheet, 0, &headers, &mapping, ImportKind::Customers);
        let reasons: Vec<(&str, &SkipReason)> = got.iter().map(|s| (s.column.as_str(), &s.reason)).collect();
        assert_eq!(
            reasons,
            vec![
                ("B", &SkipReason::Unmapped),
                ("C", &SkipReason::Empty),
                (
                    "D",
                    &SkipReason::Duplicate {
                        field: Field::CustomerName,
                        column: "A".into(),
                        header: "客户名称".into()
                    }
                ),
                ("E", &SkipReason::Empty),
                ("F", &SkipReason::NotForKind { field: Field::Stage }),
            ]
        );
    }

    #[test]
    fn two_columns_for_one_field_are_refused_by_name() {
        let headers: Vec<String> = ["客户名称", "城市", "所在城市"].iter().map(|s| s.to_string()).collect();
        let mapping = vec![Some(Field::CustomerName), Some(Field::City), Some(Field::City)];
        assert_eq!(
            check_mapping("a.xlsx", "S", &headers, &mapping, ImportKind::Customers),
            Err(ReadError::DuplicateMapping {
                file: "a.xlsx".into(),
                sheet: "S".into(),
                field: "city".into(),
                columns: vec!["B".into(), "C".into()],
                headers: vec!["城市".into(), "所在城市".into()],
            })
        );
        let parts = vec![Some(Field::CustomerName), Some(Field::Province), Some(Field::City)];
        assert_eq!(check_mapping("a.xlsx", "S", &headers, &parts, ImportKind::Customers), Ok(()), "the 地区 parts");
    }
}
