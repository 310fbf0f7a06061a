//! Committing an import and its history. A commit re-plans while its transaction is open (so
//! the plan matches the data it changes; on a second thread, `pipeline.rs`), applies every row
//! that has no error, records what it created and what each update overwrote and wrote, and
//! commits once: a cancel or a failure leaves the database exactly as before. Undoing one is
//! in `undo.rs`.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::backup::SnapshotReason;
use crate::customers::contacts::{insert_contact, load_contact, write_contact};
use crate::customers::sections::period_revenue;
use crate::customers::store::{insert_customer, load_customer, touch_section, touch_sections, write_customer};
use crate::customers::{Customer, Section};
use crate::error::{CoreError, Result};
use crate::import::mapping::Field;
use crate::import::pipeline;
use crate::import::plan::{self, CustomerRef, ImportKind, OnDuplicate, Ops, Preview, Revenue};
use crate::import::read::Sheet;
use crate::import::ImportSpec;
use crate::search;
use crate::search::backlog::IdRuns;
use crate::search::HitKind;
use crate::text::customer_key;
use crate::Store;

/// One committed import, as the history lists it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ImportRecord {
    pub id: i64,
    pub file: String,
    pub sheet: String,
    pub kind: String,
    pub created: i64,
    pub updated: i64,
    pub skipped: i64,
    pub errors: i64,
    pub imported_at: String,
    pub undone_at: Option<String>,
}

/// What an import is to do: the sheet, where its header is, what each column holds.
pub struct ImportRequest<'a> {
    pub file: &'a str,
    pub sheet: &'a Sheet,
    /// 0-based.
    pub header_row: usize,
    pub mapping: &'a [Option<Field>],
    pub kind: ImportKind,
    pub on_duplicate: OnDuplicate,
    /// The year of revenue the file gives no year for; last year when `None`.
    pub revenue_year: Option<i32>,
}

/// What an import changed besides customers and contacts (whose codes are their search
/// kinds'): a purchase record, a follow-up record, an opportunity.
pub(crate) const PURCHASE: &str = "purchase";
pub(crate) const VISIT: &str = "visit";
pub(crate) const OPPORTUNITY: &str = "opportunity";
/// A year's revenue in a customer's financial series (`ref_id`: the `financial_period` row;
/// `before`/`after`: `{"revenue": …}`; created: the import added the period).
pub(crate) const FINANCIAL_PERIOD: &str = "financial_period";

/// Records an updated record with its fields (JSON) before and after, for the undo
/// ([`crate::import::undo`]).
fn record_update(
    tx: &rusqlite::Connection,
    batch: i64,
    entity: &str,
    id: i64,
    before: String,
    after: String,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO import_change (batch_id, entity, ref_id, action, before, after) VALUES (?1, ?2, ?3, 'updated', ?4, ?5)",
    )?
    .execute(params![batch, entity, id, before, after])?;
    Ok(())
}

/// Records the records created, one row per run of consecutive ids of one kind
/// (`migrations/023_import_change_runs.sql`), after the rows: one statement instead of one per
/// record.
fn record_created(tx: &rusqlite::Connection, batch: i64, created: &BTreeMap<&'static str, IdRuns>) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO import_change (batch_id, entity, ref_id, last_ref_id, action) VALUES (?1, ?2, ?3, ?4, 'created')",
    )?;
    for (entity, ids) in created {
        for (first, last) in ids.runs() {
            insert.execute(params![batch, entity, first, last])?;
        }
    }
    Ok(())
}

fn fields_json<T: Serialize>(fields: &T) -> String {
    serde_json::to_string(fields).expect("fields serialise")
}

fn loaded(spec: &ImportSpec) -> Result<crate::import::Loaded> {
    crate::import::load(spec).map_err(|error| CoreError::Unreadable { error })
}

/// Refuses a request whose mapping gives a field two columns, before anything is written.
fn check_mapping(req: &ImportRequest) -> Result<()> {
    let headers = plan::header_texts(req.sheet, req.header_row);
    plan::check_mapping(req.file, &req.sheet.name, &headers, req.mapping, req.kind)
        .map_err(|error| CoreError::Unreadable { error })
}

/// Up to how many created customers and contacts an import indexes before its commit.
const INDEX_AT_COMMIT: usize = crate::customers::catch_up::CATCH_UP_CHUNK;

