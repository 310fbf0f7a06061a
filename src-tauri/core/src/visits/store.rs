//! Visit summaries in SQLite: save (with their actions, in one transaction, returning the
//! quality check's warnings), read, page, delete, the confirmation status and the recap.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::customers::store::load_customer;
use crate::error::{CoreError, Reason, Result};
use crate::store::code;
use crate::text::contact_key;
use crate::visits::actions::{load_actions, write_actions};
use crate::visits::{
    quality, recap, validate, Confirmation, CustomerType, NextAction, OurParticipant, OurRole, Participant, Progress,
    QualityWarning, Recap, SalesAction, SavedVisit, SupportKind, Visit, VisitFields, VisitMethod, VisitPage,
};
use crate::Store;

pub(crate) const VISIT_COLUMNS: &str = "v.id, v.customer_id, c.name, v.opportunity_id, coalesce(o.name, ''), \
    v.visited_on, v.visited_time, v.method, v.place, v.customer_participants, v.our_participants, v.goal, \
    v.summary, v.decisions, v.needs, v.objections, v.commitments, v.quotes, v.competitor_news, v.risks, \
    v.opportunities, v.urgent, v.confirmation, v.sent_on, v.confirmed_on, v.created_at, v.updated_at, \
    v.progress, v.customer_type, v.solution, v.notes, v.internal_support, v.support_note, v.sales_actions";
pub(crate) const VISIT_FROM: &str =
    "visit v JOIN customer c ON c.id = v.customer_id LEFT JOIN opportunity o ON o.id = v.opportunity_id";

fn list<T: serde::de::DeserializeOwned>(r: &Row, at: usize) -> rusqlite::Result<Vec<T>> {
    Ok(serde_json::from_str(&r.get::<_, String>(at)?).unwrap_or_default())
}

/// A stored list of codes: one this version does not know (a newer one wrote it) is skipped.
pub(crate) fn codes<T>(r: &Row, at: usize, from_code: fn(&str) -> Option<T>) -> rusqlite::Result<Vec<T>> {
    Ok(list::<String>(r, at)?.iter().filter_map(|c| from_code(c)).collect())
}

/// Our side as stored: plain names (records written before roles) or `{name, role}`.
fn our_side(r: &Row, at: usize) -> rusqlite::Result<Vec<OurParticipant>> {
    let items: Vec<serde_json::Value> = list(r, at)?;
    Ok(items
        .into_iter()
        .map(|item| match item {
            serde_json::Value::String(name) => OurParticipant { name, role: None },
            item => OurParticipant {
                name: item["name"].as_str().unwrap_or_default().to_string(),
                role: item["role"].as_str().and_then(OurRole::from_code),
            },
        })
        .collect())
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("visit lists serialise")
}

/// A visit row without its actions (filled in by [`with_actions`]).
pub(crate) fn visit_from_row(r: &Row) -> rusqlite::Result<Visit> {
    Ok(Visit {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        customer_name: r.get(2)?,
        opportunity_name: r.get(4)?,
        fields: VisitFields {
            opportunity_id: r.get(3)?,
            date: r.get(5)?,
            time: r.get(6)?,
            method: code(r.get(7)?, VisitMethod::from_code).unwrap_or_default(),
            place: r.get(8)?,
            customer_participants: list(r, 9)?,
            our_participants: our_side(r, 10)?,
            customer_type: code(r.get(28)?, CustomerType::from_code),
            goal: r.get(11)?,
            summary: r.get(12)?,
            progress: code(r.get(27)?, Progress::from_code),
            sales_actions: codes(r, 33, SalesAction::from_code)?,
            solution: r.get(29)?,
            decisions: list(r, 13)?,
            needs: list(r, 14)?,
            objections: list(r, 15)?,
            commitments: list(r, 16)?,
            quotes: list(r, 17)?,
            competitor_news: list(r, 18)?,
            risks: list(r, 19)?,
            opportunities: list(r, 20)?,
            internal_support: codes(r, 31, SupportKind::from_code)?,
            support_note: r.get(32)?,
            notes: r.get(30)?,
            urgent: r.get(21)?,
            actions: Vec::new(),
        },
        confirmation: code(r.get(22)?, Confirmation::from_code).unwrap_or(Confirmation::Draft),
        sent_on: r.get(23)?,
        confirmed_on: r.get(24)?,
        overdue_actions: Vec::new(),
        created_at: r.get(25)?,
        updated_at: r.get(26)?,
    })
}

