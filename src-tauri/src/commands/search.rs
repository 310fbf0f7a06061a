//! The global search box: customers, contacts and their details, ranked by the core.

use dossier_core::search::{SearchIndexRepair, SearchResults};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String, limit: usize) -> Res<SearchResults> {
    state.with(|s| s.search(&query, limit.min(50)))
}

/// How many records of a large import still wait for their search entries (0: none); the count
/// then follows by the `search-index` event (`search_index.rs`).
#[tauri::command]
pub async fn pending_search_index(state: State<'_, AppState>) -> Res<i64> {
    state.with(|s| s.pending_search_index())
}

/// The search index found damaged after the open and being rebuilt (or why it could not be),
/// once; the `search-index-repair` event says when there is one (`search_index.rs`).
#[tauri::command]
pub async fn take_search_index_repair(state: State<'_, AppState>) -> Res<Option<SearchIndexRepair>> {
    Ok(state.take_search_repair())
}
