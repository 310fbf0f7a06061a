//! The detectors: pure functions on one product's monthly CNY amounts, so each can be tested
//! on a hand-built series without SQL.
//!
//! A series is `values[i]` = the amount of month `start + i`, missing months 0, ending with the
//! month being evaluated (the last complete month). Returns (negative amounts) are summed into
//! their month; a month is "bought" when its net amount is positive. Rules:
//! - **decline**: the last ≥ N steps each strictly lower than the month before, every month of
//!   the run positive (a fall to zero is a stop, not a decline); the whole run is reported;
//! - **surge**: the last month ≥ X % above the mean of the 3 months before it (mean > 0);
//! - **year on year**: the last 3 months summed against the same 3 months a year earlier
//!   (earlier sum > 0), beyond ±Y %; three months rather than one so that one late delivery
//!   does not raise a signal twice (once each way);
//! - **stopped**: the last bought month is ≥ N months back, and within [`STOPPED_LOOKBACK`];
//! - **new product**: first bought within the last N months, while the customer had bought
//!   something before (for a new customer, every product is new: no signal);
//! - **repurchase** (复购提醒, [`repurchase`]): a product bought in at least
//!   [`REPURCHASE_PURCHASES`] months whose latest intervals (up to [`REPURCHASE_INTERVALS`]) are
//!   fairly regular — each no further from their median than half of it, the median ≥
//!   [`REPURCHASE_MIN_INTERVAL`] months — is due once the median has passed since the last
//!   purchase, for a grace of half an interval (at least a month); later the rhythm is broken
//!   (the stopped detector tells that story). Its series runs to the clock's own month: a
//!   purchase this month means the customer is not due.
//!
//! One story per product: a stop or a decline hides the year-on-year drop it causes, and a
//! new product hides its own "surge" (see [`all`]).

use super::model::SignalKind;
use super::month::Month;

/// A product that stopped longer ago than this many months is old news: no signal.
pub const STOPPED_LOOKBACK: usize = 24;
/// Months of the trailing average a surge is measured against.
pub const SURGE_BASE: usize = 3;
/// Months summed for the year-on-year comparison.
pub const YOY_MONTHS: usize = 3;
/// Purchases (months bought) a rhythm is read from, at least.
pub const REPURCHASE_PURCHASES: usize = 3;
/// The latest intervals between purchases the rhythm is read from: how the customer buys now.
pub const REPURCHASE_INTERVALS: usize = 6;
/// The shortest rhythm, in months: a customer buying every month is a steady buyer, whose gaps
/// the stopped and decline detectors watch.
pub const REPURCHASE_MIN_INTERVAL: i32 = 2;

/// The thresholds of [`crate::settings::Settings`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    pub decline_months: usize,
    pub surge_pct: f64,
    pub yoy_pct: f64,
    pub stopped_months: usize,
    pub new_product_months: usize,
}

impl From<&crate::settings::Settings> for Thresholds {
    fn from(s: &crate::settings::Settings) -> Self {
        let n = |v: i64| v.max(1) as usize;
        Thresholds {
            decline_months: n(s.decline_months),
            surge_pct: s.surge_pct,
            yoy_pct: s.yoy_pct,
            stopped_months: n(s.stopped_months),
            new_product_months: n(s.new_product_months),
        }
    }
}

/// What a detector found, before it is named and worded.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: SignalKind,
    /// The months concerned (`first..first + values.len()`) and their amounts.
    pub first: Month,
    pub values: Vec<f64>,
    /// The months compared with, if any (`baseline_first..+baseline_len`).
    pub baseline_first: Month,
    pub baseline_len: usize,
    pub from: f64,
    pub to: f64,
    pub change_pct: Option<f64>,
    /// CNY per month the finding is about (the sort key within a severity).
    pub impact: f64,
}

/// Within this of a threshold counts as reaching it (amounts are sums of decimals).
const EPS: f64 = 1e-9;

fn pct(from: f64, to: f64) -> Option<f64> {
    (from > 0.0).then(|| (to - from) / from * 100.0)
}

fn finding(kind: SignalKind, first: Month, values: &[f64], from: f64, to: f64, impact: f64) -> Finding {
    Finding {
        kind,
        first,
        values: values.to_vec(),
        baseline_first: first,
        baseline_len: 0,
        from,
        to,
        change_pct: pct(from, to),
        impact,
    }
}

