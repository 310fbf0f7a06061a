//! Generates `ui/src/bindings.ts` from the Rust types, so the UI never declares them twice.
//!
//! `cargo test` fails when the committed file differs from what the types generate (the UI
//! would be out of date); `UPDATE_BINDINGS=1 cargo test -p dossier-core bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::activity::*;
use crate::backup::{BackupSettings, BackupWarning, Snapshot, SnapshotCounts, SnapshotReason};
use crate::customers::*;
use crate::erase::EraseReport;
use crate::error::{BackupFailure, CoreError, ReadError, Reason};
use crate::export::{Language, ReportOptions};
use crate::files::{ChosenFile, FilePurpose};
use crate::import::mapping::Field;
use crate::import::plan::{CellIssue, Counts, ImportKind, OnDuplicate, Preview, Problem, RowPlan, RowStatus};
use crate::import::read::TextEncoding;
use crate::import::templates::{MappingTemplate, TemplateMatch};
use crate::import::values::ValueError;
use crate::import::{CellFix, ImportFile, ImportProgress, ImportSpec};
use crate::import::{EditedRecord, ImportRecord, ImportUndoPreview};
use crate::opportunities::*;
use crate::powermap::*;
use crate::risk::*;
use crate::search::{HitKind, SearchHit, SearchResults};
use crate::trends::*;
use crate::visits::*;

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
        SearchHit, SearchResults, PurchaseFields, Stats, Settings, NotifySettings, DeletedKind, Restored, TrashContents, TrashEntry, TrashPage, DbStatus, Reason, CoreError, FilePurpose, ChosenFile,
        Field, ImportKind, OnDuplicate, TextEncoding, ValueError, Problem, CellIssue, RowStatus,
        RowPlan, Counts, Preview, ImportFile, CellFix, ImportSpec, ImportProgress, ImportRecord, EditedRecord, ImportUndoPreview, ReadError,
        MappingTemplate, TemplateMatch,
        Language, ReportOptions,
        StatusLight, EdgeKind, ContactRef, Assessment, StatusReason, MapStatus, Point, MapNode, MapEdge,
        MapSlot, SlotInput, NewEdge, NodePosition, ScopeSummary, MapView, EdgeSnapshot, HistoryChange,
        HistoryEntry, AssessmentDiff, MapDiff, CoverageRow, ScopeRef, ContactRemoval,
        SignalKind, Severity, TrendSignal, TrendRange, TrendSeries, ShareSeries, OtherCurrency, TrendData,
        Purchase, PurchaseQuery, PurchasePage, FeedQuery, SignalFeed, PortfolioQuery, Mover, PortfolioTrend,
        Stage, LostReason, OpportunitySort, LostReview, OpportunityFields, Opportunity, StageProbabilities,
        StageChange, OpportunityQuery, OpportunityRow, OpportunityPage, BoardColumn, ForecastRow, FunnelStep,
        LostRow, PipelineAnalytics,
        VisitMethod, NeedKind, Priority, Confirmation, ActionStatus, Need, Objection, Participant, ActionFields,
        VisitFields, Visit, NextAction, ActionTarget, QualityIssue, QualityWarning, SavedVisit, SavedAction,
        VisitPage, Recap,
        RiskLevel, RiskRule, RiskSettings, RiskReason, RiskLight, CustomerRisk, OpportunityRisk, PortfolioRisk,
        RuleInfo,
        TimelineKind, TimelineEntry, TimelineQuery, TimelinePage, HomeQuery, HomeData, CustomerRemoval,
        BackupFailure, BackupSettings, SnapshotReason, SnapshotCounts, Snapshot, BackupWarning,
        EraseReport,
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
