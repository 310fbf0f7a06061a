//! The team report's follow-up sheet (跟进记录): one row per follow-up record, newest first, with the
//! template's parts (docs/visits.md) — when and how, who was there on both sides (ours with
//! their roles), the customer type, the goal, the progress status, the sales actions, what was
//! agreed, the needs with their kind and priority, the solution, our commitments, the next
//! actions with owner, due date and status (已逾期 as the core computes it), the urgent flag and
//! the confirmation. The team report is internal, so the internal parts (risks, competitor
//! news, the internal support asked for, the notes) are in it; only the customer recap leaves
//! them out. List items share a cell, one per line.
//! Visits stream from one ordered query into a constant-memory sheet (200k visits); past
//! Excel's row limit the oldest are left out, and the sheet says how many.

use rust_xlsxwriter::Workbook;

use super::cells::{self, Column, Formats, Value};
use super::labels::{self, Label};
use super::Language;
use crate::error::Result;
use crate::visits::{ActionFields, Need, OurParticipant, Visit};
use crate::weekly::Scope;
use crate::Store;

pub fn sheet_name(lang: Language) -> &'static str {
    lang.pick("跟进记录", "Follow-ups")
}

/// "1. …" before each item when there are several; one item stays as it is.
fn numbered(items: impl IntoIterator<Item = String>) -> Value {
    let items: Vec<String> = items.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    if items.len() < 2 {
        return Value::Lines(items);
    }
    Value::Lines(items.iter().enumerate().map(|(i, s)| format!("{}. {s}", i + 1)).collect())
}

/// "MES 对接（核心 · 优先级高）".
fn need(n: &Need, lang: Language) -> String {
    let mut tags: Vec<String> = n.kind.map(|k| k.label(lang).to_string()).into_iter().collect();
    if let Some(p) = n.priority {
        tags.push(match lang {
            Language::Zh => format!("优先级{}", p.label(lang)),
            Language::En => format!("{} priority", p.label(lang)),
        });
    }
    if tags.is_empty() {
        return n.text.trim().to_string();
    }
    match lang {
        Language::Zh => format!("{}（{}）", n.text.trim(), tags.join(" · ")),
        Language::En => format!("{} ({})", n.text.trim(), tags.join(" · ")),
    }
}

/// "发送报价单（负责人：王五，截止 2026-12-01）— 已逾期": an overdue action shows 已逾期 in
/// place of its stored status, as the app does.
fn action(a: &ActionFields, overdue: bool, lang: Language) -> String {
    let mut who_when = Vec::new();
    if !a.owner.trim().is_empty() {
        who_when.push(format!("{}{}", lang.pick("负责人：", "owner: "), a.owner.trim()));
    }
    if !a.due_date.is_empty() {
        who_when.push(format!("{}{}", lang.pick("截止 ", "due "), a.due_date));
    }
    let status = if overdue { lang.pick("已逾期", "Overdue") } else { a.status.label(lang) };
    let details = match (who_when.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Language::Zh) => format!("（{}）", who_when.join("，")),
        (false, Language::En) => format!(" ({})", who_when.join(", ")),
    };
    format!("{}{details} — {status}", a.what.trim())
}

fn customer_side(v: &Visit, lang: Language) -> Value {
    let people = v.fields.customer_participants.iter().map(|p| match (p.title.trim().is_empty(), lang) {
        (true, _) => p.name.clone(),
        (false, Language::Zh) => format!("{}（{}）", p.name, p.title.trim()),
        (false, Language::En) => format!("{} ({})", p.name, p.title.trim()),
    });
    Value::text(people.collect::<Vec<_>>().join(lang.pick("、", ", ")))
}

/// "张伟（主谈）、李娜".
fn our_side(people: &[OurParticipant], lang: Language) -> Value {
    let people = people.iter().map(|p| match (p.role, lang) {
        (None, _) => p.name.clone(),
        (Some(r), Language::Zh) => format!("{}（{}）", p.name, r.label(lang)),
        (Some(r), Language::En) => format!("{} ({})", p.name, r.label(lang)),
    });
    Value::text(people.collect::<Vec<_>>().join(lang.pick("、", ", ")))
}

/// Codes in words, "技术支持、法务审核", and the note after them on its own line.
fn chosen<T: Label>(codes: &[T], note: &str, lang: Language) -> Value {
    let words = codes.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join(lang.pick("、", ", "));
    Value::Lines([words, note.trim().to_string()].into_iter().filter(|s| !s.is_empty()).collect())
}

fn overdue_count(v: &Visit) -> Value {
    Value::Int(v.overdue_actions.len() as i64)
}

