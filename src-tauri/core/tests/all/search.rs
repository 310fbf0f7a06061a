//! Search: Chinese substrings of every length, pinyin, initials, phone, short names.

use crate::common;

use common::{named, store};
use dossier_core::customers::*;
use dossier_core::search::{MatchField, SearchHit};

fn titles(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.title.as_str()).collect()
}

fn fixture() -> (tempfile::TempDir, dossier_core::Store) {
    let (dir, s) = store();
    let c = s
        .create_customer(&CustomerFields {
            name: "华东精密机械股份有限公司".into(),
            short_name: "华精".into(),
            ..Default::default()
        })
        .unwrap();
    let other = s.create_customer(&named("芳华纺织有限公司")).unwrap();
    for (name, phone) in [("王芳", "138-0013-8000"), ("张三", "13912345678"), ("王芳菲", "")] {
        s.create_contact(
            c.id,
            &ContactFields {
                name: name.into(), phone: phone.into(), title: "采购总监".into(), ..Default::default()
            },
        )
        .unwrap();
    }
    s.create_contact(other.id, &ContactFields { name: "李四".into(), ..Default::default() }).unwrap();
    (dir, s)
}

#[test]
fn one_and_two_chinese_characters_match_substrings() {
    let (_d, s) = fixture();
    let r = s.search("芳", 10).unwrap();
    assert_eq!(titles(&r.contacts), vec!["王芳", "王芳菲"]);
    assert_eq!(titles(&r.customers), vec!["芳华纺织有限公司"]);
    let r = s.search("王芳", 10).unwrap();
    assert_eq!(titles(&r.contacts), vec!["王芳", "王芳菲"], "exact name first");
    let r = s.search("精密", 10).unwrap();
    assert_eq!(titles(&r.customers), vec!["华东精密机械股份有限公司"]);
    assert!(s.search("钢", 10).unwrap().customers.is_empty());
}

#[test]
fn three_or_more_characters_use_trigrams() {
    let (_d, s) = fixture();
    assert_eq!(titles(&s.search("精密机械", 10).unwrap().customers), vec!["华东精密机械股份有限公司"]);
    assert_eq!(titles(&s.search("王芳菲", 10).unwrap().contacts), vec!["王芳菲"]);
    assert!(s.search("精密钢铁", 10).unwrap().customers.is_empty());
}

#[test]
fn pinyin_initials_phone_and_short_name() {
    let (_d, s) = fixture();
    assert_eq!(titles(&s.search("zhangsan", 10).unwrap().contacts), vec!["张三"]);
    assert_eq!(titles(&s.search("ZS", 10).unwrap().contacts), vec!["张三"], "initials, any case");
    assert_eq!(titles(&s.search("zhang", 10).unwrap().contacts), vec!["张三"]);
    assert_eq!(titles(&s.search("wf", 10).unwrap().contacts), vec!["王芳", "王芳菲"]);
    assert_eq!(titles(&s.search("8000", 10).unwrap().contacts), vec!["王芳"], "phone digits");
    assert_eq!(titles(&s.search("138 0013", 10).unwrap().contacts), vec!["王芳"], "spaced phone");
    assert_eq!(titles(&s.search("华精", 10).unwrap().customers), vec!["华东精密机械股份有限公司"]);
    assert_eq!(titles(&s.search("hdjm", 10).unwrap().customers), vec!["华东精密机械股份有限公司"]);
    let hit = &s.search("zs", 10).unwrap().contacts[0];
    assert_eq!(hit.subtitle, "采购总监 · 华东精密机械股份有限公司");
}

