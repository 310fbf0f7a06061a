//! A power map given with a new profile ([`crate::profile::NewProfile`]): the sample data's
//! edges, scopes, slots and earlier assessments. Contacts are indexes into the profile's
//! contact list, like its role table.

use super::model::{Assessment, SlotInput};
use crate::customers::EdgeKind;

/// An influence or conflict edge between two of the profile's contacts.
#[derive(Clone, Debug, PartialEq)]
pub struct SeedEdge {
    pub kind: EdgeKind,
    pub from: usize,
    pub to: usize,
    pub label: String,
    /// The day it was drawn (YYYY-MM-DD; its history entry's date).
    pub on: String,
}

/// A named scope with its slots, assessments (`contact_id` = contact index) and edges.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeedScope {
    pub name: String,
    pub slots: Vec<SlotInput>,
    pub assessments: Vec<Assessment>,
    pub edges: Vec<SeedEdge>,
}

/// Everything of a profile's power map beyond its role table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PowerSeed {
    /// Who of our team covers each contact: (contact index, name).
    pub covered_by: Vec<(usize, String)>,
    /// Earlier account-wide assessments (`contact_id` = contact index, dated before the
    /// role table's): the history shows them changing into the current ones.
    pub earlier: Vec<Assessment>,
    /// Account-wide edges.
    pub edges: Vec<SeedEdge>,
    /// Account-wide required slots.
    pub slots: Vec<SlotInput>,
    pub scopes: Vec<SeedScope>,
}

impl PowerSeed {
    pub fn is_empty(&self) -> bool {
        *self == PowerSeed::default()
    }
}
