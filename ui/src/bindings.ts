// Generated from Rust by ts-rs (src-tauri/core/src/bindings.rs) — do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p dossier-core bindings

export type Grade = "A" | "B" | "C" | "D";

export type Lifecycle = "new" | "interested" | "following" | "quoting" | "negotiating" | "won" | "existing" | "lost";

export type Ownership = "state_owned" | "private" | "foreign" | "joint_venture" | "listed" | "public_institution";

export type LeadSource = "campaign" | "advertising" | "referral" | "trade_show" | "livestream" | "website" | "channel" | "self_sourced";

export type Trend = "rising" | "stable" | "declining";

export type BudgetType = "expansion" | "survival";

export type CashFlow = "loose" | "normal" | "tight";

export type Procurement = "tender" | "price_comparison" | "single_source";

export type AllocationRule = "lowest_price" | "quality_first" | "fixed_share" | "tender" | "relationship";

export type BuyingRole = "decision_maker" | "approver" | "evaluator" | "user" | "influencer" | "gatekeeper";

export type Coverage = "none" | "initial" | "repeated" | "deep";

export type Section = "overview" | "business" | "financials" | "sp_bp" | "power_map" | "key_persons" | "suppliers" | "process_it";

export type FinancialMetric = "inventory_days" | "receivable_days" | "revenue" | "gross_margin" | "cash_flow";

export type CustomerSort = "name" | "grade" | "lifecycle" | "industry" | "owner" | "completeness" | "updated_at";

export type HitKind = "customer" | "contact" | "visit" | "opportunity" | "supplier";

export type CustomerFields = { 
/**
 * Legal name (公司全称); required, unique after normalisation.
 */
name: string, shortName: string, ownership: Ownership | null, industry: string, region: string, headcount: number | null, 
/**
 * Founding date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
founded: string, stockCode: string, headquarters: string, subsidiaries: string, website: string, grade: Grade | null, lifecycle: Lifecycle | null, owner: string, collaborators: string, leadSource: LeadSource | null, tags: Array<string>, 
/**
 * The customer's own notes (备注): free text, as a customer list's 备注 column holds it.
 */
notes: string, };

export type Customer = { id: number, 
/**
 * Overall profile completeness, 0–100.
 */
completeness: number, createdAt: string, updatedAt: string, 
/**
 * Legal name (公司全称); required, unique after normalisation.
 */
name: string, shortName: string, ownership: Ownership | null, industry: string, region: string, headcount: number | null, 
/**
 * Founding date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
founded: string, stockCode: string, headquarters: string, subsidiaries: string, website: string, grade: Grade | null, lifecycle: Lifecycle | null, owner: string, collaborators: string, leadSource: LeadSource | null, tags: Array<string>, 
/**
 * The customer's own notes (备注): free text, as a customer list's 备注 column holds it.
 */
notes: string, };

export type BusinessLine = { name: string, 
/**
 * Share of revenue in percent, 0–100.
 */
share: number | null, products: string, };

export type MainBusiness = { lines: Array<BusinessLine>, mainProducts: string, marketPosition: string, trend: Trend | null, budgetType: BudgetType | null, };

export type FinancialPeriod = { 
/**
 * `YYYY`, `YYYY-MM` or `YYYY-Qn`; unique per customer.
 */
period: string, 
/**
 * Revenue in 万元.
 */
revenue: number | null, 
/**
 * Gross margin in percent.
 */
grossMargin: number | null, 
/**
 * Net profit in 万元 (may be negative).
 */
netProfit: number | null, inventoryDays: number | null, receivableDays: number | null, cashFlow: CashFlow | null, source: string, };

export type SpBp = { spGoals: string, spKeyProjects: string, bpGoals: string, bpKeyProjects: string, budgetApproved: boolean | null, 
/**
 * Approved budget in 万元.
 */
budgetAmount: number | null, howWeHelp: string, };

export type RoleAssessment = { contactId: number, buyingRole: BuyingRole | null, 
/**
 * Support for us, −2 (反对) … +2 (教练).
 */
support: number | null, 
/**
 * Influence 1–5.
 */
influence: number | null, coverage: Coverage | null, evidence: string, 
/**
 * When this assessment was made (YYYY-MM-DD); set by the store when empty.
 */
assessedOn: string, };

export type Supplier = { category: string, name: string, 
/**
 * Share of the category in percent.
 */
share: number | null, since: string, 
/**
 * Contract end date (YYYY-MM-DD or YYYY-MM).
 */
contractEnd: string, allocationRule: AllocationRule | null, strengths: string, weaknesses: string, 
/**
 * True for our own row (our share of the category).
 */
isUs: boolean, };

export type ProcessIt = { procurement: Procurement | null, approvalSteps: string, 
/**
 * Systems in use: ERP 用友/金蝶/SAP, SRM, MES…
 */
systems: Array<string>, 
/**
 * Digital maturity 1–5.
 */
digitalMaturity: number | null, integrationNeeds: string, };

export type ContactFields = { name: string, title: string, department: string, reportsTo: number | null, phone: string, wechat: string, email: string, isKeyPerson: boolean, 
/**
 * 性格特征 (personal).
 */
traits: string, 
/**
 * 破冰话题 (personal).
 */
iceBreakers: string, 
/**
 * 爱好 (personal).
 */
hobbies: string, 
/**
 * 饮品/饮食/礼品禁忌 (personal).
 */
preferences: string, 
/**
 * 痛点 / KPI 压力 (personal).
 */
painPoints: string, 
/**
 * 职业路径与抱负 (personal).
 */
career: string, 
/**
 * 沟通风格 (personal).
 */
communicationStyle: string, 
/**
 * 家庭 (personal).
 */
family: string, 
/**
 * 备注 (personal).
 */
notes: string, 
/**
 * Last contact date, YYYY-MM-DD.
 */
lastContact: string, };

export type PersonalField = "traits" | "iceBreakers" | "hobbies" | "preferences" | "painPoints" | "career" | "communicationStyle" | "family" | "notes";

export type Contact = { id: number, customerId: number, 
/**
 * Full pinyin of the name, for display next to rare characters and for search.
 */
pinyin: string, updatedAt: string, 
/**
 * The day of the latest follow-up record (跟进记录) the contact took part in, read from
 * the records (`None` when there is none); see [`Contact::last_contact`].
 */
followedUpOn: string | null, name: string, title: string, department: string, reportsTo: number | null, phone: string, wechat: string, email: string, isKeyPerson: boolean, 
/**
 * 性格特征 (personal).
 */
traits: string, 
/**
 * 破冰话题 (personal).
 */
iceBreakers: string, 
/**
 * 爱好 (personal).
 */
hobbies: string, 
/**
 * 饮品/饮食/礼品禁忌 (personal).
 */
preferences: string, 
/**
 * 痛点 / KPI 压力 (personal).
 */
painPoints: string, 
/**
 * 职业路径与抱负 (personal).
 */
career: string, 
/**
 * 沟通风格 (personal).
 */
communicationStyle: string, 
/**
 * 家庭 (personal).
 */
family: string, 
/**
 * 备注 (personal).
 */
notes: string, 
/**
 * Last contact date, YYYY-MM-DD.
 */
lastContact: string, };

export type SectionStatus = { section: Section, updatedAt: string | null, 
/**
 * 0–100.
 */
completeness: number, 
/**
 * Older than the configured staleness age.
 */
stale: boolean, };

export type FinancialSignal = { metric: FinancialMetric, fromPeriod: string, toPeriod: string, 
/**
 * The values compared (cash flow: none, it is a level; 0).
 */
fromValue: number, toValue: number, 
/**
 * Signed change in percent of the earlier value (cash flow: 0).
 */
changePct: number, };

export type CustomerProfile = { customer: Customer, business: MainBusiness, financials: Array<FinancialPeriod>, spBp: SpBp, roles: Array<RoleAssessment>, suppliers: Array<Supplier>, processIt: ProcessIt, contacts: Array<Contact>, sections: Array<SectionStatus>, signals: Array<FinancialSignal>, 
/**
 * The account-wide power map's status light and its reasons (the customer header).
 */
powerStatus: MapStatus, 
/**
 * 最近联系 of the customer: the day of its latest follow-up record (`None` without one).
 */
lastFollowUp: string | null, };

export type CustomerRow = { id: number, name: string, shortName: string, grade: Grade | null, lifecycle: Lifecycle | null, industry: string, region: string, owner: string, completeness: number, contactCount: number, updatedAt: string, 
/**
 * The account-wide power map's status light (kept in `customer.power_status`).
 */
powerStatus: StatusLight, };

export type CustomerQuery = { grades: Array<Grade>, lifecycles: Array<Lifecycle>, industries: Array<string>, owners: Array<string>, 
/**
 * Narrows the list by name, short name, pinyin or contact (the same matching as search).
 */
text: string, sort: CustomerSort, descending: boolean, offset: number, limit: number, };

export type CustomerPage = { rows: Array<CustomerRow>, total: number, };

export type Facets = { industries: Array<string>, 
/**
 * The customers' 负责人.
 */
owners: Array<string>, 
/**
 * The deals' 负责人 (the pipeline filters by these; a deal can be someone else's than its
 * customer's).
 */
dealOwners: Array<string>, };

export type MatchField = "name" | "competitor" | "lost_to" | "goal" | "summary" | "decision" | "need" | "objection" | "commitment" | "quote" | "competitor_news" | "risk" | "opportunity" | "action";

export type Snippet = { field: MatchField, 
/**
 * The text before the match (cut, with "…", when long; the whole title for `name`).
 */
before: string, 
/**
 * The match as written.
 */
matched: string, after: string, };

