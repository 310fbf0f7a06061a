//! 彻底删除 (erase a person): a contact with a distinctive name and phone is put in every place
//! that can hold a person — the card, the power map and its history, visit participants and
//! text, next actions, an opportunity's key persons, the import history, the trash's copies,
//! the search index — then erased. The proof is a byte search of the database file and its
//! WAL: neither holds the name, phone, WeChat or e-mail afterwards; everyone else is intact.

use crate::common;

use std::path::Path;

use dossier_core::customers::{ContactFields, DeletedKind, EdgeKind};
use dossier_core::erase::{holds_person, EraseReport, PLACEHOLDER};
use dossier_core::import::mapping::suggest;
use dossier_core::import::plan::{ImportKind, OnDuplicate};
use dossier_core::import::read::Sheet;
use dossier_core::import::values::Cell;
use dossier_core::import::ImportRequest;
use dossier_core::opportunities::OpportunityFields;
use dossier_core::powermap::{Assessment, NewEdge};
use dossier_core::visits::{ActionFields, Participant, VisitFields};
use dossier_core::{CoreError, Store};

const NAME: &str = "欧阳震华";
const PHONE: &str = "13987654321";
const WECHAT: &str = "oyzh_wechat88";
const EMAIL: &str = "ouyang.zh@example.cn";

/// Imports a contacts sheet (header row first) for the customer 华东精密.
fn import_contacts(s: &Store, rows: &[Vec<&str>], mode: OnDuplicate) {
    let cell = |v: &&str| if v.is_empty() { Cell::Empty } else { Cell::Text(v.to_string()) };
    let sheet = Sheet { name: "联系人".into(), rows: rows.iter().map(|r| r.iter().map(cell).collect()).collect() };
    let headers: Vec<String> = rows[0].iter().map(|s| s.to_string()).collect();
    let mapping = suggest(&headers, ImportKind::Contacts.fields());
    let req = ImportRequest {
        file: "联系人.xlsx",
        sheet: &sheet,
        header_row: 0,
        mapping: &mapping,
        kind: ImportKind::Contacts,
        on_duplicate: mode,
        revenue_year: None,
    };
    s.commit_import(&req, &mut |_, _| true).unwrap();
}

fn contact_id(s: &Store, customer: i64, name: &str) -> i64 {
    s.contacts(customer).unwrap().into_iter().find(|c| c.fields.name == name).unwrap_or_else(|| panic!("no {name}")).id
}

struct World {
    customer: i64,
    person: i64,
    boss: i64,
    report: i64,
    visit: i64,
    opportunity: i64,
}

