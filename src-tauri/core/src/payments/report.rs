//! 回款 and 交付 across deals, for the team report and 周会: planned, received and overdue by
//! customer and month; the payments received in a period; the milestones due, done or late.
//! Only won deals of live customers count (as for the risk rules and 今日), and a deal's
//! installments, payments and milestones are the deal's owner's.

use rusqlite::named_params;

use crate::error::Result;
use crate::payments::store::overdue_installments_sql;
use crate::payments::{fen, MilestoneRow, MilestoneStatus, PaymentMonth, ReceivedPayment};
use crate::store::code;
use crate::Store;

/// Whose deals and which days a report covers.
pub struct ReportFilter {
    /// The deals' 负责人, as JSON (`[]`: everyone).
    owners: String,
    /// The period's first and last day, YYYY-MM-DD; empty: all time.
    from: String,
    to: String,
}

impl ReportFilter {
    /// The deals of `owners` (everyone: empty) in the days of `period` (all time: `None`).
    pub fn new(owners: &[String], period: Option<(&str, &str)>) -> ReportFilter {
        let (from, to) = period.unwrap_or(("", ""));
        ReportFilter {
            owners: serde_json::to_string(owners).expect("names serialise"),
            from: from.to_string(),
            to: to.to_string(),
        }
    }
}

/// The deal `o` is one of the filter's owners'.
const OWNED: &str = "(json_array_length(:owners) = 0 OR o.owner IN (SELECT value FROM json_each(:owners)))";

/// `day` (a column) is in the filter's period.
fn during(day: &str) -> String {
    format!("(:from = '' OR {day} BETWEEN :from AND :to)")
}

/// A won deal `o` of a live customer `c`, joined on `alias.opportunity_id`.
fn won_deal(alias: &str) -> String {
    format!(
        "JOIN opportunity o ON o.id = {alias}.opportunity_id AND o.stage = 'won'
         JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL"
    )
}

/// A milestone past its planned day and not done.
const LATE: &str = "(m.status <> 'done' AND m.planned_date <> '' AND m.planned_date < :today)";

