//! Generates `ui/src/bindings.ts` from the Rust types, so the UI never declares them twice.
//!
//! `cargo test` fails when the committed file differs from what the types generate (the UI
//! would be out of date); `UPDATE_BINDINGS=1 cargo test -p dossier-core bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::activity::*;
use crate::backup::{BackupSettings, BackupWarning, Snapshot, SnapshotCounts, SnapshotReason};
use crate::customers::*;
use crate::desktop::{MenuAction, MenuLook, RecentDatabase};
use crate::erase::EraseReport;
use crate::error::{BackupFailure, CoreError, Detail, ReadError, Reason};
use crate::export::{Language, ReportOptions, TeamFilter};
use crate::files::{ChosenFile, FilePurpose};
use crate::import::mapping::Field;
use crate::import::plan::{
    CellIssue, Counts, ImportKind, OnDuplicate, Preview, Problem, RowPlan, RowStatus, SkipReason, SkippedColumn,
};
use crate::import::read::TextEncoding;
use crate::import::templates::{MappingTemplate, TemplateMatch};
use crate::import::values::ValueError;
use crate::import::{CellFix, ImportFile, ImportProgress, ImportSpec};
use crate::import::{EditedRecord, ImportRecord, ImportUndoPreview};
use crate::opportunities::stage_stats::{LostMonth, SalesCycle, StageDwell, StageStats, StageStatsQuery, WinRate};
use crate::opportunities::*;
use crate::payments::*;
use crate::powermap::*;
use crate::results::*;
use crate::risk::*;
use crate::search::{HitKind, MatchField, SearchHit, SearchIndexRepair, SearchResults, Snippet};
use crate::settings::*;
use crate::trends::*;
use crate::visits::*;
use crate::weekly::*;

