//! `dossier-cli bench weekly`: 周会 on the risk benchmark's database (`dossier-cli demo --scale 57
//! --deals 5 --visits 100`: 201,600 follow-up records over two years, 10,080 deals with their
//! stage history). The period is the last 30 days up to today (about 9,000 records): a period
//! still running, as 本周 and 本月 are on the page, its end "now". Timed per run:
//! - the 周会 view (`Store::weekly`: every section, the red lights at both ends, the forecast at
//!   both ends; each list's first 100 rows): right after a write (an action's status toggled:
//!   the portfolio's lights and the start's dated lights evaluated again), then with nothing
//!   written since (the lights kept, as when the owners change), for everyone and for one
//!   owner; and right after a write for the 30 days up to yesterday, a period that has ended
//!   (its end's dated lights evaluated too);
//! - the 周会 workbook of that period (`export::weekly_report`, every row, to bytes);
//! - the reference, in the same run: the period's records read one by one (`Store::visit`, its
//!   actions included) and every deal's stage history read deal by deal
//!   (`Store::stage_history`), the moves kept in Rust — the straightforward loop — and, for the
//!   export, the same loop with the records' cells written to a plain workbook.

use dossier_core::export::{self, ReportOptions};
use dossier_core::weekly::{PeriodQuery, WeeklyQuery};
use dossier_core::Store;
use serde::Serialize;

use super::trends::{time, timing, Timing};

#[derive(Serialize)]
pub struct Report {
    pub visits: i64,
    pub opportunities: i64,
    pub from: String,
    pub to: String,
    /// What the period holds (everyone).
    pub records: i64,
    pub moves: i64,
    pub at_risk: i64,
    pub new_red: i64,
    pub cleared_red: i64,
    pub export_bytes: usize,
    pub timings: Vec<Timing>,
}

/// The first column of every row of `sql` (the benchmark's own bookkeeping, not timed).
fn ids(store: &Store, sql: &str) -> Result<Vec<i64>, String> {
    let mut st = store.connection().prepare(sql).map_err(|e| e.to_string())?;
    let rows = st
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect::<Result<Vec<i64>, _>>())
        .map_err(|e| e.to_string())?;
    Ok(rows)
}

/// The straightforward reading: one query per record and one per deal. Returns the records'
/// summaries (for the reference export) and the moves found.
fn reference(
    store: &Store,
    records: &[i64],
    deals: &[i64],
    from: &str,
    to: &str,
) -> Result<(Vec<[String; 4]>, usize), String> {
    let err = |e: dossier_core::CoreError| e.to_string();
    let mut rows = Vec::with_capacity(records.len());
    for &id in records {
        let v = store.visit(id).map_err(err)?;
        let actions: Vec<String> = v.fields.actions.iter().map(|a| a.what.clone()).collect();
        rows.push([v.customer_name, v.fields.date, v.fields.summary, actions.join("\n")]);
    }
    let mut moves = 0;
    for &id in deals {
        moves += store
            .stage_history(id)
            .map_err(err)?
            .iter()
            .filter(|c| c.from.is_some() && c.changed_on.as_str() >= from && c.changed_on.as_str() <= to)
            .count();
    }
    Ok((rows, moves))
}

