//! Purchase trends from the store: a customer's chart data and signals (computed on the spot
//! from its rows: one index range, ≤ a few thousand rows), and the home page's signal feed and
//! portfolio chart across all customers, read from a cache (`trends/cache.rs`: every cache read
//! first brings it up to date). So the feed is always what [`Store::customer_signals`] says,
//! customer by customer, without scanning a million purchase rows per request.

use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use crate::customers::sections::load_financials;
use crate::customers::store::load_customer;
use crate::customers::Grade;
use crate::error::{CoreError, Reason, Result};
use crate::trends::cache;
use crate::trends::month::{self, Month};
use crate::trends::series::{self, round_amount, Ledger, Record};
use crate::trends::signals::customer_signals;
use crate::trends::*;
use crate::Store;

/// The longest range a chart may span.
const MAX_RANGE: i64 = 120;

/// A customer's purchases (any currency), read in index order.
pub(super) fn load_ledger(conn: &Connection, customer_id: i64) -> Result<Ledger> {
    let mut st = conn.prepare_cached(
        "SELECT product, category, month, currency, amount, quantity FROM purchase
         WHERE customer_id = ?1 ORDER BY product, month",
    )?;
    let mut rows = st.query([customer_id])?;
    let mut ledger = Ledger::default();
    while let Some(r) = rows.next()? {
        let (product, category, m, currency): (String, String, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if let Some(month) = month::parse(&m) {
            ledger.add(&Record {
                product: &product,
                category: &category,
                month,
                currency: &currency,
                amount: r.get(4)?,
                quantity: r.get(5)?,
            });
        }
    }
    Ok(ledger)
}

/// The months of `range`; `latest`: the latest month with data not after the clock's.
fn resolve(range: &TrendRange, latest: Option<Month>, clock_month: Month) -> Result<(Month, Month)> {
    match range {
        TrendRange::Last { months } => {
            if !(1..=MAX_RANGE).contains(months) {
                return Err(CoreError::validation_detail("range.months", Reason::OutOfRange, format!("1–{MAX_RANGE}")));
            }
            let last = latest.unwrap_or(clock_month);
            Ok((last - *months as Month + 1, last))
        }
        TrendRange::Custom { from, to } => {
            let parse = |field: &str, v: &str| {
                month::parse(v).ok_or_else(|| CoreError::validation_detail(field, Reason::InvalidDate, "YYYY-MM"))
            };
            let (first, last) = (parse("range.from", from)?, parse("range.to", to)?);
            if last < first || (last - first) as i64 >= MAX_RANGE {
                return Err(CoreError::validation_detail(
                    "range.to",
                    Reason::OutOfRange,
                    format!("{from} + 1–{MAX_RANGE}"),
                ));
            }
            Ok((first, last))
        }
    }
}

/// `c.grade IN (…) AND c.owner IN (…)` for the non-empty lists, with their arguments.
fn customer_filter(grades: &[Grade], owners: &[String]) -> (String, Vec<String>) {
    let mut sql = String::from("c.deleted_at IS NULL");
    let mut args = Vec::new();
    for (column, values) in
        [("grade", grades.iter().map(|g| g.code().to_string()).collect()), ("owner", owners.to_vec())]
    {
        if !values.is_empty() {
            sql += &format!(" AND c.{column} IN ({})", vec!["?"; values.len()].join(", "));
            args.extend(values);
        }
    }
    (sql, args)
}

impl Store {
    /// The clock's month.
    fn clock_month(&self) -> Month {
        month::of_date(self.clock.today())
    }

    /// A customer's 采购趋势 tab: the series of `range`, a year earlier, categories and their
    /// shares, its signals, and the notes (other currencies, returns, future records).
    pub fn trend_data(&self, customer_id: i64, range: &TrendRange) -> Result<TrendData> {
        let customer = load_customer(&self.conn, customer_id)?;
        let ledger = load_ledger(&self.conn, customer_id)?;
        let clock_month = self.clock_month();
        let (first, last) = resolve(range, ledger.latest_until(clock_month), clock_month)?;
        let c = series::charts(&ledger, first, last);
        let financials = load_financials(&self.conn, customer_id)?;
        let signals = customer_signals(
            customer_id,
            &customer.fields.name,
            &ledger.amounts(),
            &financials,
            &self.settings()?,
            clock_month - 1,
        );
        Ok(TrendData {
            customer_id,
            customer_name: customer.fields.name,
            months: month::labels(first, last),
            previous_months: month::labels(first - 12, last - 12),
            products: c.products,
            categories: c.categories,
            total: c.total,
            category_shares: c.category_shares,
            signals,
            evaluated_month: month::format(clock_month - 1),
            other_currencies: c.other_currencies,
            return_records: c.return_records,
            future_records: ledger.records_after(clock_month),
        })
    }

    /// A customer's signals (purchases and financials), most severe first.
    pub fn customer_signals(&self, customer_id: i64) -> Result<Vec<TrendSignal>> {
        let customer = load_customer(&self.conn, customer_id)?;
        let ledger = load_ledger(&self.conn, customer_id)?;
        let financials = load_financials(&self.conn, customer_id)?;
        Ok(customer_signals(
            customer_id,
            &customer.fields.name,
            &ledger.amounts(),
            &financials,
            &self.settings()?,
            self.clock_month() - 1,
        ))
    }

    /// Brings the feed's cache up to date (`trends/cache.rs`); returns how many customers'
    /// signals it recomputed. Every cache read calls it; call it after bulk writes to pay the
    /// cost then.
    pub fn refresh_trend_cache(&self) -> Result<usize> {
        cache::refresh(&self.conn, &self.settings()?, self.clock_month() - 1)
    }

    /// The signal feed across all customers not deleted, most severe first
    /// ([`crate::trends::signals`] has the order), filtered and paged.
    pub fn signal_feed(&self, q: &FeedQuery) -> Result<SignalFeed> {
        let (settings, evaluated) = (self.settings()?, self.clock_month() - 1);
        cache::refresh(&self.conn, &settings, evaluated)?;
        let (mut filter, mut args) = customer_filter(&q.grades, &q.owners);
        if !q.kinds.is_empty() {
            filter += &format!(" AND s.kind IN ({})", vec!["?"; q.kinds.len()].join(", "));
            args.extend(q.kinds.iter().map(|k| k.code().to_string()));
        }
        let from = format!("FROM trend_signal s JOIN customer c ON c.id = s.customer_id WHERE {filter}");
        let total = self.conn.query_row(&format!("SELECT count(*) {from}"), params_from_iter(&args), |r| r.get(0))?;
        let (limit, offset) = (q.limit.clamp(1, 500), q.offset.max(0));
        let mut st = self.conn.prepare(&format!(
            "SELECT s.customer_id, s.seq, s.kind, s.product, c.name {from}
             ORDER BY s.severity, s.impact DESC, s.magnitude DESC, c.name, s.product, s.kind LIMIT {limit} OFFSET {offset}"
        ))?;
        let rows = st
            .query_map(params_from_iter(&args), |r| {
                Ok(cache::FeedRow {
                    customer_id: r.get(0)?,
                    seq: r.get::<_, i64>(1)? as usize,
                    kind: r.get(2)?,
                    product: r.get(3)?,
                    customer_name: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let signals = cache::feed_page(&self.conn, &settings, evaluated, &rows)?;
        Ok(SignalFeed { signals, total, evaluated_month: month::format(evaluated) })
    }

    /// Total CNY purchases by month of the matching customers, a year earlier, and the top
    /// movers: customers by the absolute change of their last 3 months of the range against
    /// the same months a year earlier. One scan of the cached months of the range (and the
    /// year before), summed here.
    pub fn portfolio_trend(&self, q: &PortfolioQuery) -> Result<PortfolioTrend> {
        self.refresh_trend_cache()?;
        let (filter, args) = customer_filter(&q.grades, &q.owners);
        let from = format!("FROM trend_month t JOIN customer c ON c.id = t.customer_id WHERE {filter}");
        let clock_month = self.clock_month();
        let latest: Option<String> = self
            .conn
            .query_row(
                &format!(
                    "SELECT t.month {from} AND t.month <= '{}' ORDER BY t.month DESC LIMIT 1",
                    month::format(clock_month)
                ),
                params_from_iter(&args),
                |r| r.get(0),
            )
            .optional()?;
        let (first, last) = resolve(&q.range, latest.as_deref().and_then(month::parse), clock_month)?;
        let n = (last - first + 1) as usize;
        let recent = (last - 2).max(first);
        let (mut total, mut previous_total, mut other_currency_records) = (vec![0.0; n], vec![0.0; n], 0);
        // customer → (recent 3 months, the same a year earlier)
        let mut change: std::collections::HashMap<i64, (f64, f64)> = Default::default();
        // Customers first (CROSS JOIN keeps that order), then each one's months by primary key:
        // ten times faster than the month index with a customer lookup per row.
        let mut st = self.conn.prepare(&format!(
            "SELECT t.customer_id, t.month, t.amount, t.other_records
             FROM customer c CROSS JOIN trend_month t ON t.customer_id = c.id
             WHERE {filter} AND t.month BETWEEN '{}' AND '{}'",
            month::format(first - 12),
            month::format(last)
        ))?;
        let mut rows = st.query(params_from_iter(&args))?;
        while let Some(r) = rows.next()? {
            let Some(m) = month::parse(&r.get::<_, String>(1)?) else { continue };
            let (id, amount, other): (i64, f64, i64) = (r.get(0)?, r.get(2)?, r.get(3)?);
            if m >= first {
                total[(m - first) as usize] += amount;
                other_currency_records += other;
            }
            if m <= last - 12 {
                previous_total[(m - first + 12) as usize] += amount;
            }
            if m >= recent {
                change.entry(id).or_default().0 += amount;
            } else if (recent - 12..=last - 12).contains(&m) {
                change.entry(id).or_default().1 += amount;
            }
        }
        for v in [&mut total, &mut previous_total] {
            v.iter_mut().for_each(|x| *x = round_amount(*x));
        }
        let mut top: Vec<(i64, f64, f64)> =
            change.into_iter().map(|(id, (r, e))| (id, round_amount(r), round_amount(e))).collect();
        top.sort_by(|a, b| (b.1 - b.2).abs().total_cmp(&(a.1 - a.2).abs()).then(a.0.cmp(&b.0)));
        top.truncate(q.movers.clamp(0, 50) as usize);
        let movers = top
            .into_iter()
            .map(|(id, recent, earlier)| self.mover(id, recent, earlier, first, last))
            .collect::<Result<_>>()?;
        Ok(PortfolioTrend { months: month::labels(first, last), total, previous_total, movers, other_currency_records })
    }

    /// A mover with its name and its months of the range.
    fn mover(&self, customer_id: i64, recent: f64, earlier: f64, first: Month, last: Month) -> Result<Mover> {
        let customer_name =
            self.conn.query_row("SELECT name FROM customer WHERE id = ?1", [customer_id], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(
            "SELECT month, amount FROM trend_month WHERE customer_id = ?1 AND month BETWEEN ?2 AND ?3",
        )?;
        let mut amount = vec![0.0; (last - first + 1) as usize];
        let rows = st.query_map(params![customer_id, month::format(first), month::format(last)], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?))
        })?;
        for row in rows {
            let (m, a) = row?;
            if let Some(m) = month::parse(&m) {
                amount[(m - first) as usize] = a;
            }
        }
        Ok(Mover {
            customer_id,
            customer_name,
            recent,
            earlier,
            change: round_amount(recent - earlier),
            change_pct: (earlier > 0.0).then(|| ((recent - earlier) / earlier * 1000.0).round() / 10.0),
            amount,
        })
    }
}