/// Applies planned rows inside the import's transaction.
struct Apply<'a> {
    tx: &'a rusqlite::Connection,
    /// The file's name: the source of the financial periods it adds.
    file: &'a str,
    batch: i64,
    now: &'a str,
    /// YYYY-MM-DD: an imported opportunity's first stage began today.
    today: &'a str,
    /// The customer each planned row created (by plan index), for contacts of later rows.
    customer_of_row: Vec<Option<i64>>,
    /// Existing customers whose completeness and update time change.
    touched: BTreeSet<i64>,
    /// The customers created, and the contacts added to customers the import did not create:
    /// their search entries are written after the rows (`search/backlog.rs`).
    created_customers: IdRuns,
    created_contacts: IdRuns,
    /// Every record created, by kind, for the undo ([`record_created`]).
    created: BTreeMap<&'static str, IdRuns>,
}

impl Apply<'_> {
    fn created(&mut self, entity: &'static str, id: i64) {
        self.created.entry(entity).or_default().push(id);
    }

    /// Sets a year's revenue of a customer, adding the period when it has none. Recorded for
    /// the undo on customers the import did not create (those go to the trash whole).
    fn revenue(&mut self, to: CustomerRef, revenue: Revenue) -> Result<()> {
        let (tx, now) = (self.tx, self.now);
        let (customer_id, created_here) = match to {
            CustomerRef::Existing(id) => (id, false),
            CustomerRef::InFile(row) => (self.created_customer(row)?, true),
        };
        let stored = period_revenue(tx, customer_id, &revenue.period)?;
        let id = match stored {
            Some((id, _)) => {
                tx.execute("UPDATE financial_period SET revenue = ?2 WHERE id = ?1", params![id, revenue.amount])?;
                id
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO financial_period (customer_id, period, revenue, source) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![customer_id, revenue.period, revenue.amount, self.file])?;
                tx.last_insert_rowid()
            }
        };
        touch_section(tx, customer_id, Section::Financials, now)?;
        if !created_here {
            // What it wrote is kept for a created period too: the undo removes it only unedited.
            let json = |r: Option<f64>| serde_json::json!({ "revenue": r }).to_string();
            let action = if stored.is_some() { "updated" } else { "created" };
            tx.prepare_cached(
                "INSERT INTO import_change (batch_id, entity, ref_id, action, before, after)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                self.batch,
                FINANCIAL_PERIOD,
                id,
                action,
                stored.map(|(_, before)| json(before)),
                json(Some(revenue.amount))
            ])?;
        }
        self.touched.insert(customer_id);
        Ok(())
    }

    /// The customer the planned row `row` created.
    fn created_customer(&self, row: usize) -> Result<i64> {
        self.customer_of_row
            .get(row)
            .copied()
            .flatten()
            .ok_or_else(|| CoreError::Database { detail: format!("import plan: row {} has no customer", row + 1) })
    }

    fn row(&mut self, ops: Ops, stale_months: i64, today: chrono::NaiveDate) -> Result<()> {
        let (tx, now) = (self.tx, self.now);
        let mut created = None;
        if let Some((f, key)) = ops.create_customer {
            // A new customer has its overview only (imported contacts are not key persons):
            // its score comes from the fields, without reading the profile back.
            let mut customer =
                Customer { id: 0, fields: f, completeness: 0, created_at: now.into(), updated_at: now.into() };
            let p = crate::customers::CustomerProfile::new_customer(customer.clone());
            let sections = crate::customers::completeness::sections(
                &p,
                &[(Section::Overview, now.to_string())],
                stale_months,
                today,
            );
            customer.completeness = crate::customers::completeness::overall(&sections);
            customer.id = insert_customer(tx, &customer.fields, &key, now, customer.completeness)?;
            // Its overview's date is written with the others' after the rows.
            self.created_customers.push(customer.id);
            self.created(HitKind::Customer.code(), customer.id);
            created = Some(customer.id);
        }
        self.customer_of_row.push(created);
        if let Some((id, f)) = ops.update_customer {
            let before = fields_json(&load_customer(tx, id)?.fields);
            write_customer(tx, id, &f, &customer_key(&f.name), now)?;
            touch_section(tx, id, Section::Overview, now)?;
            crate::customers::store::reindex(tx, id)?;
            let after = fields_json(&load_customer(tx, id)?.fields);
            record_update(tx, self.batch, HitKind::Customer.code(), id, before, after)?;
            self.touched.insert(id);
        }
        if let Some((to, f)) = ops.create_contact {
            let customer_id = match to {
                CustomerRef::Existing(id) => {
                    self.touched.insert(id);
                    id
                }
                CustomerRef::InFile(row) => self.created_customer(row)?,
            };
            let contact = insert_contact(tx, customer_id, &f, now)?;
            if matches!(to, CustomerRef::Existing(_)) {
                // A created customer's contacts are indexed with it.
                self.created_contacts.push(contact.id);
            }
            self.created(HitKind::Contact.code(), contact.id);
        }
        if let Some((id, f)) = ops.update_contact {
            let before = load_contact(tx, id)?;
            write_contact(tx, id, &f, now)?;
            let after = fields_json(&load_contact(tx, id)?.fields);
            record_update(tx, self.batch, HitKind::Contact.code(), id, fields_json(&before.fields), after)?;
            self.touched.insert(before.customer_id);
        }
        if let Some((customer_id, p)) = ops.create_purchase {
            tx.prepare_cached(
                "INSERT INTO purchase (customer_id, month, day, product, category, quantity, amount, currency)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                customer_id,
                p.month,
                p.day,
                p.product,
                p.category,
                p.quantity,
                p.amount,
                p.currency
            ])?;
            self.created(PURCHASE, tx.last_insert_rowid());
        }
        if let Some((to, revenue)) = ops.revenue {
            self.revenue(to, revenue)?;
        }
        if let Some((customer_id, v)) = ops.create_visit {
            let id = crate::visits::store::import_visit(tx, customer_id, &v, self.today, now)?;
            self.created(VISIT, id);
        }
        if let Some((customer_id, o)) = ops.create_opportunity {
            let id = crate::opportunities::store::add(tx, customer_id, &o, self.today, now)?;
            self.created(OPPORTUNITY, id);
        }
        Ok(())
    }
}

