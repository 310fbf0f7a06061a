//! `dossier-cli bench trends`: purchase trends on a generated database (`dossier-cli demo
//! --scale 56 --purchases 14`: 2,016 customers × 14 of 50 products × 36 months ≈ 1M records).
//! Timed per run, each against its straightforward reference in the same run:
//! - one customer's trend data (`Store::trend_data`, 36 months: series, a year earlier,
//!   categories, signals) against a plain `GROUP BY product, month` of its rows and the
//!   detectors in Rust;
//! - the signal feed across all customers (`Store::signal_feed`, first page of 50, from the
//!   cache) against a plain `GROUP BY customer_id, product, month` over the whole table, the
//!   detectors in Rust, sorted, first 50;
//! - the feed again right after a hand edit (one customer recomputed first);
//! - the portfolio chart (24 months, top 5 movers);
//! - the feed's first read after a threshold change in 设置 (the surge threshold moved back
//!   and forth) and after a month change (the file reopened with the clock a month earlier
//!   and back; and into the next month, whose purchases are not in yet), each against
//!   recomputing the whole cache from the purchase rows (every customer marked dirty: what
//!   both cost before the cache kept each product's series).

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use dossier_core::settings::Settings;
use dossier_core::trends::detect::Thresholds;
use dossier_core::trends::month;
use dossier_core::trends::series::{Ledger, Record, CNY};
use dossier_core::trends::signals::{feed_order, purchase_signals};
use dossier_core::trends::{FeedQuery, PortfolioQuery, PurchaseQuery, TrendRange, TrendSignal};
use dossier_core::{FixedClock, Store};
use serde::Serialize;

#[derive(Serialize)]
pub struct Timing {
    pub what: &'static str,
    pub runs: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    /// Reference p50 ÷ ours, when there is a reference.
    pub ratio_p50: Option<f64>,
    pub ratio_p95: Option<f64>,
}

#[derive(Serialize)]
pub struct Report {
    pub customers: i64,
    pub purchases: i64,
    pub signals: i64,
    /// The first run of "the whole cache recomputed" (the p50 of its runs is in `timings`).
    pub full_refresh_ms: f64,
    pub timings: Vec<Timing>,
}

/// How long `f` took, in ms, and what it returned (also `bench risk`).
pub fn time<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed().as_secs_f64() * 1000.0, out)
}

/// p50/p95 of `ms`, with the ratios to a reference timed in the same run (also `bench risk`).
pub fn timing(what: &'static str, ms: &[f64], reference: Option<&[f64]>) -> Timing {
    let (p50, p95) = (super::median(ms), super::p95(ms));
    let ratio = |r: f64, ours: f64| super::round2(r / ours.max(1e-9));
    Timing {
        what,
        runs: ms.len(),
        p50_ms: super::round3(p50),
        p95_ms: super::round3(p95),
        ratio_p50: reference.map(|r| ratio(super::median(r), p50)),
        ratio_p95: reference.map(|r| ratio(super::p95(r), p95)),
    }
}

/// The reference signals of every customer: one `GROUP BY` over the raw table, the detectors
/// on each customer's sums, all sorted, the first `limit`.
fn reference_feed(
    store: &Store,
    t: &Thresholds,
    evaluated: month::Month,
    limit: usize,
) -> Result<Vec<TrendSignal>, String> {
    let conn = store.connection();
    let mut st = conn
        .prepare(
            "SELECT customer_id, product, month, sum(amount) FROM purchase WHERE currency = 'CNY'
             GROUP BY customer_id, product, month",
        )
        .map_err(|e| e.to_string())?;
    let mut rows = st.query([]).map_err(|e| e.to_string())?;
    let (mut all, mut ledger, mut current) = (Vec::new(), Ledger::default(), None);
    while let Some(r) = rows.next().map_err(|e| e.to_string())? {
        let id: i64 = r.get(0).map_err(|e| e.to_string())?;
        if current != Some(id) {
            if let Some(done) = current {
                all.extend(purchase_signals(done, &ledger.amounts(), t, evaluated));
            }
            (ledger, current) = (Ledger::default(), Some(id));
        }
        let (product, m, amount): (String, String, Option<f64>) = (
            r.get(1).map_err(|e| e.to_string())?,
            r.get(2).map_err(|e| e.to_string())?,
            r.get(3).map_err(|e| e.to_string())?,
        );
        if let Some(month) = month::parse(&m) {
            ledger.add(&Record { product: &product, category: "", month, currency: CNY, amount, quantity: None });
        }
    }
    if let Some(done) = current {
        all.extend(purchase_signals(done, &ledger.amounts(), t, evaluated));
    }
    all.sort_by(feed_order);
    all.truncate(limit);
    Ok(all)
}

