//! `dossier-cli bench risk`: risk lights, the home page and the customer timeline on a
//! generated database (`dossier-cli demo --scale 57 --deals 5 --visits 100`: 2,052 customers,
//! 10,080 opportunities, 201,600 follow-up records with their next actions). Timed per run:
//! - the whole portfolio's lights evaluated (`Store::evaluate_risk(None)`: one set-based
//!   query per rule, no cache) against a per-customer loop evaluating the same rules in the
//!   same run (`Store::evaluate_risk` of each customer: each rule's query filtered to one
//!   customer); then read again with nothing written since (`Store::portfolio_risk`, cached);
//! - the lights of one page of the customer list (50 customers, `Store::customer_risks`);
//! - the home page (`Store::home`: due today, overdue, red customers from the whole
//!   portfolio's lights, deals closing this month), for everyone, for one owner, and right
//!   after a write (an action's status changed: the lights are evaluated again);
//! - one customer's timeline, first page of 50 (a different customer each run);
//! - the kanban (20 cards per stage, with their lights) and the pipeline analytics.

use dossier_core::activity::{HomeQuery, TimelineQuery};
use dossier_core::customers::Grade;
use dossier_core::opportunities::{OpportunityQuery, OpportunitySort};
use dossier_core::Store;
use serde::Serialize;

use super::trends::{time, timing, Timing};

#[derive(Serialize)]
pub struct Report {
    pub customers: i64,
    pub opportunities: i64,
    pub visits: i64,
    pub actions: i64,
    /// Customers not green / red in the portfolio's evaluation.
    pub lit_customers: usize,
    pub red_customers: usize,
    pub timings: Vec<Timing>,
}

fn count(store: &Store, table: &str) -> Result<i64, String> {
    store.connection().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).map_err(|e| e.to_string())
}

pub fn run(store: &Store, runs: usize) -> Result<Report, String> {
    let err = |e: dossier_core::CoreError| e.to_string();
    let visits = count(store, "visit")?;
    if visits < 100_000 {
        return Err(format!(
            "the database has {visits} follow-up records: generate the benchmark's with `dossier-cli demo --db FILE --scale 57 --deals 5 --visits 100`"
        ));
    }
    let ids: Vec<i64> = store
        .connection()
        .prepare("SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY id")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| e.to_string())?;
    // Warm-up, and the trends cache brought up to date once (the lights read it).
    let first = store.evaluate_risk(None).map_err(err)?;
    let red = first.customers.iter().filter(|c| c.risk.level == dossier_core::risk::RiskLevel::Red).count();

    let portfolio: Vec<f64> = (0..runs).map(|_| time(|| store.evaluate_risk(None).map(|_| ())).0).collect();
    // The loop takes about a second a run: fewer runs.
    let loop_runs = runs.clamp(1, 10);
    let mut per_customer = Vec::with_capacity(loop_runs);
    for _ in 0..loop_runs {
        let (ms, r) = time(|| ids.iter().try_for_each(|&id| store.evaluate_risk(Some(&[id])).map(|_| ())));
        r.map_err(err)?;
        per_customer.push(ms);
    }
    store.portfolio_risk().map_err(err)?;
    let cached: Vec<f64> = (0..runs).map(|_| time(|| store.portfolio_risk().map(|_| ())).0).collect();
    // The customer list's column: the lights of one page of 50 customers.
    let list_page: Vec<f64> = (0..runs)
        .map(|i| {
            let start = (i * 50) % ids.len().saturating_sub(50).max(1);
            time(|| store.customer_risks(&ids[start..(start + 50).min(ids.len())]).map(|_| ())).0
        })
        .collect();
    let home: Vec<f64> = (0..runs).map(|_| time(|| store.home(&HomeQuery::default()).map(|_| ())).0).collect();
    let mine = HomeQuery { owners: vec!["张伟".into()], ..Default::default() };
    let home_mine: Vec<f64> = (0..runs).map(|_| time(|| store.home(&mine).map(|_| ())).0).collect();
    // After a write (an action's status toggled) the lights are evaluated again.
    let action = store
        .home(&HomeQuery::default())
        .map_err(err)?
        .overdue
        .first()
        .map(|a| (a.id, a.status))
        .ok_or("no overdue action")?;
    let after_write: Vec<f64> = (0..runs)
        .map(|i| {
            let status = if i % 2 == 0 { dossier_core::visits::ActionStatus::Doing } else { action.1 };
            store.set_action_status(action.0, status).map_err(err)?;
            Ok(time(|| store.home(&HomeQuery::default()).map(|_| ())).0)
        })
        .collect::<Result<_, String>>()?;
    store.set_action_status(action.0, action.1).map_err(err)?;
    let page = TimelineQuery::default();
    let timeline: Vec<f64> =
        (0..runs).map(|i| time(|| store.timeline(ids[(i * 7919) % ids.len()], &page).map(|_| ())).0).collect();
    let board_query = OpportunityQuery { limit: 20, ..Default::default() };
    let board: Vec<f64> = (0..runs).map(|_| time(|| store.pipeline_board(&board_query).map(|_| ())).0).collect();
    let analytics: Vec<f64> =
        (0..runs).map(|_| time(|| store.pipeline_analytics(&OpportunityQuery::default()).map(|_| ())).0).collect();
    // The pipeline table as the filters leave it: A-grade customers' deals, sorted by stage.
    let table_query =
        OpportunityQuery { grades: vec![Grade::A], sort: OpportunitySort::Stage, limit: 50, ..Default::default() };
    let table: Vec<f64> = (0..runs).map(|_| time(|| store.list_opportunities(&table_query).map(|_| ())).0).collect();

    Ok(Report {
        customers: ids.len() as i64,
        opportunities: count(store, "opportunity")?,
        visits,
        actions: count(store, "next_action")?,
        lit_customers: first.customers.len(),
        red_customers: red,
        timings: vec![
            timing("whole-portfolio risk lights, evaluated (set-based, uncached)", &portfolio, Some(&per_customer)),
            timing("reference: the same rules customer by customer", &per_customer, None),
            timing("whole-portfolio risk lights, nothing written since (cached)", &cached, Some(&per_customer)),
            timing("lights of one customer-list page (50 customers, cached)", &list_page, None),
            timing("home page (今日), everyone", &home, None),
            timing("home page, one owner", &home_mine, None),
            timing("home page right after a write (lights evaluated again)", &after_write, None),
            timing("customer timeline, first 50", &timeline, None),
            timing("kanban, 20 cards per stage with lights", &board, None),
            timing("pipeline analytics (forecast, funnel, lost)", &analytics, None),
            timing("pipeline table, A-grade customers, by stage, first 50 with lights", &table, None),
        ],
    })
}

pub fn print(r: &Report) {
    println!(
        "risk: {} customers, {} opportunities, {} follow-up records, {} actions; {} customers lit ({} red)",
        r.customers, r.opportunities, r.visits, r.actions, r.lit_customers, r.red_customers
    );
    super::trends::print_timings(&r.timings);
}
