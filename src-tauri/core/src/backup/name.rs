//! Snapshot file names: `<db stem>-<UTC time>[-<n>]-<reason>.sqlite`, e.g.
//! `dossier-20261123T120000Z-before-import.sqlite`. The time sorts the names; `n` (2, 3, …)
//! tells apart snapshots taken within the same second. The database's stem keeps two
//! databases' snapshots apart in a shared folder, and only names of this form are ever listed,
//! rotated away or restored from the list. A snapshot is written as `.<its name>.partial`
//! first (hidden, never listed).

use chrono::{DateTime, NaiveDateTime, Timelike, Utc};

use super::SnapshotReason;

const TIME: &str = "%Y%m%dT%H%M%SZ";
/// `20261123T120000Z`.
const TIME_LEN: usize = 16;
const EXTENSION: &str = ".sqlite";
const PARTIAL: &str = ".partial";

/// A snapshot's name, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotName {
    pub taken: DateTime<Utc>,
    /// 1 for the first snapshot of a second, then 2, 3, …
    pub seq: u32,
    pub reason: SnapshotReason,
}

impl SnapshotName {
    pub fn file(&self, stem: &str) -> String {
        let seq = if self.seq > 1 { format!("-{}", self.seq) } else { String::new() };
        format!("{stem}-{}{seq}-{}{EXTENSION}", self.taken.format(TIME), self.reason.code())
    }

    /// The hidden file the snapshot is written to before it is verified.
    pub fn partial_file(&self, stem: &str) -> String {
        format!(".{}{PARTIAL}", self.file(stem))
    }

    /// The snapshot `file` is the partial file of (see [`SnapshotName::partial_file`]).
    pub fn parse_partial(stem: &str, file: &str) -> Option<SnapshotName> {
        SnapshotName::parse(stem, file.strip_prefix('.')?.strip_suffix(PARTIAL)?)
    }

    /// The name `file` would have if it were a snapshot of the database `stem`.
    pub fn parse(stem: &str, file: &str) -> Option<SnapshotName> {
        let rest = file.strip_prefix(stem)?.strip_prefix('-')?.strip_suffix(EXTENSION)?;
        let time = rest.get(..TIME_LEN)?;
        let taken = NaiveDateTime::parse_from_str(time, TIME).ok()?.and_utc();
        let rest = rest[TIME_LEN..].strip_prefix('-')?;
        let (seq, code) = match rest.split_once('-') {
            Some((n, code)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                (n.parse::<u32>().ok().filter(|n| *n > 1)?, code)
            }
            _ => (1, rest),
        };
        Some(SnapshotName { taken, seq, reason: SnapshotReason::from_code(code)? })
    }

    /// Newest first: by time, then by the number within the second.
    pub fn order_key(&self) -> (DateTime<Utc>, u32) {
        (self.taken, self.seq)
    }
}

/// The file a new snapshot of `stem` taken at `taken` gets in a folder already holding
/// `existing` (file names): the next free number within that second.
pub fn next(stem: &str, taken: DateTime<Utc>, reason: SnapshotReason, existing: &[String]) -> SnapshotName {
    let second = taken.with_nanosecond(0).unwrap_or(taken);
    let seq = existing
        .iter()
        .filter_map(|f| SnapshotName::parse(stem, f))
        .filter(|n| n.taken == second)
        .map(|n| n.seq + 1)
        .max()
        .unwrap_or(1);
    SnapshotName { taken: second, seq, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn names_round_trip_and_number_snapshots_of_the_same_second() {
        let t = at("2026-11-23T12:00:00.700Z");
        let first = next("dossier", t, SnapshotReason::BeforeImport, &[]);
        let file = first.file("dossier");
        assert_eq!(file, "dossier-20261123T120000Z-before-import.sqlite");
        assert_eq!(SnapshotName::parse("dossier", &file), Some(first.clone()));
        let second = next("dossier", t, SnapshotReason::Manual, std::slice::from_ref(&file));
        assert_eq!(second.file("dossier"), "dossier-20261123T120000Z-2-manual.sqlite");
        assert_eq!(SnapshotName::parse("dossier", &second.file("dossier")), Some(second.clone()));
        assert!(second.order_key() > first.order_key());
        assert_eq!(next("dossier", t, SnapshotReason::Daily, &[file, second.file("dossier")]).seq, 3);
    }

    #[test]
    fn only_our_own_names_are_recognised() {
        for other in [
            "dossier-20261123T120000Z-weekly.sqlite",
            "dossier-20261123T120000Z-manual.sqlite-journal",
            ".dossier-20261123T120000Z-manual.sqlite.partial",
            "other-20261123T120000Z-manual.sqlite",
            "dossier-20261323T120000Z-manual.sqlite",
            "dossier-20261123T120000Z-1-manual.sqlite",
            "dossier-20261123T120000Z-x-manual.sqlite",
            "dossier.sqlite",
            "notes.txt",
        ] {
            assert_eq!(SnapshotName::parse("dossier", other), None, "{other}");
        }
        assert!(SnapshotName::parse("客户-2", "客户-2-20261123T120000Z-before-undo-import.sqlite").is_some());
        let n = SnapshotName::parse("dossier", "dossier-20261123T120000Z-manual.sqlite").unwrap();
        assert_eq!(n.partial_file("dossier"), ".dossier-20261123T120000Z-manual.sqlite.partial");
        assert_eq!(SnapshotName::parse_partial("dossier", &n.partial_file("dossier")), Some(n));
        assert_eq!(SnapshotName::parse_partial("dossier", "dossier-20261123T120000Z-manual.sqlite"), None);
    }
}