/// One customer's reference: its rows summed per product and month, then the detectors.
fn reference_customer(
    store: &Store,
    id: i64,
    t: &Thresholds,
    evaluated: month::Month,
) -> Result<Vec<TrendSignal>, String> {
    let mut st = store
        .connection()
        .prepare_cached("SELECT product, month, sum(amount) FROM purchase WHERE customer_id = ?1 AND currency = 'CNY' GROUP BY product, month")
        .map_err(|e| e.to_string())?;
    let rows: Vec<(String, String, Option<f64>)> = st
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())?;
    let mut ledger = Ledger::default();
    for (product, m, amount) in &rows {
        if let Some(month) = month::parse(m) {
            ledger.add(&Record { product, category: "", month, currency: CNY, amount: *amount, quantity: None });
        }
    }
    Ok(purchase_signals(id, &ledger.amounts(), t, evaluated))
}

/// The first feed read after each of `runs` changes `change` makes (untimed).
fn after(store: &Store, runs: usize, mut change: impl FnMut(usize) -> Result<(), String>) -> Result<Vec<f64>, String> {
    let page = FeedQuery::default();
    (0..runs)
        .map(|i| {
            change(i)?;
            let (ms, read) = time(|| store.signal_feed(&page));
            read.map_err(|e| e.to_string())?;
            Ok(ms)
        })
        .collect()
}

/// `store` reopened on `db` with its clock on the 15th of the month `m`.
fn reopen(store: Store, db: &Path, m: month::Month) -> Result<Store, String> {
    drop(store); // its writer lock first
    let clock = FixedClock::on(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 15);
    Store::open(db, Arc::new(clock)).map_err(|e| e.to_string())
}

