// The one place that talks to the Rust side. Every function is a single Tauri command, written
// as `invoke<T>('command_name', { argName })`: src-tauri/src/commands/api_contract.rs reads these
// calls and checks each against the registered commands and their argument names. Errors arrive
// as `CoreError` objects (see bindings.ts). Tests replace this module with vi.mock.
import { Channel, invoke } from '@tauri-apps/api/core'
import type {
  BackupSettings,
  BackupWarning,
  BusinessLine,
  RiskLight,
  ContactFields,
  ChosenFile,
  CoreError,
  Customer,
  CustomerFields,
  CustomerPage,
  CustomerProfile,
  CustomerQuery,
  DbStatus,
  EraseReport,
  Facets,
  FinancialPeriod,
  ImportFile,
  ImportProgress,
  ImportRecord,
  ImportKind,
  ImportUndoPreview,
  ImportSpec,
  MainBusiness,
  MappingTemplate,
  MenuLook,
  RecentDatabase,
  Field,
  FilePurpose,
  Preview,
  ProcessIt,
  ReportOptions,
  TeamFilter,
  WeeklyQuery,
  WeeklyView,
  ResultsQuery,
  ResultsView,
  TargetSheet,
  TargetsInput,
  TodayResults,
  Restored,
  RoleAssessment,
  TrashPage,
  SearchIndexRepair,
  SearchResults,
  Snapshot,
  Settings,
  SpBp,
  Stats,
  Supplier,
  Assessment,
  ContactRemoval,
  CoverageRow,
  HistoryEntry,
  MapDiff,
  MapView,
  NewEdge,
  NodePosition,
  ScopeSummary,
  SlotInput,
  FeedQuery,
  PortfolioQuery,
  PortfolioTrend,
  Purchase,
  PurchaseFields,
  PurchasePage,
  PurchaseQuery,
  SignalFeed,
  TrendData,
  TrendRange,
  TrendSignal,
  ActionStatus,
  Confirmation,
  NextAction,
  QualityWarning,
  Recap,
  SavedVisit,
  Visit,
  VisitFields,
  VisitPage,
  CustomerRemoval,
  TimelinePage,
  TimelineQuery,
  BoardColumn,
  OpportunityPage,
  OpportunityQuery,
  PipelineAnalytics,
  StageStats,
  StageStatsQuery,
  LostReview,
  Opportunity,
  OpportunityFields,
  Stage,
  StageChange,
  Milestone,
  MilestoneFields,
  PaymentFields,
  PaymentPlan,
  PlanInput,
  HomeData,
  HomeQuery,
  PortfolioRisk,
} from './bindings'

export type { CoreError }
export type { BusinessLine }

