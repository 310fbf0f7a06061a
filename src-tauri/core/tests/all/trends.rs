//! Purchase trends on a real SQLite file: purchase records by hand (validation, returns,
//! other currencies, future months, unknown customers), a customer's chart data against a
//! brute-force sum on random data, the signal feed (cache kept in step with every kind of
//! write, order, filters), the portfolio chart, the settings' thresholds, and the sample data's
//! scripted signals. The clock is 2026-11-23: the detectors evaluate 2026-10.

use crate::common;

use common::{named, refused, store};
use dossier_core::customers::{CustomerFields, FinancialPeriod, Grade};
use dossier_core::import::mapping::suggest;
use dossier_core::import::plan::{ImportKind, OnDuplicate};
use dossier_core::import::read::Sheet;
use dossier_core::import::values::Cell;
use dossier_core::import::ImportRequest;
use dossier_core::settings::Settings;
use dossier_core::trends::signals::feed_order;
use dossier_core::trends::*;
use dossier_core::{CoreError, Reason, Store};

fn buy(month: &str, product: &str, amount: f64) -> PurchaseFields {
    PurchaseFields {
        month: month.into(),
        product: product.into(),
        amount: Some(amount),
        quantity: Some(1.0),
        ..Default::default()
    }
}

fn customer(s: &Store, name: &str, grade: Grade, owner: &str) -> i64 {
    s.create_customer(&CustomerFields {
        name: name.into(),
        grade: Some(grade),
        owner: owner.into(),
        ..Default::default()
    })
    .unwrap()
    .id
}

/// `amounts` (万元) for the months ending with 2026-10, one record each.
fn series(s: &Store, id: i64, product: &str, amounts: &[f64]) {
    let last = 2026 * 12 + 9;
    for (k, a) in amounts.iter().enumerate() {
        let m = last - (amounts.len() - 1 - k) as i32;
        if *a != 0.0 {
            s.add_purchase(id, &buy(&format!("{:04}-{:02}", m / 12, m % 12 + 1), product, a * 10_000.0)).unwrap();
        }
    }
}

fn kinds(signals: &[TrendSignal]) -> Vec<(String, SignalKind)> {
    signals.iter().map(|s| (s.product.clone(), s.kind)).collect()
}

fn feed(s: &Store, q: FeedQuery) -> SignalFeed {
    s.signal_feed(&FeedQuery { limit: 500, ..q }).unwrap()
}

#[test]
fn purchase_records_are_validated_field_by_field() {
    let (_d, s) = store();
    let id = s.create_customer(&named("华东精密")).unwrap().id;
    let bad = |f: PurchaseFields| refused(s.add_purchase(id, &f));
    assert_eq!(bad(buy("", "A", 1.0)), ("month".into(), Reason::Required));
    assert_eq!(bad(buy("2026-13", "A", 1.0)), ("month".into(), Reason::InvalidDate));
    assert_eq!(bad(buy("2026/01", "A", 1.0)), ("month".into(), Reason::InvalidDate));
    assert_eq!(
        bad(PurchaseFields { day: "2026-02-03".into(), ..buy("2026-01", "A", 1.0) }),
        ("day".into(), Reason::InvalidDate)
    );
    assert_eq!(
        bad(PurchaseFields { day: "2026-01-32".into(), ..buy("2026-01", "A", 1.0) }),
        ("day".into(), Reason::InvalidDate)
    );
    assert_eq!(bad(buy("2026-01", "  ", 1.0)), ("product".into(), Reason::Required));
    assert_eq!(bad(buy("2026-01", "A", f64::NAN)), ("amount".into(), Reason::OutOfRange));
    assert_eq!(
        bad(PurchaseFields { quantity: None, amount: None, ..buy("2026-01", "A", 1.0) }),
        ("amount".into(), Reason::Required)
    );
    assert_eq!(
        bad(PurchaseFields { currency: "dollars".into(), ..buy("2026-01", "A", 1.0) }),
        ("currency".into(), Reason::OutOfRange)
    );
    assert_eq!(s.stats().unwrap().purchases, 0, "nothing refused was written");

    // Returns are allowed; the currency is tidied; an empty one is CNY.
    let r = s
        .add_purchase(
            id,
            &PurchaseFields {
                quantity: Some(-2.0),
                currency: " usd ".into(),
                day: "2026-01-15".into(),
                ..buy("2026-01", " A ", -300.0)
            },
        )
        .unwrap();
    assert_eq!(
        (r.fields.product.as_str(), r.fields.currency.as_str(), r.fields.amount, r.future),
        ("A", "USD", Some(-300.0), false)
    );
    assert_eq!(s.add_purchase(id, &buy("2026-02", "A", 5.0)).unwrap().fields.currency, "CNY");
}

#[test]
fn unknown_and_deleted_customers_are_refused_and_records_can_be_edited_and_deleted() {
    let (_d, s) = store();
    assert_eq!(s.add_purchase(999, &buy("2026-01", "A", 1.0)), Err(CoreError::not_found("customer", 999)));
    let id = s.create_customer(&named("华东精密")).unwrap().id;
    let p = s.add_purchase(id, &buy("2026-01", "A", 100.0)).unwrap();
    let edited = s.update_purchase(p.id, &buy("2026-03", "B", 250.0)).unwrap();
    assert_eq!(
        (edited.id, edited.fields.month.as_str(), edited.fields.product.as_str(), edited.fields.amount),
        (p.id, "2026-03", "B", Some(250.0))
    );
    assert_eq!(refused(s.update_purchase(p.id, &buy("2026-03", "", 1.0))), ("product".into(), Reason::Required));
    assert_eq!(s.purchase(p.id).unwrap(), edited, "a refused edit changes nothing");
    s.delete_purchase(p.id).unwrap();
    assert_eq!(s.delete_purchase(p.id), Err(CoreError::not_found("purchase", p.id)));
    assert_eq!(s.update_purchase(p.id, &buy("2026-03", "B", 1.0)), Err(CoreError::not_found("purchase", p.id)));
    s.add_purchase(id, &buy("2026-01", "A", 100.0)).unwrap();
    s.delete_customer(id).unwrap();
    assert_eq!(s.add_purchase(id, &buy("2026-01", "A", 1.0)), Err(CoreError::not_found("customer", id)));
    assert!(matches!(s.purchases(id, &PurchaseQuery::default()), Err(CoreError::NotFound { .. })));
}