/// N or more consecutive monthly declines ending with the last month.
pub fn decline(start: Month, v: &[f64], n: usize) -> Option<Finding> {
    let last = v.len().checked_sub(1)?;
    let mut i = last;
    while i >= 1 && v[i] > 0.0 && v[i - 1] > v[i] {
        i -= 1;
    }
    let steps = last - i;
    (steps >= n.max(1))
        .then(|| finding(SignalKind::Decline, start + i as Month, &v[i..], v[i], v[last], v[i] - v[last]))
}

/// The last month ≥ `pct` % above the mean of the [`SURGE_BASE`] months before it.
pub fn surge(start: Month, v: &[f64], pct_threshold: f64) -> Option<Finding> {
    let last = v.len().checked_sub(1)?;
    let base = last.checked_sub(SURGE_BASE)?;
    let mean = v[base..last].iter().sum::<f64>() / SURGE_BASE as f64;
    if mean <= 0.0 || v[last] < mean * (1.0 + pct_threshold / 100.0) - EPS {
        return None;
    }
    let mut f = finding(SignalKind::Surge, start + last as Month, &v[last..], mean, v[last], v[last] - mean);
    (f.baseline_first, f.baseline_len) = (start + base as Month, SURGE_BASE);
    Some(f)
}

/// The last [`YOY_MONTHS`] against the same months a year earlier, beyond ±`pct` %.
pub fn year_on_year(start: Month, v: &[f64], pct_threshold: f64) -> Option<Finding> {
    let recent = v.len().checked_sub(YOY_MONTHS)?;
    let earlier = recent.checked_sub(12)?;
    let (now, then) = (v[recent..].iter().sum::<f64>(), v[earlier..earlier + YOY_MONTHS].iter().sum::<f64>());
    let change = pct(then, now)?;
    if change.abs() + EPS < pct_threshold {
        return None;
    }
    let kind = if change < 0.0 { SignalKind::YoyDrop } else { SignalKind::YoyRise };
    let mut f = finding(kind, start + recent as Month, &v[recent..], then, now, (now - then).abs() / YOY_MONTHS as f64);
    (f.baseline_first, f.baseline_len) = (start + earlier as Month, YOY_MONTHS);
    Some(f)
}

/// Not bought for the last ≥ `n` months after being bought within [`STOPPED_LOOKBACK`].
/// The months reported start with the last bought month.
pub fn stopped(start: Month, v: &[f64], n: usize) -> Option<Finding> {
    let last = v.len().checked_sub(1)?;
    let bought = v.iter().rposition(|&x| x > 0.0)?;
    let gap = last - bought;
    if gap < n.max(1) || gap > STOPPED_LOOKBACK {
        return None;
    }
    let typical = v[bought.saturating_sub(2)..=bought].iter().filter(|&&x| x > 0.0);
    let (sum, count) = typical.fold((0.0, 0), |(s, c), x| (s + x, c + 1));
    Some(finding(SignalKind::Stopped, start + bought as Month, &v[bought..], v[bought], 0.0, sum / count as f64))
}

/// First bought within the last `n` months, by a customer who had bought before
/// (`customer_first`: the customer's first bought month, any product).
pub fn new_product(start: Month, v: &[f64], n: usize, customer_first: Option<Month>) -> Option<Finding> {
    let first = v.iter().position(|&x| x > 0.0)?;
    let since = v.len() - first;
    if since > n.max(1) || customer_first.is_none_or(|c| c >= start + first as Month) {
        return None;
    }
    let total: f64 = v[first..].iter().sum();
    Some(finding(SignalKind::NewProduct, start + first as Month, &v[first..], 0.0, total, total / since as f64))
}

