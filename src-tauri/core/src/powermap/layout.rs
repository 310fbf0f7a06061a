//! The computed layout of a power map: a layered tree of the reports-to forest (roots on
//! top, each level one row lower), for the UI's ECharts `graph` with `layout: 'none'`.
//!
//! - Each tree is laid out "tidy": a subtree owns a contiguous band of columns, so subtrees
//!   never overlap; a parent is centred over its children; siblings are spread in order of
//!   influence (then id, so the layout is deterministic).
//! - A parent with more than [`WRAP`] children who have no reports of their own stacks them
//!   in rows under it (an org chart with 40 direct reports stays readable).
//! - Trees stand side by side, largest first. Contacts in no tree (no boss, no reports) fill
//!   a grid under the trees; placeholder nodes of empty role slots stand to the right of the
//!   top row.
//! - A reports-to cycle (only possible in data written by something that skipped the checks)
//!   is cut at its lowest contact id instead of looping.
//!
//! Coordinates are node centres in pixels, [`X_GAP`] apart horizontally and [`Y_GAP`]
//! vertically (room for a 150 × 90 node card). Positions the user dragged override these
//! (the store does that, not this module). Linear in the number of nodes.

use std::collections::HashMap;

use super::model::Point;

/// Horizontal distance between neighbouring node centres.
pub const X_GAP: f64 = 180.0;
/// Vertical distance between levels.
pub const Y_GAP: f64 = 140.0;
/// Leaf children beyond this many under one parent wrap into rows.
pub const WRAP: usize = 6;

/// A contact to place.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutNode {
    pub id: i64,
    /// Their boss; ignored when not among the nodes.
    pub parent: Option<i64>,
    /// Siblings with more weight (influence) stand further left.
    pub weight: i64,
}

/// Node centres in the order of the input, and the placeholders' centres.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub nodes: Vec<Point>,
    pub placeholders: Vec<Point>,
}

/// Lays out `nodes` and `placeholders` empty-slot nodes.
pub fn layered(nodes: &[LayoutNode], placeholders: usize) -> Layout {
    let n = nodes.len();
    let index: HashMap<i64, usize> = nodes.iter().enumerate().map(|(i, x)| (x.id, i)).collect();
    let mut parent: Vec<Option<usize>> = nodes
        .iter()
        .enumerate()
        .map(|(i, x)| x.parent.and_then(|p| index.get(&p).copied()).filter(|&p| p != i))
        .collect();
    cut_cycles(nodes, &mut parent);

    let order = |a: &usize, b: &usize| nodes[*b].weight.cmp(&nodes[*a].weight).then(nodes[*a].id.cmp(&nodes[*b].id));
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, p) in parent.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(i);
        }
    }
    for c in children.iter_mut() {
        c.sort_by(order);
    }

    // Widths in columns, children before parents (reverse of a pre-order walk).
    let mut pre: Vec<usize> = Vec::with_capacity(n);
    let mut stack: Vec<usize> = (0..n).filter(|&i| parent[i].is_none()).collect();
    while let Some(i) = stack.pop() {
        pre.push(i);
        stack.extend(children[i].iter().copied());
    }
    let mut width = vec![1.0_f64; n];
    let mut size = vec![1usize; n];
    for &i in pre.iter().rev() {
        let kids = &children[i];
        if kids.is_empty() {
            continue;
        }
        size[i] += kids.iter().map(|&c| size[c]).sum::<usize>();
        width[i] = match grid_columns(kids, &children) {
            Some(cols) => cols as f64,
            None => kids.iter().map(|&c| width[c]).sum(),
        };
    }

    let mut roots: Vec<usize> = (0..n).filter(|&i| parent[i].is_none() && !children[i].is_empty()).collect();
    roots.sort_by(|a, b| size[*b].cmp(&size[*a]).then(order(a, b)));
    let mut alone: Vec<usize> = (0..n).filter(|&i| parent[i].is_none() && children[i].is_empty()).collect();
    alone.sort_by(order);

    // Column (centre) and level of each node.
    let mut at = vec![(0.0_f64, 0usize); n];
    let mut left = 0.0;
    let mut deepest = 0usize;
    for (k, &r) in roots.iter().enumerate() {
        if k > 0 {
            left += 0.5; // a gap between trees
        }
        place(r, left, 0, &children, &width, &mut at, &mut deepest);
        left += width[r];
    }
    let trees_width = left;
    let mut right = trees_width;
    if !alone.is_empty() {
        let (first_level, cols) = if roots.is_empty() {
            (0, 4.max((2.0 * alone.len() as f64).sqrt().ceil() as usize))
        } else {
            (deepest + 1, WRAP.max(trees_width.floor() as usize))
        };
        for (k, &i) in alone.iter().enumerate() {
            at[i] = ((k % cols) as f64 + 0.5, first_level + k / cols);
        }
        right = right.max(cols.min(alone.len()) as f64);
    }
    let gap = if right > 0.0 { 0.5 } else { 0.0 };
    let placeholders = (0..placeholders).map(|k| Point { x: (right + gap + k as f64 + 0.5) * X_GAP, y: 0.0 }).collect();
    Layout {
        nodes: at.iter().map(|&(col, level)| Point { x: col * X_GAP, y: level as f64 * Y_GAP }).collect(),
        placeholders,
    }
}

