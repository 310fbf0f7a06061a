//! A customer's contacts (联系人): each write returns the customer's fresh profile.

use dossier_core::customers::{ContactFields, CustomerProfile};
use dossier_core::powermap::ContactRemoval;
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn create_contact(
    state: State<'_, AppState>,
    customer_id: i64,
    fields: ContactFields,
) -> Res<CustomerProfile> {
    state.with(|s| s.create_contact(customer_id, &fields))
}

#[tauri::command]
pub async fn update_contact(state: State<'_, AppState>, id: i64, fields: ContactFields) -> Res<CustomerProfile> {
    state.with(|s| s.update_contact(id, &fields))
}

#[tauri::command]
pub async fn contact_removal(state: State<'_, AppState>, contact_id: i64) -> Res<ContactRemoval> {
    state.with(|s| s.contact_removal(contact_id))
}

#[tauri::command]
pub async fn delete_contact(state: State<'_, AppState>, id: i64) -> Res<CustomerProfile> {
    state.with(|s| s.delete_contact(id))
}
