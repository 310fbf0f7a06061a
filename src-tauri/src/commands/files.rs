//! Native file dialogs (opened by Rust, src-tauri/src/files.rs) and the bytes the page draws
//! (charts, the power map, a visit recap) written to the file chosen in one.

use dossier_core::files::{ChosenFile, FilePurpose};
use tauri::{Runtime, State, WebviewWindow};

use super::Res;
use crate::files::FileGrants;
use crate::state::AppState;

/// Opens the native file dialog for `purpose` (src-tauri/src/files.rs); the token it returns
/// is what the import, export, image, backup-folder and open-database commands take instead of
/// a path.
#[tauri::command]
pub async fn choose_file<R: Runtime>(
    window: WebviewWindow<R>,
    files: State<'_, FileGrants>,
    purpose: FilePurpose,
    file_name: String,
    filter_name: String,
) -> Res<Option<ChosenFile>> {
    files.choose(&window, purpose, &file_name, &filter_name)
}

/// Writes an image or document drawn by the UI (a chart or the map as PNG/SVG, a recap as
/// PNG/PDF) to the file chosen in the save dialog, all or nothing.
#[tauri::command]
pub async fn save_file_bytes(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    file: String,
    bytes: Vec<u8>,
) -> Res<()> {
    let path = files.path(&file, &[FilePurpose::Png, FilePurpose::Svg, FilePurpose::Pdf])?;
    state.ensure_not_database(&path)?;
    dossier_core::files::write_atomically(&path, &bytes)
}
