//! 回款 and 交付 in SQLite: the plan saved whole, payments one by one, the milestones saved
//! whole; and the set-based queries of what is overdue, shared by the risk rules and 今日.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{CoreError, Reason, Result};
use crate::payments::{
    allocate, fen, validate, Installment, Milestone, MilestoneFields, MilestoneStatus, Payment, PaymentFields,
    PaymentPlan, PlanInput, WonOverdue, WonOverdueKind, CENT,
};
use crate::store::code;
use crate::Store;

/// What the plan's checks need of its deal.
struct Deal {
    customer_id: i64,
    won: bool,
    contract_amount: f64,
    contract_date: String,
}

fn deal(conn: &Connection, id: i64) -> Result<Deal> {
    conn.prepare_cached(
        "SELECT o.customer_id, o.stage = 'won', coalesce(o.contract_amount, o.amount, 0),
                CASE WHEN o.contract_date <> '' THEN o.contract_date ELSE o.stage_since END
         FROM opportunity o JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL WHERE o.id = ?1",
    )?
    .query_row([id], |r| {
        Ok(Deal { customer_id: r.get(0)?, won: r.get(1)?, contract_amount: r.get(2)?, contract_date: r.get(3)? })
    })
    .optional()?
    .ok_or_else(|| CoreError::not_found("opportunity", id))
}

/// A deal that takes a plan, payments and milestones: a won one.
fn won(conn: &Connection, id: i64) -> Result<Deal> {
    let d = deal(conn, id)?;
    if !d.won {
        return Err(CoreError::validation("stage", Reason::NotWon));
    }
    Ok(d)
}

/// An overdue installment, the columns every overdue query returns: customer, deal, deal name,
/// due date, days overdue, how many of the deal's are overdue (1 when `first` is false),
/// 第 n 期 / the milestone's name, the part not covered (an installment), customer name, owner.
///
/// The payments received cover the installments in order (`seq` follows the due dates): an
/// installment due before today is overdue by what the running sum of the plan up to it exceeds
/// the deal's total received, at most its own amount — [`allocate`] in SQL. `first` keeps the
/// oldest per deal (the risk rule's reason: SQLite takes the bare columns from the row of
/// `min(seq)`); `filter` is an extra condition on `c` and `o`.
pub(crate) fn overdue_installments_sql(filter: &str, first: bool) -> String {
    let late = if first {
        format!("SELECT oid, min(seq) AS seq, due_date, missing, count(*) AS n FROM due WHERE missing >= {CENT} GROUP BY oid")
    } else {
        format!("SELECT oid, seq, due_date, missing, 1 AS n FROM due WHERE missing >= {CENT}")
    };
    format!(
        "WITH paid AS MATERIALIZED (SELECT p.opportunity_id AS oid, sum(p.amount) AS received FROM payment p GROUP BY p.opportunity_id),
         due AS MATERIALIZED (
           SELECT i.opportunity_id AS oid, i.seq, i.due_date,
                  min(i.amount, sum(i.amount) OVER w - coalesce(paid.received, 0)) AS missing
           FROM installment i JOIN opportunity o ON o.id = i.opportunity_id AND o.stage = 'won'
           JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
           LEFT JOIN paid ON paid.oid = i.opportunity_id
           WHERE i.due_date < :today {filter}
           WINDOW w AS (PARTITION BY i.opportunity_id ORDER BY i.seq ROWS UNBOUNDED PRECEDING)),
         late AS ({late})
         SELECT o.customer_id, o.id, o.name, l.due_date, CAST(julianday(:today) - julianday(l.due_date) AS INTEGER), l.n,
                l.seq, round(l.missing, 2), c.name, o.owner AS owner
         FROM late l JOIN opportunity o ON o.id = l.oid JOIN customer c ON c.id = o.customer_id"
    )
}

/// The milestones of won deals planned before today and not done, same columns (the name in
/// the 7th, no amount; the owner is the milestone's, else the deal's); `first` keeps the
/// earliest planned per deal (its name and owner from the row of `min(planned_date)`).
pub(crate) fn overdue_milestones_sql(filter: &str, first: bool) -> String {
    let (planned, n, group) = if first {
        ("min(m.planned_date)", "count(*)", "GROUP BY m.opportunity_id")
    } else {
        ("m.planned_date", "1", "")
    };
    format!(
        "SELECT o.customer_id, o.id, o.name, l.planned_date, CAST(julianday(:today) - julianday(l.planned_date) AS INTEGER),
                l.n, l.name, NULL, c.name, CASE WHEN l.owner <> '' THEN l.owner ELSE o.owner END AS owner
         FROM (SELECT m.opportunity_id, {planned} AS planned_date, m.name, m.owner, {n} AS n FROM milestone m
               WHERE m.status <> 'done' AND m.planned_date <> '' AND m.planned_date < :today {group}) l
         JOIN opportunity o ON o.id = l.opportunity_id AND o.stage = 'won'
         JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
         WHERE 1 {filter}"
    )
}

