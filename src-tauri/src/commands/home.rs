//! 今日 on the home page (and the reminder's counts) in one call.

use dossier_core::activity::{HomeData, HomeQuery};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn home_data(state: State<'_, AppState>, query: HomeQuery) -> Res<HomeData> {
    state.with(|s| s.home(&query))
}