#[test]
fn edits_and_renames_keep_the_index_exact() {
    let (_d, s) = fixture();
    let id = s.search("张三", 1).unwrap().contacts[0].id;
    s.update_contact(id, &ContactFields { name: "赵六".into(), ..Default::default() }).unwrap();
    assert!(s.search("张三", 10).unwrap().contacts.is_empty());
    assert!(s.search("zs", 10).unwrap().contacts.is_empty());
    assert_eq!(titles(&s.search("赵", 10).unwrap().contacts), vec!["赵六"]);
    let cid = s.search("华东", 1).unwrap().customers[0].id;
    s.update_customer(cid, &named("华东重工")).unwrap();
    assert!(s.search("精密", 10).unwrap().customers.is_empty());
    assert_eq!(s.search("zl", 10).unwrap().contacts[0].subtitle, "华东重工", "contacts show the new name");
}

#[test]
fn odd_queries_are_harmless() {
    let (_d, s) = fixture();
    for q in ["", "   ", "\"", "\"\"\"", "*", "AND", "a\"b", "%", "_", "'; DROP TABLE customer; --", "王*"] {
        s.search(q, 10).unwrap();
    }
    assert_eq!(s.stats().unwrap().customers, 2);
}

#[test]
fn results_are_capped_per_group() {
    let (_d, s) = store();
    dossier_core::sample::load(&s, 2).unwrap();
    let r = s.search("有限", 5).unwrap();
    assert_eq!(r.customers.len(), 5);
    assert!(r.contacts.is_empty());
}

/// Customers and contacts whose names have characters of several readings.
fn polyphones() -> (tempfile::TempDir, dossier_core::Store) {
    let (dir, s) = store();
    let mut ids = Vec::new();
    for name in ["长沙远大建材有限公司", "重庆钢铁集团", "招商银行股份有限公司", "张山贸易", "宗伟商行"]
    {
        ids.push(s.create_customer(&named(name)).unwrap().id);
    }
    for name in ["曾伟", "单磊", "解明", "区志强", "岑伟"] {
        s.create_contact(ids[0], &ContactFields { name: name.into(), ..Default::default() }).unwrap();
    }
    (dir, s)
}

#[test]
fn names_are_found_under_every_reading_of_their_characters() {
    let (_d, s) = polyphones();
    let customers = |q: &str| -> Vec<String> {
        titles(&s.search(q, 10).unwrap().customers).iter().map(|t| t.to_string()).collect()
    };
    let contacts =
        |q: &str| -> Vec<String> { titles(&s.search(q, 10).unwrap().contacts).iter().map(|t| t.to_string()).collect() };
    let has = |hits: Vec<String>, name: &str| hits.iter().any(|t| t == name);
    assert!(has(customers("cs"), "长沙远大建材有限公司"));
    assert!(has(customers("changsha"), "长沙远大建材有限公司"));
    assert!(has(customers("cq"), "重庆钢铁集团"));
    assert!(has(customers("chongqing"), "重庆钢铁集团"));
    assert!(has(customers("yinhang"), "招商银行股份有限公司"));
    assert!(has(customers("zsyh"), "招商银行股份有限公司"), "initials of a reading, 3+ letters");
    // The customer list's text filter reads the other readings too.
    let listed = |q: &str| -> Vec<String> {
        let query = dossier_core::customers::CustomerQuery { text: q.into(), limit: 10, ..Default::default() };
        s.list_customers(&query).unwrap().rows.into_iter().map(|r| r.name).collect()
    };
    assert_eq!(listed("changsha"), ["长沙远大建材有限公司"]);
    assert!(listed("zhangsha").contains(&"长沙远大建材有限公司".to_string()), "the usual reading still");
    s.create_customer(&named("银行家酒店管理有限公司")).unwrap();
    assert!(has(customers("yh"), "银行家酒店管理有限公司"), "initials of a reading, 1–2 letters");
    for (q, name) in [
        ("zengwei", "曾伟"),
        ("zw", "曾伟"),
        ("shanlei", "单磊"),
        ("sl", "单磊"),
        ("xieming", "解明"),
        ("xm", "解明"),
        ("ouzhiqiang", "区志强"),
        ("ozq", "区志强"),
    ] {
        assert!(has(contacts(q), name), "{q} finds {name}");
    }
    // The usual readings are still found.
    assert!(has(customers("zhangsha"), "长沙远大建材有限公司"));
    assert!(has(customers("zhongqing"), "重庆钢铁集团"));
    assert!(has(customers("yinxing"), "招商银行股份有限公司"));
    assert!(has(contacts("cengwei"), "曾伟"));
    assert!(has(contacts("quzhiqiang"), "区志强"));
    assert!(has(contacts("danlei"), "单磊"));
    assert!(has(contacts("jieming"), "解明"));
}

