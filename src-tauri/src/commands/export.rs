//! Workbooks (.xlsx) written to the file chosen in the save dialog: the team report, 周会, one
//! customer's profile, an import template, the rows an import preview refuses.

use dossier_core::export::{self, ReportOptions, TeamFilter, Xlsx};
use dossier_core::files::FilePurpose;
use dossier_core::import::plan::ImportKind;
use dossier_core::import::ImportSpec;
use dossier_core::weekly::WeeklyQuery;
use dossier_core::Store;
use tauri::State;

use super::import::chosen;
use super::Res;
use crate::files::FileGrants;
use crate::state::AppState;

/// Builds a workbook and writes it to the file chosen in the save dialog (never over the open
/// database), all or nothing.
fn export_to(state: &AppState, files: &FileGrants, file: &str, build: impl FnOnce(&Store) -> Res<Xlsx>) -> Res<()> {
    let path = files.path(file, &[FilePurpose::Xlsx])?;
    state.ensure_not_database(&path)?;
    state.with(|s| build(s)?.save(&path))
}

#[tauri::command]
pub async fn export_team_report(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    file: String,
    options: ReportOptions,
    filter: TeamFilter,
) -> Res<()> {
    export_to(&state, &files, &file, |s| export::team_report_of(s, &options, &filter))
}

/// The 周会 workbook of the period and owners on the page.
#[tauri::command]
pub async fn export_weekly(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    file: String,
    query: WeeklyQuery,
    options: ReportOptions,
) -> Res<()> {
    export_to(&state, &files, &file, |s| export::weekly_report(s, &query, &options))
}

#[tauri::command]
pub async fn export_customer(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    id: i64,
    file: String,
    options: ReportOptions,
) -> Res<()> {
    export_to(&state, &files, &file, |s| export::customer_profile(s, id, &options))
}

#[tauri::command]
pub async fn export_template(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    kind: ImportKind,
    file: String,
) -> Res<()> {
    export_to(&state, &files, &file, |_| export::template(kind))
}

/// The refused rows of an import preview, as a workbook to fix and re-import.
#[tauri::command]
pub async fn export_import_errors(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    spec: ImportSpec,
    file: String,
) -> Res<()> {
    let spec = chosen(&files, spec)?;
    export_to(&state, &files, &file, |s| export::error_report(&s.preview_import(&spec)?))
}
