//! Sample opportunities, visit summaries and next actions: three scripted deals the app's
//! journeys rely on — 华东精密's MES project at 报价 with a quote six days old and nothing
//! since (red), 长江汽配's welding line at 方案 without a quote (moving it to 报价 is refused
//! until the quote is filled), 中恒电力's substation deal lost to 西门子 with its review — and
//! generated ones for every other customer. The benchmark's copies get the same generator at
//! scale ([`super::load_copy_pipeline`]).

use chrono::NaiveDate;

use super::Rng;
use crate::error::Result;
use crate::opportunities::stages::{rank, PIPELINE};
use crate::opportunities::{LostReason, LostReview, OpportunityFields, Stage};
use crate::visits::bulk::{accounts, Account};
use crate::visits::*;
use crate::visits::{NewOpportunity, NewVisit};
use crate::Store;

/// The day `offset` days from `today`, YYYY-MM-DD.
pub(super) fn day(today: NaiveDate, offset: i64) -> String {
    (today + chrono::Duration::days(offset)).format("%Y-%m-%d").to_string()
}

const PROJECTS: [&str; 8] = [
    "MES 系统",
    "二期产线自动化",
    "仓储物流改造",
    "设备维保框架",
    "能耗管理平台",
    "质量追溯系统",
    "备件年度采购",
    "数字化工厂咨询",
];
const GOALS: [&str; 6] = [
    "确认二期项目的需求范围",
    "演示方案并收集技术意见",
    "了解预算与审批流程",
    "澄清报价中的疑问",
    "推进合同条款",
    "年度合作回顾与新需求挖掘",
];
const SUMMARIES: [&str; 6] = [
    "技术总监认可方案的整体架构，关注与现有 ERP 的接口工作量。",
    "客户今年降本压力大，对分期付款方案兴趣明显。",
    "采购提出需三家比价，决策在月底的总经理办公会。",
    "现场看了产线，瓶颈在换型时间，每次约 40 分钟。",
    "客户对交期顾虑较大，希望我们承诺 6 周内交付。",
    "财务总监询问了付款条件和质保期。",
];
const NEEDS: [(&str, NeedKind, Priority); 6] = [
    ("与 SAP 实时对接订单和库存", NeedKind::Core, Priority::High),
    ("换型时间缩短到 20 分钟以内", NeedKind::Core, Priority::High),
    ("预算控制在 80 万以内，可分两期付款", NeedKind::Expected, Priority::Medium),
    ("提供同行业两家以上的成功案例", NeedKind::Expected, Priority::Medium),
    ("驻场培训一周", NeedKind::Expected, Priority::Low),
    ("集团明年推数字化考核，可能需要数据看板", NeedKind::Latent, Priority::Medium),
];
const DECISIONS: [&str; 5] = [
    "先在一车间试点，验证后推广",
    "下周三前我方提交技术方案",
    "双方技术团队月底做一次联合评审",
    "报价按三年框架测算",
    "试用期 30 天，期满评估",
];
const COMMITMENTS: [&str; 5] =
    ["3 个工作日内提供同行案例", "协调技术团队支持现场测试", "提供分期付款方案", "安排工厂参观", "出具交期承诺函"];
const ACTIONS: [&str; 8] = [
    "发送技术方案",
    "发送报价单",
    "安排技术交流会",
    "提交同行案例",
    "邀请参观样板工厂",
    "确认合同条款",
    "电话回访试用情况",
    "约总经理汇报",
];
const QUOTES: [&str; 4] =
    ["你们方案不错，就是价格要再看看", "交期是我们最担心的", "去年换供应商吃过亏", "预算没问题，关键是效果"];
const RIVAL_NEWS: [&str; 4] =
    ["西门子报价比我们低约 15%", "本地代理商承诺 3 周交货", "ABB 正在做免费试用", "竞品刚换了区域经理"];
const RISKS: [&str; 4] = [
    "采购总监与现有供应商关系密切",
    "预算审批可能推迟到下季度",
    "技术负责人下月调岗",
    "客户现金流偏紧，付款周期可能拉长",
];
const SPOTTED: [&str; 3] = ["三期仓储项目明年立项", "集团其他工厂有同类需求", "备件业务可以打包"];
const RIVALS: [&str; 5] = ["西门子", "汇川技术", "施耐德", "ABB", "本地代理商"];
const PLACES: [&str; 4] = ["客户总部会议室", "客户工厂现场", "腾讯会议 813-552-907", "我司展厅"];

