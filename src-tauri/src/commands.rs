//! Thin commands: convert arguments, make one core call, return its typed error (which
//! serialises as `{type, data}` for the UI). No SQL and no rules here.

use std::sync::atomic::Ordering;

use dossier_core::activity::{CustomerRemoval, HomeData, HomeQuery, TimelinePage, TimelineQuery};
use dossier_core::customers::*;
use dossier_core::erase::EraseReport;
use dossier_core::export::{self, ReportOptions, Xlsx};
use dossier_core::files::{ChosenFile, FilePurpose};
use dossier_core::import::mapping::Field;
use dossier_core::import::plan::{ImportKind, Preview};
use dossier_core::import::templates::MappingTemplate;
use dossier_core::import::{ImportFile, ImportProgress, ImportSpec};
use dossier_core::import::{ImportRecord, ImportUndoPreview};
use dossier_core::opportunities::{
    BoardColumn, LostReview, Opportunity, OpportunityFields, OpportunityPage, OpportunityQuery, PipelineAnalytics,
    Stage, StageChange,
};
use dossier_core::risk::{PortfolioRisk, RiskLight, RuleInfo};
use dossier_core::search::SearchResults;
use dossier_core::trends::{
    FeedQuery, PortfolioQuery, PortfolioTrend, Purchase, PurchasePage, PurchaseQuery, SignalFeed, TrendData,
    TrendRange, TrendSignal,
};
use dossier_core::visits::{
    ActionFields, ActionStatus, ActionTarget, Confirmation, NextAction, QualityWarning, Recap, SavedAction, SavedVisit,
    Visit, VisitFields, VisitPage,
};
use dossier_core::CoreError;
use tauri::ipc::Channel;
use tauri::State;

use crate::files::FileGrants;
use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
pub async fn db_status(state: State<'_, AppState>) -> Res<DbStatus> {
    state.status()
}

/// Opens the native file dialog for `purpose` (src-tauri/src/files.rs); the token it returns
/// is what the commands below take instead of a path.
#[tauri::command]
pub async fn choose_file(
    window: tauri::WebviewWindow,
    files: State<'_, FileGrants>,
    purpose: FilePurpose,
    file_name: String,
    filter_name: String,
) -> Res<Option<ChosenFile>> {
    files.choose(&window, purpose, &file_name, &filter_name)
}

