//! The power map (权力地图) of a customer. `scope` None = the account-wide map. Every write
//! returns the scope's fresh map, so the UI redraws from one value; a refusal (cycle, duplicate
//! edge, …) is the core's typed error and leaves the map as it was.

use dossier_core::customers::ContactFields;
use dossier_core::powermap::{
    Assessment, CoverageRow, HistoryEntry, MapDiff, MapView, NewEdge, NodePosition, ScopeSummary, SlotInput,
};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn power_map(state: State<'_, AppState>, customer_id: i64, scope: Option<i64>) -> Res<MapView> {
    state.with(|s| s.power_map(customer_id, scope))
}

#[tauri::command]
pub async fn power_scopes(state: State<'_, AppState>, customer_id: i64) -> Res<Vec<ScopeSummary>> {
    state.with(|s| s.power_scopes(customer_id))
}

#[tauri::command]
pub async fn power_map_as_of(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    date: String,
) -> Res<MapView> {
    state.with(|s| s.power_map_as_of(customer_id, scope, &date))
}

#[tauri::command]
pub async fn power_map_diff(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    date: String,
) -> Res<MapDiff> {
    state.with(|s| s.power_map_diff(customer_id, scope, &date))
}

#[tauri::command]
pub async fn power_map_history(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    limit: i64,
) -> Res<Vec<HistoryEntry>> {
    state.with(|s| s.power_map_history(customer_id, scope, limit))
}

#[tauri::command]
pub async fn power_coverage(state: State<'_, AppState>, customer_id: i64, scope: Option<i64>) -> Res<Vec<CoverageRow>> {
    state.with(|s| s.power_coverage(customer_id, scope))
}

#[tauri::command]
pub async fn save_assessment(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    assessment: Assessment,
) -> Res<MapView> {
    state.with(|s| s.save_assessment(customer_id, scope, &assessment))
}

#[tauri::command]
pub async fn remove_assessment(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    contact_id: i64,
) -> Res<MapView> {
    state.with(|s| s.remove_assessment(customer_id, scope, contact_id))
}

#[tauri::command]
pub async fn set_reports_to(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    contact_id: i64,
    boss: Option<i64>,
) -> Res<MapView> {
    state.with(|s| s.set_reports_to(customer_id, scope, contact_id, boss))
}

#[tauri::command]
pub async fn set_key_person(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    contact_id: i64,
    key: bool,
) -> Res<MapView> {
    state.with(|s| s.set_key_person(customer_id, scope, contact_id, key))
}

#[tauri::command]
pub async fn add_power_edge(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    edge: NewEdge,
) -> Res<MapView> {
    state.with(|s| s.add_edge(customer_id, scope, &edge))
}

#[tauri::command]
pub async fn relabel_power_edge(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    edge_id: i64,
    label: String,
) -> Res<MapView> {
    state.with(|s| s.relabel_edge(customer_id, scope, edge_id, &label))
}

#[tauri::command]
pub async fn remove_power_edge(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    edge_id: i64,
) -> Res<MapView> {
    state.with(|s| s.remove_edge(customer_id, scope, edge_id))
}

#[tauri::command]
pub async fn add_map_contact(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    fields: ContactFields,
    assessment: Option<Assessment>,
) -> Res<MapView> {
    state.with(|s| s.add_map_contact(customer_id, scope, &fields, assessment.as_ref()))
}

#[tauri::command]
pub async fn create_power_scope(state: State<'_, AppState>, customer_id: i64, name: String) -> Res<MapView> {
    state.with(|s| s.create_power_scope(customer_id, &name))
}

#[tauri::command]
pub async fn rename_power_scope(state: State<'_, AppState>, scope_id: i64, name: String) -> Res<MapView> {
    state.with(|s| s.rename_power_scope(scope_id, &name))
}

#[tauri::command]
pub async fn delete_power_scope(state: State<'_, AppState>, scope_id: i64) -> Res<MapView> {
    state.with(|s| s.delete_power_scope(scope_id))
}

#[tauri::command]
pub async fn save_power_slots(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    slots: Vec<SlotInput>,
) -> Res<MapView> {
    state.with(|s| s.save_slots(customer_id, scope, &slots))
}

#[tauri::command]
pub async fn save_power_positions(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    positions: Vec<NodePosition>,
) -> Res<MapView> {
    state.with(|s| s.save_positions(customer_id, scope, &positions))
}

#[tauri::command]
pub async fn reset_power_layout(state: State<'_, AppState>, customer_id: i64, scope: Option<i64>) -> Res<MapView> {
    state.with(|s| s.reset_layout(customer_id, scope))
}
