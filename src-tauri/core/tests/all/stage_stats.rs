//! The stage statistics (days in each stage, conversion, the sales cycle, win rates) held
//! against a brute-force reading of the same random stage histories, deal by deal through
//! `Store::stage_history` (the lost deals by month and reason too), for all time, a window of
//! days and one owner; a period ending before it starts is refused on `to`.

use std::collections::BTreeMap;

use crate::common;

use chrono::NaiveDate;
use common::{refused, store};
use dossier_core::customers::Grade;
use dossier_core::error::Reason;
use dossier_core::opportunities::stage_stats::{LostMonth, StageStats, StageStatsQuery};
use dossier_core::opportunities::stages::{rank, PIPELINE};
use dossier_core::opportunities::{LostReason, OpportunityQuery, Stage};
use dossier_core::Store;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn median_mean(mut v: Vec<f64>) -> (Option<f64>, Option<f64>) {
    if v.is_empty() {
        return (None, None);
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let m = if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 };
    (Some(m), Some(v.iter().sum::<f64>() / n as f64))
}

/// A stage's stays: entered, advanced, lost, back, still there, the days of those that ended.
type Stays = (i64, i64, i64, i64, i64, Vec<f64>);

/// The same figures, computed the slow way: every deal read on its own.
fn brute_force(s: &Store, q: &StageStatsQuery) -> StageStats {
    let within = |d: NaiveDate| (q.from.is_empty() || d >= day(&q.from)) && (q.to.is_empty() || d <= day(&q.to));
    let all = OpportunityQuery { limit: 100_000, ..Default::default() };
    let deals = s.list_opportunities(&all).unwrap().rows;
    let mut stays: BTreeMap<&str, Stays> = BTreeMap::new();
    let mut cycle = vec![];
    let mut owners: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut competitors: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut lost: BTreeMap<(String, Option<&str>), (i64, f64)> = BTreeMap::new();
    for row in deals {
        let o = row.opportunity;
        if !q.owners.is_empty() && !q.owners.contains(&o.fields.owner) {
            continue;
        }
        let grade = s.profile(o.customer_id).unwrap().customer.fields.grade;
        if !q.grades.is_empty() && !grade.is_some_and(|g| q.grades.contains(&g)) {
            continue;
        }
        let mut h = s.stage_history(o.id).unwrap();
        h.sort_by(|a, b| a.changed_on.cmp(&b.changed_on)); // stable: ties keep their order
        for (k, c) in h.iter().enumerate() {
            let on = day(&c.changed_on);
            if c.to == Stage::Won || c.to == Stage::Lost || !within(on) {
                continue;
            }
            let e = stays.entry(c.to.code()).or_default();
            e.0 += 1;
            match h.get(k + 1) {
                None => e.4 += 1,
                Some(n) => {
                    e.5.push((day(&n.changed_on) - on).num_days() as f64);
                    if n.to == Stage::Lost {
                        e.2 += 1;
                    } else if rank(n.to) > rank(c.to) {
                        e.1 += 1;
                    } else {
                        e.3 += 1;
                    }
                }
            }
        }
        let last = h.last().unwrap();
        if matches!(last.to, Stage::Won | Stage::Lost) && within(day(&last.changed_on)) {
            let won = last.to == Stage::Won;
            if won {
                cycle.push((day(&last.changed_on) - day(&h[0].changed_on)).num_days() as f64);
            } else {
                let reason = o.fields.lost_review.as_ref().and_then(|r| r.reason).map(|r| r.code());
                let e = lost.entry((last.changed_on[..7].to_string(), reason)).or_default();
                e.0 += 1;
                e.1 += o.fields.amount.unwrap_or(0.0);
            }
            let bump = |e: &mut (i64, i64)| if won { e.0 += 1 } else { e.1 += 1 };
            bump(owners.entry(o.fields.owner.trim().to_string()).or_default());
            for c in &o.fields.competitors {
                bump(competitors.entry(c.trim().to_string()).or_default());
            }
        }
    }
    let rate = |m: BTreeMap<String, (i64, i64)>| {
        let mut v: Vec<_> = m
            .into_iter()
            .map(|(key, (won, lost))| dossier_core::opportunities::stage_stats::WinRate {
                key,
                won,
                lost,
                rate: won as f64 / (won + lost) as f64,
            })
            .collect();
        v.sort_by(|a, b| (b.won + b.lost).cmp(&(a.won + a.lost)).then_with(|| a.key.cmp(&b.key)));
        v
    };
    let stages = PIPELINE[..PIPELINE.len() - 1]
        .iter()
        .map(|&stage| {
            let (entered, advanced, lost, back, still_there, days) = stays.remove(stage.code()).unwrap_or_default();
            let ended = advanced + lost + back;
            let (median_days, average_days) = median_mean(days);
            dossier_core::opportunities::stage_stats::StageDwell {
                stage,
                entered,
                advanced,
                lost,
                back,
                still_there,
                conversion: (ended > 0).then(|| advanced as f64 / ended as f64),
                median_days,
                average_days,
            }
        })
        .collect();
    let won = cycle.len() as i64;
    let (median_days, average_days) = median_mean(cycle);
    StageStats {
        stages,
        cycle: dossier_core::opportunities::stage_stats::SalesCycle { won, median_days, average_days },
        by_owner: rate(owners),
        by_industry: vec![],
        by_grade: vec![],
        by_source: vec![],
        by_competitor: rate(competitors),
        lost_by_month: lost
            .into_iter()
            .map(|((month, reason), (count, amount))| LostMonth {
                month,
                reason: reason.and_then(LostReason::from_code),
                count,
                amount,
            })
            .collect(),
    }
}