/// Where the log file is (设置 shows it; "show in folder" opens it).
#[tauri::command]
pub async fn log_folder(app: tauri::AppHandle) -> Res<String> {
    use tauri::Manager;
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

/// Opens (or creates) the database chosen in the open/new-database dialog.
#[tauri::command]
pub async fn open_database(state: State<'_, AppState>, files: State<'_, FileGrants>, file: String) -> Res<DbStatus> {
    state.reopen(files.path(&file, &[FilePurpose::OpenDatabase, FilePurpose::NewDatabase])?)
}

/// `spec` with its file token swapped for the path chosen in the import dialog.
fn chosen(files: &FileGrants, mut spec: ImportSpec) -> Res<ImportSpec> {
    spec.path = files.path(&spec.path.to_string_lossy(), &[FilePurpose::Import])?;
    Ok(spec)
}

/// Builds a workbook and writes it to the file chosen in the save dialog (never over the open
/// database), all or nothing.
fn export_to(
    state: &AppState,
    files: &FileGrants,
    file: &str,
    build: impl FnOnce(&dossier_core::Store) -> Res<Xlsx>,
) -> Res<()> {
    let path = files.path(file, &[FilePurpose::Xlsx])?;
    state.ensure_not_database(&path)?;
    state.with(|s| build(s)?.save(&path))
}

#[tauri::command]
pub async fn load_sample_data(state: State<'_, AppState>) -> Res<Stats> {
    state.with(|s| {
        dossier_core::sample::load(s, 1)?;
        s.stats()
    })
}

#[tauri::command]
pub async fn stats(state: State<'_, AppState>) -> Res<Stats> {
    state.with(|s| s.stats())
}

#[tauri::command]
pub async fn list_customers(state: State<'_, AppState>, query: CustomerQuery) -> Res<CustomerPage> {
    state.with(|s| s.list_customers(&query))
}

#[tauri::command]
pub async fn customer_facets(state: State<'_, AppState>) -> Res<Facets> {
    state.with(|s| s.facets())
}

#[tauri::command]
pub async fn get_customer(state: State<'_, AppState>, id: i64) -> Res<CustomerProfile> {
    state.with(|s| s.profile(id))
}

#[tauri::command]
pub async fn create_customer(state: State<'_, AppState>, fields: CustomerFields) -> Res<Customer> {
    state.with(|s| s.create_customer(&fields))
}

#[tauri::command]
pub async fn update_customer(state: State<'_, AppState>, id: i64, fields: CustomerFields) -> Res<CustomerProfile> {
    state.with(|s| s.update_customer(id, &fields))
}

#[tauri::command]
pub async fn save_business(state: State<'_, AppState>, id: i64, business: MainBusiness) -> Res<CustomerProfile> {
    state.with(|s| s.save_business(id, &business))
}

#[tauri::command]
pub async fn save_financials(
    state: State<'_, AppState>,
    id: i64,
    periods: Vec<FinancialPeriod>,
) -> Res<CustomerProfile> {
    state.with(|s| s.save_financials(id, &periods))
}

#[tauri::command]
pub async fn save_sp_bp(state: State<'_, AppState>, id: i64, sp_bp: SpBp) -> Res<CustomerProfile> {
    state.with(|s| s.save_sp_bp(id, &sp_bp))
}

#[tauri::command]
pub async fn save_roles(state: State<'_, AppState>, id: i64, roles: Vec<RoleAssessment>) -> Res<CustomerProfile> {
    state.with(|s| s.save_roles(id, &roles))
}

#[tauri::command]
pub async fn save_suppliers(state: State<'_, AppState>, id: i64, suppliers: Vec<Supplier>) -> Res<CustomerProfile> {
    state.with(|s| s.save_suppliers(id, &suppliers))
}

#[tauri::command]
pub async fn save_process_it(state: State<'_, AppState>, id: i64, process_it: ProcessIt) -> Res<CustomerProfile> {
    state.with(|s| s.save_process_it(id, &process_it))
}

#[tauri::command]
pub async fn delete_customer(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_customer(id))
}

#[tauri::command]
pub async fn create_contact(
    state: State<'_, AppState>,
    customer_id: i64,
    fields: ContactFields,
) -> Res<CustomerProfile> {
    state.with(|s| s.create_contact(customer_id, &fields))
}

#[tauri::command]
pub async fn update_contact(state: State<'_, AppState>, id: i64, fields: ContactFields) -> Res<CustomerProfile> {
    state.with(|s| s.update_contact(id, &fields))
}

#[tauri::command]
pub async fn delete_contact(state: State<'_, AppState>, id: i64) -> Res<CustomerProfile> {
    state.with(|s| s.delete_contact(id))
}

#[tauri::command]
pub async fn undo_delete(state: State<'_, AppState>) -> Res<Option<Restored>> {
    state.with(|s| s.undo_delete())
}

#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String, limit: usize) -> Res<SearchResults> {
    state.with(|s| s.search(&query, limit.min(50)))
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Res<Settings> {
    state.with(|s| s.settings())
}

#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> Res<Settings> {
    state.with(|s| s.save_settings(&settings))
}

/// The file as the wizard first shows it, with a saved mapping template when one fits.
#[tauri::command]
pub async fn import_inspect(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    spec: ImportSpec,
) -> Res<ImportFile> {
    let spec = chosen(&files, spec)?;
    state.with(|s| s.inspect_import(&spec))
}

#[tauri::command]
pub async fn mapping_templates(state: State<'_, AppState>, kind: Option<ImportKind>) -> Res<Vec<MappingTemplate>> {
    state.with(|s| s.mapping_templates(kind))
}

#[tauri::command]
pub async fn save_mapping_template(
    state: State<'_, AppState>,
    name: String,
    kind: ImportKind,
    headers: Vec<String>,
    mapping: Vec<Option<Field>>,
) -> Res<MappingTemplate> {
    state.with(|s| s.save_mapping_template(&name, kind, &headers, &mapping))
}

