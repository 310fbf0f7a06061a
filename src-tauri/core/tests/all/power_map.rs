//! The power map (docs/powermap.md) against real SQLite files: the status rule, slots, scopes,
//! history and past views, edges and their refusals, contact deletion, layout, positions,
//! coverage, the migration of existing role rows, export and sample data.

use crate::common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};
use common::{named, refused};
use dossier_core::customers::*;
use dossier_core::powermap::*;
use dossier_core::{Clock, CoreError, Detail, Reason, Store};

/// A clock the test moves forward, to make history on several days.
struct Calendar(Mutex<DateTime<Utc>>);

impl Calendar {
    fn on(date: &str) -> Arc<Calendar> {
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        Arc::new(Calendar(Mutex::new(d.and_hms_opt(12, 0, 0).unwrap().and_utc())))
    }
    fn set(&self, date: &str) {
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        *self.0.lock().unwrap() = d.and_hms_opt(12, 0, 0).unwrap().and_utc();
    }
}

impl Clock for Calendar {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

fn store_on(date: &str) -> (tempfile::TempDir, Store, Arc<Calendar>) {
    let dir = tempfile::tempdir().unwrap();
    let cal = Calendar::on(date);
    let s = Store::open(&dir.path().join("dossier.sqlite"), cal.clone()).unwrap();
    (dir, s, cal)
}

/// A customer with the named contacts (`(name, boss name, key person)`), returns its id
/// and the contacts' ids by name.
fn org(s: &Store, customer: &str, people: &[(&str, Option<&str>, bool)]) -> (i64, HashMap<String, i64>) {
    let c = s.create_customer(&named(customer)).unwrap();
    let mut ids: HashMap<String, i64> = HashMap::new();
    for (name, boss, key) in people {
        let fields = ContactFields {
            name: name.to_string(),
            title: format!("{name}的职务"),
            reports_to: boss.map(|b| ids[b]),
            is_key_person: *key,
            ..Default::default()
        };
        let p = s.create_contact(c.id, &fields).unwrap();
        ids.insert(name.to_string(), p.contacts.iter().find(|x| x.fields.name == *name).unwrap().id);
    }
    (c.id, ids)
}

fn assess(contact_id: i64, role: Option<BuyingRole>, support: i64, influence: i64) -> Assessment {
    Assessment {
        contact_id,
        buying_role: role,
        support: Some(support),
        influence: Some(influence),
        ..Default::default()
    }
}

fn light(s: &Store, customer: i64) -> StatusLight {
    let map = s.power_map(customer, None).unwrap();
    // The cached light of the list and the profile's header agree with the map's.
    let row = s
        .list_customers(&CustomerQuery { limit: 500, ..Default::default() })
        .unwrap()
        .rows
        .into_iter()
        .find(|r| r.id == customer)
        .unwrap();
    assert_eq!(row.power_status, map.status.light, "list row");
    assert_eq!(s.profile(customer).unwrap().power_status, map.status, "profile header");
    map.status.light
}

fn names(refs: &[ContactRef]) -> Vec<&str> {
    refs.iter().map(|c| c.name.as_str()).collect()
}

#[test]
fn status_light_unknown_red_amber_green() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) =
        org(&s, "中恒电力", &[("王总", None, false), ("李经理", Some("王总"), false), ("赵工", Some("李经理"), false)]);
    let map = s.power_map(c, None).unwrap();
    assert_eq!(map.status, MapStatus { light: StatusLight::Unknown, reasons: vec![StatusReason::NotAssessed] });
    assert_eq!(light(&s, c), StatusLight::Unknown);

    // A supportive contact who is no key player (influence 3, a user) does not count: red.
    s.save_assessment(c, None, &assess(id["赵工"], Some(BuyingRole::User), 2, 3)).unwrap();
    assert_eq!(light(&s, c), StatusLight::Red);
    assert_eq!(s.power_map(c, None).unwrap().status.reasons, vec![StatusReason::NoSupportiveKeyPlayer]);

    // Influence 4 makes a key player: amber while nobody who decides or approves supports us.
    s.save_assessment(c, None, &assess(id["李经理"], Some(BuyingRole::Evaluator), 1, 4)).unwrap();
    s.save_assessment(c, None, &assess(id["王总"], Some(BuyingRole::DecisionMaker), 0, 5)).unwrap();
    assert_eq!(light(&s, c), StatusLight::Amber);
    match &s.power_map(c, None).unwrap().status.reasons[0] {
        StatusReason::NoSupportiveDecider { supporters } => assert_eq!(names(supporters), ["李经理"]),
        other => panic!("{other:?}"),
    }

    // The decision maker turns supportive: green.
    s.save_assessment(c, None, &assess(id["王总"], Some(BuyingRole::DecisionMaker), 1, 5)).unwrap();
    assert_eq!(light(&s, c), StatusLight::Green);
    match &s.power_map(c, None).unwrap().status.reasons[0] {
        StatusReason::SupportiveDecider { contacts } => assert_eq!(names(contacts), ["王总"]),
        other => panic!("{other:?}"),
    }
    // +1 is the threshold: back to 0 is amber again.
    s.save_assessment(c, None, &assess(id["王总"], Some(BuyingRole::DecisionMaker), 0, 5)).unwrap();
    assert_eq!(light(&s, c), StatusLight::Amber);
    // An approver counts like a decision maker.
    s.save_assessment(c, None, &assess(id["李经理"], Some(BuyingRole::Approver), 2, 2)).unwrap();
    assert_eq!(light(&s, c), StatusLight::Green);
}

