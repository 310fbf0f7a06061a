//! `dossier-cli bench power-map`: the power map of a generated 150-contact customer with 300
//! edges (147 reports-to links in three trees, 153 influence and conflict edges, four
//! required slots). Timed per run, in the same process and run:
//! - the core's layout alone (`powermap::layout::layered`);
//! - the whole map load the app makes on opening the tab (`Store::power_map`: SQL, status,
//!   slots, scope picker, layout);
//! - references: a naive layered layout that places each node by scanning every node
//!   already placed for a free spot (O(n²)), and the plain SQL load of the same rows
//!   (contacts, assessments, edges) with no processing.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use dossier_core::customers::{BuyingRole, ContactFields, Coverage, CustomerFields, EdgeKind, RoleAssessment};
use dossier_core::powermap::layout::{self, LayoutNode, X_GAP, Y_GAP};
use dossier_core::powermap::{MapView, NewEdge, SlotInput};
use dossier_core::profile::NewProfile;
use dossier_core::{FixedClock, Store};
use serde::Serialize;

pub const CONTACTS: usize = 150;
pub const EDGES: usize = 300;

#[derive(Serialize)]
pub struct Timing {
    pub what: &'static str,
    pub p50_ms: f64,
    pub p95_ms: f64,
}

#[derive(Serialize)]
pub struct Report {
    pub contacts: usize,
    pub edges: usize,
    pub runs: usize,
    pub timings: Vec<Timing>,
}

fn timing(what: &'static str, mut ms: Vec<f64>) -> Timing {
    ms.sort_by(f64::total_cmp);
    let p95 = ms[((ms.len() as f64 * 0.95).ceil() as usize).clamp(1, ms.len()) - 1];
    let round3 = |x: f64| (x * 1000.0).round() / 1000.0;
    Timing { what, p50_ms: round3(super::median(&ms)), p95_ms: round3(p95) }
}

