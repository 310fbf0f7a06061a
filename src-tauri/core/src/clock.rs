//! Time is passed in, never read deep inside the core, so tests can pin it.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Offset, TimeZone, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The laptop's offset from UTC at `now`: what turns a stored UTC timestamp into the local
    /// wall-clock time that visit times are written in.
    fn offset(&self) -> FixedOffset {
        Local.offset_from_utc_datetime(&self.now().naive_utc()).fix()
    }

    /// The day on the laptop's calendar (see [`local_day`]).
    fn today(&self) -> NaiveDate {
        local_day(self.now(), &self.offset())
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

/// The real clock in the laptop's time zone.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
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
}

/// A clock stopped at one instant in a fixed time zone (UTC unless said otherwise), for tests
/// and reproducible sample data: its answers do not depend on the machine's time zone.
pub struct FixedClock {
    at: DateTime<Utc>,
    offset: FixedOffset,
}

impl FixedClock {
    /// Noon UTC on the given day.
    pub fn on(year: i32, month: u32, day: u32) -> Self {
        let date = NaiveDate::from_ymd_opt(year, month, day).expect("valid fixed date");
        FixedClock { at: date.and_hms_opt(12, 0, 0).expect("noon").and_utc(), offset: Utc.fix() }
    }

    /// Stopped at an instant of the day (boundaries of a minute: a record written 24 hours
    /// after the visit, and one more minute).
    pub fn at(at: DateTime<Utc>) -> Self {
        FixedClock { at, offset: Utc.fix() }
    }

    /// The same instant on a laptop `hours` east of UTC (北京: 8).
    pub fn east(self, hours: i32) -> Self {
        FixedClock { offset: FixedOffset::east_opt(hours * 3600).expect("an offset within a day"), ..self }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.at
    }

    fn offset(&self) -> FixedOffset {
        self.offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
