//! The cache behind the signal feed and the portfolio chart (migrations 007, 019 and 022), and
//! how it is brought up to date.
//!
//! Per customer it keeps its CNY per month (`trend_month`, the portfolio chart), its CNY per
//! product and month (`trend_series`) and its signals (`trend_signal`). The first two follow
//! the purchase rows alone: triggers mark a customer dirty on any write to its purchases or
//! financial periods, and a dirty customer's rows are rewritten from its purchase rows on the
//! next read. The signals also follow the basis — the evaluated month (the month before the
//! clock's), the thresholds and the detectors' revision. When the basis changes, every
//! customer's signals are recomputed from the cached series and financial periods: ≈ 30 k short
//! rows at a million purchase rows, which the purchase table is not read for. The detectors see
//! the same amounts in the same order either way (a product's monthly sums, products in index
//! order), so the signals are those of [`Store::customer_signals`](crate::Store), customer by
//! customer.
//!
//! A signal's row keeps what the feed sorts and filters on, its place among its customer's
//! signals and its text (the risk lights' detail), not the whole signal: a new month can raise
//! ≈ 28 k signals, and as JSON they took three times the bytes to write (≈ 470 a signal with
//! its index entries against ≈ 150). A page of the feed computes its customers' signals again
//! from their series ([`feed_page`]); for the same basis that gives the signals the rows were
//! written from.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::detect::Thresholds;
use super::month::{self, Month};
use super::series::{round_amount, ProductAmounts};
use super::signals::customer_signals;
use super::store::load_ledger;
use super::TrendSignal;
use crate::customers::sections::{financial_from_row, load_financials, FINANCIAL_COLUMNS};
use crate::customers::FinancialPeriod;
use crate::error::{CoreError, Result};
use crate::settings::Settings;

/// Where the cache's basis (evaluated month and thresholds) is kept in `setting`.
const BASIS_KEY: &str = "trend_basis";
/// The detectors' revision, part of the basis: a file cached by a version with other detectors
/// (before the repurchase prompt: none) gets its signals recomputed once on its first read.
const DETECTORS: u32 = 2;
/// Bytes of one (month, amount) pair in `trend_series.amounts`.
const PAIR: usize = 12;

/// A product's months as `trend_series.amounts` keeps them.
fn encode(p: &ProductAmounts) -> Vec<u8> {
    let mut out = Vec::with_capacity(p.months.len() * PAIR);
    for (m, amount) in &p.months {
        out.extend_from_slice(&m.to_le_bytes());
        out.extend_from_slice(&amount.to_le_bytes());
    }
    out
}

/// The (month, amount) pairs of [`encode`].
fn decode(blob: &[u8]) -> Vec<(Month, f64)> {
    blob.chunks_exact(PAIR)
        .map(|pair| {
            let (m, amount) = pair.split_at(4);
            (
                Month::from_le_bytes(m.try_into().expect("4 bytes")),
                f64::from_le_bytes(amount.try_into().expect("8 bytes")),
            )
        })
        .collect()
}

/// A product of `trend_series` from its row (product, category, amounts).
fn product_from_row(r: &rusqlite::Row, first: usize) -> rusqlite::Result<ProductAmounts> {
    let amounts = r.get_ref(first + 2)?.as_blob()?;
    Ok(ProductAmounts { name: r.get(first)?, category: r.get(first + 1)?, months: decode(amounts) })
}

