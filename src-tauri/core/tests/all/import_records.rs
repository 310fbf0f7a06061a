//! Importing follow-up records (跟进记录) and opportunities (商机) from spreadsheets: each row
//! names a customer already in Dossier; refused rows are named by file, sheet, row, column and
//! reason and not imported; duplicates are flagged; a commit is one transaction with its
//! history, and undoing it sends exactly what it created to the trash.

use std::path::{Path, PathBuf};

use crate::common::store;
use crate::import_support::{snapshot, spec};
use dossier_core::customers::{ContactFields, DeletedKind};
use dossier_core::import::mapping::Field;
use dossier_core::import::plan::{ImportKind, Problem, RowStatus};
use dossier_core::opportunities::{Opportunity, OpportunityFields, OpportunityQuery, Stage};
use dossier_core::risk::RiskRule;
use dossier_core::visits::{VisitFields, VisitMethod};
use dossier_core::{CoreError, Store};

/// A workbook of one sheet, every cell a string (an empty string leaves the cell empty).
fn workbook(dir: &Path, name: &str, sheet: &str, rows: &[&[&str]]) -> PathBuf {
    let path = dir.join(name);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(&path).unwrap();
    path
}

/// 华东精密 with its contact 王芳 and the deal 二期产线改造; returns (customer, deal).
fn account(s: &Store) -> (i64, i64) {
    let c = s.create_customer(&crate::common::named("华东精密机械股份有限公司")).unwrap();
    s.create_contact(c.id, &ContactFields { name: "王芳".into(), title: "采购总监".into(), ..Default::default() })
        .unwrap();
    let deal = OpportunityFields { name: "二期产线改造".into(), amount: Some(1_000_000.0), ..Default::default() };
    let o = s.create_opportunity(c.id, &deal).unwrap();
    (c.id, o.id)
}

fn deals_of(s: &Store, customer: i64) -> Vec<Opportunity> {
    let q = OpportunityQuery { customer_id: Some(customer), limit: 100, ..Default::default() };
    s.list_opportunities(&q).unwrap().rows.into_iter().map(|r| r.opportunity).collect()
}

const VISIT_HEADER: &[&str] =
    &["客户名称", "拜访日期", "沟通方式", "客户参与人", "沟通纪要", "下一步行动", "负责人", "截止日期", "商机名称"];

fn visits_file(dir: &Path) -> PathBuf {
    workbook(
        dir,
        "跟进记录.xlsx",
        "跟进",
        &[
            VISIT_HEADER,
            // Another spelling of the customer's name (legal form, full-width letters aside).
            &[
                "华东精密机械有限公司",
                "2025-03-05",
                "上门拜访",
                "王芳",
                "二期产线规划",
                "发送方案初稿",
                "张伟",
                "2025-03-12",
                "二期产线改造",
            ],
            &["", "2025/3/18", "电话", "", "确认评审时间", "", "", "", ""],
            &["不存在的公司", "2025-03-06", "面谈", "", "寒暄", "", "", "", ""],
            &["华东精密机械有限公司", "2025-02-30", "面谈", "", "日期不对", "", "", "", ""],
            &["华东精密机械有限公司", "2025-03-07", "飞鸽传书", "", "方式不对", "", "", "", ""],
            &["华东精密机械有限公司", "2025-03-08", "面谈", "李雷", "没有这个人", "", "", "", "三期"],
            &["华东精密机械有限公司", "2025-03-05", "面谈", "", " 二期产线规划 ", "", "", "", ""],
        ],
    )
}

