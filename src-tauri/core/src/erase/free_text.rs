//! The person's needles out of the free text of their customer's records, in every table
//! that belongs to a customer: found by the schema, not listed, so a table or column a later
//! migration adds is scrubbed too.

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection};

use crate::erase::{scrub_cell, Needles};
use crate::error::Result;

/// Columns never rewritten: who an organisation or another person is (equal to a needle only
/// by coincidence: another 张伟, a shared switchboard number), and the id lists cut exactly by
/// `links.rs`.
const IDENTITY: &[(&str, &str)] = &[
    ("customer", "name"),
    ("customer", "name_key"),
    ("customer", "short_name"),
    ("contact", "name"),
    ("contact", "pinyin"),
    ("contact", "phone"),
    ("contact", "wechat"),
    ("contact", "email"),
    ("power_history", "contact_name"),
    ("visit", "customer_participants"),
    ("opportunity", "key_persons"),
];

/// Which rows of a table belong to customer `?1`; `None` for a table that belongs to none.
fn scope(table: &str, columns: &[(String, String)]) -> Option<&'static str> {
    match table {
        "customer" => Some("id = ?1"),
        // Import history: the customer's own rows and those of its contacts.
        "import_change" => Some(
            "(entity = 'customer' AND ref_id = ?1)
             OR (entity = 'contact' AND ref_id IN (SELECT id FROM contact WHERE customer_id = ?1))",
        ),
        _ if columns.iter().any(|(name, _)| name == "customer_id") => Some("customer_id = ?1"),
        _ => None,
    }
}

/// Replaces the needles in the text columns of the customer's rows; returns how many cells
/// changed. The search index (`search_*`) is left to the caller, which removes the person's
/// entry; tables without rowid (a section's date, map positions) hold no free text.
pub(super) fn scrub(conn: &Connection, customer_id: i64, needles: &Needles) -> Result<i64> {
    let searched: Vec<&str> = needles.in_text().collect();
    if searched.is_empty() {
        return Ok(0);
    }
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND wr = 0
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut cells = 0;
    for table in tables {
        let columns: Vec<(String, String)> = conn
            .prepare("SELECT name, upper(type) FROM pragma_table_info(?1)")?
            .query_map([&table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(rows_of_customer) = scope(&table, &columns) else { continue };
        let text: Vec<&String> = columns
            .iter()
            .filter(|(name, ty)| ty.contains("TEXT") && !IDENTITY.contains(&(table.as_str(), name.as_str())))
            .map(|(name, _)| name)
            .collect();
        if text.is_empty() {
            continue;
        }
        let holds: Vec<String> = text
            .iter()
            .flat_map(|c| (0..searched.len()).map(move |i| format!("instr(\"{c}\", ?{}) > 0", i + 2)))
            .collect();
        let list = text.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
        let sql =
            format!("SELECT rowid, {list} FROM \"{table}\" WHERE ({rows_of_customer}) AND ({})", holds.join(" OR "));
        let args =
            std::iter::once(Value::Integer(customer_id)).chain(searched.iter().map(|n| Value::Text(n.to_string())));
        let found: Vec<(i64, Vec<Value>)> = conn
            .prepare(&sql)?
            .query_map(params_from_iter(args), |r| {
                let values = (1..=text.len()).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<_>>()?;
                Ok((r.get(0)?, values))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (rowid, values) in found {
            for (column, value) in text.iter().zip(values) {
                let Value::Text(value) = value else { continue };
                let Some(new) = scrub_cell(&value, needles) else { continue };
                conn.execute(
                    &format!("UPDATE \"{table}\" SET \"{column}\" = ?2 WHERE rowid = ?1"),
                    params![rowid, new],
                )?;
                cells += 1;
            }
        }
    }
    Ok(cells)
}