#[test]
fn future_months_are_kept_and_flagged_but_not_evaluated() {
    let (_d, s) = store();
    let id = s.create_customer(&named("华东精密")).unwrap().id;
    assert!(!s.add_purchase(id, &buy("2026-11", "A", 1.0)).unwrap().future, "the clock's own month is not the future");
    let f = s.add_purchase(id, &buy("2026-12", "A", 9e6)).unwrap();
    assert!(f.future);
    let data = s.trend_data(id, &TrendRange::Last { months: 12 }).unwrap();
    assert_eq!(data.future_records, 1);
    assert_eq!(data.months.last().map(String::as_str), Some("2026-11"), "the default range stops at the clock's month");
    assert_eq!(data.evaluated_month, "2026-10");
    let custom = s.trend_data(id, &TrendRange::Custom { from: "2026-11".into(), to: "2027-01".into() }).unwrap();
    assert_eq!(custom.total.amount, [1.0, 9e6, 0.0]);
    assert!(data.signals.is_empty(), "{:?}", data.signals);
}

#[test]
fn other_currencies_are_counted_and_left_out_of_amounts() {
    let (_d, s) = store();
    let id = s.create_customer(&named("华东精密")).unwrap().id;
    s.add_purchase(id, &buy("2026-10", "A", 1000.0)).unwrap();
    s.add_purchase(id, &PurchaseFields { currency: "USD".into(), quantity: Some(3.0), ..buy("2026-10", "A", 50.0) })
        .unwrap();
    s.add_purchase(id, &PurchaseFields { currency: "USD".into(), ..buy("2026-09", "B", 20.0) }).unwrap();
    s.add_purchase(id, &PurchaseFields { quantity: Some(-1.0), ..buy("2026-10", "A", -100.0) }).unwrap();
    let d = s.trend_data(id, &TrendRange::Last { months: 3 }).unwrap();
    assert_eq!(d.months, ["2026-08", "2026-09", "2026-10"]);
    assert_eq!(d.total.amount, [0.0, 0.0, 900.0]);
    assert_eq!(d.total.quantity, [0.0, 1.0, 3.0], "quantities count whatever the currency");
    assert_eq!(d.other_currencies, [OtherCurrency { currency: "USD".into(), records: 2, amount: 70.0 }]);
    assert_eq!(d.return_records, 1);
    let p = s.portfolio_trend(&PortfolioQuery { range: TrendRange::Last { months: 3 }, ..Default::default() }).unwrap();
    assert_eq!((p.total.clone(), p.other_currency_records), (vec![0.0, 0.0, 900.0], 2));
}

#[test]
fn the_grid_pages_a_customers_records_newest_first() {
    let (_d, s) = store();
    let id = s.create_customer(&named("华东精密")).unwrap().id;
    let other = s.create_customer(&named("长江汽配")).unwrap().id;
    for (m, p) in [("2026-01", "B"), ("2026-03", "A"), ("2026-02", "A"), ("2026-03", "B")] {
        s.add_purchase(id, &buy(m, p, 1.0)).unwrap();
    }
    s.add_purchase(other, &buy("2026-05", "A", 1.0)).unwrap();
    let page = s.purchases(id, &PurchaseQuery { limit: 2, ..Default::default() }).unwrap();
    assert_eq!(page.total, 4);
    let rows: Vec<_> = page.rows.iter().map(|r| (r.fields.month.as_str(), r.fields.product.as_str())).collect();
    assert_eq!(rows, [("2026-03", "A"), ("2026-03", "B")]);
    let page = s.purchases(id, &PurchaseQuery { offset: 2, limit: 2, ..Default::default() }).unwrap();
    assert_eq!(page.rows.iter().map(|r| r.fields.month.as_str()).collect::<Vec<_>>(), ["2026-02", "2026-01"]);
    let a =
        s.purchases(id, &PurchaseQuery { product: "A".into(), from: "2026-03".into(), ..Default::default() }).unwrap();
    assert_eq!((a.total, a.rows[0].fields.month.as_str()), (1, "2026-03"));
    assert_eq!(
        refused(s.purchases(id, &PurchaseQuery { to: "March".into(), ..Default::default() })),
        ("to".into(), Reason::InvalidDate)
    );
}

#[test]
fn ranges_are_checked() {
    let (_d, s) = store();
    let id = s.create_customer(&named("华东精密")).unwrap().id;
    assert_eq!(refused(s.trend_data(id, &TrendRange::Last { months: 0 })), ("range.months".into(), Reason::OutOfRange));
    assert_eq!(
        refused(s.trend_data(id, &TrendRange::Custom { from: "2026-05".into(), to: "2026-04".into() })),
        ("range.to".into(), Reason::OutOfRange)
    );
    assert_eq!(
        refused(s.trend_data(id, &TrendRange::Custom { from: "x".into(), to: "2026-04".into() })),
        ("range.from".into(), Reason::InvalidDate)
    );
    let empty = s.trend_data(id, &TrendRange::Last { months: 24 }).unwrap();
    assert_eq!(
        (empty.months.len(), empty.months[23].as_str(), empty.total.amount.iter().sum::<f64>()),
        (24, "2026-11", 0.0)
    );
    assert_eq!(empty.previous_months[0], "2023-12");
}

