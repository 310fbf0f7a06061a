//! The customer's lifecycle follows its deals: the first win 已成交, a later one 老客户, a win
//! undone puts back what it found (unless something changed it since), hand edits recorded;
//! every change on the timeline with its cause.

use crate::common;

use common::{named, store};
use dossier_core::activity::{TimelineKind, TimelineQuery};
use dossier_core::customers::{CustomerFields, Lifecycle};
use dossier_core::opportunities::{OpportunityFields, Stage};
use dossier_core::Store;

/// A deal at 合同, ready to be won.
fn contracted(name: &str) -> OpportunityFields {
    OpportunityFields {
        name: name.into(),
        amount: Some(500_000.0),
        needs: "产线改造".into(),
        stage: Stage::Contract,
        quote_amount: Some(500_000.0),
        quote_date: "2026-10-01".into(),
        contract_amount: Some(480_000.0),
        contract_date: "2026-11-01".into(),
        ..Default::default()
    }
}

fn lifecycle(s: &Store, id: i64) -> Option<Lifecycle> {
    s.profile(id).unwrap().customer.fields.lifecycle
}

/// The customer's lifecycle changes on its timeline, oldest first: (cause, from, to).
fn changes(s: &Store, id: i64) -> Vec<(String, String, String)> {
    let q = TimelineQuery { kinds: vec![TimelineKind::Profile], ..Default::default() };
    let mut rows: Vec<_> = s
        .timeline(id, &q)
        .unwrap()
        .entries
        .into_iter()
        .filter(|e| e.title == "lifecycle")
        .map(|e| (e.detail, e.from, e.to))
        .collect();
    rows.reverse();
    rows
}

fn change(cause: &str, from: &str, to: &str) -> (String, String, String) {
    (cause.into(), from.into(), to.into())
}

#[test]
fn the_first_win_makes_a_customer_won_and_a_later_one_an_existing_customer() {
    let (_dir, s) = store();
    let c =
        s.create_customer(&CustomerFields { lifecycle: Some(Lifecycle::Negotiating), ..named("云岭制药") }).unwrap();
    let first = s.create_opportunity(c.id, &contracted("一期")).unwrap();
    let second = s.create_opportunity(c.id, &contracted("二期")).unwrap();
    assert_eq!(lifecycle(&s, c.id), Some(Lifecycle::Negotiating), "a deal at 合同 moves nothing");

    s.move_opportunity(first.id, Stage::Won, None).unwrap();
    assert_eq!(lifecycle(&s, c.id), Some(Lifecycle::Won));
    s.move_opportunity(second.id, Stage::Won, None).unwrap();
    assert_eq!(lifecycle(&s, c.id), Some(Lifecycle::Existing));
    // A 老客户 stays one, whatever else is won.
    let third = s.create_opportunity(c.id, &contracted("三期")).unwrap();
    s.move_opportunity(third.id, Stage::Won, None).unwrap();
    assert_eq!(lifecycle(&s, c.id), Some(Lifecycle::Existing));
    assert_eq!(
        changes(&s, c.id),
        vec![change("deal_won", "negotiating", "won"), change("deal_won", "won", "existing")]
    );
}

#[test]
fn a_win_undone_puts_back_what_it_found_unless_changed_since() {
    let (_dir, s) = store();
    let c = s.create_customer(&named("云岭制药")).unwrap();
    let deal = s.create_opportunity(c.id, &contracted("一期")).unwrap();
    s.move_opportunity(deal.id, Stage::Won, None).unwrap();
    assert_eq!(lifecycle(&s, c.id), Some(Lifecycle::Won));
    s.move_opportunity(deal.id, Stage::Contract, None).unwrap();
    assert_eq!(lifecycle(&s, c.id), None, "back to not set");
    assert_eq!(changes(&s, c.id), vec![change("deal_won", "", "won"), change("win_undone", "won", "")]);

    // Won again, then set by hand: the hand edit stands when the win is undone.
    s.move_opportunity(deal.id, Stage::Won, None).unwrap();
    let mut f = s.profile(c.id).unwrap().customer.fields;
    f.lifecycle = Some(Lifecycle::Existing);
    s.update_customer(c.id, &f).unwrap();
    s.move_opportunity(deal.id, Stage::Contract, None).unwrap();
    assert_eq!(lifecycle(&s, c.id), Some(Lifecycle::Existing));
    assert_eq!(changes(&s, c.id).last(), Some(&change("hand", "won", "existing")));
}

#[test]
fn a_deal_created_won_moves_the_lifecycle_and_a_save_without_a_change_records_nothing() {
    let (_dir, s) = store();
    let c = s.create_customer(&named("云岭制药")).unwrap();
    s.create_opportunity(c.id, &OpportunityFields { stage: Stage::Won, ..contracted("历史订单") }).unwrap();
    assert_eq!(lifecycle(&s, c.id), Some(Lifecycle::Won));
    let f = s.profile(c.id).unwrap().customer.fields;
    s.update_customer(c.id, &f).unwrap();
    assert_eq!(changes(&s, c.id), vec![change("deal_won", "", "won")]);
}