#[test]
fn key_person_flag_makes_a_key_player_and_contact_saves_refresh_the_light() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) = org(&s, "金桥物流", &[("孙总", None, false)]);
    s.save_assessment(c, None, &assess(id["孙总"], Some(BuyingRole::Influencer), 1, 2)).unwrap();
    assert_eq!(light(&s, c), StatusLight::Red);
    assert!(!s.power_map(c, None).unwrap().nodes[0].key_player);
    // Flagging them as a key person in the contact form turns the cached light amber.
    let fields = ContactFields { name: "孙总".into(), is_key_person: true, ..Default::default() };
    s.update_contact(id["孙总"], &fields).unwrap();
    assert_eq!(light(&s, c), StatusLight::Amber);
    assert!(s.power_map(c, None).unwrap().nodes[0].key_player);
    // Unflagging on the map (its side panel) turns it red again; flagging it back, amber.
    let m = s.set_key_person(c, None, id["孙总"], false).unwrap();
    assert_eq!((m.status.light, light(&s, c)), (StatusLight::Red, StatusLight::Red));
    assert!(!s.profile(c).unwrap().contacts[0].fields.is_key_person, "the contact card says so too");
    assert_eq!(s.set_key_person(c, None, id["孙总"], true).unwrap().status.light, StatusLight::Amber);
    let (_, stranger) = org(&s, "丰收农业", &[("外人", None, false)]);
    assert_eq!(refused(s.set_key_person(c, None, stranger["外人"], true)).1, Reason::InvalidReference);
    // Deleting them leaves nobody assessed: grey again; undo brings amber back.
    s.delete_contact(id["孙总"]).unwrap();
    assert_eq!(light(&s, c), StatusLight::Unknown);
    s.undo_delete().unwrap().unwrap();
    assert_eq!(light(&s, c), StatusLight::Amber);
}

#[test]
fn an_empty_required_slot_is_red_and_slots_fill_by_role() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) =
        org(&s, "华东精密", &[("王总", None, true), ("钱工", Some("王总"), false), ("周工", Some("王总"), false)]);
    s.save_assessment(c, None, &assess(id["王总"], Some(BuyingRole::DecisionMaker), 2, 5)).unwrap();
    assert_eq!(light(&s, c), StatusLight::Green);
    let slots = [
        SlotInput { buying_role: BuyingRole::DecisionMaker, label: String::new() },
        SlotInput { buying_role: BuyingRole::Evaluator, label: "技术评估者".into() },
        SlotInput { buying_role: BuyingRole::Evaluator, label: "质量评估者".into() },
    ];
    let map = s.save_slots(c, None, &slots).unwrap();
    assert_eq!(map.status.light, StatusLight::Red, "empty slots are a red risk even with a supportive decision maker");
    assert_eq!(light(&s, c), StatusLight::Red);
    let empty: Vec<&str> = map
        .status
        .reasons
        .iter()
        .filter_map(|r| match r {
            StatusReason::EmptySlot { label, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(empty, ["技术评估者", "质量评估者"]);
    assert_eq!(names(&map.slots[0].filled_by), ["王总"]);
    assert!(map.slots[0].placeholder.is_none());
    assert!(map.slots[1].placeholder.is_some() && map.slots[2].placeholder.is_some(), "dashed placeholder nodes");

    // One evaluator fills one of the two evaluator slots: still red.
    let map = s.save_assessment(c, None, &assess(id["钱工"], Some(BuyingRole::Evaluator), 0, 3)).unwrap();
    assert_eq!(names(&map.slots[1].filled_by), ["钱工"]);
    assert!(map.slots[2].filled_by.is_empty());
    assert_eq!(map.status.light, StatusLight::Red);
    // A second one fills the other: green.
    let map = s.save_assessment(c, None, &assess(id["周工"], Some(BuyingRole::Evaluator), 0, 4)).unwrap();
    assert_eq!(names(&map.slots[1].filled_by), ["周工"], "the more influential fills the first");
    assert_eq!(names(&map.slots[2].filled_by), ["钱工"]);
    assert_eq!(map.status.light, StatusLight::Green);
    assert_eq!(light(&s, c), StatusLight::Green);

    // Slots of a named scope are the scope's own: the account-wide map is not affected.
    let scope = s.create_power_scope(c, "2026 MES 项目").unwrap().scope_id;
    let m = s.save_slots(c, scope, &[SlotInput { buying_role: BuyingRole::Approver, label: "审批".into() }]).unwrap();
    assert_eq!(m.status.light, StatusLight::Red);
    assert_eq!(light(&s, c), StatusLight::Green);
    let picker = s.power_scopes(c).unwrap();
    assert_eq!(
        picker.iter().map(|x| (x.id, x.light)).collect::<Vec<_>>(),
        [(None, StatusLight::Green), (scope, StatusLight::Red)]
    );
}

#[test]
fn scopes_have_their_own_assessments_over_the_same_contacts() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) = org(&s, "天工智能", &[("王总", None, true), ("李经理", Some("王总"), false)]);
    let (other, _) = org(&s, "博远纺织", &[("外人", None, false)]);
    s.save_assessment(c, None, &assess(id["王总"], Some(BuyingRole::DecisionMaker), 2, 5)).unwrap();
    let mes = s.create_power_scope(c, " 2026 MES 项目 ").unwrap();
    assert_eq!(mes.scope_name, "2026 MES 项目");
    let scope = mes.scope_id;
    assert!(scope.is_some());
    assert_eq!(mes.nodes.len(), 2, "the same contacts");
    assert!(mes.nodes.iter().all(|n| n.assessment.is_none()), "nothing assessed in the new scope");
    assert_eq!(mes.nodes.iter().filter(|n| n.reports_to.is_some()).count(), 1, "reports-to shows in every scope");
    let m = s.save_assessment(c, scope, &assess(id["王总"], Some(BuyingRole::DecisionMaker), -2, 5)).unwrap();
    assert_eq!(m.status.light, StatusLight::Red);
    assert_eq!(s.power_map(c, None).unwrap().nodes[0].assessment.as_ref().unwrap().support, Some(2));
    assert_eq!(s.profile(c).unwrap().roles.len(), 1, "the profile's role table is the account-wide scope");

    assert_eq!(refused(s.create_power_scope(c, "2026 mes 项目")), ("name".into(), Reason::Duplicate));
    assert_eq!(refused(s.create_power_scope(c, "  ")), ("name".into(), Reason::Required));
    s.create_power_scope(other, "2026 MES 项目").unwrap(); // another customer may use the name
    let renamed = s.rename_power_scope(scope.unwrap(), "2026 MES 二期").unwrap();
    assert_eq!(renamed.scopes.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["", "2026 MES 二期"]);
    // A scope is reached through its own customer only.
    assert!(matches!(s.power_map(other, scope), Err(CoreError::NotFound { .. })));

    let back = s.delete_power_scope(scope.unwrap()).unwrap();
    assert_eq!((back.scope_id, back.scopes.len()), (None, 1));
    assert!(matches!(s.power_map(c, scope), Err(CoreError::NotFound { .. })));
    let left: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM role_assessment WHERE scope_id = ?1", [scope.unwrap()], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0, "the scope's assessments went with it");
}