/// xorshift64: random data without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn chart_data_matches_a_brute_force_sum_on_random_data() {
    let (_d, s) = store();
    let mut rng = Rng(0x5EED_2026);
    let ids: Vec<i64> = (0..3).map(|i| s.create_customer(&named(&format!("客户{i}"))).unwrap().id).collect();
    let products = ["A", "B", "C", "D", "E"];
    let categories = ["x", "y", ""];
    let base = 2023 * 12; // 2023-01 .. 2026-12 (some future)
    let mut records = Vec::new();
    for _ in 0..1500 {
        let id = ids[rng.below(3) as usize];
        let m = base + rng.below(48) as i32;
        let p = products[rng.below(5) as usize];
        let amount = (rng.below(20_000) as f64 - 2_000.0) / 4.0; // some returns
        let quantity = rng.below(50) as f64 - 5.0;
        let currency = if rng.below(10) == 0 { "EUR" } else { "CNY" };
        let f = PurchaseFields {
            month: format!("{:04}-{:02}", m / 12, m % 12 + 1),
            product: p.into(),
            category: categories[rng.below(3) as usize].into(),
            amount: (rng.below(20) != 0).then_some(amount),
            quantity: Some(quantity),
            currency: currency.into(),
            ..Default::default()
        };
        records.push((id, m, f.clone()));
        s.add_purchase(id, &f).unwrap();
    }
    let (first, last) = (2025 * 12 + 1, 2026 * 12 + 1); // 2025-02 .. 2026-02
    for &id in &ids {
        let d = s.trend_data(id, &TrendRange::Custom { from: "2025-02".into(), to: "2026-02".into() }).unwrap();
        assert_eq!(d.months.len(), 13);
        let sum = |product: Option<&str>, m: i32, quantity: bool| -> f64 {
            records
                .iter()
                .filter(|(c, rm, f)| *c == id && *rm == m && product.is_none_or(|p| f.product == p))
                .map(|(_, _, f)| {
                    if quantity {
                        f.quantity.unwrap_or(0.0)
                    } else if f.currency == "CNY" {
                        f.amount.unwrap_or(0.0)
                    } else {
                        0.0
                    }
                })
                .sum()
        };
        let close = |a: f64, b: f64| (a - b).abs() < 0.011;
        for series in &d.products {
            for (i, m) in (first..=last).enumerate() {
                assert!(close(series.amount[i], sum(Some(&series.name), m, false)), "{} {m}", series.name);
                assert!(close(series.quantity[i], sum(Some(&series.name), m, true)));
                assert!(close(series.previous_amount[i], sum(Some(&series.name), m - 12, false)));
            }
            let total: f64 = (first..=last).map(|m| sum(Some(&series.name), m, false)).sum();
            assert!(close(series.total_amount, total));
        }
        for (i, m) in (first..=last).enumerate() {
            assert!(close(d.total.amount[i], sum(None, m, false)));
            let by_category: f64 = d.categories.iter().map(|c| c.amount[i]).sum();
            assert!(close(by_category, d.total.amount[i]));
        }
        let sorted = d.products.windows(2).all(|w| w[0].total_amount >= w[1].total_amount);
        assert!(sorted, "products largest first");
        let other: i64 = records
            .iter()
            .filter(|(c, m, f)| *c == id && (first..=last).contains(m) && f.currency != "CNY" && f.amount.is_some())
            .count() as i64;
        assert_eq!(d.other_currencies.iter().map(|o| o.records).sum::<i64>(), other);
    }
    // The portfolio's total is the sum over customers, and the cached feed is exactly the
    // customers' own signals in feed order.
    let p = s
        .portfolio_trend(&PortfolioQuery {
            range: TrendRange::Custom { from: "2025-02".into(), to: "2026-02".into() },
            ..Default::default()
        })
        .unwrap();
    for (i, m) in (first..=last).enumerate() {
        let brute: f64 = records
            .iter()
            .filter(|(_, rm, f)| *rm == m && f.currency == "CNY")
            .map(|(_, _, f)| f.amount.unwrap_or(0.0))
            .sum();
        assert!((p.total[i] - brute).abs() < 0.05, "{m}: {} vs {brute}", p.total[i]);
    }
    let mut expected: Vec<TrendSignal> = ids.iter().flat_map(|&id| s.customer_signals(id).unwrap()).collect();
    expected.sort_by(feed_order);
    assert!(!expected.is_empty());
    assert_eq!(feed(&s, FeedQuery::default()).signals, expected);
}