export type SearchHit = { kind: HitKind, id: number, 
/**
 * The customer to open (the customer itself, or the one the hit belongs to).
 */
customerId: number, title: string, subtitle: string, 
/**
 * Where the query is in the hit's text, when it is there as typed (not when found through
 * the pinyin of a name or the digits of a phone number).
 */
snippet: Snippet | null, };

export type SearchResults = { customers: Array<SearchHit>, contacts: Array<SearchHit>, 
/**
 * Follow-up records (跟进记录), newest first.
 */
visits: Array<SearchHit>, opportunities: Array<SearchHit>, 
/**
 * Suppliers named in the customers' profiles: our competitors there.
 */
suppliers: Array<SearchHit>, 
/**
 * Customers and contacts of a large import whose search entries are still being written
 * (0 once the index has caught up). Meanwhile they are found by their names only.
 */
pendingIndex: number, };

export type SearchIndexRepair = { "type": "rebuilding" } | { "type": "failed", "data": { error: CoreError, } };

export type PurchaseFields = { 
/**
 * `YYYY-MM`.
 */
month: string, 
/**
 * `YYYY-MM-DD` when the source had a full date, else empty.
 */
day: string, product: string, category: string, 
/**
 * Negative for returns.
 */
quantity: number | null, amount: number | null, 
/**
 * ISO code; `CNY` unless the source said otherwise.
 */
currency: string, };

export type Stats = { customers: number, contacts: number, financialPeriods: number, suppliers: number, roleAssessments: number, purchases: number, };

export type Settings = { 
/**
 * A dimension not updated for this many months is flagged stale.
 */
staleMonths: number, 
/**
 * Turnover days moving by at least this percentage between periods raise a signal.
 */
turnoverChangePct: number, 
/**
 * Revenue or gross margin falling by at least this percentage of the earlier period's
 * value raise a signal (1–100).
 */
financialDeclinePct: number, 
/**
 * Purchase trends (see `trends::detect`); fields missing from settings saved by an older
 * version take these defaults. This many consecutive monthly declines of a product (1–12).
 */
declineMonths: number, 
/**
 * A month at least this % above the trailing 3-month average is a surge (1–1000).
 */
surgePct: number, 
/**
 * The last 3 months this % above or below the same months a year earlier (1–1000).
 */
yoyPct: number, 
/**
 * A product not bought for this many months has stopped (1–12).
 */
stoppedMonths: number, 
/**
 * A product first bought within this many months is new (1–12).
 */
newProductMonths: number, 
/**
 * Default probability of each open opportunity stage (settings saved before it read
 * with these defaults).
 */
stageProbabilities: StageProbabilities, 
/**
 * The risk rules' switches and thresholds (likewise).
 */
risk: RiskSettings, 
/**
 * The desktop reminder of due and overdue next actions (likewise).
 */
notify: NotifySettings, 
/**
 * Days a deleted record stays in the trash before it is purged for good (1–365).
 */
trashDays: number, };

export type NotifySettings = { enabled: boolean, 
/**
 * Local time of the daily reminder, HH:MM (24-hour).
 */
time: string, 
/**
 * Who is at the laptop (「我的负责人姓名」: 负责人 names as written on customers and actions); empty =
 * everyone. The reminder counts only their actions and 今日 starts filtered to them: a
 * shared database holds a team's actions, while 今日 and the reminder are for one person.
 */
owners: Array<string>, };

export type DeletedKind = "customer" | "contact" | "visit" | "opportunity";

export type Restored = { kind: DeletedKind, id: number, customerId: number, name: string, };

export type TrashContents = { contacts: number, opportunities: number, visits: number, actions: number, purchases: number, powerScopes: number, };

export type TrashEntry = { id: number, kind: DeletedKind, 
/**
 * The record's id when it was deleted.
 */
recordId: number, customerId: number, customerName: string, 
/**
 * The record's name (a summary: its date and goal).
 */
name: string, deletedAt: string, 
/**
 * When it leaves for good (deleted_at + `Settings::trash_days`).
 */
expiresAt: string, 
/**
 * The import whose undo put it here, if any.
 */
importId: number | null, contents: TrashContents, };

export type TrashPage = { entries: Array<TrashEntry>, total: number, };

export type DbStatus = { path: string, error: CoreError | null, 
/**
 * True when the open database holds no customer yet (the welcome screen).
 */
empty: boolean, };

export type Reason = "required" | "too_long" | "duplicate" | "out_of_range" | "invalid_date" | "invalid_period" | "repeated" | "invalid_email" | "invalid_reference" | "cycle" | "over_contract" | "not_won";

export type Detail = { "kind": "none" } | { "kind": "text", text: string, } | { "kind": "missingFields", fields: Array<string>, } | { "kind": "hasBoss", boss: ContactRef, } | { "kind": "cycle", path: Array<ContactRef>, } | { "kind": "toSelf" } | { "kind": "otherCustomer" } | { "kind": "noSuchContact" } | { "kind": "edge", edge: EdgeKind, };

export type CoreError = { "type": "validation", "data": { field: string, reason: Reason, detail: Detail, } } | { "type": "notFound", "data": { entity: string, id: number, } } | { "type": "notSqlite", "data": { path: string, } } | { "type": "notDossier", "data": { path: string, } } | { "type": "corrupt", "data": { path: string, detail: string, } } | { "type": "tooNew", "data": { path: string, found: number, supported: number, } } | { "type": "databaseMissing", "data": { path: string, } } | { "type": "io", "data": { path: string, detail: string, } } | { "type": "unreadable", "data": { error: ReadError, } } | { "type": "cancelled" } | { "type": "alreadyUndone", "data": { id: number, } } | { "type": "customerInTrash", "data": { customerId: number, name: string, trashId: number | null, } } | { "type": "closed" } | { "type": "inUse", "data": { path: string, } } | { "type": "diskFull", "data": { path: string | null, } } | { "type": "busy" } | { "type": "backup", "data": { reason: BackupFailure, path: string, detail: string, } } | { "type": "database", "data": { detail: string, } } | { "type": "fileNotChosen" } | { "type": "wouldOverwriteDatabase", "data": { path: string, } };

export type FilePurpose = "import" | "xlsx" | "png" | "svg" | "pdf" | "openDatabase" | "newDatabase" | "backupFolder";

export type ChosenFile = { token: string, name: string, path: string, };

export type RecentDatabase = { 
/**
 * The file name, which the menu shows.
 */
name: string, 
/**
 * The whole path, shown beside it (the page never sends it back).
 */
path: string, 
/**
 * The file is gone (moved, deleted, on a disk not plugged in): shown as missing.
 */
missing: boolean, 
/**
 * The database open now.
 */
current: boolean, };

export type MenuAction = { "action": "newCustomer" } | { "action": "import" } | { "action": "exportTeamReport" } | { "action": "openDatabase" } | { "action": "newDatabase" } | { "action": "openRecent", index: number, } | { "action": "manageRecent" } | { "action": "backup" } | { "action": "undo" } | { "action": "find" } | { "action": "presentation" } | { "action": "darkMode" } | { "action": "about" };

export type MenuLook = { 
/**
 * The page's locale: `en`, else Chinese.
 */
language: string, presenting: boolean, dark: boolean, };

export type Field = "customer_name" | "short_name" | "industry" | "region" | "province" | "city" | "district" | "grade" | "lifecycle" | "owner" | "ownership" | "headcount" | "founded" | "website" | "stock_code" | "headquarters" | "lead_source" | "tags" | "notes" | "revenue" | "fiscal_year" | "contact_name" | "title" | "department" | "phone" | "wechat" | "email" | "month" | "product" | "category" | "quantity" | "amount" | "visit_date" | "visit_method" | "place" | "goal" | "summary" | "participants" | "our_participants" | "needs" | "next_action" | "action_owner" | "action_due" | "deal_name" | "stage" | "probability" | "expected_close" | "competitors" | "quote_amount" | "quote_date" | "contract_amount" | "contract_date" | "lost_reason" | "lost_note";

export type ImportKind = "customers" | "contacts" | "purchases" | "visits" | "opportunities";

export type OnDuplicate = "skip" | "fill" | "overwrite";

export type TextEncoding = "utf8" | "utf16le" | "utf16be" | "gb18030" | "big5" | "windows1252";

export type ValueError = { "code": "unrecognized_date", "text": string } | { "code": "invalid_date", "text": string } | { "code": "unrecognized_number", "text": string } | { "code": "error_cell", "text": string } | { "code": "formula", "text": string } | { "code": "undecodable", "text": string };

export type Problem = { "code": "value", value: ValueError, } | { "code": "required" } | { "code": "unknown_label", text: string, } | { "code": "unknown_customer", name: string, } | { "code": "unknown_contact", name: string, } | { "code": "unknown_deal", name: string, } | { "code": "not_yuan", currency: string, } | { "code": "stage_gate", stage: Stage, missing: Array<Field>, } | { "code": "not_a_month", text: string, } | { "code": "invalid", reason: Reason, detail: string, };

export type CellIssue = { 
/**
 * 1-based row number as the spreadsheet shows it.
 */
row: number, 
/**
 * Column letter as the spreadsheet shows it ("C").
 */
column: string, header: string, field: Field, problem: Problem, };

export type RowStatus = "new" | "update" | "duplicate" | "duplicate_in_file" | "error";

export type RowPlan = { row: number, status: RowStatus, 
/**
 * The customer (and contact) the row is about, for the preview table.
 */
title: string, issues: Array<CellIssue>, };