#[tauri::command]
pub async fn delete_mapping_template(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_mapping_template(id))
}

/// The mapping of a template the user picked, laid over the file's headers.
#[tauri::command]
pub async fn apply_mapping_template(
    state: State<'_, AppState>,
    name: String,
    kind: ImportKind,
    headers: Vec<String>,
) -> Res<Vec<Option<Field>>> {
    state.with(|s| s.apply_mapping_template(&name, kind, &headers))
}

#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    spec: ImportSpec,
) -> Res<Preview> {
    let spec = chosen(&files, spec)?;
    state.with(|s| s.preview_import(&spec))
}

#[tauri::command]
pub async fn import_commit(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    spec: ImportSpec,
    on_progress: Channel<ImportProgress>,
) -> Res<ImportRecord> {
    let spec = chosen(&files, spec)?;
    state.cancel.store(false, Ordering::SeqCst);
    let cancel = &state.cancel;
    state.with(|s| {
        s.import_file(&spec, &mut |done, total| {
            // Every 200 rows is smooth enough for a progress bar and cheap for IPC.
            if done % 200 == 0 || done == total {
                let _ = on_progress.send(ImportProgress { done, total });
            }
            !cancel.load(Ordering::SeqCst)
        })
    })
}

#[tauri::command]
pub async fn import_cancel(state: State<'_, AppState>) -> Res<()> {
    state.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

#[tauri::command]
pub async fn import_history(state: State<'_, AppState>) -> Res<Vec<ImportRecord>> {
    state.with(|s| s.import_history())
}

/// Undoes an import; `revert_edited` (default false): also the fields edited since (see
/// `import_undo_preview`).
#[tauri::command]
pub async fn undo_import(state: State<'_, AppState>, id: i64, revert_edited: Option<bool>) -> Res<ImportRecord> {
    state.with(|s| s.undo_import(id, revert_edited.unwrap_or(false)))
}

#[tauri::command]
pub async fn export_team_report(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    file: String,
    options: ReportOptions,
) -> Res<()> {
    export_to(&state, &files, &file, |s| export::team_report(s, &options))
}

#[tauri::command]
pub async fn export_customer(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    id: i64,
    file: String,
    options: ReportOptions,
) -> Res<()> {
    export_to(&state, &files, &file, |s| export::customer_profile(s, id, &options))
}

#[tauri::command]
pub async fn export_template(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    kind: ImportKind,
    file: String,
) -> Res<()> {
    export_to(&state, &files, &file, |_| export::template(kind))
}

/// The refused rows of an import preview, as a workbook to fix and re-import.
#[tauri::command]
pub async fn export_import_errors(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    spec: ImportSpec,
    file: String,
) -> Res<()> {
    let spec = chosen(&files, spec)?;
    export_to(&state, &files, &file, |s| export::error_report(&s.preview_import(&spec)?))
}

// ---- Power map (权力地图, issue 4). `scope` None = the account-wide map. Every write
// returns the scope's fresh map, so the UI redraws from one value; a refusal (cycle,
// duplicate edge, …) is the core's typed error and leaves the map as it was.

use dossier_core::powermap::{
    Assessment, ContactRemoval, CoverageRow, HistoryEntry, MapDiff, MapView, NewEdge, NodePosition, ScopeSummary,
    SlotInput,
};

#[tauri::command]
pub async fn power_map(state: State<'_, AppState>, customer_id: i64, scope: Option<i64>) -> Res<MapView> {
    state.with(|s| s.power_map(customer_id, scope))
}

#[tauri::command]
pub async fn power_scopes(state: State<'_, AppState>, customer_id: i64) -> Res<Vec<ScopeSummary>> {
    state.with(|s| s.power_scopes(customer_id))
}

#[tauri::command]
pub async fn power_map_as_of(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    date: String,
) -> Res<MapView> {
    state.with(|s| s.power_map_as_of(customer_id, scope, &date))
}

#[tauri::command]
pub async fn power_map_diff(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    date: String,
) -> Res<MapDiff> {
    state.with(|s| s.power_map_diff(customer_id, scope, &date))
}

#[tauri::command]
pub async fn power_map_history(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    limit: i64,
) -> Res<Vec<HistoryEntry>> {
    state.with(|s| s.power_map_history(customer_id, scope, limit))
}

#[tauri::command]
pub async fn power_coverage(state: State<'_, AppState>, customer_id: i64, scope: Option<i64>) -> Res<Vec<CoverageRow>> {
    state.with(|s| s.power_coverage(customer_id, scope))
}

#[tauri::command]
pub async fn save_assessment(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    assessment: Assessment,
) -> Res<MapView> {
    state.with(|s| s.save_assessment(customer_id, scope, &assessment))
}

#[tauri::command]
pub async fn remove_assessment(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    contact_id: i64,
) -> Res<MapView> {
    state.with(|s| s.remove_assessment(customer_id, scope, contact_id))
}

#[tauri::command]
pub async fn set_reports_to(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    contact_id: i64,
    boss: Option<i64>,
) -> Res<MapView> {
    state.with(|s| s.set_reports_to(customer_id, scope, contact_id, boss))
}

#[tauri::command]
pub async fn set_key_person(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    contact_id: i64,
    key: bool,
) -> Res<MapView> {
    state.with(|s| s.set_key_person(customer_id, scope, contact_id, key))
}

#[tauri::command]
pub async fn add_power_edge(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    edge: NewEdge,
) -> Res<MapView> {
    state.with(|s| s.add_edge(customer_id, scope, &edge))
}

#[tauri::command]
pub async fn relabel_power_edge(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    edge_id: i64,
    label: String,
) -> Res<MapView> {
    state.with(|s| s.relabel_edge(customer_id, scope, edge_id, &label))
}

#[tauri::command]
pub async fn remove_power_edge(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    edge_id: i64,
) -> Res<MapView> {
    state.with(|s| s.remove_edge(customer_id, scope, edge_id))
}

#[tauri::command]
pub async fn add_map_contact(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    fields: ContactFields,
    assessment: Option<Assessment>,
) -> Res<MapView> {
    state.with(|s| s.add_map_contact(customer_id, scope, &fields, assessment.as_ref()))
}

#[tauri::command]
pub async fn contact_removal(state: State<'_, AppState>, contact_id: i64) -> Res<ContactRemoval> {
    state.with(|s| s.contact_removal(contact_id))
}

#[tauri::command]
pub async fn create_power_scope(state: State<'_, AppState>, customer_id: i64, name: String) -> Res<MapView> {
    state.with(|s| s.create_power_scope(customer_id, &name))
}

#[tauri::command]
pub async fn rename_power_scope(state: State<'_, AppState>, scope_id: i64, name: String) -> Res<MapView> {
    state.with(|s| s.rename_power_scope(scope_id, &name))
}

#[tauri::command]
pub async fn delete_power_scope(state: State<'_, AppState>, scope_id: i64) -> Res<MapView> {
    state.with(|s| s.delete_power_scope(scope_id))
}

#[tauri::command]
pub async fn save_power_slots(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    slots: Vec<SlotInput>,
) -> Res<MapView> {
    state.with(|s| s.save_slots(customer_id, scope, &slots))
}

#[tauri::command]
pub async fn save_power_positions(
    state: State<'_, AppState>,
    customer_id: i64,
    scope: Option<i64>,
    positions: Vec<NodePosition>,
) -> Res<MapView> {
    state.with(|s| s.save_positions(customer_id, scope, &positions))
}

#[tauri::command]
pub async fn reset_power_layout(state: State<'_, AppState>, customer_id: i64, scope: Option<i64>) -> Res<MapView> {
    state.with(|s| s.reset_layout(customer_id, scope))
}

/// Writes an image or document drawn by the UI (a chart or the map as PNG/SVG, a recap as
/// PNG/PDF) to the file chosen in the save dialog, all or nothing.
#[tauri::command]
pub async fn save_file_bytes(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    file: String,
    bytes: Vec<u8>,
) -> Res<()> {
    let path = files.path(&file, &[FilePurpose::Png, FilePurpose::Svg, FilePurpose::Pdf])?;
    state.ensure_not_database(&path)?;
    dossier_core::files::write_atomically(&path, &bytes)
}

// Purchase trends (issue 5): the 采购趋势 tab, its grid of records, the home feed and chart.

#[tauri::command]
pub async fn trend_data(state: State<'_, AppState>, customer_id: i64, range: TrendRange) -> Res<TrendData> {
    state.with(|s| s.trend_data(customer_id, &range))
}

#[tauri::command]
pub async fn customer_signals(state: State<'_, AppState>, customer_id: i64) -> Res<Vec<TrendSignal>> {
    state.with(|s| s.customer_signals(customer_id))
}

#[tauri::command]
pub async fn signal_feed(state: State<'_, AppState>, query: FeedQuery) -> Res<SignalFeed> {
    state.with(|s| s.signal_feed(&query))
}

#[tauri::command]
pub async fn portfolio_trend(state: State<'_, AppState>, query: PortfolioQuery) -> Res<PortfolioTrend> {
    state.with(|s| s.portfolio_trend(&query))
}

#[tauri::command]
pub async fn list_purchases(state: State<'_, AppState>, customer_id: i64, query: PurchaseQuery) -> Res<PurchasePage> {
    state.with(|s| s.purchases(customer_id, &query))
}

#[tauri::command]
pub async fn add_purchase(state: State<'_, AppState>, customer_id: i64, fields: PurchaseFields) -> Res<Purchase> {
    state.with(|s| s.add_purchase(customer_id, &fields))
}

#[tauri::command]
pub async fn update_purchase(state: State<'_, AppState>, id: i64, fields: PurchaseFields) -> Res<Purchase> {
    state.with(|s| s.update_purchase(id, &fields))
}

#[tauri::command]
pub async fn delete_purchase(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_purchase(id))
}

