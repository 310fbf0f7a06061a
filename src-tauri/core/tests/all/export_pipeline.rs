//! The team report's visit and pipeline sheets (docs/export.md): 跟进记录 (a row per follow-up record
//! with its needs, commitments and next actions, 已逾期 computed), 商机管道 (open deals with
//! their lights), 预测 (Σ amount × probability by month and owner) and 丢单分析 (the reviews,
//! by reason, competitor and stage) — read back from the file with calamine.

use crate::common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::{Duration, NaiveDate};
use dossier_core::customers::{ContactFields, CustomerQuery};
use dossier_core::export::{self, Language, ReportOptions};
use dossier_core::opportunities::{LostReason, LostReview, OpportunityFields, OpportunityQuery, Stage};
use dossier_core::visits::*;
use dossier_core::Store;

fn report(s: &Store, language: Language) -> Vec<u8> {
    export::team_report(s, &ReportOptions { language, include_personal: false }).unwrap().to_bytes().unwrap()
}

/// A cell as text: dates as YYYY-MM-DD, numbers without a trailing ".0".
fn text(c: &Data) -> String {
    match c {
        Data::DateTime(d) => {
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            (epoch + Duration::days(d.as_f64().floor() as i64)).format("%Y-%m-%d").to_string()
        }
        Data::Float(f) => format!("{f}"),
        other => other.to_string(),
    }
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range.rows().map(|r| r.iter().map(text).collect()).collect()
}

fn sheet_names(bytes: &[u8]) -> Vec<String> {
    Xlsx::new(Cursor::new(bytes.to_vec())).unwrap().sheet_names()
}

/// The column of `header` in a list whose header row is `rows[at]`.
fn col(rows: &[Vec<String>], at: usize, header: &str) -> usize {
    rows[at].iter().position(|h| h == header).unwrap_or_else(|| panic!("no column {header} in {:?}", rows[at]))
}

/// The row whose column `c` is `value`.
fn row<'a>(rows: &'a [Vec<String>], c: usize, value: &str) -> &'a Vec<String> {
    rows.iter().find(|r| r.get(c).map(String::as_str) == Some(value)).unwrap_or_else(|| panic!("no row with {value}"))
}

fn action(what: &str, owner: &str, due: &str, status: ActionStatus) -> ActionFields {
    ActionFields { what: what.into(), owner: owner.into(), due_date: due.into(), status, ..Default::default() }
}

/// A customer with a visit (two next actions, one overdue on the clock's 2026-11-23) and an
/// older, confirmed one without actions.
fn visited(s: &Store) -> i64 {
    let c = s.create_customer(&common::named("华东精密机械股份有限公司")).unwrap().id;
    let wang = s
        .create_contact(c, &ContactFields { name: "王建华".into(), title: "总经理".into(), ..Default::default() })
        .unwrap()
        .contacts[0]
        .id;
    let v = VisitFields {
        date: "2026-11-20".into(),
        time: "14:30".into(),
        method: VisitMethod::Meeting,
        place: "客户二楼会议室".into(),
        customer_participants: vec![Participant { contact_id: wang, ..Default::default() }],
        our_participants: vec![
            OurParticipant { name: "张伟".into(), role: Some(OurRole::Lead) },
            OurParticipant { name: "李娜".into(), role: Some(OurRole::Technical) },
        ],
        customer_type: Some(CustomerType::Repeat),
        goal: "确认 MES 接口范围".into(),
        progress: Some(Progress::NeedsMaterial),
        sales_actions: vec![SalesAction::Demo, SalesAction::TechExchange],
        solution: "总装线先行，接口走 SAP PI".into(),
        internal_support: vec![SupportKind::Technical, SupportKind::Pricing],
        support_note: "需要 12 月 1 日前的接口评审".into(),
        notes: "技术部已排期，法务未介入".into(),
        decisions: vec!["先做总装线试点".into()],
        needs: vec![
            Need {
                text: "MES 与 SAP 实时对接".into(), kind: Some(NeedKind::Core), priority: Some(Priority::High)
            },
            Need { text: "换型时间缩短".into(), kind: Some(NeedKind::Expected), priority: None },
        ],
        commitments: vec!["两周内给出接口方案".into()],
        risks: vec!["采购部倾向西门子".into()],
        urgent: true,
        actions: vec![
            action("发送报价单", "张伟", "2026-11-21", ActionStatus::Doing),
            action("安排技术交流", "李娜", "2026-11-30", ActionStatus::Todo),
        ],
        ..Default::default()
    };
    let saved = s.create_visit(c, &v).unwrap().visit;
    assert_eq!(saved.overdue_actions.len(), 1, "the fixture's first action is overdue");
    let older = VisitFields {
        date: "2026-10-08".into(),
        method: VisitMethod::Phone,
        goal: "电话回访".into(),
        ..Default::default()
    };
    let older = s.create_visit(c, &older).unwrap().visit;
    s.set_confirmation(older.id, Confirmation::Confirmed).unwrap();
    c
}

