//! 彻底删除 in the store: [`Store::erase_contact`]. What goes and why is in [`crate::erase`].

use super::{free_text, links};
use rusqlite::{Connection, OptionalExtension};

use crate::erase::{EraseReport, Needles};
use crate::error::{CoreError, Result};
use crate::search;
use crate::search::HitKind;
use crate::Store;

/// The contact as erasing needs it, live or in the trash (or under a customer in the trash).
fn load_person(conn: &Connection, id: i64) -> Result<(EraseReport, Needles, bool)> {
    let row: Option<(i64, String, String, String, String, String, bool)> = conn
        .query_row(
            "SELECT ct.customer_id, ct.name, ct.phone, ct.wechat, ct.email, c.name, c.deleted_at IS NULL
             FROM contact ct JOIN customer c ON c.id = ct.customer_id WHERE ct.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )
        .optional()?;
    let (customer_id, name, phone, wechat, email, customer_name, customer_live) =
        row.ok_or_else(|| CoreError::not_found("contact", id))?;
    let needles = Needles::of(&name, &phone, &wechat, &email);
    let report = EraseReport {
        contact_id: id,
        name,
        customer_id,
        customer_name,
        needles: needles.all().to_vec(),
        ..Default::default()
    };
    Ok((report, needles, customer_live))
}

fn count(conn: &Connection, sql: &str, id: i64) -> Result<i64> {
    Ok(conn.query_row(sql, [id], |r| r.get(0))?)
}

impl Store {
    /// 彻底删除: removes contact `id` — live, in the trash, or of a customer in the trash —
    /// from every table and every stored copy of their details in one transaction, then frees
    /// the pages (`secure_delete`, the full-text indexes merged, `VACUUM`, the WAL emptied) so
    /// the file keeps none of their bytes. Not undoable: nothing goes to the trash. The report
    /// counts what went where; its `needles` let the caller ask which backups still hold the
    /// person ([`crate::erase::holds_person`]).
    pub fn erase_contact(&self, id: i64) -> Result<EraseReport> {
        let (mut report, needles, customer_live) = load_person(&self.conn, id)?;
        let secure: i64 = self.conn.pragma_query_value(None, "secure_delete", |r| r.get(0))?;
        self.conn.pragma_update(None, "secure_delete", 1)?;
        let erased = self.erase_rows(&mut report, &needles, customer_live).and_then(|()| self.free_pages());
        self.conn.pragma_update(None, "secure_delete", secure)?;
        erased?;
        self.find_in_backups(&mut report);
        Ok(report)
    }

    /// Which snapshots still hold the person (they were taken before the erase).
    fn find_in_backups(&self, report: &mut EraseReport) {
        let Ok(snapshots) = self.snapshots() else { return };
        report.backups_checked = true;
        report.backups_holding = snapshots
            .into_iter()
            .filter(|s| crate::erase::holds_person(std::path::Path::new(&s.path), &report.needles).unwrap_or(true))
            .map(|s| s.file)
            .collect();
    }

    fn erase_rows(&self, report: &mut EraseReport, needles: &Needles, customer_live: bool) -> Result<()> {
        let (id, customer_id) = (report.contact_id, report.customer_id);
        let tx = self.conn.unchecked_transaction()?;
        report.assessments = count(&tx, "SELECT count(*) FROM role_assessment WHERE contact_id = ?1", id)?;
        report.edges = count(&tx, "SELECT count(*) FROM power_edge WHERE from_id = ?1 OR to_id = ?1", id)?;
        report.reports_cut = count(&tx, "SELECT count(*) FROM contact WHERE reports_to = ?1", id)?;
        (report.history_removed, report.history_rewritten) = links::history(&tx, customer_id, id)?;
        report.visits = links::visits(&tx, customer_id, id)?;
        report.opportunities = links::opportunities(&tx, customer_id, id)?;
        report.import_rows = forget_in_import_history(&tx, id)?;
        let own_entry = tx.execute("DELETE FROM trash WHERE kind = 'contact' AND ref_id = ?1", [id])? as i64;
        let copies = links::trash_copies(&tx, customer_id, id)?;
        report.trash_entries = own_entry + copies.entries;
        report.visits += copies.visits;
        report.opportunities += copies.opportunities;
        report.search_entries =
            count(&tx, "SELECT count(*) FROM search_entry WHERE kind = 'contact' AND ref_id = ?1", id)?;
        search::index::remove(&tx, HitKind::Contact, id)?;
        // Their assessments, positions and edges go with the row (ON DELETE CASCADE), their
        // reports' links to them too (ON DELETE SET NULL).
        tx.execute("DELETE FROM contact WHERE id = ?1", [id])?;
        report.text_cells = free_text::scrub(&tx, customer_id, needles)?;
        if customer_live {
            crate::powermap::store::refresh_cached(&tx, customer_id)?;
            // The customer's records, deals and suppliers are searched by their text, which the
            // scrub has just rewritten.
            crate::visits::search::reindex_customer(&tx, customer_id)?;
            crate::opportunities::search::reindex_customer(&tx, customer_id)?;
            crate::customers::search::index_customer_suppliers(&tx, customer_id)?;
        }
        // A full-text index keeps a deleted entry's tokens in its segments until they are
        // merged: merge them all now.
        tx.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')", [])?;
        tx.execute("INSERT INTO search_uni (search_uni) VALUES ('optimize')", [])?;
        search::items::optimize(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Rewrites the file without its free pages and empties the WAL, whose older frames still
    /// hold pages as they were before the erase.
    fn free_pages(&self) -> Result<()> {
        self.conn.execute_batch("VACUUM")?;
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// Removes contact `id` from the import history: the rows naming it alone, and its id from a run
/// of created contacts (`migrations/023_import_change_runs.sql`), which is cut in two around it.
/// Returns how many history rows named it.
fn forget_in_import_history(tx: &Connection, id: i64) -> Result<i64> {
    const NAMES_IT: &str = "entity = 'contact' AND ref_id <= ?1 AND ?1 <= coalesce(last_ref_id, ref_id)";
    let named = count(tx, &format!("SELECT count(*) FROM import_change WHERE {NAMES_IT}"), id)?;
    // The part of a run after it becomes a run of its own; the part before it ends before it.
    tx.execute(
        &format!(
            "INSERT INTO import_change (batch_id, entity, ref_id, last_ref_id, action, before, after)
             SELECT batch_id, entity, ?1 + 1, last_ref_id, action, before, after FROM import_change
             WHERE {NAMES_IT} AND ?1 < last_ref_id"
        ),
        [id],
    )?;
    tx.execute(&format!("UPDATE import_change SET last_ref_id = ?1 - 1 WHERE {NAMES_IT} AND ref_id < ?1"), [id])?;
    tx.execute("DELETE FROM import_change WHERE entity = 'contact' AND ref_id = ?1", [id])?;
    Ok(named)
}
