//! Opportunities (商机) and the pipeline (商机管道): one deal with its gated stage moves and
//! history, and the table, kanban and analytics across customers under one query.

use dossier_core::opportunities::stage_stats::{StageStats, StageStatsQuery};
use dossier_core::opportunities::{
    BoardColumn, LostReview, Opportunity, OpportunityFields, OpportunityPage, OpportunityQuery, PipelineAnalytics,
    Stage, StageChange,
};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn get_opportunity(state: State<'_, AppState>, id: i64) -> Res<Opportunity> {
    state.with(|s| s.opportunity(id))
}

#[tauri::command]
pub async fn create_opportunity(
    state: State<'_, AppState>,
    customer_id: i64,
    fields: OpportunityFields,
) -> Res<Opportunity> {
    state.with(|s| s.create_opportunity(customer_id, &fields))
}

#[tauri::command]
pub async fn update_opportunity(state: State<'_, AppState>, id: i64, fields: OpportunityFields) -> Res<Opportunity> {
    state.with(|s| s.update_opportunity(id, &fields))
}

/// A stage move (the kanban's drag); 丢单 takes the lost-deal review.
#[tauri::command]
pub async fn move_opportunity(
    state: State<'_, AppState>,
    id: i64,
    stage: Stage,
    review: Option<LostReview>,
) -> Res<Opportunity> {
    state.with(|s| s.move_opportunity(id, stage, review.as_ref()))
}

#[tauri::command]
pub async fn delete_opportunity(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_opportunity(id))
}

#[tauri::command]
pub async fn stage_history(state: State<'_, AppState>, id: i64) -> Res<Vec<StageChange>> {
    state.with(|s| s.stage_history(id))
}

#[tauri::command]
pub async fn list_opportunities(state: State<'_, AppState>, query: OpportunityQuery) -> Res<OpportunityPage> {
    state.with(|s| s.list_opportunities(&query))
}

#[tauri::command]
pub async fn pipeline_board(state: State<'_, AppState>, query: OpportunityQuery) -> Res<Vec<BoardColumn>> {
    state.with(|s| s.pipeline_board(&query))
}

#[tauri::command]
pub async fn pipeline_analytics(state: State<'_, AppState>, query: OpportunityQuery) -> Res<PipelineAnalytics> {
    state.with(|s| s.pipeline_analytics(&query))
}

#[tauri::command]
pub async fn stage_stats(state: State<'_, AppState>, query: StageStatsQuery) -> Res<StageStats> {
    state.with(|s| s.stage_stats(&query))
}
