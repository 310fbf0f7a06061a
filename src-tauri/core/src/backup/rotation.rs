//! Which snapshots are kept after a new one is taken.
//!
//! A snapshot survives when it is
//! - the one just taken;
//! - the newest of one of the `keepDaily` most recent days that have snapshots (the laptop's
//!   calendar day), of one of the `keepWeekly` most recent ISO weeks, or of one of the
//!   `keepMonthly` most recent months;
//! - or taken less than [`GRACE`] ago for a reason other than the daily start: one taken
//!   before an import, the undo of an import, a restore or a migration is the way back from
//!   that change, and one the user asked for (立即备份) was asked for on purpose. Without this,
//!   importing twice in a day would rotate away the snapshot from before the first import as
//!   soon as the second one is taken, while the user may still be checking the first. After a
//!   day they are rotated like any other.
//!
//! Everything else of the database's snapshots is deleted; files whose names are not a
//! snapshot's ([`super::name`]) are never touched.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, FixedOffset, Utc};

use super::name::SnapshotName;
use super::settings::BackupSettings;
use super::SnapshotReason;

/// How long a snapshot taken before a change, or on request, is kept whatever the counts say.
pub const GRACE: chrono::TimeDelta = chrono::TimeDelta::hours(24);

/// The files of `snapshots` (file name, parsed name) that the rotation deletes.
pub fn doomed(
    snapshots: &[(String, SnapshotName)],
    keep: &BackupSettings,
    now: DateTime<Utc>,
    offset: FixedOffset,
    just_taken: &str,
) -> Vec<String> {
    let mut newest_first: Vec<&(String, SnapshotName)> = snapshots.iter().collect();
    newest_first.sort_by_key(|(_, n)| std::cmp::Reverse(n.order_key()));
    let local = |t: DateTime<Utc>| t.with_timezone(&offset).date_naive();
    let mut kept: HashSet<&str> = HashSet::from([just_taken]);
    newest_of_each(&newest_first, keep.keep_daily, |t| local(t).num_days_from_ce() as i64, &mut kept);
    newest_of_each(
        &newest_first,
        keep.keep_weekly,
        |t| {
            let week = local(t).iso_week();
            week.year() as i64 * 100 + week.week() as i64
        },
        &mut kept,
    );
    newest_of_each(
        &newest_first,
        keep.keep_monthly,
        |t| local(t).year() as i64 * 12 + local(t).month0() as i64,
        &mut kept,
    );
    for &(file, n) in &newest_first {
        if n.reason != SnapshotReason::Daily && now - n.taken < GRACE {
            kept.insert(file);
        }
    }
    newest_first.iter().filter(|(file, _)| !kept.contains(file.as_str())).map(|(file, _)| file.clone()).collect()
}