#[test]
fn a_hit_through_the_usual_reading_ranks_above_one_through_another() {
    let (_d, s) = polyphones();
    // Created after the polyphones' names, as long, so without the rule they would come second.
    let c = s.create_customer(&named("畅莎国际贸易有限公司")).unwrap(); // "changsha" the usual way
    for name in ["邹伟", "增伟"] {
        // "zw", "zengwei" the usual way.
        s.create_contact(c.id, &ContactFields { name: name.into(), ..Default::default() }).unwrap();
    }
    let customers = |q: &str| -> Vec<String> {
        titles(&s.search(q, 10).unwrap().customers).iter().map(|t| t.to_string()).collect()
    };
    let contacts =
        |q: &str| -> Vec<String> { titles(&s.search(q, 10).unwrap().contacts).iter().map(|t| t.to_string()).collect() };
    assert_eq!(customers("changsha"), ["畅莎国际贸易有限公司", "长沙远大建材有限公司"] as [&str; 2]);
    assert_eq!(customers("cs"), ["畅莎国际贸易有限公司", "长沙远大建材有限公司"] as [&str; 2]);
    assert_eq!(contacts("zengwei"), ["增伟", "曾伟"] as [&str; 2]);
    assert_eq!(contacts("zw"), ["邹伟", "增伟", "曾伟"] as [&str; 3]);
    // 曾伟 read the usual way ("cw") ranks with 岑伟 by length, then by id; 增伟 is "cw" only
    // read otherwise (增 is zēng, also céng).
    assert_eq!(contacts("cw"), ["曾伟", "岑伟", "增伟"] as [&str; 3]);
    assert_eq!(customers("zs"), ["张山贸易", "长沙远大建材有限公司", "招商银行股份有限公司"] as [&str; 3]);
}

#[test]
fn phone_queries_with_country_code_spaces_dashes_and_brackets() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密机械")).unwrap();
    for (name, phone) in [("王芳", "13800138000"), ("李明", "+86 139-1234-5678"), ("赵六", "0086 137 0000 1111")]
    {
        s.create_contact(c.id, &ContactFields { name: name.into(), phone: phone.into(), ..Default::default() })
            .unwrap();
    }
    for (q, name) in [
        ("+86 138 0013 8000", "王芳"),
        ("0086 138-0013-8000", "王芳"),
        ("(+86) 138 0013 8000", "王芳"),
        ("+86-(138)-0013-8000", "王芳"),
        ("138 0013 8000", "王芳"),
        ("+86 139 1234 5678", "李明"),
        ("139-1234-5678", "李明"),
        ("(139) 1234 5678", "李明"),
        ("0086 139 1234", "李明"),
        ("+8613700001111", "赵六"),
        ("137 0000 1111", "赵六"),
        ("＋８６ １３８ ００１３", "王芳"),
    ] {
        assert_eq!(titles(&s.search(q, 10).unwrap().contacts), [name], "{q}");
    }
}

