//! The visit and action forms' refusals (the store checks the references: contacts,
//! opportunity). A missing owner or due date is not refused: the quality check warns.

use super::{ActionFields, VisitFields};
use crate::customers::validate::{full_date, max_len, required, time};
use crate::error::{CoreError, Reason, Result};

const MAX_TEXT: usize = 20_000;
/// The template's short free texts (解决方案概述, 附加备注): a few sentences, not a report.
const MAX_NOTE: usize = 5_000;

pub fn action(prefix: &str, a: &ActionFields) -> Result<()> {
    required(&format!("{prefix}what"), &a.what)?;
    max_len(&format!("{prefix}what"), &a.what, 2_000)?;
    max_len(&format!("{prefix}owner"), &a.owner, 200)?;
    full_date(&format!("{prefix}dueDate"), &a.due_date)
}

/// A multiple choice: each code once (the second is refused, named by its place).
fn once<T: PartialEq>(field: &str, codes: &[T]) -> Result<()> {
    match codes.iter().enumerate().find(|(i, c)| codes[..*i].contains(c)) {
        Some((i, _)) => Err(CoreError::validation(format!("{field}.{i}"), Reason::Repeated)),
        None => Ok(()),
    }
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
        required(&format!("ourParticipants.{i}.name"), &p.name)?;
        max_len(&format!("ourParticipants.{i}.name"), &p.name, 200)?;
    }
    once("salesActions", &v.sales_actions)?;
    once("internalSupport", &v.internal_support)?;
    max_len("solution", &v.solution, MAX_NOTE)?;
    max_len("supportNote", &v.support_note, 500)?;
    max_len("notes", &v.notes, MAX_NOTE)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::visits::{OurParticipant, SalesAction, SupportKind};

    fn refusal(v: &VisitFields) -> (String, Reason) {
        match visit(v) {
            Err(CoreError::Validation { field, reason, .. }) => (field, reason),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    fn dated() -> VisitFields {
        VisitFields { date: "2026-06-10".into(), ..Default::default() }
    }

    #[test]
    fn a_code_chosen_twice_is_refused_at_its_place() {
        let twice =
            VisitFields { sales_actions: vec![SalesAction::Demo, SalesAction::Quote, SalesAction::Demo], ..dated() };
        assert_eq!(refusal(&twice), ("salesActions.2".into(), Reason::Repeated));
        let twice = VisitFields { internal_support: vec![SupportKind::Legal, SupportKind::Legal], ..dated() };
        assert_eq!(refusal(&twice), ("internalSupport.1".into(), Reason::Repeated));
    }

    #[test]
    fn the_template_texts_have_their_limits() {
        let long = |n| "字".repeat(n);
        assert!(visit(&VisitFields { solution: long(5_000), notes: long(5_000), support_note: long(500), ..dated() })
            .is_ok());
        assert_eq!(refusal(&VisitFields { solution: long(5_001), ..dated() }), ("solution".into(), Reason::TooLong));
        assert_eq!(refusal(&VisitFields { notes: long(5_001), ..dated() }), ("notes".into(), Reason::TooLong));
        assert_eq!(
            refusal(&VisitFields { support_note: long(501), ..dated() }),
            ("supportNote".into(), Reason::TooLong)
        );
        let nameless = VisitFields { our_participants: vec![OurParticipant::default()], ..dated() };
        assert_eq!(refusal(&nameless), ("ourParticipants.0.name".into(), Reason::Required));
    }
}
