//! Cell values as Chinese spreadsheets hold them: Excel date serials (1900 and 1904 epochs) and
//! dates typed as text (`2024-03-05`, `2024/3/5`, `2024年3月5日`, `2024.3`), amounts (`1,234.5`,
//! `¥80,000`, `1.2万`, `3亿`), percentages (`35%` or `0.35`), and phone numbers or codes that
//! must stay text with their leading zeros. Full-width characters are normalised first.
//!
//! Every parser returns a [`ValueError`] code with the offending text instead of guessing, so
//! the import preview can say "第 17 行 · 成立日期: 无法识别 '2023年13月'".

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::half_width;

/// One spreadsheet cell, independent of the reader (calamine, CSV).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// An Excel date-time serial (days since the workbook's epoch; fraction = time of day).
    Date(f64),
    /// An error cell (`#N/A`, `#DIV/0!`…).
    Error(String),
    /// A formula without a calculated value (`=SUM(B2:B3)`): the file was written by a program
    /// that does not calculate, or is a text file. Never read as its text or as 0 — every
    /// reader below refuses it with [`ValueError::Formula`], so the preview shows the cell.
    Formula(String),
}

/// Which day an Excel serial counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Epoch {
    /// Windows Excel: serial 1 = 1900-01-01, with Lotus' phantom 1900-02-29 (serial 60).
    #[default]
    E1900,
    /// Old Mac Excel: serial 0 = 1904-01-01.
    E1904,
}

/// Why a value could not be read.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "code", content = "text", rename_all = "snake_case")]
pub enum ValueError {
    /// Not a date in any known form.
    UnrecognizedDate(String),
    /// A date form, but no such day (`2023年13月`, `2023-02-30`).
    InvalidDate(String),
    UnrecognizedNumber(String),
    /// The cell holds a spreadsheet error (`#N/A`).
    ErrorCell(String),
    /// A formula nobody calculated (`=SUM(B2:B3)`): open the file in Excel or WPS, save it,
    /// and import it again.
    Formula(String),
    /// Text with bytes its encoding could not decode (shown as `�`): the file's encoding is
    /// not the one chosen, or lines in several encodings were pasted together.
    Undecodable(String),
}

/// A date as precise as the cell was: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the store's forms).
pub type PartialDate = String;

fn excel_serial_to_date(serial: f64, epoch: Epoch) -> Option<NaiveDate> {
    if !serial.is_finite() || !(0.0..=2_958_465.0).contains(&serial) {
        return None; // beyond 9999-12-31
    }
    let days = serial.floor() as i64;
    match epoch {
        Epoch::E1904 => NaiveDate::from_ymd_opt(1904, 1, 1)?.checked_add_signed(Duration::days(days)),
        Epoch::E1900 => {
            if days == 60 {
                return None; // 1900-02-29 does not exist
            }
            // Serials before the phantom leap day count from 1899-12-31, after it from 12-30.
            let base =
                if days < 60 { NaiveDate::from_ymd_opt(1899, 12, 31)? } else { NaiveDate::from_ymd_opt(1899, 12, 30)? };
            base.checked_add_signed(Duration::days(days))
        }
    }
}

fn ymd(y: i32, m: u32, d: u32, original: &str) -> Result<PartialDate, ValueError> {
    NaiveDate::from_ymd_opt(y, m, d)
        .filter(|_| (1800..=2200).contains(&y))
        .map(|date| date.format("%Y-%m-%d").to_string())
        .ok_or_else(|| ValueError::InvalidDate(original.into()))
}

fn ym(y: i32, m: u32, original: &str) -> Result<PartialDate, ValueError> {
    if (1..=12).contains(&m) && (1800..=2200).contains(&y) {
        Ok(format!("{y:04}-{m:02}"))
    } else {
        Err(ValueError::InvalidDate(original.into()))
    }
}