/// Rewrites a customer's months and series from its purchase rows and returns its products;
/// `None` (its rows gone) when the customer no longer exists.
fn store_rows(conn: &Connection, id: i64) -> Result<Option<Vec<ProductAmounts>>> {
    conn.prepare_cached("DELETE FROM trend_month WHERE customer_id = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM trend_series WHERE customer_id = ?1")?.execute([id])?;
    if !conn.prepare_cached("SELECT 1 FROM customer WHERE id = ?1")?.exists([id])? {
        return Ok(None);
    }
    let ledger = load_ledger(conn, id)?;
    let products = ledger.amounts();
    let mut insert = conn
        .prepare_cached("INSERT INTO trend_series (customer_id, product, category, amounts) VALUES (?1, ?2, ?3, ?4)")?;
    for p in &products {
        insert.execute(params![id, p.name, p.category, encode(p)])?;
    }
    let mut months: BTreeMap<Month, (f64, i64)> = Default::default();
    for p in &products {
        for (m, amount) in &p.months {
            months.entry(*m).or_default().0 += amount;
        }
    }
    for (m, _, _) in &ledger.other {
        months.entry(*m).or_default().1 += 1;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO trend_month (customer_id, month, amount, other_records) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (m, (amount, other)) in months {
        insert.execute(params![id, month::format(m), round_amount(amount), other])?;
    }
    Ok(Some(products))
}

/// Caches a customer's signals, in feed order: each one's place among them, its sort keys and
/// filters, its text (the risk lights' detail). The rest is computed again when a page of the
/// feed shows it ([`feed_page`]).
fn write_signals(conn: &Connection, id: i64, signals: &[TrendSignal]) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO trend_signal (customer_id, seq, severity, impact, magnitude, kind, product, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (seq, s) in signals.iter().enumerate() {
        insert.execute(params![
            id,
            seq as i64,
            s.severity as i64,
            s.impact,
            s.change_pct.map_or(0.0, f64::abs),
            s.kind.code(),
            s.product,
            s.text
        ])?;
    }
    Ok(())
}

/// Recomputes one dirty customer's cached rows from its purchase rows (none when it no longer
/// exists).
fn recompute(conn: &Connection, id: i64, settings: &Settings, evaluated: Month) -> Result<()> {
    conn.prepare_cached("DELETE FROM trend_signal WHERE customer_id = ?1")?.execute([id])?;
    let Some(products) = store_rows(conn, id)? else { return Ok(()) };
    let financials = load_financials(conn, id)?;
    write_signals(conn, id, &customer_signals(id, "", &products, &financials, settings, evaluated))
}

/// What a customer's signals are computed from: its products (in its ledger's order) and its
/// financial periods.
type Inputs = (Vec<ProductAmounts>, Vec<FinancialPeriod>);

/// Recomputes every customer's signals from the cached series and the financial periods (the
/// basis changed); returns how many customers have either.
fn resignal_all(conn: &Connection, settings: &Settings, evaluated: Month) -> Result<usize> {
    // No trigger or foreign key on the table (migration 022): SQLite frees its pages whole
    // instead of deleting ≈ 30 k rows one by one.
    conn.execute("DELETE FROM trend_signal", [])?;
    let mut customers: BTreeMap<i64, Inputs> = BTreeMap::new();
    let mut st =
        conn.prepare("SELECT customer_id, product, category, amounts FROM trend_series ORDER BY customer_id, product")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        customers.entry(r.get(0)?).or_default().0.push(product_from_row(r, 1)?);
    }
    let mut st = conn.prepare(&format!(
        "SELECT customer_id, {FINANCIAL_COLUMNS} FROM financial_period ORDER BY customer_id, period"
    ))?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        customers.entry(r.get::<_, i64>(0)?).or_default().1.push(financial_from_row(r, 1)?);
    }
    // The detectors need no connection: two threads run them, each on half the customers, and
    // this one writes each customer's signals as they come, in customer order (the table's key
    // order: appended, not inserted), the first half's while the second's are computed.
    let customers: Vec<_> = customers.into_iter().collect();
    let (first, second) = customers.split_at(customers.len() / 2);
    std::thread::scope(|s| -> Result<()> {
        let halves = [first, second].map(|part| {
            let (tx, rx) = std::sync::mpsc::channel();
            s.spawn(move || {
                for (id, (products, fin)) in part {
                    let signals = customer_signals(*id, "", products, fin, settings, evaluated);
                    if tx.send((*id, signals)).is_err() {
                        break; // the writer stopped on an error
                    }
                }
            });
            rx
        });
        for rx in halves {
            for (id, signals) in rx {
                write_signals(conn, id, &signals)?;
            }
        }
        Ok(())
    })?;
    Ok(customers.len())
}

