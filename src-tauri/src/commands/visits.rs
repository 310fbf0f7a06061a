//! Visit summaries (跟进记录) with their next actions, the quality check, the customer-facing
//! recap and its confirmation; an action's status.

use dossier_core::visits::{
    ActionStatus, Confirmation, NextAction, QualityWarning, Recap, SavedVisit, Visit, VisitFields, VisitPage,
};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn list_visits(
    state: State<'_, AppState>,
    customer_id: i64,
    opportunity_id: Option<i64>,
    offset: i64,
    limit: i64,
) -> Res<VisitPage> {
    state.with(|s| s.visits(customer_id, opportunity_id, offset, limit))
}

#[tauri::command]
pub async fn get_visit(state: State<'_, AppState>, id: i64) -> Res<Visit> {
    state.with(|s| s.visit(id))
}

/// Where a record found by the search is in its customer's list.
#[tauri::command]
pub async fn visit_position(state: State<'_, AppState>, id: i64) -> Res<i64> {
    state.with(|s| s.visit_position(id))
}

#[tauri::command]
pub async fn create_visit(state: State<'_, AppState>, customer_id: i64, fields: VisitFields) -> Res<SavedVisit> {
    state.with(|s| s.create_visit(customer_id, &fields))
}

#[tauri::command]
pub async fn update_visit(state: State<'_, AppState>, id: i64, fields: VisitFields) -> Res<SavedVisit> {
    state.with(|s| s.update_visit(id, &fields))
}

#[tauri::command]
pub async fn delete_visit(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_visit(id))
}

#[tauri::command]
pub async fn check_visit(state: State<'_, AppState>, fields: VisitFields) -> Res<Vec<QualityWarning>> {
    state.with(|s| Ok(s.check_visit(&fields)))
}

#[tauri::command]
pub async fn set_visit_confirmation(state: State<'_, AppState>, id: i64, status: Confirmation) -> Res<Visit> {
    state.with(|s| s.set_confirmation(id, status))
}

#[tauri::command]
pub async fn visit_recap(state: State<'_, AppState>, id: i64) -> Res<Recap> {
    state.with(|s| s.visit_recap(id))
}

#[tauri::command]
pub async fn set_action_status(state: State<'_, AppState>, id: i64, status: ActionStatus) -> Res<NextAction> {
    state.with(|s| s.set_action_status(id, status))
}

/// A customer's open next actions, by due date (the printed dossier's 下一步行动).
#[tauri::command]
pub async fn customer_actions(state: State<'_, AppState>, customer_id: i64) -> Res<Vec<NextAction>> {
    state.with(|s| s.customer_actions(customer_id, true))
}
