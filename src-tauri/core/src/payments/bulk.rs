//! 回款 and 交付 of many won deals at once (the sample data and the benchmark's database): the
//! won deals still without a plan, and their plans, payments and milestones inserted in one
//! transaction with cached statements — a scaled demo has thousands of won deals, and each
//! form save re-reads its deal's whole plan. Every deal is checked like the forms check it;
//! one refused deal rolls the batch back.

use rusqlite::params;

use crate::error::Result;
use crate::payments::{fen, validate, InstallmentFields, MilestoneFields, PaymentFields, PlanInput};
use crate::Store;

/// A won deal as the generator needs it.
#[derive(Clone, Debug)]
pub struct WonDeal {
    pub id: i64,
    pub customer_id: i64,
    pub owner: String,
    /// The contract amount (else the deal's amount), 元.
    pub contract_amount: f64,
    /// The contract date (else the day it was won).
    pub contract_date: String,
}

/// A won deal's plan, payments received and milestones, to insert.
#[derive(Clone, Debug)]
pub struct AfterSale {
    pub deal: WonDeal,
    /// In due-date order (第 1 期 first).
    pub installments: Vec<InstallmentFields>,
    pub payments: Vec<PaymentFields>,
    pub milestones: Vec<MilestoneFields>,
}

impl Store {
    /// The won deals of live customers that have no installment and no milestone yet, by id.
    pub(crate) fn won_deals_without_after_sale(&self) -> Result<Vec<WonDeal>> {
        let mut st = self.conn.prepare(
            "SELECT o.id, o.customer_id, o.owner, coalesce(o.contract_amount, o.amount, 0),
                    CASE WHEN o.contract_date <> '' THEN o.contract_date ELSE o.stage_since END
             FROM opportunity o JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
             WHERE o.stage = 'won'
               AND NOT EXISTS (SELECT 1 FROM installment i WHERE i.opportunity_id = o.id)
               AND NOT EXISTS (SELECT 1 FROM milestone m WHERE m.opportunity_id = o.id)
             ORDER BY o.id",
        )?;
        let rows = st
            .query_map([], |r| {
                Ok(WonDeal {
                    id: r.get(0)?,
                    customer_id: r.get(1)?,
                    owner: r.get(2)?,
                    contract_amount: r.get(3)?,
                    contract_date: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Inserts the plans, payments and milestones of `list` in one transaction, each deal
    /// checked as its forms are (the plan not above the contract, payments from the contract's
    /// day to today, milestones not done after today). Returns how many rows were written.
    pub(crate) fn insert_after_sale(&self, list: &[AfterSale]) -> Result<usize> {
        let today = self.today_text();
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        let mut installment = tx.prepare_cached(
            "INSERT INTO installment (opportunity_id, customer_id, seq, amount, due_date, condition, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut payment = tx.prepare_cached(
            "INSERT INTO payment (opportunity_id, customer_id, received_on, amount, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut milestone = tx.prepare_cached(
            "INSERT INTO milestone (opportunity_id, customer_id, seq, name, planned_date, actual_date, owner, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut n = 0;
        for a in list {
            let d = &a.deal;
            validate::plan(
                &PlanInput { installments: a.installments.clone(), confirm_over: false },
                d.contract_amount,
            )?;
            for p in &a.payments {
                validate::payment(p, &d.contract_date, &today)?;
            }
            validate::milestones(&a.milestones, &today)?;
            for (i, x) in a.installments.iter().enumerate() {
                let amount = x.amount.map(fen);
                installment.execute(params![
                    d.id,
                    d.customer_id,
                    i as i64 + 1,
                    amount,
                    x.due_date,
                    x.condition,
                    x.note
                ])?;
            }
            for p in &a.payments {
                payment.execute(params![d.id, d.customer_id, p.received_on, p.amount.map(fen), p.note, now])?;
            }
            for (i, m) in a.milestones.iter().enumerate() {
                let status = m.status.code();
                milestone.execute(params![
                    d.id,
                    d.customer_id,
                    i as i64 + 1,
                    m.name,
                    m.planned_date,
                    m.actual_date,
                    m.owner,
                    status
                ])?;
            }
            n += a.installments.len() + a.payments.len() + a.milestones.len();
        }
        drop((installment, payment, milestone));
        tx.commit()?;
        Ok(n)
    }
}