#[test]
fn every_change_is_kept_in_the_timeline_newest_first() {
    let (_d, s, cal) = store_on("2026-04-01");
    let (c, id) = org(&s, "蓝海食品", &[("王总", None, true), ("李经理", None, false)]);
    let wang = id["王总"];
    s.save_assessment(
        c,
        None,
        &Assessment { covered_by: "张伟".into(), ..assess(wang, Some(BuyingRole::DecisionMaker), 1, 5) },
    )
    .unwrap();
    cal.set("2026-05-10");
    // Back-dated to the visit on 05-02: the change counts from then.
    let changed = Assessment {
        assessed_on: "2026-05-02".into(),
        covered_by: "张伟".into(),
        ..assess(wang, Some(BuyingRole::DecisionMaker), 0, 5)
    };
    s.save_assessment(c, None, &changed).unwrap();
    // Saving the same again records nothing.
    s.save_assessment(c, None, &changed).unwrap();
    cal.set("2026-05-20");
    s.set_reports_to(c, None, id["李经理"], Some(wang)).unwrap();
    let timeline = s.power_map_history(c, None, 0).unwrap();
    assert_eq!(timeline.len(), 3, "{timeline:#?}");
    assert_eq!(
        timeline.iter().map(|e| e.changed_on.as_str()).collect::<Vec<_>>(),
        ["2026-05-20", "2026-05-02", "2026-04-01"]
    );
    match &timeline[1].change {
        HistoryChange::Assessment { old, new, fields } => {
            // "王总 支持 → 中立 · 2026-05-02"
            assert_eq!(timeline[1].contact.name, "王总");
            assert_eq!((old.as_ref().unwrap().support, new.as_ref().unwrap().support), (Some(1), Some(0)));
            assert_eq!(fields, &["support", "assessedOn"]);
        }
        other => panic!("{other:?}"),
    }
    match &timeline[0].change {
        HistoryChange::ReportsTo { old, new } => {
            assert_eq!(timeline[0].contact.name, "李经理");
            assert_eq!((old.clone(), new.as_ref().map(|n| n.name.as_str())), (None, Some("王总")));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&timeline[2].change, HistoryChange::Assessment { old: None, .. }));
    assert_eq!(s.power_map_history(c, None, 1).unwrap().len(), 1, "limit");
    // Removing the assessment is a change too.
    s.remove_assessment(c, None, wang).unwrap();
    match &s.power_map_history(c, None, 1).unwrap()[0].change {
        HistoryChange::Assessment { old: Some(_), new: None, .. } => {}
        other => panic!("{other:?}"),
    }
    // The contact form's reports-to changes are recorded as well.
    s.update_contact(id["李经理"], &ContactFields { name: "李经理".into(), ..Default::default() }).unwrap();
    assert!(matches!(&s.power_map_history(c, None, 1).unwrap()[0].change, HistoryChange::ReportsTo { new: None, .. }));
}

#[test]
fn the_map_as_of_a_past_date_and_its_diff_with_today() {
    let (_d, s, cal) = store_on("2026-03-01");
    let (c, id) = org(&s, "瑞丰化工", &[("王总", None, true), ("李经理", Some("王总"), false), ("赵工", None, false)]);
    let (wang, li, zhao) = (id["王总"], id["李经理"], id["赵工"]);
    s.save_assessment(c, None, &assess(wang, Some(BuyingRole::DecisionMaker), 1, 5)).unwrap();
    let m = s
        .add_edge(c, None, &NewEdge { kind: EdgeKind::Influences, from: zhao, to: wang, label: "技术意见".into() })
        .unwrap();
    let influence = m.edges.iter().find(|e| e.kind == EdgeKind::Influences).unwrap().id.unwrap();
    assert_eq!(light(&s, c), StatusLight::Green);

    cal.set("2026-04-15");
    s.save_assessment(c, None, &assess(wang, Some(BuyingRole::DecisionMaker), -1, 5)).unwrap();
    s.remove_edge(c, None, influence).unwrap();
    s.set_reports_to(c, None, li, None).unwrap();
    s.set_reports_to(c, None, zhao, Some(wang)).unwrap();
    let mut newcomer =
        s.create_contact(c, &ContactFields { name: "钱总监".into(), ..Default::default() }).unwrap().contacts;
    newcomer.retain(|x| x.fields.name == "钱总监");

    cal.set("2026-05-01");
    let then = s.power_map_as_of(c, None, "2026-03-31").unwrap();
    assert_eq!(then.as_of.as_deref(), Some("2026-03-31"));
    let node = |m: &MapView, id: i64| m.nodes.iter().find(|n| n.contact_id == id).cloned();
    assert!(node(&then, newcomer[0].id).is_none(), "not there yet");
    assert_eq!(then.nodes.len(), 3);
    assert_eq!(node(&then, wang).unwrap().assessment.unwrap().support, Some(1));
    assert_eq!(node(&then, li).unwrap().reports_to, Some(wang));
    assert_eq!(node(&then, zhao).unwrap().reports_to, None);
    assert!(then.edges.iter().any(|e| e.id == Some(influence)));
    assert_eq!(then.status.light, StatusLight::Green);
    let today = s.power_map(c, None).unwrap();
    assert_eq!(today.nodes.len(), 4);
    assert_eq!(today.status.light, StatusLight::Red);
    // Before anything existed the map was empty.
    assert!(s.power_map_as_of(c, None, "2026-02-01").unwrap().nodes.is_empty());

    let diff = s.power_map_diff(c, None, "2026-03-31").unwrap();
    assert_eq!(names(&diff.new_contacts), ["钱总监"]);
    assert!(diff.removed_contacts.is_empty());
    assert_eq!(diff.changed.len(), 1);
    assert_eq!(diff.changed[0].contact.name, "王总");
    assert_eq!(
        (diff.changed[0].then.as_ref().unwrap().support, diff.changed[0].now.as_ref().unwrap().support),
        (Some(1), Some(-1))
    );
    assert!(diff.changed[0].fields.contains(&"support".to_string()));
    let describe = |es: &[EdgeSnapshot]| {
        es.iter().map(|e| format!("{} {:?} {}", e.from.name, e.kind, e.to.name)).collect::<Vec<_>>()
    };
    assert_eq!(describe(&diff.removed_edges), ["李经理 ReportsTo 王总", "赵工 Influences 王总"]);
    assert_eq!(describe(&diff.added_edges), ["赵工 ReportsTo 王总"]);
    assert_eq!((diff.status_then.light, diff.status_now.light), (StatusLight::Green, StatusLight::Red));

    assert_eq!(refused(s.power_map_as_of(c, None, "2026-13-01")), ("date".into(), Reason::InvalidDate));
}

