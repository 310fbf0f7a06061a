//! Saved column mappings of the import wizard: an AM who maps the columns of "the CRM export"
//! once saves the mapping under a name, and the next file with the same headers gets it again
//! (docs/import.md: "mappings are saved as named templates and suggested again for files with the
//! same headers").
//!
//! A template keeps its header row normalised ([`normalize_header`]: half-width, lower case,
//! no spaces, punctuation or bracketed unit) and the field of each column. A file matches a
//! template exactly when its normalised header row is the same list; failing that, a template
//! whose headers contain every header of the file (the same columns in another order, or a
//! file with some columns left out) is applied by header text.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Reason, Result};
use crate::import::mapping::{normalize_header, Field};
use crate::import::plan::ImportKind;
use crate::import::{ImportFile, ImportSpec};
use crate::Store;

/// Longest template name accepted.
pub const MAX_NAME: usize = 60;

/// A saved mapping.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MappingTemplate {
    pub id: i64,
    pub name: String,
    pub kind: ImportKind,
    /// The header row it was saved from, normalised.
    pub headers: Vec<String>,
    /// The field of each column of `headers` (null = not imported).
    pub mapping: Vec<Option<Field>>,
    pub created_at: String,
    pub updated_at: String,
}

/// A template that fits a file, with its mapping laid over the file's columns.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TemplateMatch {
    pub name: String,
    /// One entry per column of the file.
    pub mapping: Vec<Option<Field>>,
    /// True when the file's header row is exactly the template's.
    pub exact: bool,
}

fn kind_code(kind: ImportKind) -> &'static str {
    kind.code()
}

fn parse_kind(code: &str) -> Option<ImportKind> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

/// The normalised header row, without trailing empty headers.
fn signature(headers: &[String]) -> Vec<String> {
    let mut s: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    while s.last().is_some_and(|h| h.is_empty()) {
        s.pop();
    }
    s
}

/// True when `t` was saved from the header row `file` (a signature).
fn same_headers(t: &MappingTemplate, file: &[String]) -> bool {
    let mut own: &[String] = &t.headers;
    while let [rest @ .., last] = own {
        if !last.is_empty() {
            break;
        }
        own = rest;
    }
    own == file
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}

fn from_row(r: &Row) -> rusqlite::Result<(i64, String, String, String, String, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
}

const COLUMNS: &str = "id, name, kind, headers, mapping, created_at, updated_at";

fn template(raw: (i64, String, String, String, String, String, String)) -> Option<MappingTemplate> {
    let (id, name, kind, headers, mapping, created_at, updated_at) = raw;
    Some(MappingTemplate {
        id,
        name,
        kind: parse_kind(&kind)?,
        headers: serde_json::from_str(&headers).ok()?,
        mapping: serde_json::from_str(&mapping).ok()?,
        created_at,
        updated_at,
    })
}

