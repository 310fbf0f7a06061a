//! Validation of power-map input (the form rules of `crate::customers::validate`, for this module's
//! types). Errors name the field the UI shows them at and a [`Reason`] code.

use crate::customers::validate::full_date;
use crate::error::{CoreError, Reason, Result};

use super::model::{Assessment, NodePosition};

/// Scope names and edge/slot labels.
pub const MAX_LABEL: usize = 100;
/// Who covers a contact.
pub const MAX_COVERED_BY: usize = 200;
pub const MAX_EVIDENCE: usize = 20_000;
/// Dragged positions are kept within this many pixels of the origin.
pub const MAX_COORDINATE: f64 = 1.0e6;

fn too_long(field: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(CoreError::validation_detail(field, Reason::TooLong, max.to_string()));
    }
    Ok(())
}

fn range(field: &str, value: Option<i64>, min: i64, max: i64) -> Result<()> {
    match value {
        Some(v) if v < min || v > max => {
            Err(CoreError::validation_detail(field, Reason::OutOfRange, format!("{min}–{max}")))
        }
        _ => Ok(()),
    }
}

/// Support −2..+2, influence 1–5, a real date, bounded texts.
pub fn assessment(a: &Assessment) -> Result<()> {
    range("support", a.support, -2, 2)?;
    range("influence", a.influence, 1, 5)?;
    full_date("assessedOn", &a.assessed_on)?;
    too_long("coveredBy", &a.covered_by, MAX_COVERED_BY)?;
    too_long("evidence", &a.evidence, MAX_EVIDENCE)
}

/// A scope's name: required, at most [`MAX_LABEL`] characters.
pub fn scope_name(name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(CoreError::validation("name", Reason::Required));
    }
    too_long("name", name.trim(), MAX_LABEL)
}

pub fn label(field: &str, value: &str) -> Result<()> {
    too_long(field, value.trim(), MAX_LABEL)
}

/// A dragged position: finite and within [`MAX_COORDINATE`].
pub fn position(i: usize, p: &NodePosition) -> Result<()> {
    for (name, v) in [("x", p.x), ("y", p.y)] {
        if !v.is_finite() || v.abs() > MAX_COORDINATE {
            return Err(CoreError::validation_detail(
                format!("positions.{i}.{name}"),
                Reason::OutOfRange,
                format!("±{MAX_COORDINATE}"),
            ));
        }
    }
    Ok(())
}