/// Reads a date cell. Text forms: `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`,
/// `20240305`, `2024-03-05 14:30`, and month or year precision (`2024.3`, `2024年3月`,
/// `2024-03`, `2024年`, `2024`).
pub fn date(cell: &Cell, epoch: Epoch) -> Result<Option<PartialDate>, ValueError> {
    let text = match cell {
        Cell::Empty => return Ok(None),
        Cell::Error(e) => return Err(ValueError::ErrorCell(e.clone())),
        Cell::Formula(f) => return Err(ValueError::Formula(f.clone())),
        Cell::Bool(b) => return Err(ValueError::UnrecognizedDate(b.to_string())),
        Cell::Date(serial) => {
            return excel_serial_to_date(*serial, epoch)
                .map(|d| Some(d.format("%Y-%m-%d").to_string()))
                .ok_or_else(|| ValueError::InvalidDate(serial.to_string()))
        }
        Cell::Number(n) => {
            // A bare year (2024) or a compact date (20240305) typed as a number; anything else
            // numeric is a date serial that lost its format.
            let whole = n.fract() == 0.0;
            if whole && (1800.0..=2200.0).contains(n) {
                return Ok(Some(format!("{}", *n as i64)));
            }
            if whole && (18_000_101.0..=22_001_231.0).contains(n) {
                return date(&Cell::Text(format!("{}", *n as i64)), epoch);
            }
            return date(&Cell::Date(*n), epoch);
        }
        Cell::Text(t) => t,
    };
    let original = text.trim();
    let t = half_width(original);
    let t = t.trim();
    if t.is_empty() {
        return Ok(None);
    }
    // Drop a time of day ("2024-03-05 14:30:00", "2024-03-05T14:30").
    let t = t.split([' ', 'T']).next().unwrap_or(t);
    // Chinese form: 2024年3月5日 / 2024年3月 / 2024年.
    let unified: String = t
        .replace("年", "-")
        .replace("月", "-")
        .replace(['日', '号'], "")
        .chars()
        .map(|c| if matches!(c, '/' | '.') { '-' } else { c })
        .collect();
    let unified = unified.trim_end_matches('-');
    let parts: Vec<&str> = unified.split('-').collect();
    let all_digits = parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !all_digits {
        return Err(ValueError::UnrecognizedDate(original.into()));
    }
    let num = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let year = num(y).unwrap_or(0) as i32;
            if (1800..=2200).contains(&year) {
                Ok(Some(y.to_string()))
            } else {
                Err(ValueError::InvalidDate(original.into()))
            }
        }
        [compact] if compact.len() == 8 => {
            let (y, m, d) = (num(&compact[..4]), num(&compact[4..6]), num(&compact[6..]));
            ymd(y.unwrap_or(0) as i32, m.unwrap_or(0), d.unwrap_or(0), original).map(Some)
        }
        [y, m] if y.len() == 4 && m.len() <= 2 => {
            ym(num(y).unwrap_or(0) as i32, num(m).unwrap_or(0), original).map(Some)
        }
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            ymd(num(y).unwrap_or(0) as i32, num(m).unwrap_or(0), num(d).unwrap_or(0), original).map(Some)
        }
        // Day-first or two-digit years are ambiguous (3/5/24): refused rather than guessed.
        _ => Err(ValueError::UnrecognizedDate(original.into())),
    }
}

/// Reads an amount in 元: `1,234.5`, `¥80,000`, `80000元`, `1.2万`, `3亿`, `-5`, `(1,234)`.
pub fn amount(cell: &Cell) -> Result<Option<f64>, ValueError> {
    let text = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => return Ok(Some(*n)),
        Cell::Error(e) => return Err(ValueError::ErrorCell(e.clone())),
        Cell::Formula(f) => return Err(ValueError::Formula(f.clone())),
        Cell::Bool(b) => return Err(ValueError::UnrecognizedNumber(b.to_string())),
        Cell::Date(n) => return Err(ValueError::UnrecognizedNumber(n.to_string())),
        Cell::Text(t) => t,
    };
    let original = text.trim();
    let mut t: String = half_width(original)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '¥' | '￥' | '$' | '€'))
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    let negative = t.starts_with('(') && t.ends_with(')');
    if negative {
        t = t[1..t.len() - 1].to_string();
    }
    for unit in ["人民币", "RMB", "CNY", "USD", "EUR", "HKD", "HK", "美元", "欧元", "港币", "港元", "元"] {
        t = t.replace(unit, "");
    }
    let mut scale = 1.0;
    for (suffix, factor) in [("亿", 1e8), ("万", 1e4), ("千", 1e3)] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.to_string();
            scale = factor;
            break;
        }
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(if negative { -v } else { v } * scale)),
        _ => Err(ValueError::UnrecognizedNumber(original.into())),
    }
}

