//! The one-line Chinese explanation of a signal, e.g. "产品A 连续 3 个月下降：120 → 95 → 70 →
//! 52 万元".
//!
//! Amounts: one unit per line, chosen by the largest absolute amount in it, so the numbers
//! compare at a glance: 亿元 from 100 million (2 decimals), 万元 from 10,000 (1 decimal), else
//! 元 (whole yuan); trailing zeros of the decimals are dropped (52 万元, 12.5 万元, 1.25 亿元).

use super::detect::Finding;
use super::model::SignalKind;
use super::month::{format as month, Month};
use crate::customers::{FinancialMetric, FinancialSignal};

/// The unit for amounts up to `largest` (absolute): (divisor, decimals, label).
fn unit(largest: f64) -> (f64, usize, &'static str) {
    match largest.abs() {
        x if x >= 1e8 => (1e8, 2, "亿元"),
        x if x >= 1e4 => (1e4, 1, "万元"),
        _ => (1.0, 0, "元"),
    }
}

/// `value` in the unit, without trailing zeros ("-0" shows as "0").
fn number(value: f64, (divisor, decimals, _): (f64, usize, &str)) -> String {
    let s = format!("{:.*}", decimals, value / divisor);
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// Formats amounts in one shared unit: (the numbers, the unit's label).
pub fn amounts(values: &[f64]) -> (Vec<String>, &'static str) {
    let u = unit(values.iter().fold(0.0, |m: f64, v| m.max(v.abs())));
    (values.iter().map(|&v| number(v, u)).collect(), u.2)
}

/// A single amount with its unit: "35 万元".
pub fn amount(value: f64) -> String {
    let (n, u) = amounts(&[value]);
    format!("{} {u}", n[0])
}

/// `YYYY-MM~MM` for a span inside one year, else `YYYY-MM~YYYY-MM`.
fn span(first: Month, len: usize) -> String {
    let last = first + len as Month - 1;
    let (a, b) = (month(first), month(last));
    if len <= 1 {
        a
    } else if a[..4] == b[..4] {
        format!("{a}~{}", &b[5..])
    } else {
        format!("{a}~{b}")
    }
}

fn whole_pct(p: Option<f64>) -> String {
    format!("{:.0}%", p.unwrap_or(0.0).abs())
}

/// The explanation of a purchase finding about `product`.
pub fn purchase(product: &str, f: &Finding) -> String {
    match f.kind {
        SignalKind::Decline => {
            let (n, u) = amounts(&f.values);
            format!("{product} 连续 {} 个月下降：{} {u}", f.values.len() - 1, n.join(" → "))
        }
        SignalKind::Surge => {
            let (n, u) = amounts(&[f.to, f.from]);
            format!(
                "{product} 激增：{} 采购 {} {u}，比前 3 个月均值 {} {u}高 {}",
                month(f.first),
                n[0],
                n[1],
                whole_pct(f.change_pct)
            )
        }
        SignalKind::YoyDrop | SignalKind::YoyRise => {
            let (n, u) = amounts(&[f.from, f.to]);
            let verb = if f.kind == SignalKind::YoyDrop { "下降" } else { "增长" };
            format!(
                "{product} 近 3 个月同比{verb} {}:{} {} {u} → {} {} {u}",
                whole_pct(f.change_pct),
                span(f.baseline_first, f.baseline_len),
                n[0],
                span(f.first, f.values.len()),
                n[1]
            )
        }
        SignalKind::Stopped => {
            format!(
                "{product} 已连续 {} 个月未采购：上次 {} 采购 {}",
                f.values.len() - 1,
                month(f.first),
                amount(f.from)
            )
        }
        SignalKind::NewProduct => {
            let months = f.values.len();
            let total = amount(f.to);
            if months == 1 {
                format!("新产品 {product}：{} 首次采购 {total}", month(f.first))
            } else {
                format!("新产品 {product}：{} 首次采购，{months} 个月共 {total}", month(f.first))
            }
        }
        SignalKind::Repurchase => format!(
            "复购提醒：{product} 平均每 {} 个月采购一次，距上次采购已 {} 个月（上次 {} 采购 {}）",
            f.from,
            f.to,
            month(f.first),
            amount(f.values[0])
        ),
        SignalKind::Financial => String::new(),
    }
}

/// "库存周转天数 2024 → 2025：30 → 60 天，+100%", "营业收入 2024 → 2025：1000 → 800 万元，-20%",
/// "毛利率 2024 → 2025：30% → 24%，-20%", "现金流 2024 → 2025：转为紧张".
pub fn financial(s: &FinancialSignal) -> String {
    let (name, unit) = match s.metric {
        FinancialMetric::InventoryDays => ("库存周转天数", " 天"),
        FinancialMetric::ReceivableDays => ("应收账款周转天数", " 天"),
        FinancialMetric::Revenue => ("营业收入", " 万元"),
        FinancialMetric::GrossMargin => ("毛利率", "%"),
        FinancialMetric::CashFlow => return format!("现金流 {} → {}：转为紧张", s.from_period, s.to_period),
    };
    let value = |d: f64| number(d, (1.0, 1, ""));
    let (from, to) = (value(s.from_value), value(s.to_value));
    let from = if unit == "%" { format!("{from}%") } else { from };
    format!("{name} {} → {}：{from} → {to}{unit}，{:+.0}%", s.from_period, s.to_period, s.change_pct)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trends::detect;
    use crate::trends::month::parse;

    #[test]
    fn amounts_share_the_unit_of_the_largest() {
        assert_eq!(
            amounts(&[1_200_000.0, 950_000.0, 700_000.0, 520_000.0]),
            (vec!["120".into(), "95".into(), "70".into(), "52".into()], "万元")
        );
        assert_eq!(amounts(&[125_000.0, 3_000.0]), (vec!["12.5".into(), "0.3".into()], "万元"));
        assert_eq!(amounts(&[8_500.4, -300.0]), (vec!["8500".into(), "-300".into()], "元"));
        assert_eq!(amount(125_000_000.0), "1.25 亿元");
        assert_eq!(amount(-20_000.0), "-2 万元");
        assert_eq!(amount(0.0), "0 元");
    }

    #[test]
    fn each_kind_reads_as_one_line() {
        let s = parse("2026-01").unwrap();
        let f = detect::decline(s, &[100.0, 1_200_000.0, 950_000.0, 700_000.0, 520_000.0], 3).unwrap();
        assert_eq!(purchase("产品A", &f), "产品A 连续 3 个月下降：120 → 95 → 70 → 52 万元");
        let f = detect::surge(s, &[90_000.0, 100_000.0, 110_000.0, 180_000.0], 50.0).unwrap();
        assert_eq!(purchase("产品X", &f), "产品X 激增：2026-04 采购 18 万元，比前 3 个月均值 10 万元高 80%");
        let mut v = vec![100_000.0; 12];
        v.extend([60_000.0; 3]);
        let f = detect::year_on_year(parse("2025-01").unwrap(), &v, 30.0).unwrap();
        assert_eq!(purchase("产品B", &f), "产品B 近 3 个月同比下降 40%:2025-01~03 30 万元 → 2026-01~03 18 万元");
        let f = detect::stopped(s, &[30_000.0, 40_000.0, 350_000.0, 0.0, 0.0, 0.0, 0.0], 3).unwrap();
        assert_eq!(purchase("产品C", &f), "产品C 已连续 4 个月未采购：上次 2026-03 采购 35 万元");
        let f = detect::new_product(s, &[0.0, 0.0, 0.0, 20_000.0, 28_000.0], 3, Some(s)).unwrap();
        assert_eq!(purchase("产品D", &f), "新产品 产品D：2026-04 首次采购，2 个月共 4.8 万元");
        let f = detect::new_product(s, &[0.0, 0.0, 0.0, 0.0, 8_000.0], 3, Some(s)).unwrap();
        assert_eq!(purchase("产品E", &f), "新产品 产品E：2026-05 首次采购 8000 元");
        let f = detect::repurchase(s, &[50_000.0, 0.0, 0.0, 60_000.0, 0.0, 0.0, 70_000.0, 0.0, 0.0, 0.0]).unwrap();
        assert_eq!(
            purchase("产品F", &f),
            "复购提醒：产品F 平均每 3 个月采购一次，距上次采购已 3 个月（上次 2026-07 采购 7 万元）"
        );
    }

    #[test]
    fn financial_signals_keep_their_days() {
        let s = FinancialSignal {
            metric: FinancialMetric::InventoryDays,
            from_period: "2024".into(),
            to_period: "2025".into(),
            from_value: 30.0,
            to_value: 60.0,
            change_pct: 100.0,
        };
        assert_eq!(financial(&s), "库存周转天数 2024 → 2025：30 → 60 天，+100%");
    }

    #[test]
    fn revenue_margin_and_cash_flow_read_with_their_units() {
        let sig = |metric, from_value, to_value, change_pct| FinancialSignal {
            metric,
            from_period: "2024".into(),
            to_period: "2025".into(),
            from_value,
            to_value,
            change_pct,
        };
        assert_eq!(
            financial(&sig(FinancialMetric::Revenue, 1000.0, 800.0, -20.0)),
            "营业收入 2024 → 2025：1000 → 800 万元，-20%"
        );
        assert_eq!(
            financial(&sig(FinancialMetric::GrossMargin, 30.0, 24.0, -20.0)),
            "毛利率 2024 → 2025：30% → 24%，-20%"
        );
        assert_eq!(financial(&sig(FinancialMetric::CashFlow, 0.0, 0.0, 0.0)), "现金流 2024 → 2025：转为紧张");
    }
}