export type Counts = { new: number, update: number, duplicate: number, duplicateInFile: number, error: number, };

export type Preview = { sheet: string, 
/**
 * 1-based.
 */
headerRow: number, headers: Array<string>, mapping: Array<Field | null>, rows: Array<RowPlan>, counts: Counts, 
/**
 * Every column that is not imported, with its reason.
 */
skipped: Array<SkippedColumn>, 
/**
 * The year revenue is imported as, when the file does not say (no year in the revenue
 * column's header, no year column): the spec's `revenueYear`, else last year. `None`
 * when no revenue is imported or the file gives its years.
 */
revenueYear: number | null, };

export type SkipReason = { "code": "unmapped" } | { "code": "not_for_kind", field: Field, } | { "code": "empty" } | { "code": "duplicate", field: Field, column: string, header: string, };

export type SkippedColumn = { 
/**
 * Column letter as the spreadsheet shows it.
 */
column: string, header: string, reason: SkipReason, };

export type ImportFile = { file: string, sheets: Array<string>, 
/**
 * The sheet shown (the requested one, or the first with data).
 */
sheet: string, 
/**
 * The first rows as text, for choosing the header row.
 */
sample: Array<Array<string>>, 
/**
 * Detected header row, 1-based.
 */
headerRow: number, headers: Array<string>, mapping: Array<Field | null>, dataRows: number, 
/**
 * The saved mapping template `mapping` comes from, when one fits the headers
 * (`Store::inspect_import`); `None` for the suggestion from header synonyms.
 */
template: string | null, 
/**
 * The encoding a text file was read in: the one chosen, else the one detected (shown so
 * that a wrong guess can be corrected); `None` for a workbook.
 */
encoding: TextEncoding | null, };

export type CellFix = { 
/**
 * 1-based row number as the spreadsheet shows it (as in `CellIssue::row`).
 */
row: number, 
/**
 * 0-based column index.
 */
column: number, 
/**
 * The new text; empty clears the cell.
 */
value: string, };

export type ImportSpec = { path: string, kind: ImportKind, sheet: string | null, 
/**
 * 1-based; detected when absent.
 */
headerRow: number | null, 
/**
 * One entry per column; suggested from the headers when absent.
 */
mapping: Array<Field | null> | null, encoding: TextEncoding | null, onDuplicate: OnDuplicate, 
/**
 * Cells corrected in the preview, applied to the sheet as it is read (so the preview, the
 * commit and the error report all see the corrected values). The file is not changed.
 */
fixes: Array<CellFix>, 
/**
 * The year revenue columns are of when the file does not say (see
 * `Preview::revenue_year`); last year when `None`.
 */
revenueYear: number | null, };

export type ImportProgress = { done: number, total: number, };

export type ImportRecord = { id: number, file: string, sheet: string, kind: string, created: number, updated: number, skipped: number, errors: number, importedAt: string, undoneAt: string | null, };

export type EditedRecord = { kind: HitKind, id: number, name: string, 
/**
 * The fields (camelCase, as in `CustomerFields`/`ContactFields`) the import changed and
 * someone changed again since. For an import made before Dossier kept what imports
 * wrote: every field that differs from before the import, when the record was saved after it.
 */
fields: Array<string>, };

export type ImportUndoPreview = { id: number, 
/**
 * Customers it created that go to the trash (with whatever was added to them since).
 */
customers: number, 
/**
 * Contacts it added to existing customers that go to the trash.
 */
contacts: number, 
/**
 * Purchase records it created, deleted.
 */
purchases: number, 
/**
 * Follow-up records it created that go to the trash.
 */
visits: number, 
/**
 * Opportunities it created that go to the trash (their follow-up records stay, untied).
 */
opportunities: number, 
/**
 * Records it updated that get their previous values back.
 */
reverted: number, 
/**
 * Of those, the ones edited since: left as edited unless `revert_edited`.
 */
edited: Array<EditedRecord>, };

export type ReadError = { "type": "unreadable", "data": { file: string, reason: string, } } | { "type": "encrypted", "data": { file: string, } } | { "type": "noSuchSheet", "data": { file: string, sheet: string, available: Array<string>, } } | { "type": "empty", "data": { file: string, } } | { "type": "tooLarge", "data": { file: string, sheet: string, what: string, limit: number, } } | { "type": "unknownFormat", "data": { file: string, } } | { "type": "headerOnly", "data": { file: string, sheet: string, } } | { "type": "duplicateMapping", "data": { file: string, sheet: string, field: string, columns: Array<string>, headers: Array<string>, } };

export type MappingTemplate = { id: number, name: string, kind: ImportKind, 
/**
 * The header row it was saved from, normalised.
 */
headers: Array<string>, 
/**
 * The field of each column of `headers` (null = not imported).
 */
mapping: Array<Field | null>, createdAt: string, updatedAt: string, };

export type TemplateMatch = { name: string, 
/**
 * One entry per column of the file.
 */
mapping: Array<Field | null>, 
/**
 * True when the file's header row is exactly the template's.
 */
exact: boolean, };

export type Language = "zh" | "en";

export type ReportOptions = { language: Language, 
/**
 * Include the sensitive contact fields (hobbies, preferences, family; docs/contacts.md).
 * Off by default: an exported file travels further than the app.
 */
includePersonal: boolean, };

export type TeamFilter = { 
/**
 * The 负责人 whose customers and deals it lists; empty: everyone.
 */
owners: Array<string>, 
/**
 * The period of its visit summaries, lost deals, 回款 (installments due, payments
 * received) and 交付 (milestones planned or done, and those late today); `None`: all
 * time. Customers, open deals and the forecast are as they stand today whatever the
 * period.
 */
period: PeriodQuery | null, };

export type StatusLight = "unknown" | "red" | "amber" | "green";

export type EdgeKind = "reports_to" | "influences" | "conflicts";

export type ContactRef = { id: number, name: string, };

export type Assessment = { contactId: number, buyingRole: BuyingRole | null, 
/**
 * Support for us, −2 (反对) … +2 (教练).
 */
support: number | null, 
/**
 * Influence 1–5.
 */
influence: number | null, 
/**
 * How deep our team's relationship is: 未接触/初步/多次/深度.
 */
coverage: Coverage | null, 
/**
 * Who of our team covers the contact (free text, e.g. "张伟").
 */
coveredBy: string, 
/**
 * Why we judge so (what was said, seen, heard).
 */
evidence: string, 
/**
 * When this assessment was made (YYYY-MM-DD); today when left empty.
 */
assessedOn: string, };

export type StatusReason = { "code": "not_assessed" } | { "code": "no_supportive_key_player" } | { "code": "no_supportive_decider", "data": { supporters: Array<ContactRef>, } } | { "code": "supportive_decider", "data": { contacts: Array<ContactRef>, } } | { "code": "empty_slot", "data": { slotId: number, buyingRole: BuyingRole, label: string, } };

export type MapStatus = { light: StatusLight, reasons: Array<StatusReason>, };

export type Point = { x: number, y: number, };

export type MapNode = { contactId: number, name: string, title: string, department: string, isKeyPerson: boolean, 
/**
 * Counts as a key player for the status light: a key person, influence ≥ 4, or a
 * decision maker / approver.
 */
keyPlayer: boolean, 
/**
 * The formal boss (reports-to), when they are on the map.
 */
reportsTo: number | null, 
/**
 * This scope's assessment; `None` when the contact is not assessed in this scope.
 */
assessment: Assessment | null, 
/**
 * Influence ≥ 4 and coverage 未接触 or not recorded: nobody of ours really knows them.
 */
coverageGap: boolean, 
/**
 * The node's centre: where the user dragged it (`pinned`) or the computed layout.
 */
x: number, y: number, pinned: boolean, };

export type MapEdge = { 
/**
 * The stored edge's id; `None` for reports-to (stored on the contact).
 */
id: number | null, kind: EdgeKind, from: number, to: number, label: string, 
/**
 * Where the edge is kept: `None` = account-wide (shown in every scope), else the scope.
 */
scopeId: number | null, };

export type MapSlot = { id: number, buyingRole: BuyingRole, label: string, 
/**
 * Who fills it (contacts of the scope with this buying role); empty = a red risk.
 */
filledBy: Array<ContactRef>, 
/**
 * The dashed placeholder node's centre while the slot is empty.
 */
placeholder: Point | null, };

export type SlotInput = { buyingRole: BuyingRole, label: string, };

export type NewEdge = { kind: EdgeKind, from: number, to: number, label: string, };

export type NodePosition = { contactId: number, x: number, y: number, };

export type ScopeSummary = { id: number | null, 
/**
 * Empty for the account-wide map (the UI labels it).
 */
name: string, light: StatusLight, };

export type MapView = { customerId: number, scopeId: number | null, scopeName: string, 
/**
 * Every scope of the customer, account-wide first, then by name.
 */
scopes: Array<ScopeSummary>, 
/**
 * Every live contact of the customer (all scopes show the same contacts).
 */
nodes: Array<MapNode>, edges: Array<MapEdge>, slots: Array<MapSlot>, status: MapStatus, 
/**
 * The date of a past view ([`crate::Store::power_map_as_of`]); `None` for today's.
 */
asOf: string | null, 
/**
 * The extent of the drawing (nodes and placeholders), for fit-to-screen.
 */
min: Point, max: Point, };

export type EdgeSnapshot = { 
/**
 * The stored edge's id; `None` for reports-to.
 */
id: number | null, kind: EdgeKind, from: ContactRef, to: ContactRef, label: string, scopeId: number | null, };