/// The currency an amount cell names: `USD` for `$`/`USD`/`美元`, `EUR` for `€`/`EUR`/`欧元`,
/// `HKD` for `HK$`/`港币`, else `CNY` (元, ¥, or nothing).
pub fn currency(cell: &Cell) -> &'static str {
    let Cell::Text(t) = cell else { return "CNY" };
    let t = half_width(t).to_uppercase();
    if t.contains("HK$") || t.contains("HKD") || t.contains("港币") || t.contains("港元") {
        "HKD"
    } else if t.contains('$') || t.contains("USD") || t.contains("美元") {
        "USD"
    } else if t.contains('€') || t.contains("EUR") || t.contains("欧元") {
        "EUR"
    } else {
        "CNY"
    }
}

/// Reads a percentage as 0–100: `35%` → 35, `0.35` → 35 (a fraction), `35` → 35.
pub fn percent(cell: &Cell) -> Result<Option<f64>, ValueError> {
    let (value, had_sign) = match cell {
        Cell::Text(t) => {
            let t = half_width(t.trim());
            match t.strip_suffix('%') {
                Some(rest) => (amount(&Cell::Text(rest.to_string()))?, true),
                None => (amount(&Cell::Text(t))?, false),
            }
        }
        other => (amount(other)?, false),
    };
    Ok(value.map(|v| if !had_sign && v.abs() <= 1.0 { v * 100.0 } else { v }))
}

/// Reads a cell as text: numbers without a spurious `.0` (a phone number stored as a number
/// stays `13800138000`), full-width characters normalised, trimmed. Leading zeros survive
/// only where the cell is text — which is how codes should be stored, and what the templates do.
pub fn text(cell: &Cell, epoch: Epoch) -> Result<String, ValueError> {
    Ok(match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) if t.contains('\u{FFFD}') => return Err(ValueError::Undecodable(t.trim().to_string())),
        Cell::Text(t) => half_width(t).trim().to_string(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Bool(b) => {
            if *b {
                "是".into()
            } else {
                "否".into()
            }
        }
        Cell::Date(_) => date(cell, epoch)?.unwrap_or_default(),
        Cell::Error(e) => return Err(ValueError::ErrorCell(e.clone())),
        Cell::Formula(f) => return Err(ValueError::Formula(f.clone())),
    })
}

/// The separator of the parts of a 地区, as the customers' regions are written ("江苏·苏州").
pub const REGION_SEPARATOR: &str = "·";

/// A province, a city or a district without its administrative suffix, for comparing parts:
/// "广东省" and "广东", "深圳市" and "深圳" are the same place.
fn place_core(part: &str) -> &str {
    ["特别行政区", "自治区", "自治州", "省", "市", "区", "县"]
        .iter()
        .find_map(|suffix| part.strip_suffix(suffix).filter(|core| core.chars().count() >= 2))
        .unwrap_or(part)
}

