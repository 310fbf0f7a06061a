//! The core's layering, checked on its own source so a slip fails `cargo test` instead of
//! waiting for a reviewer:
//!
//! - the `crate::` edges between the top-level modules form no cycle;
//! - the foundation ([`FOUNDATION`]) uses no feature module;
//! - every edge between features is one that ARCHITECTURE.md's code map names ("May use …"),
//!   and a line there names only modules listed before it, so the map is the layering;
//! - SQL runs only in the files listed in [`SQL_FILES`]: the feature folders' store parts and
//!   `db/`.
//!
//! Edges are read from the text: every `crate::module` (and every name in `crate::{…}`) outside
//! comments, test code included, since a test's import ties the modules together as well.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules every feature may use and that use no feature themselves.
const FOUNDATION: &[&str] =
    &["clock", "codes", "db", "desktop", "error", "files", "private_file", "store", "text", "writer_lock"];

/// The files (under `src/`) that may run SQL: each feature's store part, and `db/`.
const SQL_FILES: &[&str] = &[
    "activity/home.rs",
    "activity/timeline.rs",
    "backup/copy.rs",
    "backup/settings.rs",
    "backup/store.rs",
    "customers/catch_up.rs",
    "customers/contacts.rs",
    "customers/lifecycle.rs",
    "customers/search.rs",
    "customers/sections.rs",
    "customers/store.rs",
    "db/backfill.rs",
    "db/mod.rs",
    "db/search_tables.rs",
    "erase/free_text.rs",
    "erase/links.rs",
    "erase/store.rs",
    "erase/traces.rs",
    "export/report.rs",
    "import/catch_up_tests.rs",
    "import/history_tests.rs",
    "import/pipeline_tests.rs",
    "import/store.rs",
    "import/templates.rs",
    "import/undo.rs",
    "opportunities/pipeline.rs",
    "opportunities/search.rs",
    "opportunities/stage_stats.rs",
    "opportunities/store.rs",
    "payments/bulk.rs",
    "payments/report.rs",
    "payments/store.rs",
    "powermap/store/assessments.rs",
    "powermap/store/contacts.rs",
    "powermap/store/edges.rs",
    "powermap/store/mod.rs",
    "powermap/store/scopes.rs",
    "powermap/store/seed.rs",
    "powermap/store/views.rs",
    "profile/bulk.rs",
    "profile/sections.rs",
    "profile/store.rs",
    "results/store.rs",
    "risk/as_of.rs",
    "risk/store.rs",
    "search/backlog.rs",
    "search/index.rs",
    "search/items.rs",
    "search/mod.rs",
    "settings/store.rs",
    "trash/delete.rs",
    "trash/mod.rs",
    "trash/removal.rs",
    "trash/restore.rs",
    "trash/snapshot.rs",
    "trends/cache.rs",
    "trends/purchase_summary.rs",
    "trends/purchases.rs",
    "trends/store.rs",
    "visits/actions.rs",
    "visits/bulk.rs",
    "visits/search.rs",
    "visits/store.rs",
    "weekly/store.rs",
];

/// What runs SQL on a connection.
const SQL_CALLS: &[&str] = &["prepare(", "prepare_cached(", "execute(", "query_row(", "execute_batch("];

/// Names the crate root re-exports, and the module each comes from.
const ROOT_NAMES: &[(&str, &str)] = &[
    ("Store", "store"),
    ("Clock", "clock"),
    ("FixedClock", "clock"),
    ("ShiftedClock", "clock"),
    ("SystemClock", "clock"),
    ("CoreError", "error"),
    ("Reason", "error"),
    ("Result", "error"),
];

/// Edges between top-level modules: from → {to}.
type Graph = BTreeMap<String, BTreeSet<String>>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, as paths relative to `src/` with `/` separators.
fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("read src/") {
        let path = entry.expect("read src/").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(src()).expect("under src/");
            out.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
}

/// The top-level module a file belongs to (`None` for the crate root and this checker).
fn module_of(file: &str) -> Option<&str> {
    let first = file.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "architecture")).then_some(name)
}