#[test]
fn a_visit_whose_lists_fill_more_than_a_cell_is_cut_with_an_ellipsis_not_a_failed_report() {
    let (_d, s) = common::store();
    let c = s.create_customer(&common::named("长江汽配")).unwrap().id;
    // 200 decisions of 190 characters, each within the form's limits: 38,000 in one cell.
    let v = VisitFields { date: "2026-11-20".into(), decisions: vec!["节".repeat(190); 200], ..Default::default() };
    s.create_visit(c, &v).unwrap();
    let rows = sheet(&report(&s, Language::Zh), "跟进记录");
    let decisions = &rows[1][col(&rows, 0, "达成共识")];
    assert_eq!(decisions.encode_utf16().count(), 32_767, "as much as Excel's cell holds");
    assert!(decisions.starts_with("1. 节节") && decisions.ends_with('…'), "cut, and says so");
}

#[test]
fn every_visit_summary_is_a_row_with_its_needs_commitments_and_next_actions() {
    let (_d, s) = common::store();
    let c = visited(&s);
    let bytes = report(&s, Language::Zh);
    let names = sheet_names(&bytes);
    assert_eq!(names[6..], ["跟进记录", "商机管道", "预测", "丢单分析", "阶段分析", "回款", "交付", "业绩"]);
    let rows = sheet(&bytes, "跟进记录");
    assert_eq!(
        rows[0],
        [
            "客户名称",
            "跟进日期",
            "时间",
            "方式",
            "地点",
            "关联商机",
            "客户参与人",
            "我方参与人",
            "客户类型",
            "跟进目的",
            "进展状态",
            "销售动作",
            "达成共识",
            "客户需求",
            "解决方案概述",
            "我方承诺",
            "下一步行动",
            "逾期行动",
            "紧急",
            "共识确认",
            "发送日期",
            "确认日期",
            "风险",
            "竞争对手动态",
            "需内部支持",
            "附加备注 / 协作进展"
        ]
    );
    assert_eq!(rows.len(), 3, "header + two visits");
    let at = |name: &str| col(&rows, 0, name);
    let newest = &rows[1];
    assert_eq!(newest[at("客户名称")], "华东精密机械股份有限公司");
    assert_eq!(newest[at("跟进日期")], "2026-11-20", "newest first, a date cell");
    assert_eq!((newest[at("时间")].as_str(), newest[at("方式")].as_str()), ("14:30", "面谈"));
    assert_eq!(newest[at("客户参与人")], "王建华（总经理）", "name and title from the contact");
    assert_eq!(newest[at("我方参与人")], "张伟（主谈）、李娜（技术）", "each with their role");
    assert_eq!((newest[at("客户类型")].as_str(), newest[at("进展状态")].as_str()), ("老客户复购", "需补充资料"));
    assert_eq!(newest[at("销售动作")], "产品演示、技术交流");
    assert_eq!(newest[at("解决方案概述")], "总装线先行，接口走 SAP PI");
    assert_eq!(newest[at("需内部支持")], "技术支持、价格审批\n需要 12 月 1 日前的接口评审", "the codes, then the note");
    assert_eq!(newest[at("附加备注 / 协作进展")], "技术部已排期，法务未介入");
    assert_eq!(newest[at("客户需求")], "1. MES 与 SAP 实时对接（核心 · 优先级高）\n2. 换型时间缩短（期望）");
    assert_eq!(newest[at("我方承诺")], "两周内给出接口方案");
    assert_eq!(
        newest[at("下一步行动")],
        "1. 发送报价单（负责人：张伟，截止 2026-11-21） — 已逾期\n2. 安排技术交流（负责人：李娜，截止 2026-11-30） — 待执行",
        "both actions, the overdue one marked as the app marks it"
    );
    assert_eq!(newest[at("逾期行动")], "1");
    assert_eq!((newest[at("紧急")].as_str(), newest[at("共识确认")].as_str()), ("是", "草稿"));
    assert_eq!(newest[at("风险")], "采购部倾向西门子", "internal fields belong in the internal report");
    let older = &rows[2];
    assert_eq!((older[at("跟进日期")].as_str(), older[at("方式")].as_str()), ("2026-10-08", "电话"));
    assert_eq!(older[at("共识确认")], "客户已确认");
    assert_eq!((older[at("发送日期")].as_str(), older[at("确认日期")].as_str()), ("2026-11-23", "2026-11-23"));
    assert_eq!(
        (older[at("下一步行动")].as_str(), older[at("逾期行动")].as_str(), older[at("紧急")].as_str()),
        ("", "0", "")
    );
    assert_eq!(
        (older[at("客户类型")].as_str(), older[at("进展状态")].as_str(), older[at("需内部支持")].as_str()),
        ("", "", ""),
        "a record without the template's parts leaves their cells empty"
    );

    // The multi-line cells wrap, so Excel shows their lines.
    let xml = {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
        let mut s = String::new();
        zip.by_name("xl/styles.xml").unwrap().read_to_string(&mut s).unwrap();
        s
    };
    assert!(xml.contains("wrapText=\"1\""));

    // Cut at a limit (Excel's row limit in the report), the newest come and the count is of all.
    let mut passed = Vec::new();
    let total = s
        .for_each_report_visit(&dossier_core::weekly::Scope::everything(String::new()), 1, &mut |v| {
            passed.push(v.fields.date);
            Ok(())
        })
        .unwrap();
    assert_eq!((passed, total), (vec!["2026-11-20".to_string()], 2));

    // Done, the action is no longer overdue; a customer in the trash takes its visits along.
    let first = s.visits(c, None, 0, 1).unwrap().rows[0].fields.actions[0].id.unwrap();
    s.set_action_status(first, ActionStatus::Done).unwrap();
    let rows = sheet(&report(&s, Language::Zh), "跟进记录");
    assert!(rows[1][at("下一步行动")].starts_with("1. 发送报价单（负责人：张伟，截止 2026-11-21） — 已完成\n"));
    assert_eq!(rows[1][at("逾期行动")], "0");
    s.delete_customer(c).unwrap();
    let rows = sheet(&report(&s, Language::Zh), "跟进记录");
    assert_eq!(rows.len(), 3, "the header, a blank row and the note");
    assert!(rows[2][0].starts_with("还没有跟进记录"));
}

