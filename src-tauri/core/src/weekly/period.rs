//! The period of a 周会 query: a preset turned into days on the user's calendar (weeks start
//! on Monday, as a Chinese work week does), or the custom days checked.

use chrono::{Datelike, Duration, NaiveDate};

use super::{PeriodPreset, PeriodQuery};
use crate::error::{CoreError, Reason, Result};

/// First and last day, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The period `q` asks for, `today` being the user's day. A custom day that is not a date
    /// is refused naming `from` or `to`; an end before the start is refused naming `to`.
    pub fn resolve(q: &PeriodQuery, today: NaiveDate) -> Result<Period> {
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        Ok(match q.preset {
            PeriodPreset::ThisWeek => Period { from: monday, to: monday + Duration::days(6) },
            PeriodPreset::LastWeek => Period { from: monday - Duration::days(7), to: monday - Duration::days(1) },
            PeriodPreset::ThisMonth => {
                let first = today.with_day(1).expect("day 1 exists");
                let next = first.checked_add_months(chrono::Months::new(1)).expect("a month later exists");
                Period { from: first, to: next - Duration::days(1) }
            }
            PeriodPreset::Custom => {
                let from = day(&q.from, "from")?;
                let to = day(&q.to, "to")?;
                if to < from {
                    return Err(CoreError::validation_detail("to", Reason::OutOfRange, format!("≥ {}", q.from.trim())));
                }
                Period { from, to }
            }
        })
    }

    pub fn from_text(&self) -> String {
        self.from.format("%Y-%m-%d").to_string()
    }

    pub fn to_text(&self) -> String {
        self.to.format("%Y-%m-%d").to_string()
    }

    /// The day after the last, where the end-of-period evaluation starts.
    pub fn after(&self) -> NaiveDate {
        self.to + Duration::days(1)
    }
}

fn day(text: &str, field: &str) -> Result<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CoreError::validation(field, Reason::Required));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| CoreError::validation_detail(field, Reason::InvalidDate, "YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn preset(p: PeriodPreset, today: &str) -> (String, String) {
        let r = Period::resolve(&PeriodQuery { preset: p, ..Default::default() }, d(today)).unwrap();
        (r.from_text(), r.to_text())
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2026-12-07 is a Monday, 2026-12-13 a Sunday.
        assert_eq!(preset(PeriodPreset::ThisWeek, "2026-12-07"), ("2026-12-07".into(), "2026-12-13".into()));
        assert_eq!(preset(PeriodPreset::ThisWeek, "2026-12-13"), ("2026-12-07".into(), "2026-12-13".into()));
        assert_eq!(preset(PeriodPreset::LastWeek, "2026-12-07"), ("2026-11-30".into(), "2026-12-06".into()));
        assert_eq!(preset(PeriodPreset::ThisMonth, "2026-12-13"), ("2026-12-01".into(), "2026-12-31".into()));
        assert_eq!(preset(PeriodPreset::ThisMonth, "2028-02-10"), ("2028-02-01".into(), "2028-02-29".into()));
    }

    #[test]
    fn a_custom_period_is_checked() {
        let q = PeriodQuery::days;
        let today = d("2026-12-07");
        let err = Period::resolve(&q("2026-12-07", "2026-12-06"), today).unwrap_err();
        assert!(matches!(err, CoreError::Validation { ref field, reason: Reason::OutOfRange, .. } if field == "to"));
        let err = Period::resolve(&q("2026-13-01", "2026-12-06"), today).unwrap_err();
        assert!(matches!(err, CoreError::Validation { ref field, reason: Reason::InvalidDate, .. } if field == "from"));
        let err = Period::resolve(&q("2026-12-01", ""), today).unwrap_err();
        assert!(matches!(err, CoreError::Validation { ref field, reason: Reason::Required, .. } if field == "to"));
        let one_day = Period::resolve(&q("2026-12-06", "2026-12-06"), today).unwrap();
        assert_eq!(one_day.from, one_day.to);
    }
}
