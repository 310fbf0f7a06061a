//! `dossier-cli bench search`: latency of the app's search per query class, against the
//! reference — the naive `LIKE '%q%'` scan over the same entries — measured in the same run.
//! Queries are drawn deterministically from the database's own names, phone numbers, record
//! text, deal and supplier names, so every query has hits, as a user's would. Every query is
//! timed as the palette runs it: one search over all five kinds.

use std::time::Instant;

use dossier_core::search::items::item_id;
use dossier_core::search::HitKind;
use dossier_core::text::readings;
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
/// "records", "deals" and "competitors" are cut from the follow-up records' text, the deals'
/// names and competitors, and the profile suppliers' names (`search_item`): a piece of 1–4
/// characters, or for the names their initials or full pinyin.
const CLASSES: [&str; 9] =
    ["1-char", "2-char", "3+-char", "pinyin-initials", "phone", "other-reading", "records", "deals", "competitors"];

/// The kind of item a class samples (`None`: customers and contacts).
fn item_kind(class: &str) -> Option<HitKind> {
    match class {
        "records" => Some(HitKind::Visit),
        "deals" => Some(HitKind::Opportunity),
        "competitors" => Some(HitKind::Supplier),
        _ => None,
    }
}

/// Deterministic sampling without a dependency: a linear congruential sequence.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A piece of 1–4 characters of `value` (letters and digits only), or nothing when it has none
/// that long.
fn piece(value: &str, rng: &mut Lcg) -> Option<String> {
    let chars: Vec<char> = value.chars().collect();
    let len = 1 + rng.below(4);
    (chars.len() >= len)
        .then(|| chars[rng.below(chars.len() - len + 1)..][..len].iter().collect::<String>())
        .filter(|p: &String| p.chars().all(char::is_alphanumeric))
}

/// Queries cut from the items of one kind: pieces of their values; of names, also their
/// initials or full pinyin (a third of the time).
fn sample_item_queries(store: &Store, kind: HitKind, n: usize) -> Result<Vec<String>, String> {
    let conn = store.connection();
    let (lo, hi) = (item_id(kind, 0), item_id(kind, (1 << 40) - 1));
    let max: i64 = conn
        .query_row("SELECT coalesce(max(id), 0) FROM search_item WHERE id BETWEEN ?1 AND ?2", [lo, hi], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if max - lo < 1000 {
        return Err(format!(
            "too few {} items to benchmark: run `dossier-cli demo --db FILE --scale 5556 --deals 1 --visits 1` first",
            kind.code()
        ));
    }
    let mut rng = Lcg(7 + kind.code().len() as u64);
    let mut out = Vec::with_capacity(n);
    let mut tries = 0;
    while out.len() < n && tries < n * 50 {
        tries += 1;
        let id = lo + 1 + rng.below((max - lo) as usize) as i64;
        let text: Option<String> = conn
            .query_row("SELECT text FROM search_item WHERE id >= ?1 AND id <= ?2 LIMIT 1", [id, hi], |r| r.get(0))
            .ok();
        let Some(text) = text else { continue };
        let values: Vec<&str> = text.split('\n').collect();
        let value = values[rng.below(values.len())];
        let q = if kind != HitKind::Visit && rng.below(3) == 0 {
            readings(value).into_iter().next().map(|r| if rng.below(2) == 0 { r.initials } else { r.full })
        } else {
            piece(value, &mut rng)
        };
        if let Some(q) = q.filter(|q| !q.is_empty()) {
            out.push(q);
        }
    }
    Ok(out)
}

fn sample_queries(store: &Store, class: &str, n: usize) -> Result<Vec<String>, String> {
    if let Some(kind) = item_kind(class) {
        return sample_item_queries(store, kind, n);
    }
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

/// The naive reference: the whole search as LIKE scans with the same candidate cap — every
/// entry's searchable text (the body and the other readings), then each kind's items' text.
fn reference(store: &Store, q: &str) {
    let like = format!("%{}%", dossier_core::search::normalize_query(q));
    let conn = store.connection();
    let mut st = conn
        .prepare_cached("SELECT id FROM search_entry WHERE body LIKE ?1 OR readings LIKE ?1 LIMIT 200")
        .expect("reference query prepares");
    let mut n = st.query_map([&like], |r| r.get::<_, i64>(0)).expect("reference runs").count();
    let mut st = conn
        .prepare_cached("SELECT id FROM search_item WHERE kind = ?1 AND text LIKE ?2 LIMIT 200")
        .expect("reference query prepares");
    for kind in dossier_core::search::items::ITEM_KINDS {
        n += st.query_map([kind.code(), &like], |r| r.get::<_, i64>(0)).expect("reference runs").count();
    }
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
