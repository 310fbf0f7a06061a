//! Search: Chinese substrings of every length, pinyin, initials, phone, short names.

use crate::common;

use common::{named, store};
use dossier_core::customers::*;
use dossier_core::search::SearchHit;

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
