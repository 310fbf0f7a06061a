//! Financial signals (dimension 3): inventory or receivables turnover days moving by at least
//! the configured percentage between two consecutive periods ("库存周转天数 30→60 天, +100%").
//! Rising days can mean a customer who is stocking up, or one who is in trouble: either way,
//! something to ask about on the next visit.

use crate::customers::{FinancialMetric, FinancialPeriod, FinancialSignal};

/// Signals between consecutive periods of `periods` (in chronological order). Periods where
/// either value is missing or the earlier one is zero are skipped rather than guessed.
pub fn financial(periods: &[FinancialPeriod], threshold_pct: f64) -> Vec<FinancialSignal> {
    let mut out = Vec::new();
    for pair in periods.windows(2) {
        let (prev, cur) = (&pair[0], &pair[1]);
        for metric in FinancialMetric::ALL {
            let value = |p: &FinancialPeriod| match metric {
                FinancialMetric::InventoryDays => p.inventory_days,
                FinancialMetric::ReceivableDays => p.receivable_days,
            };
            let (Some(from), Some(to)) = (value(prev), value(cur)) else { continue };
            if from <= 0.0 {
                continue;
            }
            let change_pct = (to - from) / from * 100.0;
            if change_pct.abs() + 1e-9 >= threshold_pct {
                out.push(FinancialSignal {
                    metric: *metric,
                    from_period: prev.period.clone(),
                    to_period: cur.period.clone(),
                    from_value: from,
                    to_value: to,
                    change_pct: (change_pct * 10.0).round() / 10.0,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(p: &str, inv: Option<f64>, rec: Option<f64>) -> FinancialPeriod {
        FinancialPeriod { period: p.into(), inventory_days: inv, receivable_days: rec, ..Default::default() }
    }

    #[test]
    fn doubling_inventory_days_is_a_signal() {
        let s = financial(&[period("2024", Some(30.0), Some(45.0)), period("2025", Some(60.0), Some(50.0))], 30.0);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].metric, FinancialMetric::InventoryDays);
        assert_eq!((s[0].from_value, s[0].to_value, s[0].change_pct), (30.0, 60.0, 100.0));
        assert_eq!((s[0].from_period.as_str(), s[0].to_period.as_str()), ("2024", "2025"));
    }

    #[test]
    fn threshold_is_inclusive_and_applies_both_ways() {
        let s = financial(&[period("2024", None, Some(100.0)), period("2025", None, Some(70.0))], 30.0);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].change_pct, -30.0);
        assert!(financial(&[period("2024", None, Some(100.0)), period("2025", None, Some(71.0))], 30.0).is_empty());
    }

    #[test]
    fn gaps_zeros_and_single_periods_raise_nothing() {
        assert!(financial(&[period("2025", Some(30.0), None)], 30.0).is_empty());
        assert!(financial(&[period("2024", Some(0.0), None), period("2025", Some(60.0), None)], 30.0).is_empty());
        assert!(financial(&[period("2024", None, None), period("2025", Some(60.0), None)], 30.0).is_empty());
        // Only consecutive periods are compared: 30 → (gap) → 60 is not a 2024→2026 signal.
        let s = financial(
            &[period("2024", Some(30.0), None), period("2025", None, None), period("2026", Some(60.0), None)],
            30.0,
        );
        assert!(s.is_empty());
    }
}
