//! Form validation. Every save goes through here before anything is written; an error names
//! the field (camelCase, list rows as `financials.2.inventoryDays`) and a [`Reason`] code.

use chrono::NaiveDate;

use crate::customers::{
    ContactFields, CustomerFields, FinancialPeriod, MainBusiness, ProcessIt, RoleAssessment, SpBp, Supplier,
};
use crate::error::{CoreError, Reason, Result};

pub(crate) const MAX_NAME: usize = 200;
const MAX_TEXT: usize = 20_000;

pub(crate) fn required(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(CoreError::validation(field, Reason::Required));
    }
    max_len(field, value, MAX_NAME)
}

pub(crate) fn max_len(field: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(CoreError::validation_detail(field, Reason::TooLong, max.to_string()));
    }
    Ok(())
}

pub(crate) fn range_f(field: &str, value: Option<f64>, min: f64, max: f64) -> Result<()> {
    match value {
        Some(v) if !v.is_finite() || v < min || v > max => {
            Err(CoreError::validation_detail(field, Reason::OutOfRange, format!("{min}–{max}")))
        }
        _ => Ok(()),
    }
}

pub(crate) fn range_i(field: &str, value: Option<i64>, min: i64, max: i64) -> Result<()> {
    match value {
        Some(v) if v < min || v > max => {
            Err(CoreError::validation_detail(field, Reason::OutOfRange, format!("{min}–{max}")))
        }
        _ => Ok(()),
    }
}

/// `HH:MM` (24-hour) or empty.
pub(crate) fn time(field: &str, value: &str) -> Result<()> {
    let v = value.trim();
    if v.is_empty() || chrono::NaiveTime::parse_from_str(v, "%H:%M").is_ok() {
        Ok(())
    } else {
        Err(CoreError::validation_detail(field, Reason::InvalidDate, "HH:MM"))
    }
}

/// Accepts empty, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar date).
pub fn partial_date(field: &str, value: &str) -> Result<()> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(());
    }
    let ok = match v.len() {
        4 => v.parse::<i32>().is_ok_and(|y| (1800..=2200).contains(&y)),
        7 => NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").is_ok(),
        10 => NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok(),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(CoreError::validation_detail(field, Reason::InvalidDate, "YYYY-MM-DD"))
    }
}

/// Accepts empty or a full `YYYY-MM-DD` date.
pub fn full_date(field: &str, value: &str) -> Result<()> {
    let v = value.trim();
    if v.is_empty() || NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok() && v.len() == 10 {
        Ok(())
    } else {
        Err(CoreError::validation_detail(field, Reason::InvalidDate, "YYYY-MM-DD"))
    }
}

/// A financial period: `YYYY`, `YYYY-MM` or `YYYY-Qn`.
pub fn period(field: &str, value: &str) -> Result<()> {
    let v = value.trim();
    let ok = match v.len() {
        4 => v.parse::<u16>().is_ok_and(|y| (1900..=2200).contains(&y)),
        7 if v.as_bytes()[5] == b'Q' => {
            v[..4].parse::<u16>().is_ok() && matches!(&v[4..5], "-") && matches!(&v[6..], "1" | "2" | "3" | "4")
        }
        7 => NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").is_ok(),
        _ => false,
    };
    if v.is_empty() {
        return Err(CoreError::validation(field, Reason::Required));
    }
    if ok {
        Ok(())
    } else {
        Err(CoreError::validation(field, Reason::InvalidPeriod))
    }
}

pub fn customer(f: &CustomerFields) -> Result<()> {
    required("name", &f.name)?;
    max_len("shortName", &f.short_name, MAX_NAME)?;
    range_i("headcount", f.headcount, 0, 10_000_000)?;
    partial_date("founded", &f.founded)?;
    for (field, value) in [
        ("industry", &f.industry),
        ("region", &f.region),
        ("stockCode", &f.stock_code),
        ("owner", &f.owner),
        ("website", &f.website),
    ] {
        max_len(field, value, MAX_NAME)?;
    }
    for (field, value) in [
        ("headquarters", &f.headquarters),
        ("subsidiaries", &f.subsidiaries),
        ("collaborators", &f.collaborators),
        ("notes", &f.notes),
    ] {
        max_len(field, value, MAX_TEXT)?;
    }
    for (i, tag) in f.tags.iter().enumerate() {
        max_len(&format!("tags.{i}"), tag, 50)?;
    }
    Ok(())
}

