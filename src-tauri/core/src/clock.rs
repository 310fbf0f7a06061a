//! Time is passed in, never read deep inside the core, so tests can pin it.

use chrono::{DateTime, NaiveDate, Utc};

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

/// The real clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The real clock moved by a number of days: end-to-end tests relaunch the app "days later"
/// (`DOSSIER_CLOCK_OFFSET_DAYS`) to see what the passing of time does (risk lights, overdue).
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
