//! The open database. A database that cannot be opened is not fatal: the app starts, shows
//! why (typed error) and lets the user open or create another file.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use dossier_core::backup::{BackupWarning, Snapshot, SnapshotReason};
use dossier_core::customers::DbStatus;
use dossier_core::search::SearchIndexRepair;
use dossier_core::{Clock, CoreError, ShiftedClock, Store, SystemClock};

pub struct AppState {
    inner: Mutex<Inner>,
    /// Set when the launch's database has been opened ([`AppState::finish_opening`]). Opening
    /// checks every table's B-tree (a third of a second at 100k customers), so it runs on a
    /// thread of its own while the webview starts; every call on the state waits for it.
    opened: OnceLock<()>,
    /// The clock every store opened by this app reads (shifted in end-to-end tests).
    clock: Arc<dyn Clock>,
    /// Set by "cancel" while a long job (an import) runs; read by the job between rows. Kept
    /// outside the lock, which the job holds.
    pub cancel: std::sync::atomic::AtomicBool,
    /// The day's automatic snapshot that failed, until the UI takes it (with the store's own
    /// warnings: before a migration, an import, an undo of an import).
    daily_warning: Mutex<Option<BackupWarning>>,
    /// The search index found damaged after the open, until the UI takes it.
    search_repair: Mutex<Option<SearchIndexRepair>>,
}

struct Inner {
    path: PathBuf,
    store: Option<Store>,
    error: Option<CoreError>,
}

impl AppState {
    /// Opens `path` with the system clock moved `clock_offset_days` ahead when given.
    #[cfg(test)]
    pub fn open(path: PathBuf, clock_offset_days: Option<i64>) -> AppState {
        let state = AppState::opening(path, clock_offset_days);
        state.finish_opening(|_| {});
        state
    }

    /// The state of a database not opened yet: calls wait until [`AppState::finish_opening`]
    /// has run. The clock is the system's, moved `clock_offset_days` ahead when given.
    pub fn opening(path: PathBuf, clock_offset_days: Option<i64>) -> AppState {
        let clock: Arc<dyn Clock> = match clock_offset_days {
            Some(days) => Arc::new(ShiftedClock::days(days)),
            None => Arc::new(SystemClock),
        };
        AppState {
            inner: Mutex::new(Inner { path, store: None, error: None }),
            opened: OnceLock::new(),
            clock,
            cancel: Default::default(),
            daily_warning: Default::default(),
            search_repair: Default::default(),
        }
    }

