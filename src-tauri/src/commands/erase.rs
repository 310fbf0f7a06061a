//! 彻底删除: a contact erased for good, beyond the trash.

use dossier_core::erase::EraseReport;
use tauri::State;

use super::Res;
use crate::state::AppState;

/// 彻底删除: erases a contact (live or in the trash) from every table and stored copy and
/// frees the pages; not undoable (the UI asks for the name first).
#[tauri::command]
pub async fn erase_contact(state: State<'_, AppState>, id: i64) -> Res<EraseReport> {
    state.with(|s| s.erase_contact(id))
}