// Visit summaries, next actions, opportunities, risk lights, timeline, home (issue 6).

#[tauri::command]
pub async fn create_visit(state: State<'_, AppState>, customer_id: i64, fields: VisitFields) -> Res<SavedVisit> {
    state.with(|s| s.create_visit(customer_id, &fields))
}

#[tauri::command]
pub async fn update_visit(state: State<'_, AppState>, id: i64, fields: VisitFields) -> Res<SavedVisit> {
    state.with(|s| s.update_visit(id, &fields))
}

#[tauri::command]
pub async fn get_visit(state: State<'_, AppState>, id: i64) -> Res<Visit> {
    state.with(|s| s.visit(id))
}

#[tauri::command]
pub async fn list_visits(
    state: State<'_, AppState>,
    customer_id: i64,
    opportunity_id: Option<i64>,
    offset: i64,
    limit: i64,
) -> Res<VisitPage> {
    state.with(|s| s.visits(customer_id, opportunity_id, offset, limit))
}

#[tauri::command]
pub async fn delete_visit(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_visit(id))
}

#[tauri::command]
pub async fn check_visit(state: State<'_, AppState>, fields: VisitFields) -> Res<Vec<QualityWarning>> {
    state.with(|s| Ok(s.check_visit(&fields)))
}

#[tauri::command]
pub async fn set_visit_confirmation(state: State<'_, AppState>, id: i64, status: Confirmation) -> Res<Visit> {
    state.with(|s| s.set_confirmation(id, status))
}

