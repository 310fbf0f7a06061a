//! Risk lights (red/yellow/green with their reasons) of customers and opportunities, under the
//! rules in 设置.

use dossier_core::risk::{PortfolioRisk, RiskLight};
use tauri::State;

use super::Res;
use crate::state::AppState;

/// The lights of the customers on a page of the list.
#[tauri::command]
pub async fn customer_risks(state: State<'_, AppState>, ids: Vec<i64>) -> Res<PortfolioRisk> {
    state.with(|s| s.customer_risks(&ids))
}

#[tauri::command]
pub async fn customer_risk(state: State<'_, AppState>, id: i64) -> Res<RiskLight> {
    state.with(|s| s.customer_risk(id))
}

#[tauri::command]
pub async fn opportunity_risk(state: State<'_, AppState>, id: i64) -> Res<RiskLight> {
    state.with(|s| s.opportunity_risk(id))
}
