//! The sample's 回款 and 交付: every won deal gets a payment plan (2–4 installments summing to
//! the contract amount: 签约后, 到货后, 验收后, 质保期满), the payments received so far, and
//! the six default delivery milestones with their planned and actual days.
//!
//! Most customers pay on time and most milestones are done on their day; of the deals with an
//! installment due, one in three pays the latest one late or only in part, and of the
//! deliveries under way every other one has a milestone past its day still in progress — so
//! 今日 and the yellow lights show some, not a wall of red (the sample's contracts are at most
//! 40 days old and the first installment falls due 10 days after signing, so nothing is 30
//! days late). Which deals pay late is counted, not drawn, so even the dozen won deals of the
//! sample always have some. Deliveries take six to eight weeks; two thirds of the contracts
//! older than three weeks are quick ones (spare parts, a licence: paid within three weeks,
//! delivered in two), which leaves the weeks ahead mostly free of milestones.

use chrono::NaiveDate;

use super::pipeline::day;
use super::Rng;
use crate::error::Result;
use crate::payments::bulk::{AfterSale, WonDeal};
use crate::payments::{fen, InstallmentFields, MilestoneFields, MilestoneStatus, PaymentFields};
use crate::Store;

/// The installment plans: (share of the contract, days after signing, condition).
const PLANS: [&[(f64, i64, &str)]; 3] = [
    &[(0.3, 10, "签约后"), (0.6, 70, "到货后"), (0.1, 150, "验收后")],
    &[(0.5, 10, "签约后"), (0.5, 90, "验收后")],
    &[(0.3, 10, "签约后"), (0.3, 60, "到货后"), (0.3, 120, "验收后"), (0.1, 395, "质保期满")],
];
/// A quick deal's plan, paid within three weeks.
const QUICK_PLAN: &[(f64, i64, &str)] = &[(0.5, 5, "签约后"), (0.5, 20, "到货后")];

/// The default milestones and the days each takes after the one before it (签约 is the
/// contract's day; 交付 is set per deal).
const MILESTONES: [(&str, i64); 6] =
    [("签约", 0), ("交付", 0), ("安装/上线", 14), ("验收", 21), ("培训", 7), ("回访", 60)];
const ENGINEERS: [&str; 4] = ["刘工", "赵工", "孙工", "周工"];
const PAYMENT_NOTES: [&str; 3] = ["银行转账", "承兑汇票", ""];

/// How a customer pays the installments already due.
#[derive(Clone, Copy, PartialEq)]
enum Payer {
    OnTime,
    /// Half of the latest installment due.
    Partly,
    /// Nothing of the latest installment due.
    Late,
}

/// How many deals so far had an installment due, and a delivery under way (a milestone after
/// 签约 past its day): every third of the first pays late or in part, every other of the
/// second has stalled.
#[derive(Default)]
struct Spread {
    due: usize,
    under_way: usize,
}

