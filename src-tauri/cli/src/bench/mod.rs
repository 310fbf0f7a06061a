//! `dossier-cli bench …`: the benchmarks behind the README's performance tables. Each times
//! Dossier and a reference in the same run, so the ratio holds even on a busy machine.

pub mod backup;
pub mod child;
pub mod export;
pub mod generate;
pub mod import;
pub mod kill;
pub mod power_map;
pub mod results;
pub mod risk;
pub mod search;
pub mod trends;
pub mod weekly;

/// The median of some timings (0 for none).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// Rounds to 2 decimals for the report.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The 95th percentile (nearest rank; 0 for none).
pub fn p95(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n => v[((n as f64 * 0.95).ceil() as usize).clamp(1, n) - 1],
    }
}

/// Rounds to 3 decimals for the report.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