#[tauri::command]
pub async fn visit_recap(state: State<'_, AppState>, id: i64) -> Res<Recap> {
    state.with(|s| s.visit_recap(id))
}

#[tauri::command]
pub async fn create_action(state: State<'_, AppState>, target: ActionTarget, fields: ActionFields) -> Res<SavedAction> {
    state.with(|s| s.create_action(&target, &fields))
}

#[tauri::command]
pub async fn update_action(state: State<'_, AppState>, id: i64, fields: ActionFields) -> Res<SavedAction> {
    state.with(|s| s.update_action(id, &fields))
}

#[tauri::command]
pub async fn set_action_status(state: State<'_, AppState>, id: i64, status: ActionStatus) -> Res<NextAction> {
    state.with(|s| s.set_action_status(id, status))
}

#[tauri::command]
pub async fn delete_action(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_action(id))
}

#[tauri::command]
pub async fn customer_actions(state: State<'_, AppState>, customer_id: i64, open_only: bool) -> Res<Vec<NextAction>> {
    state.with(|s| s.customer_actions(customer_id, open_only))
}

#[tauri::command]
pub async fn get_opportunity(state: State<'_, AppState>, id: i64) -> Res<Opportunity> {
    state.with(|s| s.opportunity(id))
}

#[tauri::command]
pub async fn create_opportunity(
    state: State<'_, AppState>,
    customer_id: i64,
    fields: OpportunityFields,
) -> Res<Opportunity> {
    state.with(|s| s.create_opportunity(customer_id, &fields))
}