/// Builds the benchmark customer in `store`; returns its id.
pub fn generate(store: &Store) -> Result<i64, String> {
    let err = |e: dossier_core::CoreError| e.to_string();
    let roots = [0usize, 50, 100];
    let contacts: Vec<ContactFields> = (0..CONTACTS)
        .map(|i| {
            let group = i / 50 * 50;
            let boss = if roots.contains(&i) { None } else { Some((group + (i - group - 1) / 3) as i64) };
            ContactFields {
                name: format!("联系人{i:03}"),
                title: "经理".into(),
                reports_to: boss,
                is_key_person: i % 17 == 0,
                ..Default::default()
            }
        })
        .collect();
    let roles: Vec<RoleAssessment> = (0..CONTACTS)
        .map(|i| RoleAssessment {
            contact_id: i as i64,
            buying_role: Some(BuyingRole::ALL[i % BuyingRole::ALL.len()]),
            support: Some((i % 5) as i64 - 2),
            influence: Some(1 + (i % 5) as i64),
            coverage: Some(Coverage::ALL[i % Coverage::ALL.len()]),
            evidence: "拜访记录".into(),
            assessed_on: String::new(),
        })
        .collect();
    let profile = NewProfile {
        fields: CustomerFields { name: "权力地图基准集团".into(), ..Default::default() },
        contacts,
        roles,
        ..Default::default()
    };
    store.insert_profiles([profile]).map_err(err)?;
    let id: i64 = store
        .connection()
        .query_row("SELECT id FROM customer WHERE name = '权力地图基准集团'", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    let ids: Vec<i64> = store.contacts(id).map_err(err)?.iter().map(|c| c.id).collect::<Vec<_>>();
    let mut sorted = ids.clone();
    sorted.sort();
    // 153 informal edges between deterministic pairs; refused ones (self, duplicate) skipped.
    let mut added = 0;
    let mut k = 0u64;
    while added < EDGES - (CONTACTS - roots.len()) {
        k += 1;
        let from = sorted[((k * 7 + 3) % CONTACTS as u64) as usize];
        let to = sorted[((k * 13 + 5 + k / 150) % CONTACTS as u64) as usize];
        let kind = if k.is_multiple_of(3) { EdgeKind::Conflicts } else { EdgeKind::Influences };
        if store.add_edge(id, None, &NewEdge { kind, from, to, label: "关系".into() }).is_ok() {
            added += 1;
        }
        if k > 100_000 {
            return Err("could not generate the edges".into());
        }
    }
    let slot = |buying_role| SlotInput { buying_role, label: String::new() };
    store
        .save_slots(
            id,
            None,
            &[
                slot(BuyingRole::DecisionMaker),
                slot(BuyingRole::Approver),
                slot(BuyingRole::Evaluator),
                slot(BuyingRole::Evaluator),
            ],
        )
        .map_err(err)?;
    Ok(id)
}

/// The reference layout: level by level, each node at its parent's column, moved right
/// until no node placed so far is in the way (every placement scans every placed node).
pub fn naive_layout(nodes: &[LayoutNode]) -> Vec<(f64, f64)> {
    let n = nodes.len();
    let mut level = vec![usize::MAX; n];
    let index = |id: i64| nodes.iter().position(|x| x.id == id);
    // Levels by repeated passes (quadratic on purpose, like the placement).
    for i in 0..n {
        if nodes[i].parent.and_then(index).is_none() {
            level[i] = 0;
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..n {
            if level[i] == usize::MAX {
                if let Some(p) = nodes[i].parent.and_then(index) {
                    if level[p] != usize::MAX {
                        level[i] = level[p] + 1;
                        changed = true;
                    }
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (level[i], nodes[i].id));
    let mut placed: Vec<(usize, f64, f64)> = Vec::with_capacity(n);
    for i in order {
        let y = level[i].min(n) as f64 * Y_GAP;
        let mut x = nodes[i]
            .parent
            .and_then(|p| placed.iter().find(|(j, _, _)| nodes[*j].id == p).map(|(_, x, _)| *x))
            .unwrap_or(0.0);
        while placed.iter().any(|(_, px, py)| (*py - y).abs() < Y_GAP && (*px - x).abs() < X_GAP) {
            x += X_GAP;
        }
        placed.push((i, x, y));
    }
    placed.sort_by_key(|(i, _, _)| *i);
    placed.into_iter().map(|(_, x, y)| (x, y)).collect()
}

fn layout_input(map: &MapView) -> Vec<LayoutNode> {
    map.nodes
        .iter()
        .map(|n| LayoutNode {
            id: n.contact_id,
            parent: n.reports_to,
            weight: n.assessment.as_ref().and_then(|a| a.influence).unwrap_or(0) * 2 + i64::from(n.is_key_person),
        })
        .collect()
}

/// The plain SQL load of the map's rows: the reading alone, no processing.
mod raw {
    use dossier_core::Store;

    pub type Rows = (
        Vec<(i64, String, Option<i64>, bool)>,
        Vec<(i64, Option<String>, Option<i64>, Option<i64>)>,
        Vec<(i64, String, i64, i64)>,
    );

    pub fn load(store: &Store, id: i64) -> Rows {
        let conn = store.connection();
        let contacts = conn
            .prepare_cached(
                "SELECT id, name, reports_to, is_key_person FROM contact WHERE customer_id = ?1 AND deleted_at IS NULL",
            )
            .and_then(|mut st| st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect())
            .unwrap_or_default();
        let roles = conn
            .prepare_cached("SELECT contact_id, buying_role, support, influence FROM role_assessment WHERE customer_id = ?1 AND scope_id = 0")
            .and_then(|mut st| st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect())
            .unwrap_or_default();
        let edges = conn
            .prepare_cached("SELECT id, kind, from_id, to_id FROM power_edge WHERE customer_id = ?1")
            .and_then(|mut st| st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect())
            .unwrap_or_default();
        (contacts, roles, edges)
    }
}

/// Generates the map in a database in `dir` and times `runs` rounds.
pub fn run(runs: usize, dir: &Path) -> Result<Report, String> {
    let path = dir.join("power-map-bench.sqlite");
    let _ = std::fs::remove_file(&path);
    let store = Store::open(&path, Arc::new(FixedClock::on(2026, 11, 23))).map_err(|e| e.to_string())?;
    let id = generate(&store)?;
    let map = store.power_map(id, None).map_err(|e| e.to_string())?;
    let edges = map.edges.len();
    if map.nodes.len() != CONTACTS || edges != EDGES {
        return Err(format!("generated {} contacts and {edges} edges", map.nodes.len()));
    }
    let input = layout_input(&map);
    let placeholders = map.slots.iter().filter(|s| s.placeholder.is_some()).count();
    let (mut ours, mut load, mut naive, mut sql) = (vec![], vec![], vec![], vec![]);
    let time = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64() * 1000.0
    };
    for _ in 0..runs {
        ours.push(time(&mut || {
            std::hint::black_box(layout::layered(&input, placeholders));
        }));
        naive.push(time(&mut || {
            std::hint::black_box(naive_layout(&input));
        }));
        load.push(time(&mut || {
            std::hint::black_box(store.power_map(id, None).expect("map loads"));
        }));
        sql.push(time(&mut || {
            std::hint::black_box(raw::load(&store, id));
        }));
    }
    Ok(Report {
        contacts: map.nodes.len(),
        edges,
        runs,
        timings: vec![
            timing("core layout (layered tree)", ours),
            timing("reference: naive O(n²) layout", naive),
            timing("map load (Store::power_map: SQL + status + layout)", load),
            timing("reference: plain SQL load of the rows", sql),
        ],
    })
}

pub fn print(r: &Report) {
    println!("power map: {} contacts, {} edges, {} runs", r.contacts, r.edges, r.runs);
    println!("| what | p50 ms | p95 ms |");
    println!("|---|---:|---:|");
    for t in &r.timings {
        println!("| {} | {:.3} | {:.3} |", t.what, t.p50_ms, t.p95_ms);
    }
}
