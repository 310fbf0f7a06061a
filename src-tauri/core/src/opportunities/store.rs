//! Opportunities in SQLite: create, edit, move between stages (with the gates of
//! [`crate::opportunities::stages`]), the stage history. Deleting is in `trash/`.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::customers::lifecycle;
use crate::customers::store::load_customer;
use crate::error::{CoreError, Reason, Result};
use crate::opportunities::{stages, LostReason, LostReview, Opportunity, OpportunityFields, Stage, StageChange};
use crate::settings::StageProbabilities;
use crate::store::code;
use crate::Store;

/// The columns [`opportunity_from_row`] reads, over `opportunity o JOIN customer c`.
pub(crate) const OPPORTUNITY_COLUMNS: &str = "o.id, o.customer_id, c.name, o.name, o.owner, o.amount, \
    o.stage, o.probability, o.expected_close, o.scope_id, o.key_persons, o.budget, o.competitors, o.needs, \
    o.quote_amount, o.quote_date, o.contract_amount, o.contract_date, o.notes, o.lost_to, o.lost_reason, \
    o.lost_text, o.lost_stage, o.lost_next, o.stage_since, o.created_at, o.updated_at, o.own_follow_up_required";

fn json_list<T: serde::de::DeserializeOwned>(raw: String) -> Vec<T> {
    serde_json::from_str(&raw).unwrap_or_default()
}

pub(crate) fn opportunity_from_row(r: &Row, probabilities: &StageProbabilities) -> rusqlite::Result<Opportunity> {
    let stage = code(r.get(6)?, Stage::from_code).unwrap_or_default();
    let lost_review = (stage == Stage::Lost).then(|| -> rusqlite::Result<LostReview> {
        Ok(LostReview {
            lost_to: r.get(19)?,
            reason: code(r.get(20)?, LostReason::from_code),
            text: r.get(21)?,
            stage_lost_at: code(r.get(22)?, Stage::from_code),
            next: r.get(23)?,
        })
    });
    let fields = OpportunityFields {
        name: r.get(3)?,
        owner: r.get(4)?,
        amount: r.get(5)?,
        stage,
        probability: r.get(7)?,
        expected_close: r.get(8)?,
        scope_id: r.get(9)?,
        key_persons: json_list(r.get(10)?),
        budget: r.get(11)?,
        competitors: json_list(r.get(12)?),
        needs: r.get(13)?,
        quote_amount: r.get(14)?,
        quote_date: r.get(15)?,
        contract_amount: r.get(16)?,
        contract_date: r.get(17)?,
        notes: r.get(18)?,
        own_follow_up_required: r.get(27)?,
        lost_review: lost_review.transpose()?,
    };
    let effective_probability = match stage {
        Stage::Won | Stage::Lost => probabilities.of(stage),
        _ => fields.probability.unwrap_or_else(|| probabilities.of(stage)),
    };
    let weighted = (fields.amount.unwrap_or(0.0) * effective_probability as f64 / 100.0 * 100.0).round() / 100.0;
    Ok(Opportunity {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        customer_name: r.get(2)?,
        fields,
        effective_probability,
        weighted,
        stage_since: r.get(24)?,
        created_at: r.get(25)?,
        updated_at: r.get(26)?,
    })
}

/// An opportunity of a live customer.
pub(crate) fn load_opportunity(conn: &Connection, id: i64, probabilities: &StageProbabilities) -> Result<Opportunity> {
    conn.prepare_cached(&format!(
        "SELECT {OPPORTUNITY_COLUMNS} FROM opportunity o JOIN customer c ON c.id = o.customer_id
         WHERE o.id = ?1 AND c.deleted_at IS NULL"
    ))?
    .query_row([id], |r| opportunity_from_row(r, probabilities))
    .optional()?
    .ok_or_else(|| CoreError::not_found("opportunity", id))
}

/// The needs recorded in the visit summaries tied to an opportunity (the 需求确认 gate).
fn visit_needs(conn: &Connection, id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT coalesce(sum(need_count), 0) FROM visit WHERE opportunity_id = ?1")?
        .query_row([id], |r| r.get(0))?)
}

fn tidy(f: &OpportunityFields) -> OpportunityFields {
    let mut f = f.clone();
    for s in [
        &mut f.name,
        &mut f.owner,
        &mut f.expected_close,
        &mut f.needs,
        &mut f.quote_date,
        &mut f.contract_date,
        &mut f.notes,
    ] {
        *s = s.trim().to_string();
    }
    f.competitors = f.competitors.iter().map(|c| c.trim().to_string()).collect();
    f.key_persons.dedup();
    if f.stage != Stage::Lost {
        f.lost_review = None;
    }
    f
}