pub static COLUMNS: &[Column<Visit>] = &[
    cells::col("客户名称", "Customer", 28.0, |v, _| Value::text(&v.customer_name)),
    cells::col("跟进日期", "Date", 11.0, |v, _| Value::Date(v.fields.date.clone())),
    cells::col("时间", "Time", 7.0, |v, _| Value::text(&v.fields.time)),
    cells::col("方式", "Method", 7.0, |v, l| Value::text(v.fields.method.label(l))),
    cells::col("地点", "Place", 16.0, |v, _| Value::text(&v.fields.place)),
    cells::col("关联商机", "Opportunity", 16.0, |v, _| Value::text(&v.opportunity_name)),
    cells::col("客户参与人", "Customer participants", 24.0, customer_side),
    cells::col("我方参与人", "Our participants", 16.0, |v, l| our_side(&v.fields.our_participants, l)),
    cells::col("客户类型", "Customer type", 11.0, |v, l| {
        Value::text(v.fields.customer_type.map_or("", |t| t.label(l)))
    }),
    cells::col("跟进目的", "Goal", 24.0, |v, _| Value::text(&v.fields.goal)),
    cells::col("进展状态", "Progress", 11.0, |v, l| Value::text(v.fields.progress.map_or("", |p| p.label(l)))),
    cells::col("销售动作", "Sales actions", 18.0, |v, l| chosen(&v.fields.sales_actions, "", l)),
    cells::col("达成共识", "Agreed", 30.0, |v, _| numbered(v.fields.decisions.iter().cloned())),
    cells::col("客户需求", "Customer needs", 36.0, |v, l| numbered(v.fields.needs.iter().map(|n| need(n, l)))),
    cells::col("解决方案概述", "Solution", 30.0, |v, _| Value::text(&v.fields.solution)),
    cells::col("我方承诺", "Our commitments", 30.0, |v, _| numbered(v.fields.commitments.iter().cloned())),
    cells::col("下一步行动", "Next steps", 46.0, |v, l| {
        numbered(v.fields.actions.iter().map(|a| action(a, a.id.is_some_and(|id| v.overdue_actions.contains(&id)), l)))
    }),
    cells::col("逾期行动", "Overdue actions", 8.0, |v, _| overdue_count(v)),
    cells::col("紧急", "Urgent", 6.0, |v, l| {
        Value::text(if v.fields.urgent { labels::yes_no(Some(true), l) } else { "" })
    }),
    cells::col("共识确认", "Confirmation", 11.0, |v, l| Value::text(v.confirmation.label(l))),
    cells::col("发送日期", "Sent on", 11.0, |v, _| Value::Date(v.sent_on.clone())),
    cells::col("确认日期", "Confirmed on", 11.0, |v, _| Value::Date(v.confirmed_on.clone())),
    cells::col("风险", "Risks", 24.0, |v, _| numbered(v.fields.risks.iter().cloned())),
    cells::col("竞争对手动态", "Competitor news", 24.0, |v, _| {
        numbered(v.fields.competitor_news.iter().cloned())
    }),
    cells::col("需内部支持", "Internal support", 24.0, |v, l| {
        chosen(&v.fields.internal_support, &v.fields.support_note, l)
    }),
    cells::col("附加备注 / 协作进展", "Notes / collaboration", 30.0, |v, _| Value::text(&v.fields.notes)),
];

/// Adds the sheet at the end of the workbook with the visits of `scope` (constant memory: rows
/// go out as they come).
pub fn write(wb: &mut Workbook, store: &Store, scope: &Scope, lang: Language, f: &Formats) -> Result<()> {
    let cols: Vec<&Column<Visit>> = COLUMNS.iter().collect();
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name(sheet_name(lang))?;
    cells::header_row(ws, 0, 0, &cells::headers(&cols, lang), f)?;
    let mut row = 0u32;
    let total = store.for_each_report_visit(scope, cells::LIST_ROWS, &mut |v| {
        row += 1;
        cells::record(ws, row, 0, &v, &cols, lang, f)
    })?;
    cells::cut_note(ws, row, i64::from(row), total, lang)?;
    if row == 0 {
        let none = lang.pick(
            "还没有跟进记录：每次拜访、电话或微信沟通后，在客户页的「跟进记录」里写一条（需求、我方承诺、下一步行动）。",
            "No follow-up records yet: after each visit, call or WeChat, write one on the customer's Follow-ups tab (needs, our commitments, next steps).",
        );
        ws.write_string(2, 0, none)?;
    }
    cells::finish_list(ws, 0, row, cols.len() as u16)?;
    cells::print_list(ws, 0)
}