/// The customer's 地区 from the parts a list spreads over columns (地区, 省份, 城市, 区县, in
/// that order), joined by [`REGION_SEPARATOR`]. A part already said by its neighbour is said
/// once: "广东省" before "广东省深圳市" or "广东深圳", "北京市" twice, "深圳" before "深圳市".
pub fn region(parts: &[String]) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let core = place_core(part);
        if kept.iter().any(|k| k.contains(core)) {
            continue; // said already ("北京市" twice, "深圳" after "广东深圳")
        }
        kept.retain(|k| !part.contains(place_core(k)));
        kept.push(part);
    }
    kept.join(REGION_SEPARATOR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_parts_join_once_each() {
        let r = |parts: &[&str]| region(&parts.iter().map(|p| p.to_string()).collect::<Vec<_>>());
        assert_eq!(r(&["", "广东省", "深圳市", "南山区"]), "广东省·深圳市·南山区");
        assert_eq!(r(&["", "广东省", "广东省深圳市", ""]), "广东省深圳市", "the city names the province");
        assert_eq!(r(&["", "广东", "广东深圳", "南山区"]), "广东深圳·南山区");
        assert_eq!(r(&["", "北京市", "北京市", "朝阳区"]), "北京市·朝阳区", "a municipality is its own city");
        assert_eq!(r(&["", "上海", "上海市", ""]), "上海");
        assert_eq!(r(&["华东", "江苏省", "苏州市", ""]), "华东·江苏省·苏州市");
        assert_eq!(r(&["江苏·苏州", "", "", ""]), "江苏·苏州", "a 地区 column alone is kept as written");
        assert_eq!(r(&["", "", "", ""]), "");
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }
    fn d(c: Cell) -> Result<Option<String>, ValueError> {
        date(&c, Epoch::E1900)
    }

    #[test]
    fn text_dates_in_every_chinese_form() {
        for (input, want) in [
            ("2024-03-05", "2024-03-05"),
            ("2024/3/5", "2024-03-05"),
            ("2024.3.5", "2024-03-05"),
            ("2024年3月5日", "2024-03-05"),
            ("2024年3月5号", "2024-03-05"),
            ("２０２４年３月５日", "2024-03-05"),
            ("20240305", "2024-03-05"),
            ("2024-03-05 14:30:00", "2024-03-05"),
            ("2024.3", "2024-03"),
            ("2024年3月", "2024-03"),
            ("2024-03", "2024-03"),
            ("2024年", "2024"),
            ("2024", "2024"),
        ] {
            assert_eq!(d(t(input)), Ok(Some(want.to_string())), "{input}");
        }
        assert_eq!(d(t("  ")), Ok(None));
        assert_eq!(d(Cell::Empty), Ok(None));
    }

    #[test]
    fn impossible_and_ambiguous_dates_are_refused_with_the_text() {
        assert_eq!(d(t("2023年13月")), Err(ValueError::InvalidDate("2023年13月".into())));
        assert_eq!(d(t("2023-02-29")), Err(ValueError::InvalidDate("2023-02-29".into())));
        assert_eq!(d(t("3/5/24")), Err(ValueError::UnrecognizedDate("3/5/24".into())));
        assert_eq!(d(t("去年春天")), Err(ValueError::UnrecognizedDate("去年春天".into())));
        assert_eq!(d(Cell::Error("#N/A".into())), Err(ValueError::ErrorCell("#N/A".into())));
    }

    #[test]
    fn excel_serials_in_both_epochs() {
        // 45356 = 2024-03-05 (1900 epoch); the same day is 43894 in the 1904 epoch.
        assert_eq!(d(Cell::Date(45356.0)), Ok(Some("2024-03-05".into())));
        assert_eq!(date(&Cell::Date(43894.0), Epoch::E1904), Ok(Some("2024-03-05".into())));
        assert_eq!(d(Cell::Date(45356.75)), Ok(Some("2024-03-05".into())), "time of day ignored");
        assert_eq!(d(Cell::Date(1.0)), Ok(Some("1900-01-01".into())));
        assert_eq!(d(Cell::Date(59.0)), Ok(Some("1900-02-28".into())));
        assert_eq!(d(Cell::Date(61.0)), Ok(Some("1900-03-01".into())));
        assert!(d(Cell::Date(60.0)).is_err(), "Lotus' 1900-02-29 does not exist");
        assert!(d(Cell::Date(-1.0)).is_err());
        // Numbers: a year, a compact date, or an unformatted serial.
        assert_eq!(d(Cell::Number(2019.0)), Ok(Some("2019".into())));
        assert_eq!(d(Cell::Number(20240305.0)), Ok(Some("2024-03-05".into())));
        assert_eq!(d(Cell::Number(45356.0)), Ok(Some("2024-03-05".into())));
    }

    #[test]
    fn amounts_with_separators_currency_and_chinese_units() {
        for (input, want) in [
            ("1,234.5", 1234.5),
            ("¥80,000", 80000.0),
            ("￥80,000", 80000.0),
            ("80000元", 80000.0),
            ("1.2万", 12000.0),
            ("1.2万元", 12000.0),
            ("3亿", 300_000_000.0),
            ("-5", -5.0),
            ("(1,234)", -1234.0),
            ("１２３", 123.0),
            ("RMB 500", 500.0),
        ] {
            assert_eq!(amount(&t(input)), Ok(Some(want)), "{input}");
        }
        assert_eq!(amount(&Cell::Number(42.0)), Ok(Some(42.0)));
        assert_eq!(amount(&t("USD 1,200")), Ok(Some(1200.0)));
        assert_eq!((currency(&t("$1,200")), currency(&t("1200美元")), currency(&t("€5"))), ("USD", "USD", "EUR"));
        assert_eq!((currency(&t("HK$300")), currency(&t("¥80")), currency(&Cell::Number(3.0))), ("HKD", "CNY", "CNY"));
        assert_eq!(amount(&t("")), Ok(None));
        assert_eq!(amount(&t("约十万")), Err(ValueError::UnrecognizedNumber("约十万".into())));
        assert_eq!(amount(&t("1.2.3")), Err(ValueError::UnrecognizedNumber("1.2.3".into())));
        assert_eq!(amount(&Cell::Error("#DIV/0!".into())), Err(ValueError::ErrorCell("#DIV/0!".into())));
    }

    #[test]
    fn percentages_as_signs_or_fractions() {
        assert_eq!(percent(&t("35%")), Ok(Some(35.0)));
        assert_eq!(percent(&t("35％")), Ok(Some(35.0)));
        assert_eq!(percent(&t("0.35")), Ok(Some(35.0)));
        assert_eq!(percent(&Cell::Number(0.35)), Ok(Some(35.0)));
        assert_eq!(percent(&t("35")), Ok(Some(35.0)));
        assert_eq!(percent(&t("0.5%")), Ok(Some(0.5)), "an explicit % is never rescaled");
        assert_eq!(percent(&t("")), Ok(None));
    }

    #[test]
    fn text_keeps_phones_and_codes_intact() {
        assert_eq!(text(&Cell::Number(13800138000.0), Epoch::E1900), Ok("13800138000".into()));
        assert_eq!(text(&t(" 010-62345678 "), Epoch::E1900), Ok("010-62345678".into()));
        assert_eq!(text(&t("000651"), Epoch::E1900), Ok("000651".into()));
        assert_eq!(text(&t("ＡＢＣ１２３"), Epoch::E1900), Ok("ABC123".into()));
        assert_eq!(text(&Cell::Number(3.5), Epoch::E1900), Ok("3.5".into()));
        assert_eq!(text(&Cell::Date(45356.0), Epoch::E1900), Ok("2024-03-05".into()));
    }

    #[test]
    fn formulas_errors_and_garbled_text_are_refused_by_every_reader() {
        let f = Cell::Formula("=A2&\"有限公司\"".into());
        let want = Err(ValueError::Formula("=A2&\"有限公司\"".into()));
        assert_eq!(text(&f, Epoch::E1900), want);
        assert_eq!(date(&f, Epoch::E1900).map(|_| String::new()), want);
        assert_eq!(amount(&f).map(|_| String::new()), want);
        assert_eq!(percent(&f).map(|_| String::new()), want);
        assert_eq!(text(&Cell::Error("#N/A".into()), Epoch::E1900), Err(ValueError::ErrorCell("#N/A".into())));
        assert_eq!(text(&t(" 华东\u{FFFD}密 "), Epoch::E1900), Err(ValueError::Undecodable("华东\u{FFFD}密".into())));
    }
}
