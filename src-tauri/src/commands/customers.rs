//! The customer list (filters, facets) and one customer's profile: its fields and the eight
//! dimensions, each saved whole; deleting a customer, after asking what it takes along.

use dossier_core::activity::CustomerRemoval;
use dossier_core::customers::{
    Customer, CustomerFields, CustomerPage, CustomerProfile, CustomerQuery, Facets, FinancialPeriod, MainBusiness,
    ProcessIt, RoleAssessment, SpBp, Supplier,
};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn list_customers(state: State<'_, AppState>, query: CustomerQuery) -> Res<CustomerPage> {
    state.with(|s| s.list_customers(&query))
}

#[tauri::command]
pub async fn customer_facets(state: State<'_, AppState>) -> Res<Facets> {
    state.with(|s| s.facets())
}

#[tauri::command]
pub async fn get_customer(state: State<'_, AppState>, id: i64) -> Res<CustomerProfile> {
    state.with(|s| s.profile(id))
}

#[tauri::command]
pub async fn create_customer(state: State<'_, AppState>, fields: CustomerFields) -> Res<Customer> {
    state.with(|s| s.create_customer(&fields))
}

#[tauri::command]
pub async fn update_customer(state: State<'_, AppState>, id: i64, fields: CustomerFields) -> Res<CustomerProfile> {
    state.with(|s| s.update_customer(id, &fields))
}

#[tauri::command]
pub async fn save_business(state: State<'_, AppState>, id: i64, business: MainBusiness) -> Res<CustomerProfile> {
    state.with(|s| s.save_business(id, &business))
}

#[tauri::command]
pub async fn save_financials(
    state: State<'_, AppState>,
    id: i64,
    periods: Vec<FinancialPeriod>,
) -> Res<CustomerProfile> {
    state.with(|s| s.save_financials(id, &periods))
}

#[tauri::command]
pub async fn save_sp_bp(state: State<'_, AppState>, id: i64, sp_bp: SpBp) -> Res<CustomerProfile> {
    state.with(|s| s.save_sp_bp(id, &sp_bp))
}

#[tauri::command]
pub async fn save_roles(state: State<'_, AppState>, id: i64, roles: Vec<RoleAssessment>) -> Res<CustomerProfile> {
    state.with(|s| s.save_roles(id, &roles))
}

#[tauri::command]
pub async fn save_suppliers(state: State<'_, AppState>, id: i64, suppliers: Vec<Supplier>) -> Res<CustomerProfile> {
    state.with(|s| s.save_suppliers(id, &suppliers))
}

#[tauri::command]
pub async fn save_process_it(state: State<'_, AppState>, id: i64, process_it: ProcessIt) -> Res<CustomerProfile> {
    state.with(|s| s.save_process_it(id, &process_it))
}

/// What deleting a customer would take with it (asked before `delete_customer`).
#[tauri::command]
pub async fn customer_removal(state: State<'_, AppState>, id: i64) -> Res<CustomerRemoval> {
    state.with(|s| s.customer_removal(id))
}

#[tauri::command]
pub async fn delete_customer(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_customer(id))
}