/// `t`'s fields laid over a file whose normalised headers are `file`: each column takes the
/// field of the template column with the same header (the n-th repeat of a header takes the
/// n-th such column). Columns without a header, or unknown to the template, are not imported.
fn by_header(t: &MappingTemplate, file: &[String], width: usize) -> Vec<Option<Field>> {
    let mut columns: HashMap<&str, Vec<Option<Field>>> = HashMap::new();
    for (h, f) in t.headers.iter().zip(&t.mapping) {
        if !h.is_empty() {
            columns.entry(h.as_str()).or_default().push(*f);
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    (0..width)
        .map(|i| {
            let h = file.get(i).map(String::as_str).unwrap_or("");
            if h.is_empty() {
                return None;
            }
            let n = seen.entry(h).or_default();
            *n += 1;
            columns.get(h).and_then(|fs| fs.get(*n - 1)).copied().flatten()
        })
        .collect()
}

/// `mapping` fitted to `width` columns (cut, or padded with "not imported").
fn fitted(mapping: &[Option<Field>], width: usize) -> Vec<Option<Field>> {
    (0..width).map(|i| mapping.get(i).copied().flatten()).collect()
}

/// How many of `file`'s (non-empty) headers the template lacks, counting repeats; 0 = it has
/// them all.
fn missing(t: &MappingTemplate, file: &[String]) -> usize {
    let mut have: HashMap<&str, usize> = HashMap::new();
    for h in t.headers.iter().filter(|h| !h.is_empty()) {
        *have.entry(h.as_str()).or_default() += 1;
    }
    file.iter()
        .filter(|h| !h.is_empty())
        .filter(|h| match have.get_mut(h.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .count()
}

impl Store {
    /// Saves the mapping of a file's columns under `name`; a template of the same name is
    /// replaced. `headers` is the file's header row as it reads; `mapping` one field (or
    /// none) per column.
    pub fn save_mapping_template(
        &self,
        name: &str,
        kind: ImportKind,
        headers: &[String],
        mapping: &[Option<Field>],
    ) -> Result<MappingTemplate> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CoreError::validation("name", Reason::Required));
        }
        if name.chars().count() > MAX_NAME {
            return Err(CoreError::validation_detail("name", Reason::TooLong, MAX_NAME.to_string()));
        }
        if !mapping.iter().any(Option::is_some) {
            return Err(CoreError::validation("mapping", Reason::Required));
        }
        if let Some((i, f)) = mapping.iter().enumerate().find(|(_, f)| f.is_some_and(|f| !kind.fields().contains(&f))) {
            return Err(CoreError::validation_detail(format!("mapping.{i}"), Reason::InvalidReference, json(f)));
        }
        // Columns past the header row (no header text) are kept by position; trailing columns
        // that neither have a header nor are imported are dropped.
        let width = headers.len().max(mapping.len());
        let mut heads: Vec<String> =
            (0..width).map(|i| headers.get(i).map(|h| normalize_header(h)).unwrap_or_default()).collect();
        let mut fields = fitted(mapping, width);
        while heads.last().is_some_and(String::is_empty) && fields.last().is_some_and(Option::is_none) {
            heads.pop();
            fields.pop();
        }
        let now = self.clock.timestamp();
        self.conn.execute(
            "INSERT INTO mapping_template (name, kind, headers, mapping, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, headers = excluded.headers,
                 mapping = excluded.mapping, updated_at = excluded.updated_at",
            params![name, kind_code(kind), json(&heads), json(&fields), now],
        )?;
        self.mapping_template(name)?.ok_or_else(|| CoreError::Database { detail: "saved template not found".into() })
    }

    /// The template called `name`, if any.
    pub fn mapping_template(&self, name: &str) -> Result<Option<MappingTemplate>> {
        let raw = self
            .conn
            .query_row(&format!("SELECT {COLUMNS} FROM mapping_template WHERE name = ?1"), [name.trim()], from_row)
            .optional()?;
        Ok(raw.and_then(template))
    }

    /// The saved templates (of one kind, or all), most recently saved first.
    pub fn mapping_templates(&self, kind: Option<ImportKind>) -> Result<Vec<MappingTemplate>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM mapping_template WHERE ?1 IS NULL OR kind = ?1 ORDER BY updated_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map([kind.map(kind_code)], from_row)?;
        let mut out = Vec::new();
        for raw in rows {
            out.extend(template(raw?));
        }
        Ok(out)
    }

    /// Deletes the template `id`.
    pub fn delete_mapping_template(&self, id: i64) -> Result<()> {
        match self.conn.execute("DELETE FROM mapping_template WHERE id = ?1", [id])? {
            0 => Err(CoreError::not_found("mapping_template", id)),
            _ => Ok(()),
        }
    }

    /// The template to suggest for a file of `kind` whose header row is `headers`: one saved
    /// from the same header row (the latest saved, if several), else one that has every header
    /// of the file (the closest: fewest headers the file lacks), applied by header text.
    pub fn suggest_mapping_template(&self, kind: ImportKind, headers: &[String]) -> Result<Option<TemplateMatch>> {
        let file = signature(headers);
        if file.iter().all(String::is_empty) {
            return Ok(None);
        }
        let templates = self.mapping_templates(Some(kind))?;
        if let Some(t) = templates.iter().find(|t| same_headers(t, &file)) {
            let width = headers.len().max(t.mapping.len());
            return Ok(Some(TemplateMatch { name: t.name.clone(), mapping: fitted(&t.mapping, width), exact: true }));
        }
        let width = headers.len();
        let best = templates
            .iter()
            .filter(|t| missing(t, &file) == 0)
            .map(|t| (t, by_header(t, &file, width)))
            .filter(|(_, m)| m.iter().any(Option::is_some))
            // Fewest headers beyond the file's; `templates` is newest first and min_by_key
            // keeps the first of equals.
            .min_by_key(|(t, _)| t.headers.iter().filter(|h| !h.is_empty()).count());
        Ok(best.map(|(t, mapping)| TemplateMatch { name: t.name.clone(), mapping, exact: false }))
    }

    /// The mapping of template `name` for a file whose header row is `headers` (the user
    /// picked it): exact header rows take it column for column, other files by header text.
    pub fn apply_mapping_template(
        &self,
        name: &str,
        kind: ImportKind,
        headers: &[String],
    ) -> Result<Vec<Option<Field>>> {
        let t = self
            .mapping_template(name)?
            .filter(|t| t.kind == kind)
            .ok_or_else(|| CoreError::validation_detail("template", Reason::InvalidReference, name.trim()))?;
        let file = signature(headers);
        Ok(if same_headers(&t, &file) {
            fitted(&t.mapping, headers.len().max(t.mapping.len()))
        } else {
            by_header(&t, &file, headers.len())
        })
    }

    /// What the import wizard shows first about a file ([`crate::import::inspect`]), with the
    /// mapping of a saved template when one fits the file's headers and the spec brings no
    /// mapping of its own (`template` names it).
    pub fn inspect_import(&self, spec: &ImportSpec) -> Result<ImportFile> {
        let mut file = crate::import::inspect(spec).map_err(|error| CoreError::Unreadable { error })?;
        if spec.mapping.is_none() {
            if let Some(m) = self.suggest_mapping_template(spec.kind, &file.headers)? {
                file.mapping = m.mapping;
                file.template = Some(m.name);
            }
        }
        Ok(file)
    }
}