export const api = {
  dbStatus: () => invoke<DbStatus>('db_status'),
  /**
   * Opens the native file dialog for `purpose` (Rust opens it: the page never names a path
   * that Rust reads or writes). The token of the chosen file is what the commands below take;
   * null when the person backed out.
   */
  chooseFile: (purpose: FilePurpose, fileName: string, filterName: string) =>
    invoke<ChosenFile | null>('choose_file', { purpose, fileName, filterName }),
  /** 设置 → 备份与恢复 (core/src/backup/): the rotation and folder, the snapshots, restore. */
  backupSettings: () => invoke<BackupSettings>('backup_settings'),
  /** Saves the rotation (the folder changes only through setBackupFolder). */
  saveBackupSettings: (settings: BackupSettings) => invoke<BackupSettings>('save_backup_settings', { settings }),
  /** The folder chosen with chooseFile('backupFolder') (its token), or null for the default. */
  setBackupFolder: (file: string | null) => invoke<BackupSettings>('set_backup_folder', { file }),
  backupFolder: () => invoke<string>('backup_folder'),
  snapshots: () => invoke<Snapshot[]>('snapshots'),
  snapshotNow: () => invoke<Snapshot>('snapshot_now'),
  /** Restores the listed snapshot `file`; returns the snapshot kept of the state before. */
  restoreSnapshot: (file: string) => invoke<Snapshot>('restore_snapshot', { file }),
  /** Deletes listed snapshots by file name (after an erase, those that still hold the person). */
  deleteSnapshots: (files: string[]) => invoke<number>('delete_snapshots', { files }),
  /** An automatic snapshot that failed since the last call, or null. */
  takeBackupWarning: () => invoke<BackupWarning | null>('take_backup_warning'),
  /** The folder of the log file (shown in 设置). */
  logFolder: () => invoke<string>('log_folder'),
  /** Writes an unexpected UI error's kind and place (never its data) to the log file. */
  logUiError: (kind: string, place: string) => invoke<null>('log_ui_error', { kind, place }),
  /** Opens the system print dialog for the window; the page's print styles choose what is printed. */
  printWindow: () => invoke<null>('print_window'),
  /** Opens (or creates) the database chosen with chooseFile('openDatabase' | 'newDatabase'). */
  openDatabase: (file: string) => invoke<DbStatus>('open_database', { file }),
  /** 文件 → 最近打开: the databases opened lately, newest first. */
  recentDatabases: () => invoke<RecentDatabase[]>('recent_databases'),
  /** Opens the recent database at `index` of that list (refused as `databaseMissing` when gone). */
  openRecentDatabase: (index: number) => invoke<DbStatus>('open_recent_database', { index }),
  removeRecentDatabase: (index: number) => invoke<RecentDatabase[]>('remove_recent_database', { index }),
  /** The native menu's language and check marks follow the page's. */
  syncMenu: (look: MenuLook) => invoke<void>('sync_menu', { look }),
  /** A spreadsheet dropped on the window: its token serves the import wizard. */
  importDropped: (name: string, bytes: Uint8Array) =>
    invoke<ChosenFile>('import_dropped', { name, bytes: Array.from(bytes) }),
  loadSampleData: () => invoke<Stats>('load_sample_data'),
  listCustomers: (query: CustomerQuery) => invoke<CustomerPage>('list_customers', { query }),
  customerFacets: () => invoke<Facets>('customer_facets'),
  getCustomer: (id: number) => invoke<CustomerProfile>('get_customer', { id }),
  createCustomer: (fields: CustomerFields) => invoke<Customer>('create_customer', { fields }),
  updateCustomer: (id: number, fields: CustomerFields) => invoke<CustomerProfile>('update_customer', { id, fields }),
  saveBusiness: (id: number, business: MainBusiness) => invoke<CustomerProfile>('save_business', { id, business }),
  saveFinancials: (id: number, periods: FinancialPeriod[]) =>
    invoke<CustomerProfile>('save_financials', { id, periods }),
  saveSpBp: (id: number, spBp: SpBp) => invoke<CustomerProfile>('save_sp_bp', { id, spBp }),
  saveRoles: (id: number, roles: RoleAssessment[]) => invoke<CustomerProfile>('save_roles', { id, roles }),
  saveSuppliers: (id: number, suppliers: Supplier[]) => invoke<CustomerProfile>('save_suppliers', { id, suppliers }),
  saveProcessIt: (id: number, processIt: ProcessIt) => invoke<CustomerProfile>('save_process_it', { id, processIt }),
  deleteCustomer: (id: number) => invoke<null>('delete_customer', { id }),
  createContact: (customerId: number, fields: ContactFields) =>
    invoke<CustomerProfile>('create_contact', { customerId, fields }),
  updateContact: (id: number, fields: ContactFields) => invoke<CustomerProfile>('update_contact', { id, fields }),
  deleteContact: (id: number) => invoke<CustomerProfile>('delete_contact', { id }),
  /** 彻底删除: the contact and every copy of their details, for good (not to the trash). */
  eraseContact: (id: number) => invoke<EraseReport>('erase_contact', { id }),
  /** 撤销 / Ctrl+Z: restores the newest delete (null when the trash holds none). */
  undoDelete: () => invoke<Restored | null>('undo_delete'),
  search: (query: string, limit: number) => invoke<SearchResults>('search', { query, limit }),
  /** Records of a large import whose search entries are still being written (0: none). */
  pendingSearchIndex: () => invoke<number>('pending_search_index'),
  /** The search index found damaged after the open, once (null: nothing to tell). */
  takeSearchIndexRepair: () => invoke<SearchIndexRepair | null>('take_search_index_repair'),
  getSettings: () => invoke<Settings>('get_settings'),
  saveSettings: (settings: Settings) => invoke<Settings>('save_settings', { settings }),
  stats: () => invoke<Stats>('stats'),
  importInspect: (spec: ImportSpec) => invoke<ImportFile>('import_inspect', { spec }),
  importPreview: (spec: ImportSpec) => invoke<Preview>('import_preview', { spec }),
  /** Commits the import; `onProgress` receives the rows done so far (through a Tauri Channel). */
  importCommit: (spec: ImportSpec, onProgress: (p: ImportProgress) => void) => {
    const channel = new Channel<ImportProgress>()
    channel.onmessage = onProgress
    return invoke<ImportRecord>('import_commit', { spec, onProgress: channel })
  },
  importCancel: () => invoke<null>('import_cancel'),
  importHistory: () => invoke<ImportRecord[]>('import_history'),
  /** Saved column mappings of the import wizard (of one kind), most recent first. */
  mappingTemplates: (kind: ImportKind | null) => invoke<MappingTemplate[]>('mapping_templates', { kind }),
  /** Saves the mapping of `headers` under `name` (replacing a template of that name). */
  saveMappingTemplate: (name: string, kind: ImportKind, headers: string[], mapping: (Field | null)[]) =>
    invoke<MappingTemplate>('save_mapping_template', { name, kind, headers, mapping }),
  deleteMappingTemplate: (id: number) => invoke<null>('delete_mapping_template', { id }),
  /** The mapping of template `name` laid over a file's `headers` (by header text). */
  applyMappingTemplate: (name: string, kind: ImportKind, headers: string[]) =>
    invoke<(Field | null)[]>('apply_mapping_template', { name, kind, headers }),
  /** What undoing import `id` would do, with the records edited since it (asked first). */
  importUndoPreview: (id: number) => invoke<ImportUndoPreview>('import_undo_preview', { id }),
  /**
   * Undoes import `id`: its customers and contacts go to the trash, its updates are reverted
   * except fields edited since, unless `revertEdited`.
   */
  undoImport: (id: number, revertEdited = false) => invoke<ImportRecord>('undo_import', { id, revertEdited }),
  /** The team report of the owners and period of `filter`, written to the chosen .xlsx (`file`: its token). */
  exportTeamReport: (file: string, options: ReportOptions, filter: TeamFilter) =>
    invoke<null>('export_team_report', { file, options, filter }),
  /** The 周会 workbook of the page's period and owners. */
  exportWeekly: (file: string, query: WeeklyQuery, options: ReportOptions) =>
    invoke<null>('export_weekly', { file, query, options }),
  /** One customer's profile as a workbook, for a visit. */
  exportCustomer: (id: number, file: string, options: ReportOptions) =>
    invoke<null>('export_customer', { id, file, options }),
  /** An empty import template (headers, drop-downs) for `kind`. */
  exportTemplate: (kind: ImportKind, file: string) => invoke<null>('export_template', { kind, file }),
  /** The rows an import preview refuses, as a workbook to fix and re-import. */
  exportImportErrors: (spec: ImportSpec, file: string) => invoke<null>('export_import_errors', { spec, file }),

  // Power map (权力地图). `scope` null = the account-wide map; every write returns the
  // scope's fresh map.
  powerMap: (customerId: number, scope: number | null) => invoke<MapView>('power_map', { customerId, scope }),
  powerScopes: (customerId: number) => invoke<ScopeSummary[]>('power_scopes', { customerId }),
  /** The map as it was at the end of `date` (YYYY-MM-DD). */
  powerMapAsOf: (customerId: number, scope: number | null, date: string) =>
    invoke<MapView>('power_map_as_of', { customerId, scope, date }),
  /** What changed between the end of `date` and today. */
  powerMapDiff: (customerId: number, scope: number | null, date: string) =>
    invoke<MapDiff>('power_map_diff', { customerId, scope, date }),
  /** Role, reports-to and edge changes, newest first (`limit` 0 = all). */
  powerMapHistory: (customerId: number, scope: number | null, limit: number) =>
    invoke<HistoryEntry[]>('power_map_history', { customerId, scope, limit }),
  powerCoverage: (customerId: number, scope: number | null) =>
    invoke<CoverageRow[]>('power_coverage', { customerId, scope }),
  saveAssessment: (customerId: number, scope: number | null, assessment: Assessment) =>
    invoke<MapView>('save_assessment', { customerId, scope, assessment }),
  removeAssessment: (customerId: number, scope: number | null, contactId: number) =>
    invoke<MapView>('remove_assessment', { customerId, scope, contactId }),
  /** `boss` null removes the contact's reports-to link. */
  setReportsTo: (customerId: number, scope: number | null, contactId: number, boss: number | null) =>
    invoke<MapView>('set_reports_to', { customerId, scope, contactId, boss }),
  setKeyPerson: (customerId: number, scope: number | null, contactId: number, key: boolean) =>
    invoke<MapView>('set_key_person', { customerId, scope, contactId, key }),
  addPowerEdge: (customerId: number, scope: number | null, edge: NewEdge) =>
    invoke<MapView>('add_power_edge', { customerId, scope, edge }),
  relabelPowerEdge: (customerId: number, scope: number | null, edgeId: number, label: string) =>
    invoke<MapView>('relabel_power_edge', { customerId, scope, edgeId, label }),
  removePowerEdge: (customerId: number, scope: number | null, edgeId: number) =>
    invoke<MapView>('remove_power_edge', { customerId, scope, edgeId }),
  addMapContact: (customerId: number, scope: number | null, fields: ContactFields, assessment: Assessment | null) =>
    invoke<MapView>('add_map_contact', { customerId, scope, fields, assessment }),
  contactRemoval: (contactId: number) => invoke<ContactRemoval>('contact_removal', { contactId }),
  createPowerScope: (customerId: number, name: string) => invoke<MapView>('create_power_scope', { customerId, name }),
  renamePowerScope: (scopeId: number, name: string) => invoke<MapView>('rename_power_scope', { scopeId, name }),
  deletePowerScope: (scopeId: number) => invoke<MapView>('delete_power_scope', { scopeId }),
  savePowerSlots: (customerId: number, scope: number | null, slots: SlotInput[]) =>
    invoke<MapView>('save_power_slots', { customerId, scope, slots }),
  savePowerPositions: (customerId: number, scope: number | null, positions: NodePosition[]) =>
    invoke<MapView>('save_power_positions', { customerId, scope, positions }),
  resetPowerLayout: (customerId: number, scope: number | null) =>
    invoke<MapView>('reset_power_layout', { customerId, scope }),
  /** Writes exported bytes (a chart or map as PNG/SVG, a recap as PNG/PDF) to the chosen file. */
  saveFileBytes: (file: string, bytes: Uint8Array) =>
    invoke<null>('save_file_bytes', { file, bytes: Array.from(bytes) }),

  // Purchase trends (采购趋势): a customer's chart data and signals, the records of the
  // tab's grid (one page at a time), and the home page's signal feed and portfolio chart.
  /** Series per product and category, a year earlier, shares, signals and notes for `range`. */
  trendData: (customerId: number, range: TrendRange) => invoke<TrendData>('trend_data', { customerId, range }),
  /** The customer's signals (purchases and financials), most severe first. */
  customerSignals: (customerId: number) => invoke<TrendSignal[]>('customer_signals', { customerId }),
  /** Signals across all customers, most severe first, filtered and paged. */
  signalFeed: (query: FeedQuery) => invoke<SignalFeed>('signal_feed', { query }),
  /** Total purchases by month of the matching customers, with the top movers. */
  portfolioTrend: (query: PortfolioQuery) => invoke<PortfolioTrend>('portfolio_trend', { query }),
  /** One page of a customer's purchase records, newest month first. */
  listPurchases: (customerId: number, query: PurchaseQuery) =>
    invoke<PurchasePage>('list_purchases', { customerId, query }),
  addPurchase: (customerId: number, fields: PurchaseFields) => invoke<Purchase>('add_purchase', { customerId, fields }),
  updatePurchase: (id: number, fields: PurchaseFields) => invoke<Purchase>('update_purchase', { id, fields }),
  deletePurchase: (id: number) => invoke<null>('delete_purchase', { id }),

  // Visit summaries (跟进记录). A save returns the record and the quality check's
  // warnings (no next action, an action without owner or date, vague phrases), which never
  // block; the next actions are saved with the summary as its `actions` list.
  /** One page of a customer's summaries (or of one opportunity's), newest first. */
  listVisits: (customerId: number, opportunityId: number | null, offset: number, limit: number) =>
    invoke<VisitPage>('list_visits', { customerId, opportunityId, offset, limit }),
  getVisit: (id: number) => invoke<Visit>('get_visit', { id }),
  /** How many of its customer's visits the list shows before it (the page a search hit is on). */
  visitPosition: (id: number) => invoke<number>('visit_position', { id }),
  createVisit: (customerId: number, fields: VisitFields) => invoke<SavedVisit>('create_visit', { customerId, fields }),
  updateVisit: (id: number, fields: VisitFields) => invoke<SavedVisit>('update_visit', { id, fields }),
  deleteVisit: (id: number) => invoke<null>('delete_visit', { id }),
  /** The quality check of a form without saving it. */
  checkVisit: (fields: VisitFields) => invoke<QualityWarning[]>('check_visit', { fields }),
  /** The customer-facing recap (共识确认): plain text without internal fields. */
  visitRecap: (id: number) => invoke<Recap>('visit_recap', { id }),
  /** 草稿 → 已发送 → 客户已确认, dated today by the core. */
  setVisitConfirmation: (id: number, status: Confirmation) => invoke<Visit>('set_visit_confirmation', { id, status }),
  setActionStatus: (id: number, status: ActionStatus) => invoke<NextAction>('set_action_status', { id, status }),
  /** The customer's open next actions, by due date (undated last). */
  customerActions: (customerId: number) => invoke<NextAction[]>('customer_actions', { customerId }),
  /** The customer's risk light and its reasons (the rules in 设置). */
  customerRisk: (id: number) => invoke<RiskLight>('customer_risk', { id }),

  // The pipeline (商机管道): every opportunity across customers under one query
  // (owners, stages, expected-close range), each row with its risk light.
  /** One page of the opportunity table. */
  listOpportunities: (query: OpportunityQuery) => invoke<OpportunityPage>('list_opportunities', { query }),
  /** The kanban: a column per stage with count, Σ amount, Σ weighted and its largest `limit` cards. */
  pipelineBoard: (query: OpportunityQuery) => invoke<BoardColumn[]>('pipeline_board', { query }),
  /** Weighted forecast by month and owner, the funnel, and the lost deals by reason/competitor/stage. */
  pipelineAnalytics: (query: OpportunityQuery) => invoke<PipelineAnalytics>('pipeline_analytics', { query }),
  /** Days in each stage, conversion, the sales cycle and win rates, from the stage history. */
  stageStats: (query: StageStatsQuery) => invoke<StageStats>('stage_stats', { query }),

  // One opportunity (商机): the core holds the stage gates, so a move or save that lacks a
  // stage's key fields is refused naming the first, its `detail` listing all ("quoteAmount,quoteDate").
  getOpportunity: (id: number) => invoke<Opportunity>('get_opportunity', { id }),
  createOpportunity: (customerId: number, fields: OpportunityFields) =>
    invoke<Opportunity>('create_opportunity', { customerId, fields }),
  /** Saves the form; a different stage is a move (gated, recorded in the stage history). */
  updateOpportunity: (id: number, fields: OpportunityFields) =>
    invoke<Opportunity>('update_opportunity', { id, fields }),
  /** A stage move with the fields as stored; 丢单 takes the lost review. */
  moveOpportunity: (id: number, stage: Stage, review: LostReview | null) =>
    invoke<Opportunity>('move_opportunity', { id, stage, review }),
  /** To the trash with its stage history (the UI asks first); its visits and actions stay with the customer. */
  deleteOpportunity: (id: number) => invoke<null>('delete_opportunity', { id }),
  /** Every stage the opportunity entered, oldest first. */
  stageHistory: (id: number) => invoke<StageChange[]>('stage_history', { id }),
  opportunityRisk: (id: number) => invoke<RiskLight>('opportunity_risk', { id }),

  // 回款 and 交付 of a won deal (a deal not won is refused: field `stage`, reason `not_won`).
  /** The plan, the payments and the figures (received, outstanding, overdue, plan vs contract). */
  paymentPlan: (opportunityId: number) => invoke<PaymentPlan>('payment_plan', { opportunityId }),
  /** Replaces the plan; a sum above the contract needs `confirmOver`. */
  savePaymentPlan: (opportunityId: number, plan: PlanInput) =>
    invoke<PaymentPlan>('save_payment_plan', { opportunityId, plan }),
  addPayment: (opportunityId: number, fields: PaymentFields) =>
    invoke<PaymentPlan>('add_payment', { opportunityId, fields }),
  /** The UI asks first and offers 撤销 (the payment added again). */
  deletePayment: (id: number) => invoke<PaymentPlan>('delete_payment', { id }),
  milestones: (opportunityId: number) => invoke<Milestone[]>('milestones', { opportunityId }),
  saveMilestones: (opportunityId: number, list: MilestoneFields[]) =>
    invoke<Milestone[]>('save_milestones', { opportunityId, list }),

  // The customer timeline (visits, actions, stage, power-map and profile changes, newest
  // first, filtered by kind and paged by the core) and what deleting a customer takes with it.
  customerTimeline: (customerId: number, query: TimelineQuery) =>
    invoke<TimelinePage>('customer_timeline', { customerId, query }),
  /** Counted before the delete, so the confirmation can say what goes (all of it comes back with 撤销). */
  customerRemoval: (id: number) => invoke<CustomerRemoval>('customer_removal', { id }),

  // 今日 on the home page (and the reminder's counts) and the risk lights of a page of the
  // customer list, one call each.
  /** Actions due today and overdue, red customers, deals closing this month (each with its total). */
  homeData: (query: HomeQuery) => invoke<HomeData>('home_data', { query }),
  /** 周会: every section of the period for the owners chosen. */
  weeklyView: (query: WeeklyQuery) => invoke<WeeklyView>('weekly_view', { query }),
  /** 业绩 of whole months (YYYY-MM to YYYY-MM) for the owners chosen (everyone when none). */
  results: (query: ResultsQuery) => invoke<ResultsView>('results', { query }),
  /** This month's and quarter's totals of the owners (none: everyone, against the team's targets), for 今日. */
  todayResults: (owners: string[]) => invoke<TodayResults>('today_results', { owners }),
  /** The targets of one month (YYYY-MM) or quarter (YYYY-Qn), with the owners to offer. */
  targetSheet: (period: string) => invoke<TargetSheet>('target_sheet', { period }),
  /** Saves the given targets of one period; an empty value removes one. */
  saveTargets: (input: TargetsInput) => invoke<TargetSheet>('save_targets', { input }),
  /** The lights of these customers (those not listed are green). */
  customerRisks: (ids: number[]) => invoke<PortfolioRisk>('customer_risks', { ids }),

  // The trash (回收站): deleted customers, contacts, visit summaries and deals, kept for
  // `Settings.trashDays`, newest first, restorable one by one in any order.
  listTrash: (limit: number, offset: number) => invoke<TrashPage>('list_trash', { limit, offset }),
  /** Refused: a customer whose name was taken meanwhile (`duplicate`), a record whose customer is in the trash (`customerInTrash`). */
  restoreTrash: (id: number) => invoke<Restored>('restore_trash', { id }),
  /** 永久删除 of one entry (a customer takes its contacts', summaries' and deals' entries with it). */
  purgeTrash: (id: number) => invoke<null>('purge_trash', { id }),
  /** 清空回收站; returns how many entries there were. */
  emptyTrash: () => invoke<number>('empty_trash'),
}

export type Api = typeof api