#[tauri::command]
pub async fn update_opportunity(state: State<'_, AppState>, id: i64, fields: OpportunityFields) -> Res<Opportunity> {
    state.with(|s| s.update_opportunity(id, &fields))
}

/// A stage move (the kanban's drag); 丢单 takes the lost-deal review.
#[tauri::command]
pub async fn move_opportunity(
    state: State<'_, AppState>,
    id: i64,
    stage: Stage,
    review: Option<LostReview>,
) -> Res<Opportunity> {
    state.with(|s| s.move_opportunity(id, stage, review.as_ref()))
}

#[tauri::command]
pub async fn delete_opportunity(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_opportunity(id))
}

#[tauri::command]
pub async fn stage_history(state: State<'_, AppState>, id: i64) -> Res<Vec<StageChange>> {
    state.with(|s| s.stage_history(id))
}

#[tauri::command]
pub async fn list_opportunities(state: State<'_, AppState>, query: OpportunityQuery) -> Res<OpportunityPage> {
    state.with(|s| s.list_opportunities(&query))
}

#[tauri::command]
pub async fn pipeline_board(state: State<'_, AppState>, query: OpportunityQuery) -> Res<Vec<BoardColumn>> {
    state.with(|s| s.pipeline_board(&query))
}

#[tauri::command]
pub async fn pipeline_analytics(state: State<'_, AppState>, query: OpportunityQuery) -> Res<PipelineAnalytics> {
    state.with(|s| s.pipeline_analytics(&query))
}

#[tauri::command]
pub async fn portfolio_risk(state: State<'_, AppState>) -> Res<PortfolioRisk> {
    state.with(|s| s.portfolio_risk())
}

/// The lights of the customers on a page of the list.
#[tauri::command]
pub async fn customer_risks(state: State<'_, AppState>, ids: Vec<i64>) -> Res<PortfolioRisk> {
    state.with(|s| s.customer_risks(&ids))
}

#[tauri::command]
pub async fn customer_risk(state: State<'_, AppState>, id: i64) -> Res<RiskLight> {
    state.with(|s| s.customer_risk(id))
}

#[tauri::command]
pub async fn opportunity_risk(state: State<'_, AppState>, id: i64) -> Res<RiskLight> {
    state.with(|s| s.opportunity_risk(id))
}

#[tauri::command]
pub async fn risk_rules(state: State<'_, AppState>) -> Res<Vec<RuleInfo>> {
    state.with(|s| s.risk_rules())
}

#[tauri::command]
pub async fn customer_timeline(
    state: State<'_, AppState>,
    customer_id: i64,
    query: TimelineQuery,
) -> Res<TimelinePage> {
    state.with(|s| s.timeline(customer_id, &query))
}

#[tauri::command]
pub async fn home_data(state: State<'_, AppState>, query: HomeQuery) -> Res<HomeData> {
    state.with(|s| s.home(&query))
}

/// What deleting a customer would take with it (asked before `delete_customer`).
#[tauri::command]
pub async fn customer_removal(state: State<'_, AppState>, id: i64) -> Res<CustomerRemoval> {
    state.with(|s| s.customer_removal(id))
}

