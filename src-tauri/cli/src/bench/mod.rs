//! `dossier-cli bench …`: the benchmarks behind the README's performance tables. Each times
//! Dossier and a reference in the same run, so the ratio holds even on a busy machine.

pub mod child;
pub mod export;
pub mod generate;
pub mod import;
pub mod power_map;
pub mod search;

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