#[test]
fn the_feed_follows_every_write_and_the_thresholds() {
    let (_d, s) = store();
    let a = customer(&s, "华东精密", Grade::A, "张伟");
    let b = customer(&s, "长江汽配", Grade::B, "李娜");
    series(&s, a, "伺服电机", &[110.0, 120.0, 95.0, 70.0, 52.0]);
    series(&s, b, "变频器", &[30.0, 30.0, 30.0, 60.0]);
    let f = feed(&s, FeedQuery::default());
    assert_eq!(f.evaluated_month, "2026-10");
    let got: Vec<_> = f.signals.iter().map(|x| (x.customer_name.as_str(), x.kind, x.severity)).collect();
    assert_eq!(
        got,
        [("华东精密", SignalKind::Decline, Severity::High), ("长江汽配", SignalKind::Surge, Severity::Low)]
    );
    assert_eq!(f.signals[0].text, "伺服电机 连续 3 个月下降：120 → 95 → 70 → 52 万元");
    assert_eq!(f.signals[0].months, ["2026-07", "2026-08", "2026-09", "2026-10"]);

    // Filters.
    assert_eq!(feed(&s, FeedQuery { grades: vec![Grade::B], ..Default::default() }).total, 1);
    assert_eq!(feed(&s, FeedQuery { owners: vec!["张伟".into()], ..Default::default() }).signals[0].customer_id, a);
    assert_eq!(feed(&s, FeedQuery { kinds: vec![SignalKind::Surge], ..Default::default() }).signals[0].customer_id, b);
    assert_eq!(feed(&s, FeedQuery { grades: vec![Grade::C], ..Default::default() }).total, 0);
    let page = s.signal_feed(&FeedQuery { offset: 1, limit: 1, ..Default::default() }).unwrap();
    assert_eq!((page.total, page.signals.len(), page.signals[0].customer_id), (2, 1, b));

    // A hand edit that breaks the run: the decline goes at once.
    let oct = s.purchases(a, &PurchaseQuery { from: "2026-10".into(), ..Default::default() }).unwrap().rows[0].clone();
    s.update_purchase(oct.id, &buy("2026-10", "伺服电机", 800_000.0)).unwrap();
    assert_eq!(feed(&s, FeedQuery::default()).total, 1);
    s.delete_purchase(oct.id).unwrap();
    assert_eq!(
        kinds(&feed(&s, FeedQuery { grades: vec![Grade::A], ..Default::default() }).signals),
        [],
        "Oct missing: 70 → 0 is neither a decline nor (yet) a stop"
    );

    // Thresholds: a stop after 1 month at the threshold 1.
    s.save_settings(&Settings { stopped_months: 1, ..Settings::default() }).unwrap();
    assert_eq!(
        kinds(&feed(&s, FeedQuery { grades: vec![Grade::A], ..Default::default() }).signals),
        [("伺服电机".into(), SignalKind::Stopped)]
    );
    s.save_settings(&Settings::default()).unwrap();

    // Delete to the trash: gone from the feed; undo: back; purged: its rows go.
    s.delete_customer(b).unwrap();
    assert_eq!(feed(&s, FeedQuery::default()).total, 0);
    s.undo_delete().unwrap();
    assert_eq!(feed(&s, FeedQuery::default()).total, 1);
    s.delete_customer(b).unwrap();
    s.empty_trash().unwrap();
    let cached: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM trend_signal WHERE customer_id = ?1", [b], |r| r.get(0))
        .unwrap();
    assert_eq!(cached, 0);

    // Financial periods of dimension 3 join the same feed.
    let fin =
        |p: &str, days: f64| FinancialPeriod { period: p.into(), inventory_days: Some(days), ..Default::default() };
    s.save_financials(a, &[fin("2024", 30.0), fin("2025", 60.0)]).unwrap();
    let f = feed(&s, FeedQuery::default());
    assert_eq!(
        (f.signals[0].kind, f.signals[0].severity, f.signals[0].text.as_str()),
        (SignalKind::Financial, Severity::Medium, "库存周转天数 2024 → 2025：30 → 60 天，+100%")
    );
}

#[test]
fn imports_and_their_undo_reach_the_feed() {
    let (_d, s) = store();
    let a = customer(&s, "华东精密机械股份有限公司", Grade::A, "张伟");
    series(&s, a, "伺服电机", &[110.0, 120.0, 95.0, 70.0, 0.0]);
    assert_eq!(feed(&s, FeedQuery::default()).total, 0);
    let rows = [["客户", "月份", "产品", "金额"], ["华东精密机械股份有限公司", "2026-10", "伺服电机", "52万"]];
    let sheet = Sheet {
        name: "采购".into(),
        rows: rows.iter().map(|r| r.iter().map(|c| Cell::Text(c.to_string())).collect()).collect(),
    };
    let headers: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let mapping = suggest(&headers, ImportKind::Purchases.fields());
    let req = ImportRequest {
        file: "p.xlsx",
        sheet: &sheet,
        header_row: 0,
        mapping: &mapping,
        kind: ImportKind::Purchases,
        on_duplicate: OnDuplicate::Skip,
        revenue_year: None,
    };
    let rec = s.commit_import(&req, &mut |_, _| true).unwrap();
    assert_eq!(kinds(&feed(&s, FeedQuery::default()).signals), [("伺服电机".into(), SignalKind::Decline)]);
    s.undo_import(rec.id, false).unwrap();
    assert_eq!(feed(&s, FeedQuery::default()).total, 0);
}

#[test]
fn the_portfolio_chart_totals_months_and_finds_the_movers() {
    let (_d, s) = store();
    let a = customer(&s, "华东精密", Grade::A, "张伟");
    let b = customer(&s, "长江汽配", Grade::B, "李娜");
    let c = customer(&s, "中恒电力", Grade::B, "李娜");
    // 15 months to 2026-10: a falls 10 → 4 (−18 over the last 3 months), b grows 1 → 3 (+6), c steady.
    let mut fa = vec![10.0; 15];
    fa[12..].copy_from_slice(&[4.0, 4.0, 4.0]);
    let mut fb = vec![1.0; 15];
    fb[12..].copy_from_slice(&[3.0, 3.0, 3.0]);
    series(&s, a, "P", &fa);
    series(&s, b, "P", &fb);
    series(&s, c, "P", &[5.0; 15]);
    let p = s
        .portfolio_trend(&PortfolioQuery { range: TrendRange::Last { months: 12 }, movers: 2, ..Default::default() })
        .unwrap();
    assert_eq!(
        (p.months[0].as_str(), p.months[11].as_str()),
        ("2025-11", "2026-10"),
        "ends with the latest month that has purchases"
    );
    assert_eq!(p.total[11], 120_000.0);
    assert_eq!(p.previous_total[11], 160_000.0);
    assert_eq!(p.previous_total[0], 0.0, "2024-11: before the first record");
    let movers: Vec<_> = p.movers.iter().map(|m| (m.customer_id, m.change, m.change_pct)).collect();
    assert_eq!(movers, [(a, -180_000.0, Some(-60.0)), (b, 60_000.0, Some(200.0))]);
    assert_eq!(p.movers[0].amount[11], 40_000.0);
    let only_b = s
        .portfolio_trend(&PortfolioQuery {
            grades: vec![Grade::B], owners: vec!["李娜".into()], ..Default::default()
        })
        .unwrap();
    assert_eq!(only_b.total.last(), Some(&80_000.0));
}

