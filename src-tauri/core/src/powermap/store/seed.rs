//! Writing the power map of a profile inserted in bulk ([`crate::profile::NewProfile`]): the
//! first history entry of each assessment, and the [`PowerSeed`] (sample data).

use rusqlite::{params, Connection};

use super::assessments::{tidy, write_assessment};
use super::edges::record_edge;
use super::scopes::insert_slots;
use super::{append_history, db_scope, json, load_assessments, Change, Now};
use crate::error::{CoreError, Reason, Result};
use crate::powermap::seed::{PowerSeed, SeedEdge};
use crate::powermap::state::{StoredEdge, ASSESSMENT};
use crate::powermap::{validate, Assessment, ContactRef};

fn contact(contacts: &[ContactRef], index: usize) -> Result<&ContactRef> {
    contacts.get(index).ok_or_else(|| CoreError::validation("power.contact", Reason::InvalidReference))
}

fn with_id(a: &Assessment, contacts: &[ContactRef]) -> Result<Assessment> {
    validate::assessment(a)?;
    Ok(Assessment { contact_id: contact(contacts, a.contact_id as usize)?.id, ..a.clone() })
}

fn insert_edges(
    conn: &Connection,
    customer_id: i64,
    scope: Option<i64>,
    edges: &[SeedEdge],
    contacts: &[ContactRef],
    now: &Now,
) -> Result<()> {
    for e in edges {
        let (from, to) = (contact(contacts, e.from)?, contact(contacts, e.to)?);
        validate::label("label", &e.label)?;
        conn.prepare_cached(
            "INSERT INTO power_edge (customer_id, scope_id, kind, from_id, to_id, label, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            customer_id,
            db_scope(scope),
            e.kind.code(),
            from.id,
            to.id,
            e.label,
            format!("{}T09:00:00Z", e.on)
        ])?;
        let stored = StoredEdge {
            id: conn.last_insert_rowid(),
            scope_id: scope,
            kind: e.kind,
            from: from.id,
            to: to.id,
            label: e.label.clone(),
        };
        let dated = Now { timestamp: now.timestamp.clone(), today: e.on.clone().min(now.today.clone()) };
        record_edge(conn, customer_id, &stored, None, Some(&stored), &dated)?;
    }
    Ok(())
}

/// After the profile's contacts and role table are inserted: records each assessment's
/// first history entry (after its earlier version, if the seed has one) and writes the seed.
pub(crate) fn seed_profile(
    conn: &Connection,
    customer_id: i64,
    contacts: &[ContactRef],
    seed: &PowerSeed,
    timestamp: &str,
) -> Result<()> {
    let now = Now { timestamp: timestamp.to_string(), today: timestamp.get(..10).unwrap_or(timestamp).to_string() };
    for (index, name) in &seed.covered_by {
        validate::label("coveredBy", name)?;
        conn.prepare_cached("UPDATE role_assessment SET covered_by = ?3 WHERE scope_id = ?1 AND contact_id = ?2")?
            .execute(params![0, contact(contacts, *index)?.id, name])?;
    }
    let current = load_assessments(conn, customer_id, None)?;
    for c in contacts {
        let Some(a) = current.get(&c.id) else { continue };
        let earlier = seed.earlier.iter().map(|e| with_id(e, contacts)).collect::<Result<Vec<_>>>()?;
        let earlier = earlier.into_iter().find(|e| e.contact_id == c.id);
        let mut old: Option<Assessment> = None;
        for step in earlier.into_iter().chain([a.clone()]) {
            let change = Change {
                customer_id,
                scope: None,
                kind: ASSESSMENT,
                contact: c,
                edge_id: None,
                wanted_on: &step.assessed_on,
                old: json(&old),
                new: json(&Some(step.clone())),
            };
            append_history(conn, &change, &now)?;
            old = Some(step);
        }
    }
    insert_edges(conn, customer_id, None, &seed.edges, contacts, &now)?;
    insert_slots(conn, customer_id, None, &seed.slots)?;
    for s in &seed.scopes {
        validate::scope_name(&s.name)?;
        conn.prepare_cached("INSERT INTO power_scope (customer_id, name, created_at) VALUES (?1, ?2, ?3)")?
            .execute(params![customer_id, s.name.trim(), timestamp])?;
        let scope = Some(conn.last_insert_rowid());
        insert_slots(conn, customer_id, scope, &s.slots)?;
        for a in &s.assessments {
            let a = tidy(&with_id(a, contacts)?, &now.today);
            let who = contacts.iter().find(|c| c.id == a.contact_id).expect("resolved above");
            write_assessment(conn, customer_id, scope, who, &a, None, &now)?;
        }
        insert_edges(conn, customer_id, scope, &s.edges, contacts, &now)?;
    }
    Ok(())
}
