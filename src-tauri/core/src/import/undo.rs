//! Undoing an import. What it created goes to the trash (customers with whatever was added to
//! them since, contacts added to existing customers, follow-up records, opportunities),
//! restorable like any deleted record;
//! purchase records it created are deleted (they are the file's rows, imported again at will).
//! What it updated gets its previous values back field by field, three-way: a field the
//! import changed and nobody touched since is reverted; a field edited after the import is
//! left as edited unless the caller asks to revert those too ([`Store::import_undo_preview`]
//! lists them first).

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use ts_rs::TS;

use crate::customers::contacts::{load_contact, write_contact};
use crate::customers::store::{load_customer, write_customer};
use crate::customers::{ContactFields, CustomerFields};
use crate::error::{CoreError, Result};
use crate::import::store::{ImportRecord, FINANCIAL_PERIOD, OPPORTUNITY, PURCHASE, VISIT};
use crate::opportunities::Opportunity;
use crate::powermap::store::Now;
use crate::search::HitKind;
use crate::trash::{trash_contact, trash_customer, trash_opportunity, trash_visit};
use crate::visits::Visit;
use crate::Store;

/// A record the import updated and that was edited after it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct EditedRecord {
    pub kind: HitKind,
    pub id: i64,
    pub name: String,
    /// The fields (camelCase, as in `CustomerFields`/`ContactFields`) the import changed and
    /// someone changed again since. For an import made before Dossier kept what imports
    /// wrote: every field that differs from before the import, when the record was saved after it.
    pub fields: Vec<String>,
}

/// What undoing an import would do.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ImportUndoPreview {
    pub id: i64,
    /// Customers it created that go to the trash (with whatever was added to them since).
    pub customers: i64,
    /// Contacts it added to existing customers that go to the trash.
    pub contacts: i64,
    /// Purchase records it created, deleted.
    pub purchases: i64,
    /// Follow-up records it created that go to the trash.
    pub visits: i64,
    /// Opportunities it created that go to the trash (their follow-up records stay, untied).
    pub opportunities: i64,
    /// Records it updated that get their previous values back.
    pub reverted: i64,
    /// Of those, the ones edited since: left as edited unless `revert_edited`.
    pub edited: Vec<EditedRecord>,
}

/// One recorded change: (entity, record id, fields before, fields after); an update has both,
/// a created record neither (a created revenue has what it wrote after).
type Change = (String, i64, Option<String>, Option<String>);

/// One thing the undo does.
enum Step {
    DeletePurchase(i64),
    TrashCustomer(i64),
    TrashContact(i64),
    TrashVisit(Visit),
    TrashOpportunity(Opportunity),
    Revert {
        kind: HitKind,
        id: i64,
        name: String,
        current: Json,
        before: Json,
        kept_edits: Json,
        edited: Vec<String>,
    },
    /// A year's revenue the import set on a customer it did not create: removed with its
    /// period when the import added it (`before` None), else set back to `before`.
    RevertRevenue {
        id: i64,
        customer_id: i64,
        before: Option<Option<f64>>,
    },
}

/// The revenue in a recorded `{"revenue": …}`.
fn revenue_of(raw: &str) -> Result<Option<f64>> {
    Ok(parse(raw)?.get("revenue").and_then(Json::as_f64))
}

fn parse(raw: &str) -> Result<Map<String, Json>> {
    serde_json::from_str(raw).map_err(|e| CoreError::Database { detail: format!("import history: {e}") })
}

/// The record's fields with the import's changes reverted and edits made since kept, and the
/// fields so kept. `after` None (an import made before what it wrote was kept): the whole
/// record counts as edited when it was saved after the import, else it is reverted whole.
fn three_way(
    before: &Map<String, Json>,
    after: Option<&Map<String, Json>>,
    current: &Map<String, Json>,
    saved_since: bool,
) -> (Map<String, Json>, Vec<String>) {
    let mut merged = current.clone();
    let mut edited = Vec::new();
    for (field, old) in before {
        let now = current.get(field).unwrap_or(&Json::Null);
        let Some(after) = after else {
            if old != now {
                if saved_since {
                    edited.push(field.clone());
                } else {
                    merged.insert(field.clone(), old.clone());
                }
            }
            continue;
        };
        let imported = after.get(field).unwrap_or(&Json::Null);
        if old == imported {
            continue; // the import left it alone
        }
        if now == imported {
            merged.insert(field.clone(), old.clone());
        } else {
            edited.push(field.clone());
        }
    }
    (merged, edited)
}

impl Store {
    /// What [`Store::undo_import`] would do; writes nothing.
    pub fn import_undo_preview(&self, id: i64) -> Result<ImportUndoPreview> {
        let steps = self.undo_steps(id)?;
        let mut p = ImportUndoPreview {
            id,
            customers: 0,
            contacts: 0,
            purchases: 0,
            visits: 0,
            opportunities: 0,
            reverted: 0,
            edited: Vec::new(),
        };
        for step in steps {
            match step {
                Step::DeletePurchase(_) => p.purchases += 1,
                Step::TrashCustomer(_) => p.customers += 1,
                Step::TrashContact(_) => p.contacts += 1,
                Step::TrashVisit(_) => p.visits += 1,
                Step::TrashOpportunity(_) => p.opportunities += 1,
                Step::RevertRevenue { .. } => p.reverted += 1,
                Step::Revert { kind, id, name, edited, .. } => {
                    p.reverted += 1;
                    if !edited.is_empty() {
                        p.edited.push(EditedRecord { kind, id, name, fields: edited });
                    }
                }
            }
        }
        Ok(p)
    }