/// A generated deal of `a` at a random stage, entered some days ago.
fn opportunity(a: &Account, rng: &mut Rng, today: NaiveDate) -> NewOpportunity {
    // Over two years most deals have closed: about four in ten are still open.
    let stage = *rng.pick(&[
        Stage::Initiation,
        Stage::Needs,
        Stage::Solution,
        Stage::Quote,
        Stage::Negotiation,
        Stage::Won,
        Stage::Won,
        Stage::Won,
        Stage::Won,
        Stage::Lost,
        Stage::Lost,
        Stage::Lost,
    ]);
    let amount = (rng.range(5.0, 500.0)).round() * 10_000.0;
    let since = -(rng.below(40) as i64);
    let created = since - 10 - rng.below(90) as i64;
    let lost_at = *rng.pick(&[Stage::Solution, Stage::Quote, Stage::Negotiation]);
    let reached = rank(if stage == Stage::Lost { lost_at } else { stage }).unwrap_or(0);
    let at_least = |s: Stage| reached >= rank(s).unwrap_or(0);
    let mut f = OpportunityFields {
        name: rng.pick(&PROJECTS).to_string(),
        owner: a.owner.clone(),
        amount: Some(amount),
        stage,
        expected_close: day(today, if stage.is_open() { rng.below(180) as i64 - 20 } else { since }),
        key_persons: a.contacts.iter().take(2).map(|c| c.0).collect(),
        budget: Some((amount * rng.range(0.9, 1.3) / 10_000.0).round() * 10_000.0),
        competitors: vec![rng.pick(&RIVALS).to_string()],
        ..Default::default()
    };
    if at_least(Stage::Needs) {
        f.needs = rng.pick(&NEEDS).0.to_string();
    }
    if at_least(Stage::Quote) {
        f.quote_amount = Some((amount * 0.97 / 1_000.0).round() * 1_000.0);
        f.quote_date = day(today, since - if stage == Stage::Quote { 0 } else { 5 });
    }
    if at_least(Stage::Contract) {
        f.contract_amount = Some((amount * 0.95 / 1_000.0).round() * 1_000.0);
        f.contract_date = day(today, since);
    }
    if stage == Stage::Lost {
        f.lost_review = Some(LostReview {
            lost_to: f.competitors[0].clone(),
            reason: Some(*rng.pick(LostReason::ALL)),
            text: "对方价格更低，且与客户高层关系更近".into(),
            stage_lost_at: Some(lost_at),
            next: "保持联系，争取下一期项目".into(),
        });
    }
    // The stages passed through: those before the current one (a lost deal: up to where it was lost).
    let passed = if stage == Stage::Lost { reached + 1 } else { reached };
    let earlier = PIPELINE[..passed].iter().map(|&s| (s, day(today, created))).collect();
    NewOpportunity {
        customer_id: a.id,
        fields: f,
        created_on: day(today, created),
        stage_since: day(today, since),
        earlier,
    }
}