#[test]
fn a_reports_to_cycle_is_refused_naming_it_and_the_map_stays() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) =
        org(&s, "北方重工", &[("王总", None, true), ("李经理", Some("王总"), false), ("赵工", Some("李经理"), false)]);
    let before = s.power_map(c, None).unwrap();
    let history = s.power_map_history(c, None, 0).unwrap().len();
    // The loop comes as the path of contacts (ids and names); here by its names.
    let path = |r: Result<MapView, CoreError>| match r {
        Err(CoreError::Validation { field, reason: Reason::Cycle, detail: Detail::Cycle { path } }) => (field, path),
        other => panic!("expected a cycle, got {other:?}"),
    };
    let cycle = |r| {
        let (field, path) = path(r);
        (field, path.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(" → "))
    };
    assert_eq!(
        cycle(s.set_reports_to(c, None, id["王总"], Some(id["李经理"]))),
        ("reportsTo".into(), "王总 → 李经理 → 王总".into())
    );
    let ids: Vec<i64> =
        path(s.set_reports_to(c, None, id["王总"], Some(id["李经理"]))).1.iter().map(|c| c.id).collect();
    assert_eq!(ids, [id["王总"], id["李经理"], id["王总"]], "the path names each contact by id");
    assert_eq!(cycle(s.set_reports_to(c, None, id["王总"], Some(id["赵工"]))).1, "王总 → 赵工 → 李经理 → 王总");
    let edge = NewEdge { kind: EdgeKind::ReportsTo, from: id["王总"], to: id["赵工"], label: String::new() };
    assert_eq!(cycle(s.add_edge(c, None, &edge)).1, "王总 → 赵工 → 李经理 → 王总");
    assert_eq!(cycle(s.set_reports_to(c, None, id["王总"], Some(id["王总"]))).1, "王总 → 王总");
    // Drawing a second boss is refused (naming the first), not a silent replacement.
    let second_boss = NewEdge { kind: EdgeKind::ReportsTo, from: id["赵工"], to: id["王总"], label: String::new() };
    match s.add_edge(c, None, &second_boss) {
        Err(CoreError::Validation { field, reason: Reason::Duplicate, detail: Detail::HasBoss { boss } }) => {
            assert_eq!((field.as_str(), boss), ("to", ContactRef { id: id["李经理"], name: "李经理".into() }))
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(s.power_map(c, None).unwrap(), before, "the map is as it was");
    assert_eq!(s.power_map_history(c, None, 0).unwrap().len(), history, "nothing recorded");
    // Moving 赵工 under 王总 directly is fine.
    let m = s.set_reports_to(c, None, id["赵工"], Some(id["王总"])).unwrap();
    assert_eq!(m.nodes.iter().find(|n| n.contact_id == id["赵工"]).unwrap().reports_to, Some(id["王总"]));
}

#[test]
fn self_duplicate_and_other_customer_edges_are_refused_and_change_nothing() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) = org(&s, "星海半导体", &[("王总", None, true), ("李经理", Some("王总"), false)]);
    let (other, stranger) = org(&s, "丰收农业", &[("外人", None, false)]);
    let (wang, li) = (id["王总"], id["李经理"]);
    let scope = s.create_power_scope(c, "2026 MES 项目").unwrap().scope_id;
    let edge = |kind, from, to| NewEdge { kind, from, to, label: String::new() };
    s.add_edge(c, None, &edge(EdgeKind::Influences, li, wang)).unwrap();
    s.add_edge(c, None, &edge(EdgeKind::Conflicts, li, wang)).unwrap();
    let before =
        (s.power_map(c, None).unwrap(), s.power_map(c, scope).unwrap(), s.power_map_history(c, scope, 0).unwrap());

    let refusal = |r: Result<MapView, CoreError>| match r {
        Err(CoreError::Validation { field, reason, detail }) => (field, reason, detail),
        other => panic!("expected a refusal, got {other:?}"),
    };
    let own = |x: &str| x.to_string();
    assert_eq!(
        refusal(s.add_edge(c, None, &edge(EdgeKind::Influences, wang, wang))),
        (own("to"), Reason::InvalidReference, Detail::ToSelf)
    );
    assert_eq!(
        refusal(s.add_edge(c, None, &edge(EdgeKind::Influences, li, wang))),
        (own("to"), Reason::Duplicate, Detail::Edge { edge: EdgeKind::Influences.code().into() })
    );
    assert_eq!(
        refusal(s.add_edge(c, None, &edge(EdgeKind::Conflicts, wang, li))).1,
        Reason::Duplicate,
        "a conflict either way round"
    );
    assert_eq!(
        refusal(s.add_edge(c, scope, &edge(EdgeKind::Influences, li, wang))).1,
        Reason::Duplicate,
        "already shown account-wide"
    );
    assert_eq!(refusal(s.add_edge(c, None, &edge(EdgeKind::ReportsTo, li, wang))).1, Reason::Duplicate);
    let outsider = stranger["外人"];
    assert_eq!(
        refusal(s.add_edge(c, None, &edge(EdgeKind::Influences, wang, outsider))),
        (own("to"), Reason::InvalidReference, Detail::OtherCustomer)
    );
    assert_eq!(refusal(s.add_edge(c, None, &edge(EdgeKind::Conflicts, outsider, wang))).0, "from");
    assert_eq!(
        refusal(s.set_reports_to(c, None, li, Some(outsider))),
        (own("reportsTo"), Reason::InvalidReference, Detail::OtherCustomer)
    );
    assert_eq!(refusal(s.save_assessment(c, None, &assess(outsider, None, 1, 1))).1, Reason::InvalidReference);
    assert_eq!(
        refusal(s.save_assessment(c, None, &assess(wang, None, 3, 1))),
        (own("support"), Reason::OutOfRange, Detail::Text { text: own("-2–2") })
    );
    assert_eq!(refusal(s.save_assessment(c, None, &assess(wang, None, 0, 6))).0, "influence");
    assert_eq!(
        refusal(s.add_edge(c, None, &NewEdge { label: "长".repeat(101), ..edge(EdgeKind::Influences, wang, li) })).1,
        Reason::TooLong
    );
    assert_eq!(
        (s.power_map(c, None).unwrap(), s.power_map(c, scope).unwrap(), s.power_map_history(c, scope, 0).unwrap()),
        before,
        "every refusal leaves the maps as they were"
    );
    // Influence is directed: the other way round is another edge.
    s.add_edge(c, None, &edge(EdgeKind::Influences, wang, li)).unwrap();
    // A scope holds its own edges, shown there only; an account-wide one then is a duplicate.
    let m = s.add_edge(c, scope, &NewEdge { label: "选型".into(), ..edge(EdgeKind::Influences, li, li) });
    assert_eq!(refusal(m).2, Detail::ToSelf);
    s.create_contact(c, &ContactFields { name: "赵工".into(), ..Default::default() }).unwrap();
    let zhao = s.power_map(c, None).unwrap().nodes.iter().find(|n| n.name == "赵工").unwrap().contact_id;
    let m = s.add_edge(c, scope, &edge(EdgeKind::Influences, zhao, wang)).unwrap();
    assert_eq!(m.edges.iter().find(|e| e.from == zhao).unwrap().scope_id, scope);
    assert!(s.power_map(c, None).unwrap().edges.iter().all(|e| e.from != zhao));
    assert_eq!(refusal(s.add_edge(c, None, &edge(EdgeKind::Influences, zhao, wang))).1, Reason::Duplicate);
    // An edge is removed or relabelled only through a customer whose map shows it.
    let edge_id = s.power_map(c, None).unwrap().edges.iter().find_map(|e| e.id).unwrap();
    assert!(matches!(s.remove_edge(other, None, edge_id), Err(CoreError::NotFound { .. })));
    let m = s.relabel_edge(c, None, edge_id, " 私交好 ").unwrap();
    assert_eq!(m.edges.iter().find(|e| e.id == Some(edge_id)).unwrap().label, "私交好");
}

