//! Months as integers (`year × 12 + month − 1`): consecutive months are consecutive numbers, so
//! a monthly series is a plain vector, "a year earlier" is `− 12`, and a missing month is simply
//! a slot that stays 0.

use chrono::Datelike;

/// A month as `year × 12 + (month − 1)`.
pub type Month = i32;

/// Parses `YYYY-MM` (exactly; years 1800–2200). Anything else is `None`.
pub fn parse(text: &str) -> Option<Month> {
    let b = text.as_bytes();
    if b.len() != 7 || b[4] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    let month: i32 = text[5..].parse().ok()?;
    ((1800..=2200).contains(&year) && (1..=12).contains(&month)).then_some(year * 12 + month - 1)
}

/// `YYYY-MM`.
pub fn format(m: Month) -> String {
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

/// The month of a date.
pub fn of_date(date: chrono::NaiveDate) -> Month {
    date.year() * 12 + date.month0() as i32
}

/// Every month from `first` to `last` inclusive, formatted; empty when `last < first`.
pub fn labels(first: Month, last: Month) -> Vec<String> {
    (first..=last).map(format).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_round_trip_and_refuse_other_forms() {
        assert_eq!(parse("2026-01").map(format).as_deref(), Some("2026-01"));
        assert_eq!(parse("2026-12").unwrap() + 1, parse("2027-01").unwrap());
        for bad in ["2026-13", "2026-00", "2026-1", "202601", "2026/01", "26-01", "", "2026-01-05", "1700-01"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(
            labels(parse("2025-11").unwrap(), parse("2026-02").unwrap()),
            ["2025-11", "2025-12", "2026-01", "2026-02"]
        );
        assert!(labels(5, 4).is_empty());
    }
}
