//! Time is passed in, never read deep inside the core, so tests can pin it.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// The timestamp format stored in the database (UTC, second precision, sortable).
    fn timestamp(&self) -> String {
        self.now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

/// The calendar day of `now` in `tz`. A desktop app's "today" — what is due, what is overdue,
/// when 今日 turns over — is the day on the laptop's calendar: in 北京 (UTC+8) 07:30 is already
/// tomorrow's morning while UTC is still on yesterday. Timestamps stay UTC.
pub fn local_day<Tz: TimeZone>(now: DateTime<Utc>, tz: &Tz) -> NaiveDate {
    now.with_timezone(tz).date_naive()
}

/// The real clock; today is the local day.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn today(&self) -> NaiveDate {
        local_day(self.now(), &Local)
    }
}

/// The real clock moved by a number of days: end-to-end tests relaunch the app "days later"
/// (`--clock-offset-days`) to see what the passing of time does (risk lights, overdue).
pub struct ShiftedClock(pub chrono::Duration);

impl ShiftedClock {
    pub fn days(days: i64) -> Self {
        ShiftedClock(chrono::Duration::days(days))
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.0
    }

    fn today(&self) -> NaiveDate {
        local_day(self.now(), &Local)
    }
}

/// A clock stopped at one instant, for tests and reproducible sample data.
pub struct FixedClock(pub DateTime<Utc>);

impl FixedClock {
    /// Noon UTC on the given day.
    pub fn on(year: i32, month: u32, day: u32) -> Self {
        let date = NaiveDate::from_ymd_opt(year, month, day).expect("valid fixed date");
        FixedClock(date.and_hms_opt(12, 0, 0).expect("noon").and_utc())
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn today_is_the_day_on_the_local_calendar() {
        let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
        let new_york = FixedOffset::west_opt(5 * 3600).unwrap();
        // 07:30 in 北京 on 4 December is 23:30 UTC on the 3rd.
        let late_utc = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap().and_hms_opt(23, 30, 0).unwrap().and_utc();
        assert_eq!(local_day(late_utc, &beijing), NaiveDate::from_ymd_opt(2026, 12, 4).unwrap());
        assert_eq!(local_day(late_utc, &Utc), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
        // 21:00 in New York on 2 December is 02:00 UTC on the 3rd.
        let early_utc = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap().and_hms_opt(2, 0, 0).unwrap().and_utc();
        assert_eq!(local_day(early_utc, &new_york), NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
    }
}