/// The benchmark on the file `db`, which `store` has open (it is reopened with other clocks).
pub fn run(store: Store, db: &Path, runs: usize) -> Result<Report, String> {
    let err = |e: dossier_core::CoreError| e.to_string();
    let stats = store.stats().map_err(err)?;
    if stats.purchases < 100_000 {
        return Err(format!(
            "the database has {} purchase records: generate the benchmark's with `dossier-cli demo --db FILE --scale 56 --purchases 14` (≈1M)",
            stats.purchases
        ));
    }
    let conn = store.connection();
    let ids: Vec<i64> = conn
        .prepare("SELECT DISTINCT customer_id FROM purchase ORDER BY customer_id")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| e.to_string())?;
    let settings: Settings = store.settings().map_err(err)?;
    let t = Thresholds::from(&settings);
    let evaluated = month::of_date(store.clock().today()) - 1;

    // The whole cache from the purchase rows: a few runs, each about a second (release).
    let full = after(&store, runs.clamp(1, 5), |_| {
        conn.execute("INSERT OR IGNORE INTO trend_dirty SELECT id FROM customer", [])
            .map(|_| ())
            .map_err(|e| e.to_string())
    })?;
    let signals = store.signal_feed(&FeedQuery { limit: 1, ..Default::default() }).map_err(err)?.total;
    let threshold = after(&store, runs, |i| {
        let surge_pct = settings.surge_pct + if i % 2 == 0 { 10.0 } else { 0.0 };
        store.save_settings(&Settings { surge_pct, ..settings.clone() }).map(|_| ()).map_err(err)
    })?;
    // The settings as found, their signals back in the cache before the next timings.
    store.save_settings(&settings).map_err(err)?;
    store.signal_feed(&FeedQuery::default()).map_err(err)?;

    let range = TrendRange::Last { months: 36 };
    let (mut one, mut one_ref) = (vec![], vec![]);
    for i in 0..runs {
        let id = ids[(i * 7919) % ids.len()];
        one.push(time(|| store.trend_data(id, &range).map(|_| ())).0);
        one_ref.push(time(|| reference_customer(&store, id, &t, evaluated).map(|_| ())).0);
    }
    let page = FeedQuery::default();
    let feed: Vec<f64> = (0..runs).map(|_| time(|| store.signal_feed(&page).map(|_| ())).0).collect();
    // The reference takes about a second a run: fewer runs.
    let ref_runs = runs.clamp(1, 20);
    let mut feed_ref = Vec::with_capacity(ref_runs);
    for _ in 0..ref_runs {
        let (ms, r) = time(|| reference_feed(&store, &t, evaluated, 50));
        r?;
        feed_ref.push(ms);
    }
    // After a hand edit: the edited customer is recomputed before the page is read.
    let first =
        store.purchases(ids[0], &PurchaseQuery { limit: 1, ..Default::default() }).map_err(err)?.rows[0].clone();
    let after_edit: Vec<f64> = (0..runs)
        .map(|_| {
            store.update_purchase(first.id, &first.fields).map(|_| ()).map_err(err)?;
            Ok(time(|| store.signal_feed(&page).map(|_| ())).0)
        })
        .collect::<Result<_, String>>()?;
    let portfolio = PortfolioQuery::default();
    let chart: Vec<f64> = (0..runs).map(|_| time(|| store.portfolio_trend(&portfolio).map(|_| ())).0).collect();

    // Month changes: the file reopened with the clock a month earlier, then back (both
    // evaluated months have their purchases), then a month later (the evaluated month has no
    // purchases yet: with the generated data, every product's last 3 months fall a third
    // below a year earlier, ≈ 28 k signals to write).
    let clock_month = evaluated + 1;
    let (mut month_change, mut empty_month) = (Vec::with_capacity(2 * runs), Vec::with_capacity(runs));
    let mut store = Some(store);
    for _ in 0..runs {
        for m in [clock_month - 1, clock_month, clock_month + 1] {
            let opened = reopen(store.take().expect("open"), db, m)?;
            let (ms, read) = time(|| opened.signal_feed(&page));
            read.map_err(err)?;
            if m > clock_month { &mut empty_month } else { &mut month_change }.push(ms);
            store = Some(opened);
        }
    }
    // Back to the clock's month, as the bench found the file.
    reopen(store.take().expect("open"), db, clock_month)?.signal_feed(&page).map_err(err)?;

    Ok(Report {
        customers: stats.customers,
        purchases: stats.purchases,
        signals,
        full_refresh_ms: super::round2(full[0]),
        timings: vec![
            timing("the whole cache recomputed from the purchase rows, then the feed", &full, None),
            timing("feed: first read after a threshold change", &threshold, Some(&full)),
            timing("feed: first read after a month change", &month_change, Some(&full)),
            timing("feed: first read after a month change, the month without purchases yet", &empty_month, Some(&full)),
            timing("one customer's trend data (36 months)", &one, Some(&one_ref)),
            timing("reference: GROUP BY product, month + detectors", &one_ref, None),
            timing("signal feed, first 50 (cached)", &feed, Some(&feed_ref)),
            timing("reference: GROUP BY customer_id, product, month + detectors", &feed_ref, None),
            timing("signal feed right after a hand edit", &after_edit, Some(&feed_ref)),
            timing("portfolio chart (24 months, 5 movers)", &chart, None),
        ],
    })
}

pub fn print(r: &Report) {
    println!(
        "trends: {} customers, {} purchase records, {} signals; whole cache recomputed in {:.0} ms",
        r.customers, r.purchases, r.signals, r.full_refresh_ms
    );
    print_timings(&r.timings);
}

/// The timings as a Markdown table (the README's).
pub fn print_timings(timings: &[Timing]) {
    println!("| what | runs | p50 ms | p95 ms | p50 ratio (reference ÷ ours) | p95 ratio |");
    println!("|---|---:|---:|---:|---:|---:|");
    for t in timings {
        let ratio = |x: Option<f64>| x.map(|v| format!("{v:.1}×")).unwrap_or_default();
        println!(
            "| {} | {} | {:.3} | {:.3} | {} | {} |",
            t.what,
            t.runs,
            t.p50_ms,
            t.p95_ms,
            ratio(t.ratio_p50),
            ratio(t.ratio_p95)
        );
    }
}