export type HistoryChange = { "kind": "assessment", "data": { old: Assessment | null, new: Assessment | null, fields: Array<string>, } } | { "kind": "reports_to", "data": { old: ContactRef | null, new: ContactRef | null, } } | { "kind": "edge", "data": { old: EdgeSnapshot | null, new: EdgeSnapshot | null, } };

export type HistoryEntry = { id: number, 
/**
 * The day the change counts from (an assessment's date when back-dated).
 */
changedOn: string, recordedAt: string, scopeId: number | null, 
/**
 * Whom it is about (an edge's source); today's name when the contact still exists.
 */
contact: ContactRef, change: HistoryChange, };

export type AssessmentDiff = { contact: ContactRef, then: Assessment | null, now: Assessment | null, fields: Array<string>, };

export type MapDiff = { asOf: string, newContacts: Array<ContactRef>, removedContacts: Array<ContactRef>, changed: Array<AssessmentDiff>, addedEdges: Array<EdgeSnapshot>, removedEdges: Array<EdgeSnapshot>, statusThen: MapStatus, statusNow: MapStatus, };

export type CoverageRow = { contact: ContactRef, title: string, influence: number | null, coverage: Coverage | null, coveredBy: string, 
/**
 * Influence ≥ 4 and coverage 未接触 or not recorded.
 */
flagged: boolean, };

export type ScopeRef = { id: number | null, name: string, };

export type ContactRemoval = { contact: ContactRef, 
/**
 * Influence/conflict edges in any scope, and reports-to links to and from them.
 */
edges: Array<EdgeSnapshot>, 
/**
 * The scopes in which they are assessed.
 */
assessments: Array<ScopeRef>, };

export type SignalKind = "decline" | "surge" | "yoy_drop" | "yoy_rise" | "stopped" | "new_product" | "financial" | "repurchase";

export type Severity = "high" | "medium" | "low";

export type TrendSignal = { customerId: number, customerName: string, kind: SignalKind, severity: Severity, 
/**
 * The product (empty for a financial signal).
 */
product: string, 
/**
 * The product's latest category ("" = none).
 */
category: string, 
/**
 * Set for [`SignalKind::Financial`].
 */
metric: FinancialMetric | null, months: Array<string>, values: Array<number>, 
/**
 * What `to` is compared with: the trailing 3 months of a surge, the year-earlier months of
 * a year-on-year change; empty otherwise.
 */
baselineMonths: Array<string>, from: number, to: number, 
/**
 * Signed change of `to` against `from`, in percent, when `from` is positive.
 */
changePct: number | null, impact: number, 
/**
 * One line in Chinese: "产品A 连续 3 个月下降：120 → 95 → 70 → 52 万元".
 */
text: string, };

export type TrendRange = { "kind": "last", months: number, } | { "kind": "custom", from: string, to: string, };

export type TrendSeries = { name: string, 
/**
 * The product's latest category ("" for categories and the total).
 */
category: string, 
/**
 * CNY amounts.
 */
amount: Array<number>, 
/**
 * Quantities (of every currency's records: a quantity has no currency).
 */
quantity: Array<number>, previousAmount: Array<number>, previousQuantity: Array<number>, 
/**
 * Over the range.
 */
totalAmount: number, totalQuantity: number, 
/**
 * Records in the range (any currency).
 */
records: number, };

export type ShareSeries = { category: string, sharePct: Array<number>, };

export type OtherCurrency = { currency: string, records: number, 
/**
 * In that currency.
 */
amount: number, };

export type TrendData = { customerId: number, customerName: string, 
/**
 * The x axis, `YYYY-MM`, consecutive, oldest first.
 */
months: Array<string>, 
/**
 * The same months a year earlier (the overlay's x labels).
 */
previousMonths: Array<string>, 
/**
 * Products with a record in the range or a year earlier, largest CNY total first: also
 * the product list with its totals.
 */
products: Array<TrendSeries>, 
/**
 * The same per category, largest first ("" = uncategorised).
 */
categories: Array<TrendSeries>, total: TrendSeries, categoryShares: Array<ShareSeries>, 
/**
 * This customer's signals (purchases and financials), most severe first.
 */
signals: Array<TrendSignal>, 
/**
 * The last complete month (the month before the clock's): what the detectors look at.
 */
evaluatedMonth: string, 
/**
 * Records in other currencies in the range, per currency.
 */
otherCurrencies: Array<OtherCurrency>, 
/**
 * Records in the range with a negative quantity or amount (returns).
 */
returnRecords: number, 
/**
 * Records of this customer dated after the clock's month (anywhere, not only the range).
 */
futureRecords: number, };

export type Purchase = { id: number, customerId: number, future: boolean, 
/**
 * `YYYY-MM`.
 */
month: string, 
/**
 * `YYYY-MM-DD` when the source had a full date, else empty.
 */
day: string, product: string, category: string, 
/**
 * Negative for returns.
 */
quantity: number | null, amount: number | null, 
/**
 * ISO code; `CNY` unless the source said otherwise.
 */
currency: string, };

export type PurchaseQuery = { product: string, 
/**
 * `YYYY-MM`, inclusive.
 */
from: string, to: string, offset: number, 
/**
 * 1–1000.
 */
limit: number, };

export type PurchasePage = { rows: Array<Purchase>, total: number, };

export type FeedQuery = { grades: Array<Grade>, owners: Array<string>, kinds: Array<SignalKind>, offset: number, 
/**
 * 1–500.
 */
limit: number, };

export type SignalFeed = { signals: Array<TrendSignal>, 
/**
 * Matching signals in all pages.
 */
total: number, evaluatedMonth: string, };

export type PortfolioQuery = { range: TrendRange, grades: Array<Grade>, owners: Array<string>, 
/**
 * 0–50 (default 5).
 */
movers: number, };

export type Mover = { customerId: number, customerName: string, 
/**
 * CNY of the last 3 months of the range, and of the same months a year earlier.
 */
recent: number, earlier: number, change: number, changePct: number | null, 
/**
 * The customer's CNY per month of [`PortfolioTrend::months`].
 */
amount: Array<number>, };

export type PortfolioTrend = { months: Array<string>, total: Array<number>, 
/**
 * The same months a year earlier.
 */
previousTotal: Array<number>, 
/**
 * Largest absolute change first; growth and decline alike.
 */
movers: Array<Mover>, 
/**
 * Records in other currencies in the range, left out of `total`.
 */
otherCurrencyRecords: number, };

export type Stage = "initiation" | "needs" | "solution" | "quote" | "negotiation" | "contract" | "won" | "lost";

export type LostReason = "price" | "product" | "relationship" | "budget" | "timing" | "service" | "other";

export type OpportunitySort = "expected_close" | "amount" | "stage" | "name" | "updated_at";

export type LostReview = { 
/**
 * Who won it (a competitor's name; empty when unknown or nobody).
 */
lostTo: string, reason: LostReason | null, text: string, 
/**
 * The stage it was lost at; set by the store from the stage before 丢单.
 */
stageLostAt: Stage | null, 
/**
 * What next (keep in touch for the next tender, …).
 */
next: string, };

export type OpportunityFields = { name: string, 
/**
 * 负责人 on our side.
 */
owner: string, 
/**
 * 元; required, > 0.
 */
amount: number | null, stage: Stage, 
/**
 * Overrides the stage's default probability (0–100).
 */
probability: number | null, 
/**
 * YYYY-MM-DD.
 */
expectedClose: string, 
/**
 * The power-map scope of this deal (a named scope of the same customer).
 */
scopeId: number | null, 
/**
 * Key persons: contact ids of the customer.
 */
keyPersons: Array<number>, 
/**
 * The customer's budget, 元.
 */
budget: number | null, competitors: Array<string>, 
/**
 * Needs confirmed for the deal, besides those in its visit summaries.
 */
needs: string, quoteAmount: number | null, quoteDate: string, contractAmount: number | null, contractDate: string, notes: string, 
/**
 * 需单独跟进: only the follow-up records tied to this deal count for its no-follow-up light
 * (a big deal with its own people, where a visit about another matter says nothing of it).
 */
ownFollowUpRequired: boolean, 
/**
 * Required when the stage is 丢单.
 */
lostReview: LostReview | null, };

export type Opportunity = { id: number, customerId: number, customerName: string, 
/**
 * The probability in use: the override, else the stage's default.
 */
effectiveProbability: number, 
/**
 * amount × probability.
 */
weighted: number, 
/**
 * The day the current stage began.
 */
stageSince: string, createdAt: string, updatedAt: string, name: string, 
/**
 * 负责人 on our side.
 */
owner: string, 
/**
 * 元; required, > 0.
 */
amount: number | null, stage: Stage, 
/**
 * Overrides the stage's default probability (0–100).
 */
probability: number | null, 
/**
 * YYYY-MM-DD.
 */
expectedClose: string, 
/**
 * The power-map scope of this deal (a named scope of the same customer).
 */
scopeId: number | null, 
/**
 * Key persons: contact ids of the customer.
 */
keyPersons: Array<number>, 
/**
 * The customer's budget, 元.
 */
budget: number | null, competitors: Array<string>, 
/**
 * Needs confirmed for the deal, besides those in its visit summaries.
 */
needs: string, quoteAmount: number | null, quoteDate: string, contractAmount: number | null, contractDate: string, notes: string, 
/**
 * 需单独跟进: only the follow-up records tied to this deal count for its no-follow-up light
 * (a big deal with its own people, where a visit about another matter says nothing of it).
 */
ownFollowUpRequired: boolean, 
/**
 * Required when the stage is 丢单.
 */
lostReview: LostReview | null, };