/// Keeps the newest snapshot of each of the `limit` most recent periods (`period` of a time)
/// that have one; `newest_first` is sorted newest first, so periods come in order.
fn newest_of_each<'a>(
    newest_first: &[&'a (String, SnapshotName)],
    limit: i64,
    period: impl Fn(DateTime<Utc>) -> i64,
    kept: &mut HashSet<&'a str>,
) {
    let mut periods = 0;
    let mut last = None;
    for &(file, n) in newest_first {
        let p = period(n.taken);
        if last == Some(p) {
            continue;
        }
        if periods >= limit {
            break;
        }
        periods += 1;
        last = Some(p);
        kept.insert(file);
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};

    use super::*;

    fn snap(y: i32, m: u32, d: u32, h: u32, reason: SnapshotReason) -> (String, SnapshotName) {
        let name = SnapshotName { taken: Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap(), seq: 1, reason };
        (name.file("d"), name)
    }

    fn kept(all: &[(String, SnapshotName)], doomed: &[String]) -> Vec<String> {
        let mut kept: Vec<String> = all.iter().map(|(f, _)| f.clone()).filter(|f| !doomed.contains(f)).collect();
        kept.sort();
        kept
    }

    fn files(list: &[(i32, u32, u32, u32, SnapshotReason)]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|&(y, m, d, h, r)| snap(y, m, d, h, r).0).collect();
        v.sort();
        v
    }

    #[test]
    fn keeps_the_newest_of_recent_days_weeks_and_months_and_recent_safety_snapshots() {
        use SnapshotReason::*;
        // A daily snapshot at 09:00 every day from 1 Oct 2025 to 23 Nov 2026 (a Monday),
        // a manual one in the evening of some days, and snapshots taken before changes.
        let mut all = Vec::new();
        let mut day = NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
        while day <= NaiveDate::from_ymd_opt(2026, 11, 23).unwrap() {
            all.push(snap(day.year(), day.month(), day.day(), 9, Daily));
            if day.day() == 15 {
                all.push(snap(day.year(), day.month(), day.day(), 20, Manual));
            }
            day = day.succ_opt().unwrap();
        }
        all.push(snap(2026, 11, 22, 13, BeforeImport)); // 23 hours ago: kept
        all.push(snap(2026, 11, 22, 12, BeforeRestore)); // exactly 24 hours ago: rotated
        all.push(snap(2026, 11, 20, 8, BeforeUndoImport)); // 3 days ago, not the day's newest
        all.push(snap(2026, 11, 23, 10, BeforeImport)); // the newest of today
        let just_taken = snap(2025, 10, 2, 9, Daily).0; // however old, never deleted
        let keep = BackupSettings::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let doomed = doomed(&all, &keep, now, FixedOffset::east_opt(0).unwrap(), &just_taken);
        let expected = files(&[
            // today (also the newest of week 48 and of November), then 6 more days: 22 Nov's
            // newest is the import at 13:00 (also the newest of week 47)
            (2026, 11, 23, 10, BeforeImport),
            (2026, 11, 22, 13, BeforeImport),
            (2026, 11, 21, 9, Daily),
            (2026, 11, 20, 9, Daily),
            (2026, 11, 19, 9, Daily),
            (2026, 11, 18, 9, Daily),
            (2026, 11, 17, 9, Daily),
            // the newest of weeks 46 and 45 (Sundays)
            (2026, 11, 15, 20, Manual),
            (2026, 11, 8, 9, Daily),
            // the newest of the 11 months before November
            (2026, 10, 31, 9, Daily),
            (2026, 9, 30, 9, Daily),
            (2026, 8, 31, 9, Daily),
            (2026, 7, 31, 9, Daily),
            (2026, 6, 30, 9, Daily),
            (2026, 5, 31, 9, Daily),
            (2026, 4, 30, 9, Daily),
            (2026, 3, 31, 9, Daily),
            (2026, 2, 28, 9, Daily),
            (2026, 1, 31, 9, Daily),
            (2025, 12, 31, 9, Daily),
            (2025, 10, 2, 9, Daily),
        ]);
        assert_eq!(kept(&all, &doomed), expected);
    }

    #[test]
    fn days_are_the_laptops_calendar_days() {
        use SnapshotReason::Daily;
        // In 北京 (UTC+8) 20:00 UTC on the 22nd is already the 23rd: the two are the same day.
        let all = vec![snap(2026, 11, 22, 20, Daily), snap(2026, 11, 22, 10, Daily), snap(2026, 11, 21, 10, Daily)];
        let keep = BackupSettings { keep_daily: 2, keep_weekly: 0, keep_monthly: 0, ..Default::default() };
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
        assert_eq!(doomed(&all, &keep, now, beijing, &all[0].0), vec![all[2].0.clone()]);
        // In UTC they are two snapshots of the 22nd: the earlier one goes.
        assert_eq!(doomed(&all, &keep, now, FixedOffset::east_opt(0).unwrap(), &all[0].0), vec![all[1].0.clone()]);
    }
}