/// Adds one of its actions to a visit (in list order), noting it when overdue.
pub(crate) fn attach_action(v: &mut Visit, a: NextAction) {
    if a.overdue {
        v.overdue_actions.push(a.id);
    }
    v.fields.actions.push(crate::visits::ActionFields {
        id: Some(a.id),
        what: a.what,
        owner: a.owner,
        due_date: a.due_date,
        status: a.status,
    });
}

/// Fills in the visits' actions (one query for the page).
fn with_actions(conn: &Connection, mut visits: Vec<Visit>, today: &str) -> Result<Vec<Visit>> {
    let ids: Vec<i64> = visits.iter().map(|v| v.id).collect();
    let mut by_visit: HashMap<i64, Vec<_>> = HashMap::new();
    for a in load_actions(conn, "a.visit_id IN (SELECT value FROM json_each(?1))", &json(&ids), today)? {
        by_visit.entry(a.visit_id.unwrap_or(0)).or_default().push(a);
    }
    for v in &mut visits {
        for a in by_visit.remove(&v.id).unwrap_or_default() {
            attach_action(v, a);
        }
    }
    Ok(visits)
}

pub(crate) fn load_visit(conn: &Connection, id: i64, today: &str) -> Result<Visit> {
    let v = conn
        .prepare_cached(&format!("SELECT {VISIT_COLUMNS} FROM {VISIT_FROM} WHERE v.id = ?1 AND c.deleted_at IS NULL"))?
        .query_row([id], visit_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("visit", id))?;
    Ok(with_actions(conn, vec![v], today)?.remove(0))
}

/// Trims the text fields and fills in the customer participants' names and titles from
/// their contacts (a participant keeps the name and title given, e.g. those of the visit's day).
fn prepare(conn: &Connection, customer_id: i64, v: &VisitFields) -> Result<VisitFields> {
    let mut v = v.clone();
    for s in [
        &mut v.date,
        &mut v.time,
        &mut v.place,
        &mut v.goal,
        &mut v.summary,
        &mut v.solution,
        &mut v.support_note,
        &mut v.notes,
    ] {
        *s = s.trim().to_string();
    }
    v.our_participants.iter_mut().for_each(|p| p.name = p.name.trim().to_string());
    for items in [
        &mut v.decisions,
        &mut v.commitments,
        &mut v.quotes,
        &mut v.competitor_news,
        &mut v.risks,
        &mut v.opportunities,
    ] {
        items.iter_mut().for_each(|s| *s = s.trim().to_string());
    }
    if let Some(o) = v.opportunity_id {
        let ours = conn
            .prepare_cached("SELECT 1 FROM opportunity WHERE id = ?1 AND customer_id = ?2")?
            .exists(params![o, customer_id])?;
        if !ours {
            return Err(CoreError::validation("opportunityId", Reason::InvalidReference));
        }
    }
    for (i, p) in v.customer_participants.iter_mut().enumerate() {
        let contact: Option<(i64, String, String)> = conn
            .prepare_cached("SELECT customer_id, name, title FROM contact WHERE id = ?1")?
            .query_row([p.contact_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        // A participant keeps the name and title saved with the visit even once their contact
        // is deleted for good; a new one must be a contact of this customer.
        match contact {
            Some((owner, name, title)) if owner == customer_id => {
                if p.name.trim().is_empty() {
                    *p = Participant { contact_id: p.contact_id, name, title };
                }
            }
            None if !p.name.trim().is_empty() => {}
            _ => {
                return Err(CoreError::validation(
                    format!("customerParticipants.{i}.contactId"),
                    Reason::InvalidReference,
                ))
            }
        }
    }
    Ok(v)
}

/// Writes the form's columns into visit `id`.
pub(crate) fn write_columns(conn: &Connection, id: i64, v: &VisitFields, now: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE visit SET opportunity_id = ?2, visited_on = ?3, visited_time = ?4, method = ?5, place = ?6,
             customer_participants = ?7, our_participants = ?8, goal = ?9, summary = ?10, decisions = ?11,
             needs = ?12, objections = ?13, commitments = ?14, quotes = ?15, competitor_news = ?16,
             risks = ?17, opportunities = ?18, need_count = ?19, urgent = ?20, updated_at = ?21,
             progress = ?22, customer_type = ?23, solution = ?24, notes = ?25, internal_support = ?26,
             support_note = ?27, sales_actions = ?28
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        v.opportunity_id,
        v.date,
        v.time,
        v.method.code(),
        v.place,
        json(&v.customer_participants),
        json(&v.our_participants),
        v.goal,
        v.summary,
        json(&v.decisions),
        json(&v.needs),
        json(&v.objections),
        json(&v.commitments),
        json(&v.quotes),
        json(&v.competitor_news),
        json(&v.risks),
        json(&v.opportunities),
        v.needs.len() as i64,
        v.urgent,
        now,
        v.progress.map(|p| p.code()),
        v.customer_type.map(|t| t.code()),
        v.solution,
        v.notes,
        json(&v.internal_support),
        v.support_note,
        json(&v.sales_actions),
    ])?;
    Ok(())
}