export type StageProbabilities = { initiation: number, needs: number, solution: number, quote: number, negotiation: number, contract: number, };

export type StageChange = { opportunityId: number, 
/**
 * `None` for the creation.
 */
from: Stage | null, to: Stage, changedOn: string, };

export type OpportunityQuery = { customerId: number | null, 
/**
 * The deals' own 负责人 (not their customers').
 */
owners: Array<string>, 
/**
 * The customers' grades (A 类 accounts' deals alone, say).
 */
grades: Array<Grade>, stages: Array<Stage>, 
/**
 * Expected close from/to (YYYY-MM-DD, inclusive); empty = open-ended.
 */
closeFrom: string, closeTo: string, sort: OpportunitySort, descending: boolean, offset: number, limit: number, };

export type OpportunityRow = { risk: RiskLight, id: number, customerId: number, customerName: string, 
/**
 * The probability in use: the override, else the stage's default.
 */
effectiveProbability: number, 
/**
 * amount × probability.
 */
weighted: number, 
/**
 * The day the current stage began.
 */
stageSince: string, createdAt: string, updatedAt: string, name: string, 
/**
 * 负责人 on our side.
 */
owner: string, 
/**
 * 元; required, > 0.
 */
amount: number | null, stage: Stage, 
/**
 * Overrides the stage's default probability (0–100).
 */
probability: number | null, 
/**
 * YYYY-MM-DD.
 */
expectedClose: string, 
/**
 * The power-map scope of this deal (a named scope of the same customer).
 */
scopeId: number | null, 
/**
 * Key persons: contact ids of the customer.
 */
keyPersons: Array<number>, 
/**
 * The customer's budget, 元.
 */
budget: number | null, competitors: Array<string>, 
/**
 * Needs confirmed for the deal, besides those in its visit summaries.
 */
needs: string, quoteAmount: number | null, quoteDate: string, contractAmount: number | null, contractDate: string, notes: string, 
/**
 * 需单独跟进: only the follow-up records tied to this deal count for its no-follow-up light
 * (a big deal with its own people, where a visit about another matter says nothing of it).
 */
ownFollowUpRequired: boolean, 
/**
 * Required when the stage is 丢单.
 */
lostReview: LostReview | null, };

export type OpportunityPage = { rows: Array<OpportunityRow>, total: number, };

export type BoardColumn = { stage: Stage, count: number, amount: number, weighted: number, cards: Array<OpportunityRow>, };

export type ForecastRow = { key: string, count: number, amount: number, 
/**
 * Σ amount × probability.
 */
weighted: number, };

export type FunnelStep = { stage: Stage, count: number, amount: number, reached: number, };

export type LostRow = { key: string, count: number, amount: number, };

export type PipelineAnalytics = { 
/**
 * Open opportunities by expected-close month, in month order.
 */
byMonth: Array<ForecastRow>, 
/**
 * Open opportunities by owner, largest weighted first.
 */
byOwner: Array<ForecastRow>, total: ForecastRow, funnel: Array<FunnelStep>, lostByReason: Array<LostRow>, lostByCompetitor: Array<LostRow>, lostByStage: Array<LostRow>, };

export type StageStatsQuery = { 
/**
 * YYYY-MM-DD, both included; empty: open-ended.
 */
from: string, to: string, 
/**
 * The deals' own 负责人; empty: everyone.
 */
owners: Array<string>, 
/**
 * Their customers' grades; empty: any.
 */
grades: Array<Grade>, };

export type StageDwell = { stage: Stage, entered: number, 
/**
 * Moved on to a later stage (成交 included).
 */
advanced: number, lost: number, 
/**
 * Moved back to an earlier stage.
 */
back: number, stillThere: number, 
/**
 * advanced ÷ the stays that ended (advanced + lost + back), 0–1; `None` when none ended.
 */
conversion: number | null, 
/**
 * Days of the stays that ended; `None` when none ended.
 */
medianDays: number | null, averageDays: number | null, };

export type SalesCycle = { won: number, medianDays: number | null, averageDays: number | null, };

export type WinRate = { 
/**
 * The owner's name, the industry as written, a grade, lead-source or competitor code or
 * name; "" when not written.
 */
key: string, won: number, lost: number, rate: number, };

export type LostMonth = { 
/**
 * YYYY-MM of the day lost.
 */
month: string, 
/**
 * `None`: no reason written.
 */
reason: LostReason | null, count: number, 
/**
 * Their amounts, 元.
 */
amount: number, };

export type StageStats = { 
/**
 * The open stages in pipeline order.
 */
stages: Array<StageDwell>, cycle: SalesCycle, byOwner: Array<WinRate>, byIndustry: Array<WinRate>, byGrade: Array<WinRate>, bySource: Array<WinRate>, 
/**
 * Each competitor a closed deal named (a deal naming two counts for both).
 */
byCompetitor: Array<WinRate>, 
/**
 * The deals lost in the period by month and reason, in month order.
 */
lostByMonth: Array<LostMonth>, };

export type MilestoneStatus = "not_started" | "in_progress" | "done";

export type InstallmentFields = { 
/**
 * 元, > 0.
 */
amount: number | null, 
/**
 * YYYY-MM-DD, required.
 */
dueDate: string, 
/**
 * When it falls due in the contract's words: 签约后, 到货后, 验收后 …
 */
condition: string, note: string, };

export type PlanInput = { installments: Array<InstallmentFields>, 
/**
 * The user confirmed a plan summing above the contract amount.
 */
confirmOver: boolean, };

export type Installment = { id: number, 
/**
 * 第 n 期, 1-based, in due-date order.
 */
seq: number, amount: number, dueDate: string, condition: string, note: string, 
/**
 * What the payments received cover of it, oldest installment first.
 */
covered: number, 
/**
 * The part not covered while its due date has passed (0 when not overdue).
 */
overdue: number, 
/**
 * Days since its due date while overdue.
 */
daysOverdue: number | null, };

export type PaymentFields = { 
/**
 * YYYY-MM-DD: not before the contract date, not after today.
 */
receivedOn: string, 
/**
 * 元, > 0.
 */
amount: number | null, note: string, };

export type Payment = { id: number, receivedOn: string, amount: number, note: string, };

export type PaymentPlan = { opportunityId: number, 
/**
 * Only a won deal takes a plan and payments.
 */
won: boolean, 
/**
 * The contract amount (else the deal's amount), 元.
 */
contractAmount: number, 
/**
 * The earliest day a payment may be dated: the contract date (else the day it was won).
 */
contractDate: string, installments: Array<Installment>, 
/**
 * Newest first.
 */
payments: Array<Payment>, plannedTotal: number, receivedTotal: number, 
/**
 * The contract amount not yet received (never below 0).
 */
outstanding: number, 
/**
 * The installments' parts overdue and not covered.
 */
overdueAmount: number, 
/**
 * Planned total − contract amount: below 0 the plan is short of the contract.
 */
planDifference: number, };

export type MilestoneFields = { name: string, 
/**
 * YYYY-MM-DD or empty.
 */
plannedDate: string, 
/**
 * YYYY-MM-DD or empty; not after today.
 */
actualDate: string, 
/**
 * Who on our side sees to it.
 */
owner: string, status: MilestoneStatus, };

export type Milestone = { id: number, seq: number, 
/**
 * Its planned date has passed and it is not done.
 */
overdue: boolean, name: string, 
/**
 * YYYY-MM-DD or empty.
 */
plannedDate: string, 
/**
 * YYYY-MM-DD or empty; not after today.
 */
actualDate: string, 
/**
 * Who on our side sees to it.
 */
owner: string, status: MilestoneStatus, };

export type WonOverdueKind = "installment" | "milestone";

export type WonOverdue = { kind: WonOverdueKind, customerId: number, customerName: string, opportunityId: number, opportunityName: string, 
/**
 * The deal's 负责人 (an installment), the milestone's owner else the deal's (a milestone).
 */
owner: string, 
/**
 * 第 n 期 (an installment).
 */
installment: number | null, 
/**
 * The milestone's name.
 */
milestone: string, 
/**
 * The part not covered (an installment), 元.
 */
amount: number | null, 
/**
 * Its due / planned date.
 */
dueDate: string, days: number, };

export type ReceivedPayment = { paymentId: number, customerId: number, customerName: string, opportunityId: number, opportunityName: string, 
/**
 * The deal's 负责人.
 */
owner: string, receivedOn: string, amount: number, note: string, };

export type MilestoneRow = { customerId: number, customerName: string, opportunityId: number, opportunityName: string, 
/**
 * The milestone's owner, else the deal's.
 */
owner: string, name: string, plannedDate: string, actualDate: string, status: MilestoneStatus, 
/**
 * Past its planned day and not done.
 */
late: boolean, 
/**
 * Days past the planned day: today's while late, the day it was done when done after it.
 */
daysLate: number | null, };

export type VisitMethod = "meeting" | "phone" | "video" | "wechat" | "email";

export type NeedKind = "core" | "expected" | "latent";

export type Priority = "high" | "medium" | "low";

export type Confirmation = "draft" | "sent" | "confirmed";

export type ActionStatus = "todo" | "doing" | "done";

export type Progress = "intent" | "doubts" | "needs_material" | "no_progress" | "rejected";

export type CustomerType = "new" | "existing" | "repeat" | "churn_risk";

export type SupportKind = "technical" | "legal" | "pricing" | "delivery" | "executive" | "other";