#[test]
fn deleting_a_contact_reports_and_removes_their_edges_and_undo_brings_them_back() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) = org(
        &s,
        "通达轨交",
        &[
            ("王总", None, true),
            ("李经理", Some("王总"), false),
            ("赵工", Some("李经理"), false),
            ("钱工", None, false),
        ],
    );
    let (wang, li, zhao, qian) = (id["王总"], id["李经理"], id["赵工"], id["钱工"]);
    let scope = s.create_power_scope(c, "2026 MES 项目").unwrap().scope_id;
    s.add_edge(c, None, &NewEdge { kind: EdgeKind::Influences, from: qian, to: li, label: "老同事".into() }).unwrap();
    s.add_edge(c, scope, &NewEdge { kind: EdgeKind::Conflicts, from: li, to: wang, label: String::new() }).unwrap();
    s.add_edge(c, None, &NewEdge { kind: EdgeKind::Influences, from: qian, to: wang, label: String::new() }).unwrap();
    s.save_assessment(c, None, &assess(li, Some(BuyingRole::Evaluator), 1, 4)).unwrap();
    s.save_assessment(c, scope, &assess(li, Some(BuyingRole::Evaluator), 2, 4)).unwrap();
    let before_account = s.power_map(c, None).unwrap();
    let before_scope = s.power_map(c, scope).unwrap();

    let what = s.contact_removal(li).unwrap();
    assert_eq!(what.contact.name, "李经理");
    let described: Vec<String> =
        what.edges.iter().map(|e| format!("{} {:?} {}", e.from.name, e.kind, e.to.name)).collect();
    assert_eq!(
        described,
        ["李经理 ReportsTo 王总", "赵工 ReportsTo 李经理", "钱工 Influences 李经理", "李经理 Conflicts 王总"]
    );
    assert_eq!(what.assessments.iter().map(|x| x.id).collect::<Vec<_>>(), [None, scope]);
    assert!(s.contact_removal(qian).unwrap().assessments.is_empty());

    s.delete_contact(li).unwrap();
    for m in [s.power_map(c, None).unwrap(), s.power_map(c, scope).unwrap()] {
        assert!(m.nodes.iter().all(|n| n.contact_id != li));
        assert!(m.edges.iter().all(|e| e.from != li && e.to != li), "{:?}", m.edges);
        assert_eq!(m.nodes.iter().find(|n| n.contact_id == zhao).unwrap().reports_to, None, "赵工 lost their boss");
        assert!(m.edges.iter().any(|e| e.from == qian && e.to == wang), "other edges stay");
    }
    let stored: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM power_edge WHERE from_id = ?1 OR to_id = ?1", [li], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0, "the edges were removed with the contact, not just hidden");
    assert!(matches!(
        s.power_map_history(c, None, 1).unwrap()[0].change,
        HistoryChange::ReportsTo { .. } | HistoryChange::Edge { .. }
    ));

    s.undo_delete().unwrap().unwrap();
    let strip = |m: MapView| {
        (
            m.nodes,
            m.edges.into_iter().map(|e| (e.kind, e.from, e.to, e.label, e.scope_id)).collect::<Vec<_>>(),
            m.status,
        )
    };
    assert_eq!(strip(s.power_map(c, None).unwrap()), strip(before_account));
    assert_eq!(strip(s.power_map(c, scope).unwrap()), strip(before_scope));

    // Deleted again (to the trash): the map holds no trace of them.
    s.delete_contact(li).unwrap();
    s.delete_contact(qian).unwrap();
    let m = s.power_map(c, None).unwrap();
    assert_eq!(m.nodes.len(), 2);
    assert!(m.edges.iter().all(|e| e.from != qian && e.to != qian));
}

