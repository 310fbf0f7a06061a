//! Whether a file still holds a person: for the backups taken before an erase.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::{CoreError, Result};

/// True when any of `needles` (an [`super::EraseReport`]'s) occurs in the SQLite file at
/// `path` or its `-wal`: as bytes anywhere in the files (free pages and index segments
/// included), or in any column of any table as SQLite reads it (a long value split across
/// overflow pages). The file is only read: opened read-only, never migrated or locked for
/// writing, so a snapshot stays as it was. A needle may also occur in someone else's text
/// (another 张伟), so true means "may still hold the person".
pub fn holds_person(path: &Path, needles: &[String]) -> Result<bool> {
    let needles: Vec<&[u8]> = needles.iter().map(|n| n.as_bytes()).filter(|n| !n.is_empty()).collect();
    if needles.is_empty() {
        return Ok(false);
    }
    let wal = path.with_file_name(format!("{}-wal", path.file_name().unwrap_or_default().to_string_lossy()));
    for file in [path, wal.as_path()] {
        if file.exists() && bytes_hold(file, &needles)? {
            return Ok(true);
        }
    }
    rows_hold(path, &needles)
}

/// Searches the file in 1 MiB chunks, each with the previous chunk's last bytes in front so a
/// needle across two chunks is found.
fn bytes_hold(file: &Path, needles: &[&[u8]]) -> Result<bool> {
    let longest = needles.iter().map(|n| n.len()).max().unwrap_or(0);
    let mut f = std::fs::File::open(file).map_err(|e| CoreError::io(file.display().to_string(), &e))?;
    let mut window: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut chunk).map_err(|e| CoreError::io(file.display().to_string(), &e))?;
        if n == 0 {
            return Ok(false);
        }
        window.extend_from_slice(&chunk[..n]);
        if needles.iter().any(|needle| window.windows(needle.len()).any(|w| w == *needle)) {
            return Ok(true);
        }
        let keep = window.len().min(longest.saturating_sub(1));
        window.drain(..window.len() - keep);
    }
}

/// Opened `immutable`: no lock, no `-shm` created beside a snapshot (its `-wal`, if any, was
/// searched as bytes).
fn rows_hold(path: &Path, needles: &[&[u8]]) -> Result<bool> {
    let escaped: String = path
        .to_string_lossy()
        .chars()
        .map(|c| match c {
            '%' | '?' | '#' => format!("%{:02X}", c as u32),
            c => c.to_string(),
        })
        .collect();
    let conn = Connection::open_with_flags(
        format!("file:{escaped}?immutable=1"),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        let quoted = format!("\"{}\"", table.replace('"', "\"\""));
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{}')", table.replace('\'', "''")))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // One scan per table: any column holding any needle.
        let mut tests = Vec::new();
        for column in &columns {
            let col = format!("\"{}\"", column.replace('"', "\"\""));
            for i in 1..=needles.len() {
                tests.push(format!("instr(CAST({col} AS BLOB), ?{i}) > 0"));
            }
        }
        if tests.is_empty() {
            continue;
        }
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {quoted} WHERE {})", tests.join(" OR "));
        if conn.query_row(&sql, rusqlite::params_from_iter(needles.iter()), |r| r.get::<_, bool>(0))? {
            return Ok(true);
        }
    }
    Ok(false)
}