export type SalesAction = "presentation" | "demo" | "case_study" | "tech_exchange" | "trial" | "quote" | "negotiation" | "signing";

export type OurRole = "lead" | "technical" | "business" | "delivery" | "executive";

export type Need = { text: string, kind: NeedKind | null, priority: Priority | null, };

export type Objection = { text: string, 
/**
 * How we handled it (internal: never in the customer recap).
 */
handling: string, };

export type Participant = { contactId: number, name: string, title: string, };

export type OurParticipant = { name: string, role: OurRole | null, };

export type ActionFields = { id: number | null, 
/**
 * What, concretely ("发送报价单", not "跟进").
 */
what: string, owner: string, 
/**
 * YYYY-MM-DD.
 */
dueDate: string, status: ActionStatus, };

export type VisitFields = { opportunityId: number | null, 
/**
 * YYYY-MM-DD; required.
 */
date: string, 
/**
 * HH:MM or empty.
 */
time: string, method: VisitMethod, 
/**
 * Place, or the meeting ID of a call.
 */
place: string, customerParticipants: Array<Participant>, 
/**
 * Our side, each with their role.
 */
ourParticipants: Array<OurParticipant>, 
/**
 * What kind of follow-up this is (internal).
 */
customerType: CustomerType | null, goal: string, summary: string, 
/**
 * 进展状态 (internal: our reading of where the customer stands).
 */
progress: Progress | null, 
/**
 * 销售动作 taken in this follow-up, each once (internal).
 */
salesActions: Array<SalesAction>, 
/**
 * 解决方案概述: the solution proposed for the needs, in brief (internal).
 */
solution: string, 
/**
 * What was agreed (达成共识): the heart of the customer recap.
 */
decisions: Array<string>, needs: Array<Need>, objections: Array<Objection>, 
/**
 * Our commitments (我方承诺).
 */
commitments: Array<string>, 
/**
 * The customer's own words (客户原话) — internal.
 */
quotes: Array<string>, 
/**
 * Competitor news — internal.
 */
competitorNews: Array<string>, 
/**
 * Risks — internal.
 */
risks: Array<string>, 
/**
 * Opportunities spotted — internal.
 */
opportunities: Array<string>, 
/**
 * 需内部支持: what we need from colleagues, each once — internal.
 */
internalSupport: Array<SupportKind>, 
/**
 * What exactly, for whom, by when — internal.
 */
supportNote: string, 
/**
 * 附加备注 / 协作进展: special circumstances, history, how the colleagues' part is going —
 * internal.
 */
notes: string, 
/**
 * Highlights the record.
 */
urgent: boolean, actions: Array<ActionFields>, };

export type Visit = { id: number, customerId: number, customerName: string, 
/**
 * The name of `fields.opportunityId`, empty when none.
 */
opportunityName: string, confirmation: Confirmation, 
/**
 * YYYY-MM-DD or empty.
 */
sentOn: string, confirmedOn: string, 
/**
 * Ids of the actions that are overdue today.
 */
overdueActions: Array<number>, createdAt: string, updatedAt: string, opportunityId: number | null, 
/**
 * YYYY-MM-DD; required.
 */
date: string, 
/**
 * HH:MM or empty.
 */
time: string, method: VisitMethod, 
/**
 * Place, or the meeting ID of a call.
 */
place: string, customerParticipants: Array<Participant>, 
/**
 * Our side, each with their role.
 */
ourParticipants: Array<OurParticipant>, 
/**
 * What kind of follow-up this is (internal).
 */
customerType: CustomerType | null, goal: string, summary: string, 
/**
 * 进展状态 (internal: our reading of where the customer stands).
 */
progress: Progress | null, 
/**
 * 销售动作 taken in this follow-up, each once (internal).
 */
salesActions: Array<SalesAction>, 
/**
 * 解决方案概述: the solution proposed for the needs, in brief (internal).
 */
solution: string, 
/**
 * What was agreed (达成共识): the heart of the customer recap.
 */
decisions: Array<string>, needs: Array<Need>, objections: Array<Objection>, 
/**
 * Our commitments (我方承诺).
 */
commitments: Array<string>, 
/**
 * The customer's own words (客户原话) — internal.
 */
quotes: Array<string>, 
/**
 * Competitor news — internal.
 */
competitorNews: Array<string>, 
/**
 * Risks — internal.
 */
risks: Array<string>, 
/**
 * Opportunities spotted — internal.
 */
opportunities: Array<string>, 
/**
 * 需内部支持: what we need from colleagues, each once — internal.
 */
internalSupport: Array<SupportKind>, 
/**
 * What exactly, for whom, by when — internal.
 */
supportNote: string, 
/**
 * 附加备注 / 协作进展: special circumstances, history, how the colleagues' part is going —
 * internal.
 */
notes: string, 
/**
 * Highlights the record.
 */
urgent: boolean, actions: Array<ActionFields>, };

export type NextAction = { id: number, customerId: number, customerName: string, visitId: number | null, opportunityId: number | null, opportunityName: string, what: string, owner: string, dueDate: string, status: ActionStatus, 
/**
 * Open and due before today (已逾期).
 */
overdue: boolean, doneOn: string, createdAt: string, };

export type ActionTarget = { customerId: number, opportunityId: number | null, };

export type QualityIssue = "no_next_action" | "no_owner" | "no_due_date" | "past_due" | "vague_phrase" | "late_record";

export type QualityWarning = { issue: QualityIssue, field: string, phrase: string, suggestion: string, };

export type SavedVisit = { visit: Visit, warnings: Array<QualityWarning>, };

export type SavedAction = { action: NextAction, warnings: Array<QualityWarning>, };

export type VisitPage = { rows: Array<Visit>, total: number, };

export type Recap = { visitId: number, text: string, };

export type RiskLevel = "green" | "yellow" | "red";

export type RiskRule = "no_follow_up" | "quote_idle" | "stuck_in_stage" | "power_map" | "decision_maker_missing" | "overdue_action" | "unconfirmed" | "late_record" | "signal" | "overdue_payment" | "overdue_milestone" | "churn_review";

export type RiskSettings = { noFollowUp: boolean, 
/**
 * Days without follow-up for yellow (1–365).
 */
followUpYellowDays: number, 
/**
 * Days without follow-up for red (≥ the yellow days, ≤ 365).
 */
followUpRedDays: number, 
/**
 * Customer grades watched even without an open opportunity.
 */
followUpGrades: Array<Grade>, 
/**
 * Days without any follow-up for yellow, for a watched customer without an open
 * opportunity (1–365): longer than a deal's, an account between deals is not urgent.
 */
watchYellowDays: number, 
/**
 * Days for red of the same (≥ its yellow days, ≤ 365).
 */
watchRedDays: number, quoteIdle: boolean, 
/**
 * Days without activity at 报价 for red (1–365).
 */
quoteIdleDays: number, powerMap: boolean, overdueAction: boolean, unconfirmed: boolean, 
/**
 * Days after the visit an unconfirmed summary turns yellow (1–365).
 */
unconfirmedDays: number, 
/**
 * The customer's latest follow-up record (of the last weeks) was written more than 24 hours
 * after the visit: yellow.
 */
lateRecord: boolean, signals: boolean, 
/**
 * An open opportunity in one stage for longer than its stage's limit: yellow; twice the
 * limit: red.
 */
stuckInStage: boolean, 
/**
 * The limit in days per open stage (1–365 each).
 */
stageDays: StageDays, 
/**
 * An installment of a won deal not received after its due date: yellow from the next day.
 */
overduePayment: boolean, 
/**
 * Days after the due date an overdue installment turns red (1–365).
 */
paymentRedDays: number, 
/**
 * A delivery milestone of a won deal not done after its planned date: yellow.
 */
overdueMilestone: boolean, 
/**
 * A customer that has bought (a purchase, a won deal) but has had no purchase and no open
 * deal for `churn_months`: yellow, for a 流失预警 review (docs/risk.md).
 */
churnReview: boolean, 
/**
 * Months without a purchase or an open deal before the review is asked for (1–36).
 */
churnMonths: number, };

export type StageDays = { initiation: number, needs: number, solution: number, quote: number, negotiation: number, contract: number, };

export type RiskReason = { rule: RiskRule, level: RiskLevel, 
/**
 * The opportunity it is about, if any.
 */
opportunityId: number | null, opportunityName: string, 
/**
 * Days since the last follow-up / activity / visit (rules that count days); the late-record
 * rule: how many days after the visit (`since`) the record was written.
 */
days: number | null, 
/**
 * How many actions / summaries / signals.
 */
count: number, 
/**
 * The date it counts from (last visit, earliest overdue due date, …), YYYY-MM-DD.
 */
since: string, 
/**
 * The days for yellow in force when it was evaluated (未跟进, 记录未确认), from
 * [`RiskSettings::thresholds`].
 */
yellowDays: number | null, 
/**
 * The days for red in force (未跟进, 报价停滞).
 */
redDays: number | null, 
/**
 * The signal rule: the most severe signal's own line (as the trends list shows it).
 */
signal: string, 
/**
 * The stuck-in-stage rule: the stage the opportunity is in (an opportunities `Stage` code).
 */
stage: Stage | null, 
/**
 * The overdue-payment rule: the oldest overdue installment's number (第 n 期).
 */
installment: number | null, 
/**
 * The overdue-payment rule: that installment's part not received, 元.
 */
amount: number | null, 
/**
 * The overdue-milestone rule: the oldest overdue milestone's name.
 */
milestone: string, 
/**
 * The churn-review rule: whole months from the month of the last purchase or deal closed
 * (`since`, YYYY-MM) to the clock's month.
 */
months: number | null, };

