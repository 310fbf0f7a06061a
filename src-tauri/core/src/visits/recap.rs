//! The customer-facing recap (共识确认): what was agreed, the needs as we understood them,
//! our commitments and the next steps with dates and owners — plain text to paste into WeChat
//! or an e-mail. Built from an allow-list of fields, so nothing internal can slip in: not the
//! goal or the internal summary, not the customer's quoted words, objections or how we handled
//! them, risks, competitor news or opportunities, not latent needs (our own reading), not the
//! template's internal parts (进展状态, 客户类型, 销售动作, 解决方案概述, 需内部支持, 附加备注 /
//! 协作进展), and of the participants only name and title (never a contact card's personal
//! details; our side by name, without the role we gave them).

use std::fmt::Write;

use super::{ActionStatus, NeedKind, Priority, Visit, VisitMethod};

fn method(m: VisitMethod) -> &'static str {
    match m {
        VisitMethod::Meeting => "面谈",
        VisitMethod::Phone => "电话",
        VisitMethod::Video => "视频会议",
        VisitMethod::Wechat => "微信",
        VisitMethod::Email => "邮件",
    }
}

const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

/// "2026-11-28" → "11月28日".
fn month_day(date: &str) -> String {
    match chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => format!("{}月{}日", chrono::Datelike::month(&d), chrono::Datelike::day(&d)),
        Err(_) => date.to_string(),
    }
}

/// The recap text of a visit.
pub fn recap_text(v: &Visit) -> String {
    let f = &v.fields;
    let mut out = String::new();
    let _ = writeln!(out, "【会谈纪要】{}", v.customer_name);
    let time = if f.time.is_empty() { String::new() } else { format!(" {}", f.time) };
    let _ = writeln!(out, "时间：{}{}（{}）", f.date, time, method(f.method));
    if !f.place.trim().is_empty() {
        let _ = writeln!(out, "地点：{}", f.place.trim());
    }
    let theirs: Vec<String> = f
        .customer_participants
        .iter()
        .map(|p| if p.title.is_empty() { p.name.clone() } else { format!("{}（{}）", p.name, p.title) })
        .collect();
    if !theirs.is_empty() || !f.our_participants.is_empty() {
        let _ = writeln!(
            out,
            "参会：贵方 {}；我方 {}",
            or_dash(&theirs.join("、")),
            or_dash(&f.our_participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("、"))
        );
    }
    let needs: Vec<String> = f
        .needs
        .iter()
        .filter(|n| n.kind != Some(NeedKind::Latent))
        .map(|n| match n.priority {
            Some(Priority::High) => format!("{}（优先）", n.text.trim()),
            _ => n.text.trim().to_string(),
        })
        .collect();
    let steps: Vec<String> = f
        .actions
        .iter()
        .filter(|a| a.status != ActionStatus::Done)
        .map(|a| {
            let due = if a.due_date.is_empty() { String::new() } else { format!("{}前 ", month_day(&a.due_date)) };
            let owner =
                if a.owner.trim().is_empty() { String::new() } else { format!("（负责人：{}）", a.owner.trim()) };
            format!("{due}{}{owner}", a.what.trim())
        })
        .collect();
    let sections = [
        ("达成的共识", f.decisions.iter().map(|s| s.trim().to_string()).collect::<Vec<_>>()),
        ("贵方需求（请确认我们的理解）", needs),
        ("我方承诺", f.commitments.iter().map(|s| s.trim().to_string()).collect()),
        ("下一步安排", steps),
    ];
    for (n, (title, items)) in sections.iter().filter(|(_, items)| !items.is_empty()).enumerate() {
        let _ = writeln!(out, "\n{}、{}", NUMERALS[n], title);
        for (i, item) in items.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, item);
        }
    }
    out.push_str("\n以上如有出入，请随时指正；确认无误请回复「确认」。谢谢！\n");
    out
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "—"
    } else {
        s
    }
}