#[test]
fn an_older_file_is_re_indexed_under_every_reading_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let s = dossier_core::Store::open(&path, common::clock()).unwrap();
        let c = s.create_customer(&named("长沙远大建材")).unwrap();
        s.create_contact(c.id, &ContactFields { name: "曾伟".into(), ..Default::default() }).unwrap();
        let gone = s.create_customer(&named("重庆钢铁")).unwrap();
        s.delete_customer(gone.id).unwrap();
        common::back_to_version_10(s.connection());
        let hits: i64 = s
            .connection()
            .query_row("SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"changsha\"'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(hits, 0, "version 10 indexed the usual reading only");
    }
    let s = dossier_core::Store::open(&path, common::clock()).unwrap();
    assert_eq!(titles(&s.search("changsha", 10).unwrap().customers), ["长沙远大建材"]);
    assert_eq!(titles(&s.search("cs", 10).unwrap().customers), ["长沙远大建材"]);
    assert_eq!(titles(&s.search("zengwei", 10).unwrap().contacts), ["曾伟"]);
    assert_eq!(titles(&s.search("zw", 10).unwrap().contacts), ["曾伟"]);
    assert_eq!(titles(&s.search("zhangsha", 10).unwrap().customers), ["长沙远大建材"]);
    assert_eq!(titles(&s.search("zs", 10).unwrap().customers), ["长沙远大建材"]);
    assert!(s.search("chongqing", 10).unwrap().customers.is_empty(), "a deleted customer stays out of the index");
    assert!(s.search("重庆", 10).unwrap().customers.is_empty());
}

/// A customer with a contact, a follow-up record naming a competitor only in its summary, a
/// deal and a supplier in its profile.
struct Around {
    customer: i64,
    contact: i64,
    visit: i64,
    deal: i64,
}

