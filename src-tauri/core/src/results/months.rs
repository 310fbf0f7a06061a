//! Months and quarters of 业绩: the page's period of whole months, a target's month or quarter,
//! and a month's target from the stored ones (a quarter's target shared among its months).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::error::{CoreError, Reason, Result};

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl Month {
    pub fn of(day: NaiveDate) -> Month {
        Month { year: day.year(), month: day.month() }
    }

    /// `YYYY-MM`, refused naming `field` otherwise.
    pub fn parse(field: &str, text: &str) -> Result<Month> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CoreError::validation(field, Reason::Required));
        }
        NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
            .ok()
            .filter(|d| text.len() == 7 && (1900..=9999).contains(&d.year()))
            .map(Month::of)
            .ok_or_else(|| CoreError::validation_detail(field, Reason::InvalidDate, "YYYY-MM"))
    }

    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    pub fn quarter(self) -> Quarter {
        Quarter { year: self.year, q: (self.month - 1) / 3 + 1 }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a month's first day exists")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("a day before exists")
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month { year: self.year - 1, month: 12 }
        } else {
            Month { year: self.year, month: self.month - 1 }
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month { year: self.year + 1, month: 1 }
        } else {
            Month { year: self.year, month: self.month + 1 }
        }
    }

    /// The months from `self` to `to`, both included.
    pub fn through(self, to: Month) -> Vec<Month> {
        let mut out = Vec::new();
        let mut m = self;
        while m <= to {
            out.push(m);
            m = m.next();
        }
        out
    }
}

/// A calendar quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quarter {
    pub year: i32,
    /// 1–4.
    pub q: u32,
}

impl Quarter {
    pub fn key(self) -> String {
        format!("{:04}-Q{}", self.year, self.q)
    }

    pub fn months(self) -> [Month; 3] {
        let first = (self.q - 1) * 3 + 1;
        [0, 1, 2].map(|i| Month { year: self.year, month: first + i })
    }
}

/// What a target is set for: a month or a quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetPeriod {
    Month(Month),
    Quarter(Quarter),
}

impl TargetPeriod {
    /// `YYYY-MM` or `YYYY-Qn`, refused naming `period` otherwise.
    pub fn parse(text: &str) -> Result<TargetPeriod> {
        let text = text.trim();
        if let Some((year, q)) = text.split_once("-Q") {
            let year = year.parse::<i32>().ok().filter(|y| (1900..=9999).contains(y) && year.len() == 4);
            let q = q.parse::<u32>().ok().filter(|q| (1..=4).contains(q));
            return match (year, q) {
                (Some(year), Some(q)) => Ok(TargetPeriod::Quarter(Quarter { year, q })),
                _ => Err(CoreError::validation_detail("period", Reason::InvalidDate, "YYYY-MM / YYYY-Qn")),
            };
        }
        Month::parse("period", text).map(TargetPeriod::Month)
    }

    pub fn key(self) -> String {
        match self {
            TargetPeriod::Month(m) => m.key(),
            TargetPeriod::Quarter(q) => q.key(),
        }
    }
}

/// One owner's (or the team's) stored targets of one metric: period key → value.
pub type Stored = HashMap<String, f64>;

/// The month's target: its own, else an even share of what its quarter's target leaves after
/// the quarter's months that have their own (never below 0); `None` when neither is set.
pub fn month_target(stored: &Stored, month: Month) -> Option<f64> {
    if let Some(v) = stored.get(&month.key()) {
        return Some(*v);
    }
    let quarter = stored.get(&month.quarter().key())?;
    let months = month.quarter().months();
    let own: f64 = months.iter().filter_map(|m| stored.get(&m.key())).sum();
    let without = months.iter().filter(|m| !stored.contains_key(&m.key())).count();
    Some((quarter - own).max(0.0) / without as f64)
}

/// The targets of `months` added up; `None` when no month has one.
pub fn range_target(stored: &Stored, months: &[Month]) -> Option<f64> {
    months.iter().filter_map(|&m| month_target(stored, m)).fold(None, |sum, v| Some(sum.unwrap_or(0.0) + v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Month {
        Month::parse("m", text).unwrap()
    }

    fn stored(pairs: &[(&str, f64)]) -> Stored {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn months_and_quarters_are_read_strictly() {
        assert_eq!(m("2026-12").key(), "2026-12");
        assert_eq!(m("2026-12").quarter().key(), "2026-Q4");
        assert_eq!(m("2026-02").last_day(), NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
        assert_eq!(m("2026-11").through(m("2027-02")).len(), 4);
        assert!(m("2026-03").through(m("2026-02")).is_empty());
        for bad in ["2026-13", "2026-1", "26-01", "2026-01-01", "abc", "0001-01"] {
            assert!(Month::parse("from", bad).is_err(), "{bad}");
        }
        assert_eq!(TargetPeriod::parse("2026-Q3").unwrap().key(), "2026-Q3");
        for bad in ["2026-Q5", "2026-Q0", "26-Q1", "2026-Q"] {
            assert!(TargetPeriod::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_quarter_target_is_shared_by_the_months_without_their_own() {
        let s = stored(&[("2026-Q4", 300.0)]);
        assert_eq!(month_target(&s, m("2026-10")), Some(100.0));
        assert_eq!(range_target(&s, &m("2026-10").through(m("2026-12"))), Some(300.0));
        let s = stored(&[("2026-Q4", 300.0), ("2026-10", 150.0)]);
        assert_eq!(month_target(&s, m("2026-10")), Some(150.0));
        assert_eq!(month_target(&s, m("2026-11")), Some(75.0));
        assert_eq!(range_target(&s, &m("2026-10").through(m("2026-12"))), Some(300.0));
        // Months above their quarter leave nothing to share, not a negative target.
        let s = stored(&[("2026-Q4", 100.0), ("2026-10", 150.0)]);
        assert_eq!(month_target(&s, m("2026-12")), Some(0.0));
        assert_eq!(month_target(&s, m("2027-01")), None);
        assert_eq!(range_target(&s, &[m("2027-01")]), None);
    }
}
