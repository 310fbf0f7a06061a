//! Printing: the system print dialog for the window (the customer dossier's 打印…). The page's
//! print styles (`@media print`) decide what is on paper; `window.print()` is not used because
//! not every platform's webview answers it.

use dossier_core::CoreError;
use tauri::{Runtime, WebviewWindow};

use super::Res;

#[tauri::command]
pub async fn print_window<R: Runtime>(window: WebviewWindow<R>) -> Res<()> {
    window.print().map_err(|e| CoreError::Io { path: String::new(), detail: e.to_string() })
}