fn around(s: &dossier_core::Store) -> Around {
    use dossier_core::opportunities::OpportunityFields;
    use dossier_core::visits::{ActionFields, VisitFields};
    let c = s.create_customer(&named("华东精密机械股份有限公司")).unwrap().id;
    let p = s.create_contact(c, &ContactFields { name: "张伟".into(), ..Default::default() }).unwrap();
    let contact = p.contacts[0].id;
    let deal = s
        .create_opportunity(
            c,
            &OpportunityFields {
                name: "二期产线自动化".into(),
                amount: Some(800_000.0),
                competitors: vec!["汇川技术".into()],
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let visit = s
        .create_visit(
            c,
            &VisitFields {
                date: "2026-11-20".into(),
                goal: "确认需求范围".into(),
                summary: "张伟透露，克劳斯玛菲上周报价比我们低 15%，采购倾向于他们。".into(),
                actions: vec![ActionFields {
                    what: "发送对标报价单".into(),
                    owner: "李明".into(),
                    due_date: "2026-11-27".into(),
                    ..Default::default()
                }],
                ..Default::default()
            },
        )
        .unwrap()
        .visit
        .id;
    s.save_suppliers(
        c,
        &[
            Supplier { category: "伺服电机".into(), name: "安川电机".into(), ..Default::default() },
            Supplier { category: "伺服电机".into(), name: "我司".into(), is_us: true, ..Default::default() },
        ],
    )
    .unwrap();
    Around { customer: c, contact, visit, deal }
}

#[test]
fn a_competitor_named_only_in_a_record_s_summary_is_found_with_the_words_around_it() {
    let (_d, s) = store();
    let a = around(&s);
    let r = s.search("克劳斯玛菲", 8).unwrap();
    assert!(r.customers.is_empty() && r.opportunities.is_empty() && r.suppliers.is_empty());
    let hit = &r.visits[0];
    assert_eq!((hit.id, hit.customer_id), (a.visit, a.customer));
    assert_eq!(hit.title, "2026-11-20 确认需求范围");
    assert_eq!(hit.subtitle, "华东精密机械股份有限公司");
    let snippet = hit.snippet.as_ref().unwrap();
    assert_eq!(snippet.field, MatchField::Summary);
    assert_eq!((snippet.before.as_str(), snippet.matched.as_str()), ("张伟透露，", "克劳斯玛菲"));
    assert!(snippet.after.starts_with("上周报价"));
    // The next actions are searched too.
    assert_eq!(s.search("对标报价", 8).unwrap().visits[0].snippet.as_ref().unwrap().field, MatchField::Action);
}

#[test]
fn two_characters_find_records_deals_and_suppliers() {
    let (_d, s) = store();
    let a = around(&s);
    assert_eq!(s.search("玛菲", 8).unwrap().visits[0].id, a.visit);
    assert_eq!(s.search("菲", 8).unwrap().visits[0].id, a.visit, "one character");
    let r = s.search("产线", 8).unwrap();
    assert_eq!(titles(&r.opportunities), ["二期产线自动化"]);
    assert_eq!(r.opportunities[0].snippet.as_ref().unwrap().field, MatchField::Name);
    assert!(s.search("线自", 8).unwrap().visits.is_empty(), "no pair across values");
    let r = s.search("汇川", 8).unwrap();
    assert_eq!(r.opportunities[0].id, a.deal, "a deal by its competitor");
    assert_eq!(r.opportunities[0].snippet.as_ref().unwrap().field, MatchField::Competitor);
    let r = s.search("安川", 8).unwrap();
    assert_eq!(titles(&r.suppliers), ["安川电机"]);
    assert_eq!(r.suppliers[0].subtitle, "华东精密机械股份有限公司 · 伺服电机");
    assert!(s.search("我司", 8).unwrap().suppliers.is_empty(), "our own row is not a competitor");
}

#[test]
fn deals_and_suppliers_are_found_by_pinyin_and_initials() {
    let (_d, s) = store();
    let a = around(&s);
    assert_eq!(s.search("eqcxzdh", 8).unwrap().opportunities[0].id, a.deal);
    assert_eq!(s.search("huichuan", 8).unwrap().opportunities[0].id, a.deal);
    assert_eq!(s.search("hc", 8).unwrap().opportunities[0].id, a.deal, "initials of a competitor");
    assert_eq!(titles(&s.search("ac", 8).unwrap().suppliers), ["安川电机"]);
    assert_eq!(titles(&s.search("anchuan", 8).unwrap().suppliers), ["安川电机"]);
    assert!(s.search("kl", 8).unwrap().visits.is_empty(), "records are free text: no initials");
}

#[test]
fn an_updated_record_drops_its_old_words_and_a_trashed_one_is_not_found() {
    let (_d, s) = store();
    let a = around(&s);
    let mut v = s.visit(a.visit).unwrap().fields;
    v.summary = "西门子的交期更短".into();
    s.update_visit(a.visit, &v).unwrap();
    assert!(s.search("克劳斯玛菲", 8).unwrap().visits.is_empty());
    assert!(s.search("玛菲", 8).unwrap().visits.is_empty());
    assert_eq!(s.search("西门子", 8).unwrap().visits[0].id, a.visit);
    // An action edited on its own (the home page) changes what the record is found by.
    let action = s.visit(a.visit).unwrap().fields.actions[0].clone();
    let id = action.id.unwrap();
    s.update_action(id, &dossier_core::visits::ActionFields { what: "约总经理汇报".into(), ..action }).unwrap();
    assert!(s.search("对标报价", 8).unwrap().visits.is_empty());
    assert_eq!(s.search("总经理汇报", 8).unwrap().visits.len(), 1);

    s.delete_visit(a.visit).unwrap();
    assert!(s.search("西门子", 8).unwrap().visits.is_empty());
    assert!(s.search("交期", 8).unwrap().visits.is_empty());
    s.undo_delete().unwrap();
    assert_eq!(s.search("交期", 8).unwrap().visits.len(), 1, "restored, found again");

    s.delete_opportunity(a.deal).unwrap();
    assert!(s.search("汇川", 8).unwrap().opportunities.is_empty());
    s.undo_delete().unwrap();
    assert_eq!(s.search("汇川", 8).unwrap().opportunities.len(), 1);

    s.delete_customer(a.customer).unwrap();
    let r = s.search("交期", 8).unwrap();
    assert!(r.visits.is_empty());
    assert!(s.search("安川", 8).unwrap().suppliers.is_empty());
    assert!(s.search("产线", 8).unwrap().opportunities.is_empty());
    s.undo_delete().unwrap();
    assert_eq!(s.search("交期", 8).unwrap().visits.len(), 1);
    assert_eq!(s.search("安川", 8).unwrap().suppliers.len(), 1);
    assert_eq!(s.search("产线", 8).unwrap().opportunities.len(), 1);

    s.save_suppliers(a.customer, &[]).unwrap();
    assert!(s.search("安川", 8).unwrap().suppliers.is_empty(), "a supplier taken off the profile");
}

#[test]
fn erase_takes_the_person_s_name_out_of_the_records_index() {
    let (_d, s) = store();
    let a = around(&s);
    assert_eq!(s.search("张伟", 8).unwrap().visits.len(), 1);
    s.erase_contact(a.contact).unwrap();
    let r = s.search("张伟", 8).unwrap();
    assert!(r.contacts.is_empty() && r.visits.is_empty(), "{r:?}");
    assert!(s.search("zhangwei", 8).unwrap().visits.is_empty());
    assert_eq!(s.search("克劳斯玛菲", 8).unwrap().visits.len(), 1, "the rest of the record is still found");
}

#[test]
fn an_older_file_gets_its_records_deals_and_suppliers_indexed_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let s = dossier_core::Store::open(&path, common::clock()).unwrap();
        around(&s);
        common::before_the_records_index(s.connection());
    }
    let s = dossier_core::Store::open(&path, common::clock()).unwrap();
    assert_eq!(s.search("玛菲", 8).unwrap().visits.len(), 1);
    assert_eq!(s.search("汇川", 8).unwrap().opportunities.len(), 1);
    assert_eq!(s.search("安川", 8).unwrap().suppliers.len(), 1);
}