/// 150 contacts in a few trees (3–6 reports each, some long chains) plus unattached ones.
fn big_org(s: &Store) -> (i64, Vec<i64>) {
    let c = s.create_customer(&named("大型集团")).unwrap();
    let mut contacts: Vec<ContactFields> = Vec::new();
    for i in 0..150usize {
        let boss = match i {
            0 | 40 | 90 => None,
            i if i >= 140 => None, // unattached
            i if i < 40 => Some(i / 4),
            i if i < 90 => Some(40 + (i - 40) / 3),
            i => Some(i - 1), // a chain
        };
        contacts.push(ContactFields {
            name: format!("联系人{i:03}"),
            reports_to: boss.map(|b| b as i64),
            ..Default::default()
        });
    }
    let mut ids = Vec::new();
    for f in &contacts {
        let boss = f.reports_to.map(|b| ids[b as usize]);
        let p = s.create_contact(c.id, &ContactFields { reports_to: boss, ..f.clone() }).unwrap();
        ids.push(p.contacts.iter().find(|x| x.fields.name == f.name).unwrap().id);
    }
    (c.id, ids)
}

#[test]
fn layout_is_a_non_overlapping_deterministic_tree_and_saved_positions_win() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, ids) = big_org(&s);
    s.save_slots(c, None, &[SlotInput { buying_role: BuyingRole::DecisionMaker, label: String::new() }]).unwrap();
    let m = s.power_map(c, None).unwrap();
    assert_eq!(m.nodes.len(), 150);
    let at: HashMap<i64, (f64, f64)> = m.nodes.iter().map(|n| (n.contact_id, (n.x, n.y))).collect();
    // Parents above their reports.
    for n in &m.nodes {
        if let Some(boss) = n.reports_to {
            assert!(at[&boss].1 < n.y, "{} below its boss", n.name);
        }
    }
    // No two nodes (nor a placeholder) share a cell of the grid.
    let mut points: Vec<(f64, f64)> = m.nodes.iter().map(|n| (n.x, n.y)).collect();
    points.extend(m.slots.iter().filter_map(|s| s.placeholder).map(|p| (p.x, p.y)));
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            assert!(
                (a.0 - b.0).abs() >= layout::X_GAP - 1e-6 || (a.1 - b.1).abs() >= layout::Y_GAP - 1e-6,
                "overlap at {a:?} {b:?}"
            );
        }
    }
    // Sibling subtrees occupy disjoint bands of columns.
    let children =
        |id: i64| m.nodes.iter().filter(|n| n.reports_to == Some(id)).map(|n| n.contact_id).collect::<Vec<_>>();
    let band = |root: i64| {
        let (mut lo, mut hi, mut stack) = (f64::MAX, f64::MIN, vec![root]);
        while let Some(x) = stack.pop() {
            lo = lo.min(at[&x].0);
            hi = hi.max(at[&x].0);
            stack.extend(children(x));
        }
        (lo, hi)
    };
    for parent in m.nodes.iter().map(|n| n.contact_id) {
        let mut bands: Vec<(f64, f64)> = children(parent).into_iter().map(band).collect();
        bands.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(bands.windows(2).all(|w| w[0].1 < w[1].0), "sibling subtrees overlap under {parent}");
    }
    // The unattached contacts stand below the trees; the placeholder of the empty slot on top.
    let deepest_tree = m.nodes.iter().filter(|n| n.reports_to.is_some()).map(|n| n.y).fold(0.0, f64::max);
    assert!(ids[140..].iter().all(|id| at[id].1 > deepest_tree));
    assert_eq!(m.slots[0].placeholder.unwrap().y, 0.0);
    assert!(m.max.x >= m.slots[0].placeholder.unwrap().x && m.min.x <= m.nodes[0].x);

    // Deterministic.
    assert_eq!(s.power_map(c, None).unwrap(), m);

    // A dragged node keeps its place; reset forgets it.
    let moved = NodePosition { contact_id: ids[5], x: -333.0, y: 777.5 };
    let dragged = s.save_positions(c, None, &[moved]).unwrap();
    let n = dragged.nodes.iter().find(|n| n.contact_id == ids[5]).unwrap();
    assert_eq!((n.x, n.y, n.pinned), (-333.0, 777.5, true));
    assert_eq!(dragged.min.x, -333.0);
    let scope = s.create_power_scope(c, "项目").unwrap().scope_id;
    assert!(!s.power_map(c, scope).unwrap().nodes.iter().any(|n| n.pinned), "positions are per scope");
    assert_eq!(refused(s.save_positions(c, None, &[NodePosition { x: f64::NAN, ..moved }])).1, Reason::OutOfRange);
    assert_eq!(
        refused(s.save_positions(c, None, &[NodePosition { contact_id: -1, ..moved }])).1,
        Reason::InvalidReference
    );
    let reset = s.reset_layout(c, None).unwrap();
    assert_eq!(reset.nodes, m.nodes);
}