/// The interval of a product's rhythm and the months since its last purchase, when it is due
/// (module doc). `v` runs to the clock's month: `start + v.len() - 1`. The finding's months
/// start with the last bought month; `from` is the usual interval, `to` the months since;
/// `impact` the mean purchase of the rhythm spread over its interval (CNY per month).
pub fn repurchase(start: Month, v: &[f64]) -> Option<Finding> {
    let bought: Vec<usize> = v.iter().enumerate().filter(|(_, &x)| x > 0.0).map(|(i, _)| i).collect();
    if bought.len() < REPURCHASE_PURCHASES {
        return None;
    }
    let recent = &bought[bought.len().saturating_sub(REPURCHASE_INTERVALS + 1)..];
    let mut gaps: Vec<i32> = recent.windows(2).map(|w| (w[1] - w[0]) as i32).collect();
    gaps.sort_unstable();
    let mid = gaps.len() / 2;
    // The upper of the two middles' mean when they differ by an odd number: whole months.
    let median = if gaps.len() % 2 == 1 { gaps[mid] } else { (gaps[mid - 1] + gaps[mid] + 1) / 2 };
    if median < REPURCHASE_MIN_INTERVAL || gaps.iter().any(|&g| 2 * (g - median).abs() > median) {
        return None;
    }
    let last = *recent.last()?;
    let elapsed = (v.len() - 1 - last) as i32;
    let grace = (median / 2).max(1);
    if elapsed < median || elapsed > median + grace {
        return None;
    }
    let mean = recent.iter().map(|&i| v[i]).sum::<f64>() / recent.len() as f64;
    let mut f = finding(
        SignalKind::Repurchase,
        start + last as Month,
        &v[last..],
        median as f64,
        elapsed as f64,
        mean / median as f64,
    );
    f.change_pct = None;
    Some(f)
}

