//! Customers, the 8 dimensions, contacts, delete/undo — against a real SQLite file.

use crate::common;

use common::{named, refused, store};
use dossier_core::customers::*;
use dossier_core::settings::{NotifySettings, Settings};
use dossier_core::Reason;

#[test]
fn create_and_read_back_a_customer_with_chinese_name() {
    let (_dir, s) = store();
    let c = s
        .create_customer(&CustomerFields {
            name: " 华东精密机械股份有限公司 ".into(),
            grade: Some(Grade::A),
            industry: "装备制造".into(),
            tags: vec!["重点".into(), " ".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(c.fields.name, "华东精密机械股份有限公司");
    assert_eq!(c.fields.tags, vec!["重点".to_string()]);
    let p = s.profile(c.id).unwrap();
    assert_eq!(p.customer.fields.grade, Some(Grade::A));
    assert_eq!(p.sections.len(), 8);
    let overview = &p.sections[0];
    assert_eq!(overview.section, Section::Overview);
    assert_eq!(overview.updated_at.as_deref(), Some("2026-11-23T12:00:00Z"));
    assert!(overview.completeness > 0 && overview.completeness < 100);
    assert_eq!(p.sections[1].updated_at, None, "business was never saved");
}

#[test]
fn duplicate_names_are_refused_after_normalisation_and_nothing_is_written() {
    let (_dir, s) = store();
    s.create_customer(&named("华为技术有限公司")).unwrap();
    for dup in ["华为技术", "  华为技术股份有限公司", "华为技术有限公司"] {
        let (field, reason) = refused(s.create_customer(&named(dup)));
        assert_eq!((field.as_str(), reason), ("name", Reason::Duplicate));
    }
    let (field, reason) = refused(s.create_customer(&named("   ")));
    assert_eq!((field.as_str(), reason), ("name", Reason::Required));
    assert_eq!(s.stats().unwrap().customers, 1);
    // Renaming another customer onto the name is refused too; renaming itself is fine.
    let other = s.create_customer(&named("中兴通讯")).unwrap();
    assert_eq!(refused(s.update_customer(other.id, &named("华为技术"))).1, Reason::Duplicate);
    assert_eq!(s.profile(other.id).unwrap().customer.fields.name, "中兴通讯");
    s.update_customer(other.id, &named("中兴通讯股份有限公司")).unwrap();
}

#[test]
fn invalid_section_saves_change_nothing() {
    let (_dir, s) = store();
    let c = s.create_customer(&named("蓝海食品")).unwrap();
    let good = vec![FinancialPeriod { period: "2024".into(), inventory_days: Some(30.0), ..Default::default() }];
    s.save_financials(c.id, &good).unwrap();
    let bad = vec![
        FinancialPeriod { period: "2024".into(), ..Default::default() },
        FinancialPeriod { period: "2025".into(), gross_margin: Some(180.0), ..Default::default() },
    ];
    assert_eq!(refused(s.save_financials(c.id, &bad)), ("financials.1.grossMargin".into(), Reason::OutOfRange));
    assert_eq!(s.profile(c.id).unwrap().financials, good);
    let bad_it = ProcessIt { digital_maturity: Some(6), ..Default::default() };
    assert_eq!(refused(s.save_process_it(c.id, &bad_it)).0, "digitalMaturity");
    assert_eq!(s.profile(c.id).unwrap().process_it, ProcessIt::default());
}

#[test]
fn every_dimension_saves_and_raises_completeness() {
    let (_dir, s) = store();
    let c = s.create_customer(&named("瑞丰化工")).unwrap();
    let before = s.profile(c.id).unwrap().customer.completeness;
    s.save_business(
        c.id,
        &MainBusiness {
            lines: vec![BusinessLine { name: "涂料".into(), share: Some(70.0), products: "水性涂料".into() }],
            main_products: "涂料".into(),
            market_position: "区域龙头".into(),
            trend: Some(Trend::Rising),
            budget_type: Some(BudgetType::Expansion),
        },
    )
    .unwrap();
    s.save_sp_bp(c.id, &SpBp { sp_goals: "三年翻番".into(), budget_approved: Some(true), ..Default::default() })
        .unwrap();
    s.save_suppliers(
        c.id,
        &[Supplier { category: "树脂".into(), name: "巴斯夫".into(), share: Some(60.0), ..Default::default() }],
    )
    .unwrap();
    let p = s
        .save_process_it(
            c.id,
            &ProcessIt { systems: vec!["SAP".into()], digital_maturity: Some(3), ..Default::default() },
        )
        .unwrap();
    assert_eq!(p.business.lines[0].name, "涂料");
    assert_eq!(p.sp_bp.sp_goals, "三年翻番");
    assert_eq!(p.suppliers[0].name, "巴斯夫");
    assert_eq!(p.process_it.systems, vec!["SAP".to_string()]);
    let business = p.sections.iter().find(|x| x.section == Section::Business).unwrap();
    assert_eq!(business.completeness, 100);
    assert!(p.customer.completeness > before);
    // The list sorts by the stored score, which must match the profile's.
    let page = s.list_customers(&CustomerQuery::default()).unwrap();
    assert_eq!(page.rows[0].completeness, p.customer.completeness);
}

#[test]
fn financial_signal_uses_the_configured_threshold() {
    let (_dir, s) = store();
    let c = s.create_customer(&named("星海半导体")).unwrap();
    let periods = vec![
        FinancialPeriod {
            period: "2024".into(),
            inventory_days: Some(30.0),
            receivable_days: Some(60.0),
            ..Default::default()
        },
        FinancialPeriod {
            period: "2025".into(),
            inventory_days: Some(60.0),
            receivable_days: Some(70.0),
            ..Default::default()
        },
    ];
    let p = s.save_financials(c.id, &periods).unwrap();
    assert_eq!(p.signals.len(), 1);
    assert_eq!(p.signals[0].metric, FinancialMetric::InventoryDays);
    assert_eq!((p.signals[0].from_value, p.signals[0].to_value, p.signals[0].change_pct), (30.0, 60.0, 100.0));
    s.save_settings(&Settings { turnover_change_pct: 15.0, ..Settings::default() }).unwrap();
    assert_eq!(s.profile(c.id).unwrap().signals.len(), 2, "receivables +16.7% now counts");
    assert_eq!(
        refused(s.save_settings(&Settings { turnover_change_pct: 0.0, ..Settings::default() })).0,
        "turnoverChangePct"
    );
}

#[test]
fn the_action_reminder_is_on_at_nine_by_default_and_saved_with_the_settings() {
    let (_dir, s) = store();
    // Settings saved before the reminder existed read with its defaults.
    s.connection().execute("INSERT INTO setting (key, value) VALUES ('settings', '{\"staleMonths\":18}')", []).unwrap();
    let got = s.settings().unwrap();
    assert_eq!((got.stale_months, got.notify.enabled, got.notify.time.as_str()), (18, true, "09:00"));
    assert!(got.notify.owners.is_empty());

    let mut changed = got.clone();
    changed.notify = NotifySettings { enabled: false, time: "17:45".into(), owners: vec!["李明".into()] };
    assert_eq!(s.save_settings(&changed).unwrap(), changed);
    assert_eq!(s.settings().unwrap().notify, changed.notify);

    changed.notify.time = "7:5pm".into();
    assert_eq!(refused(s.save_settings(&changed)), ("notify.time".into(), Reason::InvalidDate));
    assert_eq!(s.settings().unwrap().notify.time, "17:45", "nothing written");

    // 「我的负责人姓名」 as typed: " 李明 " twice is one 李明, the name on the actions; a blank one is refused.
    changed.notify.time = " 08:30 ".into();
    changed.notify.owners = vec![" 李明 ".into(), "李明".into(), "王芳".into()];
    let saved = s.save_settings(&changed).unwrap();
    assert_eq!(
        (saved.notify.owners, saved.notify.time),
        (vec!["李明".to_string(), "王芳".to_string()], "08:30".to_string())
    );
    changed.notify.owners = vec!["  ".into()];
    assert_eq!(refused(s.save_settings(&changed)).0, "notify.owners.0");
}

#[test]
fn sections_older_than_the_stale_age_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    let old = dossier_core::Store::open(&path, std::sync::Arc::new(dossier_core::FixedClock::on(2025, 6, 1))).unwrap();
    let c = old
        .create_customer(&CustomerFields {
            name: "北方重工".into(), industry: "重型机械".into(), ..Default::default()
        })
        .unwrap();
    old.save_financials(c.id, &[FinancialPeriod { period: "2024".into(), revenue: Some(1.0), ..Default::default() }])
        .unwrap();
    drop(old);
    let s = dossier_core::Store::open(&path, common::clock()).unwrap();
    s.save_business(c.id, &MainBusiness { main_products: "挖掘机".into(), ..Default::default() }).unwrap();
    let stale = |p: &CustomerProfile, sec| p.sections.iter().find(|x| x.section == sec).unwrap().stale;
    let p = s.profile(c.id).unwrap();
    assert!(stale(&p, Section::Financials), "saved 2025-06-01, today 2026-11-23, 12 months");
    assert!(!stale(&p, Section::Business));
    s.save_settings(&Settings { stale_months: 24, ..Settings::default() }).unwrap();
    assert!(!stale(&s.profile(c.id).unwrap(), Section::Financials));
}

#[test]
fn contacts_reports_to_must_stay_a_tree_within_the_customer() {
    let (_dir, s) = store();
    let c = s.create_customer(&named("中恒电力")).unwrap();
    let other = s.create_customer(&named("金桥物流")).unwrap();
    let contact =
        |name: &str, boss: Option<i64>| ContactFields { name: name.into(), reports_to: boss, ..Default::default() };
    let p = s.create_contact(c.id, &contact("王总", None)).unwrap();
    let wang = p.contacts[0].id;
    let p = s.create_contact(c.id, &contact("李芳", Some(wang))).unwrap();
    let li = p.contacts.iter().find(|x| x.fields.name == "李芳").unwrap().id;
    let p = s.create_contact(c.id, &contact("赵强", Some(li))).unwrap();
    let zhao = p.contacts.iter().find(|x| x.fields.name == "赵强").unwrap().id;
    // 王总 → 赵强 would close the loop 赵强 → 李芳 → 王总.
    let err = s.update_contact(wang, &contact("王总", Some(zhao))).unwrap_err();
    match err {
        dossier_core::CoreError::Validation { field, reason, detail } => {
            assert_eq!((field.as_str(), reason), ("reportsTo", Reason::Cycle));
            let dossier_core::Detail::Cycle { path } = detail else { panic!("the loop as a path: {detail:?}") };
            let names: Vec<&str> = path.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names.join(" → "), "王总 → 赵强 → 李芳 → 王总", "the same path as on the power map");
            assert_eq!(path.iter().map(|c| c.id).collect::<Vec<_>>(), [wang, zhao, li, wang]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(refused(s.update_contact(wang, &contact("王总", Some(wang)))).1, Reason::Cycle);
    let outsider = s.create_contact(other.id, &contact("外人", None)).unwrap().contacts[0].id;
    assert_eq!(refused(s.update_contact(li, &contact("李芳", Some(outsider)))).1, Reason::InvalidReference);
    assert_eq!(s.profile(c.id).unwrap().contacts.iter().find(|x| x.id == wang).unwrap().fields.reports_to, None);
}

#[test]
fn role_table_accepts_only_this_customers_contacts() {
    let (_dir, s) = store();
    let c = s.create_customer(&named("通达轨交")).unwrap();
    let p = s
        .create_contact(c.id, &ContactFields { name: "周明".into(), is_key_person: true, ..Default::default() })
        .unwrap();
    let id = p.contacts[0].id;
    let role = RoleAssessment {
        contact_id: id,
        buying_role: Some(BuyingRole::DecisionMaker),
        support: Some(2),
        influence: Some(5),
        coverage: Some(Coverage::Deep),
        evidence: "明确支持".into(),
        assessed_on: String::new(),
    };
    let p = s.save_roles(c.id, std::slice::from_ref(&role)).unwrap();
    assert_eq!(p.roles[0].assessed_on, "2026-11-23", "dated today when left empty");
    assert_eq!(p.sections.iter().find(|x| x.section == Section::PowerMap).unwrap().completeness, 100);
    let stranger = RoleAssessment { contact_id: id + 1000, ..role };
    assert_eq!(refused(s.save_roles(c.id, &[stranger])).1, Reason::InvalidReference);
}

#[test]
fn delete_and_undo_bring_back_customer_contacts_and_search() {
    let (_dir, s) = store();
    let c = s.create_customer(&named("宏图家居")).unwrap();
    s.create_contact(c.id, &ContactFields { name: "林雪梅".into(), phone: "13912345678".into(), ..Default::default() })
        .unwrap();
    s.delete_customer(c.id).unwrap();
    assert_eq!(s.stats().unwrap().customers, 0);
    assert_eq!(s.stats().unwrap().contacts, 0);
    assert!(s.search("林雪梅", 8).unwrap().contacts.is_empty());
    assert!(matches!(s.profile(c.id), Err(dossier_core::CoreError::NotFound { .. })));
    let r = s.undo_delete().unwrap().unwrap();
    assert_eq!((r.kind, r.id, r.name.as_str()), (DeletedKind::Customer, c.id, "宏图家居"));
    assert_eq!(s.search("林雪梅", 8).unwrap().contacts.len(), 1);
    assert_eq!(s.search("宏图", 8).unwrap().customers.len(), 1);
    assert_eq!(s.undo_delete().unwrap(), None, "only once: the trash is empty");
}

#[test]
fn undo_takes_the_newest_delete_each_time_and_name_reuse_blocks_it() {
    let (_dir, s) = store();
    let a = s.create_customer(&named("甲公司")).unwrap();
    let b = s.create_customer(&named("乙公司")).unwrap();
    s.delete_customer(a.id).unwrap();
    s.delete_customer(b.id).unwrap();
    assert_eq!(s.undo_delete().unwrap().unwrap().id, b.id);
    assert_eq!(s.undo_delete().unwrap().unwrap().id, a.id, "the earlier delete waited in the trash");
    s.delete_customer(b.id).unwrap();
    s.create_customer(&named("乙公司")).unwrap();
    assert_eq!(refused(s.undo_delete()).1, Reason::Duplicate);
    assert_eq!(s.trash(10, 0).unwrap().total, 1, "a refused undo leaves it in the trash");
}

#[test]
fn deleting_a_contact_is_undoable() {
    let (_dir, s) = store();
    let c = s.create_customer(&named("安泰消防")).unwrap();
    let p = s.create_contact(c.id, &ContactFields { name: "郑立新".into(), ..Default::default() }).unwrap();
    let id = p.contacts[0].id;
    let p = s.delete_contact(id).unwrap();
    assert!(p.contacts.is_empty());
    let r = s.undo_delete().unwrap().unwrap();
    assert_eq!((r.kind, r.customer_id), (DeletedKind::Contact, c.id));
    assert_eq!(s.profile(c.id).unwrap().contacts.len(), 1);
}

#[test]
fn list_filters_sorts_and_pages() {
    let (_dir, s) = store();
    dossier_core::sample::load(&s, 1).unwrap();
    let all = s.list_customers(&CustomerQuery { limit: 500, ..Default::default() }).unwrap();
    assert_eq!(all.total, 36);
    let a = s.list_customers(&CustomerQuery { grades: vec![Grade::A], limit: 500, ..Default::default() }).unwrap();
    assert!(a.total > 0 && a.rows.iter().all(|r| r.grade == Some(Grade::A)));
    assert_eq!(a.total as usize, a.rows.len());
    let by_name = s
        .list_customers(&CustomerQuery {
            sort: CustomerSort::Completeness,
            descending: false,
            limit: 5,
            offset: 2,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_name.rows.len(), 5);
    assert!(by_name.rows.windows(2).all(|w| w[0].completeness <= w[1].completeness));
    let text = s.list_customers(&CustomerQuery { text: "hdjm".into(), ..Default::default() }).unwrap();
    assert_eq!(text.rows.iter().map(|r| r.short_name.as_str()).collect::<Vec<_>>(), vec!["华东精密"]);
    let facets = s.facets().unwrap();
    assert!(facets.industries.contains(&"医疗器械".to_string()));
    assert_eq!(facets.owners.len(), 4);
}

/// The list's page sorted by any column, and the filters' choices, come from an index in its
/// order: no sort of every customer (100 ms at 100k customers) and no row read per entry.
#[test]
fn the_list_sorts_and_the_filters_choices_read_indexes_in_order() {
    let (_d, s) = store();
    let plan = |sql: &str| -> String {
        let conn = s.connection();
        let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        st.query_map([], |r| r.get::<_, String>(3)).unwrap().map(Result::unwrap).collect::<Vec<_>>().join("; ")
    };
    for column in ["name", "grade", "lifecycle", "industry", "owner", "completeness", "updated_at"] {
        for dir in ["ASC", "DESC"] {
            let sql = format!(
                "SELECT c.id FROM customer c WHERE c.deleted_at IS NULL ORDER BY c.{column} {dir}, c.id {dir} LIMIT 50"
            );
            let plan = plan(&sql);
            assert!(plan.contains("USING INDEX") && !plan.contains("TEMP B-TREE"), "{column} {dir}: {plan}");
        }
    }
    for column in ["industry", "owner"] {
        let sql = format!(
            "SELECT DISTINCT c.{column} FROM customer c WHERE c.deleted_at IS NULL AND c.{column} <> '' ORDER BY c.{column}"
        );
        let plan = plan(&sql);
        assert!(plan.contains(&format!("INDEX customer_{column}")) && !plan.contains("TEMP B-TREE"), "{plan}");
    }
}

#[test]
fn sample_data_is_rich_and_deterministic() {
    let (_d1, s1) = store();
    let (_d2, s2) = store();
    dossier_core::sample::load(&s1, 1).unwrap();
    dossier_core::sample::load(&s2, 1).unwrap();
    let stats = s1.stats().unwrap();
    assert!(stats.customers >= 30);
    assert!(stats.contacts >= 3 * stats.customers);
    assert_eq!(stats, s2.stats().unwrap());
    let page =
        s1.list_customers(&CustomerQuery { sort: CustomerSort::Name, limit: 500, ..Default::default() }).unwrap();
    let ownerships: std::collections::HashSet<_> =
        page.rows.iter().map(|r| s1.profile(r.id).unwrap().customer.fields.ownership).collect();
    assert_eq!(ownerships.len(), Ownership::ALL.len());
    let first = s1.profile(page.rows[0].id).unwrap();
    assert_eq!(
        first,
        s2.profile(
            s2.list_customers(&CustomerQuery { sort: CustomerSort::Name, ..Default::default() }).unwrap().rows[0].id
        )
        .unwrap()
    );
    // The showcase account carries the inventory-days signal.
    let hd = s1.search("华东精密", 1).unwrap().customers[0].id;
    let p = s1.profile(hd).unwrap();
    assert!(p.signals.iter().any(|x| x.metric == FinancialMetric::InventoryDays && x.to_value == 60.0));
    assert!(p.sections.iter().all(|x| x.completeness > 0), "every dimension is filled");
    let scores: std::collections::HashSet<i64> = page.rows.iter().map(|r| r.completeness).collect();
    assert!(scores.len() >= 4, "profiles are complete to different degrees: {scores:?}");
    assert!(page.rows.iter().any(|r| r.completeness < 90));
    // Scaled copies: N × the base customers, each with two contacts.
    let (_d3, s3) = store();
    dossier_core::sample::load(&s3, 3).unwrap();
    assert_eq!(s3.stats().unwrap().customers, 3 * stats.customers);
    assert_eq!(s3.stats().unwrap().contacts, stats.contacts + 2 * 2 * stats.customers);
}

#[test]
fn the_report_walk_matches_each_profile() {
    let (_dir, s) = store();
    dossier_core::sample::load(&s, 2).unwrap();
    // A deleted customer (and its contacts) must not appear.
    let gone = s.search("华东精密", 1).unwrap().customers[0].id;
    s.delete_customer(gone).unwrap();
    let mut seen = 0;
    s.for_each_report_customer(&dossier_core::weekly::Scope::everything(String::new()), &mut |p| {
        let full = s.profile(p.customer.id).unwrap();
        assert_eq!(p.customer, full.customer);
        assert_eq!(p.contacts, full.contacts);
        assert_eq!(p.signals, full.signals);
        seen += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(seen, s.stats().unwrap().customers);
}
