//! `dossier-cli bench results`: 业绩 and the pipeline analytics of a year on the risk
//! benchmark's database (`dossier-cli demo --scale 57 --deals 5 --visits 100`, whose won deals
//! carry payment plans, payments and milestones). Before timing, every owner gets quarterly
//! targets for 签约额 and 回款额 (written into the file: it is a benchmark database). Timed per
//! run:
//! - the 业绩 page of this year (`Store::results`: the four metrics by owner and month against
//!   the targets, the forecast split with the deals' lights, the review): right after a write
//!   (an action's status toggled: the portfolio's lights are evaluated again), then with nothing
//!   written since, and for one owner;
//! - 今日's 业绩 card (`Store::today_results`);
//! - 阶段分析 of the year (`Store::stage_stats`);
//! - the reference, in the same run: the same figures by a per-deal loop — each deal read
//!   (`Store::opportunity`), its stage history (`Store::stage_history`) and, when won, its
//!   payments (`Store::payment_plan`) — and each customer's follow-up records of the year
//!   counted with one query per customer. Its totals must equal the page's.

use dossier_core::opportunities::stage_stats::StageStatsQuery;
use dossier_core::opportunities::Stage;
use dossier_core::results::{Metric, ResultsPreset, ResultsQuery, TargetFields, TargetsInput};
use dossier_core::visits::ActionStatus;
use dossier_core::Store;
use serde::Serialize;

use super::trends::{time, timing, Timing};

#[derive(Serialize)]
pub struct Report {
    pub opportunities: i64,
    pub payments: i64,
    pub from: String,
    pub to: String,
    /// The year's totals as the page computed them: 签约额, 回款额, 新增商机, 跟进次数.
    pub totals: [f64; 4],
    /// Stays that began in the year (阶段分析).
    pub stays: i64,
    pub timings: Vec<Timing>,
}

/// The first column of every row of `sql` (the benchmark's own bookkeeping, not timed).
fn rows(store: &Store, sql: &str) -> Result<Vec<i64>, String> {
    let mut st = store.connection().prepare(sql).map_err(|e| e.to_string())?;
    let out = st.query_map([], |r| r.get(0)).and_then(|r| r.collect()).map_err(|e| e.to_string())?;
    Ok(out)
}

/// The year's four totals and the stays begun in it, deal by deal and customer by customer.
fn reference(store: &Store, deals: &[i64], customers: &[i64], from: &str, to: &str) -> Result<([f64; 4], i64), String> {
    let err = |e: dossier_core::CoreError| e.to_string();
    let within = |d: &str| d >= from && d <= to;
    let (mut totals, mut stays) = ([0.0; 4], 0);
    for &id in deals {
        let o = store.opportunity(id).map_err(err)?;
        let history = store.stage_history(id).map_err(err)?;
        if history.first().is_some_and(|c| c.from.is_none() && within(&c.changed_on)) {
            totals[2] += 1.0;
        }
        stays += history.iter().filter(|c| c.to.is_open() && within(&c.changed_on)).count() as i64;
        if o.fields.stage == Stage::Won {
            if within(&o.stage_since) {
                totals[0] += o.fields.contract_amount.or(o.fields.amount).unwrap_or(0.0);
            }
            let plan = store.payment_plan(id).map_err(err)?;
            totals[1] += plan.payments.iter().filter(|p| within(&p.received_on)).map(|p| p.amount).sum::<f64>();
        }
    }
    let mut st = store
        .connection()
        .prepare_cached("SELECT count(*) FROM visit WHERE customer_id = ?1 AND visited_on BETWEEN ?2 AND ?3")
        .map_err(|e| e.to_string())?;
    for &c in customers {
        totals[3] += st.query_row((c, from, to), |r| r.get::<_, i64>(0)).map_err(|e| e.to_string())? as f64;
    }
    Ok((totals, stays))
}