pub fn business(b: &MainBusiness) -> Result<()> {
    let mut total = 0.0;
    for (i, line) in b.lines.iter().enumerate() {
        required(&format!("lines.{i}.name"), &line.name)?;
        range_f(&format!("lines.{i}.share"), line.share, 0.0, 100.0)?;
        total += line.share.unwrap_or(0.0);
    }
    if total > 100.0 + 1e-6 {
        return Err(CoreError::validation_detail(
            format!("lines.{}.share", b.lines.len().saturating_sub(1)),
            Reason::OutOfRange,
            "Σ ≤ 100",
        ));
    }
    max_len("mainProducts", &b.main_products, MAX_TEXT)?;
    max_len("marketPosition", &b.market_position, MAX_TEXT)
}

pub fn financials(periods: &[FinancialPeriod]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for (i, p) in periods.iter().enumerate() {
        let f = |name: &str| format!("financials.{i}.{name}");
        period(&f("period"), &p.period)?;
        if !seen.insert(p.period.trim().to_string()) {
            return Err(CoreError::validation(f("period"), Reason::Repeated));
        }
        range_f(&f("revenue"), p.revenue, 0.0, 1e12)?;
        range_f(&f("grossMargin"), p.gross_margin, -100.0, 100.0)?;
        range_f(&f("netProfit"), p.net_profit, -1e12, 1e12)?;
        range_f(&f("inventoryDays"), p.inventory_days, 0.0, 3650.0)?;
        range_f(&f("receivableDays"), p.receivable_days, 0.0, 3650.0)?;
        max_len(&f("source"), &p.source, MAX_NAME)?;
    }
    Ok(())
}

pub fn sp_bp(s: &SpBp) -> Result<()> {
    range_f("budgetAmount", s.budget_amount, 0.0, 1e12)?;
    for (field, value) in [
        ("spGoals", &s.sp_goals),
        ("spKeyProjects", &s.sp_key_projects),
        ("bpGoals", &s.bp_goals),
        ("bpKeyProjects", &s.bp_key_projects),
        ("howWeHelp", &s.how_we_help),
    ] {
        max_len(field, value, MAX_TEXT)?;
    }
    Ok(())
}

/// `contact_ids`: the customer's contacts; an assessment of anyone else is refused.
pub fn roles(roles: &[RoleAssessment], contact_ids: &[i64]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for (i, r) in roles.iter().enumerate() {
        let f = |name: &str| format!("roles.{i}.{name}");
        if !contact_ids.contains(&r.contact_id) {
            return Err(CoreError::validation(f("contactId"), Reason::InvalidReference));
        }
        if !seen.insert(r.contact_id) {
            return Err(CoreError::validation(f("contactId"), Reason::Repeated));
        }
        range_i(&f("support"), r.support, -2, 2)?;
        range_i(&f("influence"), r.influence, 1, 5)?;
        full_date(&f("assessedOn"), &r.assessed_on)?;
        max_len(&f("evidence"), &r.evidence, MAX_TEXT)?;
    }
    Ok(())
}

pub fn suppliers(suppliers: &[Supplier]) -> Result<()> {
    for (i, s) in suppliers.iter().enumerate() {
        let f = |name: &str| format!("suppliers.{i}.{name}");
        required(&f("category"), &s.category)?;
        if !s.is_us {
            required(&f("name"), &s.name)?;
        }
        range_f(&f("share"), s.share, 0.0, 100.0)?;
        partial_date(&f("since"), &s.since)?;
        partial_date(&f("contractEnd"), &s.contract_end)?;
    }
    Ok(())
}

pub fn process_it(p: &ProcessIt) -> Result<()> {
    range_i("digitalMaturity", p.digital_maturity, 1, 5)?;
    for (i, s) in p.systems.iter().enumerate() {
        required(&format!("systems.{i}"), s)?;
    }
    max_len("approvalSteps", &p.approval_steps, MAX_TEXT)?;
    max_len("integrationNeeds", &p.integration_needs, MAX_TEXT)
}