impl Store {
    /// Reads the file of `spec` and plans it: what committing would do, row by row.
    pub fn preview_import(&self, spec: &ImportSpec) -> Result<Preview> {
        let l = loaded(spec)?;
        self.plan_import(&l.request(spec))
    }

    /// Reads the file of `spec` and commits it (see [`Store::commit_import`]).
    pub fn import_file(
        &self,
        spec: &ImportSpec,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<ImportRecord> {
        let l = loaded(spec)?;
        self.commit_import(&l.request(spec), progress)
    }

    /// The preview: what committing would do, row by row. Writes nothing. Refused: a mapping
    /// that gives one field two columns ([`plan::check_mapping`]).
    pub fn plan_import(&self, req: &ImportRequest) -> Result<Preview> {
        check_mapping(req)?;
        // One read transaction: a lookup per row otherwise takes and drops the file lock.
        let tx = self.conn.unchecked_transaction()?;
        let year = self.revenue_year(req);
        plan::plan(&tx, req.sheet, req.header_row, req.mapping, req.kind, req.on_duplicate, year, &mut |_| Ok(()))
    }

    /// Applies the import in one transaction (see [`Store::commit_import_planned`]).
    pub fn commit_import(
        &self,
        req: &ImportRequest,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<ImportRecord> {
        Ok(self.commit_import_planned(req, progress)?.0)
    }

    /// Applies the import in one transaction, planning and applying row by row (a row's
    /// operations are written as soon as it is planned, never held for the whole sheet), and
    /// returns with its history entry the plan it followed: each row's status and issues, as a
    /// preview shows them. `progress(done, total)` is called before each row; returning false
    /// cancels (and rolls everything back). A snapshot is taken first (a failure to take it is
    /// kept for [`Store::take_backup_warning`]; the import goes ahead).
    pub fn commit_import_planned(
        &self,
        req: &ImportRequest,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<(ImportRecord, Preview)> {
        check_mapping(req)?;
        self.conn.pragma_update(None, "cache_size", -crate::db::IMPORT_PAGE_CACHE_KIB)?;
        // The pages the import wrote to the WAL are copied into the database file by the next
        // commit (the search catching up, or the next save), not before the import returns:
        // they are safe on disk once its commit has flushed the WAL, and the copy writes every
        // page a second time (a third of a second for 100k rows).
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let committed = self.commit_planned(req, progress);
        self.conn.pragma_update(None, "wal_autocheckpoint", crate::db::WAL_AUTOCHECKPOINT_PAGES)?;
        self.conn.pragma_update(None, "cache_size", -crate::db::PAGE_CACHE_KIB)?;
        committed
    }

    fn commit_planned(
        &self,
        req: &ImportRequest,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<(ImportRecord, Preview)> {
        let snapshot = self.snapshot_beside(SnapshotReason::BeforeImport);
        let committed = self.commit_after_snapshot(req, progress);
        self.snapshot_verified(snapshot);
        committed
    }

    fn commit_after_snapshot(
        &self,
        req: &ImportRequest,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<(ImportRecord, Preview)> {
        let now = self.clock.timestamp();
        let settings = self.settings()?;
        let today = self.clock.today();
        let today_text = self.today_text();
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO import_batch (file, sheet, kind, created, updated, skipped, errors, imported_at)
             VALUES (?1, ?2, ?3, 0, 0, 0, 0, ?4)",
            params![req.file, req.sheet.name, req.kind.code(), now],
        )?;
        let batch = tx.last_insert_rowid();
        let total = req.sheet.rows.len().saturating_sub(req.header_row + 1);
        let mut apply = Apply {
            tx: &tx,
            file: req.file,
            batch,
            now: &now,
            today: &today_text,
            customer_of_row: Vec::new(),
            touched: BTreeSet::new(),
            created_customers: IdRuns::default(),
            created_contacts: IdRuns::default(),
            created: BTreeMap::new(),
        };
        let mut done = 0;
        let year = self.revenue_year(req);
        let mut apply_row = |ops| {
            if !progress(done, total) {
                return Err(CoreError::Cancelled);
            }
            done += 1;
            apply.row(ops, settings.stale_months, today)
        };
        let plan = |conn: &rusqlite::Connection, emit: &mut dyn FnMut(Ops) -> Result<()>| {
            plan::plan(conn, req.sheet, req.header_row, req.mapping, req.kind, req.on_duplicate, year, emit)
        };
        let preview = match self.file() {
            Some(file) => pipeline::plan_beside(&file, plan, &mut apply_row)?,
            None => plan(&tx, &mut apply_row)?,
        };
        for (first, last) in apply.created_customers.runs() {
            touch_sections(&tx, *first, *last, Section::Overview, &now)?;
        }
        record_created(&tx, batch, &apply.created)?;
        let counts = &preview.counts;
        for id in &apply.touched {
            crate::powermap::store::refresh_cached(&tx, *id)?;
            tx.execute("UPDATE customer SET updated_at = ?2 WHERE id = ?1", params![id, now])?;
        }
        let skipped = counts.duplicate + counts.duplicate_in_file;
        tx.execute(
            "UPDATE import_batch SET created = ?2, updated = ?3, skipped = ?4, errors = ?5 WHERE id = ?1",
            params![batch, counts.new as i64, counts.update as i64, skipped as i64, counts.error as i64],
        )?;
        search::backlog::add(&tx, HitKind::Customer, &apply.created_customers)?;
        search::backlog::add(&tx, HitKind::Contact, &apply.created_contacts)?;
        // A small import is indexed before it commits, as if row by row; a large one leaves the
        // rest to `Store::catch_up_search`, which its caller runs after.
        if search::backlog::pending(&tx)? <= INDEX_AT_COMMIT as i64 {
            while crate::customers::catch_up::catch_up(&tx, INDEX_AT_COMMIT)? > 0 {}
        }
        progress(total, total);
        tx.commit()?;
        Ok((self.import_record(batch)?, preview))
    }

    /// The year of revenue without a year in the file: the request's, else last year.
    fn revenue_year(&self, req: &ImportRequest) -> i32 {
        use chrono::Datelike;
        req.revenue_year.unwrap_or_else(|| self.clock.today().year() - 1)
    }

    pub(crate) fn import_record(&self, id: i64) -> Result<ImportRecord> {
        self.import_history()?.into_iter().find(|r| r.id == id).ok_or_else(|| CoreError::not_found("import", id))
    }

    /// Every import, newest first.
    pub fn import_history(&self) -> Result<Vec<ImportRecord>> {
        let mut st = self.conn.prepare(
            "SELECT id, file, sheet, kind, created, updated, skipped, errors, imported_at, undone_at
             FROM import_batch ORDER BY id DESC",
        )?;
        let rows = st
            .query_map([], |r| {
                Ok(ImportRecord {
                    id: r.get(0)?,
                    file: r.get(1)?,
                    sheet: r.get(2)?,
                    kind: r.get(3)?,
                    created: r.get(4)?,
                    updated: r.get(5)?,
                    skipped: r.get(6)?,
                    errors: r.get(7)?,
                    imported_at: r.get(8)?,
                    undone_at: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
