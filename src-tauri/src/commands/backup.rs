//! Backups (设置 → 备份与恢复): verified snapshots in a folder the person chooses, restore from
//! the list (core/src/backup/, core/src/backup/store.rs).

use dossier_core::backup::{BackupSettings, BackupWarning, Snapshot};
use dossier_core::files::FilePurpose;
use tauri::State;

use super::Res;
use crate::files::FileGrants;
use crate::state::AppState;

#[tauri::command]
pub async fn backup_settings(state: State<'_, AppState>) -> Res<BackupSettings> {
    state.with(|s| s.backup_settings())
}

/// Saves the rotation; the folder stays as it is (it changes only through `set_backup_folder`,
/// from the folder dialog).
#[tauri::command]
pub async fn save_backup_settings(state: State<'_, AppState>, settings: BackupSettings) -> Res<BackupSettings> {
    state.with(|s| s.save_backup_rotation(&settings))
}

/// The folder chosen in the folder dialog (`file`: its token), or back to the default beside the
/// database (`None`).
#[tauri::command]
pub async fn set_backup_folder(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    file: Option<String>,
) -> Res<BackupSettings> {
    let folder = file.map(|token| files.path(&token, &[FilePurpose::BackupFolder])).transpose()?;
    state.with(|s| s.set_backup_folder(folder.as_deref()))
}

/// The folder snapshots go to now, to show.
#[tauri::command]
pub async fn backup_folder(state: State<'_, AppState>) -> Res<String> {
    state.with(|s| Ok(s.backup_folder()?.display().to_string()))
}

#[tauri::command]
pub async fn snapshots(state: State<'_, AppState>) -> Res<Vec<Snapshot>> {
    state.with(|s| s.snapshots())
}

/// 立即备份.
#[tauri::command]
pub async fn snapshot_now(state: State<'_, AppState>) -> Res<Snapshot> {
    state.with(|s| s.snapshot_now())
}

/// Restores the listed snapshot named `file`; returns the snapshot taken of the state before.
#[tauri::command]
pub async fn restore_snapshot(state: State<'_, AppState>, file: String) -> Res<Snapshot> {
    state.restore_snapshot(&file)
}

/// An automatic snapshot that failed (daily, before a migration, an import or its undo), once.
#[tauri::command]
pub async fn take_backup_warning(state: State<'_, AppState>) -> Res<Option<BackupWarning>> {
    state.take_backup_warning()
}

/// Deletes listed backup snapshots by file name (offered after an erase for those that still
/// hold the person).
#[tauri::command]
pub async fn delete_snapshots(state: State<'_, AppState>, files: Vec<String>) -> Res<usize> {
    state.with(|s| s.delete_snapshots(&files))
}