fn deal(name: &str, owner: &str, amount: f64, stage: Stage, close: &str) -> OpportunityFields {
    OpportunityFields {
        name: name.into(),
        owner: owner.into(),
        amount: Some(amount),
        stage,
        expected_close: close.into(),
        needs: "节拍提升".into(),
        quote_amount: Some(amount),
        quote_date: "2026-11-01".into(),
        contract_amount: Some(amount),
        contract_date: "2026-11-10".into(),
        ..Default::default()
    }
}

/// The customer of that name, created if need be.
fn customer(s: &Store, name: &str) -> i64 {
    let page = s.list_customers(&CustomerQuery { limit: 500, ..Default::default() }).unwrap();
    match page.rows.iter().find(|r| r.name == name) {
        Some(r) => r.id,
        None => s.create_customer(&common::named(name)).unwrap().id,
    }
}

fn lose(s: &Store, customer: i64, name: &str, at: Stage, lost_to: &str, reason: LostReason, amount: f64) {
    let o = s.create_opportunity(customer, &deal(name, "张伟", amount, at, "")).unwrap();
    let review = LostReview {
        lost_to: lost_to.into(),
        reason: Some(reason),
        text: format!("{name}:对方报价更低"),
        next: "跟进二期".into(),
        stage_lost_at: None,
    };
    s.move_opportunity(o.id, Stage::Lost, Some(&review)).unwrap();
}