/// The person in every place, at customer 华东精密; 李娜 reports to them, they report to 王强.
fn world(s: &Store) -> World {
    let customer = s.create_customer(&common::named("华东精密机械有限公司")).unwrap().id;
    // Created and then updated by imports: the history holds their fields before and after.
    import_contacts(
        s,
        &[vec!["公司", "姓名", "手机", "职务"], vec!["华东精密机械有限公司", NAME, PHONE, "生产部长"]],
        OnDuplicate::Skip,
    );
    import_contacts(
        s,
        &[
            vec!["公司", "姓名", "手机", "职务", "微信", "邮箱"],
            vec!["华东精密机械有限公司", NAME, PHONE, "生产副总", WECHAT, EMAIL],
        ],
        OnDuplicate::Overwrite,
    );
    let person = contact_id(s, customer, NAME);
    let boss = s
        .create_contact(customer, &ContactFields { name: "王强".into(), title: "总经理".into(), ..Default::default() })
        .unwrap();
    let boss = boss.contacts.iter().find(|c| c.fields.name == "王强").unwrap().id;
    let mut card = s.contacts(customer).unwrap().into_iter().find(|c| c.id == person).unwrap().fields;
    card.reports_to = Some(boss);
    card.family = format!("{NAME}的女儿在学钢琴");
    card.notes = "只喝美式".into();
    s.update_contact(person, &card).unwrap();
    let report = ContactFields {
        name: "李娜".into(),
        reports_to: Some(person),
        notes: format!("{NAME}的老部下,电话 {PHONE}"),
        ..Default::default()
    };
    s.create_contact(customer, &report).unwrap();
    let report = contact_id(s, customer, "李娜");

    // The power map: assessments in two scopes, an influence edge, history of all of it.
    let assess = |evidence: &str| Assessment {
        contact_id: person,
        support: Some(1),
        influence: Some(5),
        evidence: evidence.into(),
        ..Default::default()
    };
    s.save_assessment(customer, None, &assess(&format!("{NAME}亲口说支持"))).unwrap();
    let scope = s.create_power_scope(customer, "2026 MES 项目").unwrap().scope_id;
    s.save_assessment(customer, scope, &assess("")).unwrap();
    s.add_edge(
        customer,
        None,
        &NewEdge { kind: EdgeKind::Influences, from: person, to: report, label: format!("{NAME}一手提拔") },
    )
    .unwrap();
    // 陈晨 reported to them, then to 王强: that change stays, without them.
    let chen = ContactFields { name: "陈晨".into(), reports_to: Some(person), ..Default::default() };
    s.create_contact(customer, &chen).unwrap();
    let chen = contact_id(s, customer, "陈晨");
    s.set_reports_to(customer, None, chen, Some(boss)).unwrap();

    // A deal with them as a key person; a summary with them among the participants.
    let deal = OpportunityFields {
        name: "MES 二期".into(),
        amount: Some(1_200_000.0),
        key_persons: vec![person, report],
        notes: format!("关键在{NAME}"),
        ..Default::default()
    };
    let opportunity = s.create_opportunity(customer, &deal).unwrap().id;
    let participants = vec![
        Participant { contact_id: person, ..Default::default() },
        Participant { contact_id: report, ..Default::default() },
    ];
    let visit = VisitFields {
        date: "2026-11-20".into(),
        customer_participants: participants.clone(),
        goal: "确认二期范围".into(),
        summary: format!("与{NAME}确认范围,他的手机 {PHONE}"),
        quotes: vec![format!("{NAME}:预算没问题")],
        actions: vec![ActionFields {
            what: format!("给{NAME}发方案"),
            owner: "我".into(),
            due_date: "2026-11-30".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let visit = s.create_visit(customer, &visit).unwrap().visit.id;
    // Copies in the trash: a summary and a deal deleted, and a contact whose cut edge was theirs.
    let trashed_visit = VisitFields {
        date: "2026-11-10".into(),
        customer_participants: participants,
        summary: format!("初次拜访{NAME}"),
        ..Default::default()
    };
    let trashed_visit = s.create_visit(customer, &trashed_visit).unwrap().visit.id;
    s.delete_visit(trashed_visit).unwrap();
    let trashed_deal = OpportunityFields {
        name: "备件框架".into(),
        amount: Some(50_000.0),
        key_persons: vec![person],
        ..Default::default()
    };
    let trashed_deal = s.create_opportunity(customer, &trashed_deal).unwrap().id;
    s.delete_opportunity(trashed_deal).unwrap();
    s.create_contact(customer, &ContactFields { name: "赵敏".into(), ..Default::default() }).unwrap();
    let zhao = contact_id(s, customer, "赵敏");
    s.add_edge(customer, None, &NewEdge { kind: EdgeKind::Conflicts, from: zhao, to: person, label: String::new() })
        .unwrap();
    s.delete_contact(zhao).unwrap();
    World { customer, person, boss, report, visit, opportunity }
}

/// Where `needle`'s UTF-8 bytes occur in the database file or its WAL.
fn files_holding(db: &Path, needle: &str) -> Vec<String> {
    let wal = db.with_file_name("dossier.sqlite-wal");
    [db, wal.as_path()]
        .into_iter()
        .filter(|f| f.exists())
        .filter(|f| std::fs::read(f).unwrap().windows(needle.len()).any(|w| w == needle.as_bytes()))
        .map(|f| f.display().to_string())
        .collect()
}

#[test]
fn erase_leaves_no_byte_of_the_person_in_the_file_or_the_wal() {
    let (dir, s) = common::store();
    let db = dir.path().join("dossier.sqlite");
    let w = world(&s);
    assert_eq!(s.search(NAME, 5).unwrap().contacts.len(), 1);
    assert!(!files_holding(&db, NAME).is_empty(), "the test puts the name in the file");
    // A snapshot taken before the erase, as a backup would be.
    let backup = dir.path().join("backup.sqlite");
    s.connection().execute("VACUUM INTO ?1", [backup.to_str().unwrap()]).unwrap();

    let report = s.erase_contact(w.person).unwrap();

    for needle in [NAME, PHONE, WECHAT, EMAIL] {
        assert_eq!(files_holding(&db, needle), Vec::<String>::new(), "{needle} left in the files");
    }
    // The full-text index's segments keep none of their trigrams (a deleted entry's stay there
    // until the segments are merged).
    let segments: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM search_fts_data WHERE instr(block, CAST('阳震华' AS BLOB)) > 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(segments, 0);
    assert_eq!(report.needles, [NAME, PHONE, WECHAT, EMAIL]);
    assert!(!holds_person(&db, &report.needles).unwrap());
    assert!(holds_person(&backup, &report.needles).unwrap(), "the backup still holds them");
    assert!(holds_person(&backup, &[EMAIL.to_string()]).unwrap());
    assert!(!holds_person(&backup, &["从未出现的人".to_string()]).unwrap());

    assert_eq!(
        report,
        EraseReport {
            contact_id: w.person,
            name: NAME.into(),
            customer_id: w.customer,
            customer_name: "华东精密机械有限公司".into(),
            assessments: 2,
            edges: 1,
            reports_cut: 1,
            history_removed: report.history_removed,
            history_rewritten: 1,
            visits: 2,
            opportunities: 2,
            import_rows: 2,
            trash_entries: 3,
            text_cells: report.text_cells,
            search_entries: 1,
            needles: report.needles.clone(),
            backups_holding: report.backups_holding.clone(),
            backups_checked: true,
        }
    );
    assert!(report.history_removed >= 5, "{report:?}");
    assert!(report.text_cells >= 6, "{report:?}");

    // The snapshots taken before the second import and later hold them; those are named, and
    // deleting them leaves no snapshot that does.
    let snapshots = s.snapshots().unwrap();
    let holding: Vec<String> = snapshots
        .iter()
        .filter(|x| holds_person(Path::new(&x.path), &report.needles).unwrap())
        .map(|x| x.file.clone())
        .collect();
    assert!(!holding.is_empty(), "the imports' snapshots hold them");
    assert_eq!(report.backups_holding, holding);
    assert!(
        matches!(s.delete_snapshots(&["dossier-x.sqlite".into()]), Err(CoreError::Backup { .. })),
        "only listed snapshots"
    );
    assert_eq!(s.delete_snapshots(&report.backups_holding).unwrap(), holding.len());
    assert!(s.snapshots().unwrap().iter().all(|x| !holds_person(Path::new(&x.path), &report.needles).unwrap()));
}

#[test]
fn everyone_else_is_intact_and_the_links_are_cut() {
    let (_dir, s) = common::store();
    let w = world(&s);
    s.erase_contact(w.person).unwrap();

    assert!(s.search(NAME, 5).unwrap().contacts.is_empty());
    assert!(s.search(PHONE, 5).unwrap().contacts.is_empty());
    assert_eq!(s.search("李娜", 5).unwrap().contacts.len(), 1);
    let profile = s.profile(w.customer).unwrap();
    let names: Vec<&str> = profile.contacts.iter().map(|c| c.fields.name.as_str()).collect();
    assert_eq!(names, ["王强", "李娜", "陈晨"]);
    let li = profile.contacts.iter().find(|c| c.id == w.report).unwrap();
    assert_eq!(li.fields.reports_to, None);
    assert_eq!(li.fields.notes, format!("{PLACEHOLDER}的老部下,电话 {PLACEHOLDER}"));
    assert!(profile.roles.is_empty(), "their assessment went with them");

    let visit = s.visit(w.visit).unwrap();
    let ids: Vec<i64> = visit.fields.customer_participants.iter().map(|p| p.contact_id).collect();
    assert_eq!(ids, [w.report]);
    assert_eq!(visit.fields.summary, format!("与{PLACEHOLDER}确认范围,他的手机 {PLACEHOLDER}"));
    assert_eq!(visit.fields.actions[0].what, format!("给{PLACEHOLDER}发方案"));
    let deal = s.opportunity(w.opportunity).unwrap();
    assert_eq!(deal.fields.key_persons, [w.report]);

    // The map and its history read without them; 李娜's boss change keeps its new side only.
    let map = s.power_map(w.customer, None).unwrap();
    assert!(map.nodes.iter().all(|n| n.contact_id != w.person));
    assert!(map.edges.iter().all(|e| e.from != w.person && e.to != w.person));
    let history = s.power_map_history(w.customer, None, 100).unwrap();
    assert!(!format!("{history:?}").contains(NAME));
    s.power_map_as_of(w.customer, None, "2026-01-01").unwrap();
    assert!(s.contacts(w.customer).unwrap().iter().any(|c| c.id == w.boss));

    // The trash: the summary and the deal come back without them; 赵敏 comes back, edge-less.
    let trash = s.trash(50, 0).unwrap();
    assert_eq!(trash.entries.len(), 3);
    for e in &trash.entries {
        let restored = s.restore_trash(e.id).unwrap();
        match e.kind {
            DeletedKind::Visit => {
                let v = s.visit(restored.id).unwrap();
                assert!(v.fields.customer_participants.iter().all(|p| p.contact_id != w.person));
                assert_eq!(v.fields.summary, format!("初次拜访{PLACEHOLDER}"));
            }
            DeletedKind::Opportunity => assert!(s.opportunity(restored.id).unwrap().fields.key_persons.is_empty()),
            _ => {}
        }
    }
    let map = s.power_map(w.customer, None).unwrap();
    assert!(map.edges.iter().all(|e| e.from != w.person && e.to != w.person));
}

#[test]
fn a_contact_in_the_trash_is_erased_with_its_entry_and_a_missing_one_is_not_found() {
    let (dir, s) = common::store();
    let w = world(&s);
    s.delete_contact(w.person).unwrap();
    assert_eq!(s.trash(50, 0).unwrap().entries.iter().filter(|e| e.kind == DeletedKind::Contact).count(), 2);
    let report = s.erase_contact(w.person).unwrap();
    assert_eq!(report.trash_entries, 4, "their own entry, and the summary, deal and 赵敏 copies");
    assert!(s.trash(50, 0).unwrap().entries.iter().all(|e| e.record_id != w.person || e.kind != DeletedKind::Contact));
    for needle in [NAME, PHONE, WECHAT, EMAIL] {
        assert!(files_holding(&dir.path().join("dossier.sqlite"), needle).is_empty(), "{needle}");
    }
    assert!(matches!(s.erase_contact(w.person), Err(CoreError::NotFound { .. })));
    assert!(matches!(s.erase_contact(999_999), Err(CoreError::NotFound { .. })));
}

#[test]
fn the_text_of_other_customers_and_a_one_character_name_are_left_alone() {
    let (_dir, s) = common::store();
    let w = world(&s);
    let other = s.create_customer(&common::named("长江汽配有限公司")).unwrap().id;
    s.create_contact(
        other,
        &ContactFields { name: "周杰".into(), notes: format!("认识华东的{NAME}"), ..Default::default() },
    )
    .unwrap();
    let short = s.create_contact(w.customer, &ContactFields { name: "王".into(), ..Default::default() }).unwrap();
    let short = short.contacts.iter().find(|c| c.fields.name == "王").unwrap().id;

    let report = s.erase_contact(short).unwrap();
    assert_eq!(report.text_cells, 0, "a one-character name is not replaced in text");
    assert_eq!(s.contacts(w.customer).unwrap().iter().find(|c| c.id == w.boss).unwrap().fields.name, "王强");

    s.erase_contact(w.person).unwrap();
    let zhou = s.contacts(other).unwrap().remove(0);
    assert_eq!(zhou.fields.notes, format!("认识华东的{NAME}"), "another customer's text is theirs");
}