/// The code of a file without its comments (line comments and doc comments; the core has no
/// block comments).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names through `crate::`.
fn used_modules(code: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let mut name = |n: &str| {
        let n = n.trim();
        let n = n.split("::").next().unwrap_or(n).split_whitespace().next().unwrap_or("");
        if n.is_empty() || n == "self" {
            return;
        }
        let module = ROOT_NAMES.iter().find(|(root, _)| *root == n).map_or(n, |(_, m)| m);
        used.insert(module.to_string());
    };
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `dossier_crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::{c, d}, e}`: the first segment of each top-level item
            let (mut depth, mut item) = (0, String::new());
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => name(&std::mem::take(&mut item)),
                    _ if depth == 0 => item.push(ch),
                    _ => {}
                }
            }
            name(&item);
        } else {
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
            name(&rest[..end]);
        }
    }
    used
}

/// Modules the code map leaves out: they run in tests only.
const TEST_ONLY: &[&str] = &["bindings"];

/// The features of ARCHITECTURE.md's code map, in its order, each with the modules its line
/// says it may use: the bullets between "**Features**" and the next paragraph in bold.
fn code_map() -> Vec<(String, BTreeSet<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ARCHITECTURE.md");
    let text = std::fs::read_to_string(&path).expect("read ARCHITECTURE.md");
    let start = text.find("**Features**").expect("ARCHITECTURE.md has a **Features** list");
    let list = &text[start..];
    let list = &list[..list[2..].find("\n**").map_or(list.len(), |i| i + 2)];
    let mut bullets: Vec<String> = Vec::new();
    for line in list.lines() {
        if let Some(b) = line.strip_prefix("- ") {
            bullets.push(b.to_string());
        } else if let (Some(last), Some(more)) = (bullets.last_mut(), line.strip_prefix("  ")) {
            last.push(' ');
            last.push_str(more);
        }
    }
    let ticked = |s: &str| -> Vec<String> { s.split('`').skip(1).step_by(2).map(str::to_string).collect() };
    bullets
        .iter()
        .map(|b| {
            let name = ticked(b).first().cloned().unwrap_or_default();
            let name = name.trim_end_matches('/').trim_end_matches(".rs").to_string();
            let uses = b.split_once("May use").map_or(Vec::new(), |(_, rest)| ticked(rest));
            (name, uses.into_iter().collect())
        })
        .collect()
}

/// The module graph of `src/`, and for each edge a file that makes it.
fn graph() -> (Graph, BTreeMap<(String, String), String>) {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let (mut graph, mut witness) = (Graph::new(), BTreeMap::new());
    for file in files {
        let Some(from) = module_of(&file) else { continue };
        let text = std::fs::read_to_string(src().join(&file)).expect("read a source file");
        for to in used_modules(&code(&text)) {
            if to != from {
                witness.entry((from.to_string(), to.clone())).or_insert_with(|| file.clone());
                graph.entry(from.to_string()).or_default().insert(to);
            }
        }
    }
    (graph, witness)
}

/// A cycle of the graph as the path `a → b → … → a`, or `None` when it has none.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(node: &str, graph: &Graph, marks: &mut BTreeMap<String, Mark>, path: &mut Vec<String>) -> bool {
        match marks.get(node) {
            Some(Mark::Done) => return false,
            Some(Mark::Open) => {
                let start = path.iter().position(|n| n == node).expect("an open node is on the path");
                path.drain(..start);
                path.push(node.to_string());
                return true;
            }
            None => {}
        }
        marks.insert(node.to_string(), Mark::Open);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if visit(next, graph, marks, path) {
                return true;
            }
        }
        path.pop();
        marks.insert(node.to_string(), Mark::Done);
        false
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        let mut path = Vec::new();
        if visit(node, graph, &mut marks, &mut path) {
            return Some(path);
        }
    }
    None
}