/// Four open deals (one with its own probability, one without a close date or owner), a won
/// one, three lost ones; the 焊装线 deal has an overdue action (red light).
fn pipeline(s: &Store) {
    let hd = customer(s, "华东精密机械股份有限公司");
    let cj = customer(s, "长江汽车零部件有限公司");
    s.create_opportunity(hd, &deal("MES 项目", "张伟", 1_000_000.0, Stage::Solution, "2026-12-15")).unwrap();
    s.create_opportunity(
        hd,
        &OpportunityFields {
            probability: Some(35),
            ..deal("备件框架", "李娜", 200_000.0, Stage::Initiation, "2026-12-05")
        },
    )
    .unwrap();
    let welding =
        s.create_opportunity(cj, &deal("焊装线", "张伟", 500_000.0, Stage::Negotiation, "2027-01-20")).unwrap();
    s.create_opportunity(cj, &deal("培训", "", 50_000.0, Stage::Initiation, "")).unwrap();
    s.create_opportunity(hd, &deal("旧产线改造", "张伟", 900_000.0, Stage::Won, "2026-11-10")).unwrap();
    s.create_action(
        &ActionTarget { customer_id: cj, opportunity_id: Some(welding.id) },
        &action("提交技术澄清", "张伟", "2026-11-20", ActionStatus::Todo),
    )
    .unwrap();
    lose(s, hd, "数采平台", Stage::Quote, "西门子", LostReason::Price, 300_000.0);
    lose(s, cj, "视觉检测", Stage::Initiation, "西门子", LostReason::Price, 100_000.0);
    lose(s, cj, "AGV", Stage::Solution, "汇川技术", LostReason::Product, 80_000.0);
}

#[test]
fn the_pipeline_lists_open_deals_soonest_first_with_their_lights() {
    let (_d, s) = common::store();
    pipeline(&s);
    let rows = sheet(&report(&s, Language::Zh), "商机管道");
    assert_eq!(
        rows[0],
        [
            "客户名称",
            "商机名称",
            "阶段",
            "金额（元）",
            "成交概率",
            "加权金额（元）",
            "预计成交",
            "负责人",
            "本阶段始于",
            "风险灯",
            "风险原因"
        ]
    );
    let names: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names, ["备件框架", "MES 项目", "焊装线", "培训"], "open only, by expected close, undated last");
    assert_eq!(rows[1][2..8], ["立项", "200000", "0.35", "70000", "2026-12-05", "李娜"], "the deal's own probability");
    assert_eq!(rows[2][2..6], ["方案", "1000000", "0.4", "400000"], "the stage's default probability");
    let welding = &rows[3];
    assert_eq!(welding[9], "红灯");
    assert!(welding[10].contains("商机「焊装线」1 项行动已逾期（最早应于 2026-11-20 完成）"), "{}", welding[10]);
    assert_eq!(rows[4][7], "", "no owner");
}

#[test]
fn the_forecast_is_the_sum_of_amount_times_probability_by_month_and_owner() {
    let (_d, s) = common::store();
    pipeline(&s);
    let rows = sheet(&report(&s, Language::Zh), "预测");
    assert_eq!(rows[0][0], "加权预测");
    let months = rows.iter().position(|r| r[0] == "按预计成交月份").unwrap();
    assert_eq!(rows[months + 1][..4], ["月份", "商机数", "金额（元）", "加权金额（元）"]);
    assert_eq!(rows[months + 2][..4], ["未填日期", "1", "50000", "5000"]);
    assert_eq!(rows[months + 3][..4], ["2026-12", "2", "1200000", "470000"]);
    assert_eq!(rows[months + 4][..4], ["2027-01", "1", "500000", "375000"]);
    let total = &rows[months + 5];
    assert_eq!(total[0], "合计");

    // Σ amount × probability over the open deals, computed here from the deals themselves.
    let open = s.list_opportunities(&OpportunityQuery { limit: 500, ..Default::default() }).unwrap();
    let open: Vec<_> = open.rows.iter().map(|r| &r.opportunity).filter(|o| o.fields.stage.is_open()).collect();
    let weighted: f64 = open.iter().map(|o| o.fields.amount.unwrap() * o.effective_probability as f64 / 100.0).sum();
    let amount: f64 = open.iter().map(|o| o.fields.amount.unwrap()).sum();
    assert_eq!(total[1..4], [open.len().to_string(), format!("{amount}"), format!("{weighted}")]);
    assert_eq!(weighted, 850_000.0);

    let owners = rows.iter().position(|r| r[0] == "按负责人").unwrap();
    assert_eq!(rows[owners + 1][0], "负责人");
    let by_owner: Vec<&[String]> = rows[owners + 2..owners + 6].iter().map(|r| &r[..4]).collect();
    assert_eq!(by_owner[0], ["张伟", "2", "1500000", "775000"], "largest weighted first");
    assert_eq!(by_owner[1], ["李娜", "1", "200000", "70000"]);
    assert_eq!(by_owner[2], ["未指定", "1", "50000", "5000"]);
    assert_eq!(by_owner[3], ["合计", "4", "1750000", "850000"]);
}

