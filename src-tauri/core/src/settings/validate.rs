//! Validation of the settings form, before anything is stored (the form rules of
//! `customers/validate.rs`).

use crate::customers::validate::{range_f, range_i, required, time};
use crate::error::Result;
use crate::settings::Settings;

/// An inclusive range of a whole-number setting. The 设置 form marks a value outside it while
/// the user types, from the same constants (generated into `ui/src/bindings.ts`).
#[derive(serde::Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntRange {
    pub min: i64,
    pub max: i64,
}

/// A risk rule's day thresholds (the red days of 未跟进 also at least its yellow days).
pub const RISK_DAYS: IntRange = IntRange { min: 1, max: 365 };
/// The months without a purchase or an open deal before a 流失预警 review (`risk.churnMonths`):
/// from one month to three years, the longest rhythm of a customer that buys once a year or so.
pub const CHURN_MONTHS: IntRange = IntRange { min: 1, max: 36 };
/// A stage's default probability, per cent.
pub const STAGE_PROBABILITY: IntRange = IntRange { min: 0, max: 100 };

pub fn settings(s: &Settings) -> Result<()> {
    range_i("staleMonths", Some(s.stale_months), 1, 120)?;
    range_f("turnoverChangePct", Some(s.turnover_change_pct), 1.0, 1000.0)?;
    range_f("financialDeclinePct", Some(s.financial_decline_pct), 1.0, 100.0)?;
    range_i("declineMonths", Some(s.decline_months), 1, 12)?;
    range_f("surgePct", Some(s.surge_pct), 1.0, 1000.0)?;
    range_f("yoyPct", Some(s.yoy_pct), 1.0, 1000.0)?;
    range_i("stoppedMonths", Some(s.stopped_months), 1, 12)?;
    range_i("newProductMonths", Some(s.new_product_months), 1, 12)?;
    range_i("trashDays", Some(s.trash_days), 1, 365)?;
    pipeline_settings(s)?;
    notify_settings(s)
}

/// The reminder's time (required: the UI always has one) and owner names.
fn notify_settings(s: &Settings) -> Result<()> {
    required("notify.time", &s.notify.time)?;
    time("notify.time", &s.notify.time)?;
    for (i, owner) in s.notify.owners.iter().enumerate() {
        required(&format!("notify.owners.{i}"), owner)?;
    }
    Ok(())
}

/// The stage probabilities and the risk rules' thresholds.
fn pipeline_settings(s: &Settings) -> Result<()> {
    let p = &s.stage_probabilities;
    for (stage, value) in [
        ("initiation", p.initiation),
        ("needs", p.needs),
        ("solution", p.solution),
        ("quote", p.quote),
        ("negotiation", p.negotiation),
        ("contract", p.contract),
    ] {
        let field = format!("stageProbabilities.{stage}");
        range_i(&field, Some(value), STAGE_PROBABILITY.min, STAGE_PROBABILITY.max)?;
    }
    let r = &s.risk;
    let IntRange { min, max } = RISK_DAYS;
    range_i("risk.followUpYellowDays", Some(r.follow_up_yellow_days), min, max)?;
    range_i("risk.followUpRedDays", Some(r.follow_up_red_days), r.follow_up_yellow_days, max)?;
    range_i("risk.watchYellowDays", Some(r.watch_yellow_days), min, max)?;
    range_i("risk.watchRedDays", Some(r.watch_red_days), r.watch_yellow_days, max)?;
    range_i("risk.quoteIdleDays", Some(r.quote_idle_days), min, max)?;
    range_i("risk.unconfirmedDays", Some(r.unconfirmed_days), min, max)?;
    range_i("risk.paymentRedDays", Some(r.payment_red_days), min, max)?;
    range_i("risk.churnMonths", Some(r.churn_months), CHURN_MONTHS.min, CHURN_MONTHS.max)?;
    for (stage, days) in r.stage_days.by_code() {
        range_i(&format!("risk.stageDays.{stage}"), Some(days), min, max)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{CoreError, Reason};
    use crate::settings::NotifySettings;

    fn reason(r: Result<()>) -> (String, Reason) {
        match r {
            Err(CoreError::Validation { field, reason, .. }) => (field, reason),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn the_reminder_needs_a_time_of_day_and_named_owners() {
        let ok = Settings::default();
        assert!(settings(&ok).is_ok());
        let with = |time: &str, owners: &[&str]| Settings {
            notify: NotifySettings {
                enabled: true,
                time: time.into(),
                owners: owners.iter().map(|o| o.to_string()).collect(),
            },
            ..Settings::default()
        };
        assert!(settings(&with("18:30", &["李明"])).is_ok());
        assert_eq!(reason(settings(&with("", &[]))), ("notify.time".into(), Reason::Required));
        assert_eq!(reason(settings(&with("25:00", &[]))), ("notify.time".into(), Reason::InvalidDate));
        assert_eq!(reason(settings(&with("9点", &[]))), ("notify.time".into(), Reason::InvalidDate));
        assert_eq!(reason(settings(&with("09:00", &["李明", " "]))), ("notify.owners.1".into(), Reason::Required));
    }
}
