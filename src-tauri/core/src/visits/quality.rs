//! The quality check on save (warnings only, the record is saved anyway): the source articles' marks (docs/visits.md)
//! of a worthless follow-up record — no next step, no owner, no date, and phrases that say
//! nothing ("继续保持联系", "客户有需求", "再等等") — each with what to write instead.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::{ActionFields, QualityIssue, QualityWarning, VisitFields};

/// Vague phrases (from the source articles, docs/visits.md) and what to write instead.
pub const VAGUE_PHRASES: [(&str, &str); 13] = [
    ("继续保持联系", "写清下一步：联系谁、做什么、哪天之前（如「11月28日前把技术方案发给王总」）"),
    ("客户有需求", "写出具体需求：功能、预算范围、时间节点（如「需支持多数据源实时对接，预算50万以内」）"),
    ("再等等", "写明在等什么、等到哪天、到期后谁做什么"),
    ("差不多了", "写明还差哪一步、谁来推进、何时完成"),
    ("跟着呢", "写明本次推进了什么、下一步是什么"),
    ("客户意向尚可", "写出判断的依据：谁说了什么、推进到了哪一步"),
    ("客户感兴趣", "写清客户为何感兴趣、痛点在哪里"),
    ("下周再联系", "写明具体日期、联系谁、要解决什么问题"),
    ("有空再约", "约定具体时间，或写明由谁在哪天之前约好"),
    ("已跟进", "写明哪天几点、用什么方式跟进（如「6月10日下午2点电话沟通」），以及谈出了什么"),
    ("沟通良好", "把结果写具体（如「客户明确表示下周三给答复」或「暂无采购计划，三个月后再联系」）"),
    ("已沟通", "写清谈了什么、客户怎么说：动作 + 结论 + 下一步 + 时间"),
    ("了解中", "写明了解到了什么、还差什么、下一步由谁在哪天之前弄清"),
];

/// Action texts too vague to act on ("跟进" instead of "发送报价单").
const VAGUE_ACTIONS: [&str; 5] = ["跟进", "跟进一下", "持续跟进", "保持跟进", "继续跟进"];
const VAGUE_ACTION_SUGGESTION: &str = "行动要具体可执行：写做什么（如「发送报价单」「安排技术交流」），而不是「跟进」";

fn vague_in(field: &str, text: &str, out: &mut Vec<QualityWarning>) {
    for (phrase, suggestion) in VAGUE_PHRASES {
        if text.contains(phrase) {
            out.push(QualityWarning {
                issue: QualityIssue::VaguePhrase,
                field: field.into(),
                phrase: phrase.into(),
                suggestion: suggestion.into(),
            });
        }
    }
}

fn warning(issue: QualityIssue, field: String, suggestion: &str) -> QualityWarning {
    QualityWarning { issue, field, phrase: String::new(), suggestion: suggestion.into() }
}

/// The warnings of one action; `prefix` is its field path ("actions.1." or "").
pub fn check_action(prefix: &str, a: &ActionFields, today: NaiveDate) -> Vec<QualityWarning> {
    let mut out = Vec::new();
    let what = a.what.trim();
    if VAGUE_ACTIONS.contains(&what) {
        out.push(QualityWarning {
            issue: QualityIssue::VaguePhrase,
            field: format!("{prefix}what"),
            phrase: what.into(),
            suggestion: VAGUE_ACTION_SUGGESTION.into(),
        });
    } else {
        vague_in(&format!("{prefix}what"), what, &mut out);
    }
    if a.owner.trim().is_empty() {
        out.push(warning(QualityIssue::NoOwner, format!("{prefix}owner"), "指定负责人：谁来做"));
    }
    let due = NaiveDate::parse_from_str(a.due_date.trim(), "%Y-%m-%d").ok();
    match due {
        None => out.push(warning(QualityIssue::NoDueDate, format!("{prefix}dueDate"), "写明完成时限：哪天之前")),
        // A new open action already due: allowed (recording what should have happened), flagged.
        Some(d) if d < today && a.id.is_none() && a.status != super::ActionStatus::Done => out.push(warning(
            QualityIssue::PastDue,
            format!("{prefix}dueDate"),
            "截止日期已过：确认日期，或直接标记为已完成",
        )),
        _ => {}
    }
    out
}

/// A record first saved more than a day after the visit (the source articles: within 24 hours,
/// while the details are fresh and the next step still on time). The visit's time is its start
/// as written (a visit without one counts from the end of its day); `now` is the laptop's
/// wall-clock time.
pub fn late_record(v: &VisitFields, now: NaiveDateTime) -> Option<QualityWarning> {
    let day = NaiveDate::parse_from_str(v.date.trim(), "%Y-%m-%d").ok()?;
    let time = NaiveTime::parse_from_str(v.time.trim(), "%H:%M").unwrap_or(NaiveTime::from_hms_opt(23, 59, 0)?);
    (now - day.and_time(time) > Duration::hours(24)).then(|| {
        warning(QualityIssue::LateRecord, "date".into(), "沟通后 24 小时内写下记录：细节还记得清，下一步也来得及")
    })
}

/// The warnings of a visit summary and its actions.
pub fn check_visit(v: &VisitFields, today: NaiveDate) -> Vec<QualityWarning> {
    let mut out = Vec::new();
    if v.actions.is_empty() {
        out.push(warning(
            QualityIssue::NoNextAction,
            "actions".into(),
            "加上下一步行动：做什么、谁负责、哪天之前（如「11月28日前发送报价单——张伟」）",
        ));
    }
    vague_in("goal", &v.goal, &mut out);
    vague_in("summary", &v.summary, &mut out);
    for (field, items) in [("decisions", &v.decisions), ("commitments", &v.commitments)] {
        for (i, s) in items.iter().enumerate() {
            vague_in(&format!("{field}.{i}"), s, &mut out);
        }
    }
    for (i, n) in v.needs.iter().enumerate() {
        vague_in(&format!("needs.{i}.text"), &n.text, &mut out);
    }
    for (i, a) in v.actions.iter().enumerate() {
        out.extend(check_action(&format!("actions.{i}."), a, today));
    }
    out
}