export type RiskLight = { level: RiskLevel, reasons: Array<RiskReason>, };

export type CustomerRisk = { customerId: number, customerName: string, owner: string, grade: Grade | null, risk: RiskLight, };

export type OpportunityRisk = { opportunityId: number, customerId: number, risk: RiskLight, };

export type PortfolioRisk = { evaluatedOn: string, customers: Array<CustomerRisk>, opportunities: Array<OpportunityRisk>, };

export type RuleInfo = { rule: RiskRule, enabled: boolean, explanation: string, };

export type TimelineKind = "visit" | "action" | "stage" | "power_map" | "profile" | "after_sale";

export type TimelineEntry = { kind: TimelineKind, 
/**
 * When, sortable: YYYY-MM-DD or a UTC timestamp. Visits at their date and time, actions
 * at their completion or due date, changes when recorded.
 */
at: string, 
/**
 * The visit, action, opportunity, contact; 0 for a profile section, the change for a
 * lifecycle change.
 */
refId: number, opportunityId: number | null, title: string, detail: string, from: string, to: string, urgent: boolean, progress: Progress | null, salesActions: Array<SalesAction>, 
/**
 * A payment's amount, 元; `None` for the other kinds.
 */
amount: number | null, };

export type TimelineQuery = { kinds: Array<TimelineKind>, 
/**
 * Local days, YYYY-MM-DD, inclusive; empty = open-ended.
 */
from: string, to: string, offset: number, limit: number, };

export type TimelinePage = { entries: Array<TimelineEntry>, total: number, };

export type HomeQuery = { owners: Array<string>, 
/**
 * Rows per list (1–200).
 */
limit: number, };

export type HomeData = { today: string, dueToday: Array<NextAction>, dueTodayTotal: number, 
/**
 * Oldest first.
 */
overdue: Array<NextAction>, overdueTotal: number, redCustomers: Array<CustomerRisk>, redTotal: number, 
/**
 * Open opportunities expected to close this month, by expected close.
 */
closing: Array<OpportunityRow>, closingTotal: number, closingAmount: number, closingWeighted: number, 
/**
 * Won deals' installments not received and delivery milestones not done after their day,
 * oldest first.
 */
wonOverdue: Array<WonOverdue>, wonOverdueTotal: number, };

export type CustomerRemoval = { customerId: number, name: string, contacts: number, opportunities: number, openOpportunities: number, 
/**
 * Σ amount of the open opportunities, 元.
 */
openAmount: number, visits: number, actions: number, openActions: number, purchases: number, powerScopes: number, };

export type BackupFailure = "folder_missing" | "not_writable" | "disk_full" | "unverified" | "unknown_snapshot" | "failed";

export type BackupSettings = { 
/**
 * The folder the user chose (e.g. a synced cloud folder); `None`: `<stem>-backups/`
 * beside the database. A relative path is relative to the database's folder.
 */
folder: string | null, 
/**
 * The newest snapshot of each of this many most recent days is kept (1–365).
 */
keepDaily: number, 
/**
 * … of this many most recent ISO weeks (0–520).
 */
keepWeekly: number, 
/**
 * … of this many most recent months (0–1200).
 */
keepMonthly: number, };

export type SnapshotReason = "daily" | "manual" | "before-migration" | "before-import" | "before-undo-import" | "before-restore";

export type SnapshotCounts = { customers: number, contacts: number, 
/**
 * Visit summaries (0 in a file written before they existed).
 */
visits: number, };

export type Snapshot = { 
/**
 * The file name (what a restore from the list names).
 */
file: string, 
/**
 * The full path, to show.
 */
path: string, 
/**
 * When it was taken, UTC (`2026-11-23T12:00:00Z`, like every stored timestamp).
 */
takenAt: string, reason: SnapshotReason, bytes: number, 
/**
 * `None` when the file cannot be read (damaged since it was taken).
 */
counts: SnapshotCounts | null, };

export type BackupWarning = { reason: SnapshotReason, error: CoreError, };

export type EraseReport = { contactId: number, 
/**
 * The name they had (the message says whom it erased).
 */
name: string, customerId: number, customerName: string, 
/**
 * Their role assessments, in every scope of the power map.
 */
assessments: number, 
/**
 * Influence and conflict edges to or from them.
 */
edges: number, 
/**
 * Contacts who reported to them and lost that link.
 */
reportsCut: number, 
/**
 * Power-map history rows removed (about them, or an edge of theirs).
 */
historyRemoved: number, 
/**
 * Other contacts' reports-to history rows that named them, kept without them.
 */
historyRewritten: number, 
/**
 * Visit summaries (live or in the trash) they were removed from as a participant.
 */
visits: number, 
/**
 * Opportunities (live or in the trash) they were removed from as a key person.
 */
opportunities: number, 
/**
 * Import history rows holding their fields.
 */
importRows: number, 
/**
 * Their own trash entry (1 when they were in the trash) and other entries rewritten.
 */
trashEntries: number, 
/**
 * Text cells elsewhere in which a needle was replaced by [`PLACEHOLDER`].
 */
textCells: number, 
/**
 * Search-index entries removed.
 */
searchEntries: number, 
/**
 * The listed backup snapshots that still hold them (file names, newest first): the UI
 * offers to delete them (`Store::delete_snapshots`).
 */
backupsHolding: Array<string>, 
/**
 * False when the backup folder could not be read, so `backups_holding` is not known.
 */
backupsChecked: boolean, };

export type PeriodPreset = "this_week" | "last_week" | "this_month" | "custom";

export type PeriodQuery = { preset: PeriodPreset, 
/**
 * The custom period's first and last day (YYYY-MM-DD, both included); read only when
 * `preset` is `custom`.
 */
from: string, to: string, };

export type WeeklyQuery = { period: PeriodQuery, 
/**
 * 负责人 to include; empty: everyone.
 */
owners: Array<string>, 
/**
 * The most rows each list of the screen carries (the export lists them all).
 */
limit: number, };

export type StageMove = { opportunityId: number, customerId: number, customerName: string, opportunityName: string, owner: string, from: Stage, to: Stage, changedOn: string, amount: number | null, 
/**
 * Where the deal is now (it may have moved again since).
 */
stageNow: Stage, };

export type OwnerOverdue = { owner: string, count: number, 
/**
 * The earliest due date among them.
 */
earliest: string, };

export type StageForecast = { stage: Stage, startCount: number, startWeighted: number, endCount: number, endWeighted: number, };

export type WeeklySummary = { records: number, moves: number, atRisk: number, won: number, wonAmount: number, lost: number, lostAmount: number, newRed: number, clearedRed: number, overdue: number, 
/**
 * Payments received in the period and their sum (元).
 */
payments: number, receivedAmount: number, 
/**
 * Milestones planned or done in the period, or late today; of them, late today.
 */
milestones: number, lateMilestones: number, 
/**
 * Σ amount × probability of the deals open at the period's start / at its end.
 */
forecastStart: number, forecastEnd: number, };

export type WeeklyView = { 
/**
 * The period as resolved (a preset turned into its days), YYYY-MM-DD, both included.
 */
from: string, to: string, 
/**
 * The day the period's end is evaluated on: the day after `to`, or today while the period
 * has not ended (then the end is "now").
 */
endEvaluatedOn: string, 
/**
 * Every 负责人 written on a customer or a deal, for the owner filter.
 */
knownOwners: Array<string>, summary: WeeklySummary, 
/**
 * The period's follow-up records, newest first.
 */
records: Array<Visit>, 
/**
 * Stage moves in the period, latest first.
 */
moves: Array<StageMove>, 
/**
 * Open deals with a risk light of their own (stuck in stage, no follow-up, …), red first,
 * longest in their stage first.
 */
atRisk: Array<OpportunityRow>, 
/**
 * Deals won / lost in the period (their current stage entered in it), latest first.
 */
won: Array<Opportunity>, lost: Array<Opportunity>, 
/**
 * Customers red at the end and not at the start, with the reasons at the end.
 */
newRed: Array<CustomerRisk>, 
/**
 * Customers red at the start and not at the end, with the reasons they had at the start.
 */
clearedRed: Array<CustomerRisk>, 
/**
 * Overdue actions today, by owner, then the first actions (by owner, earliest due first).
 */
overdueByOwner: Array<OwnerOverdue>, overdue: Array<NextAction>, 
/**
 * Open deals per stage at the start and the end (the pipeline's stages in order).
 */
forecast: Array<StageForecast>, 
/**
 * Payments received in the period on won deals, newest first.
 */
payments: Array<ReceivedPayment>, 
/**
 * Milestones of won deals planned or done in the period and those late today: the late
 * ones first (most days late first), then by planned day.
 */
milestones: Array<MilestoneRow>, };

export type Metric = "signed" | "collected" | "new_deals" | "follow_ups";

export type TargetFields = { 
/**
 * A 负责人, or "" for the team.
 */
owner: string, metric: Metric, 
/**
 * ≥ 0: 元 for 签约额 and 回款额, a count otherwise.
 */
value: number | null, };

export type TargetsInput = { period: string, targets: Array<TargetFields>, };

export type Target = { owner: string, metric: Metric, period: string, value: number, };

export type TargetSheet = { period: string, owners: Array<string>, targets: Array<Target>, };

export type ResultsPreset = "this_month" | "this_quarter" | "this_year" | "last_month" | "last_quarter" | "custom";

export type ResultsQuery = { preset: ResultsPreset, 
/**
 * `YYYY-MM`, for `custom`.
 */
from: string, to: string, owners: Array<string>, };