pub fn run(store: &Store, runs: usize) -> Result<Report, String> {
    let err = |e: dossier_core::CoreError| e.to_string();
    let visits = ids(store, "SELECT count(*) FROM visit")?[0];
    if visits < 100_000 {
        return Err(format!(
            "the database has {visits} follow-up records: generate the benchmark's with `dossier-cli demo --db FILE --scale 57 --deals 5 --visits 100`"
        ));
    }
    let days_back = |n: usize| {
        let mut d = store.clock().today();
        for _ in 0..n {
            d = d.pred_opt().expect("a day before");
        }
        d.format("%Y-%m-%d").to_string()
    };
    let (from, to) = (days_back(29), days_back(0));
    let q = WeeklyQuery { period: PeriodQuery::days(&from, &to), ..Default::default() };
    let ended = WeeklyQuery { period: PeriodQuery::days(&days_back(30), &days_back(1)), ..Default::default() };
    let first = store.weekly(&q).map_err(err)?;
    let owner = first.known_owners.first().cloned().ok_or("no owners in the database")?;
    let mine = WeeklyQuery { owners: vec![owner], ..q.clone() };

    // The dates are the benchmark's own (YYYY-MM-DD), not input.
    let records = ids(
        store,
        &format!(
            "SELECT v.id FROM visit v JOIN customer c ON c.id = v.customer_id AND c.deleted_at IS NULL
             WHERE v.visited_on BETWEEN '{from}' AND '{to}' ORDER BY v.visited_on DESC, v.id DESC"
        ),
    )?;
    let deals = ids(store, "SELECT id FROM opportunity ORDER BY id")?;
    let opportunities = deals.len() as i64;

    // After a write every light is evaluated again (an action's status toggled, as in bench risk).
    let action = first.overdue.first().map(|a| (a.id, a.status)).ok_or("no overdue action")?;
    let after_write = |q: &WeeklyQuery| -> Result<Vec<f64>, String> {
        let times = (0..runs)
            .map(|i| {
                let status = if i % 2 == 0 { dossier_core::visits::ActionStatus::Doing } else { action.1 };
                store.set_action_status(action.0, status).map_err(err)?;
                Ok(time(|| store.weekly(q).map(|_| ())).0)
            })
            .collect::<Result<_, String>>()?;
        store.set_action_status(action.0, action.1).map_err(err)?;
        Ok(times)
    };
    let (after_write, ended_after_write) = (after_write(&q)?, after_write(&ended)?);
    let view: Vec<f64> = (0..runs).map(|_| time(|| store.weekly(&q).map(|_| ())).0).collect();
    let view_mine: Vec<f64> = (0..runs).map(|_| time(|| store.weekly(&mine).map(|_| ())).0).collect();
    // The reference loop takes about a second: fewer runs.
    let slow_runs = runs.clamp(1, 10);
    let mut per_row = Vec::with_capacity(slow_runs);
    let mut found = (Vec::new(), 0);
    for _ in 0..slow_runs {
        let (ms, r) = time(|| reference(store, &records, &deals, &from, &to));
        found = r?;
        per_row.push(ms);
    }
    if found.0.len() as i64 != first.summary.records || found.1 as i64 != first.summary.moves {
        return Err(format!(
            "the reference found {} records and {} moves, the view {} and {}",
            found.0.len(),
            found.1,
            first.summary.records,
            first.summary.moves
        ));
    }

    let opts = ReportOptions::default();
    let mut export_bytes = 0;
    let mut export_ms = Vec::with_capacity(slow_runs);
    for _ in 0..slow_runs {
        let (ms, bytes) = time(|| export::weekly_report(store, &q, &opts).and_then(|x| x.to_bytes()));
        export_bytes = bytes.map_err(err)?.len();
        export_ms.push(ms);
    }
    let mut plain_export = Vec::with_capacity(slow_runs);
    for _ in 0..slow_runs {
        let (ms, r) = time(|| -> Result<usize, String> {
            let (rows, _) = reference(store, &records, &deals, &from, &to)?;
            let mut wb = rust_xlsxwriter::Workbook::new();
            let ws = wb.add_worksheet_with_constant_memory().map_err(|e| e.to_string())?;
            for (i, row) in rows.iter().enumerate() {
                for (j, cell) in row.iter().enumerate() {
                    ws.write_string(i as u32, j as u16, cell).map_err(|e| e.to_string())?;
                }
            }
            Ok(wb.save_to_buffer().map_err(|e| e.to_string())?.len())
        });
        r?;
        plain_export.push(ms);
    }

    Ok(Report {
        visits,
        opportunities,
        from,
        to,
        records: first.summary.records,
        moves: first.summary.moves,
        at_risk: first.summary.at_risk,
        new_red: first.summary.new_red,
        cleared_red: first.summary.cleared_red,
        export_bytes,
        timings: vec![
            timing(
                "周会 view, the 30 days to today, everyone, right after a write (every light evaluated)",
                &after_write,
                Some(&per_row),
            ),
            timing(
                "周会 view, the 30 days to yesterday (ended: its end evaluated too), right after a write",
                &ended_after_write,
                Some(&per_row),
            ),
            timing("周会 view again, nothing written since (lights kept)", &view, Some(&per_row)),
            timing("周会 view, one owner, nothing written since", &view_mine, Some(&per_row)),
            timing("reference: records one by one + each deal's stage history", &per_row, None),
            timing("周会 workbook, one month, every row (to bytes)", &export_ms, Some(&plain_export)),
            timing("reference: the per-row loop + its cells in a plain workbook", &plain_export, None),
        ],
    })
}

pub fn print(r: &Report) {
    println!(
        "weekly: {} follow-up records, {} deals; {} – {}: {} records, {} stage moves, {} deals at risk, {} new / {} cleared red lights; workbook {} KB",
        r.visits,
        r.opportunities,
        r.from,
        r.to,
        r.records,
        r.moves,
        r.at_risk,
        r.new_red,
        r.cleared_red,
        r.export_bytes / 1024
    );
    super::trends::print_timings(&r.timings);
}
