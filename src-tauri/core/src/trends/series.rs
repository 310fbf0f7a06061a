//! A customer's purchases summed per product and month (the [`Ledger`]), and the chart series
//! cut from it: dense arrays over a range of months (missing months are 0), the same months a
//! year earlier, categories and their shares. CNY amounts only; a record in another currency
//! still counts for its quantity and is listed in [`OtherCurrency`].

use std::collections::{BTreeMap, HashMap};

use super::model::{OtherCurrency, ShareSeries, TrendSeries};
use super::month::Month;

/// The code of the currency that is summed.
pub const CNY: &str = "CNY";

/// One product's purchases in one month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cell {
    /// CNY.
    pub amount: f64,
    pub quantity: f64,
    pub records: i64,
    /// Records with a negative quantity or amount.
    pub returns: i64,
}

#[derive(Clone, Debug, Default)]
pub struct ProductLedger {
    pub name: String,
    /// The category of the latest record that had one.
    pub category: String,
    category_month: Month,
    pub months: BTreeMap<Month, Cell>,
}

/// One purchase record as the trend computations read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Record<'a> {
    pub product: &'a str,
    pub category: &'a str,
    pub month: Month,
    pub currency: &'a str,
    pub amount: Option<f64>,
    pub quantity: Option<f64>,
}

/// A customer's purchases per product and month.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    /// In the order first seen.
    pub products: Vec<ProductLedger>,
    index: HashMap<String, usize>,
    /// (month, currency, amount) of every record in another currency.
    pub other: Vec<(Month, String, f64)>,
}

