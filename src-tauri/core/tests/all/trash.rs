//! The trash (回收站): deleted customers, contacts, visit summaries and deals stay restorable
//! for the set number of days, in any order, across restarts.

use crate::common;

use common::{named, refused, store, store_on};
use dossier_core::activity::HomeQuery;
use dossier_core::customers::{ContactFields, DeletedKind, TrashContents};
use dossier_core::opportunities::{OpportunityFields, OpportunityQuery, Stage};
use dossier_core::settings::Settings;
use dossier_core::trends::PurchaseFields;
use dossier_core::visits::{ActionFields, VisitFields};
use dossier_core::{CoreError, Reason, Store};

/// A customer with three contacts, two deals, a summary (two actions) tied to the first deal,
/// a purchase record and a named power-map scope.
struct Account {
    id: i64,
    contacts: Vec<i64>,
    deal: i64,
    visit: i64,
}

fn account(s: &Store, name: &str) -> Account {
    let id = s.create_customer(&named(name)).unwrap().id;
    for n in ["王建华", "李芳", "赵强"] {
        s.create_contact(id, &ContactFields { name: n.into(), ..Default::default() }).unwrap();
    }
    let contacts = s.profile(id).unwrap().contacts.iter().map(|c| c.id).collect();
    s.create_opportunity(id, &OpportunityFields { name: "备件".into(), amount: Some(1e4), ..Default::default() })
        .unwrap();
    let deal = s
        .create_opportunity(
            id,
            &OpportunityFields {
                name: "MES 二期".into(),
                amount: Some(3e5),
                expected_close: "2026-11-30".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let action = |what: &str| ActionFields {
        what: what.into(),
        owner: "张伟".into(),
        due_date: "2026-11-23".into(),
        ..Default::default()
    };
    let v = VisitFields {
        date: "2026-11-20".into(),
        goal: "确认二期需求".into(),
        opportunity_id: Some(deal),
        actions: vec![action("发送报价单"), action("安排技术交流")],
        ..Default::default()
    };
    let visit = s.create_visit(id, &v).unwrap().visit.id;
    s.add_purchase(
        id,
        &PurchaseFields {
            month: "2026-10".into(),
            product: "伺服电机".into(),
            amount: Some(1e4),
            currency: "CNY".into(),
            ..Default::default()
        },
    )
    .unwrap();
    s.create_power_scope(id, "2026 MES 项目").unwrap();
    Account { id, contacts, deal, visit }
}

fn entry_id(s: &Store, kind: DeletedKind, record: i64) -> i64 {
    s.trash(500, 0).unwrap().entries.iter().find(|e| e.kind == kind && e.record_id == record).unwrap().id
}

#[test]
fn a_deleted_customer_waits_in_the_trash_with_everything_and_comes_back_whole() {
    let (dir, s) = store();
    let a = account(&s, "宏图家居");
    let removal = s.customer_removal(a.id).unwrap();
    let profile = s.profile(a.id).unwrap();
    s.delete_customer(a.id).unwrap();

    let page = s.trash(50, 0).unwrap();
    assert_eq!(page.total, 1);
    let e = &page.entries[0];
    assert_eq!(
        (e.kind, e.record_id, e.customer_id, e.name.as_str(), e.customer_name.as_str()),
        (DeletedKind::Customer, a.id, a.id, "宏图家居", "宏图家居")
    );
    assert_eq!(
        e.contents,
        TrashContents { contacts: 3, opportunities: 2, visits: 1, actions: 2, purchases: 1, power_scopes: 1 }
    );
    assert_eq!(
        (e.deleted_at.as_str(), e.expires_at.as_str(), e.import_id),
        ("2026-11-23T12:00:00Z", "2026-12-23T12:00:00Z", None)
    );
    // Nothing of it shows anywhere meanwhile.
    assert_eq!(s.stats().unwrap().customers, 0);
    assert!(s.search("李芳", 8).unwrap().contacts.is_empty());
    assert_eq!(s.list_opportunities(&OpportunityQuery { limit: 50, ..Default::default() }).unwrap().total, 0);
    assert_eq!(s.home(&HomeQuery::default()).unwrap().due_today_total, 0);
    assert!(s.portfolio_risk().unwrap().customers.is_empty());

    // Another day, another process: still there, restorable.
    drop(s);
    let s = store_on(&dir, 2026, 12, 1);
    let r = s.restore_trash(e.id).unwrap();
    assert_eq!((r.kind, r.id, r.customer_id, r.name.as_str()), (DeletedKind::Customer, a.id, a.id, "宏图家居"));
    assert_eq!(s.customer_removal(a.id).unwrap(), removal);
    assert_eq!(s.profile(a.id).unwrap().contacts, profile.contacts);
    assert_eq!(s.search("李芳", 8).unwrap().contacts.len(), 1);
    assert_eq!(s.visit(a.visit).unwrap().fields.opportunity_id, Some(a.deal));
    assert_eq!(s.trash(50, 0).unwrap().total, 0);
}

#[test]
fn entries_are_listed_newest_first_and_restored_in_any_order() {
    let (dir, s) = store();
    let a = account(&s, "宏图家居");
    let b = account(&s, "长江汽配");
    s.delete_contact(a.contacts[1]).unwrap();
    let s = {
        drop(s);
        store_on(&dir, 2026, 11, 24)
    };
    s.delete_visit(b.visit).unwrap();
    let s = {
        drop(s);
        store_on(&dir, 2026, 11, 25)
    };
    let closing = s.home(&HomeQuery::default()).unwrap().closing_total;
    s.delete_opportunity(a.deal).unwrap();
    // A deal in the trash is in no list, count or light.
    assert!(s
        .list_opportunities(&OpportunityQuery { limit: 50, ..Default::default() })
        .unwrap()
        .rows
        .iter()
        .all(|r| r.opportunity.id != a.deal));
    assert_eq!(s.home(&HomeQuery::default()).unwrap().closing_total, closing - 1);
    assert!(s.portfolio_risk().unwrap().opportunities.iter().all(|o| o.opportunity_id != a.deal));
    s.delete_customer(b.id).unwrap();
    let page = s.trash(2, 0).unwrap();
    assert_eq!(page.total, 4);
    let listed: Vec<(DeletedKind, String)> = page.entries.iter().map(|e| (e.kind, e.name.clone())).collect();
    assert_eq!(listed, [(DeletedKind::Customer, "长江汽配".into()), (DeletedKind::Opportunity, "MES 二期".into())]);
    let rest = s.trash(2, 2).unwrap().entries;
    assert_eq!(rest.iter().map(|e| e.kind).collect::<Vec<_>>(), [DeletedKind::Visit, DeletedKind::Contact]);
    assert_eq!(rest[0].contents.actions, 2);

    // The oldest first: the contact, with its place on the map.
    let r = s.restore_trash(rest[1].id).unwrap();
    assert_eq!((r.kind, r.id, r.customer_id), (DeletedKind::Contact, a.contacts[1], a.id));
    assert_eq!(s.profile(a.id).unwrap().contacts.len(), 3);
    // The deal: back with its stage history, its summary tied to it again.
    let r = s.restore_trash(entry_id(&s, DeletedKind::Opportunity, a.deal)).unwrap();
    assert_eq!(r.id, a.deal);
    assert_eq!(s.visit(a.visit).unwrap().fields.opportunity_id, Some(a.deal));
    assert_eq!(s.stage_history(a.deal).unwrap().len(), 1);
    let tied: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM next_action WHERE opportunity_id = ?1", [a.deal], |r| r.get(0))
        .unwrap();
    assert_eq!(tied, 2, "its actions too");
}

#[test]
fn nothing_comes_back_into_a_customer_in_the_trash_nor_under_a_taken_name() {
    let (_d, s) = store();
    let a = account(&s, "宏图家居");
    s.delete_contact(a.contacts[0]).unwrap();
    s.delete_visit(a.visit).unwrap();
    s.delete_customer(a.id).unwrap();
    let customer_entry = entry_id(&s, DeletedKind::Customer, a.id);
    for kind in [DeletedKind::Contact, DeletedKind::Visit] {
        let record = if kind == DeletedKind::Contact { a.contacts[0] } else { a.visit };
        match s.restore_trash(entry_id(&s, kind, record)) {
            Err(CoreError::CustomerInTrash { customer_id, name, trash_id }) => {
                assert_eq!((customer_id, name.as_str(), trash_id), (a.id, "宏图家居", Some(customer_entry)));
            }
            other => panic!("expected customerInTrash, got {other:?}"),
        }
    }
    assert_eq!(s.trash(50, 0).unwrap().total, 3, "refused restores leave the trash as it was");
    let json = serde_json::to_value(s.restore_trash(entry_id(&s, DeletedKind::Visit, a.visit)).unwrap_err()).unwrap();
    assert_eq!(json["type"], "customerInTrash");

    // The name taken meanwhile: refused as a duplicate; free again, the customer comes back
    // without the contact deleted before it, which comes back on its own.
    let other = s.create_customer(&named("宏图家居有限公司")).unwrap();
    assert_eq!(refused(s.restore_trash(customer_entry)), ("name".into(), Reason::Duplicate));
    s.delete_customer(other.id).unwrap();
    s.restore_trash(customer_entry).unwrap();
    assert_eq!(s.profile(a.id).unwrap().contacts.len(), 2);
    s.restore_trash(entry_id(&s, DeletedKind::Contact, a.contacts[0])).unwrap();
    s.restore_trash(entry_id(&s, DeletedKind::Visit, a.visit)).unwrap();
    assert_eq!(s.profile(a.id).unwrap().contacts.len(), 3);
    assert_eq!(s.visit(a.visit).unwrap().fields.actions.len(), 2);
    assert!(matches!(s.restore_trash(customer_entry), Err(CoreError::NotFound { .. })));
}

#[test]
fn a_restored_deal_whose_id_was_taken_comes_back_under_a_new_one() {
    let (_d, s) = store();
    let a = account(&s, "宏图家居");
    let scope = s.create_power_scope(a.id, "二期").unwrap().scope_id.unwrap();
    let mut f = s.opportunity(a.deal).unwrap().fields;
    f.scope_id = Some(scope);
    f.needs = "产线追溯".into();
    s.update_opportunity(a.deal, &f).unwrap();
    s.move_opportunity(a.deal, Stage::Needs, None).unwrap();
    s.delete_opportunity(a.deal).unwrap();
    s.delete_power_scope(scope).unwrap();
    // The deal had the highest id, which SQLite hands to the next new deal.
    let taken = s
        .create_opportunity(a.id, &OpportunityFields { name: "新单".into(), amount: Some(1.0), ..Default::default() })
        .unwrap()
        .id;
    assert_eq!(taken, a.deal, "the id is reused");
    let r = s.restore_trash(entry_id(&s, DeletedKind::Opportunity, a.deal)).unwrap();
    assert_ne!(r.id, a.deal);
    let back = s.opportunity(r.id).unwrap();
    assert_eq!(
        (back.fields.name.as_str(), back.fields.stage, back.fields.scope_id),
        ("MES 二期", Stage::Needs, None),
        "its scope was deleted meanwhile"
    );
    assert_eq!(s.stage_history(r.id).unwrap().len(), 2);
    assert_eq!(s.visit(a.visit).unwrap().fields.opportunity_id, Some(r.id), "its summary is tied to it again");
    assert_eq!(s.opportunity(taken).unwrap().fields.name, "新单", "the newer deal is untouched");
    assert!(s.stage_history(taken).unwrap().len() == 1);
}

#[test]
fn entries_leave_for_good_by_age_or_when_purged() {
    let (dir, s) = store();
    let a = account(&s, "宏图家居");
    let b = account(&s, "长江汽配");
    s.delete_contact(a.contacts[0]).unwrap();
    s.delete_customer(b.id).unwrap();
    drop(s);

    // Day 29: nothing is old enough. Day 30, the same hour: both leave, with their rows.
    let s = store_on(&dir, 2026, 12, 22);
    assert_eq!(s.purge_expired_trash().unwrap(), 0);
    s.delete_visit(a.visit).unwrap();
    drop(s);
    let s = store_on(&dir, 2026, 12, 23);
    assert_eq!(s.purge_expired_trash().unwrap(), 2);
    let page = s.trash(50, 0).unwrap();
    assert_eq!(page.entries.iter().map(|e| e.kind).collect::<Vec<_>>(), [DeletedKind::Visit]);
    let left: (i64, i64, i64) = s
        .connection()
        .query_row(
            "SELECT (SELECT count(*) FROM contact WHERE id = ?1), (SELECT count(*) FROM customer WHERE id = ?2),
                    (SELECT count(*) FROM purchase WHERE customer_id = ?2)",
            [a.contacts[0], b.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(left, (0, 0, 0));

    // The number of days is a setting, 1–365.
    assert_eq!(
        refused(s.save_settings(&Settings { trash_days: 0, ..Settings::default() })),
        ("trashDays".into(), Reason::OutOfRange)
    );
    assert_eq!(
        refused(s.save_settings(&Settings { trash_days: 366, ..Settings::default() })),
        ("trashDays".into(), Reason::OutOfRange)
    );
    s.save_settings(&Settings { trash_days: 90, ..Settings::default() }).unwrap();
    assert_eq!(s.trash(50, 0).unwrap().entries[0].expires_at, "2027-03-22T12:00:00Z");

    // 永久删除 of a customer takes the entries of its contacts and summaries with it.
    s.delete_contact(a.contacts[1]).unwrap();
    s.delete_customer(a.id).unwrap();
    assert_eq!(s.trash(50, 0).unwrap().total, 3);
    s.purge_trash(entry_id(&s, DeletedKind::Customer, a.id)).unwrap();
    assert_eq!(s.trash(50, 0).unwrap().total, 0);
    assert!(matches!(s.purge_trash(1), Err(CoreError::NotFound { .. })));

    // 清空回收站.
    let c = account(&s, "星海半导体");
    s.delete_contact(c.contacts[0]).unwrap();
    s.delete_opportunity(c.deal).unwrap();
    assert_eq!(s.empty_trash().unwrap(), 2);
    assert_eq!(s.trash(50, 0).unwrap().total, 0);
    assert!(s.opportunity(c.deal).is_err());
    assert_eq!(s.visit(c.visit).unwrap().fields.opportunity_id, None);
}

#[test]
fn undo_restores_the_newest_delete_and_skips_an_undone_imports_customers() {
    let (_d, s) = store();
    let a = account(&s, "宏图家居");
    s.delete_contact(a.contacts[2]).unwrap();
    s.delete_opportunity(a.deal).unwrap();
    // An import's undo puts its customers in the trash after those deletes.
    let sheet = dossier_core::import::read::Sheet {
        name: "客户".into(),
        rows: vec![vec![text("客户名称")], vec![text("蓝海食品")]],
    };
    let mapping = dossier_core::import::mapping::suggest(
        &["客户名称".to_string()],
        dossier_core::import::plan::ImportKind::Customers.fields(),
    );
    let req = dossier_core::import::ImportRequest {
        file: "x.xlsx",
        sheet: &sheet,
        header_row: 0,
        mapping: &mapping,
        kind: dossier_core::import::plan::ImportKind::Customers,
        on_duplicate: dossier_core::import::plan::OnDuplicate::Skip,
        revenue_year: None,
    };
    let rec = s.commit_import(&req, &mut |_, _| true).unwrap();
    s.undo_import(rec.id, false).unwrap();
    assert_eq!(s.trash(50, 0).unwrap().entries[0].import_id, Some(rec.id));

    assert_eq!(s.undo_delete().unwrap().unwrap().kind, DeletedKind::Opportunity);
    assert_eq!(s.undo_delete().unwrap().unwrap().kind, DeletedKind::Contact);
    assert_eq!(s.undo_delete().unwrap(), None, "the import's customer waits for an explicit restore");
    assert_eq!(s.trash(50, 0).unwrap().total, 1);
}

fn text(s: &str) -> dossier_core::import::values::Cell {
    dossier_core::import::values::Cell::Text(s.into())
}

/// A customer list of one row: name, industry, region (with its contact when given).
fn customers_sheet(rows: &[[&str; 4]]) -> dossier_core::import::read::Sheet {
    let mut all = vec![["客户名称", "行业", "地区", "联系人"].map(text).to_vec()];
    all.extend(rows.iter().map(|r| r.map(text).to_vec()));
    dossier_core::import::read::Sheet { name: "客户".into(), rows: all }
}

fn import(s: &Store, rows: &[[&str; 4]], on_duplicate: dossier_core::import::plan::OnDuplicate) -> i64 {
    use dossier_core::import::plan::ImportKind;
    let sheet = customers_sheet(rows);
    let headers: Vec<String> = ["客户名称", "行业", "地区", "联系人"].map(String::from).to_vec();
    let mapping = dossier_core::import::mapping::suggest(&headers, ImportKind::Customers.fields());
    let req = dossier_core::import::ImportRequest {
        file: "客户.xlsx",
        sheet: &sheet,
        header_row: 0,
        mapping: &mapping,
        kind: ImportKind::Customers,
        on_duplicate,
        revenue_year: None,
    };
    s.commit_import(&req, &mut |_, _| true).unwrap().id
}

#[test]
fn undoing_an_import_trashes_what_it_created_and_keeps_later_edits() {
    use dossier_core::import::plan::OnDuplicate;
    let (_d, s) = store();
    let old = s
        .create_customer(&dossier_core::customers::CustomerFields {
            name: "华东精密".into(),
            industry: "机械".into(),
            region: "江苏".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let untouched = s
        .create_customer(&dossier_core::customers::CustomerFields {
            name: "南方电网".into(),
            industry: "能源".into(),
            region: "广东".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let id = import(
        &s,
        &[
            ["华东精密", "装备制造", "上海", "王芳"],
            ["南方电网", "电力", "广州", ""],
            ["蓝海食品", "食品", "山东", "李四"],
        ],
        OnDuplicate::Overwrite,
    );
    let created = s.search("蓝海食品", 1).unwrap().customers[0].id;
    // After the import: a visit added to the new customer, 华东精密's region edited by hand.
    s.create_visit(created, &VisitFields { date: "2026-11-22".into(), goal: "首次拜访".into(), ..Default::default() })
        .unwrap();
    let mut f = s.profile(old).unwrap().customer.fields;
    f.region = "浙江".into();
    s.update_customer(old, &f).unwrap();

    let p = s.import_undo_preview(id).unwrap();
    assert_eq!((p.customers, p.contacts, p.purchases, p.reverted), (1, 1, 0, 2));
    assert_eq!(p.edited.len(), 1);
    assert_eq!(
        (p.edited[0].id, p.edited[0].name.as_str(), p.edited[0].fields.clone()),
        (old, "华东精密", vec!["region".to_string()])
    );
    assert_eq!(s.import_undo_preview(id).unwrap(), p, "the preview writes nothing");

    s.undo_import(id, false).unwrap();
    // The field nobody touched since is reverted; the one edited since stays as edited.
    let f = s.profile(old).unwrap().customer.fields;
    assert_eq!((f.industry.as_str(), f.region.as_str()), ("机械", "浙江"));
    let f = s.profile(untouched).unwrap().customer.fields;
    assert_eq!((f.industry.as_str(), f.region.as_str()), ("能源", "广东"));
    // The created customer (with its visit) and the contact added to 华东精密 wait in the trash.
    assert!(s.profile(created).is_err());
    assert_eq!(s.profile(old).unwrap().contacts.len(), 0);
    let page = s.trash(50, 0).unwrap();
    assert_eq!(page.total, 2);
    assert!(page.entries.iter().all(|e| e.import_id == Some(id)));
    let back = s.restore_trash(entry_id(&s, DeletedKind::Customer, created)).unwrap();
    assert_eq!(back.name, "蓝海食品");
    assert_eq!(s.visits(created, None, 0, 10).unwrap().total, 1, "with what was added since");
    assert_eq!(s.profile(created).unwrap().contacts.len(), 1);
    assert!(matches!(s.import_undo_preview(id), Err(CoreError::AlreadyUndone { .. })));

    // Asked to, the undo reverts the edited fields too.
    let id = import(&s, &[["华东精密", "装备制造", "上海", ""]], OnDuplicate::Overwrite);
    let mut f = s.profile(old).unwrap().customer.fields;
    f.region = "安徽".into();
    s.update_customer(old, &f).unwrap();
    s.undo_import(id, true).unwrap();
    let f = s.profile(old).unwrap().customer.fields;
    assert_eq!((f.industry.as_str(), f.region.as_str()), ("机械", "浙江"));
}

#[test]
fn what_the_old_undo_bin_held_becomes_trash_entries_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.sqlite");
    let (customer, contact, kept_contact);
    {
        let s = Store::open(&path, common::clock()).unwrap();
        let a = account(&s, "宏图家居");
        let b = account(&s, "长江汽配");
        let (c, ct) = (a.id, b.contacts[0]);
        customer = c;
        contact = ct;
        kept_contact = b.id;
        // As version 8 left it: a marked customer (purged at start-up back then, but the last
        // delete of a session), a marked contact named in `last_delete`.
        let conn = s.connection();
        common::back_to_version_10(conn);
        conn.execute_batch(&format!(
            "DROP TABLE trash;
             ALTER TABLE import_change DROP COLUMN after;
             UPDATE customer SET deleted_at = '2026-11-20T08:00:00Z' WHERE id = {c};
             UPDATE contact SET deleted_at = '2026-11-21T08:00:00Z' WHERE id = {ct};
             INSERT INTO setting (key, value) VALUES ('last_delete', '{{\"kind\":\"contact\",\"id\":{ct},\"kept\":{{\"edges\":[],\"reports\":[]}}}}');
             PRAGMA user_version = 8;"
        ))
        .unwrap();
    }
    let s = Store::open(&path, common::clock()).unwrap();
    let page = s.trash(50, 0).unwrap();
    let listed: Vec<(DeletedKind, i64, String)> =
        page.entries.iter().map(|e| (e.kind, e.record_id, e.deleted_at.clone())).collect();
    assert_eq!(
        listed,
        [
            (DeletedKind::Contact, contact, "2026-11-21T08:00:00Z".into()),
            (DeletedKind::Customer, customer, "2026-11-20T08:00:00Z".into())
        ]
    );
    assert_eq!(page.entries[1].contents.contacts, 3);
    let setting: i64 =
        s.connection().query_row("SELECT count(*) FROM setting WHERE key = 'last_delete'", [], |r| r.get(0)).unwrap();
    assert_eq!(setting, 0);
    s.restore_trash(page.entries[0].id).unwrap();
    assert_eq!(s.profile(kept_contact).unwrap().contacts.len(), 3);
}

#[test]
fn an_import_from_before_the_trash_reverts_only_records_not_saved_since() {
    use dossier_core::import::plan::OnDuplicate;
    let (dir, s) = store();
    let mut ids = Vec::new();
    for (name, region) in [("华东精密", "江苏"), ("南方电网", "广东")] {
        ids.push(
            s.create_customer(&dossier_core::customers::CustomerFields {
                name: name.into(),
                region: region.into(),
                ..Default::default()
            })
            .unwrap()
            .id,
        );
    }
    let id = import(&s, &[["华东精密", "", "上海", ""], ["南方电网", "", "广州", ""]], OnDuplicate::Overwrite);
    // Imports committed before migration 009 did not keep what they wrote.
    s.connection().execute("UPDATE import_change SET after = NULL", []).unwrap();
    drop(s);
    let s = store_on(&dir, 2026, 11, 24);
    let mut f = s.profile(ids[0]).unwrap().customer.fields;
    f.industry = "机械".into();
    s.update_customer(ids[0], &f).unwrap();
    let p = s.import_undo_preview(id).unwrap();
    assert_eq!(
        p.edited.iter().map(|e| (e.id, e.fields.clone())).collect::<Vec<_>>(),
        [(ids[0], vec!["industry".to_string(), "region".to_string()])]
    );
    s.undo_import(id, false).unwrap();
    let region = |i: usize| s.profile(ids[i]).unwrap().customer.fields.region;
    assert_eq!((region(0).as_str(), region(1).as_str()), ("上海", "广东"), "the record saved since is left whole");
}

#[test]
fn an_import_undo_that_would_take_a_name_in_use_is_refused_whole() {
    use dossier_core::import::plan::OnDuplicate;
    let (_d, s) = store();
    let old = s.create_customer(&named("华东精密")).unwrap().id;
    // The import also renamed 长江汽配 to 华东精密 (as its history records it); someone
    // created another 长江汽配 since.
    let id = import(&s, &[["蓝海食品", "食品", "", ""]], OnDuplicate::Overwrite);
    s.connection()
        .execute("INSERT INTO import_change (batch_id, entity, ref_id, action, before, after) VALUES (?1, 'customer', ?2, 'updated', ?3, ?4)", rusqlite::params![id, old, serde_json::json!({"name": "长江汽配"}).to_string(), serde_json::json!({"name": "华东精密"}).to_string()])
        .unwrap();
    s.create_customer(&named("长江汽配")).unwrap();
    assert_eq!(refused(s.undo_import(id, false)), ("name".into(), Reason::Duplicate));
    assert_eq!(s.trash(50, 0).unwrap().total, 0, "nothing was written");
    assert!(s.search("蓝海食品", 1).unwrap().customers.len() == 1);
}
