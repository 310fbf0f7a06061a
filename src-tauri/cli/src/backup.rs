//! `dossier-cli backup | backups`: snapshots in words.

use dossier_core::backup::Snapshot;

/// "2026-11-23T12:00:00Z · manual · 1.2 MB · 36 customers, 80 contacts, 120 visits".
pub fn describe(s: &Snapshot) -> String {
    let counts = match s.counts {
        Some(c) => format!("{} customers, {} contacts, {} visits", c.customers, c.contacts, c.visits),
        None => "unreadable".into(),
    };
    format!("{} · {} · {:.1} MB · {counts}", s.taken_at, s.reason.code(), s.bytes as f64 / 1e6)
}

pub fn print(list: &[Snapshot]) {
    if list.is_empty() {
        eprintln!("no snapshot yet");
    }
    for s in list {
        println!("{}  {}", describe(s), s.path);
    }
}