impl Store {
    /// The overdue installments and milestones of won deals for 今日, oldest first, of the
    /// owners given (everyone when none), with their total.
    pub(crate) fn won_overdue(&self, owners: &[String], limit: usize) -> Result<(Vec<WonOverdue>, i64)> {
        let today = self.today_text();
        let owners_json = serde_json::to_string(owners).expect("names serialise");
        let args = rusqlite::named_params! { ":today": today, ":owners": owners_json };
        let (mut out, mut total) = (Vec::new(), 0);
        for (kind, sql) in [
            (WonOverdueKind::Installment, overdue_installments_sql("", false)),
            (WonOverdueKind::Milestone, overdue_milestones_sql("", false)),
        ] {
            let mine = format!(
                "SELECT * FROM ({sql}) WHERE json_array_length(:owners) = 0 OR owner IN (SELECT value FROM json_each(:owners))"
            );
            // Each kind's oldest `limit` (the oldest `limit` of both are among them), each row
            // with the kind's count before the limit: one pass over the plans, not two.
            let mut st = self
                .conn
                .prepare_cached(&format!("SELECT *, count(*) OVER () FROM ({mine}) ORDER BY 4, 2 LIMIT {limit}"))?;
            let mut count = 0;
            let rows = st.query_map(args, |r| {
                count = r.get::<_, i64>(10)?;
                Ok(WonOverdue {
                    kind,
                    customer_id: r.get(0)?,
                    opportunity_id: r.get(1)?,
                    opportunity_name: r.get(2)?,
                    due_date: r.get(3)?,
                    days: r.get(4)?,
                    installment: (kind == WonOverdueKind::Installment).then(|| r.get(6)).transpose()?,
                    milestone: if kind == WonOverdueKind::Milestone { r.get(6)? } else { String::new() },
                    amount: r.get(7)?,
                    customer_name: r.get(8)?,
                    owner: r.get(9)?,
                })
            })?;
            out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
            total += count;
        }
        out.sort_by(|a, b| a.due_date.cmp(&b.due_date).then(a.opportunity_id.cmp(&b.opportunity_id)));
        out.truncate(limit);
        Ok((out, total))
    }