#[test]
fn settings_saved_by_an_older_version_take_the_trend_defaults() {
    let (_d, s) = store();
    s.connection()
        .execute(
            "INSERT INTO setting (key, value) VALUES ('settings', '{\"staleMonths\":18,\"turnoverChangePct\":40.0}')",
            [],
        )
        .unwrap();
    let got = s.settings().unwrap();
    assert_eq!(got, Settings { stale_months: 18, turnover_change_pct: 40.0, ..Settings::default() });
    assert_eq!(
        (got.decline_months, got.surge_pct, got.yoy_pct, got.stopped_months, got.new_product_months),
        (3, 50.0, 30.0, 3, 3)
    );
    for (bad, field) in [
        (Settings { decline_months: 0, ..got.clone() }, "declineMonths"),
        (Settings { surge_pct: 0.0, ..got.clone() }, "surgePct"),
        (Settings { yoy_pct: 5000.0, ..got.clone() }, "yoyPct"),
        (Settings { stopped_months: 13, ..got.clone() }, "stoppedMonths"),
        (Settings { new_product_months: -1, ..got.clone() }, "newProductMonths"),
    ] {
        assert_eq!(refused(s.save_settings(&bad)), (field.into(), Reason::OutOfRange));
    }
}

#[test]
fn the_sample_data_shows_each_scripted_signal_and_only_those() {
    let (_d, s) = store();
    dossier_core::sample::load(&s, 1).unwrap();
    let purchase_kinds = [
        SignalKind::Decline,
        SignalKind::Surge,
        SignalKind::NewProduct,
        SignalKind::Stopped,
        SignalKind::YoyDrop,
        SignalKind::YoyRise,
    ];
    let f = feed(&s, FeedQuery { kinds: purchase_kinds.to_vec(), ..Default::default() });
    let got: Vec<_> = f.signals.iter().map(|x| (x.customer_name.as_str(), x.product.as_str(), x.kind)).collect();
    assert_eq!(
        got,
        [
            ("华东精密机械股份有限公司", "伺服电机", SignalKind::Decline),
            ("蓝海食品饮料股份有限公司", "减速机", SignalKind::Stopped),
            ("瑞丰化工新材料有限公司", "触摸屏", SignalKind::YoyDrop),
            ("长江汽车零部件有限公司", "变频器", SignalKind::Surge),
            ("中恒电力工程集团有限公司", "工业网关", SignalKind::NewProduct),
        ]
    );
    assert_eq!(f.signals[0].text, "伺服电机 连续 3 个月下降：120 → 95 → 70 → 52 万元");
    assert!(
        feed(&s, FeedQuery { kinds: vec![SignalKind::Financial], ..Default::default() }).total > 0,
        "the sample's financial signals join the feed"
    );
    let huadong = f.signals[0].customer_id;
    let d = s.trend_data(huadong, &TrendRange::Last { months: 36 }).unwrap();
    assert_eq!((d.months[0].as_str(), d.months[35].as_str()), ("2023-11", "2026-10"));
    assert!(d.products.iter().any(|p| p.name == "伺服电机" && p.amount.iter().all(|&a| a > 0.0)));

    // The decline is exactly three months: at four it is gone, from the feed and the tab.
    s.save_settings(&Settings { decline_months: 4, ..Settings::default() }).unwrap();
    let f = feed(&s, FeedQuery { kinds: vec![SignalKind::Decline], ..Default::default() });
    assert_eq!(f.total, 0);
    assert!(s.customer_signals(huadong).unwrap().iter().all(|x| x.product != "伺服电机"));
}

/// Hand-made histories for the repurchase prompt: (customer, product, month, amount in 元).
const RHYTHMS: [(usize, &str, &str, f64); 24] = [
    // Quarterly; and quarterly but bought again in the clock's month (2026-11).
    (0, "A", "2025-11", 5e4),
    (0, "A", "2026-02", 6e4),
    (0, "A", "2026-05", 5e4),
    (0, "A", "2026-08", 7e4),
    (0, "B", "2026-02", 1e4),
    (0, "B", "2026-05", 1e4),
    (0, "B", "2026-08", 1e4),
    (0, "B", "2026-11", 1e4),
    // Every other month; an irregular start (1, 16 and 2 months).
    (1, "C", "2026-01", 2e4),
    (1, "C", "2026-03", 2e4),
    (1, "C", "2026-05", 2e4),
    (1, "C", "2026-07", 2e4),
    (1, "C", "2026-09", 2e4),
    (1, "D", "2025-01", 3e4),
    (1, "D", "2025-02", 3e4),
    (1, "D", "2026-06", 3e4),
    (1, "D", "2026-08", 3e4),
    // Yearly; and a return (its month bought nothing) between quarterly purchases.
    (2, "E", "2023-11", 9e4),
    (2, "E", "2024-11", 9e4),
    (2, "E", "2025-11", 9e4),
    (2, "H", "2026-02", 4e3),
    (2, "H", "2026-05", 4e3),
    (2, "H", "2026-06", -4e3),
    (2, "H", "2026-08", 4e3),
];