/// A row of `trend_signal` on a page of the feed, with its customer's name.
pub(super) struct FeedRow {
    pub customer_id: i64,
    /// Its place among the customer's signals.
    pub seq: usize,
    pub kind: String,
    pub product: String,
    pub customer_name: String,
}

/// The signals of a page of the feed (`rows`, in page order): each customer's signals computed
/// again from its cached series and financial periods, as [`refresh`] last did for the same
/// basis (`settings`, `evaluated`); a page has at most a few dozen customers.
pub(super) fn feed_page(
    conn: &Connection,
    settings: &Settings,
    evaluated: Month,
    rows: &[FeedRow],
) -> Result<Vec<TrendSignal>> {
    let mut computed: BTreeMap<i64, Vec<TrendSignal>> = BTreeMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for FeedRow { customer_id: id, seq, kind, product, customer_name: name } in rows {
        if !computed.contains_key(id) {
            let products = conn
                .prepare_cached(
                    "SELECT product, category, amounts FROM trend_series WHERE customer_id = ?1 ORDER BY product",
                )?
                .query_map([id], |r| product_from_row(r, 0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let signals = customer_signals(*id, name, &products, &load_financials(conn, *id)?, settings, evaluated);
            computed.insert(*id, signals);
        }
        let s = computed[id].get(*seq).filter(|s| s.kind.code() == kind.as_str() && s.product == *product).ok_or_else(
            || CoreError::Database { detail: format!("trend_signal ({id}, {seq}) is not the customer's") },
        )?;
        out.push(s.clone());
    }
    Ok(out)
}

/// Brings the cache up to date (module doc) for `settings` with the month `evaluated`; returns
/// how many customers' signals were recomputed.
pub(super) fn refresh(conn: &Connection, settings: &Settings, evaluated: Month) -> Result<usize> {
    let basis = format!(
        "{} {:?} {} {} r{DETECTORS}",
        month::format(evaluated),
        Thresholds::from(settings),
        settings.turnover_change_pct,
        settings.financial_decline_pct
    );
    let tx = conn.unchecked_transaction()?;
    let stored: Option<String> =
        tx.query_row("SELECT value FROM setting WHERE key = ?1", [BASIS_KEY], |r| r.get(0)).optional()?;
    let changed = stored.as_deref() != Some(basis.as_str());
    let dirty: Vec<i64> = tx
        .prepare("SELECT customer_id FROM trend_dirty")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if dirty.is_empty() && !changed {
        return Ok(0); // nothing to write: the read transaction ends here
    }
    let recomputed = if changed {
        for id in &dirty {
            store_rows(&tx, *id)?;
        }
        tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![BASIS_KEY, basis],
        )?;
        resignal_all(&tx, settings, evaluated)?
    } else {
        for id in &dirty {
            recompute(&tx, *id, settings, evaluated)?;
        }
        dirty.len()
    };
    tx.execute("DELETE FROM trend_dirty", [])?;
    tx.commit()?;
    Ok(recomputed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_amounts_round_trip_bit_for_bit() {
        let months = vec![(-5, 0.1 + 0.2), (24_300, -0.0), (24_301, f64::MAX), (24_400, 1e-300)];
        let product = ProductAmounts { name: "A".into(), category: "泵".into(), months: months.clone() };
        let back = decode(&encode(&product));
        assert_eq!(back.len(), months.len());
        for ((m, a), (n, b)) in back.iter().zip(months) {
            assert_eq!((*m, a.to_bits()), (n, b.to_bits()));
        }
    }
}
