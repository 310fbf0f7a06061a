//! `dossier-cli bench kill`: what a crash leaves in the database file. The real
//! `dossier-cli import` of a generated customer list, and separately a loop of profile saves,
//! run as child processes that are SIGKILLed at a random moment; after every kill the file
//! must pass `PRAGMA integrity_check`, open in Dossier (`Store::open`: its checks and
//! migrations), and hold all of the import or none of it, and every save whole (all the
//! fields it wrote, from that one save) with none that had been reported committed lost.
//!
//! It also times one profile save under `synchronous=NORMAL` and `FULL` (the choice in the
//! core's `db/mod.rs` `configure`). A kill cannot tell the two apart — SQLite keeps a committed
//! transaction across a process crash with either — so the cost is what is measured here.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dossier_core::customers::{CustomerFields, FinancialPeriod};
use dossier_core::{Store, SystemClock};
use serde::Serialize;

use super::{generate, median, round2, round3};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KillReport {
    pub seed: u64,
    pub import: ImportKills,
    pub saves: SaveKills,
    pub save_ms: SaveCost,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportKills {
    pub rows: usize,
    /// One uninterrupted import of the list, which the kill moments are drawn within.
    pub full_run_seconds: f64,
    pub runs: usize,
    /// Runs killed while the import was still running (the others had finished first).
    pub kills: usize,
    pub integrity_failures: usize,
    pub open_failures: usize,
    /// Runs that left some of the rows, or rows without their history entry or the reverse.
    pub partial_imports: usize,
    /// Killed runs that left the whole import (killed after the commit, before exiting).
    pub whole_after_kill: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveKills {
    pub runs: usize,
    pub kills: usize,
    /// Saves the children reported done before being killed, all runs together.
    pub saves_reported: u64,
    pub integrity_failures: usize,
    pub open_failures: usize,
    /// A save whose fields or rows come from two different saves.
    pub half_saves: usize,
    /// A save the child had reported committed that the file no longer holds.
    pub lost_saves: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveCost {
    pub saves: usize,
    /// Median milliseconds of one save (customer fields + the financial series, two
    /// transactions) under `synchronous=NORMAL`.
    pub normal: f64,
    pub full: f64,
}

/// A small deterministic generator (xorshift64*): the kill moments, reproducible by `--seed`.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn copy_database(from: &Path, to: &Path) -> Result<(), String> {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("{}: {e}", to.display()))
}

/// Kills `child` (SIGKILL on Unix) unless it has already exited; whether it was killed.
fn kill(child: &mut Child) -> Result<bool, String> {
    if child.try_wait().map_err(|e| e.to_string())?.is_some() {
        return Ok(false);
    }
    child.kill().map_err(|e| e.to_string())?;
    let status = child.wait().map_err(|e| e.to_string())?;
    Ok(!status.success())
}

/// What a file holds after a kill: `None` when Dossier cannot open it; else the store and
/// whether `PRAGMA integrity_check` said ok.
fn examine(db: &Path) -> Option<(Store, bool)> {
    let store = Store::open(db, Arc::new(SystemClock)).ok()?;
    let check: Result<String, _> = store.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0));
    let ok = check.is_ok_and(|c| c == "ok");
    Some((store, ok))
}

pub fn run(runs: usize, rows: usize, seed: Option<u64>, dir: &Path) -> Result<KillReport, String> {
    let seed = seed.unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1
    });
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let base = dir.join("base.sqlite");
    let _ = std::fs::remove_file(&base);
    {
        let store = Store::open(&base, Arc::new(SystemClock)).map_err(|e| e.to_string())?;
        dossier_core::sample::load(&store, 1).map_err(|e| e.to_string())?;
    } // closed: the WAL is checkpointed into the file, which is copied for every run
    let import = import_kills(&exe, &base, dir, rows, runs, &mut rng)?;
    let saves = save_kills(&exe, &base, dir, runs, &mut rng)?;
    let save_ms = save_cost(&base, dir, 200)?;
    Ok(KillReport { seed, import, saves, save_ms })
}

