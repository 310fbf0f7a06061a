//! `dossier-cli bench backup`: a snapshot (copy + verification) and a restore of a database
//! holding the generated customer list (imported with the real `dossier-cli import`), timed
//! in this process; medians over the runs, and the sizes.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use dossier_core::{Store, SystemClock};
use serde::Serialize;

use super::{child, generate, median, round2};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupReport {
    pub customers: i64,
    pub contacts: i64,
    pub runs: usize,
    /// The database file (checkpointed), MB.
    pub database_mb: f64,
    pub snapshot_mb: f64,
    /// 立即备份: copy, `PRAGMA integrity_check`, flush, rename, rotation.
    pub snapshot_seconds: f64,
    /// The verification alone, timed again on the snapshot.
    pub verify_seconds: f64,
    /// Restore: checks of the snapshot, the before-restore snapshot, staging, the copy in.
    pub restore_seconds: f64,
}

pub fn run(rows: usize, runs: usize, dir: &Path) -> Result<BackupReport, String> {
    let file = dir.join("customers.xlsx");
    if !file.exists() {
        generate::customer_list(&file, rows)?;
    }
    let db = dir.join("backup.sqlite");
    if !db.exists() {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        child::run(Command::new(&exe).arg("import").arg("--db").arg(&db).args(["--kind", "customers"]).arg(&file))?;
    }
    let mut store = Store::open(&db, Arc::new(SystemClock)).map_err(|e| e.to_string())?;
    store.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").map_err(|e| e.to_string())?;
    let database_mb = std::fs::metadata(&db).map_err(|e| e.to_string())?.len() as f64 / 1e6;
    let stats = store.stats().map_err(|e| e.to_string())?;
    let (mut snapshot, mut verify, mut restore, mut sizes) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let started = Instant::now();
        let snap = store.snapshot_now().map_err(|e| e.to_string())?;
        snapshot.push(started.elapsed().as_secs_f64());
        sizes.push(snap.bytes as f64 / 1e6);
        let started = Instant::now();
        dossier_core::backup::copy::verify(Path::new(&snap.path)).map_err(|e| e.to_string())?;
        verify.push(started.elapsed().as_secs_f64());
        let started = Instant::now();
        let before = store.restore_snapshot(Path::new(&snap.path)).map_err(|e| e.to_string())?;
        restore.push(started.elapsed().as_secs_f64());
        // Snapshots asked for are kept a day by the rotation: remove the benchmark's own.
        for p in [&snap.path, &before.path] {
            let _ = std::fs::remove_file(p);
        }
    }
    Ok(BackupReport {
        customers: stats.customers,
        contacts: stats.contacts,
        runs,
        database_mb: round2(database_mb),
        snapshot_mb: round2(median(&sizes)),
        snapshot_seconds: round2(median(&snapshot)),
        verify_seconds: round2(median(&verify)),
        restore_seconds: round2(median(&restore)),
    })
}

pub fn print(r: &BackupReport) {
    println!(
        "backup of {} customers, {} contacts ({:.0} MB database, median of {} runs):",
        r.customers, r.contacts, r.database_mb, r.runs
    );
    println!(
        "  snapshot (立即备份)       {:>7.2} s  {:.0} MB  (of which verification {:.2} s)",
        r.snapshot_seconds, r.snapshot_mb, r.verify_seconds
    );
    println!("  restore                 {:>7.2} s", r.restore_seconds);
}