pub fn run(store: &Store, runs: usize) -> Result<Report, String> {
    let err = |e: dossier_core::CoreError| e.to_string();
    let visits = rows(store, "SELECT count(*) FROM visit")?[0];
    if visits < 100_000 {
        return Err(format!(
            "the database has {visits} follow-up records: generate the benchmark's with `dossier-cli demo --db FILE --scale 57 --deals 5 --visits 100`"
        ));
    }
    let year = ResultsQuery { preset: ResultsPreset::ThisYear, ..Default::default() };
    let first = store.results(&year).map_err(err)?;
    let (from, to) = (first.from_day.clone(), first.to_day.clone());
    let owners = first.known_owners.clone();
    let quarters = (1..=4).map(|q| format!("{}-Q{q}", &from[..4]));
    for period in quarters {
        let targets =
            owners
                .iter()
                .flat_map(|o| {
                    [(Metric::Signed, 2_000_000.0), (Metric::Collected, 1_500_000.0)]
                        .map(|(metric, value)| TargetFields { owner: o.clone(), metric, value: Some(value) })
                })
                .collect();
        store.save_targets(&TargetsInput { period, targets }).map_err(err)?;
    }
    let owner = owners.first().cloned().ok_or("no owners in the database")?;
    let mine = ResultsQuery { owners: vec![owner], ..year.clone() };
    let stats_query = StageStatsQuery { from: from.clone(), to: to.clone(), ..Default::default() };

    // After a write the lights are evaluated again (an action's status toggled, as in bench risk).
    let (action, status): (i64, String) = store
        .connection()
        .query_row("SELECT id, status FROM next_action WHERE status <> 'done' ORDER BY id LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map_err(|e| e.to_string())?;
    let status = ActionStatus::from_code(&status).ok_or("an unknown action status")?;
    let after_write: Vec<f64> = (0..runs)
        .map(|i| {
            store.set_action_status(action, if i % 2 == 0 { ActionStatus::Doing } else { status }).map_err(err)?;
            Ok(time(|| store.results(&year).map(|_| ())).0)
        })
        .collect::<Result<_, String>>()?;
    store.set_action_status(action, status).map_err(err)?;
    let view: Vec<f64> = (0..runs).map(|_| time(|| store.results(&year).map(|_| ())).0).collect();
    let view_mine: Vec<f64> = (0..runs).map(|_| time(|| store.results(&mine).map(|_| ())).0).collect();
    let today: Vec<f64> = (0..runs).map(|_| time(|| store.today_results(&[]).map(|_| ())).0).collect();
    let stats: Vec<f64> = (0..runs).map(|_| time(|| store.stage_stats(&stats_query).map(|_| ())).0).collect();

    let deals: Vec<i64> = rows(store, "SELECT o.id FROM opportunity o ORDER BY o.id")?;
    let customers: Vec<i64> = rows(store, "SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY id")?;
    let slow_runs = runs.clamp(1, 10);
    let mut per_deal = Vec::with_capacity(slow_runs);
    let mut found = ([0.0; 4], 0);
    for _ in 0..slow_runs {
        let (ms, r) = time(|| reference(store, &deals, &customers, &from, &to));
        found = r?;
        per_deal.push(ms);
    }
    let page = store.results(&year).map_err(err)?;
    let totals: Vec<f64> = page.total.metrics.iter().map(|m| m.actual).collect();
    let stays: i64 = store.stage_stats(&stats_query).map_err(err)?.stages.iter().map(|s| s.entered).sum();
    let same = totals.iter().zip(found.0).all(|(a, b)| (a - b).abs() < 0.01 * a.abs().max(1.0));
    if !same || stays != found.1 {
        return Err(format!(
            "the reference found {:?} and {} stays, the page {totals:?} and {stays}",
            found.0, found.1
        ));
    }

    Ok(Report {
        opportunities: deals.len() as i64,
        payments: rows(store, "SELECT count(*) FROM payment")?[0],
        from,
        to,
        totals: [totals[0], totals[1], totals[2], totals[3]],
        stays,
        timings: vec![
            timing(
                "业绩 page, this year, everyone, right after a write (every light evaluated)",
                &after_write,
                Some(&per_deal),
            ),
            timing("业绩 page again, nothing written since (lights kept)", &view, Some(&per_deal)),
            timing("业绩 page, one owner, nothing written since", &view_mine, Some(&per_deal)),
            timing("今日's 业绩 card (this month and quarter)", &today, Some(&per_deal)),
            timing("阶段分析 of the year (stage statistics)", &stats, Some(&per_deal)),
            timing("reference: each deal, its stage history and payments, each customer's records", &per_deal, None),
        ],
    })
}

pub fn print(r: &Report) {
    println!(
        "results: {} deals, {} payments; {} – {}: 签约额 {:.0}, 回款额 {:.0}, 新增商机 {}, 跟进次数 {}; {} stays begun",
        r.opportunities, r.payments, r.from, r.to, r.totals[0], r.totals[1], r.totals[2], r.totals[3], r.stays
    );
    super::trends::print_timings(&r.timings);
}
