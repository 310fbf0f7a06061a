//! The benchmark's input: a customer list as account managers keep it — 10 columns of Chinese
//! text, real Excel dates and phone numbers stored as text — generated deterministically.

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
        let pick = |list: &[&'static str], salt: usize| list[(i * 7 + salt * 13 + i / list.len()) % list.len()];
        let (city, word, industry) = (pick(&CITIES, 1), pick(&WORDS, 2), pick(&INDUSTRIES, 3));
        let person = |salt| format!("{}{}", pick(&SURNAMES, salt), pick(&GIVEN, salt + 1));
        let founded =
            ExcelDateTime::from_ymd(1985 + (i % 38) as u16, 1 + (i % 12) as u8, 1 + (i % 28) as u8).map_err(err)?;
        sheet.write_string(r, 0, format!("{city}{word}{industry}{i:06}有限公司")).map_err(err)?;
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
