//! The Tauri shell: opens the database, holds it as state, and exposes the core through thin
//! commands (commands.rs). The only crate that knows Tauri.

mod commands;
mod files;
mod state;

use std::path::PathBuf;

use tauri::Manager;

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

/// The database the app opens: `--db PATH`, else `$DOSSIER_DB`, else `dossier.sqlite` in the
/// OS app-data folder.
fn database_path(app: &tauri::App) -> PathBuf {
    if let Some(path) = launch_arg("--db") {
        return PathBuf::from(path);
    }
    if let Some(path) = std::env::var_os("DOSSIER_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    app.path().app_data_dir().unwrap_or_else(|_| PathBuf::from(".")).join("dossier.sqlite")
}

/// Days the app runs ahead of the system clock, for end-to-end tests that relaunch it "days
/// later": `--clock-offset-days N`, else `$DOSSIER_CLOCK_OFFSET_DAYS` (an argument, because
/// tauri-driver starts the app with its own environment).
fn clock_offset_days() -> Option<i64> {
    launch_arg("--clock-offset-days")
        .or_else(|| std::env::var("DOSSIER_CLOCK_OFFSET_DAYS").ok())
        .and_then(|d| d.trim().parse().ok())
}

/// A second launch of the app hands over to the running one (src-tauri/src/lib.rs `run`):
/// its window comes to the front instead of a second writer opening the database.
fn focus_running(app: &tauri::AppHandle) {
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
/// commands.rs `log_ui_error`).
fn log_plugin() -> tauri::plugin::TauriPlugin<tauri::Wry> {
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

pub fn run() {
    tauri::Builder::default()
        // First: a second instance must hand over before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| focus_running(app)))
        .plugin(log_plugin())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let path = database_path(app);
            let started = std::time::Instant::now();
            app.manage(state::AppState::open(path, clock_offset_days()));
            log::info!("database opened in {} ms", started.elapsed().as_millis());
            let handle = app.handle().clone();
            std::thread::spawn(move || handle.state::<state::AppState>().daily_backup());
            app.manage(files::FileGrants::new(launch_arg("--test-dialogs").map(PathBuf::from)));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::db_status,
            commands::choose_file,
            commands::log_folder,
            commands::log_ui_error,
            commands::open_database,
            commands::load_sample_data,
            commands::stats,
            commands::list_customers,
            commands::customer_facets,
            commands::get_customer,
            commands::create_customer,
            commands::update_customer,
            commands::save_business,
            commands::save_financials,
            commands::save_sp_bp,
            commands::save_roles,
            commands::save_suppliers,
            commands::save_process_it,
            commands::delete_customer,
            commands::create_contact,
            commands::update_contact,
            commands::delete_contact,
            commands::undo_delete,
            commands::search,
            commands::get_settings,
            commands::save_settings,
            commands::import_inspect,
            commands::mapping_templates,
            commands::save_mapping_template,
            commands::delete_mapping_template,
            commands::apply_mapping_template,
            commands::import_preview,
            commands::import_commit,
            commands::import_cancel,
            commands::import_history,
            commands::undo_import,
            commands::export_team_report,
            commands::export_customer,
            commands::export_template,
            commands::export_import_errors,
            commands::power_map,
            commands::power_scopes,
            commands::power_map_as_of,
            commands::power_map_diff,
            commands::power_map_history,
            commands::power_coverage,
            commands::save_assessment,
            commands::remove_assessment,
            commands::set_reports_to,
            commands::set_key_person,
            commands::add_power_edge,
            commands::relabel_power_edge,
            commands::remove_power_edge,
            commands::add_map_contact,
            commands::contact_removal,
            commands::create_power_scope,
            commands::rename_power_scope,
            commands::delete_power_scope,
            commands::save_power_slots,
            commands::save_power_positions,
            commands::reset_power_layout,
            commands::save_file_bytes,
            commands::trend_data,
            commands::customer_signals,
            commands::signal_feed,
            commands::portfolio_trend,
            commands::list_purchases,
            commands::add_purchase,
            commands::update_purchase,
            commands::delete_purchase,
            commands::create_visit,
            commands::update_visit,
            commands::get_visit,
            commands::list_visits,
            commands::delete_visit,
            commands::check_visit,
            commands::set_visit_confirmation,
            commands::visit_recap,
            commands::create_action,
            commands::update_action,
            commands::set_action_status,
            commands::delete_action,
            commands::customer_actions,
            commands::get_opportunity,
            commands::create_opportunity,
            commands::update_opportunity,
            commands::move_opportunity,
            commands::delete_opportunity,
            commands::stage_history,
            commands::list_opportunities,
            commands::pipeline_board,
            commands::pipeline_analytics,
            commands::portfolio_risk,
            commands::customer_risks,
            commands::customer_risk,
            commands::opportunity_risk,
            commands::risk_rules,
            commands::customer_timeline,
            commands::home_data,
            commands::customer_removal,
            commands::list_trash,
            commands::restore_trash,
            commands::purge_trash,
            commands::empty_trash,
            commands::import_undo_preview,
            commands::backup_settings,
            commands::save_backup_settings,
            commands::set_backup_folder,
            commands::backup_folder,
            commands::snapshots,
            commands::snapshot_now,
            commands::restore_snapshot,
            commands::take_backup_warning,
            commands::erase_contact,
            commands::delete_snapshots,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Dossier");
}