#[test]
fn lost_deals_are_listed_with_their_review_and_counted_by_reason_competitor_and_stage() {
    let (_d, s) = common::store();
    pipeline(&s);
    let rows = sheet(&report(&s, Language::Zh), "丢单分析");
    assert_eq!(rows[0][0], "丢单分析");
    assert_eq!((rows[2][0].as_str(), rows[2][4].as_str(), rows[2][8].as_str()), ("按原因", "按赢单对手", "按丢单阶段"));
    assert_eq!(rows[3][..3], ["原因类别", "单数", "金额（元）"]);
    let table = |c: usize| -> Vec<[String; 3]> {
        rows[4..]
            .iter()
            .take_while(|r| !r[c].is_empty())
            .map(|r| [r[c].clone(), r[c + 1].clone(), r[c + 2].clone()])
            .collect()
    };
    let s3 = |a: &str, b: &str, c: &str| [a.to_string(), b.to_string(), c.to_string()];
    assert_eq!(table(0), [s3("价格", "2", "400000"), s3("产品技术", "1", "80000"), s3("合计", "3", "480000")]);
    assert_eq!(table(4), [s3("西门子", "2", "400000"), s3("汇川技术", "1", "80000"), s3("合计", "3", "480000")]);
    let stages = table(8);
    assert_eq!(stages.len(), 4);
    assert!(
        stages.contains(&s3("报价", "1", "300000"))
            && stages.contains(&s3("立项", "1", "100000"))
            && stages.contains(&s3("方案", "1", "80000"))
    );

    let header = rows.iter().position(|r| r[0] == "客户名称").unwrap();
    assert_eq!(rows[header - 1][0], "丢单明细");
    assert_eq!(
        rows[header][..10],
        [
            "客户名称",
            "商机名称",
            "负责人",
            "金额（元）",
            "丢单日期",
            "丢单阶段",
            "输给",
            "原因类别",
            "原因说明",
            "下一步"
        ]
    );
    let list = &rows[header + 1..];
    assert_eq!(list.len(), 3, "the lost deals only");
    let agv = row(list, 1, "AGV");
    assert_eq!(agv[3..10], ["80000", "2026-11-23", "方案", "汇川技术", "产品技术", "AGV:对方报价更低", "跟进二期"]);
}

#[test]
fn a_customer_in_the_undo_bin_takes_its_deals_out_of_the_pipeline_forecast_and_lost_sheets() {
    let (_d, s) = common::store();
    pipeline(&s);
    // 长江汽配 has 焊装线 and 培训 open, 视觉检测 and AGV lost.
    let cj = customer(&s, "长江汽车零部件有限公司");
    s.delete_customer(cj).unwrap();
    let bytes = report(&s, Language::Zh);
    let open = sheet(&bytes, "商机管道");
    assert_eq!(open[1..].iter().map(|r| r[1].as_str()).collect::<Vec<_>>(), ["备件框架", "MES 项目"]);
    let forecast = sheet(&bytes, "预测");
    let owners = forecast.iter().position(|r| r[0] == "按负责人").unwrap();
    assert_eq!(forecast[owners + 2][..4], ["张伟", "1", "1000000", "400000"], "焊装线 no longer counted");
    assert_eq!(forecast[owners + 4][..4], ["合计", "2", "1200000", "470000"]);
    let lost = sheet(&bytes, "丢单分析");
    let header = lost.iter().position(|r| r[0] == "客户名称").unwrap();
    assert_eq!(lost[header + 1..].iter().map(|r| r[1].as_str()).collect::<Vec<_>>(), ["数采平台"]);

    // Undone, everything is back.
    s.undo_delete().unwrap();
    let bytes = report(&s, Language::Zh);
    assert_eq!(sheet(&bytes, "商机管道").len(), 5);
    let lost = sheet(&bytes, "丢单分析");
    let header = lost.iter().position(|r| r[0] == "客户名称").unwrap();
    assert_eq!(lost[header + 1..].len(), 3);
}