/// Columns of the grid a parent's children wrap into, when they are many leaves.
fn grid_columns(kids: &[usize], children: &[Vec<usize>]) -> Option<usize> {
    if kids.len() <= WRAP || kids.iter().any(|&c| !children[c].is_empty()) {
        return None;
    }
    Some(WRAP.max((kids.len() as f64).sqrt().ceil() as usize))
}

/// Places the subtree of `i` in the band of columns starting at `left`.
fn place(
    i: usize,
    left: f64,
    level: usize,
    children: &[Vec<usize>],
    width: &[f64],
    at: &mut [(f64, usize)],
    deepest: &mut usize,
) {
    *deepest = (*deepest).max(level);
    let kids = &children[i];
    if kids.is_empty() {
        at[i] = (left + 0.5, level);
        return;
    }
    if let Some(cols) = grid_columns(kids, children) {
        for (k, &c) in kids.iter().enumerate() {
            let row_level = level + 1 + k / cols;
            at[c] = (left + (k % cols) as f64 + 0.5, row_level);
            *deepest = (*deepest).max(row_level);
        }
        at[i] = (left + width[i] / 2.0, level);
        return;
    }
    let mut cursor = left;
    for &c in kids {
        place(c, cursor, level + 1, children, width, at, deepest);
        cursor += width[c];
    }
    let (first, last) = (at[kids[0]].0, at[kids[kids.len() - 1]].0);
    at[i] = ((first + last) / 2.0, level);
}

/// Cuts every reports-to cycle at its member with the lowest id, so the links form a forest.
fn cut_cycles(nodes: &[LayoutNode], parent: &mut [Option<usize>]) {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; nodes.len()];
    for start in 0..nodes.len() {
        let mut path: Vec<usize> = Vec::new();
        let mut cursor = Some(start);
        while let Some(c) = cursor {
            match state[c] {
                DONE => break,
                ON_PATH => {
                    let from = path.iter().position(|&p| p == c).expect("on the path");
                    let cut = *path[from..].iter().min_by_key(|&&p| nodes[p].id).expect("non-empty cycle");
                    parent[cut] = None;
                    break;
                }
                _ => {}
            }
            state[c] = ON_PATH;
            path.push(c);
            cursor = parent[c];
        }
        for p in path {
            state[p] = DONE;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: i64, parent: Option<i64>) -> LayoutNode {
        LayoutNode { id, parent, weight: 0 }
    }

    #[test]
    fn a_cycle_is_cut_not_followed() {
        let nodes = [node(1, Some(3)), node(2, Some(1)), node(3, Some(2))];
        let l = layered(&nodes, 0);
        // Cut at 1: 1 is the root, 2 under it, 3 under 2.
        assert_eq!(l.nodes[0].y, 0.0);
        assert_eq!(l.nodes[1].y, Y_GAP);
        assert_eq!(l.nodes[2].y, 2.0 * Y_GAP);
    }

    #[test]
    fn many_leaf_reports_wrap_into_rows() {
        let mut nodes = vec![node(0, None)];
        nodes.extend((1..=20).map(|i| node(i, Some(0))));
        let l = layered(&nodes, 0);
        let rows: std::collections::BTreeSet<i64> = l.nodes[1..].iter().map(|p| p.y as i64).collect();
        assert!(rows.len() > 1, "20 reports in several rows");
        let cols: std::collections::BTreeSet<i64> = l.nodes[1..].iter().map(|p| p.x as i64).collect();
        assert!(cols.len() <= 6 && cols.len() >= WRAP);
    }

    #[test]
    fn isolated_contacts_go_below_the_trees_and_placeholders_to_the_right() {
        let nodes = [node(1, None), node(2, Some(1)), node(3, None)];
        let l = layered(&nodes, 2);
        assert!(l.nodes[2].y > l.nodes[1].y);
        let right = l.nodes.iter().map(|p| p.x).fold(f64::MIN, f64::max);
        assert!(l.placeholders.iter().all(|p| p.x > right && p.y == 0.0));
        assert!(l.placeholders[1].x > l.placeholders[0].x);
    }
}
