//! The cache behind the signal feed and the portfolio chart (migrations 007 and 019), and how
//! it is brought up to date.
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

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::detect::Thresholds;
use super::month::{self, Month};
use super::series::{round_amount, Ledger, ProductLedger};
use super::signals::customer_signals;
use super::store::load_ledger;
use super::TrendSignal;
use crate::customers::sections::{financial_from_row, load_financials, FINANCIAL_COLUMNS};
use crate::customers::FinancialPeriod;
use crate::error::Result;
use crate::settings::Settings;

/// Where the cache's basis (evaluated month and thresholds) is kept in `setting`.
const BASIS_KEY: &str = "trend_basis";
/// The detectors' revision, part of the basis: a file cached by a version with other detectors
/// (before the repurchase prompt: none) gets its signals recomputed once on its first read.
const DETECTORS: u32 = 2;
/// Bytes of one (month, amount) pair in `trend_series.amounts`.
const PAIR: usize = 12;

/// A product's months as `trend_series.amounts` keeps them.
fn encode(p: &ProductLedger) -> Vec<u8> {
    let mut out = Vec::with_capacity(p.months.len() * PAIR);
    for (m, cell) in &p.months {
        out.extend_from_slice(&m.to_le_bytes());
        out.extend_from_slice(&cell.amount.to_le_bytes());
    }
    out
}

/// The (month, amount) pairs of [`encode`].
fn decode(blob: &[u8]) -> impl Iterator<Item = (Month, f64)> + '_ {
    blob.chunks_exact(PAIR).map(|pair| {
        let (m, amount) = pair.split_at(4);
        (Month::from_le_bytes(m.try_into().expect("4 bytes")), f64::from_le_bytes(amount.try_into().expect("8 bytes")))
    })
}

/// Rewrites a customer's months and series from its purchase rows and returns its ledger;
/// `None` (its rows gone) when the customer no longer exists.
fn store_rows(conn: &Connection, id: i64) -> Result<Option<Ledger>> {
    conn.prepare_cached("DELETE FROM trend_month WHERE customer_id = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM trend_series WHERE customer_id = ?1")?.execute([id])?;
    if !conn.prepare_cached("SELECT 1 FROM customer WHERE id = ?1")?.exists([id])? {
        return Ok(None);
    }
    let ledger = load_ledger(conn, id)?;
    let mut insert = conn
        .prepare_cached("INSERT INTO trend_series (customer_id, product, category, amounts) VALUES (?1, ?2, ?3, ?4)")?;
    for p in &ledger.products {
        insert.execute(params![id, p.name, p.category, encode(p)])?;
    }
    let mut months: BTreeMap<Month, (f64, i64)> = Default::default();
    for p in &ledger.products {
        for (m, cell) in &p.months {
            months.entry(*m).or_default().0 += cell.amount;
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
    Ok(Some(ledger))
}

/// Caches a customer's signals (its name left empty: reads join the current one).
fn write_signals(conn: &Connection, id: i64, signals: &[TrendSignal]) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO trend_signal (customer_id, severity, impact, magnitude, kind, product, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for s in signals {
        let body = serde_json::to_string(s).expect("signals serialise");
        insert.execute(params![
            id,
            s.severity as i64,
            s.impact,
            s.change_pct.map_or(0.0, f64::abs),
            s.kind.code(),
            s.product,
            body
        ])?;
    }
    Ok(())
}

/// Recomputes one dirty customer's cached rows from its purchase rows (none when it no longer
/// exists).
fn recompute(conn: &Connection, id: i64, settings: &Settings, evaluated: Month) -> Result<()> {
    conn.prepare_cached("DELETE FROM trend_signal WHERE customer_id = ?1")?.execute([id])?;
    let Some(ledger) = store_rows(conn, id)? else { return Ok(()) };
    let financials = load_financials(conn, id)?;
    write_signals(conn, id, &customer_signals(id, "", &ledger, &financials, settings, evaluated))
}

/// Recomputes every customer's signals from the cached series and the financial periods (the
/// basis changed); returns how many customers have either.
fn resignal_all(conn: &Connection, settings: &Settings, evaluated: Month) -> Result<usize> {
    conn.execute("DELETE FROM trend_signal", [])?;
    // Customer → (its ledger rebuilt from the series, its financial periods).
    let mut customers: BTreeMap<i64, (Ledger, Vec<FinancialPeriod>)> = BTreeMap::new();
    let mut st =
        conn.prepare("SELECT customer_id, product, category, amounts FROM trend_series ORDER BY customer_id, product")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (id, product, category, amounts): (i64, String, String, Vec<u8>) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        customers.entry(id).or_default().0.push_amounts(&product, &category, decode(&amounts));
    }
    let mut st = conn.prepare(&format!(
        "SELECT customer_id, {FINANCIAL_COLUMNS} FROM financial_period ORDER BY customer_id, period"
    ))?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        customers.entry(r.get::<_, i64>(0)?).or_default().1.push(financial_from_row(r, 1)?);
    }
    // The detectors are most of the work and need no connection: two threads run them, the
    // signals are written after, in customer order.
    let customers: Vec<_> = customers.into_iter().collect();
    let detect = |part: &[(i64, (Ledger, Vec<FinancialPeriod>))]| -> Vec<Vec<TrendSignal>> {
        part.iter().map(|(id, (ledger, fin))| customer_signals(*id, "", ledger, fin, settings, evaluated)).collect()
    };
    let (first, second) = customers.split_at(customers.len() / 2);
    let signals = std::thread::scope(|s| {
        let other = s.spawn(|| detect(second));
        let mut signals = detect(first);
        signals.extend(other.join().expect("the detectors' thread does not panic"));
        signals
    });
    for ((id, _), signals) in customers.iter().zip(&signals) {
        write_signals(conn, *id, signals)?;
    }
    Ok(customers.len())
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
        let mut ledger = Ledger::default();
        let months = [(-5, 0.1 + 0.2), (24_300, -0.0), (24_301, f64::MAX), (24_400, 1e-300)];
        ledger.push_amounts("A", "泵", months);
        let back: Vec<(Month, f64)> = decode(&encode(&ledger.products[0])).collect();
        assert_eq!(back.len(), months.len());
        for ((m, a), (n, b)) in back.iter().zip(months) {
            assert_eq!((*m, a.to_bits()), (n, b.to_bits()));
        }
    }
}
