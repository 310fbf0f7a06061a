//! Purchase records of the sample data: 36 complete months ending with the month before the
//! clock's (the month the detectors evaluate), so the charts are full and the signals are the
//! scripted ones, whatever the date:
//! - 华东精密 (customer 0): 伺服电机 grows for 32 months, then falls exactly 3 months in a row,
//!   120 → 95 → 70 → 52 万元 (a decline at the default threshold 3, none at 4; its last three
//!   months are within ±30 % of a year earlier, so no year-on-year signal either way);
//! - 长江汽配 (1): 变频器 surges to 50 万元 against ~30 (+64 %, and +24 % year on year);
//! - 中恒电力 (2): 工业网关 first bought last month and the month before (a new product);
//! - 蓝海食品 (3): 减速机 not bought for the last 3 months (stopped);
//! - 瑞丰化工 (4): 触摸屏 40 % below a year earlier over the last 3 months;
//! - 德瑞斯医疗 (5): a return (negative) and a record in US dollars.
//!
//! Every other series alternates ±8 % around a slowly growing level, so that it never falls
//! three months in a row, never jumps 50 % and stays within ±30 % of a year earlier: no
//! accidental signal. Generated copies (benchmarks) buy `n` of [`CATALOGUE`]'s 50 products.

use super::Rng;
use crate::trends::month::{self, Month};
use crate::trends::PurchaseFields;

/// (product, category).
const PRODUCTS: [(&str, &str); 12] = [
    ("伺服电机", "驱动"),
    ("变频器", "驱动"),
    ("减速机", "驱动"),
    ("PLC控制器", "控制"),
    ("触摸屏", "控制"),
    ("工业网关", "控制"),
    ("传感器", "传感与线缆"),
    ("工业线缆", "传感与线缆"),
    ("运维服务", "服务"),
    ("软件许可", "服务"),
    ("备件包", "服务"),
    ("配电柜", "电气"),
];

/// Months of history.
pub const MONTHS: i32 = 36;
const WAN: f64 = 10_000.0;

fn record(m: Month, product: &str, category: &str, quantity: f64, amount: f64) -> PurchaseFields {
    PurchaseFields {
        month: month::format(m),
        day: String::new(),
        product: product.into(),
        category: category.into(),
        quantity: Some(quantity),
        amount: Some(amount),
        currency: "CNY".into(),
    }
}

/// A steady product: `level` (CNY a month) growing by `growth` a year, ±8 % alternating,
/// plus up to ±2 % of noise (never enough to break the alternation).
fn steady(rng: &mut Rng, level: f64, growth: f64, k: i32) -> f64 {
    let trend = level * (1.0 + growth).powf(f64::from(k - MONTHS + 1) / 12.0);
    let swing = if k % 2 == 0 { 1.08 } else { 0.92 };
    (trend * swing * rng.range(0.98, 1.02) / 100.0).round() * 100.0
}

/// A scripted series of base customer `i` (month offset `k`, 0 = 36 months back, 35 = the
/// evaluated month), or `None` when product `p` is steady there.
fn scripted(i: usize, p: usize, k: i32) -> Option<f64> {
    let back = MONTHS - 1 - k; // 0 = the evaluated month
    Some(
        match (i, PRODUCTS[p].0) {
            (0, "伺服电机") => match back {
                0 => 52.0,
                1 => 70.0,
                2 => 95.0,
                _ => 40.0 + 2.5 * f64::from(k.min(32)),
            },
            (1, "变频器") => match back {
                0 => 50.0,
                _ if k % 2 == 0 => 31.5,
                _ => 28.5,
            },
            (2, "工业网关") => match back {
                0 => 12.0,
                1 => 8.0,
                _ => 0.0,
            },
            (3, "减速机") if back < 3 => 0.0,
            (4, "触摸屏") => match back {
                0..=5 => 30.0,
                _ => 50.0,
            },
            _ => return None,
        } * WAN,
    )
}

/// The products base customer `i` buys: 4–7 of the twelve, always its scripted one.
fn products_of(i: usize, rng: &mut Rng) -> Vec<usize> {
    let scripted = [0, 1, 5, 2, 4][..].get(i).copied();
    let mut chosen: Vec<usize> = scripted.into_iter().collect();
    let want = 4 + rng.below(4);
    while chosen.len() < want {
        let p = rng.below(PRODUCTS.len());
        if !chosen.contains(&p) {
            chosen.push(p);
        }
    }
    chosen
}

/// Base customer `i`'s records, the last month being `evaluated`.
pub fn base(i: usize, evaluated: Month) -> Vec<PurchaseFields> {
    let mut rng = Rng(7000 + i as u64);
    let first = evaluated - MONTHS + 1;
    let mut out = Vec::new();
    for p in products_of(i, &mut rng) {
        let (name, category) = PRODUCTS[p];
        let level = rng.range(2.0, 40.0) * WAN;
        let unit_price = rng.range(0.2, 2.0) * WAN;
        let growth = rng.range(-0.05, 0.10);
        for k in 0..MONTHS {
            let amount = scripted(i, p, k).unwrap_or_else(|| steady(&mut rng, level, growth, k));
            if amount > 0.0 {
                out.push(record(first + k, name, category, (amount / unit_price).round().max(1.0), amount));
            }
        }
    }
    if i == 5 {
        let (name, category) = PRODUCTS[6];
        out.push(record(evaluated - 1, name, category, -2.0, -0.6 * WAN));
        out.push(PurchaseFields {
            currency: "USD".into(), ..record(evaluated, "进口轴承", "驱动", 40.0, 12_000.0)
        });
    }
    out
}

/// The 50 products of generated copies: the twelve in numbered models.
pub fn catalogue(j: usize) -> (String, &'static str) {
    let (name, category) = PRODUCTS[j % PRODUCTS.len()];
    (format!("{name} {}型", 100 + j), category)
}

/// The size of [`catalogue`].
pub const CATALOGUE: usize = 50;

/// Generated copy number `n`'s records: `products` of the catalogue, every month; every 7th
/// copy with a 3-month decline of its first product and every 11th with a surge of its second,
/// so the feed has work to do.
pub fn copy(n: usize, products: usize, evaluated: Month, out: &mut Vec<PurchaseFields>) {
    let mut rng = Rng(0x9A9C ^ n as u64);
    let first = evaluated - MONTHS + 1;
    let start = rng.below(CATALOGUE);
    for j in 0..products.min(CATALOGUE) {
        let (name, category) = catalogue((start + j * 7) % CATALOGUE);
        let level = rng.range(1.0, 20.0) * WAN;
        let growth = rng.range(-0.05, 0.10);
        for k in 0..MONTHS {
            let back = MONTHS - 1 - k;
            let mut amount = steady(&mut rng, level, growth, k);
            if j == 0 && n.is_multiple_of(7) && back < 3 {
                amount = level * (0.8 - 0.15 * f64::from(2 - back));
            } else if j == 1 && n.is_multiple_of(11) && back == 0 {
                amount = level * 2.0;
            }
            out.push(record(
                first + k,
                &name,
                category,
                (amount / 1000.0).round().max(1.0),
                (amount / 100.0).round() * 100.0,
            ));
        }
    }
}
