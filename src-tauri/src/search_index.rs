//! Writing the search entries a large import left waiting (`dossier_core::customers::catch_up`)
//! on a thread of its own, a chunk at a time: between chunks the store is free for the page's
//! commands. The page hears how many are left (`search-index` event, the number) so that it can
//! say 「搜索索引更新中」 until the count reaches 0. Started after an import, when a database is
//! opened (one closed before the index caught up) and at launch.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use dossier_core::customers::CATCH_UP_CHUNK;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// The event the page hears the count on.
pub const SEARCH_INDEX_EVENT: &str = "search-index";

/// Whether a catch-up thread runs: one at a time.
static RUNNING: AtomicBool = AtomicBool::new(false);

/// Starts the catch-up unless it runs already or nothing waits.
pub fn catch_up<R: Runtime>(app: &AppHandle<R>) {
    let waiting = app.state::<AppState>().with(|s| s.pending_search_index()).unwrap_or(0);
    if waiting == 0 || RUNNING.swap(true, Ordering::SeqCst) {
        return;
    }
    let app = app.clone();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let started = std::time::Instant::now();
        loop {
            match state.with(|s| s.catch_up_search(CATCH_UP_CHUNK)) {
                Ok(left) => {
                    let _ = app.emit(SEARCH_INDEX_EVENT, left);
                    if left == 0 {
                        log::info!("search index caught up in {} ms", started.elapsed().as_millis());
                        break;
                    }
                }
                Err(e) => {
                    // Left for the next start; search keeps finding the waiting records by name.
                    log::warn!("search index catch-up stopped: {e}");
                    break;
                }
            }
            // Lets a command waiting for the store take it before the next chunk.
            std::thread::sleep(Duration::from_millis(15));
        }
        RUNNING.store(false, Ordering::SeqCst);
        // An import committed just as this thread saw nothing left is not left waiting.
        if state.with(|s| s.pending_search_index()).unwrap_or(0) > 0 {
            catch_up(&app);
        }
    });
}
