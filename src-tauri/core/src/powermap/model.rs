//! The power map's types as the UI sees them (generated into `ui/src/bindings.ts`).
//!
//! A map is identified by the customer and a *scope*: `None` is the account-wide map every
//! customer has, `Some(id)` a named scope ("2026 MES 项目"). Every write returns the whole
//! [`MapView`] of the scope it was made in, so the UI redraws from one value.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::customers::{BuyingRole, Coverage, EdgeKind, MapStatus, StatusLight};

/// Defined with the errors, which name contacts too (the foundation uses no feature).
pub use crate::error::ContactRef;

/// One contact's assessment in one scope: the side panel's form.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Assessment {
    pub contact_id: i64,
    pub buying_role: Option<BuyingRole>,
    /// Support for us, −2 (反对) … +2 (教练).
    pub support: Option<i64>,
    /// Influence 1–5.
    pub influence: Option<i64>,
    /// How deep our team's relationship is: 未接触/初步/多次/深度.
    pub coverage: Option<Coverage>,
    /// Who of our team covers the contact (free text, e.g. "张伟").
    pub covered_by: String,
    /// Why we judge so (what was said, seen, heard).
    pub evidence: String,
    /// When this assessment was made (YYYY-MM-DD); today when left empty.
    pub assessed_on: String,
}

/// A point of the map's drawing, in pixels (node centres; y grows downwards).
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// One contact on the map.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MapNode {
    pub contact_id: i64,
    pub name: String,
    pub title: String,
    pub department: String,
    pub is_key_person: bool,
    /// Counts as a key player for the status light: a key person, influence ≥ 4, or a
    /// decision maker / approver.
    pub key_player: bool,
    /// The formal boss (reports-to), when they are on the map.
    pub reports_to: Option<i64>,
    /// This scope's assessment; `None` when the contact is not assessed in this scope.
    pub assessment: Option<Assessment>,
    /// Influence ≥ 4 and coverage 未接触 or not recorded: nobody of ours really knows them.
    pub coverage_gap: bool,
    /// The node's centre: where the user dragged it (`pinned`) or the computed layout.
    pub x: f64,
    pub y: f64,
    pub pinned: bool,
}

/// An edge of the map. Reports-to runs from the subordinate (`from`) to the boss (`to`);
/// influences from the influencer to the influenced; conflicts are undirected.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MapEdge {
    /// The stored edge's id; `None` for reports-to (stored on the contact).
    pub id: Option<i64>,
    pub kind: EdgeKind,
    pub from: i64,
    pub to: i64,
    pub label: String,
    /// Where the edge is kept: `None` = account-wide (shown in every scope), else the scope.
    pub scope_id: Option<i64>,
}

/// A required role slot of a scope, e.g. 决策者 or "技术评估者" (evaluator, labelled).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MapSlot {
    pub id: i64,
    pub buying_role: BuyingRole,
    pub label: String,
    /// Who fills it (contacts of the scope with this buying role); empty = a red risk.
    pub filled_by: Vec<ContactRef>,
    /// The dashed placeholder node's centre while the slot is empty.
    pub placeholder: Option<Point>,
}

/// A required slot as the slot editor sends it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SlotInput {
    pub buying_role: BuyingRole,
    #[serde(default)]
    pub label: String,
}

/// A new influence, conflict or reports-to edge.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct NewEdge {
    pub kind: EdgeKind,
    pub from: i64,
    pub to: i64,
    #[serde(default)]
    pub label: String,
}

/// Where the user dropped a node.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct NodePosition {
    pub contact_id: i64,
    pub x: f64,
    pub y: f64,
}

/// One entry of the scope picker: the account-wide map (`id` None) or a named scope.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ScopeSummary {
    pub id: Option<i64>,
    /// Empty for the account-wide map (the UI labels it).
    pub name: String,
    pub light: StatusLight,
}

/// Everything the map view draws for one scope.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MapView {
    pub customer_id: i64,
    pub scope_id: Option<i64>,
    pub scope_name: String,
    /// Every scope of the customer, account-wide first, then by name.
    pub scopes: Vec<ScopeSummary>,
    /// Every live contact of the customer (all scopes show the same contacts).
    pub nodes: Vec<MapNode>,
    pub edges: Vec<MapEdge>,
    pub slots: Vec<MapSlot>,
    pub status: MapStatus,
    /// The date of a past view ([`crate::Store::power_map_as_of`]); `None` for today's.
    pub as_of: Option<String>,
    /// The extent of the drawing (nodes and placeholders), for fit-to-screen.
    pub min: Point,
    pub max: Point,
}

/// An edge with its endpoints named (history, diff and what a contact's deletion removes).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct EdgeSnapshot {
    /// The stored edge's id; `None` for reports-to.
    pub id: Option<i64>,
    pub kind: EdgeKind,
    pub from: ContactRef,
    pub to: ContactRef,
    pub label: String,
    pub scope_id: Option<i64>,
}

/// What changed in one history entry.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum HistoryChange {
    /// An assessment added (`old` None), changed, or removed (`new` None). `fields` names
    /// what differs (camelCase: `support`, `buyingRole`…).
    Assessment { old: Option<Assessment>, new: Option<Assessment>, fields: Vec<String> },
    /// The contact's formal boss changed.
    ReportsTo { old: Option<ContactRef>, new: Option<ContactRef> },
    /// An influence/conflict edge added (`old` None), relabelled, or removed (`new` None).
    Edge { old: Option<EdgeSnapshot>, new: Option<EdgeSnapshot> },
}

/// One line of the timeline: "王总 支持 → 中立 · 2026-05-02".
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub id: i64,
    /// The day the change counts from (an assessment's date when back-dated).
    pub changed_on: String,
    pub recorded_at: String,
    pub scope_id: Option<i64>,
    /// Whom it is about (an edge's source); today's name when the contact still exists.
    pub contact: ContactRef,
    pub change: HistoryChange,
}

/// One contact whose assessment differs between a past date and today.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentDiff {
    pub contact: ContactRef,
    pub then: Option<Assessment>,
    pub now: Option<Assessment>,
    pub fields: Vec<String>,
}

/// The map as of a past date against today's.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MapDiff {
    pub as_of: String,
    pub new_contacts: Vec<ContactRef>,
    pub removed_contacts: Vec<ContactRef>,
    pub changed: Vec<AssessmentDiff>,
    pub added_edges: Vec<EdgeSnapshot>,
    pub removed_edges: Vec<EdgeSnapshot>,
    pub status_then: MapStatus,
    pub status_now: MapStatus,
}

/// The coverage view: who of our team covers each contact, and how deep.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CoverageRow {
    pub contact: ContactRef,
    pub title: String,
    pub influence: Option<i64>,
    pub coverage: Option<Coverage>,
    pub covered_by: String,
    /// Influence ≥ 4 and coverage 未接触 or not recorded.
    pub flagged: bool,
}

/// A scope by id and name (`id` None = account-wide).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ScopeRef {
    pub id: Option<i64>,
    pub name: String,
}

/// What deleting a contact takes off the power maps (the UI asks before deleting).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ContactRemoval {
    pub contact: ContactRef,
    /// Influence/conflict edges in any scope, and reports-to links to and from them.
    pub edges: Vec<EdgeSnapshot>,
    /// The scopes in which they are assessed.
    pub assessments: Vec<ScopeRef>,
}

impl ContactRemoval {
    /// True when the deletion touches nothing on any map (the UI need not ask).
    pub fn is_empty(&self) -> bool {
        self.edges.is_empty() && self.assessments.is_empty()
    }
}