/// The repurchase prompts of `history` with the clock in `clock` (YYYY-MM), the plain way:
/// each product's months with a positive net amount up to the clock's, the last seven of them,
/// the gaps' median, every gap within half of it, due from the median to half as much again.
fn due_by_hand(history: &[(usize, String, String, f64)], clock: &str) -> Vec<(usize, String, f64, f64)> {
    let number = |m: &str| m[..4].parse::<i32>().unwrap() * 12 + m[5..].parse::<i32>().unwrap();
    let mut net: std::collections::BTreeMap<(usize, String, i32), f64> = Default::default();
    for (c, p, m, a) in history {
        *net.entry((*c, p.clone(), number(m))).or_default() += a;
    }
    let mut products: std::collections::BTreeMap<(usize, String), Vec<i32>> = Default::default();
    for ((c, p, m), a) in net {
        let months = products.entry((c, p)).or_default();
        if a > 0.0 && m <= number(clock) {
            months.push(m);
        }
    }
    let mut out = Vec::new();
    for ((c, p), months) in products {
        let recent: Vec<i32> = months.iter().rev().take(7).rev().copied().collect();
        if recent.len() < 3 {
            continue;
        }
        let mut gaps: Vec<f64> = recent.windows(2).map(|w| f64::from(w[1] - w[0])).collect();
        gaps.sort_by(f64::total_cmp);
        let n = gaps.len();
        let median = if n % 2 == 1 { gaps[n / 2] } else { ((gaps[n / 2 - 1] + gaps[n / 2]) / 2.0).ceil() };
        let elapsed = f64::from(number(clock) - recent[recent.len() - 1]);
        let grace = (median / 2.0).floor().max(1.0);
        let regular = gaps.iter().all(|g| (g - median).abs() <= median / 2.0);
        if median >= 2.0 && regular && elapsed >= median && elapsed <= median + grace {
            out.push((c, p, median, elapsed));
        }
    }
    out
}

#[test]
fn repurchase_prompts_match_a_plain_reading_of_the_histories_as_the_clock_moves() {
    let dir = tempfile::tempdir().unwrap();
    let s = common::store_on(&dir, 2026, 11, 23);
    let ids: Vec<i64> = (0..3).map(|k| customer(&s, &format!("复购客户{k}"), Grade::A, "张伟")).collect();
    for (c, p, m, a) in RHYTHMS {
        s.add_purchase(ids[c], &buy(m, p, a)).unwrap();
    }
    let mut history: Vec<(usize, String, String, f64)> =
        RHYTHMS.iter().map(|&(c, p, m, a)| (c, p.to_string(), m.to_string(), a)).collect();
    let prompts = |s: &Store| -> Vec<(usize, String, f64, f64)> {
        let f = feed(s, FeedQuery { kinds: vec![SignalKind::Repurchase], ..Default::default() });
        let mut got: Vec<_> = f
            .signals
            .iter()
            .map(|x| (ids.iter().position(|&id| id == x.customer_id).unwrap(), x.product.clone(), x.from, x.to))
            .collect();
        got.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        got
    };
    let s = common::store_on(&dir, 2026, 11, 23);
    let expected = due_by_hand(&history, "2026-11");
    let names: Vec<_> = expected.iter().map(|(c, p, _, _)| (*c, p.as_str())).collect();
    assert_eq!(names, [(0, "A"), (1, "C"), (2, "E"), (2, "H")], "the histories cover what they say");
    assert_eq!(prompts(&s), expected);
    let a = s.signal_feed(&FeedQuery { kinds: vec![SignalKind::Repurchase], ..Default::default() }).unwrap();
    let a = a.signals.iter().find(|x| x.product == "A").unwrap();
    assert_eq!(a.severity, Severity::Low);
    assert_eq!(a.text, "复购提醒：A 平均每 3 个月采购一次，距上次采购已 3 个月（上次 2026-08 采购 7 万元）");
    assert_eq!(a.months, ["2026-08", "2026-09", "2026-10", "2026-11"]);
    // The risk lights' signal rule is about losses, not prompts.
    assert!(s.customer_risk(ids[0]).unwrap().reasons.iter().all(|r| r.rule != dossier_core::risk::RiskRule::Signal));
    // As the clock moves (the cache recomputed for the new month), and as purchases come in.
    for (year, month, day) in [(2026, 12, 23), (2027, 1, 5), (2027, 2, 28), (2027, 5, 1)] {
        let s = common::store_on(&dir, year, month, day);
        let clock = format!("{year}-{month:02}");
        assert_eq!(prompts(&s), due_by_hand(&history, &clock), "{clock}");
        for (c, p) in [(0, "A"), (2, "H")] {
            s.add_purchase(ids[c], &buy(&clock, p, 4e3)).unwrap();
            history.push((c, p.to_string(), clock.clone(), 4e3));
            assert_eq!(prompts(&s), due_by_hand(&history, &clock), "{clock} after buying {p}");
        }
    }
    // The customer's own tab says the same as the feed.
    let s = common::store_on(&dir, 2027, 5, 1);
    let tab: Vec<_> =
        s.customer_signals(ids[0]).unwrap().into_iter().filter(|x| x.kind == SignalKind::Repurchase).collect();
    let fed: Vec<_> = feed(&s, FeedQuery { kinds: vec![SignalKind::Repurchase], ..Default::default() })
        .signals
        .into_iter()
        .filter(|x| x.customer_id == ids[0])
        .map(|x| TrendSignal { customer_name: String::new(), ..x })
        .collect();
    assert_eq!(tab.into_iter().map(|x| TrendSignal { customer_name: String::new(), ..x }).collect::<Vec<_>>(), fed);
}

/// The feed as a cache rebuilt from nothing would give it: every cached row dropped, every
/// customer recomputed from its purchase rows.
fn feed_from_scratch(s: &Store) -> (SignalFeed, PortfolioTrend) {
    s.connection()
        .execute_batch(
            "DELETE FROM trend_signal; DELETE FROM trend_series; DELETE FROM trend_month;
             DELETE FROM setting WHERE key = 'trend_basis';
             INSERT OR IGNORE INTO trend_dirty SELECT id FROM customer;",
        )
        .unwrap();
    (feed(s, FeedQuery::default()), s.portfolio_trend(&PortfolioQuery::default()).unwrap())
}

