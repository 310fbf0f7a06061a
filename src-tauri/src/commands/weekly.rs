//! 周会: the period's sections for the owners chosen, in one call (its export is in export.rs).

use dossier_core::weekly::{WeeklyQuery, WeeklyView};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn weekly_view(state: State<'_, AppState>, query: WeeklyQuery) -> Res<WeeklyView> {
    state.with(|s| s.weekly(&query))
}
