//! Financial signals (dimension 3) between two consecutive periods: inventory or receivables
//! turnover days moving by at least the configured percentage ("库存周转天数 30→60 天，+100%"),
//! either way — rising days can mean a customer who is stocking up, or one who is in trouble;
//! revenue or gross margin falling by at least the configured share; cash flow turning 紧张.
//! Each is something to ask about on the next visit (the source articles' 财务健康度).

use crate::customers::{CashFlow, FinancialMetric, FinancialPeriod, FinancialSignal};

/// How a metric's value is read from a period.
type ReadValue = fn(&FinancialPeriod) -> Option<f64>;

/// Signals between consecutive periods of `periods` (in chronological order): turnover days
/// moving by ≥ `turnover_pct` percent either way, between any two; revenue and gross margin
/// falling by ≥ `decline_pct` percent of the earlier value and cash flow turning 紧张, between
/// the last two only — the customer's current state, not its history. Periods where either
/// value is missing or the earlier one is zero are skipped rather than guessed.
pub fn financial(periods: &[FinancialPeriod], turnover_pct: f64, decline_pct: f64) -> Vec<FinancialSignal> {
    let mut out = Vec::new();
    let pairs = periods.len().saturating_sub(1);
    for (i, pair) in periods.windows(2).enumerate() {
        let (prev, cur) = (&pair[0], &pair[1]);
        let latest = i + 1 == pairs;
        let signal = |metric, from_value, to_value, change_pct| FinancialSignal {
            metric,
            from_period: prev.period.clone(),
            to_period: cur.period.clone(),
            from_value,
            to_value,
            change_pct,
        };
        for metric in FinancialMetric::ALL {
            let (value, falls_only, pct): (ReadValue, bool, f64) = match metric {
                FinancialMetric::Revenue | FinancialMetric::GrossMargin | FinancialMetric::CashFlow if !latest => {
                    continue
                }
                FinancialMetric::InventoryDays => (|p| p.inventory_days, false, turnover_pct),
                FinancialMetric::ReceivableDays => (|p| p.receivable_days, false, turnover_pct),
                FinancialMetric::Revenue => (|p| p.revenue, true, decline_pct),
                FinancialMetric::GrossMargin => (|p| p.gross_margin, true, decline_pct),
                FinancialMetric::CashFlow => {
                    let tight = |p: &FinancialPeriod| p.cash_flow == Some(CashFlow::Tight);
                    if tight(cur) && prev.cash_flow.is_some() && !tight(prev) {
                        out.push(signal(*metric, 0.0, 0.0, 0.0));
                    }
                    continue;
                }
            };
            let (Some(from), Some(to)) = (value(prev), value(cur)) else { continue };
            if from <= 0.0 {
                continue;
            }
            let change_pct = (to - from) / from * 100.0;
            let moved = if falls_only { -change_pct } else { change_pct.abs() };
            if moved + 1e-9 >= pct {
                out.push(signal(*metric, from, to, (change_pct * 10.0).round() / 10.0));
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
        let s =
            financial(&[period("2024", Some(30.0), Some(45.0)), period("2025", Some(60.0), Some(50.0))], 30.0, 20.0);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].metric, FinancialMetric::InventoryDays);
        assert_eq!((s[0].from_value, s[0].to_value, s[0].change_pct), (30.0, 60.0, 100.0));
        assert_eq!((s[0].from_period.as_str(), s[0].to_period.as_str()), ("2024", "2025"));
    }

    #[test]
    fn threshold_is_inclusive_and_applies_both_ways() {
        let s = financial(&[period("2024", None, Some(100.0)), period("2025", None, Some(70.0))], 30.0, 20.0);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].change_pct, -30.0);
        assert!(
            financial(&[period("2024", None, Some(100.0)), period("2025", None, Some(71.0))], 30.0, 20.0).is_empty()
        );
    }

    #[test]
    fn gaps_zeros_and_single_periods_raise_nothing() {
        assert!(financial(&[period("2025", Some(30.0), None)], 30.0, 20.0).is_empty());
        assert!(financial(&[period("2024", Some(0.0), None), period("2025", Some(60.0), None)], 30.0, 20.0).is_empty());
        assert!(financial(&[period("2024", None, None), period("2025", Some(60.0), None)], 30.0, 20.0).is_empty());
        // Only consecutive periods are compared: 30 → (gap) → 60 is not a 2024→2026 signal.
        let s = financial(
            &[period("2024", Some(30.0), None), period("2025", None, None), period("2026", Some(60.0), None)],
            30.0,
            20.0,
        );
        assert!(s.is_empty());
    }

    #[test]
    fn revenue_and_margin_falling_and_cash_flow_turning_tight() {
        let p = |period: &str, revenue: f64, margin: f64, cash: CashFlow| FinancialPeriod {
            period: period.into(),
            revenue: Some(revenue),
            gross_margin: Some(margin),
            cash_flow: Some(cash),
            ..Default::default()
        };
        // Revenue −20 % (the share, inclusive), margin −10 %: only revenue at 20.
        let s = financial(
            &[p("2024", 1000.0, 30.0, CashFlow::Normal), p("2025", 800.0, 27.0, CashFlow::Tight)],
            30.0,
            20.0,
        );
        let metrics: Vec<_> = s.iter().map(|x| (x.metric, x.change_pct)).collect();
        assert_eq!(metrics, vec![(FinancialMetric::Revenue, -20.0), (FinancialMetric::CashFlow, 0.0)]);
        // Rising revenue or margin is no warning; staying tight is not "turning" tight.
        let s =
            financial(&[p("2024", 800.0, 20.0, CashFlow::Tight), p("2025", 1600.0, 40.0, CashFlow::Tight)], 30.0, 20.0);
        assert!(s.is_empty(), "{s:?}");
        // Only the last two periods: a fall two years ago is history.
        let s = financial(
            &[
                p("2023", 1000.0, 30.0, CashFlow::Normal),
                p("2024", 500.0, 30.0, CashFlow::Tight),
                p("2025", 500.0, 30.0, CashFlow::Tight),
            ],
            30.0,
            20.0,
        );
        assert!(s.is_empty(), "{s:?}");
        // Margin −25 %: a signal at 20.
        let s = financial(
            &[p("2024", 1000.0, 40.0, CashFlow::Loose), p("2025", 1000.0, 30.0, CashFlow::Normal)],
            30.0,
            20.0,
        );
        assert_eq!(s.iter().map(|x| x.metric).collect::<Vec<_>>(), vec![FinancialMetric::GrossMargin]);
    }
}
