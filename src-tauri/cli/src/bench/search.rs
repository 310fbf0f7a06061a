//! `dossier-cli bench search`: latency of the app's search per query class, against the
//! reference — the naive `LIKE '%q%'` scan over the same entries — measured in the same run.
//! Queries are drawn deterministically from the database's own names and phone numbers, so
//! every query has hits, as a user's would.

use std::time::Instant;

use dossier_core::Store;
use serde::Serialize;

#[derive(Serialize)]
pub struct ClassReport {
    pub class: &'static str,
    pub queries: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub reference_p50_ms: f64,
    pub reference_p95_ms: f64,
    /// reference p95 ÷ search p95.
    pub speedup_p95: f64,
}

/// The query classes of the benchmark and how a query of each is cut from sampled data.
/// "other-reading" is a contact's name in full pinyin or initials under another reading than
/// the usual one ("zengwei", "zw" for 曾伟), found through `search_entry.readings` and
/// `search_initials`.
const CLASSES: [&str; 6] = ["1-char", "2-char", "3+-char", "pinyin-initials", "phone", "other-reading"];

/// Deterministic sampling without a dependency: a linear congruential sequence.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn sample_queries(store: &Store, class: &str, n: usize) -> Result<Vec<String>, String> {
    let conn = store.connection();
    let max: i64 = conn.query_row("SELECT max(id) FROM search_entry", [], |r| r.get(0)).unwrap_or(0);
    if max < 1000 {
        return Err("the database is too small to benchmark: run `dossier-cli demo --db FILE --scale 5556` first (200k customers, 400k contacts)".into());
    }
    let mut rng = Lcg(42 + class.len() as u64);
    let mut out = Vec::with_capacity(n);
    let mut tries = 0;
    while out.len() < n && tries < n * 50 {
        tries += 1;
        let id = 1 + rng.below(max as usize) as i64;
        let row: Option<(String, String, String, String, String)> = conn
            .query_row(
                "SELECT kind, names, initials, body, readings FROM search_entry WHERE id >= ?1 LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .ok();
        let Some((kind, names, initials, body, readings)) = row else { continue };
        let name: Vec<char> = names.split(' ').next().unwrap_or("").chars().collect();
        let cut = |len: usize, rng: &mut Lcg| -> Option<String> {
            (name.len() >= len).then(|| {
                let start = rng.below(name.len() - len + 1);
                name[start..start + len].iter().collect()
            })
        };
        let q = match class {
            "1-char" => cut(1, &mut rng),
            "2-char" => cut(2, &mut rng),
            "3+-char" => cut(3 + rng.below(2), &mut rng),
            "pinyin-initials" => (kind == "contact" && initials.len() >= 2).then(|| initials.clone()),
            "other-reading" => {
                let tokens: Vec<&str> = readings.split(' ').filter(|t| t.len() >= 2).collect();
                (kind == "contact" && !tokens.is_empty()).then(|| tokens[rng.below(tokens.len())].to_string())
            }
            _ => body.split(' ').find(|t| t.len() == 11 && t.chars().all(|c| c.is_ascii_digit())).map(|phone| {
                let len = 4 + rng.below(4);
                let start = rng.below(11 - len + 1);
                phone[start..start + len].to_string()
            }),
        };
        if let Some(q) = q {
            out.push(q);
        }
    }
    Ok(out)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    (sorted[idx] * 1000.0).round() / 1000.0
}

fn time_each(queries: &[String], mut f: impl FnMut(&str)) -> Vec<f64> {
    let mut ms: Vec<f64> = queries
        .iter()
        .map(|q| {
            let t = Instant::now();
            f(q);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    ms
}

/// The naive reference: scan every entry's searchable text (the body and the other readings)
/// with LIKE, with the same candidate cap.
fn reference(store: &Store, q: &str) {
    let like = format!("%{}%", dossier_core::search::normalize_query(q));
    let mut st = store
        .connection()
        .prepare_cached("SELECT id FROM search_entry WHERE body LIKE ?1 OR readings LIKE ?1 LIMIT 200")
        .expect("reference query prepares");
    let n = st.query_map([like], |r| r.get::<_, i64>(0)).expect("reference runs").count();
    std::hint::black_box(n);
}

pub fn search(store: &Store, n: usize) -> Result<Vec<ClassReport>, String> {
    let mut reports = Vec::new();
    for class in CLASSES {
        let queries = sample_queries(store, class, n)?;
        // Warm the page cache and statement cache once, as an open app would be.
        for q in queries.iter().take(20) {
            store.search(q, 8).map_err(|e| e.to_string())?;
        }
        let ours = time_each(&queries, |q| {
            std::hint::black_box(store.search(q, 8).expect("search runs"));
        });
        // The reference is slow: time a tenth of the queries (at least 30).
        let ref_queries: Vec<String> = queries.iter().step_by(10.min(queries.len() / 30).max(1)).cloned().collect();
        let theirs = time_each(&ref_queries, |q| reference(store, q));
        let (p95, ref_p95) = (percentile(&ours, 0.95), percentile(&theirs, 0.95));
        reports.push(ClassReport {
            class,
            queries: queries.len(),
            p50_ms: percentile(&ours, 0.5),
            p95_ms: p95,
            reference_p50_ms: percentile(&theirs, 0.5),
            reference_p95_ms: ref_p95,
            speedup_p95: if p95 > 0.0 { (ref_p95 / p95 * 10.0).round() / 10.0 } else { 0.0 },
        });
    }
    Ok(reports)
}

pub fn print_table(reports: &[ClassReport]) {
    println!(
        "{:<16} {:>7} {:>9} {:>9} {:>12} {:>12} {:>9}",
        "class", "queries", "p50 ms", "p95 ms", "ref p50 ms", "ref p95 ms", "speedup"
    );
    for r in reports {
        println!(
            "{:<16} {:>7} {:>9.3} {:>9.3} {:>12.3} {:>12.3} {:>8.1}×",
            r.class, r.queries, r.p50_ms, r.p95_ms, r.reference_p50_ms, r.reference_p95_ms, r.speedup_p95
        );
    }
}