/// A generated visit of `a`, `days_ago`, optionally tied to one of the batch's deals.
fn visit(a: &Account, rng: &mut Rng, today: NaiveDate, days_ago: i64, opportunity: Option<usize>) -> NewVisit {
    let date = day(today, -days_ago);
    let pick_some = |rng: &mut Rng, items: &[&str], percent: usize| {
        if rng.below(100) < percent {
            vec![rng.pick(items).to_string()]
        } else {
            vec![]
        }
    };
    let (need, kind, priority) = *rng.pick(&NEEDS);
    let actions = (0..1 + rng.below(2))
        .map(|_| {
            let due = -days_ago + 2 + rng.below(9) as i64;
            // Past actions are done, but of the last month's a few were forgotten (overdue).
            let forgotten = due > -30 && rng.below(100) < 3;
            let status = if due < 0 && !forgotten {
                ActionStatus::Done
            } else {
                *rng.pick(&[ActionStatus::Todo, ActionStatus::Doing])
            };
            ActionFields {
                id: None,
                what: rng.pick(&ACTIONS).to_string(),
                owner: a.owner.clone(),
                due_date: day(today, due),
                status,
            }
        })
        .collect();
    let participants = a
        .contacts
        .iter()
        .take(1 + rng.below(2))
        .map(|(id, name, title)| Participant { contact_id: *id, name: name.clone(), title: title.clone() })
        .collect();
    let fields = VisitFields {
        opportunity_id: None,
        date: date.clone(),
        time: rng.pick(&["09:30", "10:00", "14:00", "15:30", ""]).to_string(),
        method: *rng.pick(&[
            VisitMethod::Meeting,
            VisitMethod::Meeting,
            VisitMethod::Phone,
            VisitMethod::Video,
            VisitMethod::Wechat,
        ]),
        place: rng.pick(&PLACES).to_string(),
        customer_participants: participants,
        our_participants: vec![OurParticipant { name: a.owner.clone(), role: Some(OurRole::Lead) }],
        goal: rng.pick(&GOALS).to_string(),
        summary: rng.pick(&SUMMARIES).to_string(),
        decisions: vec![rng.pick(&DECISIONS).to_string()],
        needs: vec![Need { text: need.into(), kind: Some(kind), priority: Some(priority) }],
        objections: if rng.below(3) == 0 {
            vec![Objection {
                text: "价格高于预期".into(), handling: "说明三年总拥有成本更低，可分期".into()
            }]
        } else {
            vec![]
        },
        commitments: vec![rng.pick(&COMMITMENTS).to_string()],
        quotes: pick_some(rng, &QUOTES, 50),
        competitor_news: pick_some(rng, &RIVAL_NEWS, 30),
        risks: pick_some(rng, &RISKS, 30),
        opportunities: pick_some(rng, &SPOTTED, 20),
        urgent: rng.below(20) == 0,
        actions,
        ..Default::default()
    };
    // Summaries are confirmed the day after (some of the last two weeks' still wait); the
    // last few days' are drafts or sent.
    let (confirmation, sent_on, confirmed_on) = match days_ago {
        d if d > 14 || (d > 3 && rng.below(100) < 85) => (Confirmation::Confirmed, date.clone(), day(today, 1 - d)),
        _ if rng.below(2) == 0 => (Confirmation::Sent, date.clone(), String::new()),
        _ => (Confirmation::Draft, String::new(), String::new()),
    };
    NewVisit { customer_id: a.id, opportunity, fields, confirmation, sent_on, confirmed_on }
}

/// `deals` generated deals and `visits` visits spread over `span` days for each account
/// (a visit tied to one of the account's deals three times in five).
pub(super) fn generate(
    accounts: &[Account],
    deals: usize,
    visits: usize,
    span: i64,
    today: NaiveDate,
    seed: u64,
) -> (Vec<NewOpportunity>, Vec<NewVisit>) {
    let mut opportunities = Vec::with_capacity(accounts.len() * deals);
    let mut all_visits = Vec::with_capacity(accounts.len() * visits);
    for a in accounts {
        let mut rng = Rng(seed ^ (a.id as u64).wrapping_mul(0x9E37));
        let first = opportunities.len();
        opportunities.extend((0..deals).map(|_| opportunity(a, &mut rng, today)));
        let open: Vec<usize> =
            (first..opportunities.len()).filter(|&i| opportunities[i].fields.stage.is_open()).collect();
        for j in 0..visits {
            let days_ago = (j as i64 * span / visits.max(1) as i64) + rng.below(4) as i64;
            // The recent visits are about the open deals; older ones about any (or none).
            let tied = if j < 10 && !open.is_empty() && rng.below(5) < 4 {
                Some(open[j % open.len()])
            } else {
                (deals > 0 && rng.below(5) < 3).then(|| first + rng.below(deals))
            };
            all_visits.push(visit(a, &mut rng, today, days_ago, tied));
        }
    }
    (opportunities, all_visits)
}