    /// Reverts an import in one transaction (see the module doc): created customers,
    /// contacts, follow-up records and opportunities go to the trash, created purchase records are deleted, updated records get
    /// the values from before the import back where nobody edited them since; with
    /// `revert_edited`, edited fields too. Refused: an import already undone; a revert that
    /// would give a customer the name another has taken since (`duplicate` on `name`).
    pub fn undo_import(&self, id: i64, revert_edited: bool) -> Result<ImportRecord> {
        let steps = self.undo_steps(id)?;
        // A snapshot first, as before an import (a failure is kept as a warning, backup/store.rs).
        let snapshot = self.snapshot_beside(crate::backup::SnapshotReason::BeforeUndoImport);
        let undone = self.undo_steps_applied(id, steps, revert_edited);
        self.snapshot_verified(snapshot);
        undone
    }

    /// Applies an undo's steps in one transaction ([`Store::undo_import`]).
    fn undo_steps_applied(&self, id: i64, steps: Vec<Step>, revert_edited: bool) -> Result<ImportRecord> {
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        let mut touched = BTreeSet::new();
        for step in steps {
            match step {
                Step::DeletePurchase(p) => {
                    tx.execute("DELETE FROM purchase WHERE id = ?1", [p])?;
                }
                Step::TrashCustomer(c) => trash_customer(&tx, c, &now.timestamp, Some(id))?,
                Step::TrashContact(c) => {
                    let contact = load_contact(&tx, c)?;
                    trash_contact(&tx, &contact, &now, Some(id))?;
                    touched.insert(contact.customer_id);
                }
                Step::TrashVisit(v) => trash_visit(&tx, &v, &now.timestamp, Some(id))?,
                Step::TrashOpportunity(o) => trash_opportunity(&tx, &o, &now.timestamp, Some(id))?,
                Step::RevertRevenue { id: period, customer_id, before } => {
                    match before {
                        None => tx.execute("DELETE FROM financial_period WHERE id = ?1", [period])?,
                        Some(r) => {
                            tx.execute("UPDATE financial_period SET revenue = ?2 WHERE id = ?1", params![period, r])?
                        }
                    };
                    touched.insert(customer_id);
                }
                Step::Revert { kind, id: record, current, before, kept_edits, .. } => {
                    let target = if revert_edited { before } else { kept_edits };
                    if target == current {
                        continue;
                    }
                    let bad = |e: serde_json::Error| CoreError::Database { detail: format!("import history: {e}") };
                    match kind {
                        HitKind::Customer => {
                            let f: CustomerFields = serde_json::from_value(target).map_err(bad)?;
                            let key = self.check_unique_name(&f.name, Some(record))?;
                            write_customer(&tx, record, &f, &key, &now.timestamp)?;
                            crate::customers::store::reindex(&tx, record)?;
                            touched.insert(record);
                        }
                        HitKind::Contact => {
                            let f: ContactFields = serde_json::from_value(target).map_err(bad)?;
                            write_contact(&tx, record, &f, &now.timestamp)?;
                            let c = load_contact(&tx, record)?;
                            crate::customers::store::reindex_contact(&tx, &c)?;
                            touched.insert(c.customer_id);
                        }
                        // An import records customers and contacts only.
                        _ => {}
                    }
                }
            }
        }
        for customer in touched {
            if load_customer(&tx, customer).is_ok() {
                crate::powermap::store::refresh_cached(&tx, customer)?;
            }
        }
        tx.execute("UPDATE import_batch SET undone_at = ?2 WHERE id = ?1", params![id, now.timestamp])?;
        tx.commit()?;
        self.import_record(id)
    }