/// A page of the trash (回收站), newest first.
#[tauri::command]
pub async fn list_trash(state: State<'_, AppState>, limit: i64, offset: i64) -> Res<TrashPage> {
    state.with(|s| s.trash(limit, offset))
}

#[tauri::command]
pub async fn restore_trash(state: State<'_, AppState>, id: i64) -> Res<Restored> {
    state.with(|s| s.restore_trash(id))
}

/// 永久删除 of one entry (a customer's takes its contacts', summaries' and deals' entries).
#[tauri::command]
pub async fn purge_trash(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with(|s| s.purge_trash(id))
}

/// 清空回收站; returns how many entries left.
#[tauri::command]
pub async fn empty_trash(state: State<'_, AppState>) -> Res<i64> {
    state.with(|s| s.empty_trash())
}

/// What undoing an import would do, with the records edited since (asked before `undo_import`).
#[tauri::command]
pub async fn import_undo_preview(state: State<'_, AppState>, id: i64) -> Res<ImportUndoPreview> {
    state.with(|s| s.import_undo_preview(id))
}

// ---- Backups (设置 → 备份与恢复): verified snapshots in a folder the person chooses, restore
// from the list (core/src/backup/, core/src/backup/store.rs).

use dossier_core::backup::{BackupSettings, BackupWarning, Snapshot};

#[tauri::command]
pub async fn backup_settings(state: State<'_, AppState>) -> Res<BackupSettings> {
    state.with(|s| s.backup_settings())
}

/// Saves the rotation; the folder stays as it is (it changes only through `set_backup_folder`,
/// from the folder dialog).
#[tauri::command]
pub async fn save_backup_settings(state: State<'_, AppState>, settings: BackupSettings) -> Res<BackupSettings> {
    state.with(|s| s.save_backup_settings(&BackupSettings { folder: s.backup_settings()?.folder, ..settings }))
}

/// The folder chosen in the folder dialog (`file`: its token), or back to the default beside the
/// database (`None`).
#[tauri::command]
pub async fn set_backup_folder(
    state: State<'_, AppState>,
    files: State<'_, FileGrants>,
    file: Option<String>,
) -> Res<BackupSettings> {
    let folder = match file {
        Some(token) => Some(files.path(&token, &[FilePurpose::BackupFolder])?.display().to_string()),
        None => None,
    };
    state.with(|s| s.save_backup_settings(&BackupSettings { folder, ..s.backup_settings()? }))
}

/// The folder snapshots go to now, to show.
#[tauri::command]
pub async fn backup_folder(state: State<'_, AppState>) -> Res<String> {
    state.with(|s| Ok(s.backup_folder()?.display().to_string()))
}

#[tauri::command]
pub async fn snapshots(state: State<'_, AppState>) -> Res<Vec<Snapshot>> {
    state.with(|s| s.snapshots())
}

/// 立即备份.
#[tauri::command]
pub async fn snapshot_now(state: State<'_, AppState>) -> Res<Snapshot> {
    state.with(|s| s.snapshot_now())
}

/// Restores the listed snapshot named `file`; returns the snapshot taken of the state before.
#[tauri::command]
pub async fn restore_snapshot(state: State<'_, AppState>, file: String) -> Res<Snapshot> {
    state.restore_snapshot(&file)
}

/// An automatic snapshot that failed (daily, before a migration, an import or its undo), once.
#[tauri::command]
pub async fn take_backup_warning(state: State<'_, AppState>) -> Res<Option<BackupWarning>> {
    state.take_backup_warning()
}

/// 彻底删除: erases a contact (live or in the trash) from every table and stored copy and
/// frees the pages; not undoable (the UI asks for the name first).
#[tauri::command]
pub async fn erase_contact(state: State<'_, AppState>, id: i64) -> Res<EraseReport> {
    state.with(|s| s.erase_contact(id))
}

/// Deletes listed backup snapshots by file name (offered after an erase for those that still
/// hold the person).
#[tauri::command]
pub async fn delete_snapshots(state: State<'_, AppState>, files: Vec<String>) -> Res<usize> {
    state.with(|s| s.delete_snapshots(&files))
}
