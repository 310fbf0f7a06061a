//! 回款 and 交付 of a won deal: the payment plan, the payments received, the delivery milestones.

use dossier_core::payments::{Milestone, MilestoneFields, PaymentFields, PaymentPlan, PlanInput};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn payment_plan(state: State<'_, AppState>, opportunity_id: i64) -> Res<PaymentPlan> {
    state.with(|s| s.payment_plan(opportunity_id))
}

#[tauri::command]
pub async fn save_payment_plan(state: State<'_, AppState>, opportunity_id: i64, plan: PlanInput) -> Res<PaymentPlan> {
    state.with(|s| s.save_payment_plan(opportunity_id, &plan))
}

#[tauri::command]
pub async fn add_payment(state: State<'_, AppState>, opportunity_id: i64, fields: PaymentFields) -> Res<PaymentPlan> {
    state.with(|s| s.add_payment(opportunity_id, &fields))
}

#[tauri::command]
pub async fn delete_payment(state: State<'_, AppState>, id: i64) -> Res<PaymentPlan> {
    state.with(|s| s.delete_payment(id))
}

#[tauri::command]
pub async fn milestones(state: State<'_, AppState>, opportunity_id: i64) -> Res<Vec<Milestone>> {
    state.with(|s| s.milestones(opportunity_id))
}

#[tauri::command]
pub async fn save_milestones(
    state: State<'_, AppState>,
    opportunity_id: i64,
    list: Vec<MilestoneFields>,
) -> Res<Vec<Milestone>> {
    state.with(|s| s.save_milestones(opportunity_id, &list))
}