pub fn contact(c: &ContactFields) -> Result<()> {
    required("name", &c.name)?;
    for (field, value) in
        [("title", &c.title), ("department", &c.department), ("phone", &c.phone), ("wechat", &c.wechat)]
    {
        max_len(field, value, MAX_NAME)?;
    }
    let email = c.email.trim();
    if !email.is_empty() {
        let valid = email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
        }) && !email.contains(char::is_whitespace);
        if !valid {
            return Err(CoreError::validation("email", Reason::InvalidEmail));
        }
    }
    full_date("lastContact", &c.last_contact)?;
    for (field, value) in [
        ("traits", &c.traits),
        ("iceBreakers", &c.ice_breakers),
        ("hobbies", &c.hobbies),
        ("preferences", &c.preferences),
        ("painPoints", &c.pain_points),
        ("career", &c.career),
        ("communicationStyle", &c.communication_style),
        ("family", &c.family),
        ("notes", &c.notes),
    ] {
        max_len(field, value, MAX_TEXT)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(r: Result<()>) -> (String, Reason) {
        match r {
            Err(CoreError::Validation { field, reason, .. }) => (field, reason),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn dates_and_periods() {
        assert!(partial_date("d", "2024").is_ok());
        assert!(partial_date("d", "2024-02").is_ok());
        assert!(partial_date("d", "2024-02-29").is_ok());
        assert_eq!(reason(partial_date("d", "2023-02-29")).1, Reason::InvalidDate);
        assert_eq!(reason(partial_date("d", "2023-13")).1, Reason::InvalidDate);
        assert!(period("p", "2025-Q3").is_ok());
        assert!(period("p", "2025-12").is_ok());
        assert_eq!(reason(period("p", "2025-Q5")).1, Reason::InvalidPeriod);
        assert_eq!(reason(period("p", "")).1, Reason::Required);
    }

    #[test]
    fn customer_requires_a_name_and_sane_numbers() {
        let mut f = CustomerFields { name: "  ".into(), ..Default::default() };
        assert_eq!(reason(customer(&f)), ("name".into(), Reason::Required));
        f.name = "华为".into();
        f.headcount = Some(-1);
        assert_eq!(reason(customer(&f)), ("headcount".into(), Reason::OutOfRange));
    }

    #[test]
    fn financial_rows_name_row_and_column() {
        let rows = vec![
            FinancialPeriod { period: "2024".into(), ..Default::default() },
            FinancialPeriod { period: "2025".into(), inventory_days: Some(-3.0), ..Default::default() },
        ];
        assert_eq!(reason(financials(&rows)), ("financials.1.inventoryDays".into(), Reason::OutOfRange));
        let twice = vec![rows[0].clone(), rows[0].clone()];
        assert_eq!(reason(financials(&twice)), ("financials.1.period".into(), Reason::Repeated));
    }

    #[test]
    fn business_shares_cannot_exceed_100_in_total() {
        let line =
            |share| crate::customers::BusinessLine { name: "x".into(), share: Some(share), products: String::new() };
        let b = MainBusiness { lines: vec![line(60.0), line(50.0)], ..Default::default() };
        assert_eq!(reason(business(&b)), ("lines.1.share".into(), Reason::OutOfRange));
    }

    #[test]
    fn contact_email_and_roles() {
        let c = ContactFields { name: "王芳".into(), email: "wang@".into(), ..Default::default() };
        assert_eq!(reason(contact(&c)), ("email".into(), Reason::InvalidEmail));
        let r = RoleAssessment {
            contact_id: 9,
            buying_role: None,
            support: Some(3),
            influence: None,
            coverage: None,
            evidence: String::new(),
            assessed_on: String::new(),
        };
        assert_eq!(
            reason(roles(std::slice::from_ref(&r), &[1])),
            ("roles.0.contactId".into(), Reason::InvalidReference)
        );
        assert_eq!(reason(roles(&[r], &[9])), ("roles.0.support".into(), Reason::OutOfRange));
    }
}