/// Rounds a sum of amounts to the fen, a sum of quantities to 1/1000: sums of decimals drift.
pub fn round_amount(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round_quantity(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl Ledger {
    pub fn add(&mut self, r: &Record) {
        let i = match self.index.get(r.product) {
            Some(&i) => i,
            None => {
                self.products.push(ProductLedger {
                    name: r.product.to_string(),
                    category_month: Month::MIN,
                    ..Default::default()
                });
                self.index.insert(r.product.to_string(), self.products.len() - 1);
                self.products.len() - 1
            }
        };
        let p = &mut self.products[i];
        if !r.category.is_empty() && r.month >= p.category_month {
            p.category = r.category.to_string();
            p.category_month = r.month;
        }
        let cell = p.months.entry(r.month).or_default();
        cell.records += 1;
        cell.quantity += r.quantity.unwrap_or(0.0);
        if r.amount.is_some_and(|a| a < 0.0) || r.quantity.is_some_and(|q| q < 0.0) {
            cell.returns += 1;
        }
        match r.amount {
            Some(a) if r.currency == CNY => cell.amount += a,
            Some(a) => self.other.push((r.month, r.currency.to_string(), a)),
            None => {}
        }
    }

    /// Each product's CNY per month, in the ledger's order: what the signals read.
    pub fn amounts(&self) -> Vec<ProductAmounts> {
        self.products
            .iter()
            .map(|p| ProductAmounts {
                name: p.name.clone(),
                category: p.category.clone(),
                months: p.months.iter().map(|(m, c)| (*m, c.amount)).collect(),
            })
            .collect()
    }

    /// The latest month with a record not after `cap`.
    pub fn latest_until(&self, cap: Month) -> Option<Month> {
        self.products.iter().filter_map(|p| p.months.range(..=cap).next_back().map(|(m, _)| *m)).max()
    }

    /// Records dated after `month`.
    pub fn records_after(&self, month: Month) -> i64 {
        self.products.iter().flat_map(|p| p.months.range(month + 1..).map(|(_, c)| c.records)).sum()
    }
}

/// One product's CNY per month: every month it has a record in (0 when none was in CNY),
/// ascending. All the signals read of a product ([`crate::trends::signals`]), and what the
/// feed's cache keeps of it (`trends/cache.rs`): a plain list, quicker to build ≈ 30 k times
/// over than a [`ProductLedger`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProductAmounts {
    pub name: String,
    pub category: String,
    pub months: Vec<(Month, f64)>,
}

impl ProductAmounts {
    /// The amounts of months `first..=last`, 0 where it has no record.
    pub fn dense(&self, first: Month, last: Month) -> Vec<f64> {
        let mut out = vec![0.0; (last - first + 1).max(0) as usize];
        for &(m, amount) in self.months.iter().filter(|(m, _)| (first..=last).contains(m)) {
            out[(m - first) as usize] = amount;
        }
        out
    }
}

/// The earliest and latest month with a record of any of `products`, if any.
pub fn span(products: &[ProductAmounts]) -> Option<(Month, Month)> {
    let firsts = products.iter().filter_map(|p| p.months.first().map(|(m, _)| *m));
    let lasts = products.iter().filter_map(|p| p.months.last().map(|(m, _)| *m));
    Some((firsts.min()?, lasts.max()?))
}

/// The first month in which the customer's CNY total is positive (products summed in order).
pub fn first_bought(products: &[ProductAmounts]) -> Option<Month> {
    let (first, last) = span(products)?;
    let total = products.iter().fold(vec![0.0; (last - first + 1) as usize], |mut acc, p| {
        for (i, x) in p.dense(first, last).into_iter().enumerate() {
            acc[i] += x;
        }
        acc
    });
    total.iter().position(|&x| x > 0.0).map(|i| first + i as Month)
}

/// `pick` of each month `first..=last` of a product, 0 where it has no record.
pub fn dense(p: &ProductLedger, first: Month, last: Month, pick: fn(&Cell) -> f64) -> Vec<f64> {
    let mut out = vec![0.0; (last - first + 1).max(0) as usize];
    for (m, c) in p.months.range(first..=last) {
        out[(m - first) as usize] = pick(c);
    }
    out
}

fn add_into(acc: &mut [f64], xs: &[f64]) {
    for (a, x) in acc.iter_mut().zip(xs) {
        *a += x;
    }
}

/// Adds `b` into `a` (same months).
fn merge(a: &mut TrendSeries, b: &TrendSeries) {
    add_into(&mut a.amount, &b.amount);
    add_into(&mut a.quantity, &b.quantity);
    add_into(&mut a.previous_amount, &b.previous_amount);
    add_into(&mut a.previous_quantity, &b.previous_quantity);
    a.total_amount += b.total_amount;
    a.total_quantity += b.total_quantity;
    a.records += b.records;
}

fn empty_series(name: &str, category: &str, months: usize) -> TrendSeries {
    TrendSeries {
        name: name.into(),
        category: category.into(),
        amount: vec![0.0; months],
        quantity: vec![0.0; months],
        previous_amount: vec![0.0; months],
        previous_quantity: vec![0.0; months],
        ..Default::default()
    }
}

fn rounded(mut s: TrendSeries) -> TrendSeries {
    for v in [&mut s.amount, &mut s.previous_amount] {
        v.iter_mut().for_each(|x| *x = round_amount(*x));
    }
    for v in [&mut s.quantity, &mut s.previous_quantity] {
        v.iter_mut().for_each(|x| *x = round_quantity(*x));
    }
    s.total_amount = round_amount(s.total_amount);
    s.total_quantity = round_quantity(s.total_quantity);
    s
}

/// The chart series of months `first..=last`.
pub struct Charts {
    pub products: Vec<TrendSeries>,
    pub categories: Vec<TrendSeries>,
    pub total: TrendSeries,
    pub category_shares: Vec<ShareSeries>,
    pub other_currencies: Vec<OtherCurrency>,
    pub return_records: i64,
}

fn largest_first(v: &mut [TrendSeries]) {
    v.sort_by(|a, b| b.total_amount.total_cmp(&a.total_amount).then_with(|| a.name.cmp(&b.name)));
}

/// Every series of the range `first..=last` (and a year earlier) from the ledger.
pub fn charts(ledger: &Ledger, first: Month, last: Month) -> Charts {
    let n = (last - first + 1).max(0) as usize;
    let mut products = Vec::new();
    let mut return_records = 0;
    for p in &ledger.products {
        if p.months.range(first - 12..=last).next().is_none() {
            continue;
        }
        let in_range = || p.months.range(first..=last).map(|(_, c)| c);
        let s = TrendSeries {
            name: p.name.clone(),
            category: p.category.clone(),
            amount: dense(p, first, last, |c| c.amount),
            quantity: dense(p, first, last, |c| c.quantity),
            previous_amount: dense(p, first - 12, last - 12, |c| c.amount),
            previous_quantity: dense(p, first - 12, last - 12, |c| c.quantity),
            total_amount: in_range().map(|c| c.amount).sum(),
            total_quantity: in_range().map(|c| c.quantity).sum(),
            records: in_range().map(|c| c.records).sum(),
        };
        return_records += in_range().map(|c| c.returns).sum::<i64>();
        products.push(s);
    }
    let mut total = empty_series("", "", n);
    let mut by_category: BTreeMap<&str, TrendSeries> = BTreeMap::new();
    for s in &products {
        merge(&mut total, s);
        let c = by_category.entry(s.category.as_str()).or_insert_with(|| empty_series(&s.category, "", n));
        merge(c, s);
    }
    let mut categories: Vec<TrendSeries> = by_category.into_values().map(rounded).collect();
    let mut products: Vec<TrendSeries> = products.into_iter().map(rounded).collect();
    let total = rounded(total);
    largest_first(&mut products);
    largest_first(&mut categories);
    let category_shares = categories
        .iter()
        .map(|c| ShareSeries {
            category: c.name.clone(),
            share_pct: c
                .amount
                .iter()
                .zip(&total.amount)
                .map(|(a, t)| if *t > 0.0 { (a / t * 1000.0).round() / 10.0 } else { 0.0 })
                .collect(),
        })
        .collect();
    let mut other: BTreeMap<&str, (i64, f64)> = BTreeMap::new();
    for (m, currency, amount) in &ledger.other {
        if (first..=last).contains(m) {
            let e = other.entry(currency).or_default();
            e.0 += 1;
            e.1 += amount;
        }
    }
    let other_currencies = other
        .into_iter()
        .map(|(currency, (records, amount))| OtherCurrency {
            currency: currency.into(),
            records,
            amount: round_amount(amount),
        })
        .collect();
    Charts { products, categories, total, category_shares, other_currencies, return_records }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trends::month::parse;

    fn rec<'a>(
        product: &'a str,
        category: &'a str,
        month: &str,
        currency: &'a str,
        amount: f64,
        quantity: f64,
    ) -> Record<'a> {
        Record {
            product,
            category,
            month: parse(month).unwrap(),
            currency,
            amount: Some(amount),
            quantity: Some(quantity),
        }
    }

    #[test]
    fn series_fill_missing_months_and_leave_other_currencies_out() {
        let mut l = Ledger::default();
        l.add(&rec("A", "阀门", "2025-02", CNY, 50.0, 1.0));
        l.add(&rec("A", "阀门", "2026-01", CNY, 100.0, 2.0));
        l.add(&rec("A", "泵", "2026-03", CNY, 200.0, 4.0));
        l.add(&rec("A", "", "2026-03", CNY, -20.0, -1.0));
        l.add(&rec("B", "", "2026-02", "USD", 30.0, 3.0));
        let (first, last) = (parse("2026-01").unwrap(), parse("2026-03").unwrap());
        let c = charts(&l, first, last);
        let a = &c.products[0];
        assert_eq!((a.name.as_str(), a.category.as_str()), ("A", "泵"));
        assert_eq!(a.amount, [100.0, 0.0, 180.0]);
        assert_eq!(a.quantity, [2.0, 0.0, 3.0]);
        assert_eq!(a.previous_amount, [0.0, 50.0, 0.0]);
        assert_eq!((a.total_amount, a.total_quantity, a.records), (280.0, 5.0, 3));
        let b = &c.products[1];
        assert_eq!((b.amount.clone(), b.quantity.clone()), (vec![0.0; 3], vec![0.0, 3.0, 0.0]));
        assert_eq!(c.total.amount, [100.0, 0.0, 180.0]);
        assert_eq!(c.other_currencies, [OtherCurrency { currency: "USD".into(), records: 1, amount: 30.0 }]);
        assert_eq!(c.return_records, 1);
        assert_eq!(
            c.category_shares.iter().map(|s| (s.category.as_str(), s.share_pct.clone())).collect::<Vec<_>>(),
            [("泵", vec![100.0, 0.0, 100.0]), ("", vec![0.0, 0.0, 0.0])]
        );
        assert_eq!(first_bought(&l.amounts()), parse("2025-02"));
        assert_eq!(span(&l.amounts()), Some((parse("2025-02").unwrap(), parse("2026-03").unwrap())));
        assert_eq!(l.amounts()[1].months, [(parse("2026-02").unwrap(), 0.0)], "a month in USD only");
        assert_eq!(l.records_after(parse("2026-02").unwrap()), 2);
        assert_eq!(l.latest_until(parse("2026-02").unwrap()), parse("2026-02"));
    }
}
