//! Turning a loaded map ([`MapState`]) into what the UI draws ([`MapView`]) and the coverage
//! view. Pure functions.

use std::collections::HashMap;

use super::layout::{self, LayoutNode};
use super::model::{CoverageRow, MapEdge, MapNode, MapSlot, MapView, Point, ScopeSummary};
use super::state::MapState;
use super::status::{self, Player, Slot, KEY_INFLUENCE};
use crate::customers::MapStatus;
use crate::customers::{Coverage, EdgeKind};

/// The status rule's view of the map's contacts.
pub fn players(state: &MapState) -> Vec<Player<'_>> {
    state
        .contacts
        .iter()
        .map(|c| Player {
            contact: state.contact_ref(c.id),
            is_key_person: c.is_key_person,
            assessment: state.assessments.get(&c.id),
        })
        .collect()
}

/// The status light of a loaded map.
pub fn status_of(state: &MapState, slots: &[Slot]) -> MapStatus {
    status::evaluate(&players(state), slots)
}

/// Influence ≥ 4 and no coverage (未接触 or not recorded).
pub fn coverage_gap(influence: Option<i64>, coverage: Option<Coverage>) -> bool {
    influence.is_some_and(|i| i >= KEY_INFLUENCE) && matches!(coverage, None | Some(Coverage::None))
}

/// Everything the map view draws.
pub struct ViewInput<'a> {
    pub customer_id: i64,
    pub scope_id: Option<i64>,
    pub scope_name: String,
    pub scopes: Vec<ScopeSummary>,
    pub state: &'a MapState,
    pub slots: &'a [Slot],
    /// Positions the user dragged nodes to.
    pub saved: &'a HashMap<i64, Point>,
    pub as_of: Option<String>,
}

pub fn build(input: ViewInput) -> MapView {
    let state = input.state;
    let players = players(state);
    let status = status::evaluate(&players, input.slots);
    let filled = status::fill_slots(input.slots, &players);
    let empty = filled.iter().filter(|f| f.is_empty()).count();
    let layout_nodes: Vec<LayoutNode> = state
        .contacts
        .iter()
        .map(|c| {
            let influence = state.assessments.get(&c.id).and_then(|a| a.influence).unwrap_or(0);
            LayoutNode { id: c.id, parent: c.reports_to, weight: influence * 2 + i64::from(c.is_key_person) }
        })
        .collect();
    let computed = layout::layered(&layout_nodes, empty);
    let nodes: Vec<MapNode> = state
        .contacts
        .iter()
        .zip(&computed.nodes)
        .map(|(c, at)| {
            let a = state.assessments.get(&c.id);
            let saved = input.saved.get(&c.id);
            let p = saved.copied().unwrap_or(*at);
            MapNode {
                contact_id: c.id,
                name: c.name.clone(),
                title: c.title.clone(),
                department: c.department.clone(),
                is_key_person: c.is_key_person,
                key_player: status::is_key_player(c.is_key_person, a),
                reports_to: c.reports_to,
                assessment: a.cloned(),
                coverage_gap: a.is_some_and(|a| coverage_gap(a.influence, a.coverage)),
                x: p.x,
                y: p.y,
                pinned: saved.is_some(),
            }
        })
        .collect();
    let mut placeholders = computed.placeholders.into_iter();
    let slots: Vec<MapSlot> = input
        .slots
        .iter()
        .zip(filled)
        .map(|(s, filled_by)| MapSlot {
            id: s.id,
            buying_role: s.buying_role,
            label: s.label.clone(),
            placeholder: if filled_by.is_empty() { placeholders.next() } else { None },
            filled_by,
        })
        .collect();
    let mut edges: Vec<MapEdge> = state
        .contacts
        .iter()
        .filter_map(|c| {
            Some(MapEdge {
                id: None,
                kind: EdgeKind::ReportsTo,
                from: c.id,
                to: c.reports_to?,
                label: String::new(),
                scope_id: None,
            })
        })
        .collect();
    edges.extend(state.edges.iter().map(|e| MapEdge {
        id: Some(e.id),
        kind: e.kind,
        from: e.from,
        to: e.to,
        label: e.label.clone(),
        scope_id: e.scope_id,
    }));
    let points = nodes.iter().map(|n| Point { x: n.x, y: n.y }).chain(slots.iter().filter_map(|s| s.placeholder));
    let (mut min, mut max) = (Point { x: f64::MAX, y: f64::MAX }, Point { x: f64::MIN, y: f64::MIN });
    for p in points {
        min = Point { x: min.x.min(p.x), y: min.y.min(p.y) };
        max = Point { x: max.x.max(p.x), y: max.y.max(p.y) };
    }
    if min.x > max.x {
        (min, max) = (Point::default(), Point::default());
    }
    MapView {
        customer_id: input.customer_id,
        scope_id: input.scope_id,
        scope_name: input.scope_name,
        scopes: input.scopes,
        nodes,
        edges,
        slots,
        status,
        as_of: input.as_of,
        min,
        max,
    }
}

/// The coverage view: flagged contacts first, then by influence (highest first), then in
/// map order.
pub fn coverage(state: &MapState) -> Vec<CoverageRow> {
    let mut rows: Vec<(usize, CoverageRow)> = state
        .contacts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let a = state.assessments.get(&c.id);
            let (influence, cov) = (a.and_then(|a| a.influence), a.and_then(|a| a.coverage));
            (
                i,
                CoverageRow {
                    contact: state.contact_ref(c.id),
                    title: c.title.clone(),
                    influence,
                    coverage: cov,
                    covered_by: a.map(|a| a.covered_by.clone()).unwrap_or_default(),
                    flagged: coverage_gap(influence, cov),
                },
            )
        })
        .collect();
    rows.sort_by(|(i, a), (j, b)| {
        b.flagged.cmp(&a.flagged).then(b.influence.unwrap_or(0).cmp(&a.influence.unwrap_or(0))).then(i.cmp(j))
    });
    rows.into_iter().map(|(_, r)| r).collect()
}
