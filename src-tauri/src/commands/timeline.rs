//! A customer's timeline: visits, actions, stage, power-map and profile changes, newest first,
//! filtered by kind and paged by the core.

use dossier_core::activity::{TimelinePage, TimelineQuery};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn customer_timeline(
    state: State<'_, AppState>,
    customer_id: i64,
    query: TimelineQuery,
) -> Res<TimelinePage> {
    state.with(|s| s.timeline(customer_id, &query))
}
