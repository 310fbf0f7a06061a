//! Writing the search entries a large import left waiting (`dossier_core::customers::catch_up`)
//! on a thread of its own, a chunk at a time: between chunks the store is free for the page's
//! commands. The page hears how many are left (`search-index` event, the number) so that it can
//! say 「搜索索引更新中」 until the count reaches 0. Started after an import, and after a database
//! is opened (one closed before the index caught up) and its search index checked
//! ([`check_after_open`]: a damaged index is rebuilt from the records, its customers and
//! contacts written by this catch-up).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use dossier_core::customers::CATCH_UP_CHUNK;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// The event the page hears the count on.
pub const SEARCH_INDEX_EVENT: &str = "search-index";

/// The event that tells the page the search index was found damaged (the repair is then taken,
/// `take_search_index_repair`).
pub const SEARCH_INDEX_REPAIR_EVENT: &str = "search-index-repair";

/// After an open: the search index's check deferred from it (`AppState::check_search_index`;
/// the page is told of a repair), then the catch-up of what waits.
pub fn check_after_open<R: Runtime>(app: &AppHandle<R>) {
    if app.state::<AppState>().check_search_index() {
        let _ = app.emit(SEARCH_INDEX_REPAIR_EVENT, ());
    }
    catch_up(app);
}

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

    use dossier_core::customers::CustomerFields;
    use dossier_core::import::plan::ImportKind;
    use dossier_core::import::ImportSpec;
    use dossier_core::search::SearchIndexRepair;
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
        until_caught_up(&heard);
        assert_eq!(*heard.lock().unwrap(), vec![500, 0], "one chunk of 2,000 customers, then the rest");
        let found = state.with(|s| s.search("wangwei2499", 5)).unwrap();
        assert_eq!((found.pending_index, found.contacts.len()), (0, 1), "found by pinyin: the entries are written");
    }

    /// Waits until the page has heard the catch-up's count fall to 0.
    fn until_caught_up(heard: &Mutex<Vec<i64>>) {
        let waited = std::time::Instant::now();
        while heard.lock().unwrap().last() != Some(&0) {
            assert!(waited.elapsed() < Duration::from_secs(60), "heard {:?}", heard.lock().unwrap());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn a_damaged_search_index_is_rebuilt_after_the_open_and_the_page_is_told_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dossier.sqlite");
        let store = dossier_core::Store::open(&path, Arc::new(dossier_core::SystemClock)).unwrap();
        store.create_customer(&CustomerFields { name: "华东精密机械".into(), ..Default::default() }).unwrap();
        // Where the index's entries start in the file (the test's only SQL: the shell runs none).
        let at: u64 = store
            .connection()
            .query_row(
                "SELECT (rootpage - 1) * (SELECT page_size FROM pragma_page_size) FROM sqlite_master
                 WHERE name = 'search_entry'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        drop(store);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[at as usize..at as usize + 4096].fill(0x5A);
        std::fs::write(&path, &bytes).unwrap();

        let app = mock_builder().manage(AppState::open(path, None)).build(mock_context(noop_assets())).unwrap();
        let told = Arc::new(Mutex::new(0));
        let kept = told.clone();
        app.listen_any(SEARCH_INDEX_REPAIR_EVENT, move |_| *kept.lock().unwrap() += 1);
        let heard = Arc::new(Mutex::new(Vec::<i64>::new()));
        let kept = heard.clone();
        app.listen_any(SEARCH_INDEX_EVENT, move |e| kept.lock().unwrap().push(e.payload().parse().unwrap()));
        let state = app.state::<AppState>();
        assert_eq!(state.status().unwrap().error, None, "the file opened");

        check_after_open(app.handle());
        assert_eq!(*told.lock().unwrap(), 1);
        assert_eq!(state.take_search_repair(), Some(SearchIndexRepair::Rebuilding));
        assert_eq!(state.take_search_repair(), None, "told once");
        until_caught_up(&heard);
        let found = state.with(|s| s.search("hdjm", 5)).unwrap();
        assert_eq!(found.customers.len(), 1, "found by its initials: the entry was written again");

        check_after_open(app.handle());
        assert_eq!(*told.lock().unwrap(), 1, "a sound index is not told of");
    }
}
