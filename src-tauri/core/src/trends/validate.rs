//! Validation of a purchase record, before anything is written (the form rules of
//! `customers/validate.rs`, for this feature's fields).

use crate::customers::validate::{full_date, max_len, range_f, required, MAX_NAME};
use crate::error::{CoreError, Reason, Result};
use crate::trends::{month, PurchaseFields};

/// The largest quantity or amount a purchase record may hold (either sign).
const MAX_PURCHASE: f64 = 1e12;

/// A purchase record (already trimmed, currency upper-cased). Negative quantities and amounts
/// are returns and allowed; a future month is allowed (the store flags it).
pub fn purchase(p: &PurchaseFields) -> Result<()> {
    if p.month.trim().is_empty() {
        return Err(CoreError::validation("month", Reason::Required));
    }
    let Some(month) = month::parse(&p.month) else {
        return Err(CoreError::validation_detail("month", Reason::InvalidDate, "YYYY-MM"));
    };
    if !p.day.is_empty() {
        full_date("day", &p.day)?;
        if month::parse(&p.day[..7]) != Some(month) {
            return Err(CoreError::validation_detail("day", Reason::InvalidDate, p.month.clone()));
        }
    }
    required("product", &p.product)?;
    max_len("category", &p.category, MAX_NAME)?;
    range_f("quantity", p.quantity, -MAX_PURCHASE, MAX_PURCHASE)?;
    range_f("amount", p.amount, -MAX_PURCHASE, MAX_PURCHASE)?;
    if p.quantity.is_none() && p.amount.is_none() {
        return Err(CoreError::validation("amount", Reason::Required));
    }
    if p.currency.len() != 3 || !p.currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(CoreError::validation_detail("currency", Reason::OutOfRange, "ISO 4217 (CNY, USD…)"));
    }
    Ok(())
}