#[test]
fn the_new_sheets_in_english() {
    let (_d, s) = common::store();
    visited(&s);
    pipeline(&s);
    let bytes = report(&s, Language::En);
    assert_eq!(
        sheet_names(&bytes)[6..],
        ["Follow-ups", "Pipeline", "Forecast", "Lost deals", "Stage analysis", "Payments", "Delivery", "Results"]
    );
    let visits = sheet(&bytes, "Follow-ups");
    assert_eq!(visits[0][..4], ["Customer", "Date", "Time", "Method"]);
    let at = |name: &str| col(&visits, 0, name);
    let v = row(&visits, at("Goal"), "确认 MES 接口范围");
    assert_eq!(v[at("Method")], "Meeting");
    assert_eq!(v[at("Customer participants")], "王建华 (总经理)");
    assert_eq!(v[at("Customer needs")], "1. MES 与 SAP 实时对接 (Core · High priority)\n2. 换型时间缩短 (Expected)");
    assert_eq!(
        v[at("Next steps")],
        "1. 发送报价单 (owner: 张伟, due 2026-11-21) — Overdue\n2. 安排技术交流 (owner: 李娜, due 2026-11-30) — To do"
    );
    assert_eq!((v[at("Urgent")].as_str(), v[at("Confirmation")].as_str()), ("Yes", "Draft"));

    let pipeline = sheet(&bytes, "Pipeline");
    assert_eq!(pipeline[0][..3], ["Customer", "Opportunity", "Stage"]);
    let welding = row(&pipeline, 1, "焊装线");
    assert_eq!((welding[2].as_str(), welding[9].as_str()), ("Negotiation", "Red"));
    assert!(welding[10].contains("Deal \"焊装线\": 1 action overdue (earliest due 2026-11-20)"), "{}", welding[10]);

    let forecast = sheet(&bytes, "Forecast");
    assert_eq!(forecast[0][0], "Weighted forecast");
    assert!(forecast.iter().any(|r| r[..4] == ["Total", "4", "1750000", "850000"]));
    assert!(forecast.iter().any(|r| r[0] == "No date") && forecast.iter().any(|r| r[0] == "Unassigned"));

    let lost = sheet(&bytes, "Lost deals");
    assert_eq!(
        (lost[2][0].as_str(), lost[2][4].as_str(), lost[2][8].as_str()),
        ("By reason", "By competitor", "By stage")
    );
    assert_eq!(lost[4][..2], ["Price", "2"]);
    assert!(lost.iter().any(|r| r[0] == "Customer" && r[7] == "Reason"));

    // No Chinese generated text is left in the English sheets (user text stays as typed).
    let generated: Vec<&str> = ["已逾期", "待执行", "红灯", "合计", "价格", "立项", "负责人", "商机「"].to_vec();
    for name in ["Follow-ups", "Pipeline", "Forecast", "Lost deals", "Stage analysis", "Results"] {
        let all: String = sheet(&bytes, name).concat().join("\n");
        for g in &generated {
            assert!(!all.contains(g), "{g} in {name}");
        }
    }
}

#[test]
fn the_stage_analysis_sheet_is_what_the_stage_history_says() {
    let (_d, s) = common::store();
    pipeline(&s);
    let stats = s.stage_stats(&Default::default()).unwrap();
    let rows = sheet(&report(&s, Language::Zh), "阶段分析");
    assert_eq!(rows[0][0], "阶段分析");
    assert_eq!(rows[1][0], "全部时间");
    assert_eq!(rows[3][..3], ["阶段", "进入", "推进"]);
    for (i, d) in stats.stages.iter().enumerate() {
        assert_eq!(rows[4 + i][1], d.entered.to_string(), "{:?}", rows[4 + i]);
        assert_eq!(rows[4 + i][3], d.lost.to_string(), "{:?}", rows[4 + i]);
    }
    let at = |title: &str| rows.iter().position(|r| r[0] == title).unwrap_or_else(|| panic!("no {title}"));
    // The owners' win rates: every closed deal counted once.
    let owners = at("负责人");
    let closed: i64 =
        rows[owners + 2..].iter().take_while(|r| !r[0].is_empty()).map(|r| r[2].parse::<i64>().unwrap()).sum();
    assert_eq!(closed, stats.by_owner.iter().map(|r| r.won + r.lost).sum::<i64>());
    let lost = at("丢单原因（按月）");
    assert_eq!(rows[lost + 1][..2], ["月份", "价格"]);
    assert_eq!(rows[lost + 2][1], "2", "two lost on price this month");
    let bytes = report(&s, Language::Zh);
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let charts = zip.file_names().filter(|n| n.as_ref().is_ok_and(|n| n.starts_with("xl/charts/"))).count();
    assert!(charts >= 2, "{charts} charts");
}

