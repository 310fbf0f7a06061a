//! 业绩: the targets of a month or quarter, the page of a period, 今日's totals.

use dossier_core::results::{ResultsQuery, ResultsView, TargetSheet, TargetsInput, TodayResults};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn target_sheet(state: State<'_, AppState>, period: String) -> Res<TargetSheet> {
    state.with(|s| s.target_sheet(&period))
}

#[tauri::command]
pub async fn save_targets(state: State<'_, AppState>, input: TargetsInput) -> Res<TargetSheet> {
    state.with(|s| s.save_targets(&input))
}

#[tauri::command]
pub async fn results(state: State<'_, AppState>, query: ResultsQuery) -> Res<ResultsView> {
    state.with(|s| s.results(&query))
}

#[tauri::command]
pub async fn today_results(state: State<'_, AppState>, owners: Vec<String>) -> Res<TodayResults> {
    state.with(|s| s.today_results(&owners))
}