/// Every detector on one product, one story per product: a stop or a decline hides the
/// year-on-year drop it causes, a new product hides its surge.
pub fn all(start: Month, v: &[f64], t: &Thresholds, customer_first: Option<Month>) -> Vec<Finding> {
    let stop = stopped(start, v, t.stopped_months);
    let fall = decline(start, v, t.decline_months);
    let new = new_product(start, v, t.new_product_months, customer_first);
    let falling = stop.is_some() || fall.is_some();
    let yoy = year_on_year(start, v, t.yoy_pct).filter(|f| !(falling && f.kind == SignalKind::YoyDrop));
    let surge = surge(start, v, t.surge_pct).filter(|_| new.is_none());
    [stop, fall, yoy, surge, new].into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trends::month::parse;

    fn m(s: &str) -> Month {
        parse(s).unwrap()
    }

    const T: Thresholds =
        Thresholds { decline_months: 3, surge_pct: 50.0, yoy_pct: 30.0, stopped_months: 3, new_product_months: 3 };

    #[test]
    fn three_declines_are_reported_with_the_whole_run() {
        let s = m("2026-01");
        let f = decline(s, &[100.0, 120.0, 95.0, 70.0, 52.0], 3).unwrap();
        assert_eq!((f.first, f.values.clone()), (m("2026-02"), vec![120.0, 95.0, 70.0, 52.0]));
        assert_eq!((f.from, f.to, f.impact), (120.0, 52.0, 68.0));
        assert!((f.change_pct.unwrap() + 56.666).abs() < 0.01);
        // A longer run is one signal with every month of it.
        assert_eq!(decline(s, &[200.0, 120.0, 95.0, 70.0, 52.0], 3).unwrap().values.len(), 5);
        // Exactly three declines do not reach a threshold of four.
        assert_eq!(decline(s, &[100.0, 120.0, 95.0, 70.0, 52.0], 4), None);
    }

    #[test]
    fn declines_need_a_strict_fall_through_positive_months_ending_now() {
        let s = m("2026-01");
        assert_eq!(decline(s, &[120.0, 95.0, 95.0, 70.0], 3), None, "a flat month breaks the run");
        assert_eq!(decline(s, &[120.0, 95.0, 70.0, 0.0], 3), None, "a fall to zero is a stop");
        assert_eq!(decline(s, &[120.0, 95.0, 70.0, -5.0], 3), None, "a month of returns is not a lower sale");
        assert_eq!(decline(s, &[120.0, 95.0, 70.0, 80.0], 3), None, "the run must end with the last month");
        assert_eq!(decline(s, &[95.0, 70.0, 52.0], 3), None, "fewer months than the window");
        assert_eq!(decline(s, &[], 3), None);
        assert!(decline(s, &[0.0, 120.0, 95.0, 70.0, 52.0], 3).is_some(), "a gap before the run is fine");
    }

    #[test]
    fn surge_is_against_the_trailing_three_month_mean() {
        let s = m("2026-01");
        let f = surge(s, &[90.0, 100.0, 110.0, 150.0], 50.0).unwrap();
        assert_eq!((f.first, f.values.clone(), f.from, f.to), (m("2026-04"), vec![150.0], 100.0, 150.0));
        assert_eq!((f.baseline_first, f.baseline_len, f.change_pct), (s, 3, Some(50.0)));
        assert_eq!(surge(s, &[90.0, 100.0, 110.0, 149.0], 50.0), None);
        assert_eq!(surge(s, &[100.0, 110.0, 150.0], 50.0), None, "fewer than 3 months before");
        assert_eq!(surge(s, &[0.0, 0.0, 0.0, 150.0], 50.0), None, "no baseline: that is a new product");
        assert_eq!(surge(s, &[-10.0, 0.0, 0.0, 150.0], 50.0), None, "returns only");
        // A gap in the baseline lowers the mean: 0, 0, 300 → mean 100.
        assert_eq!(surge(s, &[0.0, 0.0, 300.0, 150.0], 50.0).unwrap().from, 100.0);
    }

    #[test]
    fn year_on_year_compares_three_months_with_a_year_earlier() {
        let s = m("2025-01");
        // 2025-01..2026-03: the last three (2026-01..03) against 2025-01..03.
        let mut v = vec![100.0, 100.0, 100.0];
        v.extend([50.0; 9]);
        v.extend([60.0, 60.0, 60.0]);
        let f = year_on_year(s, &v, 30.0).unwrap();
        assert_eq!((f.kind, f.first, f.baseline_first, f.baseline_len), (SignalKind::YoyDrop, m("2026-01"), s, 3));
        assert_eq!((f.from, f.to, f.change_pct, f.impact), (300.0, 180.0, Some(-40.0), 40.0));
        v[12..].copy_from_slice(&[130.0, 130.0, 130.0]);
        assert_eq!(year_on_year(s, &v, 30.0).unwrap().kind, SignalKind::YoyRise);
        v[12..].copy_from_slice(&[129.0, 130.0, 130.0]);
        assert_eq!(year_on_year(s, &v, 30.0), None, "+29.7 % is inside ±30 %");
        v[12..].copy_from_slice(&[70.0, 70.0, 70.0]);
        assert_eq!(year_on_year(s, &v, 30.0).unwrap().change_pct, Some(-30.0), "the threshold is inclusive");
        assert_eq!(year_on_year(s, &v[1..], 30.0), None, "fewer than 15 months");
        v[..3].copy_from_slice(&[0.0, 0.0, 0.0]);
        assert_eq!(year_on_year(s, &v, 30.0), None, "nothing a year earlier");
    }

    #[test]
    fn stopped_counts_months_since_the_last_positive_month() {
        let s = m("2026-01");
        let f = stopped(s, &[30.0, 40.0, 35.0, 0.0, 0.0, 0.0], 3).unwrap();
        assert_eq!(
            (f.first, f.values.clone(), f.from, f.to, f.impact),
            (m("2026-03"), vec![35.0, 0.0, 0.0, 0.0], 35.0, 0.0, 35.0)
        );
        assert_eq!(stopped(s, &[30.0, 40.0, 35.0, 0.0, 0.0], 3), None);
        assert!(stopped(s, &[30.0, 40.0, 35.0, 0.0, -8.0, 0.0], 3).is_some(), "a return is not a purchase");
        assert_eq!(stopped(s, &[0.0, 0.0, 0.0, 0.0], 3), None, "never bought");
        let mut old = vec![10.0];
        old.extend([0.0; STOPPED_LOOKBACK + 1]);
        assert_eq!(stopped(s, &old, 3), None, "stopped long ago");
    }

    #[test]
    fn a_new_product_needs_a_customer_with_history() {
        let s = m("2026-01");
        let v = [0.0, 0.0, 0.0, 0.0, 20.0, 30.0];
        let f = new_product(s, &v, 3, Some(s)).unwrap();
        assert_eq!(
            (f.first, f.values.clone(), f.from, f.to, f.impact),
            (m("2026-05"), vec![20.0, 30.0], 0.0, 50.0, 25.0)
        );
        assert_eq!(new_product(s, &v, 3, Some(m("2026-05"))), None, "the customer is new too");
        assert_eq!(new_product(s, &v, 3, None), None);
        assert_eq!(new_product(s, &[0.0, 5.0, 0.0, 0.0, 20.0, 30.0], 3, Some(s)), None, "bought before");
        assert_eq!(new_product(s, &[0.0, 0.0, 20.0, 0.0, 0.0, 30.0], 3, Some(s)), None, "first bought 4 months ago");
    }

    /// Amounts in the months listed (offsets from `start`), a series of `len` months.
    fn bought_in(months: &[usize], len: usize) -> Vec<f64> {
        let mut v = vec![0.0; len];
        months.iter().for_each(|&i| v[i] = 100.0);
        v
    }

    #[test]
    fn a_rhythm_is_due_once_its_median_interval_has_passed_for_a_grace() {
        let s = m("2025-01");
        // Bought every 3 months (Jan, Apr, Jul, Oct); the series ends with the clock's month.
        let rhythm = [0, 3, 6, 9];
        let due = |len: usize| repurchase(s, &bought_in(&rhythm, len)).map(|f| (f.from, f.to));
        assert_eq!(due(12), None, "2 months since: not yet");
        assert_eq!(due(13), Some((3.0, 3.0)), "the usual 3 months have passed");
        assert_eq!(due(14), Some((3.0, 4.0)), "a grace of one month (half of 3, at least 1)");
        assert_eq!(due(15), None, "5 months: the rhythm is broken");
        let f = repurchase(s, &bought_in(&rhythm, 13)).unwrap();
        assert_eq!((f.first, f.values.len(), f.impact, f.change_pct), (m("2025-10"), 4, 100.0 / 3.0, None));
        // Bought in the clock's month: not due.
        assert_eq!(repurchase(s, &bought_in(&[0, 3, 6, 9, 12], 13)), None);
    }

    #[test]
    fn a_rhythm_needs_three_purchases_a_regular_interval_and_two_months_at_least() {
        let s = m("2025-01");
        assert_eq!(repurchase(s, &bought_in(&[0, 3], 7)), None, "two purchases are not a rhythm");
        assert!(repurchase(s, &bought_in(&[0, 3, 6], 10)).is_some(), "three are");
        assert_eq!(repurchase(s, &bought_in(&[0, 1, 2, 3], 6)), None, "monthly buyers are steady, not periodic");
        // 2, 4, 2 months: the median 2, and 4 is more than half of it away.
        assert_eq!(repurchase(s, &bought_in(&[0, 2, 6, 8], 10)), None);
        // 3, 4, 3: within half of 3.
        assert_eq!(repurchase(s, &bought_in(&[0, 3, 7, 10], 14)).map(|f| f.from), Some(3.0));
        // An even count: 2, 2, 3, 3 → the middles' mean 2.5 taken up to 3.
        assert_eq!(repurchase(s, &bought_in(&[0, 2, 4, 7, 10], 14)).map(|f| f.from), Some(3.0));
        // Only the latest six intervals count: an old irregular start is forgotten.
        let mut months = vec![0, 1];
        months.extend((0..7).map(|k| 4 + 4 * k));
        assert_eq!(repurchase(s, &bought_in(&months, 33)).map(|f| (f.from, f.to)), Some((4.0, 4.0)));
        // A return is not a purchase.
        let mut v = bought_in(&[0, 3, 6], 10);
        v[1] = -50.0;
        assert!(repurchase(s, &v).is_some());
    }

    #[test]
    fn one_story_per_product() {
        let s = m("2025-01");
        // Bought steadily, then nothing for the last 4 months: stopped, not also a YoY drop.
        let mut v = vec![100.0; 11];
        v.extend([0.0; 4]);
        let kinds: Vec<_> = all(s, &v, &T, Some(s)).iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [SignalKind::Stopped]);
        // Falling three months to 40 % below a year earlier: the decline tells it.
        let mut v = vec![100.0; 12];
        v.extend([90.0, 70.0, 50.0]);
        let kinds: Vec<_> = all(s, &v, &T, Some(s)).iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [SignalKind::Decline]);
        // New two months ago and growing fast: new product, not a surge.
        let v = [0.0, 0.0, 0.0, 0.0, 10.0, 40.0];
        let kinds: Vec<_> = all(s, &v, &T, Some(s)).iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [SignalKind::NewProduct]);
        // Zeros everywhere: nothing.
        assert!(all(s, &[0.0; 30], &T, Some(s)).is_empty());
    }
}