#[test]
fn without_visits_or_deals_the_sheets_say_what_to_do() {
    let (_d, s) = common::store();
    s.create_customer(&common::named("华东精密机械股份有限公司")).unwrap();
    let bytes = report(&s, Language::Zh);
    assert!(sheet(&bytes, "跟进记录")[2][0].starts_with("还没有跟进记录"));
    assert!(sheet(&bytes, "商机管道")[2][0].starts_with("没有进行中的商机"));
    assert!(sheet(&bytes, "预测")[3][0].starts_with("没有进行中的商机"));
    assert!(sheet(&bytes, "丢单分析")[2][0].starts_with("没有丢单记录"));
    let stages = sheet(&bytes, "阶段分析");
    assert!(stages.iter().any(|r| r[0] == "这段时间没有丢单。"), "{stages:?}");
    let en = report(&s, Language::En);
    assert!(sheet(&en, "Follow-ups")[2][0].starts_with("No follow-up records yet"));
    assert!(
        sheet(&en, "Overview")[1][0].contains("period (follow-up records, lost deals, payments, delivery)"),
        "{:?}",
        sheet(&en, "Overview")[1]
    );
}

#[test]
fn the_sample_in_the_report_every_visit_the_red_mes_quote_and_the_lost_substation() {
    let (_d, s) = common::store();
    dossier_core::sample::load(&s, 1).unwrap();
    let bytes = report(&s, Language::Zh);
    let visits: i64 = s.connection().query_row("SELECT count(*) FROM visit", [], |r| r.get(0)).unwrap();
    let rows = sheet(&bytes, "跟进记录");
    assert_eq!(rows.len() as i64 - 1, visits);
    let dates: Vec<&String> = rows[1..].iter().map(|r| &r[1]).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let steps = col(&rows, 0, "下一步行动");
    assert!(
        rows.iter().any(|r| r[steps].contains("提交同行案例") && r[steps].contains("已逾期")),
        "the sample's overdue reminder"
    );
    // Every action in the row of its own visit (the two streams merged right).
    let actions: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM next_action WHERE visit_id IS NOT NULL", [], |r| r.get(0))
        .unwrap();
    let lines: usize = rows[1..].iter().filter(|r| !r[steps].is_empty()).map(|r| r[steps].lines().count()).sum();
    assert_eq!(lines as i64, actions);
    let goal = col(&rows, 0, "跟进目的");
    let welding = row(&rows, goal, "现场确认焊装线改造方案");
    assert!(
        welding[steps].starts_with("1. 整理报价清单") && welding[steps].contains("\n2. 发送节拍仿真报告"),
        "{}",
        welding[steps]
    );
    for r in &rows[1..] {
        let id = s
            .connection()
            .query_row(
                "SELECT v.id FROM visit v JOIN customer c ON c.id = v.customer_id WHERE c.name = ?1 AND v.visited_on = ?2 AND v.goal = ?3",
                [&r[0], &r[1], &r[goal]],
                |x| x.get::<_, i64>(0),
            )
            .unwrap();
        let whats: Vec<String> = s.visit(id).unwrap().fields.actions.iter().map(|a| a.what.clone()).collect();
        assert!(whats.iter().all(|w| r[steps].contains(w.as_str())), "{whats:?} in {}", r[steps]);
    }

    let pipeline = sheet(&bytes, "商机管道");
    let mes = row(&pipeline, 1, "2026 MES 项目");
    assert_eq!((mes[2].as_str(), mes[9].as_str()), ("报价", "红灯"));
    assert!(mes[10].contains("报价后"), "the idle quote is among the reasons: {}", mes[10]);
    assert!(pipeline[1..].iter().all(|r| r[2] != "成交" && r[2] != "丢单"));

    let lost = sheet(&bytes, "丢单分析");
    let substation = row(&lost, 1, "变电站智能监控");
    assert!(
        substation.contains(&"西门子".to_string())
            && substation.contains(&"价格".to_string())
            && substation.contains(&"报价".to_string())
    );
}