/// Floats compared to a rounding: the two sum the same days in different orders.
fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

fn same(ours: &StageStats, slow: &StageStats, what: &str) {
    for (a, b) in ours.stages.iter().zip(&slow.stages) {
        assert_eq!(
            (a.stage, a.entered, a.advanced, a.lost, a.back, a.still_there),
            (b.stage, b.entered, b.advanced, b.lost, b.back, b.still_there),
            "{what}"
        );
        assert!(close(a.conversion, b.conversion) && close(a.median_days, b.median_days), "{what}: {a:?} {b:?}");
        assert!(close(a.average_days, b.average_days), "{what}: {a:?} {b:?}");
    }
    assert_eq!(ours.cycle.won, slow.cycle.won, "{what}");
    assert!(close(ours.cycle.median_days, slow.cycle.median_days), "{what}: {:?} {:?}", ours.cycle, slow.cycle);
    assert!(close(ours.cycle.average_days, slow.cycle.average_days), "{what}");
    assert_eq!(ours.by_owner, slow.by_owner, "{what}");
    assert_eq!(ours.by_competitor, slow.by_competitor, "{what}");
    let months =
        |s: &StageStats| -> Vec<_> { s.lost_by_month.iter().map(|l| (l.month.clone(), l.reason, l.count)).collect() };
    assert_eq!(months(ours), months(slow), "{what}");
    for (a, b) in ours.lost_by_month.iter().zip(&slow.lost_by_month) {
        assert!((a.amount - b.amount).abs() < 0.01, "{what}: {a:?} {b:?}");
    }
}

#[test]
fn stage_statistics_are_what_each_deals_history_says() {
    let (_dir, s) = store();
    dossier_core::sample::load(&s, 3).unwrap();
    dossier_core::sample::load_copy_pipeline(&s, 4, 10).unwrap();
    let today = s.clock().today();
    // Some deals moved back a stage (the generated histories only go forward).
    let quotes = OpportunityQuery { stages: vec![Stage::Quote], limit: 3, ..Default::default() };
    for row in s.list_opportunities(&quotes).unwrap().rows {
        s.move_opportunity(row.opportunity.id, Stage::Solution, None).unwrap();
    }
    let all = StageStatsQuery::default();
    let ours = s.stage_stats(&all).unwrap();
    assert!(ours.stages.iter().map(|d| d.entered).sum::<i64>() > 200, "{:?}", ours.stages);
    assert!(ours.cycle.won > 5 && ours.stages.iter().any(|d| d.lost > 0 && d.advanced > 0), "{ours:?}");
    assert!(ours.lost_by_month.len() > 1, "{:?}", ours.lost_by_month);
    assert_eq!(ours.stages.iter().map(|d| d.back).sum::<i64>(), 3, "{:?}", ours.stages);
    same(&ours, &brute_force(&s, &all), "all time");

    let window = StageStatsQuery {
        from: (today - chrono::Duration::days(300)).format("%Y-%m-%d").to_string(),
        to: (today - chrono::Duration::days(60)).format("%Y-%m-%d").to_string(),
        ..Default::default()
    };
    same(&s.stage_stats(&window).unwrap(), &brute_force(&s, &window), "a window");
    let owner = ours.by_owner[0].key.clone();
    let mine = StageStatsQuery { owners: vec![owner], ..window.clone() };
    same(&s.stage_stats(&mine).unwrap(), &brute_force(&s, &mine), "one owner");
    let a_grade = StageStatsQuery { grades: vec![Grade::A], ..window };
    same(&s.stage_stats(&a_grade).unwrap(), &brute_force(&s, &a_grade), "A-grade customers");

    let backwards = StageStatsQuery { from: "2026-12-01".into(), to: "2026-11-01".into(), ..Default::default() };
    assert_eq!(refused(s.stage_stats(&backwards)), ("to".to_string(), Reason::OutOfRange));
    let nonsense = StageStatsQuery { from: "2026-13-01".into(), ..Default::default() };
    assert_eq!(refused(s.stage_stats(&nonsense)).0, "from");
}