#[test]
fn coverage_view_flags_influential_contacts_nobody_covers() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) = org(
        &s,
        "宏图家居",
        &[("王总", None, true), ("李经理", None, false), ("赵工", None, false), ("钱工", None, false)],
    );
    let with =
        |a: Assessment, coverage: Option<Coverage>, by: &str| Assessment { coverage, covered_by: by.into(), ..a };
    s.save_assessment(c, None, &with(assess(id["王总"], None, 0, 5), Some(Coverage::None), "")).unwrap();
    s.save_assessment(c, None, &with(assess(id["李经理"], None, 0, 4), Some(Coverage::Deep), "张伟")).unwrap();
    s.save_assessment(c, None, &with(assess(id["赵工"], None, 0, 2), None, "")).unwrap();
    let m = s.save_assessment(c, None, &with(assess(id["钱工"], None, 0, 4), None, " 李娜 ")).unwrap();
    let rows = s.power_coverage(c, None).unwrap();
    let summary: Vec<(&str, bool, &str)> =
        rows.iter().map(|r| (r.contact.name.as_str(), r.flagged, r.covered_by.as_str())).collect();
    assert_eq!(summary, [("王总", true, ""), ("钱工", true, "李娜"), ("李经理", false, "张伟"), ("赵工", false, "")]);
    assert!(m.nodes.iter().find(|n| n.contact_id == id["王总"]).unwrap().coverage_gap);
    assert!(!m.nodes.iter().find(|n| n.contact_id == id["李经理"]).unwrap().coverage_gap);
}

#[test]
fn the_role_table_keeps_working_and_records_its_changes() {
    let (_d, s, cal) = store_on("2026-05-01");
    let (c, id) = org(&s, "云岭制药", &[("王总", None, true), ("李经理", None, false)]);
    let role = |contact_id, support, assessed_on: &str| RoleAssessment {
        contact_id,
        buying_role: Some(BuyingRole::DecisionMaker),
        support: Some(support),
        influence: Some(5),
        coverage: Some(Coverage::Deep),
        evidence: "明确支持".into(),
        assessed_on: assessed_on.into(),
    };
    s.save_roles(c, &[role(id["王总"], 2, ""), role(id["李经理"], 0, "")]).unwrap();
    // Who covers 王总 is set on the map; the table does not carry it and must not lose it.
    s.save_assessment(
        c,
        None,
        &Assessment {
            covered_by: "张伟".into(), ..s.power_map(c, None).unwrap().nodes[0].assessment.clone().unwrap()
        },
    )
    .unwrap();
    cal.set("2026-06-01");
    let p = s.save_roles(c, &[role(id["李经理"], 1, ""), role(id["王总"], 2, "2026-05-01")]).unwrap();
    assert_eq!(p.roles.iter().map(|r| r.contact_id).collect::<Vec<_>>(), [id["李经理"], id["王总"]], "table order");
    assert_eq!(p.roles[0].assessed_on, "2026-06-01");
    let wang = s.power_map(c, None).unwrap().nodes.into_iter().find(|n| n.contact_id == id["王总"]).unwrap();
    assert_eq!(wang.assessment.unwrap().covered_by, "张伟");
    let timeline = s.power_map_history(c, None, 0).unwrap();
    // 2 first entries, the covered-by change, 李经理's change; 王总 unchanged in the second save.
    assert_eq!(timeline.len(), 4, "{timeline:#?}");
    assert_eq!(timeline[0].contact.name, "李经理");
    s.save_roles(c, &[]).unwrap();
    assert_eq!(s.power_map_history(c, None, 0).unwrap().len(), 6, "both removed");
    assert!(s.profile(c).unwrap().roles.is_empty());
}

#[test]
fn adding_a_contact_from_the_map_with_an_assessment() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) = org(&s, "绿源环保", &[("王总", None, true)]);
    let scope = s.create_power_scope(c, "环评项目").unwrap().scope_id;
    let fields = ContactFields { name: " 新人 ".into(), reports_to: Some(id["王总"]), ..Default::default() };
    let m = s.add_map_contact(c, scope, &fields, Some(&assess(0, Some(BuyingRole::Evaluator), 1, 3))).unwrap();
    let n = m.nodes.iter().find(|n| n.name == "新人").unwrap();
    assert_eq!((n.reports_to, n.assessment.as_ref().unwrap().support), (Some(id["王总"]), Some(1)));
    assert!(s.power_map(c, None).unwrap().nodes.iter().find(|x| x.name == "新人").unwrap().assessment.is_none());
    assert_eq!(s.search("新人", 5).unwrap().contacts.len(), 1);
    // A refused assessment adds no contact either.
    let bad = s.add_map_contact(
        c,
        scope,
        &ContactFields { name: "再来".into(), ..Default::default() },
        Some(&assess(0, None, 9, 1)),
    );
    assert_eq!(refused(bad).1, Reason::OutOfRange);
    assert_eq!(s.contacts(c).unwrap().len(), 2);
}