macro_rules! declarations {
    ($cfg:expr; $($t:ty),+ $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),+]
    };
}

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    let decls = declarations!(&cfg;
        Grade, Lifecycle, Ownership, LeadSource, Trend, BudgetType, CashFlow, Procurement,
        AllocationRule, BuyingRole, Coverage, Section, FinancialMetric, CustomerSort, HitKind,
        CustomerFields, Customer, BusinessLine, MainBusiness, FinancialPeriod, SpBp,
        RoleAssessment, Supplier, ProcessIt, ContactFields, PersonalField, Contact, SectionStatus,
        FinancialSignal, CustomerProfile, CustomerRow, CustomerQuery, CustomerPage, Facets,
        MatchField, Snippet, SearchHit, SearchResults, SearchIndexRepair, PurchaseFields, Stats, Settings, NotifySettings, DeletedKind, Restored, TrashContents, TrashEntry, TrashPage, DbStatus, Reason, Detail, CoreError, FilePurpose, ChosenFile, RecentDatabase, MenuAction, MenuLook,
        Field, ImportKind, OnDuplicate, TextEncoding, ValueError, Problem, CellIssue, RowStatus,
        RowPlan, Counts, Preview, SkipReason, SkippedColumn, ImportFile, CellFix, ImportSpec, ImportProgress, ImportRecord, EditedRecord, ImportUndoPreview, ReadError,
        MappingTemplate, TemplateMatch,
        Language, ReportOptions, TeamFilter,
        StatusLight, EdgeKind, ContactRef, Assessment, StatusReason, MapStatus, Point, MapNode, MapEdge,
        MapSlot, SlotInput, NewEdge, NodePosition, ScopeSummary, MapView, EdgeSnapshot, HistoryChange,
        HistoryEntry, AssessmentDiff, MapDiff, CoverageRow, ScopeRef, ContactRemoval,
        SignalKind, Severity, TrendSignal, TrendRange, TrendSeries, ShareSeries, OtherCurrency, TrendData,
        Purchase, PurchaseQuery, PurchasePage, FeedQuery, SignalFeed, PortfolioQuery, Mover, PortfolioTrend,
        Stage, LostReason, OpportunitySort, LostReview, OpportunityFields, Opportunity, StageProbabilities,
        StageChange, OpportunityQuery, OpportunityRow, OpportunityPage, BoardColumn, ForecastRow, FunnelStep,
        LostRow, PipelineAnalytics, StageStatsQuery, StageDwell, SalesCycle, WinRate, LostMonth, StageStats,
        MilestoneStatus, InstallmentFields, PlanInput, Installment, PaymentFields, Payment, PaymentPlan,
        MilestoneFields, Milestone, WonOverdueKind, WonOverdue, ReceivedPayment, MilestoneRow,
        VisitMethod, NeedKind, Priority, Confirmation, ActionStatus, Progress, CustomerType, SupportKind,
        SalesAction, OurRole, Need, Objection, Participant, OurParticipant, ActionFields,
        VisitFields, Visit, NextAction, ActionTarget, QualityIssue, QualityWarning, SavedVisit, SavedAction,
        VisitPage, Recap,
        RiskLevel, RiskRule, RiskSettings, StageDays, RiskReason, RiskLight, CustomerRisk, OpportunityRisk, PortfolioRisk,
        RuleInfo,
        TimelineKind, TimelineEntry, TimelineQuery, TimelinePage, HomeQuery, HomeData, CustomerRemoval,
        BackupFailure, BackupSettings, SnapshotReason, SnapshotCounts, Snapshot, BackupWarning,
        EraseReport,
        PeriodPreset, PeriodQuery, WeeklyQuery, StageMove, OwnerOverdue, StageForecast, WeeklySummary, WeeklyView,
        Metric, TargetFields, TargetsInput, Target, TargetSheet, ResultsPreset, ResultsQuery, MetricResult, OwnerResults,
        MonthResults, ForecastBasis, ForecastDeal, ForecastPart, StalledDeal, ResultsReview, ResultsView,
        TodayResults,
    );
    let mut out = String::from(
        "// Generated from Rust by ts-rs (src-tauri/core/src/bindings.rs) — do not edit.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p dossier-core bindings\n\n",
    );
    for d in decls {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(&personal_fields());
    out.push_str(&value_lists());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The list of personal contact fields as a constant, so presentation mode hides exactly the
/// fields the core treats as personal (ts-rs exports types, not values).
fn personal_fields() -> String {
    let names = serde_json::to_string(&PersonalField::ALL).expect("field names serialise");
    format!(
        "/** The personal contact fields (PersonalField::ALL in model.rs): hidden in presentation mode. */\n\
         export const PERSONAL_FIELDS: readonly PersonalField[] = {names}\n\n"
    )
}

/// `export const NAME: TYPE = VALUE` with a doc line: values the UI would otherwise copy.
fn constant(doc: &str, name: &str, ty: &str, value: &impl serde::Serialize) -> String {
    let json = serde_json::to_string(value).expect("constants serialise");
    format!("/** {doc} */\nexport const {name}: {ty} = {json}\n\n")
}

/// Every value of the enumerations the forms offer, in display order (their `ALL`), the import
/// wizard's fields per kind, and the ranges of the 设置 form's numbers.
fn value_lists() -> String {
    let open: Vec<Stage> = Stage::ALL.iter().copied().filter(|s| s.is_open()).collect();
    let fields: std::collections::BTreeMap<&str, &[Field]> =
        ImportKind::ALL.iter().map(|k| (k.code(), k.fields())).collect();
    let required: std::collections::BTreeMap<&str, &[Field]> =
        ImportKind::ALL.iter().map(|k| (k.code(), k.required())).collect();
    let updating: Vec<ImportKind> = ImportKind::ALL.iter().copied().filter(|k| k.updates_duplicates()).collect();
    [
        constant("客户分级.", "GRADES", "readonly Grade[]", &Grade::ALL),
        constant("业绩指标.", "METRICS", "readonly Metric[]", &Metric::ALL),
        constant("业绩的期间.", "RESULTS_PRESETS", "readonly ResultsPreset[]", &ResultsPreset::ALL),
        constant("预测的支撑.", "FORECAST_BASES", "readonly ForecastBasis[]", &ForecastBasis::ALL),
        constant("客户生命周期.", "LIFECYCLES", "readonly Lifecycle[]", &Lifecycle::ALL),
        constant("企业性质.", "OWNERSHIPS", "readonly Ownership[]", &Ownership::ALL),
        constant("客户来源.", "LEAD_SOURCES", "readonly LeadSource[]", &LeadSource::ALL),
        constant("发展趋势.", "TRENDS", "readonly Trend[]", &Trend::ALL),
        constant("预算类型.", "BUDGET_TYPES", "readonly BudgetType[]", &BudgetType::ALL),
        constant("现金流.", "CASH_FLOWS", "readonly CashFlow[]", &CashFlow::ALL),
        constant("采购方式.", "PROCUREMENTS", "readonly Procurement[]", &Procurement::ALL),
        constant("份额分配规则.", "ALLOCATION_RULES", "readonly AllocationRule[]", &AllocationRule::ALL),
        constant("采购角色.", "BUYING_ROLES", "readonly BuyingRole[]", &BuyingRole::ALL),
        constant("覆盖程度.", "COVERAGES", "readonly Coverage[]", &Coverage::ALL),
        constant("交付里程碑状态.", "MILESTONE_STATUSES", "readonly MilestoneStatus[]", &MilestoneStatus::ALL),
        constant("The profile's dimensions.", "SECTIONS", "readonly Section[]", &Section::ALL),
        constant(
            "The opportunity stages in pipeline order: the open ones from 立项 to 合同 and then 成交 and 丢单.",
            "STAGES",
            "readonly Stage[]",
            &Stage::ALL,
        ),
        constant(
            "The stages a deal is still being worked at (the kanban's full columns).",
            "OPEN_STAGES",
            "readonly Stage[]",
            &open,
        ),
        constant(
            "The periods of 周会 and the team report: this week, last week, this month, custom days.",
            "PERIOD_PRESETS",
            "readonly PeriodPreset[]",
            &PeriodPreset::ALL,
        ),
        constant(
            "The stored statuses of a next action; the overdue status 已逾期 is computed by the core, never chosen.",
            "ACTION_STATUSES",
            "readonly ActionStatus[]",
            &ActionStatus::ALL,
        ),
        constant("进展状态 of a follow-up record.", "PROGRESSES", "readonly Progress[]", &Progress::ALL),
        constant("客户类型 of a follow-up record.", "CUSTOMER_TYPES", "readonly CustomerType[]", &CustomerType::ALL),
        constant("需内部支持.", "SUPPORT_KINDS", "readonly SupportKind[]", &SupportKind::ALL),
        constant("销售动作.", "SALES_ACTIONS", "readonly SalesAction[]", &SalesAction::ALL),
        constant("我方参与人的角色.", "OUR_ROLES", "readonly OurRole[]", &OurRole::ALL),
        constant(
            "How many days back the late-record rule looks for the customer's latest follow-up record (risk/mod.rs).",
            "LATE_RECORD_WINDOW_DAYS",
            "number",
            &crate::risk::LATE_RECORD_WINDOW_DAYS,
        ),
        constant("丢单原因.", "LOST_REASONS", "readonly LostReason[]", &LostReason::ALL),
        constant(
            "The fields a column can be imported as, per kind, in the order offered (ImportKind::fields).",
            "IMPORT_FIELDS",
            "Readonly<Record<ImportKind, readonly Field[]>>",
            &fields,
        ),
        constant(
            "What a file can hold, in the order the wizard offers it.",
            "IMPORT_KINDS",
            "readonly ImportKind[]",
            &ImportKind::ALL,
        ),
        constant(
            "The fields a file of each kind must have a column for (ImportKind::required).",
            "IMPORT_REQUIRED",
            "Readonly<Record<ImportKind, readonly Field[]>>",
            &required,
        ),
        constant(
            "The kinds whose duplicates the duplicate rule can update (the others are skipped).",
            "IMPORT_UPDATING_KINDS",
            "readonly ImportKind[]",
            &updating,
        ),
        constant(
            "A text file's encodings, in the order the wizard offers them (TextEncoding::ALL).",
            "TEXT_ENCODINGS",
            "readonly TextEncoding[]",
            &TextEncoding::ALL,
        ),
        constant(
            "An import row's statuses, in the preview filter's order.",
            "ROW_STATUSES",
            "readonly RowStatus[]",
            &RowStatus::ALL,
        ),
        constant(
            "The range of a risk rule's day thresholds (validate.rs).",
            "RISK_DAYS_RANGE",
            "{ readonly min: number; readonly max: number }",
            &crate::settings::validate::RISK_DAYS,
        ),
        constant(
            "The range of the months before a 流失预警 review (validate.rs).",
            "CHURN_MONTHS_RANGE",
            "{ readonly min: number; readonly max: number }",
            &crate::settings::validate::CHURN_MONTHS,
        ),
        constant(
            "The range of a stage's default probability, per cent (validate.rs).",
            "STAGE_PROBABILITY_RANGE",
            "{ readonly min: number; readonly max: number }",
            &crate::settings::validate::STAGE_PROBABILITY,
        ),
    ]
    .concat()
}

#[test]
fn bindings_are_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings.ts");
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write ui/src/bindings.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p dossier-core bindings`"
    );
}