    /// Undoing a revenue the import set: only while the period still holds what the import wrote
    /// (a revenue edited since, or a period deleted since, is left as it is).
    fn revenue_step(&self, id: i64, before: Option<&str>, after: Option<&str>) -> Result<Option<Step>> {
        let now: Option<(i64, Option<f64>)> = self
            .conn
            .query_row("SELECT customer_id, revenue FROM financial_period WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let Some((customer_id, current)) = now else { return Ok(None) };
        if load_customer(&self.conn, customer_id).is_err() {
            return Ok(None);
        }
        let imported = after.map(revenue_of).transpose()?.flatten();
        if current != imported {
            return Ok(None);
        }
        let before = before.map(revenue_of).transpose()?;
        Ok(Some(Step::RevertRevenue { id, customer_id, before }))
    }

    /// Undoing a customer or contact the import created: to the trash, while it is live (not in
    /// the trash, nor its customer) and the import's own. The ids of records purged from the
    /// trash can be given again: a record made after the import with the id of one it created
    /// is not the import's, which writes its own time (`imported_at`) on everything it creates.
    /// A contact of a customer the import created goes with that customer.
    fn created_step(&self, kind: HitKind, id: i64, imported_at: &str, created: &BTreeSet<i64>) -> Result<Option<Step>> {
        // One primary-key read a record (an import's undo reads as many as it created).
        let made: Option<(String, i64)> = match kind {
            HitKind::Customer => self
                .conn
                .prepare_cached("SELECT created_at, id FROM customer WHERE id = ?1 AND deleted_at IS NULL")?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            HitKind::Contact => self
                .conn
                .prepare_cached(
                    "SELECT t.created_at, t.customer_id FROM contact t
                     JOIN customer c ON c.id = t.customer_id AND c.deleted_at IS NULL
                     WHERE t.id = ?1 AND t.deleted_at IS NULL",
                )?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            _ => None,
        };
        let Some((made_at, customer)) = made else { return Ok(None) };
        if made_at != imported_at {
            return Ok(None);
        }
        Ok(match kind {
            HitKind::Customer => Some(Step::TrashCustomer(id)),
            HitKind::Contact if !created.contains(&customer) => Some(Step::TrashContact(id)),
            _ => None,
        })
    }

    /// What import `id` recorded, newest change first, a run of created records
    /// (`last_ref_id`, `migrations/023_import_change_runs.sql`) as one change per record.
    fn import_changes(&self, id: i64) -> Result<Vec<Change>> {
        let mut changes = Vec::new();
        let mut st = self.conn.prepare(
            "SELECT entity, ref_id, last_ref_id, before, after FROM import_change WHERE batch_id = ?1
             ORDER BY rowid DESC",
        )?;
        let mut rows = st.query([id])?;
        while let Some(r) = rows.next()? {
            let (entity, first, last): (String, i64, Option<i64>) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let (before, after): (Option<String>, Option<String>) = (r.get(3)?, r.get(4)?);
            match last {
                Some(last) => changes.extend((first..=last).rev().map(|ref_id| (entity.clone(), ref_id, None, None))),
                None => changes.push((entity, first, before, after)),
            }
        }
        Ok(changes)
    }

    /// What undoing import `id` involves, newest change first. Records deleted since (in the
    /// trash or gone) are left as they are.
    fn undo_steps(&self, id: i64) -> Result<Vec<Step>> {
        let batch: Option<(Option<String>, String)> = self
            .conn
            .query_row("SELECT undone_at, imported_at FROM import_batch WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let imported_at = match batch {
            None => return Err(CoreError::not_found("import", id)),
            Some((Some(_), _)) => return Err(CoreError::AlreadyUndone { id }),
            Some((None, at)) => at,
        };
        let changes = self.import_changes(id)?;
        let created: BTreeSet<i64> = changes
            .iter()
            .filter(|(entity, _, before, _)| entity == HitKind::Customer.code() && before.is_none())
            .map(|c| c.1)
            .collect();
        let mut steps = Vec::new();
        for (entity, ref_id, before, after) in changes {
            match entity.as_str() {
                FINANCIAL_PERIOD => steps.extend(self.revenue_step(ref_id, before.as_deref(), after.as_deref())?),
                PURCHASE => steps.push(Step::DeletePurchase(ref_id)),
                // Gone since (deleted, or with a customer in the trash): left as it is.
                VISIT => steps.extend(self.visit(ref_id).ok().map(Step::TrashVisit)),
                OPPORTUNITY => steps.extend(self.opportunity(ref_id).ok().map(Step::TrashOpportunity)),
                _ => {}
            }
            if matches!(entity.as_str(), PURCHASE | VISIT | OPPORTUNITY | FINANCIAL_PERIOD) {
                continue;
            }
            let Some(kind) = HitKind::from_code(&entity) else { continue };
            let Some(before) = before else {
                steps.extend(self.created_step(kind, ref_id, &imported_at, &created)?);
                continue;
            };
            // (fields now, name, saved after the import), for a live record.
            let live = match kind {
                HitKind::Customer => load_customer(&self.conn, ref_id)
                    .ok()
                    .map(|c| (serde_json::to_value(&c.fields), c.fields.name, c.updated_at)),
                HitKind::Contact => load_contact(&self.conn, ref_id).ok().and_then(|c| {
                    load_customer(&self.conn, c.customer_id).ok()?;
                    Some((serde_json::to_value(&c.fields), c.fields.name, c.updated_at))
                }),
                _ => None,
            };
            let Some((current, name, updated_at)) = live else { continue };
            let current = current.map_err(|e| CoreError::Database { detail: e.to_string() })?;
            let before = parse(&before)?;
            let after = after.as_deref().map(parse).transpose()?;
            let now = current.as_object().cloned().unwrap_or_default();
            let (kept_edits, edited) = three_way(&before, after.as_ref(), &now, updated_at > imported_at);
            let mut full = now.clone();
            full.extend(before);
            steps.push(Step::Revert {
                kind,
                id: ref_id,
                name,
                current,
                before: Json::Object(full),
                kept_edits: Json::Object(kept_edits),
                edited,
            });
        }
        Ok(steps)
    }
}