    /// Opens the database [`AppState::opening`] named; `then` runs with whether it opened
    /// before any waiting call goes on. Waiting calls go on even if this panics.
    pub fn finish_opening(&self, then: impl FnOnce(bool)) {
        struct Release<'a>(&'a OnceLock<()>);
        impl Drop for Release<'_> {
            fn drop(&mut self) {
                let _ = self.0.set(());
            }
        }
        let _release = Release(&self.opened);
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let (store, error) = open_store(&inner.path, &self.clock);
        let opened = store.is_some();
        (inner.store, inner.error) = (store, error);
        drop(inner);
        then(opened);
    }

    /// Switches to another file; on failure the previous database stays open.
    pub fn reopen(&self, path: PathBuf) -> Result<DbStatus, CoreError> {
        let (store, error) = open_store(&path, &self.clock);
        let mut inner = self.lock()?;
        match store {
            Some(store) => {
                inner.store = Some(store);
                inner.path = path;
                inner.error = None;
                status(&inner)
            }
            None => Err(error.expect("a failed open has an error")),
        }
    }

    /// Refuses `target` when it is the open database's file or one beside it (-wal, -shm).
    pub fn ensure_not_database(&self, target: &std::path::Path) -> Result<(), CoreError> {
        dossier_core::files::ensure_not_database(target, &self.lock()?.path)
    }

    /// The file of the open database (or of the one that failed to open), and whether it is open.
    pub fn path(&self) -> Result<(PathBuf, bool), CoreError> {
        let inner = self.lock()?;
        Ok((inner.path.clone(), inner.store.is_some()))
    }

    pub fn status(&self) -> Result<DbStatus, CoreError> {
        status(&*self.lock()?)
    }

    /// The first start of a day takes a snapshot (run off the start-up path: at 100k customers
    /// it takes seconds). The store is held only while its pages are copied, not while the
    /// copy is verified, so the page's first list does not wait for the check. A failure is
    /// kept for [`AppState::take_backup_warning`].
    pub fn daily_backup(&self) {
        let started = std::time::Instant::now();
        match self.with(|s| s.daily_copy_if_due()).and_then(|copied| copied.map(|c| c.finish()).transpose()) {
            Ok(Some(_)) => log::info!("daily snapshot taken in {} ms", started.elapsed().as_millis()),
            Ok(None) | Err(CoreError::Closed) => {}
            Err(error) => {
                log::warn!("the daily snapshot failed: {}", error_kind(&error));
                if let Ok(mut w) = self.daily_warning.lock() {
                    *w = Some(BackupWarning { reason: SnapshotReason::Daily, error });
                }
            }
        }
    }

    /// An automatic snapshot that failed since the last call, for the UI to show once.
    pub fn take_backup_warning(&self) -> Result<Option<BackupWarning>, CoreError> {
        let daily = self.daily_warning.lock().ok().and_then(|mut w| w.take());
        Ok(self.with(|s| Ok(s.take_backup_warning()))?.or(daily))
    }

    /// The check of the search index's tables deferred from the open (`Store::check_search_index`:
    /// a connection of its own, so the page's calls meanwhile are not kept waiting) and, when
    /// they are damaged, the index's rebuild from the records, kept for
    /// [`AppState::take_search_repair`]. Returns whether there is a repair to tell.
    pub fn check_search_index(&self) -> bool {
        let Ok((path, true)) = self.path() else { return false };
        let started = std::time::Instant::now();
        match Store::check_search_index(&path) {
            Ok(None) => {
                log::info!("search index checked in {} ms", started.elapsed().as_millis());
                return false;
            }
            Ok(Some(_)) => log::warn!("the search index is damaged: rebuilding it from the records"),
            Err(e) => {
                log::warn!("the search index could not be checked: {}", error_kind(&e));
                return false;
            }
        }
        let rebuilt = match self.lock() {
            // Another file was opened meanwhile: its own check follows its open.
            Ok(inner) if inner.path != path => return false,
            Ok(inner) => inner.store.as_ref().ok_or(CoreError::Closed).and_then(|s| s.rebuild_search_index()),
            Err(e) => Err(e),
        };
        let repair = match rebuilt {
            Ok(_) => SearchIndexRepair::Rebuilding,
            Err(error) => {
                log::warn!("the search index could not be rebuilt: {}", error_kind(&error));
                SearchIndexRepair::Failed { error }
            }
        };
        if let Ok(mut kept) = self.search_repair.lock() {
            *kept = Some(repair);
        }
        true
    }

    /// The search index's repair since the last call, for the UI to tell once.
    pub fn take_search_repair(&self) -> Option<SearchIndexRepair> {
        self.search_repair.lock().ok().and_then(|mut r| r.take())
    }

    /// Replaces the open database's contents with a listed snapshot, then does what opening
    /// does (the trash's expired entries leave).
    pub fn restore_snapshot(&self, file: &str) -> Result<Snapshot, CoreError> {
        let before = self.with_mut(|s| s.restore_listed_snapshot(file))?;
        let _ = self.with(|s| s.purge_expired_trash());
        log::info!("a snapshot was restored");
        Ok(before)
    }

    /// Runs one core call that replaces the store's contents (a restore).
    pub fn with_mut<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, CoreError>) -> Result<T, CoreError> {
        let mut inner = self.lock()?;
        f(inner.store.as_mut().ok_or(CoreError::Closed)?)
    }

    /// Runs one core call on the open store.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> Result<T, CoreError>) -> Result<T, CoreError> {
        let inner = self.lock()?;
        f(inner.store.as_ref().ok_or(CoreError::Closed)?)
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Inner>, CoreError> {
        self.opened.wait();
        self.inner.lock().map_err(|_| CoreError::Database { detail: "state lock poisoned".into() })
    }
}

