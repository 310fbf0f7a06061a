//! The benchmark's input: a customer list as account managers keep it — 10 columns of Chinese
//! text, real Excel dates and phone numbers stored as text — and a follow-up record list about
//! those customers, generated deterministically.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const CITIES: [&str; 12] =
    ["武汉", "青岛", "苏州", "成都", "杭州", "宁波", "佛山", "东莞", "长沙", "郑州", "合肥", "无锡"];
const WORDS: [&str; 12] =
    ["鼎盛", "金鹏", "华信", "恒达", "宏远", "瑞丰", "博创", "中联", "海纳", "天成", "永新", "凯特"];
const INDUSTRIES: [&str; 8] = ["建材", "机械", "电子", "化工", "食品", "纺织", "汽配", "医药"];
const SURNAMES: [&str; 10] = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
const GIVEN: [&str; 10] = ["伟", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛"];
const TITLES: [&str; 6] = ["采购经理", "总经理", "技术总监", "财务总监", "生产部长", "采购专员"];
const GRADES: [&str; 4] = ["A", "B", "C", "D"];

/// Row `i`'s value from `list` (`salt` varies it between columns).
fn pick(i: usize, list: &[&'static str], salt: usize) -> &'static str {
    list[(i * 7 + salt * 13 + i / list.len()) % list.len()]
}

fn person(i: usize, salt: usize) -> String {
    format!("{}{}", pick(i, &SURNAMES, salt), pick(i, &GIVEN, salt + 1))
}

/// The name of the customer on row `i` of the list.
fn customer_name(i: usize) -> String {
    let (city, word, industry) = (pick(i, &CITIES, 1), pick(i, &WORDS, 2), pick(i, &INDUSTRIES, 3));
    format!("{city}{word}{industry}{i:06}有限公司")
}

/// The header row of the generated list.
pub const HEADERS: [&str; 10] =
    ["客户名称", "简称", "行业", "地区", "客户等级", "负责人", "成立日期", "联系人", "手机", "职务"];

/// Writes `rows` customer rows (plus the header row) to `path`.
pub fn customer_list(path: &Path, rows: usize) -> Result<(), String> {
    let err = |e: rust_xlsxwriter::XlsxError| format!("{}: {e}", path.display());
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet_with_constant_memory().map_err(err)?;
    sheet.set_name("客户").map_err(err)?;
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).map_err(err)?;
    }
    for i in 0..rows {
        let r = i as u32 + 1;
        let pick = |list: &[&'static str], salt: usize| pick(i, list, salt);
        let (word, industry) = (pick(&WORDS, 2), pick(&INDUSTRIES, 3));
        let city = pick(&CITIES, 1);
        let person = |salt| person(i, salt);
        let founded =
            ExcelDateTime::from_ymd(1985 + (i % 38) as u16, 1 + (i % 12) as u8, 1 + (i % 28) as u8).map_err(err)?;
        sheet.write_string(r, 0, customer_name(i)).map_err(err)?;
        sheet.write_string(r, 1, format!("{word}{industry}")).map_err(err)?;
        sheet.write_string(r, 2, industry).map_err(err)?;
        sheet.write_string(r, 3, city).map_err(err)?;
        sheet.write_string(r, 4, pick(&GRADES, 4)).map_err(err)?;
        sheet.write_string(r, 5, person(5)).map_err(err)?;
        sheet.write_datetime_with_format(r, 6, &founded, &date).map_err(err)?;
        sheet.write_string(r, 7, person(7)).map_err(err)?;
        sheet
            .write_string(r, 8, format!("1{}{:09}", 3 + i % 7, (i as u64 * 7_919_111) % 1_000_000_000))
            .map_err(err)?;
        sheet.write_string(r, 9, pick(&TITLES, 9)).map_err(err)?;
    }
    book.save(path).map_err(err)
}

const METHODS: [&str; 5] = ["面谈", "电话", "视频", "微信", "邮件"];
const TOPICS: [&str; 6] = ["交期确认", "新品介绍", "价格沟通", "质量问题回访", "年度框架洽谈", "技术交流"];
const ACTIONS: [&str; 5] = ["发送报价单", "安排技术交流", "提交样品", "确认合同条款", "回访使用情况"];

/// The header row of the generated follow-up record list.
pub const VISIT_HEADERS: [&str; 8] =
    ["客户名称", "跟进日期", "沟通方式", "客户参与人", "沟通纪要", "下一步行动", "行动负责人", "截止日期"];

/// Writes `rows` follow-up records (plus the header row) about the first `customers` rows of
/// [`customer_list`] to `path`: each names its customer and that customer's contact, on its
/// own day (so none is a duplicate of another), with one next action.
pub fn visit_list(path: &Path, rows: usize, customers: usize) -> Result<(), String> {
    let err = |e: rust_xlsxwriter::XlsxError| format!("{}: {e}", path.display());
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet_with_constant_memory().map_err(err)?;
    sheet.set_name("跟进记录").map_err(err)?;
    for (c, h) in VISIT_HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).map_err(err)?;
    }
    let customers = customers.max(1);
    for i in 0..rows {
        let r = i as u32 + 1;
        let (customer, nth) = (i % customers, i / customers);
        // The customer's nth record: a day of its own, its action due a week later.
        let (year, month, day) = (2020 + (nth / 336) as u16, 1 + (nth % 12) as u8, 1 + (nth / 12 % 28) as u8);
        let excel = |d: u8| ExcelDateTime::from_ymd(year, month, d);
        let (day, due) = (excel(day), excel((day + 7).min(28)));
        let topic = pick(i, &TOPICS, 4);
        sheet.write_string(r, 0, customer_name(customer)).map_err(err)?;
        sheet.write_datetime_with_format(r, 1, &day.map_err(err)?, &date).map_err(err)?;
        sheet.write_string(r, 2, pick(i, &METHODS, 2)).map_err(err)?;
        sheet.write_string(r, 3, person(customer, 7)).map_err(err)?;
        sheet
            .write_string(r, 4, format!("{topic}：客户反馈整体满意，关注交付周期与售后响应，约定下次沟通时间。"))
            .map_err(err)?;
        sheet.write_string(r, 5, pick(i, &ACTIONS, 5)).map_err(err)?;
        sheet.write_string(r, 6, person(i, 5)).map_err(err)?;
        sheet.write_datetime_with_format(r, 7, &due.map_err(err)?, &date).map_err(err)?;
    }
    book.save(path).map_err(err)
}
