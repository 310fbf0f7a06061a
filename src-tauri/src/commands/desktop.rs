//! The desktop around the database: the recent-databases list (文件 → 最近打开, 设置), the
//! menu's language and switches (src-tauri/src/menu.rs), and a file dropped on the window.

use dossier_core::customers::DbStatus;
use dossier_core::desktop::{take_dropped, MenuLook, RecentDatabase};
use dossier_core::files::{ChosenFile, FilePurpose};
use dossier_core::CoreError;
use tauri::{AppHandle, Runtime, State};

use super::Res;
use crate::desktop::Desktop;
use crate::files::FileGrants;
use crate::state::AppState;

#[tauri::command]
pub async fn recent_databases(state: State<'_, AppState>, desktop: State<'_, Desktop>) -> Res<Vec<RecentDatabase>> {
    Ok(desktop.recent(Some(&state.path()?.0)))
}

/// Opens entry `index` of the list. A file that is gone is refused (opening would create an
/// empty database in its place); any other refusal is the one at start-up, with the open
/// database kept.
#[tauri::command]
pub async fn open_recent_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    desktop: State<'_, Desktop>,
    index: usize,
) -> Res<DbStatus> {
    let path = desktop.recent_entry(index)?;
    if !path.is_file() {
        return Err(CoreError::DatabaseMissing { path: path.display().to_string() });
    }
    super::database::switch_to(&app, &state, &desktop, path)
}

#[tauri::command]
pub async fn remove_recent_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    desktop: State<'_, Desktop>,
    index: usize,
) -> Res<Vec<RecentDatabase>> {
    desktop.remove_recent(index)?;
    let current = state.path()?.0;
    desktop.refresh_menu(&app, None, Some(&current));
    Ok(desktop.recent(Some(&current)))
}

/// The page's language, presentation mode and theme, for the menu's words and check marks.
#[tauri::command]
pub async fn sync_menu<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    desktop: State<'_, Desktop>,
    look: MenuLook,
) -> Res<()> {
    desktop.refresh_menu(&app, Some(look), Some(&state.path()?.0));
    Ok(())
}

/// A spreadsheet dropped on the window, kept in the app's own folder; its token opens the
/// import wizard as a file chosen in the dialog would.
#[tauri::command]
pub async fn import_dropped(
    desktop: State<'_, Desktop>,
    files: State<'_, FileGrants>,
    name: String,
    bytes: Vec<u8>,
) -> Res<ChosenFile> {
    let path = take_dropped(&desktop.drops, &name, &bytes)?;
    files.grant(FilePurpose::Import, path)
}
