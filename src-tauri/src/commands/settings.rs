//! 设置: the thresholds and rules the analytics read (staleness, signals, risk lights, stage
//! probabilities, trash days).

use dossier_core::settings::Settings;
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Res<Settings> {
    state.with(|s| s.settings())
}

#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> Res<Settings> {
    state.with(|s| s.save_settings(&settings))
}