/// The feed and the portfolio chart from the cache as it stands, checked against each
/// customer's own signals computed on the spot, then against a cache rebuilt from scratch.
fn assert_cache_is_exact(s: &Store, context: &str) -> Vec<SignalKind> {
    let cached = (feed(s, FeedQuery::default()), s.portfolio_trend(&PortfolioQuery::default()).unwrap());
    let live: Vec<i64> = s
        .connection()
        .prepare("SELECT id FROM customer WHERE deleted_at IS NULL")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut expected: Vec<TrendSignal> = live.iter().flat_map(|&id| s.customer_signals(id).unwrap()).collect();
    expected.sort_by(feed_order);
    assert_eq!(cached.0.signals, expected, "{context}: the feed against each customer's signals");
    assert_eq!(cached.0.total as usize, expected.len(), "{context}");
    assert_eq!(feed_from_scratch(s), cached, "{context}: against a cache rebuilt from scratch");
    expected.iter().map(|x| x.kind).collect()
}

#[test]
fn the_cache_after_month_and_threshold_changes_equals_one_computed_from_scratch() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::store_on(&dir, 2026, 11, 23);
    let mut rng = Rng(0xCAC4_2026);
    let ids: Vec<i64> = (0..8).map(|k| customer(&s, &format!("缓存客户{k}"), Grade::A, "张伟")).collect();
    let products = ["A", "B", "C", "D", "E", "F"];
    // Round amounts that tie and cross the thresholds exactly, returns, and decimals whose
    // sums drift: the detectors must see the same sums however the cache reached them.
    let amounts = [100.0, 100.0, 120.0, 150.0, 50.0, 0.1, 0.2, 0.3, -20.0, 0.0];
    let month_of = |m: i32| format!("{:04}-{:02}", m / 12, m % 12 + 1);
    for &id in &ids {
        // Histories starting at different months, some with a first month of no CNY amount
        // (the customer's series still starts there: the windows of 4 and 15 months count it).
        let first = 2024 * 12 + rng.below(18) as i32;
        let opening = if rng.below(2) == 0 { ("USD", 80.0) } else { ("CNY", 0.0) };
        s.add_purchase(id, &PurchaseFields { currency: opening.0.into(), ..buy(&month_of(first), "A", opening.1) })
            .unwrap();
        for p in products.iter().take(1 + rng.below(6) as usize) {
            for m in first + 1..2026 * 12 + 12 {
                if rng.below(3) > 0 {
                    let currency = if rng.below(20) == 0 { "USD" } else { "CNY" };
                    let amount = amounts[rng.below(amounts.len() as u64) as usize];
                    let fields = PurchaseFields { currency: currency.into(), ..buy(&month_of(m), p, amount) };
                    s.add_purchase(id, &fields).unwrap();
                }
            }
        }
    }
    series(&s, ids[0], "G", &[110.0, 120.0, 95.0, 70.0, 52.0]);
    let fin =
        |p: &str, days: f64| FinancialPeriod { period: p.into(), inventory_days: Some(days), ..Default::default() };
    s.save_financials(ids[0], &[fin("2024", 30.0), fin("2025", 60.0)]).unwrap();
    let mut seen = assert_cache_is_exact(&s, "first read");

    let mut clock = 2026 * 12 + 10;
    let mut trashed = Vec::new();
    for step in 0..40 {
        match rng.below(5) {
            0 | 1 => {
                // The clock moves a month or more, either way.
                clock += [1, 1, 1, -1, 2, -2, 12, -12][rng.below(8) as usize];
                clock = clock.clamp(2025 * 12, 2027 * 12 + 1);
                drop(s);
                s = common::store_on(&dir, clock / 12, (clock % 12 + 1) as u32, 1 + rng.below(28) as u32);
            }
            2 => {
                let pick = |rng: &mut Rng, values: &[f64]| values[rng.below(values.len() as u64) as usize];
                let settings = Settings {
                    decline_months: 1 + rng.below(4) as i64,
                    surge_pct: pick(&mut rng, &[1.0, 20.0, 25.0, 50.0, 200.0]),
                    yoy_pct: pick(&mut rng, &[1.0, 20.0, 30.0, 50.0, 100.0]),
                    stopped_months: 1 + rng.below(5) as i64,
                    new_product_months: 1 + rng.below(12) as i64,
                    turnover_change_pct: pick(&mut rng, &[10.0, 30.0, 200.0]),
                    financial_decline_pct: pick(&mut rng, &[10.0, 20.0, 90.0]),
                    ..Settings::default()
                };
                s.save_settings(&settings).unwrap();
            }
            3 => {
                // A write, with a threshold or the month changed in the same breath at times.
                let id = ids[rng.below(ids.len() as u64) as usize];
                let p = products[rng.below(products.len() as u64) as usize];
                let m = clock - 1 - rng.below(20) as i32;
                let added = s.add_purchase(id, &buy(&month_of(m), p, amounts[rng.below(5) as usize])).ok();
                let rows = s.purchases(id, &PurchaseQuery { limit: 50, ..Default::default() }).map(|p| p.rows);
                if let Some(row) = rows.ok().and_then(|r| r.into_iter().nth(rng.below(50) as usize)) {
                    s.delete_purchase(row.id).unwrap();
                }
                if added.is_some() && rng.below(2) == 0 {
                    let yoy_pct = 10.0 + rng.below(60) as f64;
                    s.save_settings(&Settings { yoy_pct, ..s.settings().unwrap() }).unwrap();
                }
            }
            _ => {
                // A customer to the trash and back, or a financial period changed.
                let id = ids[rng.below(ids.len() as u64) as usize];
                if !trashed.is_empty() && rng.below(2) == 0 {
                    s.undo_delete().unwrap();
                    trashed.pop();
                } else if !trashed.contains(&id) && rng.below(2) == 0 {
                    s.delete_customer(id).unwrap();
                    trashed.push(id);
                } else if !trashed.contains(&id) {
                    s.save_financials(id, &[fin("2024", 40.0), fin("2025", 10.0 + rng.below(100) as f64)]).unwrap();
                }
            }
        }
        seen.extend(assert_cache_is_exact(&s, &format!("step {step}, clock {}", month_of(clock))));
    }
    seen.sort_by_key(|k| k.code());
    seen.dedup();
    assert_eq!(seen.len(), 8, "the random histories raise every kind of signal: {seen:?}");
}