fn made_up(edges: &[(&str, &str)]) -> Graph {
    let mut graph = Graph::new();
    for (from, to) in edges {
        graph.entry(from.to_string()).or_default().insert(to.to_string());
    }
    graph
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_passes_a_dag() {
    let dag = made_up(&[("export", "customers"), ("customers", "error"), ("export", "error"), ("visits", "customers")]);
    assert_eq!(find_cycle(&dag), None);
    let cyclic =
        made_up(&[("export", "customers"), ("customers", "search"), ("search", "store"), ("store", "customers")]);
    assert_eq!(find_cycle(&cyclic).unwrap(), ["customers", "search", "store", "customers"]);
    assert_eq!(find_cycle(&made_up(&[("a", "a")])).unwrap(), ["a", "a"]);
}

#[test]
fn the_reader_sees_uses_groups_and_paths_but_not_comments() {
    let code = code(
        "use crate::customers::{Customer, Section};\n\
         use crate::{search, text as normalize};\n\
         /// See [`crate::powermap`].\n\
         let x = crate::Store::open(p, crate::trends::month::parse(m));\n\
         use crate::risk::{rollup::{Hit, Lights}, RiskLight}; // crate::visits",
    );
    let used: Vec<_> = used_modules(&code).into_iter().collect();
    assert_eq!(used, ["customers", "risk", "search", "store", "text", "trends"]);
}

#[test]
fn the_modules_form_no_cycle() {
    let (graph, witness) = graph();
    if let Some(cycle) = find_cycle(&graph) {
        let edges: Vec<String> = cycle
            .windows(2)
            .map(|w| format!("{} → {} ({})", w[0], w[1], witness[&(w[0].clone(), w[1].clone())]))
            .collect();
        panic!("the core's modules form a cycle: {}\n  {}", cycle.join(" → "), edges.join("\n  "));
    }
}

#[test]
fn the_foundation_uses_no_feature() {
    let (graph, witness) = graph();
    let wrong: Vec<String> = graph
        .iter()
        .filter(|(from, _)| FOUNDATION.contains(&from.as_str()))
        .flat_map(|(from, tos)| tos.iter().map(move |to| (from, to)))
        .filter(|(_, to)| !FOUNDATION.contains(&to.as_str()))
        .map(|(from, to)| format!("{from} → {to} ({})", witness[&(from.clone(), to.clone())]))
        .collect();
    assert!(wrong.is_empty(), "foundation modules use features:\n  {}", wrong.join("\n  "));
}

#[test]
fn sql_runs_only_in_the_store_files() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut wrong = Vec::new();
    for file in files.iter().filter(|f| !SQL_FILES.contains(&f.as_str()) && module_of(f).is_some()) {
        let text = std::fs::read_to_string(src().join(file)).expect("read a source file");
        let code = code(&text);
        let code = code.split("#[cfg(test)]").next().unwrap_or_default(); // tests may set files up
        if let Some(call) = SQL_CALLS.iter().find(|call| code.contains(&format!(".{call}"))) {
            wrong.push(format!("{file}: {call}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "SQL outside the store files (src/architecture.rs lists them):\n  {}",
        wrong.join("\n  ")
    );
    for file in SQL_FILES {
        assert!(files.iter().any(|f| f == file), "SQL_FILES names {file}, which does not exist");
    }
}

#[test]
fn the_code_map_in_architecture_md_is_the_layering() {
    let map = code_map();
    let (graph, witness) = graph();
    let listed: Vec<&str> = map.iter().map(|(name, _)| name.as_str()).collect();
    let mut wrong = Vec::new();
    for (i, (name, uses)) in map.iter().enumerate() {
        for used in uses.iter().filter(|u| !listed[..i].contains(&u.as_str())) {
            wrong.push(format!("the line of {name} names {used}, which is not listed before it"));
        }
    }
    for (from, tos) in &graph {
        let skip = |m: &str| FOUNDATION.contains(&m) || TEST_ONLY.contains(&m);
        if skip(from) {
            continue;
        }
        let Some((_, uses)) = map.iter().find(|(name, _)| name == from) else {
            wrong.push(format!("{from} has no line in the code map"));
            continue;
        };
        for to in tos.iter().filter(|to| !skip(to) && !uses.contains(*to)) {
            wrong.push(format!(
                "{from} → {to} ({}), which its line does not name",
                witness[&(from.clone(), to.clone())]
            ));
        }
    }
    assert!(wrong.is_empty(), "ARCHITECTURE.md's code map and the code disagree:\n  {}", wrong.join("\n  "));
}