fn import_kills(
    exe: &Path,
    base: &Path,
    dir: &Path,
    rows: usize,
    runs: usize,
    rng: &mut Rng,
) -> Result<ImportKills, String> {
    let list = dir.join("customers.xlsx");
    generate::customer_list(&list, rows)?;
    let (customers, imports) = {
        let store = Store::open(base, Arc::new(SystemClock)).map_err(|e| e.to_string())?;
        (store.stats().map_err(|e| e.to_string())?.customers, store.import_history().map_err(|e| e.to_string())?.len())
    };
    let db = dir.join("import.sqlite");
    let import = |db: &PathBuf| -> Result<Child, String> {
        Command::new(exe)
            .arg("import")
            .arg("--db")
            .arg(db)
            .args(["--kind", "customers"])
            .arg(&list)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| e.to_string())
    };
    copy_database(base, &db)?;
    let started = Instant::now();
    let status = import(&db)?.wait().map_err(|e| e.to_string())?;
    let full = started.elapsed();
    if !status.success() {
        return Err(format!("the uninterrupted import failed: {status}"));
    }
    let mut report = ImportKills {
        rows,
        full_run_seconds: round2(full.as_secs_f64()),
        runs,
        kills: 0,
        integrity_failures: 0,
        open_failures: 0,
        partial_imports: 0,
        whole_after_kill: 0,
    };
    for _ in 0..runs {
        copy_database(base, &db)?;
        let mut child = import(&db)?;
        std::thread::sleep(full.mul_f64(rng.unit()));
        let killed = kill(&mut child)?;
        report.kills += usize::from(killed);
        let Some((store, ok)) = examine(&db) else {
            report.open_failures += 1;
            continue;
        };
        report.integrity_failures += usize::from(!ok);
        let added = store.stats().map_err(|e| e.to_string())?.customers - customers;
        let recorded = store.import_history().map_err(|e| e.to_string())?.len() - imports;
        match (added, recorded) {
            (0, 0) => {}
            (n, 1) if n == rows as i64 => report.whole_after_kill += usize::from(killed),
            _ => report.partial_imports += 1,
        }
    }
    Ok(report)
}

/// The values save number `n` writes: four customer fields, and a financial series of four
/// periods whose figures and sources all carry `n`.
fn fields_of(mut fields: CustomerFields, n: u64) -> CustomerFields {
    fields.headcount = Some(n as i64);
    fields.headquarters = format!("总部 {n}");
    fields.subsidiaries = format!("子公司 {n}");
    fields.collaborators = format!("协作 {n}");
    fields
}

fn periods_of(n: u64) -> Vec<FinancialPeriod> {
    (2021..=2024)
        .map(|year| FinancialPeriod {
            period: year.to_string(),
            revenue: Some(n as f64),
            net_profit: Some(year as f64 + n as f64),
            source: format!("保存 {n}"),
            ..Default::default()
        })
        .collect()
}

/// The save number a customer's fields carry, if all four agree.
fn save_in_fields(f: &CustomerFields) -> Option<u64> {
    let n = u64::try_from(f.headcount?).ok()?;
    (*f == fields_of(f.clone(), n)).then_some(n)
}

/// The save number a financial series carries, if it is one save's whole series.
fn save_in_periods(periods: &[FinancialPeriod]) -> Option<u64> {
    let n = periods.first()?.revenue? as u64;
    (periods == periods_of(n).as_slice()).then_some(n)
}

/// The hidden `bench save-loop`: saves `customer`'s profile over and over (the customer's
/// fields, then its financial series: two saves, as the customer page makes them), printing
/// each save number once both are committed. Ends only when killed.
pub fn save_loop(db: &Path, customer: i64) -> Result<(), String> {
    let store = Store::open(db, Arc::new(SystemClock)).map_err(|e| e.to_string())?;
    let fields = store.profile(customer).map_err(|e| e.to_string())?.customer.fields;
    for n in 1.. {
        store.update_customer(customer, &fields_of(fields.clone(), n)).map_err(|e| e.to_string())?;
        store.save_financials(customer, &periods_of(n)).map_err(|e| e.to_string())?;
        println!("{n}");
    }
    Ok(())
}

fn first_customer(store: &Store) -> Result<i64, String> {
    let page = store.list_customers(&Default::default()).map_err(|e| e.to_string())?;
    page.rows.first().map(|c| c.id).ok_or_else(|| "the base database has no customer".to_string())
}

