// The one place that talks to the Rust side. Every function is a single Tauri command; errors
// arrive as `CoreError` objects (see bindings.ts). Tests replace this module with vi.mock.
import { Channel, invoke } from '@tauri-apps/api/core'
import type {
  BusinessLine,
  ContactFields,
  CoreError,
  Customer,
  CustomerFields,
  CustomerPage,
  CustomerProfile,
  CustomerQuery,
  DbStatus,
  Facets,
  FinancialPeriod,
  ImportFile,
  ImportProgress,
  ImportRecord,
  ImportKind,
  ImportSpec,
  MainBusiness,
  MappingTemplate,
  Field,
  Preview,
  ProcessIt,
  ReportOptions,
  Restored,
  RoleAssessment,
  SearchResults,
  Settings,
  SpBp,
  Stats,
  Supplier,
} from './bindings'

export type { CoreError }
export type { BusinessLine }

function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  return invoke<T>(command, args)
}

export const api = {
  dbStatus: () => call<DbStatus>('db_status'),
  openDatabase: (path: string) => call<DbStatus>('open_database', { path }),
  loadSampleData: () => call<Stats>('load_sample_data'),
  listCustomers: (query: CustomerQuery) => call<CustomerPage>('list_customers', { query }),
  customerFacets: () => call<Facets>('customer_facets'),
  getCustomer: (id: number) => call<CustomerProfile>('get_customer', { id }),
  createCustomer: (fields: CustomerFields) => call<Customer>('create_customer', { fields }),
  updateCustomer: (id: number, fields: CustomerFields) =>
    call<CustomerProfile>('update_customer', { id, fields }),
  saveBusiness: (id: number, business: MainBusiness) =>
    call<CustomerProfile>('save_business', { id, business }),
  saveFinancials: (id: number, periods: FinancialPeriod[]) =>
    call<CustomerProfile>('save_financials', { id, periods }),
  saveSpBp: (id: number, spBp: SpBp) => call<CustomerProfile>('save_sp_bp', { id, spBp }),
  saveRoles: (id: number, roles: RoleAssessment[]) =>
    call<CustomerProfile>('save_roles', { id, roles }),
  saveSuppliers: (id: number, suppliers: Supplier[]) =>
    call<CustomerProfile>('save_suppliers', { id, suppliers }),
  saveProcessIt: (id: number, processIt: ProcessIt) =>
    call<CustomerProfile>('save_process_it', { id, processIt }),
  deleteCustomer: (id: number) => call<null>('delete_customer', { id }),
  createContact: (customerId: number, fields: ContactFields) =>
    call<CustomerProfile>('create_contact', { customerId, fields }),
  updateContact: (id: number, fields: ContactFields) =>
    call<CustomerProfile>('update_contact', { id, fields }),
  deleteContact: (id: number) => call<CustomerProfile>('delete_contact', { id }),
  undoDelete: () => call<Restored | null>('undo_delete'),
  search: (query: string, limit: number) => call<SearchResults>('search', { query, limit }),
  getSettings: () => call<Settings>('get_settings'),
  saveSettings: (settings: Settings) => call<Settings>('save_settings', { settings }),
  stats: () => call<Stats>('stats'),
  importInspect: (spec: ImportSpec) => call<ImportFile>('import_inspect', { spec }),
  importPreview: (spec: ImportSpec) => call<Preview>('import_preview', { spec }),
  /** Commits the import; `onProgress` receives the rows done so far (through a Tauri Channel). */
  importCommit: (spec: ImportSpec, onProgress: (p: ImportProgress) => void) => {
    const channel = new Channel<ImportProgress>()
    channel.onmessage = onProgress
    return call<ImportRecord>('import_commit', { spec, onProgress: channel })
  },
  importCancel: () => call<null>('import_cancel'),
  importHistory: () => call<ImportRecord[]>('import_history'),
  /** Saved column mappings of the import wizard (of one kind), most recent first. */
  mappingTemplates: (kind: ImportKind | null) => call<MappingTemplate[]>('mapping_templates', { kind }),
  /** Saves the mapping of `headers` under `name` (replacing a template of that name). */
  saveMappingTemplate: (name: string, kind: ImportKind, headers: string[], mapping: (Field | null)[]) =>
    call<MappingTemplate>('save_mapping_template', { name, kind, headers, mapping }),
  deleteMappingTemplate: (id: number) => call<null>('delete_mapping_template', { id }),
  /** The mapping of template `name` laid over a file's `headers` (by header text). */
  applyMappingTemplate: (name: string, kind: ImportKind, headers: string[]) =>
    call<(Field | null)[]>('apply_mapping_template', { name, kind, headers }),
  undoImport: (id: number) => call<ImportRecord>('undo_import', { id }),
  /** The team-meeting workbook (all customers) written to `path`. */
  exportTeamReport: (path: string, options: ReportOptions) =>
    call<null>('export_team_report', { path, options }),
  /** One customer's profile as a workbook, for a visit. */
  exportCustomer: (id: number, path: string, options: ReportOptions) =>
    call<null>('export_customer', { id, path, options }),
  /** An empty import template (headers, drop-downs) for `kind`. */
  exportTemplate: (kind: ImportKind, path: string) => call<null>('export_template', { kind, path }),
  /** The rows an import preview refuses, as a workbook to fix and re-import. */
  exportImportErrors: (spec: ImportSpec, path: string) =>
    call<null>('export_import_errors', { spec, path }),
}

export type Api = typeof api
