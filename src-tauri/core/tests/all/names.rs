//! Names are what they look like: invisible characters never reach a stored name, and names
//! that look the same (a zero-width space inside, full-width letters, other NFKC forms) are
//! duplicates — in the forms, in an import, and for customers stored before this rule.

use crate::common;

use common::{named, refused, store};
use dossier_core::customers::{ContactFields, CustomerFields};
use dossier_core::import::mapping::Field;
use dossier_core::import::plan::{ImportKind, OnDuplicate, RowStatus};
use dossier_core::import::read::Sheet;
use dossier_core::import::values::Cell;
use dossier_core::import::ImportRequest;
use dossier_core::{Reason, Store};

#[test]
fn saved_names_lose_format_and_control_characters() {
    let (_d, s) = store();
    let fields = CustomerFields {
        name: "\u{FEFF}华为\u{200B}技术\u{202E}".into(),
        short_name: "华\u{00AD}为\u{0007}".into(),
        ..Default::default()
    };
    let c = s.create_customer(&fields).unwrap();
    assert_eq!((c.fields.name.as_str(), c.fields.short_name.as_str()), ("华为技术", "华为"));
    assert_eq!(s.search("华为技术", 5).unwrap().customers[0].title, "华为技术");

    let renamed = CustomerFields { name: "华为\u{2066}终端\u{2069}".into(), ..c.fields.clone() };
    assert_eq!(s.update_customer(c.id, &renamed).unwrap().customer.fields.name, "华为终端");

    let p =
        s.create_contact(c.id, &ContactFields { name: "王\u{200D}芳\u{200F}".into(), ..Default::default() }).unwrap();
    assert_eq!(p.contacts[0].fields.name, "王芳");
    // A name of nothing but invisible characters is no name.
    assert_eq!(refused(s.create_customer(&named("\u{200B}\u{200C}\u{FEFF}"))), ("name".into(), Reason::Required));
}

#[test]
fn names_that_look_the_same_are_duplicates_on_create_and_update() {
    let (_d, s) = store();
    s.create_customer(&named("华为技术有限公司")).unwrap();
    s.create_customer(&named("ABC 科技")).unwrap();
    let other = s.create_customer(&named("星海半导体")).unwrap();
    assert_eq!(refused(s.create_customer(&named("华为\u{200B}技术"))), ("name".into(), Reason::Duplicate));
    assert_eq!(refused(s.create_customer(&named("ＡＢＣ科技"))), ("name".into(), Reason::Duplicate));
    // Beyond full-width ASCII: CJK compatibility ideograph U+F9DC for 隆 (NFKC folds it).
    s.create_customer(&named("隆基绿能")).unwrap();
    assert_eq!(refused(s.create_customer(&named("\u{F9DC}基绿能"))), ("name".into(), Reason::Duplicate));
    let renamed = CustomerFields { name: "华为\u{FEFF}技术".into(), ..other.fields.clone() };
    assert_eq!(refused(s.update_customer(other.id, &renamed)), ("name".into(), Reason::Duplicate));
}

fn t(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.into())
    }
}

fn sheet(rows: &[[&str; 2]]) -> Sheet {
    Sheet { name: "客户".into(), rows: rows.iter().map(|r| r.iter().map(|s| t(s)).collect()).collect() }
}

const MAPPING: [Option<Field>; 2] = [Some(Field::CustomerName), Some(Field::ContactName)];

fn request(sheet: &Sheet) -> ImportRequest<'_> {
    ImportRequest {
        file: "客户.xlsx",
        sheet,
        header_row: 0,
        mapping: &MAPPING,
        kind: ImportKind::Customers,
        on_duplicate: OnDuplicate::Skip,
        revenue_year: None,
    }
}

#[test]
fn an_import_cleans_names_and_finds_duplicates_under_nfkc() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华为技术")).unwrap();
    s.create_contact(c.id, &ContactFields { name: "王芳".into(), ..Default::default() }).unwrap();
    let file = sheet(&[
        ["客户名称", "联系人"],
        ["华为\u{200B}技术", "王\u{200B}芳"], // both already in Dossier
        ["ＡＢＣ\u{202E}科技", "李\u{FEFF}明"],
        ["abc科技", "李明"], // the row above, written plainly
    ]);
    let plan = s.plan_import(&request(&file)).unwrap();
    let statuses: Vec<RowStatus> = plan.rows.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [RowStatus::Duplicate, RowStatus::New, RowStatus::DuplicateInFile]);

    s.commit_import(&request(&file), &mut |_, _| true).unwrap();
    let id = s.search("科技", 5).unwrap().customers[0].id;
    let p = s.profile(id).unwrap();
    assert_eq!(p.customer.fields.name, "ABC科技");
    assert_eq!(p.contacts.iter().map(|c| c.fields.name.as_str()).collect::<Vec<_>>(), ["李明"]);
}

#[test]
fn customers_stored_before_the_rule_are_re_keyed_by_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let s = Store::open(&path, common::clock()).unwrap();
        s.create_customer(&named("星海半导体")).unwrap();
        let conn = s.connection();
        // As an older Dossier stored them: the invisible character kept, the old key.
        conn.execute("UPDATE customer SET name = '华为\u{200B}技术', name_key = '华为\u{200B}技术'", []).unwrap();
        conn.execute(
            "INSERT INTO customer (name, name_key, created_at, updated_at) VALUES ('\u{F9DC}基绿能', '\u{F9DC}基绿能', 'x', 'x'),
                 ('隆基绿能', '隆基绿能', 'x', 'x')",
            [],
        )
        .unwrap();
        // Back to the version before the re-keying one (010, which changed no schema).
        common::back_to_version_10(conn);
        conn.pragma_update(None, "user_version", 9).unwrap();
    }
    let s = Store::open(&path, common::clock()).unwrap();
    assert_eq!(refused(s.create_customer(&named("华为技术"))), ("name".into(), Reason::Duplicate));
    // Two stored customers that only now share a key both stay; the one whose key would
    // change keeps its old key.
    let keys: Vec<String> = s
        .connection()
        .prepare("SELECT name_key FROM customer ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(keys, ["华为技术", "\u{F9DC}基绿能", "隆基绿能"]);
    assert_eq!(s.stats().unwrap().customers, 3);
}