fn save_kills(exe: &Path, base: &Path, dir: &Path, runs: usize, rng: &mut Rng) -> Result<SaveKills, String> {
    let db = dir.join("saves.sqlite");
    let (customer, before) = {
        let store = Store::open(base, Arc::new(SystemClock)).map_err(|e| e.to_string())?;
        let id = first_customer(&store)?;
        (id, store.profile(id).map_err(|e| e.to_string())?)
    };
    let mut report = SaveKills {
        runs,
        kills: 0,
        saves_reported: 0,
        integrity_failures: 0,
        open_failures: 0,
        half_saves: 0,
        lost_saves: 0,
    };
    for _ in 0..runs {
        copy_database(base, &db)?;
        let mut child = Command::new(exe)
            .args(["bench", "save-loop", "--db"])
            .arg(&db)
            .args(["--customer", &customer.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| e.to_string())?;
        let out = child.stdout.take().expect("piped stdout");
        let reader = std::thread::spawn(move || {
            BufReader::new(out).lines().map_while(Result::ok).filter_map(|l| l.trim().parse::<u64>().ok()).last()
        });
        // Up to two seconds of saving: hundreds of saves, the kill landing anywhere in one.
        std::thread::sleep(Duration::from_secs_f64(0.05 + 2.0 * rng.unit()));
        report.kills += usize::from(kill(&mut child)?);
        let reported = reader.join().map_err(|_| "the output reader panicked")?.unwrap_or(0);
        report.saves_reported += reported;
        let Some((store, ok)) = examine(&db) else {
            report.open_failures += 1;
            continue;
        };
        report.integrity_failures += usize::from(!ok);
        let profile = store.profile(customer).map_err(|e| e.to_string())?;
        // 0 stands for the values before the first save; `None` for a mixture.
        let fields = save_in_fields(&profile.customer.fields)
            .or((profile.customer.fields == before.customer.fields).then_some(0));
        let periods = save_in_periods(&profile.financials).or((profile.financials == before.financials).then_some(0));
        // The fields are saved first: they hold the save in progress or the last one
        // reported, the financial series that save or the one before.
        match (fields, periods) {
            (Some(f), Some(p)) if f == p || f == p + 1 => report.lost_saves += usize::from(p < reported),
            _ => report.half_saves += 1,
        }
    }
    Ok(report)
}

/// Median milliseconds of one save under each `synchronous` setting, on a copy of `base`.
fn save_cost(base: &Path, dir: &Path, saves: usize) -> Result<SaveCost, String> {
    let db = dir.join("cost.sqlite");
    let mut medians = Vec::new();
    for setting in ["NORMAL", "FULL"] {
        copy_database(base, &db)?;
        let store = Store::open(&db, Arc::new(SystemClock)).map_err(|e| e.to_string())?;
        store.connection().execute_batch(&format!("PRAGMA synchronous = {setting}")).map_err(|e| e.to_string())?;
        let id = first_customer(&store)?;
        let fields = store.profile(id).map_err(|e| e.to_string())?.customer.fields;
        let mut times = Vec::with_capacity(saves);
        for n in 1..=saves as u64 {
            let started = Instant::now();
            store.update_customer(id, &fields_of(fields.clone(), n)).map_err(|e| e.to_string())?;
            store.save_financials(id, &periods_of(n)).map_err(|e| e.to_string())?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        medians.push(round3(median(&times)));
    }
    Ok(SaveCost { saves, normal: medians[0], full: medians[1] })
}

pub fn print(r: &KillReport) {
    let i = &r.import;
    println!("kill test (seed {}):", r.seed);
    println!("  import of {} rows (uninterrupted {:.2} s), {} runs:", i.rows, i.full_run_seconds, i.runs);
    println!(
        "    kills {}  integrity failures {}  open failures {}  partial imports {}  (whole import left by a kill after the commit: {})",
        i.kills, i.integrity_failures, i.open_failures, i.partial_imports, i.whole_after_kill
    );
    let s = &r.saves;
    println!("  profile saves, {} runs ({} saves reported before the kills):", s.runs, s.saves_reported);
    println!(
        "    kills {}  integrity failures {}  open failures {}  half saves {}  lost saves {}",
        s.kills, s.integrity_failures, s.open_failures, s.half_saves, s.lost_saves
    );
    println!(
        "  one save (customer fields + financial series), median of {}: NORMAL {:.3} ms, FULL {:.3} ms",
        r.save_ms.saves, r.save_ms.normal, r.save_ms.full
    );
}
