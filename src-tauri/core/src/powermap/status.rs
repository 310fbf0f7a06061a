//! The status light of a map (docs/powermap.md) and which contacts fill its required
//! role slots. Pure functions over what the store loaded.
//!
//! The rule, per scope:
//! - a contact is **supportive** when their support is ≥ +1 (支持, 教练);
//! - a contact is a **key player** when they are flagged as a key person (关键人物), or their
//!   influence is ≥ 4, or their buying role is 决策者 (decision maker) or 审批者 (approver) —
//!   whoever decides or approves is key by definition, so "a supportive decision maker" is
//!   always also "a supportive key player";
//! - **green**: a supportive decision maker or approver;
//! - **amber**: supportive key players, but none who decides or approves;
//! - **red**: no supportive key player — and also whenever a required role slot is empty,
//!   whatever else holds;
//! - **unknown** (grey): nobody is assessed in the scope and it requires no role yet.
//!
//! Every reason is listed (the UI shows them on hover): the green/amber/red reason, then one
//! [`StatusReason::EmptySlot`] per empty slot.

use super::model::{Assessment, ContactRef};
use crate::customers::{BuyingRole, StatusLight};
use crate::customers::{MapStatus, StatusReason};

/// Influence from which a contact counts as a key player.
pub const KEY_INFLUENCE: i64 = 4;
/// Support from which a contact counts as supportive.
pub const SUPPORTIVE: i64 = 1;

/// A contact as the rule sees them.
#[derive(Clone, Debug)]
pub struct Player<'a> {
    pub contact: ContactRef,
    pub is_key_person: bool,
    /// Their assessment in the scope, if any.
    pub assessment: Option<&'a Assessment>,
}

/// A stored required slot.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub id: i64,
    pub buying_role: BuyingRole,
    pub label: String,
}

fn decides(role: Option<BuyingRole>) -> bool {
    matches!(role, Some(BuyingRole::DecisionMaker | BuyingRole::Approver))
}

/// Key person, influence ≥ 4, or decision maker / approver.
pub fn is_key_player(is_key_person: bool, a: Option<&Assessment>) -> bool {
    is_key_person || a.is_some_and(|a| a.influence.is_some_and(|i| i >= KEY_INFLUENCE) || decides(a.buying_role))
}

fn supportive(a: Option<&Assessment>) -> bool {
    a.and_then(|a| a.support).is_some_and(|s| s >= SUPPORTIVE)
}

/// Who fills each slot, in slot order. Contacts with the slot's buying role fill the slots
/// of that role in turn (most influential first); the last slot of a role takes the rest,
/// so two 评估者 slots need two evaluators.
pub fn fill_slots(slots: &[Slot], players: &[Player]) -> Vec<Vec<ContactRef>> {
    slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let mut holders: Vec<(&Player, i64)> = players
                .iter()
                .filter_map(|p| {
                    let a = p.assessment?;
                    (a.buying_role == Some(slot.buying_role)).then(|| (p, a.influence.unwrap_or(0)))
                })
                .collect();
            holders.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.contact.id.cmp(&b.0.contact.id)));
            let same_role: Vec<usize> =
                (0..slots.len()).filter(|&j| slots[j].buying_role == slot.buying_role).collect();
            let rank = same_role.iter().position(|&j| j == i).unwrap_or(0);
            let last = rank + 1 == same_role.len();
            holders.iter().skip(rank).take(if last { usize::MAX } else { 1 }).map(|(p, _)| p.contact.clone()).collect()
        })
        .collect()
}

/// The status light of a scope and its reasons.
pub fn evaluate(players: &[Player], slots: &[Slot]) -> MapStatus {
    let assessed = players.iter().any(|p| p.assessment.is_some());
    if !assessed && slots.is_empty() {
        return MapStatus::default();
    }
    let deciders: Vec<ContactRef> = players
        .iter()
        .filter(|p| supportive(p.assessment) && decides(p.assessment.and_then(|a| a.buying_role)))
        .map(|p| p.contact.clone())
        .collect();
    let supporters: Vec<ContactRef> = players
        .iter()
        .filter(|p| supportive(p.assessment) && is_key_player(p.is_key_person, p.assessment))
        .map(|p| p.contact.clone())
        .collect();
    let (mut light, first) = if !deciders.is_empty() {
        (StatusLight::Green, StatusReason::SupportiveDecider { contacts: deciders })
    } else if !supporters.is_empty() {
        (StatusLight::Amber, StatusReason::NoSupportiveDecider { supporters })
    } else {
        (StatusLight::Red, StatusReason::NoSupportiveKeyPlayer)
    };
    let mut reasons = vec![first];
    for (slot, filled) in slots.iter().zip(fill_slots(slots, players)) {
        if filled.is_empty() {
            light = StatusLight::Red;
            reasons.push(StatusReason::EmptySlot {
                slot_id: slot.id,
                buying_role: slot.buying_role,
                label: slot.label.clone(),
            });
        }
    }
    MapStatus { light, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(role: Option<BuyingRole>, support: i64, influence: i64) -> Assessment {
        Assessment { buying_role: role, support: Some(support), influence: Some(influence), ..Default::default() }
    }

    fn player(id: i64, key: bool, a: Option<&Assessment>) -> Player<'_> {
        Player { contact: ContactRef { id, name: format!("c{id}") }, is_key_person: key, assessment: a }
    }

    #[test]
    fn key_player_is_key_person_influence_4_or_decider() {
        let low = a(Some(BuyingRole::User), 1, 3);
        assert!(!is_key_player(false, Some(&low)));
        assert!(is_key_player(true, Some(&low)));
        assert!(is_key_player(false, Some(&a(Some(BuyingRole::User), 1, 4))));
        assert!(is_key_player(false, Some(&a(Some(BuyingRole::Approver), 1, 1))));
        assert!(!is_key_player(false, None));
    }

    #[test]
    fn two_slots_of_one_role_need_two_holders() {
        let e1 = a(Some(BuyingRole::Evaluator), 0, 3);
        let e2 = a(Some(BuyingRole::Evaluator), 0, 5);
        let slots = [
            Slot { id: 1, buying_role: BuyingRole::Evaluator, label: "技术".into() },
            Slot { id: 2, buying_role: BuyingRole::Evaluator, label: "财务".into() },
        ];
        let one = [player(1, false, Some(&e1))];
        let filled = fill_slots(&slots, &one);
        assert_eq!((filled[0].len(), filled[1].len()), (1, 0));
        let two = [player(1, false, Some(&e1)), player(2, false, Some(&e2))];
        let filled = fill_slots(&slots, &two);
        assert_eq!(filled[0][0].id, 2, "the more influential first");
        assert_eq!(filled[1][0].id, 1);
    }
}