/// Inserts a visit of `customer_id` with the form's columns; `at` is its creation timestamp.
pub(crate) fn insert_visit(conn: &Connection, customer_id: i64, v: &VisitFields, at: &str) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO visit (customer_id, visited_on, method, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![customer_id, v.date, v.method.code(), at])?;
    let id = conn.last_insert_rowid();
    write_columns(conn, id, v, at)?;
    Ok(id)
}

/// True when `customer_id` has a visit on `date` by `method` with the same summary (compared
/// as names are: NFKC, case and whitespace aside) — what an import counts as the same record.
pub(crate) fn visit_exists(
    conn: &Connection,
    customer_id: i64,
    date: &str,
    method: VisitMethod,
    summary: &str,
) -> Result<bool> {
    let key = contact_key(summary);
    let mut st =
        conn.prepare_cached("SELECT summary FROM visit WHERE customer_id = ?1 AND visited_on = ?2 AND method = ?3")?;
    let summaries = st.query_map(params![customer_id, date, method.code()], |r| r.get::<_, String>(0))?;
    for s in summaries {
        if contact_key(&s?) == key {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Inserts an imported visit with its actions, checked as the form is (validation, the
/// participants and the opportunity must be the customer's); the caller holds the
/// transaction. Returns its id.
pub(crate) fn import_visit(
    conn: &Connection,
    customer_id: i64,
    fields: &VisitFields,
    today: &str,
    now: &str,
) -> Result<i64> {
    validate::visit(fields)?;
    let v = prepare(conn, customer_id, fields)?;
    let id = insert_visit(conn, customer_id, &v, now)?;
    // When it was first written is not known: the late-record light leaves it out.
    conn.prepare_cached("UPDATE visit SET imported = 1 WHERE id = ?1")?.execute([id])?;
    write_actions(conn, customer_id, id, v.opportunity_id, &v.actions, today, now)?;
    crate::visits::search::index(conn, id, customer_id, &v)?;
    Ok(id)
}

impl Store {
    /// Writes a visit's columns and its actions; `id` None inserts.
    fn write_visit(&self, customer_id: i64, id: Option<i64>, fields: &VisitFields) -> Result<SavedVisit> {
        validate::visit(fields)?;
        let v = prepare(&self.conn, customer_id, fields)?;
        let (today, now) = (self.today_text(), self.clock.timestamp());
        let mut warnings: Vec<QualityWarning> = quality::check_visit(&v, self.clock.today());
        if id.is_none() {
            let now = self.clock.now().with_timezone(&self.clock.offset()).naive_local();
            warnings.extend(quality::late_record(&v, now));
        }
        let tx = self.conn.unchecked_transaction()?;
        let id = match id {
            Some(id) => {
                write_columns(&tx, id, &v, &now)?;
                id
            }
            None => insert_visit(&tx, customer_id, &v, &now)?,
        };
        write_actions(&tx, customer_id, id, v.opportunity_id, &v.actions, &today, &now)?;
        crate::visits::search::index(&tx, id, customer_id, &v)?;
        tx.commit()?;
        Ok(SavedVisit { visit: load_visit(&self.conn, id, &today)?, warnings })
    }

    /// Records a new visit summary with its next actions; returns it with the quality check's
    /// warnings (which never block the save).
    pub fn create_visit(&self, customer_id: i64, fields: &VisitFields) -> Result<SavedVisit> {
        load_customer(&self.conn, customer_id)?;
        self.write_visit(customer_id, None, fields)
    }

    /// Saves a visit summary whole: its actions are the list given (one left out is deleted).
    pub fn update_visit(&self, id: i64, fields: &VisitFields) -> Result<SavedVisit> {
        let current = self.visit(id)?;
        self.write_visit(current.customer_id, Some(id), fields)
    }

    pub fn visit(&self, id: i64) -> Result<Visit> {
        load_visit(&self.conn, id, &self.today_text())
    }

    /// The quality check of a form without saving it.
    pub fn check_visit(&self, fields: &VisitFields) -> Vec<QualityWarning> {
        quality::check_visit(fields, self.clock.today())
    }

    /// One page of a customer's visits (or of one of its opportunities), newest first.
    pub fn visits(&self, customer_id: i64, opportunity_id: Option<i64>, offset: i64, limit: i64) -> Result<VisitPage> {
        load_customer(&self.conn, customer_id)?;
        let filter = "v.customer_id = ?1 AND (?2 IS NULL OR v.opportunity_id = ?2)";
        let total = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM visit v WHERE {filter}"))?
            .query_row(params![customer_id, opportunity_id], |r| r.get(0))?;
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT {VISIT_COLUMNS} FROM {VISIT_FROM} WHERE {filter}
                 ORDER BY v.visited_on DESC, v.visited_time DESC, v.id DESC LIMIT ?3 OFFSET ?4"
            ))?
            .query_map(params![customer_id, opportunity_id, limit.clamp(1, 200), offset.max(0)], visit_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(VisitPage { rows: with_actions(&self.conn, rows, &self.today_text())?, total })
    }

    /// 草稿 → 已发送 → 客户已确认, dated today (confirmed also sets the sent date if it was
    /// skipped); back to 草稿 clears both dates.
    pub fn set_confirmation(&self, id: i64, status: Confirmation) -> Result<Visit> {
        let v = self.visit(id)?;
        let today = self.today_text();
        let or_today = |d: &str| if d.is_empty() { today.clone() } else { d.to_string() };
        let (sent, confirmed) = match status {
            Confirmation::Draft => (String::new(), String::new()),
            Confirmation::Sent => (or_today(&v.sent_on), String::new()),
            Confirmation::Confirmed => (or_today(&v.sent_on), or_today(&v.confirmed_on)),
        };
        self.conn.execute(
            "UPDATE visit SET confirmation = ?2, sent_on = ?3, confirmed_on = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, status.code(), sent, confirmed, self.clock.timestamp()],
        )?;
        self.visit(id)
    }

    /// The customer-facing recap of a visit (plain text; see [`crate::visits::recap`]).
    pub fn visit_recap(&self, id: i64) -> Result<Recap> {
        Ok(Recap { visit_id: id, text: recap::recap_text(&self.visit(id)?) })
    }

    /// How many of its customer's visits [`Store::visits`] lists before visit `id` (newest
    /// first, unfiltered): the page a record found by the search is on.
    pub fn visit_position(&self, id: i64) -> Result<i64> {
        let v = self.visit(id)?;
        Ok(self.conn.query_row(
            "SELECT count(*) FROM visit WHERE customer_id = ?1
             AND (visited_on, visited_time, id) > (?2, ?3, ?4)",
            params![v.customer_id, v.fields.date, v.fields.time, id],
            |r| r.get(0),
        )?)
    }
}
