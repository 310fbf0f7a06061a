//! The log file: where it is (设置 shows it), and the page's unexpected errors written to it —
//! their kind and place only, never the data they were about.

use dossier_core::CoreError;
use tauri::{AppHandle, Manager, Runtime};

use super::Res;

/// Where the log file is (设置 shows it; "show in folder" opens it).
#[tauri::command]
pub async fn log_folder<R: Runtime>(app: AppHandle<R>) -> Res<String> {
    let dir = app.path().app_log_dir().map_err(|e| CoreError::Io { path: String::new(), detail: e.to_string() })?;
    Ok(dir.display().to_string())
}

/// An unexpected error in the page, for the log: its kind (an exception's name or a CoreError's
/// type) and where it happened (a component or a source line), never the data it was about.
#[tauri::command]
pub async fn log_ui_error(kind: String, place: String) -> Res<()> {
    let clip = |s: &str| s.chars().filter(|c| !c.is_control()).take(200).collect::<String>();
    log::error!("ui: {} at {}", clip(&kind), clip(&place));
    Ok(())
}