export type MetricResult = { metric: Metric, actual: number, 
/**
 * The months' targets added up; `None` when no month of the period has one.
 */
target: number | null, 
/**
 * actual ÷ target; `None` without a target above 0.
 */
completion: number | null, };

export type OwnerResults = { owner: string, metrics: Array<MetricResult>, };

export type MonthResults = { month: string, metrics: Array<MetricResult>, };

export type ForecastBasis = "backed" | "stuck" | "red";

export type ForecastDeal = { opportunityId: number, customerId: number, customerName: string, name: string, owner: string, stage: Stage, amount: number, weighted: number, expectedClose: string, 
/**
 * The customer's latest follow-up record's day ("" for none).
 */
lastFollowUp: string, level: RiskLevel, };

export type ForecastPart = { basis: ForecastBasis, count: number, amount: number, weighted: number, 
/**
 * Largest weighted first, at most [`LIST_LIMIT`].
 */
deals: Array<ForecastDeal>, };

export type StalledDeal = { opportunityId: number, customerId: number, customerName: string, name: string, owner: string, stage: Stage, amount: number, 
/**
 * The day its current stage began.
 */
stageSince: string, 
/**
 * No follow-up record of its customer in the period.
 */
noFollowUp: boolean, 
/**
 * Its customer's overdue next actions today.
 */
overdueActions: number, };

export type ResultsReview = { 
/**
 * Stage moves, latest first (at most [`LIST_LIMIT`]), and how many in all.
 */
moved: Array<StageMove>, movedCount: number, 
/**
 * Largest amount first.
 */
stalled: Array<StalledDeal>, stalledCount: number, won: Array<Opportunity>, wonCount: number, wonAmount: number, lost: Array<Opportunity>, lostCount: number, lostAmount: number, };

export type ResultsView = { 
/**
 * The period's first and last month (`YYYY-MM`) and day.
 */
fromMonth: string, toMonth: string, fromDay: string, toDay: string, 
/**
 * One row per owner: those chosen, else every owner known or with a target.
 */
owners: Array<OwnerResults>, 
/**
 * Everyone's (the team's target), or the chosen owners' added up.
 */
total: OwnerResults, months: Array<MonthResults>, 
/**
 * 有行动支撑, 停滞, 红灯, in that order.
 */
forecast: Array<ForecastPart>, 
/**
 * How recent a follow-up record backs a deal: the no-follow-up rule's yellow days.
 */
forecastDays: number, review: ResultsReview, 
/**
 * Every 负责人 written on a customer or a deal, for the owner filter.
 */
knownOwners: Array<string>, };

export type TodayResults = { 
/**
 * `YYYY-MM` and `YYYY-Qn`.
 */
month: string, quarter: string, monthResults: OwnerResults, quarterResults: OwnerResults, };

/** The personal contact fields (PersonalField::ALL in model.rs): hidden in presentation mode. */
export const PERSONAL_FIELDS: readonly PersonalField[] = ["traits","iceBreakers","hobbies","preferences","painPoints","career","communicationStyle","family","notes"]

/** 客户分级. */
export const GRADES: readonly Grade[] = ["A","B","C","D"]

/** 业绩指标. */
export const METRICS: readonly Metric[] = ["signed","collected","new_deals","follow_ups"]

/** 业绩的期间. */
export const RESULTS_PRESETS: readonly ResultsPreset[] = ["this_month","this_quarter","this_year","last_month","last_quarter","custom"]

/** 预测的支撑. */
export const FORECAST_BASES: readonly ForecastBasis[] = ["backed","stuck","red"]

/** 客户生命周期. */
export const LIFECYCLES: readonly Lifecycle[] = ["new","interested","following","quoting","negotiating","won","existing","lost"]

/** 企业性质. */
export const OWNERSHIPS: readonly Ownership[] = ["state_owned","private","foreign","joint_venture","listed","public_institution"]

/** 客户来源. */
export const LEAD_SOURCES: readonly LeadSource[] = ["campaign","advertising","referral","trade_show","livestream","website","channel","self_sourced"]

/** 发展趋势. */
export const TRENDS: readonly Trend[] = ["rising","stable","declining"]

/** 预算类型. */
export const BUDGET_TYPES: readonly BudgetType[] = ["expansion","survival"]

/** 现金流. */
export const CASH_FLOWS: readonly CashFlow[] = ["loose","normal","tight"]

/** 采购方式. */
export const PROCUREMENTS: readonly Procurement[] = ["tender","price_comparison","single_source"]

/** 份额分配规则. */
export const ALLOCATION_RULES: readonly AllocationRule[] = ["lowest_price","quality_first","fixed_share","tender","relationship"]

/** 采购角色. */
export const BUYING_ROLES: readonly BuyingRole[] = ["decision_maker","approver","evaluator","user","influencer","gatekeeper"]

/** 覆盖程度. */
export const COVERAGES: readonly Coverage[] = ["none","initial","repeated","deep"]

/** 交付里程碑状态. */
export const MILESTONE_STATUSES: readonly MilestoneStatus[] = ["not_started","in_progress","done"]

/** The profile's dimensions. */
export const SECTIONS: readonly Section[] = ["overview","business","financials","sp_bp","power_map","key_persons","suppliers","process_it"]

/** The opportunity stages in pipeline order: the open ones from 立项 to 合同 and then 成交 and 丢单. */
export const STAGES: readonly Stage[] = ["initiation","needs","solution","quote","negotiation","contract","won","lost"]

/** The stages a deal is still being worked at (the kanban's full columns). */
export const OPEN_STAGES: readonly Stage[] = ["initiation","needs","solution","quote","negotiation","contract"]

/** The periods of 周会 and the team report: this week, last week, this month, custom days. */
export const PERIOD_PRESETS: readonly PeriodPreset[] = ["this_week","last_week","this_month","custom"]

/** The stored statuses of a next action; the overdue status 已逾期 is computed by the core, never chosen. */
export const ACTION_STATUSES: readonly ActionStatus[] = ["todo","doing","done"]

/** 进展状态 of a follow-up record. */
export const PROGRESSES: readonly Progress[] = ["intent","doubts","needs_material","no_progress","rejected"]

/** 客户类型 of a follow-up record. */
export const CUSTOMER_TYPES: readonly CustomerType[] = ["new","existing","repeat","churn_risk"]

/** 需内部支持. */
export const SUPPORT_KINDS: readonly SupportKind[] = ["technical","legal","pricing","delivery","executive","other"]

/** 销售动作. */
export const SALES_ACTIONS: readonly SalesAction[] = ["presentation","demo","case_study","tech_exchange","trial","quote","negotiation","signing"]

/** 我方参与人的角色. */
export const OUR_ROLES: readonly OurRole[] = ["lead","technical","business","delivery","executive"]

/** How many days back the late-record rule looks for the customer's latest follow-up record (risk/mod.rs). */
export const LATE_RECORD_WINDOW_DAYS: number = 30

/** 丢单原因. */
export const LOST_REASONS: readonly LostReason[] = ["price","product","relationship","budget","timing","service","other"]

/** The fields a column can be imported as, per kind, in the order offered (ImportKind::fields). */
export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly Field[]>> = {"contacts":["customer_name","contact_name","title","department","phone","wechat","email"],"customers":["customer_name","short_name","industry","region","province","city","district","grade","lifecycle","owner","ownership","headcount","founded","website","stock_code","headquarters","lead_source","tags","notes","revenue","fiscal_year","contact_name","title","department","phone","wechat","email"],"opportunities":["customer_name","deal_name","stage","amount","owner","expected_close","probability","needs","competitors","quote_amount","quote_date","contract_amount","contract_date","lost_reason","lost_note","notes"],"purchases":["customer_name","month","product","category","quantity","amount"],"visits":["customer_name","visit_date","visit_method","participants","our_participants","place","goal","summary","needs","next_action","action_owner","action_due","deal_name"]}

/** What a file can hold, in the order the wizard offers it. */
export const IMPORT_KINDS: readonly ImportKind[] = ["customers","contacts","purchases","visits","opportunities"]

/** The fields a file of each kind must have a column for (ImportKind::required). */
export const IMPORT_REQUIRED: Readonly<Record<ImportKind, readonly Field[]>> = {"contacts":["customer_name","contact_name"],"customers":["customer_name"],"opportunities":["customer_name","deal_name","amount"],"purchases":["customer_name","month","product"],"visits":["customer_name","visit_date"]}

/** The kinds whose duplicates the duplicate rule can update (the others are skipped). */
export const IMPORT_UPDATING_KINDS: readonly ImportKind[] = ["customers","contacts"]

/** A text file's encodings, in the order the wizard offers them (TextEncoding::ALL). */
export const TEXT_ENCODINGS: readonly TextEncoding[] = ["utf8","gb18030","big5","utf16le","utf16be","windows1252"]

/** An import row's statuses, in the preview filter's order. */
export const ROW_STATUSES: readonly RowStatus[] = ["new","update","duplicate","duplicate_in_file","error"]

/** The range of a risk rule's day thresholds (validate.rs). */
export const RISK_DAYS_RANGE: { readonly min: number; readonly max: number } = {"min":1,"max":365}

/** The range of the months before a 流失预警 review (validate.rs). */
export const CHURN_MONTHS_RANGE: { readonly min: number; readonly max: number } = {"min":1,"max":36}

/** The range of a stage's default probability, per cent (validate.rs). */
export const STAGE_PROBABILITY_RANGE: { readonly min: number; readonly max: number } = {"min":0,"max":100}