/// The three scripted deals (see the module doc) on the first three base customers.
fn scripted(accounts: &[Account], mes_scope: Option<i64>, today: NaiveDate) -> (Vec<NewOpportunity>, Vec<NewVisit>) {
    let (hd, cj, zh) = (&accounts[0], &accounts[1], &accounts[2]);
    let deal = |a: &Account, name: &str, amount: f64, stage: Stage| OpportunityFields {
        name: name.into(),
        owner: a.owner.clone(),
        amount: Some(amount),
        stage,
        key_persons: a.contacts.iter().take(2).map(|c| c.0).collect(),
        ..Default::default()
    };
    let mes = NewOpportunity {
        customer_id: hd.id,
        fields: OpportunityFields {
            scope_id: mes_scope,
            budget: Some(1_500_000.0),
            competitors: vec!["西门子".into(), "本地代理商".into()],
            needs: "MES 与 SAP 实时对接；换型时间缩短到 20 分钟以内".into(),
            quote_amount: Some(1_250_000.0),
            quote_date: day(today, -6),
            expected_close: day(today, 25),
            ..deal(hd, "2026 MES 项目", 1_280_000.0, Stage::Quote)
        },
        created_on: day(today, -60),
        stage_since: day(today, -6),
        earlier: vec![
            (Stage::Initiation, day(today, -60)),
            (Stage::Needs, day(today, -40)),
            (Stage::Solution, day(today, -21)),
        ],
    };
    let welding = NewOpportunity {
        customer_id: cj.id,
        fields: OpportunityFields {
            competitors: vec!["汇川技术".into()],
            needs: "焊装线节拍从 60 秒提升到 52 秒".into(),
            expected_close: day(today, 40),
            ..deal(cj, "焊装线自动化改造", 860_000.0, Stage::Solution)
        },
        created_on: day(today, -30),
        stage_since: day(today, -2),
        earlier: vec![(Stage::Initiation, day(today, -30)), (Stage::Needs, day(today, -15))],
    };
    let substation = NewOpportunity {
        customer_id: zh.id,
        fields: OpportunityFields {
            competitors: vec!["西门子".into()],
            needs: "变电站远程监控与告警".into(),
            quote_amount: Some(2_300_000.0),
            quote_date: day(today, -50),
            lost_review: Some(LostReview {
                lost_to: "西门子".into(),
                reason: Some(LostReason::Price),
                text: "对方报价低 18%，且有集团框架协议".into(),
                stage_lost_at: Some(Stage::Quote),
                next: "跟进明年二期招标，提前做技术引导".into(),
            }),
            ..deal(zh, "变电站智能监控", 2_400_000.0, Stage::Lost)
        },
        created_on: day(today, -120),
        stage_since: day(today, -35),
        earlier: vec![
            (Stage::Initiation, day(today, -120)),
            (Stage::Needs, day(today, -100)),
            (Stage::Solution, day(today, -80)),
            (Stage::Quote, day(today, -50)),
        ],
    };
    let mut rng = Rng(7);
    let mut before_quote = visit(hd, &mut rng, today, 9, Some(0));
    before_quote.fields.goal = "评审 MES 方案并确认报价范围".into();
    before_quote.fields.actions = vec![ActionFields {
        id: None,
        what: "发送正式报价单".into(),
        owner: hd.owner.clone(),
        due_date: day(today, -6),
        status: ActionStatus::Done,
    }];
    let mut welding_visit = visit(cj, &mut rng, today, 2, Some(1));
    welding_visit.fields.goal = "现场确认焊装线改造方案".into();
    welding_visit.fields.actions = vec![
        ActionFields {
            id: None,
            what: "整理报价清单".into(),
            owner: cj.owner.clone(),
            due_date: day(today, 0),
            status: ActionStatus::Doing,
        },
        ActionFields {
            id: None,
            what: "发送节拍仿真报告".into(),
            owner: cj.owner.clone(),
            due_date: day(today, 3),
            status: ActionStatus::Todo,
        },
    ];
    let mut reminder = visit(hd, &mut rng, today, 12, None);
    reminder.fields.actions = vec![ActionFields {
        id: None,
        what: "提交同行案例".into(),
        owner: hd.owner.clone(),
        due_date: day(today, -3),
        status: ActionStatus::Todo,
    }];
    (vec![mes, welding, substation], vec![before_quote, welding_visit, reminder])
}

/// The base customers' process records (the sample dataset).
pub(super) fn base(store: &Store, names: &[&str]) -> Result<()> {
    let today = store.clock().today();
    let list = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
    // Inserted in the list's order, so by id they are in it.
    let ordered = accounts(&store.conn, &format!("name IN ({list})"))?;
    let mes_scope = crate::powermap::store::scopes::scope_named(&store.conn, ordered[0].id, "2026 MES 项目");
    let (mut deals, mut visits) = scripted(&ordered, mes_scope, today);
    let (more_deals, more_visits) = generate(&ordered[3..], 1, 3, 45, today, 0x5A3);
    let offset = deals.len();
    deals.extend(more_deals);
    visits.extend(more_visits.into_iter().map(|v| NewVisit { opportunity: v.opportunity.map(|i| i + offset), ..v }));
    store.insert_process_records(&deals, visits)?;
    Ok(())
}