#[test]
fn a_record_found_is_placed_where_the_customer_s_list_shows_it() {
    use dossier_core::visits::VisitFields;
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    for (date, time) in [("2026-11-02", ""), ("2026-11-20", "09:30"), ("2026-11-20", "14:00"), ("2026-10-01", "")] {
        let v = VisitFields { date: date.into(), time: time.into(), summary: "拜访".into(), ..Default::default() };
        s.create_visit(c, &v).unwrap();
    }
    let listed = s.visits(c, None, 0, 20).unwrap().rows;
    for (i, v) in listed.iter().enumerate() {
        assert_eq!(s.visit_position(v.id).unwrap(), i as i64, "{} {}", v.fields.date, v.fields.time);
    }
}

/// The customer list's filter reads the search indexes for 3+ characters and for 1–2 Chinese
/// ones (`search::customers_holding`); it lists exactly the customers a scan of every entry's
/// text (body and other readings) finds, for queries of every shape cut from the data.
#[test]
fn the_list_filter_through_the_indexes_lists_what_a_scan_of_the_entries_finds() {
    let (_d, s) = store();
    dossier_core::sample::load(&s, 3).unwrap();
    let texts: Vec<String> = s
        .connection()
        .prepare("SELECT names || ' ' || body FROM search_entry ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut queries: Vec<String> = vec!["长".into(), "有限".into(), "zz".into(), "13".into(), "a".into(), "%".into()];
    for t in texts.iter().step_by(7) {
        let chars: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
        for (start, len) in [(0, 1), (1, 2), (2, 3), (chars.len().saturating_sub(4), 4), (3, 6)] {
            queries.push(chars.iter().skip(start).take(len).collect());
        }
    }
    let scanned = |q: &str| -> i64 {
        let like = dossier_core::text::like_pattern(q);
        s.connection()
            .query_row(
                "SELECT count(*) FROM customer c WHERE c.deleted_at IS NULL AND c.id IN
                 (SELECT customer_id FROM search_entry WHERE body LIKE ?1 ESCAPE '\\' OR readings LIKE ?1 ESCAPE '\\')",
                [like],
                |r| r.get(0),
            )
            .unwrap()
    };
    let mut found_some = 0;
    for q in queries.iter().filter(|q| !q.is_empty()) {
        let listed = s.list_customers(&CustomerQuery { text: q.clone(), ..Default::default() }).unwrap().total;
        assert_eq!(listed, scanned(q), "the list filtered by {q:?}");
        found_some += (listed > 0) as usize;
    }
    assert!(found_some > 20, "the queries find something: {found_some}");
}
