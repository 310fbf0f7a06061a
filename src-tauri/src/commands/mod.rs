//! The commands the page calls (`invoke` in ui/src/api.ts), one file per feature. Each is thin:
//! it converts its arguments, makes one core call and returns the core's typed error, which
//! serialises as `{type, data}` for the UI. No SQL and no rules here.
//!
//! `commands!` below is the one list of what is registered: the app (src-tauri/src/lib.rs) takes
//! its `handler`, and src-tauri/src/commands/api_contract.rs checks it against ui/src/api.ts.

mod backup;
mod contacts;
mod customers;
mod database;
mod desktop;
mod erase;
mod export;
mod files;
mod home;
mod import;
mod logging;
mod opportunities;
mod payments;
mod powermap;
mod print;
mod results;
mod risk;
mod search;
mod settings;
mod timeline;
mod trash;
mod trends;
mod visits;
mod weekly;

#[cfg(test)]
mod api_contract;

use dossier_core::CoreError;
use tauri::ipc::Invoke;
use tauri::Runtime;

type Res<T> = Result<T, CoreError>;

/// Registers the commands: `handler` for the app and, for the test, their `NAMES`. A new command
/// is written in its feature's file, listed here as `feature::name`, and called from ui/src/api.ts
/// with `invoke('name', { camelCaseArgs })`; api_contract.rs fails until the three agree.
macro_rules! commands {
    ($($feature:ident :: $command:ident,)*) => {
        /// The names of the registered commands, as the page invokes them.
        #[cfg(test)]
        const NAMES: &[&str] = &[$(stringify!($command)),*];

        /// The invoke handler of every command, on any runtime (the mock one in tests).
        pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($feature::$command),*]
        }
    };
}

commands! {
    database::db_status,
    database::open_database,
    database::load_sample_data,
    database::stats,
    desktop::recent_databases,
    desktop::open_recent_database,
    desktop::remove_recent_database,
    desktop::sync_menu,
    desktop::import_dropped,
    files::choose_file,
    files::save_file_bytes,
    logging::log_folder,
    logging::log_ui_error,
    print::print_window,
    settings::get_settings,
    settings::save_settings,
    customers::list_customers,
    customers::customer_facets,
    customers::get_customer,
    customers::create_customer,
    customers::update_customer,
    customers::save_business,
    customers::save_financials,
    customers::save_sp_bp,
    customers::save_roles,
    customers::save_suppliers,
    customers::save_process_it,
    customers::delete_customer,
    customers::customer_removal,
    contacts::create_contact,
    contacts::update_contact,
    contacts::delete_contact,
    contacts::contact_removal,
    erase::erase_contact,
    search::search,
    search::pending_search_index,
    search::take_search_index_repair,
    trash::undo_delete,
    trash::list_trash,
    trash::restore_trash,
    trash::purge_trash,
    trash::empty_trash,
    import::import_inspect,
    import::mapping_templates,
    import::save_mapping_template,
    import::delete_mapping_template,
    import::apply_mapping_template,
    import::import_preview,
    import::import_commit,
    import::import_cancel,
    import::import_history,
    import::undo_import,
    import::import_undo_preview,
    export::export_team_report,
    export::export_weekly,
    export::export_customer,
    export::export_template,
    export::export_import_errors,
    powermap::power_map,
    powermap::power_scopes,
    powermap::power_map_as_of,
    powermap::power_map_diff,
    powermap::power_map_history,
    powermap::power_coverage,
    powermap::save_assessment,
    powermap::remove_assessment,
    powermap::set_reports_to,
    powermap::set_key_person,
    powermap::add_power_edge,
    powermap::relabel_power_edge,
    powermap::remove_power_edge,
    powermap::add_map_contact,
    powermap::create_power_scope,
    powermap::rename_power_scope,
    powermap::delete_power_scope,
    powermap::save_power_slots,
    powermap::save_power_positions,
    powermap::reset_power_layout,
    trends::trend_data,
    trends::customer_signals,
    trends::signal_feed,
    trends::portfolio_trend,
    trends::list_purchases,
    trends::add_purchase,
    trends::update_purchase,
    trends::delete_purchase,
    visits::create_visit,
    visits::update_visit,
    visits::get_visit,
    visits::list_visits,
    visits::visit_position,
    visits::delete_visit,
    visits::check_visit,
    visits::set_visit_confirmation,
    visits::visit_recap,
    visits::set_action_status,
    visits::customer_actions,
    opportunities::get_opportunity,
    opportunities::create_opportunity,
    opportunities::update_opportunity,
    opportunities::move_opportunity,
    opportunities::delete_opportunity,
    opportunities::stage_history,
    opportunities::list_opportunities,
    opportunities::pipeline_board,
    opportunities::pipeline_analytics,
    opportunities::stage_stats,
    payments::payment_plan,
    payments::save_payment_plan,
    payments::add_payment,
    payments::delete_payment,
    payments::milestones,
    payments::save_milestones,
    risk::customer_risks,
    risk::customer_risk,
    risk::opportunity_risk,
    timeline::customer_timeline,
    home::home_data,
    weekly::weekly_view,
    results::target_sheet,
    results::save_targets,
    results::results,
    results::today_results,
    backup::backup_settings,
    backup::save_backup_settings,
    backup::set_backup_folder,
    backup::backup_folder,
    backup::snapshots,
    backup::snapshot_now,
    backup::restore_snapshot,
    backup::take_backup_warning,
    backup::delete_snapshots,
}
