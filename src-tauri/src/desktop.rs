//! The desktop around the database: the recent-databases list (dossier_core::desktop, kept in
//! the app's config folder), what the menu shows (src-tauri/src/menu.rs) and the zoom.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use dossier_core::desktop::{MenuLook, RecentDatabase, RecentDatabases};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

use crate::menu;

pub struct Desktop {
    recent: Mutex<RecentDatabases>,
    look: Mutex<MenuLook>,
    /// The webview's zoom (视图 → 放大 / 缩小).
    pub zoom: Mutex<f64>,
    /// Where dropped files are kept for the import wizard (the app's cache folder).
    pub drops: PathBuf,
    /// A save of the window's size and place is scheduled.
    saving: AtomicBool,
    /// The menu last built (look and recent list): the same again is not rebuilt.
    built: Mutex<Option<(MenuLook, Vec<RecentDatabase>)>>,
}

impl Desktop {
    /// `config` holds the recent list, `cache` the dropped files.
    pub fn new(config: &Path, cache: &Path) -> Desktop {
        Desktop {
            recent: Mutex::new(RecentDatabases::load(&config.join("recent-databases.json"))),
            // The page's first look, most likely: then its first sync_menu changes nothing and the
            // menu is not built twice.
            look: Mutex::new(MenuLook { language: "zh-CN".into(), presenting: false, dark: false }),
            zoom: Mutex::new(1.0),
            drops: cache.join("dropped"),
            saving: AtomicBool::new(false),
            built: Mutex::new(None),
        }
    }

    /// The database to open at start when none was named: the one opened last, if still there.
    pub fn last_database(&self) -> Option<PathBuf> {
        self.lock_recent().last_existing().map(Path::to_path_buf)
    }

    /// Records `db` as just opened. Failing to save the list is logged, never in the way.
    pub fn opened(&self, db: &Path) {
        if let Err(e) = self.lock_recent().opened(db) {
            log::warn!("the recent-databases list could not be saved: {e:?}");
        }
    }

    pub fn recent(&self, current: Option<&Path>) -> Vec<RecentDatabase> {
        self.lock_recent().list(current)
    }

    /// The path of entry `index`.
    pub fn recent_entry(&self, index: usize) -> Result<PathBuf, dossier_core::CoreError> {
        self.lock_recent().entry(index).map(Path::to_path_buf)
    }

    pub fn remove_recent(&self, index: usize) -> Result<(), dossier_core::CoreError> {
        self.lock_recent().remove(index)
    }

    /// Rebuilds the menu, with `look` when the page sent a new one.
    pub fn refresh_menu<R: Runtime>(&self, app: &AppHandle<R>, look: Option<MenuLook>, current: Option<&Path>) {
        let look = {
            let mut kept = self.look.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(look) = look {
                *kept = look;
            }
            kept.clone()
        };
        let recent = self.recent(current);
        let mut built = self.built.lock().unwrap_or_else(|e| e.into_inner());
        if built.as_ref() == Some(&(look.clone(), recent.clone())) {
            return;
        }
        match menu::install(app, &look, &recent) {
            Ok(()) => *built = Some((look, recent)),
            Err(e) => log::warn!("the menu could not be built: {e}"),
        }
    }

    /// Saves the window's size, place and maximised state half a second after it last changed,
    /// and not only when the app quits (the window-state plugin's moment): a killed or crashed
    /// app still opens as it was left.
    pub fn window_changed<R: Runtime>(app: &AppHandle<R>) {
        let Some(desktop) = app.try_state::<Desktop>() else { return };
        if desktop.saving.swap(true, Ordering::AcqRel) {
            return;
        }
        let app = app.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(500));
            if let Some(desktop) = app.try_state::<Desktop>() {
                desktop.saving.store(false, Ordering::Release);
            }
            if let Err(e) = app.save_window_state(StateFlags::all()) {
                log::warn!("the window's size and place could not be saved: {e}");
            }
        });
    }

    fn lock_recent(&self) -> std::sync::MutexGuard<'_, RecentDatabases> {
        self.recent.lock().unwrap_or_else(|e| e.into_inner())
    }
}
