//! The global search box: customers, contacts and their details, ranked by the core.

use dossier_core::search::SearchResults;
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String, limit: usize) -> Res<SearchResults> {
    state.with(|s| s.search(&query, limit.min(50)))
}