#[test]
fn existing_role_rows_migrate_into_the_account_wide_scope_with_a_first_history_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.sqlite");
    {
        let conn = common::database_at_version(&path, 5);
        conn.execute_batch(
            "INSERT INTO customer (id, name, name_key, created_at, updated_at) VALUES
                 (1, '旧客户', '旧客户', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
                 (2, '空客户', '空客户', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
             INSERT INTO contact (id, customer_id, name, created_at, updated_at) VALUES
                 (10, 1, '王总', '2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z'),
                 (11, 1, '李经理', '2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z');
             INSERT INTO role_assessment (customer_id, contact_id, position, buying_role, support,
                     influence, coverage, evidence, assessed_on) VALUES
                 (1, 11, 0, 'evaluator', 0, 3, 'initial', '观望', '2025-03-01'),
                 (1, 10, 1, 'decision_maker', 2, 5, 'deep', '明确支持', '2025-02-01');",
        )
        .unwrap();
    }
    let s = Store::open(&path, common::clock()).unwrap();
    let p = s.profile(1).unwrap();
    assert_eq!(p.roles.iter().map(|r| (r.contact_id, r.support)).collect::<Vec<_>>(), [(11, Some(0)), (10, Some(2))]);
    assert_eq!(p.roles[1].evidence, "明确支持");
    let m = s.power_map(1, None).unwrap();
    assert_eq!(m.status.light, StatusLight::Green);
    let rows = s.list_customers(&CustomerQuery { limit: 10, ..Default::default() }).unwrap().rows;
    let lights: HashMap<i64, StatusLight> = rows.iter().map(|r| (r.id, r.power_status)).collect();
    assert_eq!(
        lights,
        HashMap::from([(1, StatusLight::Green), (2, StatusLight::Unknown)]),
        "the cached light is filled"
    );
    let timeline = s.power_map_history(1, None, 0).unwrap();
    assert_eq!(timeline.len(), 2);
    assert_eq!(
        timeline.iter().map(|e| (e.contact.name.as_str(), e.changed_on.as_str())).collect::<Vec<_>>(),
        [("李经理", "2025-03-01"), ("王总", "2025-02-01")]
    );
    match &timeline[1].change {
        HistoryChange::Assessment { old: None, new: Some(a), .. } => {
            assert_eq!(
                (a.buying_role, a.support, a.influence, a.coverage),
                (Some(BuyingRole::DecisionMaker), Some(2), Some(5), Some(Coverage::Deep))
            );
        }
        other => panic!("{other:?}"),
    }
    // The contacts (entered later, imported say) were known from their first assessment on.
    let past = s.power_map_as_of(1, None, "2025-02-15").unwrap();
    assert_eq!(
        past.nodes.iter().map(|n| (n.name.as_str(), n.assessment.is_some())).collect::<Vec<_>>(),
        [("王总", true)]
    );
    let scope = s.create_power_scope(1, "项目").unwrap().scope_id;
    assert_eq!(s.power_map_as_of(1, scope, "2025-03-15").unwrap().nodes.len(), 2, "in every scope's past view");
}

#[test]
fn the_profile_export_has_a_power_map_row_per_contact_with_reports_to() {
    let (_d, s, _) = store_on("2026-05-01");
    let (c, id) =
        org(&s, "安泰消防", &[("王总", None, true), ("李经理", Some("王总"), false), ("赵工", Some("李经理"), false)]);
    s.save_assessment(
        c,
        None,
        &Assessment { covered_by: "张伟".into(), ..assess(id["王总"], Some(BuyingRole::DecisionMaker), 2, 5) },
    )
    .unwrap();
    let scope = s.create_power_scope(c, "2026 消防改造").unwrap().scope_id;
    s.save_assessment(c, scope, &assess(id["赵工"], Some(BuyingRole::Evaluator), -1, 3)).unwrap();
    let opts = dossier_core::export::ReportOptions::default();
    let bytes = dossier_core::export::customer_profile(&s, c, &opts).unwrap().to_bytes().unwrap();
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let rows: Vec<Vec<String>> =
        book.worksheet_range("客户档案").unwrap().rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let header = rows.iter().position(|r| r[0] == "联系人" && r[7] == "汇报对象").expect("the power-map table");
    assert_eq!(rows[header][6], "覆盖人");
    let table: Vec<(&str, &str, &str, &str)> = rows[header + 1..header + 4]
        .iter()
        .map(|r| (r[0].as_str(), r[3].as_str(), r[6].as_str(), r[7].as_str()))
        .collect();
    assert_eq!(table, [("王总", "教练", "张伟", ""), ("李经理", "", "", "王总"), ("赵工", "", "", "李经理")]);
    assert!(rows[header - 1][0] == "状态" && rows[header - 1][1].starts_with("绿"), "{:?}", rows[header - 1]);
    let scope_title = rows.iter().position(|r| r[0] == "2026 消防改造").expect("the scope's own table");
    assert!(rows[scope_title + 1][1].starts_with("红"));
    assert_eq!((rows[scope_title + 3][0].as_str(), rows[scope_title + 3][3].as_str()), ("赵工", "不支持"));
}

#[test]
fn sample_customers_have_populated_power_maps() {
    let (_d, s, _) = store_on("2026-11-23");
    dossier_core::sample::load(&s, 1).unwrap();
    let hd = s.search("华东精密", 1).unwrap().customers[0].id;
    let map = s.power_map(hd, None).unwrap();
    let depth = map.nodes.iter().map(|n| n.y).fold(0.0, f64::max);
    assert!(depth >= 2.0 * layout::Y_GAP, "a tree more than one level deep");
    assert!(map.edges.iter().any(|e| e.kind == EdgeKind::Influences));
    assert!(map.edges.iter().any(|e| e.kind == EdgeKind::Conflicts) || map.nodes.len() < 5);
    assert!(map.nodes.iter().any(|n| n.assessment.as_ref().is_some_and(|a| !a.covered_by.is_empty())));
    assert_eq!(map.slots.len(), 2);
    let scopes = s.power_scopes(hd).unwrap();
    assert_eq!(scopes.len(), 2, "a named scope");
    let project = s.power_map(hd, scopes[1].id).unwrap();
    assert_eq!(project.slots.len(), 4);
    assert!(project.slots.iter().any(|x| x.filled_by.is_empty()) && project.status.light == StatusLight::Red);
    let timeline = s.power_map_history(hd, None, 0).unwrap();
    assert!(
        timeline.iter().any(|e| matches!(&e.change, HistoryChange::Assessment { old: Some(_), new: Some(_), .. })),
        "a change, not only first entries"
    );
    // Some change is visible in a past view.
    let diff = s.power_map_diff(hd, None, &timeline[timeline.len() - 1].changed_on).unwrap();
    assert!(!diff.changed.is_empty());
    // Lights vary across the sample, and the list shows them.
    let rows = s.list_customers(&CustomerQuery { limit: 500, ..Default::default() }).unwrap().rows;
    let lights: std::collections::HashSet<StatusLight> = rows.iter().map(|r| r.power_status).collect();
    assert!(lights.len() >= 2, "{lights:?}");
    // Deterministic.
    let (_d2, s2, _) = store_on("2026-11-23");
    dossier_core::sample::load(&s2, 1).unwrap();
    let hd2 = s2.search("华东精密", 1).unwrap().customers[0].id;
    let strip = |m: MapView| {
        (
            m.nodes
                .into_iter()
                .map(|n| (n.name, n.assessment.map(|a| (a.support, a.covered_by)), n.x, n.y))
                .collect::<Vec<_>>(),
            m.status,
        )
    };
    assert_eq!(strip(s2.power_map(hd2, None).unwrap()), strip(map));
}