/// The scope and the key persons must be the customer's. Key persons already on the
/// opportunity (`kept`) whose contact has since been deleted are dropped, not refused.
fn check_references(conn: &Connection, customer_id: i64, f: &mut OpportunityFields, kept: &[i64]) -> Result<()> {
    if let Some(scope) = f.scope_id {
        let ours = conn
            .prepare_cached("SELECT 1 FROM power_scope WHERE id = ?1 AND customer_id = ?2")?
            .exists(params![scope, customer_id])?;
        if !ours {
            return Err(CoreError::validation("scopeId", Reason::InvalidReference));
        }
    }
    let mut live = Vec::with_capacity(f.key_persons.len());
    for (i, &id) in f.key_persons.iter().enumerate() {
        let ours = conn
            .prepare_cached("SELECT 1 FROM contact WHERE id = ?1 AND customer_id = ?2 AND deleted_at IS NULL")?
            .exists(params![id, customer_id])?;
        match (ours, kept.contains(&id)) {
            (true, _) => live.push(id),
            (false, true) => {}
            (false, false) => return Err(CoreError::validation(format!("keyPersons.{i}"), Reason::InvalidReference)),
        }
    }
    f.key_persons = live;
    Ok(())
}

pub(crate) fn record_stage(
    conn: &Connection,
    id: i64,
    customer_id: i64,
    from: Option<Stage>,
    to: Stage,
    today: &str,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO stage_change (opportunity_id, customer_id, from_stage, to_stage, changed_on, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![id, customer_id, from.map(|s| s.code()), to.code(), today, now])?;
    Ok(())
}

/// The customer's lifecycle after deal `id` moved from `from` (`None`: created) to `to`: a win
/// counts the customer's won deals (customers/lifecycle.rs decides 已成交 or 老客户), leaving
/// 成交 undoes that win.
fn follow_lifecycle(
    conn: &Connection,
    customer_id: i64,
    id: i64,
    from: Option<Stage>,
    to: Stage,
    now: &str,
) -> Result<()> {
    if to == Stage::Won && from != Some(Stage::Won) {
        let wins: i64 = conn.query_row(
            "SELECT count(*) FROM opportunity WHERE customer_id = ?1 AND stage = 'won'",
            [customer_id],
            |r| r.get(0),
        )?;
        lifecycle::deal_won(conn, customer_id, id, wins, now)?;
    } else if from == Some(Stage::Won) && to != Stage::Won {
        lifecycle::win_undone(conn, customer_id, id, now)?;
    }
    Ok(())
}

/// Inserts an opportunity with every column of the form; `at` is its creation timestamp.
pub(crate) fn insert(
    conn: &Connection,
    customer_id: i64,
    f: &OpportunityFields,
    stage_since: &str,
    at: &str,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO opportunity (customer_id, name, amount, stage, stage_since, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![customer_id, f.name, f.amount, f.stage.code(), stage_since, at])?;
    let id = conn.last_insert_rowid();
    write(conn, id, f, stage_since, at)?;
    Ok(id)
}

/// Writes every column of the form (and the stage's start day) into row `id`.
fn write(conn: &Connection, id: i64, f: &OpportunityFields, stage_since: &str, now: &str) -> Result<()> {
    let review = f.lost_review.clone().unwrap_or_default();
    conn.prepare_cached(
        "UPDATE opportunity SET name = ?2, owner = ?3, amount = ?4, stage = ?5, probability = ?6,
             expected_close = ?7, scope_id = ?8, key_persons = ?9, budget = ?10, competitors = ?11,
             needs = ?12, quote_amount = ?13, quote_date = ?14, contract_amount = ?15,
             contract_date = ?16, notes = ?17, lost_to = ?18, lost_reason = ?19, lost_text = ?20,
             lost_stage = ?21, lost_next = ?22, stage_since = ?23, updated_at = ?24,
             own_follow_up_required = ?25
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.name,
        f.owner,
        f.amount,
        f.stage.code(),
        f.probability,
        f.expected_close,
        f.scope_id,
        serde_json::to_string(&f.key_persons).expect("ids serialise"),
        f.budget,
        serde_json::to_string(&f.competitors).expect("names serialise"),
        f.needs,
        f.quote_amount,
        f.quote_date,
        f.contract_amount,
        f.contract_date,
        f.notes,
        review.lost_to.trim(),
        review.reason.map(|r| r.code()),
        review.text.trim(),
        review.stage_lost_at.map(|s| s.code()),
        review.next.trim(),
        stage_since,
        now,
        f.own_follow_up_required,
    ])?;
    Ok(())
}