impl Store {
    /// Planned (installments due), received (payments) and overdue today (the part of the
    /// installments due that month not covered) per customer and month of the filter, by
    /// customer name then month.
    pub fn payment_months(&self, filter: &ReportFilter) -> Result<Vec<PaymentMonth>> {
        let overdue = overdue_installments_sql("", false);
        let sql = format!(
            "WITH late(cid, oid, oname, due, days, n, seq, missing, cname, owner) AS ({overdue}),
             r(cid, month, planned, received, overdue) AS (
               SELECT o.customer_id, substr(i.due_date, 1, 7), i.amount, 0, 0 FROM installment i {won_i}
               WHERE {OWNED} AND {due}
               UNION ALL
               SELECT o.customer_id, substr(p.received_on, 1, 7), 0, p.amount, 0 FROM payment p {won_p}
               WHERE {OWNED} AND {received}
               UNION ALL
               SELECT cid, substr(due, 1, 7), 0, 0, missing FROM late
               WHERE (json_array_length(:owners) = 0 OR owner IN (SELECT value FROM json_each(:owners))) AND {late_due})
             SELECT r.cid, c.name, r.month, round(sum(r.planned), 2), round(sum(r.received), 2), round(sum(r.overdue), 2)
             FROM r JOIN customer c ON c.id = r.cid GROUP BY r.cid, r.month ORDER BY c.name, r.cid, r.month",
            won_i = won_deal("i"),
            won_p = won_deal("p"),
            due = during("i.due_date"),
            received = during("p.received_on"),
            late_due = during("due"),
        );
        let today = self.today_text();
        let mut st = self.conn.prepare(&sql)?;
        let rows = st
            .query_map(
                named_params! { ":owners": filter.owners, ":from": filter.from, ":to": filter.to, ":today": today },
                |r| {
                    Ok(PaymentMonth {
                        customer_id: r.get(0)?,
                        customer_name: r.get(1)?,
                        month: r.get(2)?,
                        planned: r.get(3)?,
                        received: r.get(4)?,
                        overdue: r.get(5)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The payments received in the filter's days on its owners' deals, newest first: the
    /// first `limit` (at least one), how many there are and their sum — counted in the same
    /// pass as the rows (a window over the whole list, before the limit).
    pub fn received_payments(&self, filter: &ReportFilter, limit: i64) -> Result<(Vec<ReceivedPayment>, i64, f64)> {
        let mut st = self.conn.prepare(&format!(
            "SELECT p.id, o.customer_id, c.name, o.id, o.name, o.owner, p.received_on, p.amount, p.note,
                    count(*) OVER (), sum(p.amount) OVER ()
             FROM payment p {won} WHERE {OWNED} AND {received}
             ORDER BY p.received_on DESC, p.id DESC LIMIT :limit",
            won = won_deal("p"),
            received = during("p.received_on"),
        ))?;
        let (mut count, mut sum) = (0, 0.0);
        let rows = st
            .query_map(
                named_params! { ":owners": filter.owners, ":from": filter.from, ":to": filter.to, ":limit": limit.max(1) },
                |r| {
                    (count, sum) = (r.get(9)?, r.get(10)?);
                    Ok(ReceivedPayment {
                        payment_id: r.get(0)?,
                        customer_id: r.get(1)?,
                        customer_name: r.get(2)?,
                        opportunity_id: r.get(3)?,
                        opportunity_name: r.get(4)?,
                        owner: r.get(5)?,
                        received_on: r.get(6)?,
                        amount: r.get(7)?,
                        note: r.get(8)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok((rows, count, fen(sum)))
    }

    /// The milestones of the filter's owners' deals planned or done in its days, and every one
    /// late today whatever the period (all time: every milestone): the late ones first, most
    /// days late first, then by planned day. The first `limit` (at least one), how many there
    /// are and how many of them are late, counted in the same pass as the rows.
    pub fn milestone_rows(&self, filter: &ReportFilter, limit: i64) -> Result<(Vec<MilestoneRow>, i64, i64)> {
        let rows = format!(
            "SELECT o.customer_id, c.name, o.id AS oid, o.name, CASE WHEN m.owner <> '' THEN m.owner ELSE o.owner END,
                    m.name, m.planned_date AS planned, m.actual_date, m.status, {LATE} AS late,
                    CASE WHEN {LATE} THEN CAST(julianday(:today) - julianday(m.planned_date) AS INTEGER)
                         WHEN m.status = 'done' AND m.planned_date <> '' AND m.actual_date > m.planned_date
                         THEN CAST(julianday(m.actual_date) - julianday(m.planned_date) AS INTEGER) END AS days_late,
                    m.seq
             FROM milestone m {won}
             WHERE {OWNED} AND ({planned} OR (m.actual_date <> '' AND {done}) OR {LATE})",
            won = won_deal("m"),
            planned = during("m.planned_date"),
            done = during("m.actual_date"),
        );
        let today = self.today_text();
        let mut st = self.conn.prepare(&format!(
            "SELECT *, count(*) OVER (), sum(late) OVER () FROM ({rows})
             ORDER BY late DESC, CASE WHEN late THEN days_late END DESC, planned = '', planned, oid, seq LIMIT :limit"
        ))?;
        let (mut count, mut late) = (0, 0);
        let list = st
            .query_map(
                named_params! {
                    ":owners": filter.owners, ":from": filter.from, ":to": filter.to, ":today": today,
                    ":limit": limit.max(1)
                },
                |r| {
                    (count, late) = (r.get(12)?, r.get(13)?);
                    Ok(MilestoneRow {
                        customer_id: r.get(0)?,
                        customer_name: r.get(1)?,
                        opportunity_id: r.get(2)?,
                        opportunity_name: r.get(3)?,
                        owner: r.get(4)?,
                        name: r.get(5)?,
                        planned_date: r.get(6)?,
                        actual_date: r.get(7)?,
                        status: code(r.get(8)?, MilestoneStatus::from_code).unwrap_or_default(),
                        late: r.get(9)?,
                        days_late: r.get(10)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok((list, count, late))
    }
}