#[test]
fn a_follow_up_records_file_is_previewed_committed_and_undone() {
    let (dir, s) = store();
    let (customer, deal) = account(&s);
    let path = visits_file(dir.path());
    let before = snapshot(&s, dir.path());

    let p = s.preview_import(&spec(&path, ImportKind::Visits)).unwrap();
    assert_eq!(p.sheet, "跟进");
    assert_eq!(
        p.mapping,
        [
            Field::CustomerName,
            Field::VisitDate,
            Field::VisitMethod,
            Field::Participants,
            Field::Summary,
            Field::NextAction,
            Field::ActionOwner,
            Field::ActionDue,
            Field::DealName
        ]
        .map(Some)
    );
    let statuses: Vec<(usize, RowStatus)> = p.rows.iter().map(|r| (r.row, r.status)).collect();
    assert_eq!(
        statuses,
        vec![
            (2, RowStatus::New),
            (3, RowStatus::New), // the customer cell left empty: the row above's customer
            (4, RowStatus::Error),
            (5, RowStatus::Error),
            (6, RowStatus::Error),
            (7, RowStatus::Error),
            (8, RowStatus::DuplicateInFile), // row 2 again (same customer, day, method, summary)
        ]
    );
    let issue = |row: usize| &p.rows.iter().find(|r| r.row == row).unwrap().issues;
    let unknown = &issue(4)[0];
    assert_eq!((unknown.column.as_str(), unknown.header.as_str()), ("A", "客户名称"));
    assert_eq!(unknown.problem, Problem::UnknownCustomer { name: "不存在的公司".into() });
    let date = &issue(5)[0];
    assert_eq!((date.column.as_str(), date.field), ("B", Field::VisitDate));
    assert!(matches!(&date.problem, Problem::Value { .. }), "{:?}", date.problem);
    let method = &issue(6)[0];
    assert_eq!((method.column.as_str(), &method.problem), ("C", &Problem::UnknownLabel { text: "飞鸽传书".into() }));
    let people: Vec<(&str, &Problem)> = issue(7).iter().map(|i| (i.column.as_str(), &i.problem)).collect();
    assert_eq!(
        people,
        vec![
            ("D", &Problem::UnknownContact { name: "李雷".into() }),
            ("I", &Problem::UnknownDeal { name: "三期".into() })
        ]
    );
    assert_eq!((p.counts.new, p.counts.error, p.counts.duplicate_in_file), (2, 4, 1));
    assert_eq!(snapshot(&s, dir.path()), before, "a preview writes nothing");

    let record = s.import_file(&spec(&path, ImportKind::Visits), &mut |_, _| true).unwrap();
    assert_eq!((record.kind.as_str(), record.created, record.errors, record.skipped), ("visits", 2, 4, 1));
    let visits = s.visits(customer, None, 0, 50).unwrap();
    assert_eq!(visits.total, 2);
    let first = visits.rows.iter().find(|v| v.fields.date == "2025-03-05").unwrap();
    assert_eq!(first.fields.method, VisitMethod::Meeting);
    assert_eq!(first.fields.opportunity_id, Some(deal));
    assert_eq!(first.fields.customer_participants[0].name, "王芳");
    assert_eq!(first.fields.customer_participants[0].title, "采购总监");
    let action = &first.fields.actions[0];
    assert_eq!(
        (action.what.as_str(), action.owner.as_str(), action.due_date.as_str()),
        ("发送方案初稿", "张伟", "2025-03-12")
    );
    let second = visits.rows.iter().find(|v| v.fields.date == "2025-03-18").unwrap();
    assert_eq!((second.fields.method, second.fields.actions.len()), (VisitMethod::Phone, 0));

    // Found by what was said, as a record typed in is; once undone, no longer.
    assert_eq!(s.search("方案初稿", 8).unwrap().visits[0].id, first.id);

    // Imported again: the stored records are duplicates, nothing new.
    let again = s.preview_import(&spec(&path, ImportKind::Visits)).unwrap();
    assert_eq!((again.counts.new, again.counts.duplicate), (0, 2));

    let undo = s.import_undo_preview(record.id).unwrap();
    assert_eq!((undo.visits, undo.opportunities, undo.customers), (2, 0, 0));
    s.undo_import(record.id, false).unwrap();
    assert_eq!(s.visits(customer, None, 0, 50).unwrap().total, 0);
    assert!(s.search("方案初稿", 8).unwrap().visits.is_empty(), "an undone record is still found");
    let trash = s.trash(50, 0).unwrap();
    let visits_in_trash: Vec<_> = trash.entries.iter().filter(|e| e.kind == DeletedKind::Visit).collect();
    assert_eq!(visits_in_trash.len(), 2);
    assert!(visits_in_trash.iter().all(|e| e.import_id == Some(record.id)));
    assert!(matches!(s.undo_import(record.id, false), Err(CoreError::AlreadyUndone { .. })));
    // Restored from the trash, a record comes back with its next action.
    let restored = visits_in_trash.iter().find(|e| e.contents.actions == 1).unwrap();
    s.restore_trash(restored.id).unwrap();
    assert_eq!(s.visits(customer, None, 0, 50).unwrap().rows[0].fields.actions[0].what, "发送方案初稿");
}

