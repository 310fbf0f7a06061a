//! A customer's signals: the detectors run on every product's series up to the evaluated
//! month, plus the financial signals of dimension 3, worded and in feed order.
//!
//! Feed order: severity (high → medium → low, see [`SignalKind::severity`]), then `impact` (CNY
//! per month at stake) largest first, then the size of the change in percent (financial
//! signals have no CNY impact), then customer name, product and kind, so the order is total.

use std::cmp::Ordering;

use super::detect::{self, Finding, Thresholds};
use super::explain;
use super::model::{SignalKind, TrendSignal};
use super::month::{self, Month};
use super::series::{first_bought, round_amount, span, ProductAmounts};
use crate::customers::{FinancialPeriod, FinancialSignal};
use crate::settings::Settings;

fn labels(first: Month, len: usize) -> Vec<String> {
    month::labels(first, first + len as Month - 1)
}

fn round_pct(p: Option<f64>) -> Option<f64> {
    p.map(|x| (x * 10.0).round() / 10.0)
}

fn purchase_signal(customer_id: i64, product: &str, category: &str, f: &Finding) -> TrendSignal {
    TrendSignal {
        customer_id,
        customer_name: String::new(),
        kind: f.kind,
        severity: f.kind.severity(),
        product: product.into(),
        category: category.into(),
        metric: None,
        months: labels(f.first, f.values.len()),
        values: f.values.iter().map(|&v| round_amount(v)).collect(),
        baseline_months: labels(f.baseline_first, f.baseline_len),
        from: round_amount(f.from),
        to: round_amount(f.to),
        change_pct: round_pct(f.change_pct),
        impact: round_amount(f.impact),
        text: explain::purchase(product, f),
    }
}

/// A financial signal of dimension 3 in the same form (months = the two periods).
pub fn financial_signal(customer_id: i64, s: &FinancialSignal) -> TrendSignal {
    TrendSignal {
        customer_id,
        customer_name: String::new(),
        kind: SignalKind::Financial,
        severity: SignalKind::Financial.severity(),
        product: String::new(),
        category: String::new(),
        metric: Some(s.metric),
        months: vec![s.from_period.clone(), s.to_period.clone()],
        values: vec![s.from_value, s.to_value],
        baseline_months: vec![],
        from: s.from_value,
        to: s.to_value,
        change_pct: Some(s.change_pct),
        impact: 0.0,
        text: explain::financial(s),
    }
}

/// The purchase signals of one customer's products (its ledger's [`amounts`]), evaluated at
/// `evaluated` (the last complete month): each product's series runs from the customer's first
/// record to that month — and to the clock's month (the next) for the repurchase detector,
/// which a purchase this month answers.
///
/// [`amounts`]: super::series::Ledger::amounts
pub fn purchase_signals(
    customer_id: i64,
    products: &[ProductAmounts],
    t: &Thresholds,
    evaluated: Month,
) -> Vec<TrendSignal> {
    let Some((first, _)) = span(products).filter(|(first, _)| *first <= evaluated) else {
        return Vec::new();
    };
    let customer_first = first_bought(products);
    let mut out = Vec::new();
    for p in products {
        let values = p.dense(first, evaluated + 1);
        let complete = &values[..values.len() - 1];
        let found =
            detect::all(first, complete, t, customer_first).into_iter().chain(detect::repurchase(first, &values));
        for f in found {
            out.push(purchase_signal(customer_id, &p.name, &p.category, &f));
        }
    }
    out
}

/// Every signal of one customer (purchases and financials), in feed order.
pub fn customer_signals(
    customer_id: i64,
    name: &str,
    products: &[ProductAmounts],
    financials: &[FinancialPeriod],
    settings: &Settings,
    evaluated: Month,
) -> Vec<TrendSignal> {
    let mut out = purchase_signals(customer_id, products, &Thresholds::from(settings), evaluated);
    out.extend(
        crate::customers::signals::financial(financials, settings.turnover_change_pct, settings.financial_decline_pct)
            .iter()
            .map(|s| financial_signal(customer_id, s)),
    );
    for s in &mut out {
        s.customer_name = name.to_string();
    }
    out.sort_by(feed_order);
    out
}

/// The feed's order (module doc).
pub fn feed_order(a: &TrendSignal, b: &TrendSignal) -> Ordering {
    let magnitude = |s: &TrendSignal| s.change_pct.map_or(0.0, f64::abs);
    a.severity
        .cmp(&b.severity)
        .then(b.impact.total_cmp(&a.impact))
        .then(magnitude(b).total_cmp(&magnitude(a)))
        .then_with(|| a.customer_name.cmp(&b.customer_name))
        .then_with(|| a.product.cmp(&b.product))
        .then_with(|| a.kind.code().cmp(b.kind.code()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::FinancialMetric;
    use crate::trends::month::parse;
    use crate::trends::series::{Ledger, Record, CNY};

    #[test]
    fn a_customer_gets_product_and_financial_signals_most_severe_first() {
        let mut l = Ledger::default();
        let months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
        // A declines 3 months to May, B surges in May, C stopped after February.
        let series: [(&str, [f64; 6]); 3] = [
            ("A", [1000.0, 1200.0, 950.0, 700.0, 520.0, 10.0]),
            ("B", [100.0, 100.0, 100.0, 100.0, 300.0, 0.0]),
            ("C", [80.0, 90.0, 0.0, 0.0, 0.0, 0.0]),
        ];
        for (product, values) in &series {
            for (m, v) in months.iter().zip(values) {
                if *v != 0.0 {
                    l.add(&Record {
                        product,
                        category: "",
                        month: parse(m).unwrap(),
                        currency: CNY,
                        amount: Some(*v),
                        quantity: None,
                    });
                }
            }
        }
        let fin = [
            FinancialPeriod { period: "2024".into(), inventory_days: Some(30.0), ..Default::default() },
            FinancialPeriod { period: "2025".into(), inventory_days: Some(60.0), ..Default::default() },
        ];
        // June is the clock's month: the detectors stop at May.
        let s = customer_signals(7, "客户", &l.amounts(), &fin, &Settings::default(), parse("2026-05").unwrap());
        let got: Vec<_> = s.iter().map(|s| (s.kind, s.product.as_str(), s.impact)).collect();
        assert_eq!(
            got,
            [
                (SignalKind::Decline, "A", 680.0),
                (SignalKind::Stopped, "C", 85.0),
                (SignalKind::Financial, "", 0.0),
                (SignalKind::Surge, "B", 200.0),
            ]
        );
        assert_eq!(s[0].months, ["2026-02", "2026-03", "2026-04", "2026-05"]);
        assert_eq!(s[0].text, "A 连续 3 个月下降：1200 → 950 → 700 → 520 元");
        assert_eq!(
            (s[2].metric, s[2].months.clone()),
            (Some(FinancialMetric::InventoryDays), vec!["2024".to_string(), "2025".into()])
        );
        assert!(s.iter().all(|x| x.customer_id == 7 && x.customer_name == "客户"));
        assert_eq!(s[3].baseline_months, ["2026-02", "2026-03", "2026-04"]);
    }

    #[test]
    fn nothing_is_evaluated_before_the_first_record() {
        let mut l = Ledger::default();
        l.add(&Record {
            product: "A",
            category: "",
            month: parse("2026-07").unwrap(),
            currency: CNY,
            amount: Some(5.0),
            quantity: None,
        });
        assert!(purchase_signals(1, &l.amounts(), &Thresholds::from(&Settings::default()), parse("2026-05").unwrap())
            .is_empty());
    }
}