/// The plan, payments and milestones of `d`, won on its contract date, as they stand `today`
/// (`i`: its place among the won deals).
fn after_sale(d: &WonDeal, i: usize, today: NaiveDate, rng: &mut Rng, spread: &mut Spread) -> AfterSale {
    let signed = NaiveDate::parse_from_str(&d.contract_date, "%Y-%m-%d").unwrap_or(today).min(today);
    let age = (today - signed).num_days();
    let quick = age >= 21 && i % 3 != 2;
    let plan = if quick { QUICK_PLAN } else { PLANS[i % PLANS.len()] };
    let mut left = d.contract_amount;
    let installments: Vec<InstallmentFields> = plan
        .iter()
        .enumerate()
        .map(|(i, &(share, after, condition))| {
            let amount =
                if i + 1 == plan.len() { fen(left) } else { (d.contract_amount * share / 100.0).round() * 100.0 };
            left -= amount;
            InstallmentFields {
                amount: Some(amount),
                due_date: day(signed, after),
                condition: condition.into(),
                note: String::new(),
            }
        })
        .collect();

    let today_text = day(today, 0);
    let due: Vec<&InstallmentFields> = installments.iter().filter(|i| i.due_date <= today_text).collect();
    let payer = if due.is_empty() {
        Payer::OnTime
    } else {
        spread.due += 1;
        match spread.due % 6 {
            1 => Payer::Late,
            4 => Payer::Partly,
            _ => Payer::OnTime,
        }
    };
    let mut payments = Vec::new();
    let mut pay = |rng: &mut Rng, on: i64, amount: f64| {
        let on = on.clamp(0, age);
        let note = rng.pick(&PAYMENT_NOTES).to_string();
        payments.push(PaymentFields { received_on: day(signed, on), amount: Some(fen(amount)), note });
    };
    for (n, i) in due.iter().enumerate() {
        let amount = i.amount.unwrap_or(0.0);
        let after = (NaiveDate::parse_from_str(&i.due_date, "%Y-%m-%d").unwrap_or(today) - signed).num_days();
        let on = after - 3 + rng.below(9) as i64;
        match (payer, n + 1 == due.len()) {
            (Payer::Late, true) => {}
            (Payer::Partly, true) => pay(rng, on, amount / 2.0),
            _ => pay(rng, on, amount),
        }
    }
    // A first installment not yet due: most customers pay it soon after signing.
    if due.is_empty() && rng.below(10) < 7 {
        let amount = installments[0].amount.unwrap_or(0.0);
        let on = rng.below(age as usize + 1) as i64;
        pay(rng, on, amount);
    }

    let delivery = if quick { 14 } else { *rng.pick(&[45, 60]) };
    let engineer = rng.pick(&ENGINEERS).to_string();
    let mut planned = 0;
    let mut milestones: Vec<MilestoneFields> = MILESTONES
        .iter()
        .map(|&(name, after)| {
            planned += if name == "交付" { delivery } else { after };
            let owner = if name == "签约" || name == "回访" { d.owner.clone() } else { engineer.clone() };
            let (status, actual) = if planned == 0 {
                (MilestoneStatus::Done, day(signed, 0))
            } else if planned < age {
                let done = (planned - 2 + rng.below(7) as i64).clamp(0, age);
                (MilestoneStatus::Done, day(signed, done))
            } else if planned - age <= 7 {
                (MilestoneStatus::InProgress, String::new())
            } else {
                (MilestoneStatus::NotStarted, String::new())
            };
            MilestoneFields {
                name: name.into(),
                planned_date: day(signed, planned),
                actual_date: actual,
                owner,
                status,
            }
        })
        .collect();
    // A stalled delivery: the latest milestone past its day is still in progress.
    if let Some(m) = milestones.iter_mut().rev().find(|m| m.status == MilestoneStatus::Done && m.name != "签约") {
        spread.under_way += 1;
        if spread.under_way % 2 == 1 {
            m.status = MilestoneStatus::InProgress;
            m.actual_date.clear();
        }
    }
    AfterSale { deal: d.clone(), installments, payments, milestones }
}

/// Gives every won deal without them a plan, payments and milestones (the sample's and the
/// benchmark's); returns how many rows were written.
pub(super) fn load(store: &Store, seed: u64) -> Result<usize> {
    let today = store.clock().today();
    let mut spread = Spread::default();
    let list: Vec<AfterSale> = store
        .won_deals_without_after_sale()?
        .iter()
        .enumerate()
        .map(|(i, d)| after_sale(d, i, today, &mut Rng(seed ^ (d.id as u64).wrapping_mul(0x9E37_79B9)), &mut spread))
        .collect();
    store.insert_after_sale(&list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deal(contract_date: &str) -> WonDeal {
        WonDeal {
            id: 1,
            customer_id: 1,
            owner: "张伟".into(),
            contract_amount: 1_234_567.0,
            contract_date: contract_date.into(),
        }
    }

    #[test]
    fn plans_sum_to_the_contract_and_nothing_is_received_ahead_of_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut spread = Spread::default();
        for seed in 0..200 {
            let d = deal(&day(today, -(seed as i64 % 40)));
            let a = after_sale(&d, seed as usize, today, &mut Rng(seed), &mut spread);
            let planned: f64 = a.installments.iter().filter_map(|i| i.amount).sum();
            assert!((2..=4).contains(&a.installments.len()));
            assert!((fen(planned) - d.contract_amount).abs() < 0.01, "{planned}");
            let received: f64 = a.payments.iter().filter_map(|p| p.amount).sum();
            assert!(received <= planned + 0.01);
            assert!(a.payments.iter().all(|p| p.received_on >= d.contract_date && p.received_on <= day(today, 0)));
            assert_eq!(a.milestones.len(), 6);
            assert!(a.milestones.iter().all(|m| m.actual_date <= day(today, 0)));
        }
    }
}
