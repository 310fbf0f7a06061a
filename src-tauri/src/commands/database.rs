//! The database file: its status at start-up, opening or creating another one (chosen in the
//! open/new-database dialog), and the sample data offered when it is empty.

use dossier_core::customers::{DbStatus, Stats};
use dossier_core::files::FilePurpose;
use dossier_core::sample;
use tauri::{AppHandle, Runtime, State};

use super::Res;
use crate::desktop::Desktop;
use crate::files::FileGrants;
use crate::state::AppState;

#[tauri::command]
pub async fn db_status(state: State<'_, AppState>) -> Res<DbStatus> {
    state.status()
}

/// Opens (or creates) the database chosen in the open/new-database dialog; it heads the
/// recent-databases list.
#[tauri::command]
pub async fn open_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    desktop: State<'_, Desktop>,
    file: String,
) -> Res<DbStatus> {
    let path = files.path(&file, &[FilePurpose::OpenDatabase, FilePurpose::NewDatabase])?;
    switch_to(&app, &state, &desktop, path)
}

/// Opens `path` in place of the open database (which stays open on a refusal); it heads the
/// recent list and the menu, and its search index is checked (on a thread: the page has the
/// file meanwhile) and the entries it was left waiting for are written.
pub(super) fn switch_to<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    desktop: &Desktop,
    path: std::path::PathBuf,
) -> Res<DbStatus> {
    let status = state.reopen(path.clone())?;
    desktop.opened(&path);
    desktop.refresh_menu(app, None, Some(&path));
    let app = app.clone();
    std::thread::spawn(move || crate::search_index::check_after_open(&app));
    Ok(status)
}

#[tauri::command]
pub async fn load_sample_data(state: State<'_, AppState>) -> Res<Stats> {
    state.with(sample::load_for_app)
}

#[tauri::command]
pub async fn stats(state: State<'_, AppState>) -> Res<Stats> {
    state.with(|s| s.stats())
}