#[test]
fn an_imported_record_is_never_written_late() {
    let (dir, s) = store();
    let (customer, _) = account(&s);
    // Three days before the pinned clock's day: typed in the form today, it would be late.
    let row: &[&str] = &["华东精密机械有限公司", "2026-11-20", "电话", "", "确认评审时间", "", "", "", ""];
    let path = workbook(dir.path(), "近期跟进.xlsx", "跟进", &[VISIT_HEADER, row]);
    s.import_file(&spec(&path, ImportKind::Visits), &mut |_, _| true).unwrap();
    let late = |s: &Store| s.customer_risk(customer).unwrap().reasons.iter().any(|r| r.rule == RiskRule::LateRecord);
    assert!(!late(&s), "an imported record counted as written late");
    let typed = VisitFields { date: "2026-11-21".into(), summary: "补记".into(), ..Default::default() };
    s.create_visit(customer, &typed).unwrap();
    assert!(late(&s), "the same record typed in late is");
}

#[test]
fn an_opportunities_file_goes_through_the_opportunity_rules() {
    let (dir, s) = store();
    let (customer, _) = account(&s);
    let path = workbook(
        dir.path(),
        "商机.xlsx",
        "商机",
        &[
            &["公司", "项目名称", "销售阶段", "预计金额", "负责人", "预计成交日期", "报价金额", "报价日期", "需求"],
            &[
                "华东精密机械股份有限公司",
                "备件年度框架",
                "报价",
                "30万",
                "张伟",
                "2025-06-30",
                "298000",
                "2025-03-20",
                "年度备件",
            ],
            &["华东精密机械", "智能仓储", "", "¥80,000", "", "", "", "", ""],
            &["华东精密机械", "质检系统", "报价", "50000", "", "", "", "", ""],
            &["华东精密机械", "海外项目", "方案", "$20,000", "", "", "", "", ""],
            &["华东精密机械", "维保合同", "快成了", "10000", "", "", "", "", ""],
            &["华东精密机械", "二期 产线改造", "", "100000", "", "", "", "", ""],
            &["华东精密机械", "智能仓储", "立项", "90000", "", "", "", "", ""],
            &["华东精密机械", "零金额", "", "0", "", "", "", "", ""],
            &["华东精密机械", "坏日期", "", "1000", "", "2025-13-01", "", "", ""],
        ],
    );
    let p = s.preview_import(&spec(&path, ImportKind::Opportunities)).unwrap();
    let statuses: Vec<RowStatus> = p.rows.iter().map(|r| r.status).collect();
    use RowStatus::*;
    assert_eq!(statuses, [New, New, Error, Error, Error, Duplicate, DuplicateInFile, Error, Error]);
    let issue = |row: usize| p.rows.iter().find(|r| r.row == row).unwrap().issues[0].clone();
    let gate = issue(4);
    assert_eq!(gate.column, "C");
    assert_eq!(
        gate.problem,
        Problem::StageGate { stage: Stage::Quote, missing: vec![Field::Needs, Field::QuoteAmount, Field::QuoteDate] }
    );
    assert_eq!((issue(5).column.as_str(), issue(5).problem), ("D", Problem::NotYuan { currency: "USD".into() }));
    assert_eq!(issue(6).problem, Problem::UnknownLabel { text: "快成了".into() });
    assert_eq!((issue(9).field, issue(9).column.as_str()), (Field::Amount, "D"));
    assert_eq!(issue(10).field, Field::ExpectedClose);

    let record = s.import_file(&spec(&path, ImportKind::Opportunities), &mut |_, _| true).unwrap();
    assert_eq!((record.kind.as_str(), record.created, record.skipped, record.errors), ("opportunities", 2, 2, 5));
    let deals = deals_of(&s, customer);
    let framework = deals.iter().find(|o| o.fields.name == "备件年度框架").unwrap();
    assert_eq!(framework.fields.stage, Stage::Quote);
    assert_eq!(framework.fields.amount, Some(300_000.0));
    assert_eq!(framework.fields.quote_amount, Some(298_000.0));
    assert_eq!(framework.fields.owner, "张伟");
    let history = s.stage_history(framework.id).unwrap();
    assert_eq!(history.len(), 1, "one stage entry, the import's");
    assert_eq!((history[0].from, history[0].to, history[0].changed_on.as_str()), (None, Stage::Quote, "2026-11-23"));
    assert_eq!(s.search("智能仓储", 8).unwrap().opportunities.len(), 1, "an imported deal is found by its name");
    let storage = deals.iter().find(|o| o.fields.name == "智能仓储").unwrap();
    assert_eq!(storage.fields.stage, Stage::Initiation, "no stage given: 立项");

    let undo = s.import_undo_preview(record.id).unwrap();
    assert_eq!(undo.opportunities, 2);
    s.undo_import(record.id, false).unwrap();
    assert!(s.search("智能仓储", 8).unwrap().opportunities.is_empty(), "an undone deal is still found");
    let left: Vec<String> = deals_of(&s, customer).into_iter().map(|o| o.fields.name).collect();
    assert_eq!(left, ["二期产线改造"], "exactly what the import created went");
    let trashed = s.trash(50, 0).unwrap().entries.into_iter().filter(|e| e.kind == DeletedKind::Opportunity).count();
    assert_eq!(trashed, 2);
}