fn open_store(path: &std::path::Path, clock: &Arc<dyn Clock>) -> (Option<Store>, Option<CoreError>) {
    match Store::open(path, clock.clone()) {
        Ok(store) => {
            // Trash entries older than the setting's days leave for good; a failure here must
            // not keep the database from opening (they are purged at the next start).
            let _ = store.purge_expired_trash();
            (Some(store), None)
        }
        Err(e) => {
            log::warn!("the database could not be opened: {}", error_kind(&e));
            (None, Some(e))
        }
    }
}

/// A CoreError's type for the log (its data can name a customer's file or record).
fn error_kind(e: &CoreError) -> String {
    serde_json::to_value(e).ok().and_then(|v| v["type"].as_str().map(String::from)).unwrap_or_default()
}

fn status(inner: &Inner) -> Result<DbStatus, CoreError> {
    let empty = match &inner.store {
        Some(s) => s.is_empty()?,
        None => true,
    };
    Ok(DbStatus { path: inner.path.display().to_string(), error: inner.error.clone(), empty })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::customers::CustomerFields;

    #[test]
    fn a_bad_startup_file_leaves_the_app_usable_and_the_file_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("notes.sqlite");
        std::fs::write(&bad, "not a database").unwrap();
        let state = AppState::open(bad.clone(), None);
        let status = state.status().unwrap();
        assert!(matches!(status.error, Some(CoreError::NotSqlite { .. })));
        assert!(matches!(state.with(|s| s.stats()), Err(CoreError::Closed)));
        assert_eq!(std::fs::read(&bad).unwrap(), b"not a database");
        // Opening another file recovers; the IPC error serialises as {type, data}.
        let good = dir.path().join("good.sqlite");
        let status = state.reopen(good).unwrap();
        assert!(status.error.is_none() && status.empty);
        let json = serde_json::to_value(state.reopen(bad).unwrap_err()).unwrap();
        assert_eq!(json["type"], "notSqlite");
        assert!(json["data"]["path"].as_str().unwrap().ends_with("notes.sqlite"));
        assert_eq!(state.with(|s| s.stats()).unwrap().customers, 0, "the good file stays open");
    }

    #[test]
    fn calls_made_while_the_launch_opens_the_file_wait_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let state = Arc::new(AppState::opening(dir.path().join("d.sqlite"), None));
        let early = {
            let state = state.clone();
            std::thread::spawn(move || state.with(|s| s.stats()).map(|s| s.customers))
        };
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(!early.is_finished(), "a call made before the open must wait for it");
        let mut seen = None;
        state.finish_opening(|opened| seen = Some(opened));
        assert_eq!(seen, Some(true));
        assert_eq!(early.join().unwrap().unwrap(), 0, "the waiting call ran on the opened store");
    }

    #[test]
    fn opening_a_file_purges_the_trash_entries_past_their_days_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.sqlite");
        let long_ago = Store::open(&path, Arc::new(dossier_core::FixedClock::on(2020, 1, 1))).unwrap();
        let old = long_ago.create_customer(&CustomerFields { name: "旧客户".into(), ..Default::default() }).unwrap();
        long_ago.delete_customer(old.id).unwrap();
        drop(long_ago);
        let now = Store::open(&path, Arc::new(SystemClock)).unwrap();
        let recent = now.create_customer(&CustomerFields { name: "新客户".into(), ..Default::default() }).unwrap();
        now.delete_customer(recent.id).unwrap();
        drop(now);
        let state = AppState::open(path, None);
        let left = state.with(|s| s.trash(10, 0)).unwrap();
        assert_eq!(left.entries.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["新客户"]);
    }
}
