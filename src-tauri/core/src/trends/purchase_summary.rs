//! Purchases summed for the team report: by month for the largest customers and in total, and
//! by category. Only CNY amounts are summed; records in other currencies are counted so the
//! report can say how many it left out instead of adding dollars to yuan.

use rusqlite::params;

use crate::error::Result;
use crate::Store;

/// How many customers get their own line in the monthly trend.
pub const TOP_CUSTOMERS: usize = 5;
/// How many months (up to the latest with purchases) the trend covers.
pub const TREND_MONTHS: usize = 24;

/// One customer's CNY amount per month of [`PurchaseSummary::months`].
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerTrend {
    pub name: String,
    pub by_month: Vec<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PurchaseSummary {
    /// Consecutive `YYYY-MM`, oldest first; empty when there are no CNY purchases.
    pub months: Vec<String>,
    /// The customers with the largest CNY total over `months`, largest first.
    pub top: Vec<CustomerTrend>,
    /// All customers' CNY amount per month (months without purchases are 0, not missing).
    pub total_by_month: Vec<f64>,
    /// (category, CNY amount, quantity) over `months`, largest amount first; "" = no category.
    pub by_category: Vec<(String, f64, f64)>,
    /// Records in other currencies, left out of every sum.
    pub other_currency_records: i64,
}

/// The `n` months up to and including `last` (`YYYY-MM`), oldest first.
fn months_up_to(last: &str, n: usize) -> Vec<String> {
    let (Some(y), Some(m)) =
        (last.get(..4).and_then(|y| y.parse::<i32>().ok()), last.get(5..7).and_then(|m| m.parse::<i32>().ok()))
    else {
        return Vec::new();
    };
    let end = y * 12 + (m - 1);
    (0..n as i32).rev().map(|back| end - back).map(|i| format!("{:04}-{:02}", i / 12, i % 12 + 1)).collect()
}

const LIVE_CNY: &str = "FROM purchase p JOIN customer c ON c.id = p.customer_id
     WHERE c.deleted_at IS NULL AND p.currency = 'CNY' AND p.amount IS NOT NULL";

impl Store {
    /// The purchase figures of the team report.
    pub fn purchase_summary(&self) -> Result<PurchaseSummary> {
        let conn = &self.conn;
        let other_currency_records = conn.query_row(
            "SELECT count(*) FROM purchase p JOIN customer c ON c.id = p.customer_id
             WHERE c.deleted_at IS NULL AND p.currency <> 'CNY'",
            [],
            |r| r.get(0),
        )?;
        let last: Option<String> = conn.query_row(&format!("SELECT max(p.month) {LIVE_CNY}"), [], |r| r.get(0))?;
        let months = last.map(|l| months_up_to(&l, TREND_MONTHS)).unwrap_or_default();
        let (Some(first), Some(last)) = (months.first().cloned(), months.last().cloned()) else {
            return Ok(PurchaseSummary { other_currency_records, ..Default::default() });
        };
        let slot = |month: &str| months.iter().position(|m| m == month);
        let in_range = format!("{LIVE_CNY} AND p.month BETWEEN ?1 AND ?2");

        let mut total_by_month = vec![0.0; months.len()];
        let mut st = conn.prepare(&format!("SELECT p.month, sum(p.amount) {in_range} GROUP BY p.month"))?;
        for row in st.query_map(params![first, last], |r| Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?)))? {
            let (month, amount) = row?;
            if let Some(i) = slot(&month) {
                total_by_month[i] = amount;
            }
        }

        let mut st = conn.prepare(&format!(
            "SELECT c.id, c.name {in_range} GROUP BY c.id ORDER BY sum(p.amount) DESC, c.id LIMIT ?3"
        ))?;
        let leaders: Vec<(i64, String)> = st
            .query_map(params![first, last, TOP_CUSTOMERS as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut st =
            conn.prepare(&format!("SELECT p.month, sum(p.amount) {in_range} AND c.id = ?3 GROUP BY p.month"))?;
        let mut top = Vec::new();
        for (id, name) in leaders {
            let mut by_month = vec![0.0; months.len()];
            for row in st.query_map(params![first, last, id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?)))? {
                let (month, amount) = row?;
                if let Some(i) = slot(&month) {
                    by_month[i] = amount;
                }
            }
            top.push(CustomerTrend { name, by_month });
        }

        let mut st = conn.prepare(&format!(
            "SELECT p.category, sum(p.amount), coalesce(sum(p.quantity), 0) {in_range}
             GROUP BY p.category ORDER BY sum(p.amount) DESC, p.category"
        ))?;
        let by_category = st
            .query_map(params![first, last], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(PurchaseSummary { months, top, total_by_month, by_category, other_currency_records })
    }
}

#[cfg(test)]
mod tests {
    use super::months_up_to;

    #[test]
    fn months_run_back_across_the_year() {
        assert_eq!(months_up_to("2026-02", 3), ["2025-12", "2026-01", "2026-02"]);
        assert!(months_up_to("bad", 3).is_empty());
    }
}