#[test]
fn a_cancelled_or_refused_import_leaves_the_database_as_it_was() {
    let (dir, s) = store();
    let (customer, _) = account(&s);
    let path = visits_file(dir.path());
    let before = snapshot(&s, dir.path());
    let r = s.import_file(&spec(&path, ImportKind::Visits), &mut |done, _| done < 1);
    assert!(matches!(r, Err(CoreError::Cancelled)), "{r:?}");
    assert_eq!(s.visits(customer, None, 0, 50).unwrap().total, 0);
    assert_eq!(s.import_history().unwrap().len(), before.imports);

    // Only refused rows: nothing is created, the history says so.
    let bad = workbook(
        dir.path(),
        "bad.xlsx",
        "Sheet1",
        &[VISIT_HEADER, &["无名公司", "2025-03-05", "面谈", "", "x", "", "", "", ""]],
    );
    let p = s.preview_import(&spec(&bad, ImportKind::Visits)).unwrap();
    assert_eq!(p.counts.error, 1);
    let record = s.import_file(&spec(&bad, ImportKind::Visits), &mut |_, _| true).unwrap();
    assert_eq!((record.created, record.errors), (0, 1));
    assert_eq!(s.visits(customer, None, 0, 50).unwrap().total, 0);
}

#[test]
fn templates_of_records_import_cleanly_once_the_customer_is_there() {
    let (dir, s) = store();
    let c = s.create_customer(&crate::common::named("华东精密机械有限公司")).unwrap();
    s.create_contact(c.id, &ContactFields { name: "王芳".into(), ..Default::default() }).unwrap();
    for kind in [ImportKind::Opportunities, ImportKind::Visits] {
        let path = dir.path().join(format!("{}.xlsx", kind.code()));
        dossier_core::export::template(kind).unwrap().save(&path).unwrap();
        let p = s.preview_import(&spec(&path, kind)).unwrap();
        assert_eq!(p.rows.len(), 2, "{kind:?}: two example rows");
        for row in &p.rows {
            assert_eq!(row.status, RowStatus::New, "{kind:?} row {}: {:?}", row.row, row.issues);
        }
        // The opportunities first: the visits template's example names one of them.
        s.import_file(&spec(&path, kind), &mut |_, _| true).unwrap();
    }
    assert_eq!(s.visits(c.id, None, 0, 50).unwrap().total, 2);
}
