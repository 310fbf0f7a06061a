//! The Tauri shell: opens the database, holds it as state, and exposes the core through thin
//! commands (commands/, one file per feature). The only crate that knows Tauri.

mod commands;
mod desktop;
mod files;
mod menu;
mod search_index;
mod state;
mod webview;

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};

/// The value of a launch argument given as `NAME VALUE` or `NAME=VALUE`.
fn launch_arg(name: &str) -> Option<String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == name {
            return args.next();
        } else if let Some(value) = arg.strip_prefix(name).and_then(|rest| rest.strip_prefix('=')) {
            return Some(value.to_string());
        }
    }
    None
}

/// The database named at launch: `--db PATH`, else `$DOSSIER_DB`. Such a file is this run's
/// choice only: it does not join the recent-databases list.
fn named_database() -> Option<PathBuf> {
    launch_arg("--db")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("DOSSIER_DB").filter(|p| !p.is_empty()).map(PathBuf::from))
}

/// The database the app opens when none is named: the one opened last while it is still there,
/// else `dossier.sqlite` in the OS app-data folder.
fn remembered_database<R: Runtime>(app: &tauri::App<R>, desktop: &desktop::Desktop) -> PathBuf {
    desktop
        .last_database()
        .unwrap_or_else(|| app.path().app_data_dir().unwrap_or_else(|_| PathBuf::from(".")).join("dossier.sqlite"))
}

/// Days the app runs ahead of the system clock, for end-to-end tests that relaunch it "days
/// later": `--clock-offset-days N`, else `$DOSSIER_CLOCK_OFFSET_DAYS` (an argument, because
/// tauri-driver starts the app with its own environment).
fn clock_offset_days() -> Option<i64> {
    launch_arg("--clock-offset-days")
        .or_else(|| std::env::var("DOSSIER_CLOCK_OFFSET_DAYS").ok())
        .and_then(|d| d.trim().parse().ok())
}

/// A second launch of the app hands over to the running one (`run_app`):
/// its window comes to the front instead of a second writer opening the database.
fn focus_running<R: Runtime>(app: &AppHandle<R>) {
    log::info!("a second launch was handed to this window");
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The rolling log in the OS log folder (`~/.local/share/app.dossier.desktop/logs` on Linux…):
/// warnings and errors of every crate, and this app's own information lines — timings and what
/// failed, never a customer's or a contact's data (the UI sends only an error's kind and place,
/// src-tauri/src/commands/logging.rs).
fn log_plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_log::{RotationStrategy, Target, TargetKind};
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .target(Target::new(TargetKind::LogDir { file_name: Some("dossier".into()) }))
        .target(Target::new(TargetKind::Stderr))
        .level(log::LevelFilter::Warn)
        .level_for("dossier_app", log::LevelFilter::Info)
        .max_file_size(1_000_000)
        .rotation_strategy(RotationStrategy::KeepSome(5))
        .build()
}

/// Opens the launch's database beside the webview's start-up (the page's first call waits for
/// it), then records it among the recent ones (`remembered`: not named at launch) and does what
/// follows an open: the search index's check (a damaged index is rebuilt before the day's
/// snapshot copies the file) and catch-up, then the day's snapshot.
fn open_at_launch<R: Runtime>(app: &AppHandle<R>, path: PathBuf, remembered: bool) {
    let state = app.state::<state::AppState>();
    let started = std::time::Instant::now();
    state.finish_opening(|opened| {
        if opened && remembered {
            let desktop = app.state::<desktop::Desktop>();
            desktop.opened(&path);
            let app = app.clone();
            let _ = app.clone().run_on_main_thread(move || {
                app.state::<desktop::Desktop>().refresh_menu(&app, None, Some(&path));
            });
        }
    });
    log::info!("database opened in {} ms", started.elapsed().as_millis());
    search_index::check_after_open(app);
    state.daily_backup();
}

pub fn run() {
    run_app(tauri::Builder::default())
}

/// The app on runtime `R`: the plugins, the open database and file grants as state, and the
/// commands (the same `commands::handler` the command tests drive on tauri's mock runtime).
pub fn run_app<R: Runtime>(builder: tauri::Builder<R>) {
    builder
        // First: a second instance must hand over before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| focus_running(app)))
        .plugin(log_plugin())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        // The window's size, place and maximised state, as the user left them.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup(|app| {
            let folder = |dir: tauri::Result<PathBuf>| dir.unwrap_or_else(|_| PathBuf::from("."));
            let desktop =
                desktop::Desktop::new(&folder(app.path().app_config_dir()), &folder(app.path().app_cache_dir()));
            let named = named_database();
            let path = named.clone().unwrap_or_else(|| remembered_database(app, &desktop));
            app.manage(state::AppState::opening(path.clone(), clock_offset_days()));
            desktop.refresh_menu(app.handle(), None, Some(&path));
            app.manage(desktop);
            app.manage(files::FileGrants::new(launch_arg("--test-dialogs").map(PathBuf::from)));
            let handle = app.handle().clone();
            std::thread::spawn(move || open_at_launch(&handle, path, named.is_none()));
            webview::set_up(app);
            Ok(())
        })
        .on_menu_event(|app, event| menu::on_event(app, event))
        .on_window_event(|window, event| {
            if matches!(event, tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Moved(_)) {
                desktop::Desktop::window_changed(window.app_handle());
            }
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("error while running Dossier");
}
