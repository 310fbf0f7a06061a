//! The import wizard: a file chosen in the import dialog is inspected, mapped (saved mapping
//! templates), previewed, committed with progress over a Channel (cancellable), and undone from
//! the history.

use std::sync::atomic::Ordering;

use dossier_core::files::FilePurpose;
use dossier_core::import::mapping::Field;
use dossier_core::import::plan::{ImportKind, Preview};
use dossier_core::import::templates::MappingTemplate;
use dossier_core::import::{ImportFile, ImportProgress, ImportSpec};
use dossier_core::import::{ImportRecord, ImportUndoPreview};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::Res;
use crate::files::FileGrants;
use crate::state::AppState;

/// `spec` with its file token swapped for the path chosen in the import dialog.
pub(super) fn chosen(files: &FileGrants, mut spec: ImportSpec) -> Res<ImportSpec> {
    spec.path = files.path(&spec.path.to_string_lossy(), &[FilePurpose::Import])?;
    Ok(spec)
}

/// The file as the wizard first shows it, with a saved mapping template when one fits.
#[tauri::command]
pub async fn import_inspect(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    spec: ImportSpec,
) -> Res<ImportFile> {
    let spec = chosen(&files, spec)?;
    state.with(|s| s.inspect_import(&spec))
}

#[tauri::command]
pub async fn mapping_templates(state: State<'_, AppState>, kind: Option<ImportKind>) -> Res<Vec<MappingTemplate>> {
    state.with(|s| s.mapping_templates(kind))
}

#[tauri::command]
pub async fn save_mapping_template(
    state: State<'_, AppState>,
    name: String,
    kind: ImportKind,
    headers: Vec<String>,
    mapping: Vec<Option<Field>>,
) -> Res<MappingTemplate> {
    state.with(|s| s.save_mapping_template(&name, kind, &headers, &mapping))
}

#[tauri::command]
pub async fn delete_mapping_template(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_mapping_template(id))
}

/// The mapping of a template the user picked, laid over the file's headers.
#[tauri::command]
pub async fn apply_mapping_template(
    state: State<'_, AppState>,
    name: String,
    kind: ImportKind,
    headers: Vec<String>,
) -> Res<Vec<Option<Field>>> {
    state.with(|s| s.apply_mapping_template(&name, kind, &headers))
}

#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    spec: ImportSpec,
) -> Res<Preview> {
    let spec = chosen(&files, spec)?;
    state.with(|s| s.preview_import(&spec))
}

/// Commits the import; the search entries of a large one are written after, in the background
/// (`search_index.rs`).
#[tauri::command]
pub async fn import_commit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    spec: ImportSpec,
    on_progress: Channel<ImportProgress>,
) -> Res<ImportRecord> {
    let spec = chosen(&files, spec)?;
    state.cancel.store(false, Ordering::SeqCst);
    let cancel = &state.cancel;
    let record = state.with(|s| {
        s.import_file(&spec, &mut |done, total| {
            // Every 200 rows is smooth enough for a progress bar and cheap for IPC.
            if done % 200 == 0 || done == total {
                let _ = on_progress.send(ImportProgress { done, total });
            }
            !cancel.load(Ordering::SeqCst)
        })
    })?;
    crate::search_index::catch_up(&app);
    Ok(record)
}

#[tauri::command]
pub async fn import_cancel(state: State<'_, AppState>) -> Res<()> {
    state.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

#[tauri::command]
pub async fn import_history(state: State<'_, AppState>) -> Res<Vec<ImportRecord>> {
    state.with(|s| s.import_history())
}

/// What undoing an import would do, with the records edited since (asked before `undo_import`).
#[tauri::command]
pub async fn import_undo_preview(state: State<'_, AppState>, id: i64) -> Res<ImportUndoPreview> {
    state.with(|s| s.import_undo_preview(id))
}

/// Undoes an import; `revert_edited` (default false): also the fields edited since (see
/// `import_undo_preview`).
#[tauri::command]
pub async fn undo_import(state: State<'_, AppState>, id: i64, revert_edited: Option<bool>) -> Res<ImportRecord> {
    state.with(|s| s.undo_import(id, revert_edited.unwrap_or(false)))
}
