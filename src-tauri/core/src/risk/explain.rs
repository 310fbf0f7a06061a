//! The Chinese one-line explanations of the risk reasons and of the rules (设置), for the
//! core's own text: exported workbooks and the CLI. The app words the reasons itself, in both
//! languages, from the same fields (`ui/src/features/risk/riskReason.ts`, the same sentences).

use super::{RiskReason, RiskRule, LATE_RECORD_WINDOW_DAYS};
use crate::settings::RiskSettings;

/// Why a reason was raised, in one line, with the thresholds it was measured against.
pub fn reason(r: &RiskReason) -> String {
    let opp = if r.opportunity_name.is_empty() { String::new() } else { format!("商机「{}」", r.opportunity_name) };
    let days = r.days.unwrap_or(0);
    let (yellow, red) = (r.yellow_days.unwrap_or(0), r.red_days.unwrap_or(0));
    match r.rule {
        RiskRule::NoFollowUp => format!("{opp}{days} 天未跟进（上次 {}；≥{yellow} 天黄灯，≥{red} 天红灯）", r.since),
        RiskRule::QuoteIdle => format!("{opp}报价后 {days} 天无动作（最近 {}；≥{red} 天红灯）", r.since),
        RiskRule::StuckInStage => {
            format!("{opp}在当前阶段已停留 {days} 天（自 {}；≥{yellow} 天黄灯，≥{red} 天红灯）", r.since)
        }
        RiskRule::PowerMap => "权力地图红灯：没有支持我方的关键人，或必需角色空缺".into(),
        RiskRule::DecisionMakerMissing => format!("{opp}缺少支持我方的决策者"),
        RiskRule::OverdueAction => format!("{opp}{} 项行动已逾期（最早应于 {} 完成）", r.count, r.since),
        RiskRule::Unconfirmed => format!("{opp}{} 条跟进记录超过 {yellow} 天未获客户确认（最早 {}）", r.count, r.since),
        RiskRule::LateRecord => format!("最近一条跟进记录在沟通后 {days} 天才写（{} 沟通；应在 24 小时内）", r.since),
        RiskRule::Signal if r.count > 1 => format!("{} 等 {} 个采购/财务预警", r.signal, r.count),
        RiskRule::Signal => r.signal.clone(),
        RiskRule::OverduePayment => {
            let more = if r.count > 1 { format!("；共 {} 期逾期", r.count) } else { String::new() };
            format!(
                "{opp}第 {} 期回款 {} 已逾期 {days} 天（应于 {} 回款{more}）",
                r.installment.unwrap_or(0),
                yuan(r.amount.unwrap_or(0.0)),
                r.since
            )
        }
        RiskRule::OverdueMilestone => {
            let more = if r.count > 1 { format!("等 {} 项", r.count) } else { String::new() };
            format!("{opp}交付里程碑「{}」{more}已逾期 {days} 天（计划 {} 完成）", r.milestone, r.since)
        }
        RiskRule::ChurnReview => format!(
            "已 {} 个月无采购、无在谈商机（上次采购或商机 {}），建议做流失预警复盘",
            r.months.unwrap_or(0),
            r.since
        ),
    }
}

/// An amount in 元 as a reason writes it: ¥50,000, with the fen only when there are some.
pub fn yuan(amount: f64) -> String {
    let fen = (amount.abs() * 100.0).round() as i64;
    let whole = (fen / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if amount < 0.0 && fen > 0 { "-" } else { "" };
    match fen % 100 {
        0 => format!("{sign}¥{grouped}"),
        cents => format!("{sign}¥{grouped}.{cents:02}"),
    }
}

/// What a rule does, with the current thresholds (设置, hover).
pub fn rule(rule: RiskRule, s: &RiskSettings) -> String {
    match rule {
        RiskRule::NoFollowUp => {
            let grades: Vec<&str> = s.follow_up_grades.iter().map(|g| g.code()).collect();
            let watched = if grades.is_empty() {
                String::new()
            } else {
                format!(
                    "；没有进行中商机的 {} 级客户超过 {} 天未跟进亮黄灯，超过 {} 天亮红灯",
                    grades.join("/"),
                    s.watch_yellow_days,
                    s.watch_red_days
                )
            };
            format!(
                "进行中的商机超过 {} 天未跟进（拜访、电话、微信都算）亮黄灯，超过 {} 天亮红灯{watched}",
                s.follow_up_yellow_days, s.follow_up_red_days
            )
        }
        RiskRule::QuoteIdle => format!("商机在报价阶段 {} 天没有任何动作（报价、跟进、行动）亮红灯", s.quote_idle_days),
        RiskRule::StuckInStage => {
            let d = &s.stage_days;
            format!(
                "商机在一个阶段停留超过该阶段的天数亮黄灯，超过两倍亮红灯（立项 {}、需求确认 {}、方案 {}、报价 {}、谈判 {}、合同 {} 天）",
                d.initiation, d.needs, d.solution, d.quote, d.negotiation, d.contract
            )
        }
        RiskRule::PowerMap => "客户权力地图为红灯（没有支持我方的关键人，或必需角色空缺）亮红灯".into(),
        RiskRule::DecisionMakerMissing => "进行中的商机没有评估为决策者且支持度不低于中立的联系人亮红灯".into(),
        RiskRule::OverdueAction => "有下一步行动超过截止日期仍未完成亮红灯".into(),
        RiskRule::Unconfirmed => format!("跟进记录在沟通 {} 天后仍未获客户确认亮黄灯", s.unconfirmed_days),
        RiskRule::LateRecord => {
            format!("客户最近一条跟进记录（近 {LATE_RECORD_WINDOW_DAYS} 天内的沟通）在沟通 24 小时后才写，亮黄灯")
        }
        RiskRule::Signal => "采购连续下降、停止采购、同比下降或财务周转信号亮黄灯".into(),
        RiskRule::OverduePayment => format!(
            "已成交商机的分期过了应回款日仍未回款（已回款按最早的分期先抵）：次日起亮黄灯，逾期 {} 天亮红灯",
            s.payment_red_days
        ),
        RiskRule::OverdueMilestone => "已成交商机的交付里程碑过了计划日期仍未完成亮黄灯".into(),
        RiskRule::ChurnReview => format!(
            "买过的客户（有采购或成交商机，未标为流失）连续 {n} 个月无采购、无在谈商机亮黄灯，提示做流失预警复盘；\
             之后写一条跟进记录即解除，{n} 个月后仍无采购或商机再亮",
            n = s.churn_months
        ),
    }
}