    /// A deal's 回款 with its figures (a deal not won: its contract and an empty plan).
    pub fn payment_plan(&self, opportunity_id: i64) -> Result<PaymentPlan> {
        let d = deal(&self.conn, opportunity_id)?;
        let mut st = self.conn.prepare_cached(
            "SELECT id, seq, amount, due_date, condition, note FROM installment WHERE opportunity_id = ?1 ORDER BY seq",
        )?;
        let mut installments = st
            .query_map([opportunity_id], |r| {
                Ok(Installment {
                    id: r.get(0)?,
                    seq: r.get(1)?,
                    amount: r.get(2)?,
                    due_date: r.get(3)?,
                    condition: r.get(4)?,
                    note: r.get(5)?,
                    covered: 0.0,
                    overdue: 0.0,
                    days_overdue: None,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT id, received_on, amount, note FROM payment WHERE opportunity_id = ?1 ORDER BY received_on DESC, id DESC",
        )?;
        let payments = st
            .query_map([opportunity_id], |r| {
                Ok(Payment { id: r.get(0)?, received_on: r.get(1)?, amount: r.get(2)?, note: r.get(3)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let today = self.clock.today();
        let today_text = self.today_text();
        let received_total = fen(payments.iter().map(|p| p.amount).sum());
        let plan: Vec<(f64, &str)> = installments.iter().map(|i| (i.amount, i.due_date.as_str())).collect();
        let shares = allocate(&plan, received_total, &today_text);
        for (i, (covered, overdue)) in installments.iter_mut().zip(shares) {
            i.covered = covered;
            i.overdue = overdue;
            i.days_overdue = (overdue > 0.0)
                .then(|| chrono::NaiveDate::parse_from_str(&i.due_date, "%Y-%m-%d").ok())
                .flatten()
                .map(|due| (today - due).num_days());
        }
        let planned_total = fen(installments.iter().map(|i| i.amount).sum());
        let overdue_amount = fen(installments.iter().map(|i| i.overdue).sum());
        Ok(PaymentPlan {
            opportunity_id,
            won: d.won,
            contract_amount: d.contract_amount,
            contract_date: d.contract_date,
            installments,
            payments,
            planned_total,
            received_total,
            outstanding: fen((d.contract_amount - received_total).max(0.0)),
            overdue_amount,
            plan_difference: fen(planned_total - d.contract_amount),
        })
    }

    /// Replaces a won deal's plan, renumbered in due-date order (the order given among the same
    /// day). Refused, with nothing written, when an installment is not above 0 or has no real
    /// due date, or the sum passes the contract amount without `confirmOver`.
    pub fn save_payment_plan(&self, opportunity_id: i64, input: &PlanInput) -> Result<PaymentPlan> {
        let d = won(&self.conn, opportunity_id)?;
        validate::plan(input, d.contract_amount)?;
        let mut list: Vec<_> = input.installments.iter().collect();
        list.sort_by(|a, b| a.due_date.trim().cmp(b.due_date.trim()));
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM installment WHERE opportunity_id = ?1", [opportunity_id])?;
        let mut st = tx.prepare_cached(
            "INSERT INTO installment (opportunity_id, customer_id, seq, amount, due_date, condition, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (i, inst) in list.iter().enumerate() {
            st.execute(params![
                opportunity_id,
                d.customer_id,
                i as i64 + 1,
                inst.amount.map(fen),
                inst.due_date.trim(),
                inst.condition.trim(),
                inst.note.trim()
            ])?;
        }
        drop(st);
        tx.commit()?;
        self.payment_plan(opportunity_id)
    }

    /// Records a payment received on a won deal (dated from the contract's day to today, > 0).
    pub fn add_payment(&self, opportunity_id: i64, p: &PaymentFields) -> Result<PaymentPlan> {
        let d = won(&self.conn, opportunity_id)?;
        validate::payment(p, &d.contract_date, &self.today_text())?;
        self.conn
            .prepare_cached(
                "INSERT INTO payment (opportunity_id, customer_id, received_on, amount, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                opportunity_id,
                d.customer_id,
                p.received_on.trim(),
                p.amount.map(fen),
                p.note.trim(),
                self.clock.timestamp()
            ])?;
        self.payment_plan(opportunity_id)
    }

    /// Deletes a payment (the UI asks first and offers 撤销, which adds it again); returns its
    /// deal's 回款.
    pub fn delete_payment(&self, payment_id: i64) -> Result<PaymentPlan> {
        let deal: i64 = self
            .conn
            .query_row("SELECT opportunity_id FROM payment WHERE id = ?1", [payment_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::not_found("payment", payment_id))?;
        self.conn.execute("DELETE FROM payment WHERE id = ?1", [payment_id])?;
        self.payment_plan(deal)
    }

    /// A deal's delivery milestones, in the list's order.
    pub fn milestones(&self, opportunity_id: i64) -> Result<Vec<Milestone>> {
        deal(&self.conn, opportunity_id)?;
        let today = self.today_text();
        let mut st = self.conn.prepare_cached(
            "SELECT id, seq, name, planned_date, actual_date, owner, status FROM milestone
             WHERE opportunity_id = ?1 ORDER BY seq",
        )?;
        let rows = st
            .query_map([opportunity_id], |r| {
                let fields = MilestoneFields {
                    name: r.get(2)?,
                    planned_date: r.get(3)?,
                    actual_date: r.get(4)?,
                    owner: r.get(5)?,
                    status: code(r.get(6)?, MilestoneStatus::from_code).unwrap_or_default(),
                };
                let overdue = fields.status != MilestoneStatus::Done
                    && !fields.planned_date.is_empty()
                    && fields.planned_date < today;
                Ok(Milestone { id: r.get(0)?, seq: r.get(1)?, fields, overdue })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Replaces a won deal's milestones with the list as edited (its order kept). Refused, with
    /// nothing written, for a milestone without a name, a date that is not one, or done on a
    /// day still to come.
    pub fn save_milestones(&self, opportunity_id: i64, list: &[MilestoneFields]) -> Result<Vec<Milestone>> {
        let d = won(&self.conn, opportunity_id)?;
        validate::milestones(list, &self.today_text())?;
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM milestone WHERE opportunity_id = ?1", [opportunity_id])?;
        let mut st = tx.prepare_cached(
            "INSERT INTO milestone (opportunity_id, customer_id, seq, name, planned_date, actual_date, owner, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, m) in list.iter().enumerate() {
            st.execute(params![
                opportunity_id,
                d.customer_id,
                i as i64 + 1,
                m.name.trim(),
                m.planned_date.trim(),
                m.actual_date.trim(),
                m.owner.trim(),
                m.status.code()
            ])?;
        }
        drop(st);
        tx.commit()?;
        self.milestones(opportunity_id)
    }
}
