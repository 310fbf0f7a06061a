//! The visit and action forms' refusals (the store checks the references: contacts,
//! opportunity). A missing owner or due date is not refused: the quality check warns.

use super::{ActionFields, VisitFields};
use crate::customers::validate::{full_date, max_len, required, time};
use crate::error::Result;

const MAX_TEXT: usize = 20_000;

pub fn action(prefix: &str, a: &ActionFields) -> Result<()> {
    required(&format!("{prefix}what"), &a.what)?;
    max_len(&format!("{prefix}what"), &a.what, 2_000)?;
    max_len(&format!("{prefix}owner"), &a.owner, 200)?;
    full_date(&format!("{prefix}dueDate"), &a.due_date)
}

fn lines(field: &str, items: &[String]) -> Result<()> {
    for (i, s) in items.iter().enumerate() {
        required(&format!("{field}.{i}"), s)?;
        max_len(&format!("{field}.{i}"), s, MAX_TEXT)?;
    }
    Ok(())
}

pub fn visit(v: &VisitFields) -> Result<()> {
    required("date", &v.date)?;
    full_date("date", &v.date)?;
    time("time", &v.time)?;
    max_len("place", &v.place, 500)?;
    max_len("goal", &v.goal, MAX_TEXT)?;
    max_len("summary", &v.summary, MAX_TEXT)?;
    for (i, p) in v.our_participants.iter().enumerate() {
        required(&format!("ourParticipants.{i}"), p)?;
        max_len(&format!("ourParticipants.{i}"), p, 200)?;
    }
    for (i, n) in v.needs.iter().enumerate() {
        required(&format!("needs.{i}.text"), &n.text)?;
        max_len(&format!("needs.{i}.text"), &n.text, MAX_TEXT)?;
    }
    for (i, o) in v.objections.iter().enumerate() {
        required(&format!("objections.{i}.text"), &o.text)?;
        max_len(&format!("objections.{i}.handling"), &o.handling, MAX_TEXT)?;
    }
    for (field, items) in [
        ("decisions", &v.decisions),
        ("commitments", &v.commitments),
        ("quotes", &v.quotes),
        ("competitorNews", &v.competitor_news),
        ("risks", &v.risks),
        ("opportunities", &v.opportunities),
    ] {
        lines(field, items)?;
    }
    for (i, a) in v.actions.iter().enumerate() {
        action(&format!("actions.{i}."), a)?;
    }
    Ok(())
}
