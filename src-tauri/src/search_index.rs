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

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use dossier_core::import::plan::ImportKind;
    use dossier_core::import::ImportSpec;
    use tauri::test::{mock_builder, mock_context, noop_assets};
    use tauri::Listener;

    use super::*;

    #[test]
    fn a_large_import_is_indexed_in_the_background_and_the_page_hears_the_count_fall_to_0() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("list.csv");
        let rows: Vec<String> =
            (0..2_500).map(|i| format!("苏州恒达机械{i:05}有限公司,王伟{i},1380000{i:04}")).collect();
        std::fs::write(&list, format!("客户名称,联系人,手机\n{}\n", rows.join("\n"))).unwrap();
        let app = mock_builder()
            .manage(AppState::open(dir.path().join("dossier.sqlite"), None))
            .build(mock_context(noop_assets()))
            .unwrap();
        let heard = Arc::new(Mutex::new(Vec::<i64>::new()));
        let kept = heard.clone();
        app.listen_any(SEARCH_INDEX_EVENT, move |e| kept.lock().unwrap().push(e.payload().parse().unwrap()));
        let state = app.state::<AppState>();
        state.with(|s| s.import_file(&ImportSpec::new(&list, ImportKind::Customers), &mut |_, _| true)).unwrap();
        assert_eq!(state.with(|s| s.pending_search_index()).unwrap(), 2_500);

        catch_up(app.handle());
        catch_up(app.handle()); // a second start while one runs does nothing
        let waited = std::time::Instant::now();
        while heard.lock().unwrap().last() != Some(&0) {
            assert!(waited.elapsed() < Duration::from_secs(60), "heard {:?}", heard.lock().unwrap());
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(*heard.lock().unwrap(), vec![500, 0], "one chunk of 2,000 customers, then the rest");
        let found = state.with(|s| s.search("wangwei2499", 5)).unwrap();
        assert_eq!((found.pending_index, found.contacts.len()), (0, 1), "found by pinyin: the entries are written");
    }
}