/// The opportunities of a customer, (id, name): what an import matches names against.
pub(crate) fn opportunity_names(conn: &Connection, customer_id: i64) -> Result<Vec<(i64, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, name FROM opportunity WHERE customer_id = ?1 ORDER BY id")?
        .query_map([customer_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Inserts a new opportunity of `customer_id` after the form's rules (validation, references,
/// the gate of its stage) with its first stage history entry, dated `today`; the caller
/// holds the transaction. The form's create and an import both come here.
pub(crate) fn add(
    conn: &Connection,
    customer_id: i64,
    fields: &OpportunityFields,
    today: &str,
    now: &str,
) -> Result<i64> {
    let mut f = tidy(fields);
    stages::validate(&f)?;
    check_references(conn, customer_id, &mut f, &[])?;
    stages::check_gate(&f, 0)?;
    if let Some(r) = f.lost_review.as_mut() {
        r.stage_lost_at = Some(Stage::Initiation);
    }
    let id = insert(conn, customer_id, &f, today, now)?;
    record_stage(conn, id, customer_id, None, f.stage, today, now)?;
    follow_lifecycle(conn, customer_id, id, None, f.stage, now)?;
    crate::opportunities::search::index(conn, id, customer_id, &f)?;
    Ok(id)
}

impl Store {
    fn probabilities(&self) -> Result<StageProbabilities> {
        Ok(self.settings()?.stage_probabilities)
    }

    pub(crate) fn today_text(&self) -> String {
        self.clock.today().format("%Y-%m-%d").to_string()
    }

    pub fn opportunity(&self, id: i64) -> Result<Opportunity> {
        load_opportunity(&self.conn, id, &self.probabilities()?)
    }

    /// Creates an opportunity at the stage of the form, whose gate it must pass.
    pub fn create_opportunity(&self, customer_id: i64, fields: &OpportunityFields) -> Result<Opportunity> {
        load_customer(&self.conn, customer_id)?;
        let (today, now) = (self.today_text(), self.clock.timestamp());
        let tx = self.conn.unchecked_transaction()?;
        let id = add(&tx, customer_id, fields, &today, &now)?;
        tx.commit()?;
        self.opportunity(id)
    }

    /// Saves the form. A different stage is a stage move: its gate must pass (moving back
    /// needs nothing more than the current fields), the change is recorded, and 丢单 records
    /// the stage it was lost at; leaving 丢单 drops the review.
    pub fn update_opportunity(&self, id: i64, fields: &OpportunityFields) -> Result<Opportunity> {
        let current = self.opportunity(id)?;
        let mut f = tidy(fields);
        stages::validate(&f)?;
        check_references(&self.conn, current.customer_id, &mut f, &current.fields.key_persons)?;
        stages::check_gate(&f, visit_needs(&self.conn, id)?)?;
        let from = current.fields.stage;
        let moved = from != f.stage;
        if let Some(r) = f.lost_review.as_mut() {
            r.stage_lost_at = match (moved, &current.fields.lost_review) {
                (false, Some(old)) => old.stage_lost_at,
                _ => Some(from),
            };
        }
        let (today, now) = (self.today_text(), self.clock.timestamp());
        let since = if moved { today.clone() } else { current.stage_since.clone() };
        let tx = self.conn.unchecked_transaction()?;
        write(&tx, id, &f, &since, &now)?;
        if moved {
            record_stage(&tx, id, current.customer_id, Some(from), f.stage, &today, &now)?;
            follow_lifecycle(&tx, current.customer_id, id, Some(from), f.stage, &now)?;
        }
        crate::opportunities::search::index(&tx, id, current.customer_id, &f)?;
        tx.commit()?;
        self.opportunity(id)
    }

    /// Moves an opportunity to `stage` (the kanban's drag); 丢单 takes the review.
    pub fn move_opportunity(&self, id: i64, stage: Stage, review: Option<&LostReview>) -> Result<Opportunity> {
        let mut f = self.opportunity(id)?.fields;
        f.stage = stage;
        if let Some(r) = review {
            f.lost_review = Some(r.clone());
        }
        self.update_opportunity(id, &f)
    }

    /// Every stage the opportunity entered, oldest first.
    pub fn stage_history(&self, id: i64) -> Result<Vec<StageChange>> {
        self.opportunity(id)?;
        let mut st = self.conn.prepare_cached(
            "SELECT from_stage, to_stage, changed_on FROM stage_change WHERE opportunity_id = ?1 ORDER BY id",
        )?;
        let rows = st
            .query_map([id], |r| {
                Ok(StageChange {
                    opportunity_id: id,
                    from: code(r.get(0)?, Stage::from_code),
                    to: code(r.get(1)?, Stage::from_code).unwrap_or_default(),
                    changed_on: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