/// A file with one customer whose 伺服电机 purchases decline, and its feed (that one signal):
/// the upgrade tests turn it back into an older version's file.
fn one_declining_customer() -> (tempfile::TempDir, Store, SignalFeed) {
    let dir = tempfile::tempdir().unwrap();
    let s = common::store_on(&dir, 2026, 11, 23);
    let a = customer(&s, "华东精密", Grade::A, "张伟");
    series(&s, a, "伺服电机", &[110.0, 120.0, 95.0, 70.0, 52.0]);
    let before = feed(&s, FeedQuery::default());
    assert_eq!(kinds(&before.signals), [("伺服电机".into(), SignalKind::Decline)]);
    (dir, s, before)
}

#[test]
fn a_file_from_before_the_cached_series_gets_them_on_its_first_read() {
    let (dir, s, before) = one_declining_customer();
    // As the previous version left it: no series table, its cache up to date.
    common::before_trend_series(s.connection());
    drop(s);
    let s = common::store_on(&dir, 2026, 11, 23);
    assert_eq!(feed(&s, FeedQuery::default()), before);
    let series: i64 = s.connection().query_row("SELECT count(*) FROM trend_series", [], |r| r.get(0)).unwrap();
    assert_eq!(series, 1);
    // A threshold change re-reads the series, not the purchases: the same as from scratch.
    s.save_settings(&Settings { decline_months: 5, ..Settings::default() }).unwrap();
    assert_eq!(feed(&s, FeedQuery::default()).total, 0);
    s.save_settings(&Settings::default()).unwrap();
    assert_cache_is_exact(&s, "after the migration");
    assert_eq!(feed(&s, FeedQuery::default()).total, 1);
}

/// The whole feed read page by page (`limit` signals a page), as the home page and the team
/// report read it.
fn feed_in_pages(s: &Store, limit: i64) -> Vec<TrendSignal> {
    let mut out = Vec::new();
    loop {
        let page = s.signal_feed(&FeedQuery { offset: out.len() as i64, limit, ..Default::default() }).unwrap();
        assert_eq!(page.signals.len() as i64, limit.min(page.total - out.len() as i64), "a full page");
        out.extend(page.signals);
        if out.len() as i64 >= page.total {
            return out;
        }
    }
}

#[test]
fn a_month_and_back_gives_the_feed_a_fresh_cache_gives_page_by_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::store_on(&dir, 2026, 11, 23);
    let mut rng = Rng(0x5EED_0022);
    let ids: Vec<i64> = (0..10).map(|k| customer(&s, &format!("往返客户{k}"), Grade::B, "李娜")).collect();
    let month_of = |m: i32| format!("{:04}-{:02}", m / 12, m % 12 + 1);
    // Random histories up to 2026-10, none in 2026-11 (what a new month brings before its
    // purchases are in).
    for &id in &ids {
        let first = 2024 * 12 + rng.below(20) as i32;
        for p in ["A", "B", "C", "D", "E"].iter().take(1 + rng.below(5) as usize) {
            for m in first..2026 * 12 + 10 {
                if rng.below(4) > 0 {
                    s.add_purchase(id, &buy(&month_of(m), p, [90.0, 100.0, 130.0, 0.5][rng.below(4) as usize]))
                        .unwrap();
                }
            }
        }
    }
    let fin =
        |p: &str, days: f64| FinancialPeriod { period: p.into(), inventory_days: Some(days), ..Default::default() };
    s.save_financials(ids[1], &[fin("2024", 30.0), fin("2025", 60.0)]).unwrap();
    let october = feed_in_pages(&s, 7);
    assert_cache_is_exact(&s, "2026-10 evaluated");
    assert_eq!(feed_in_pages(&s, 7), october, "read again, page by page");
    let mut december = None;
    for (year, month) in [(2026, 12), (2026, 11), (2026, 12), (2026, 11)] {
        drop(s);
        s = common::store_on(&dir, year, month, 2);
        let paged = feed_in_pages(&s, 7);
        assert_cache_is_exact(&s, &format!("clock {year}-{month}"));
        assert_eq!(feed_in_pages(&s, 7), paged, "{year}-{month}: the cache rebuilt from scratch, page by page");
        if month == 11 {
            assert_eq!(paged, october, "back to the first month: the same feed");
        } else {
            assert_ne!(paged, october, "another month, other signals");
            assert_eq!(december.get_or_insert_with(|| paged.clone()), &paged, "the same month again");
        }
    }
}

#[test]
fn a_file_whose_signals_were_cached_as_json_gets_them_again_on_its_first_read() {
    let (dir, s, before) = one_declining_customer();
    // As version 21 left it, its cache up to date for the same month and thresholds.
    common::before_trend_signal_keys(s.connection());
    drop(s);
    let s = common::store_on(&dir, 2026, 11, 23);
    assert_eq!(feed(&s, FeedQuery::default()), before);
}
