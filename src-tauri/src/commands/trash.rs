//! The trash (回收站): deleted customers, contacts, visit summaries and deals, restorable one by
//! one; 撤销 restores the newest delete.

use dossier_core::customers::{Restored, TrashPage};
use tauri::State;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub async fn undo_delete(state: State<'_, AppState>) -> Res<Option<Restored>> {
    state.with(|s| s.undo_delete())
}

/// A page of the trash (回收站), newest first.
#[tauri::command]
pub async fn list_trash(state: State<'_, AppState>, limit: i64, offset: i64) -> Res<TrashPage> {
    state.with(|s| s.trash(limit, offset))
}

#[tauri::command]
pub async fn restore_trash(state: State<'_, AppState>, id: i64) -> Res<Restored> {
    state.with(|s| s.restore_trash(id))
}

/// 永久删除 of one entry (a customer's takes its contacts', summaries' and deals' entries).
#[tauri::command]
pub async fn purge_trash(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.purge_trash(id))
}

/// 清空回收站; returns how many entries left.
#[tauri::command]
pub async fn empty_trash(state: State<'_, AppState>) -> Res<i64> {
    state.with(|s| s.empty_trash())
}
