//! Rows copied out whole and put back as they were, ids included: the trash's copy of a
//! record that is deleted for real (a visit summary and its next actions, an opportunity and
//! its stage history) rather than marked, so no query anywhere has to learn to skip it.

use rusqlite::types::{Value, ValueRef};
use rusqlite::{params_from_iter, Connection};
use serde_json::{Map, Number, Value as Json};

use crate::error::Result;

/// The rows of `table` where `column = id`, each as an object of its columns.
pub(crate) fn rows(conn: &Connection, table: &str, column: &str, id: i64) -> Result<Json> {
    let mut st = conn.prepare(&format!("SELECT * FROM {table} WHERE {column} = ?1 ORDER BY id"))?;
    let names: Vec<String> = st.column_names().into_iter().map(String::from).collect();
    let rows = st
        .query_map([id], |r| {
            let mut row = Map::new();
            for (i, name) in names.iter().enumerate() {
                let value = match r.get_ref(i)? {
                    ValueRef::Null | ValueRef::Blob(_) => Json::Null,
                    ValueRef::Integer(n) => Json::from(n),
                    ValueRef::Real(x) => Number::from_f64(x).map_or(Json::Null, Json::Number),
                    ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
                };
                row.insert(name.clone(), value);
            }
            Ok(Json::Object(row))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Json::Array(rows))
}

/// Inserts rows [`rows`] copied, as they were; `fix` may change a row first (a reference that
/// no longer exists). A row whose id was taken meanwhile (SQLite hands the highest free id to the
/// next new row, so a record created after the delete can get it) is put back under a new id.
/// Returns each row's (old id, id now).
pub(crate) fn put_back(
    conn: &Connection,
    table: &str,
    rows: &Json,
    fix: &dyn Fn(&mut Map<String, Json>) -> Result<()>,
) -> Result<Vec<(i64, i64)>> {
    let mut ids = Vec::new();
    for row in rows.as_array().into_iter().flatten() {
        let Some(mut row) = row.as_object().cloned() else { continue };
        fix(&mut row)?;
        let old = row.get("id").and_then(Json::as_i64).unwrap_or_default();
        let taken: bool =
            conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"), [old], |r| r.get(0))?;
        if taken {
            row.remove("id");
        }
        let columns: Vec<&String> = row.keys().collect();
        let values = row.values().map(|v| match v {
            Json::Number(n) => n.as_i64().map_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0)), Value::Integer),
            Json::String(s) => Value::Text(s.clone()),
            Json::Bool(b) => Value::Integer(*b as i64),
            _ => Value::Null,
        });
        let names = columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
        let marks = vec!["?"; columns.len()].join(", ");
        conn.execute(&format!("INSERT INTO {table} ({names}) VALUES ({marks})"), params_from_iter(values))?;
        ids.push((old, conn.last_insert_rowid()));
    }
    Ok(ids)
}
