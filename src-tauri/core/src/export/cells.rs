//! The cell layer every export writes through: the shared formats, typed values (text is
//! always `write_string`, so nothing an AM typed becomes a formula), and the column lists of
//! customers and contacts that the team report's sheets and the printable profile share —
//! one definition of "what a customer row holds", in both languages.

use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet};

use super::labels;
use super::Language;
use crate::customers::{Contact, Customer, PersonalField};
use crate::error::Result;

/// Formats shared by all sheets of one workbook.
pub struct Formats {
    pub header: Format,
    pub title: Format,
    pub section: Format,
    pub label: Format,
    pub text: Format,
    pub int: Format,
    pub decimal: Format,
    pub percent: Format,
    pub change: Format,
    pub date: Format,
    pub datetime: Format,
}

impl Formats {
    pub fn new() -> Formats {
        let base = || Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDE7F3))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            title: Format::new().set_bold().set_font_size(16),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(0x2F5597)),
            label: base().set_bold().set_font_color(Color::RGB(0x44546A)),
            text: base().set_text_wrap(),
            int: base().set_num_format("#,##0"),
            decimal: base().set_num_format("#,##0.00"),
            percent: base().set_num_format("0%"),
            change: base().set_num_format("+0.0%;-0.0%;0.0%"),
            date: base().set_num_format("yyyy-mm-dd"),
            datetime: base().set_num_format("yyyy-mm-dd hh:mm"),
        }
    }
}

/// A cell's content, typed so the right format goes with it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    /// User text or a label: always a string cell.
    Text(String),
    /// Several items in one cell, one per line: a string cell that wraps, so the lines show.
    Lines(Vec<String>),
    Int(i64),
    Decimal(f64),
    /// A percentage as stored (0–100): written as a fraction with a `%` format.
    Percent(f64),
    /// A signed change in percent: `+100.0%`.
    Change(f64),
    /// `YYYY-MM-DD` or the store's timestamp; other forms (`2008-05`) stay text.
    Date(String),
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    pub fn opt_int(v: Option<i64>) -> Value {
        v.map(Value::Int).unwrap_or(Value::Empty)
    }

    pub fn opt_decimal(v: Option<f64>) -> Value {
        v.map(Value::Decimal).unwrap_or(Value::Empty)
    }

    pub fn opt_percent(v: Option<f64>) -> Value {
        v.map(Value::Percent).unwrap_or(Value::Empty)
    }
}

/// Excel's limit on one cell's text, in UTF-16 units.
const CELL_CHARS: usize = 32_767;

/// `s` cut to what one cell holds, ending with "…" when cut. Each field has its own limit, but
/// a visit's lists are joined into one cell (two long decisions fit the form and not a cell),
/// and one over-long cell must not fail the whole report.
pub fn fit_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= CELL_CHARS || s.encode_utf16().count() <= CELL_CHARS {
        return s.into();
    }
    let mut units = 0;
    let mut cut = String::new();
    for ch in s.chars() {
        units += ch.len_utf16();
        if units > CELL_CHARS - 1 {
            break;
        }
        cut.push(ch);
    }
    cut.push('…');
    cut.into()
}

/// Writes one value; an empty value leaves the cell empty.
pub fn write(ws: &mut Worksheet, row: u32, col: u16, v: &Value, f: &Formats) -> Result<()> {
    match v {
        Value::Empty => {}
        Value::Text(s) if s.is_empty() => {}
        Value::Text(s) => {
            ws.write_string_with_format(row, col, fit_cell(s), &f.text)?;
        }
        Value::Lines(items) if items.is_empty() => {}
        Value::Lines(items) => {
            ws.write_string_with_format(row, col, fit_cell(&items.join("\n")), &f.text)?;
        }
        Value::Int(n) => {
            ws.write_number_with_format(row, col, *n as f64, &f.int)?;
        }
        Value::Decimal(n) => {
            ws.write_number_with_format(row, col, *n, &f.decimal)?;
        }
        Value::Percent(n) => {
            ws.write_number_with_format(row, col, n / 100.0, &f.percent)?;
        }
        Value::Change(n) => {
            ws.write_number_with_format(row, col, n / 100.0, &f.change)?;
        }
        Value::Date(s) => {
            if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                ws.write_datetime_with_format(row, col, d, &f.date)?;
            } else if let Ok(t) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ") {
                ws.write_datetime_with_format(row, col, t, &f.datetime)?;
            } else if !s.is_empty() {
                ws.write_string_with_format(row, col, s, &f.text)?;
            }
        }
    }
    Ok(())
}

/// One column of a record list: its header in both languages, its width (in Excel's
/// character units; a Chinese character counts two) and how to read the value.
pub struct Column<T> {
    pub zh: &'static str,
    pub en: &'static str,
    pub width: f64,
    /// A personal field of a contact ([`PersonalField`]), exported only when the user asks for
    /// it. Set only by [`card`]: a column is personal because its field is.
    pub personal: bool,
    pub value: fn(&T, Language) -> Value,
}

impl<T> Column<T> {
    pub fn header(&self, lang: Language) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

pub(super) const fn col<T>(
    zh: &'static str,
    en: &'static str,
    width: f64,
    value: fn(&T, Language) -> Value,
) -> Column<T> {
    Column { zh, en, width, personal: false, value }
}

/// The header (Chinese, English) and width of a personal field's column. Exhaustive, so a new
/// personal field cannot be added without its column.
const fn card_header(f: PersonalField) -> (&'static str, &'static str, f64) {
    match f {
        PersonalField::Traits => ("性格特征", "Traits", 18.0),
        PersonalField::IceBreakers => ("破冰话题", "Ice-breakers", 18.0),
        PersonalField::Hobbies => ("爱好", "Hobbies", 14.0),
        PersonalField::Preferences => ("饮品/饮食/礼品禁忌", "Preferences", 16.0),
        PersonalField::PainPoints => ("痛点/KPI压力", "Pain points / KPI", 20.0),
        PersonalField::Career => ("职业路径与抱负", "Career", 18.0),
        PersonalField::CommunicationStyle => ("沟通风格", "Communication style", 14.0),
        PersonalField::Family => ("家庭", "Family", 18.0),
        PersonalField::Notes => ("备注", "Notes", 18.0),
    }
}

fn card_value<const I: usize>(c: &Contact, _: Language) -> Value {
    Value::text(PersonalField::ALL[I].value(&c.fields))
}

/// The column of the personal field `PersonalField::ALL[I]`: its header, its value, and
/// personal because the field is.
const fn card<const I: usize>() -> Column<Contact> {
    let (zh, en, width) = card_header(PersonalField::ALL[I]);
    Column { zh, en, width, personal: true, value: card_value::<I> }
}

/// The columns that are exported under `include_personal`.
pub fn visible<T>(cols: &'static [Column<T>], include_personal: bool) -> Vec<&'static Column<T>> {
    cols.iter().filter(|c| include_personal || !c.personal).collect()
}

/// Dimension 1 and the classification fields of a customer.
pub static CUSTOMER_COLUMNS: &[Column<Customer>] = &[
    col("客户名称", "Customer", 30.0, |c, _| Value::text(&c.fields.name)),
    col("简称", "Short name", 12.0, |c, _| Value::text(&c.fields.short_name)),
    col("客户分级", "Grade", 8.0, |c, l| Value::text(labels::opt(c.fields.grade, l))),
    col("生命周期", "Lifecycle", 10.0, |c, l| Value::text(labels::opt(c.fields.lifecycle, l))),
    col("企业性质", "Ownership", 10.0, |c, l| Value::text(labels::opt(c.fields.ownership, l))),
    col("行业", "Industry", 14.0, |c, _| Value::text(&c.fields.industry)),
    col("地区", "Region", 10.0, |c, _| Value::text(&c.fields.region)),
    col("员工人数", "Headcount", 10.0, |c, _| Value::opt_int(c.fields.headcount)),
    col("成立日期", "Founded", 11.0, |c, _| Value::text(&c.fields.founded)),
    col("股票代码", "Stock code", 10.0, |c, _| Value::text(&c.fields.stock_code)),
    col("总部", "Headquarters", 18.0, |c, _| Value::text(&c.fields.headquarters)),
    col("子公司", "Subsidiaries", 18.0, |c, _| Value::text(&c.fields.subsidiaries)),
    col("官网", "Website", 18.0, |c, _| Value::text(&c.fields.website)),
    col("负责人", "Owner", 10.0, |c, _| Value::text(&c.fields.owner)),
    col("协同人", "Collaborators", 12.0, |c, _| Value::text(&c.fields.collaborators)),
    col("客户来源", "Lead source", 10.0, |c, l| Value::text(labels::opt(c.fields.lead_source, l))),
    col("标签", "Tags", 16.0, |c, _| Value::text(c.fields.tags.join("、"))),
    col("备注", "Notes", 24.0, |c, _| Value::text(&c.fields.notes)),
    col("档案完整度", "Completeness", 10.0, |c, _| Value::Percent(c.completeness as f64)),
    col("更新时间", "Updated", 16.0, |c, _| Value::Date(c.updated_at.clone())),
];

/// The contact background card (docs/contacts.md): how to reach the person, then every personal
/// field in the card's order.
pub static CONTACT_COLUMNS: &[Column<Contact>] = &[
    col("联系人", "Name", 10.0, |c, _| Value::text(&c.fields.name)),
    col("拼音", "Pinyin", 12.0, |c, _| Value::text(&c.pinyin)),
    col("职务", "Title", 14.0, |c, _| Value::text(&c.fields.title)),
    col("部门", "Department", 12.0, |c, _| Value::text(&c.fields.department)),
    col("手机", "Phone", 14.0, |c, _| Value::text(&c.fields.phone)),
    col("微信", "WeChat", 14.0, |c, _| Value::text(&c.fields.wechat)),
    col("邮箱", "Email", 20.0, |c, _| Value::text(&c.fields.email)),
    col("关键人物", "Key person", 8.0, |c, l| Value::text(labels::yes_no(Some(c.fields.is_key_person), l))),
    card::<0>(),
    card::<1>(),
    card::<2>(),
    card::<3>(),
    card::<4>(),
    card::<5>(),
    card::<6>(),
    card::<7>(),
    card::<8>(),
    col("最近联系", "Last contact", 11.0, |c, _| Value::Date(c.last_contact().to_string())),
];

/// Writes a header row starting at `col0` and sets the column widths.
pub fn header_row(ws: &mut Worksheet, row: u32, col0: u16, headers: &[(&str, f64)], f: &Formats) -> Result<()> {
    for (i, (text, width)) in headers.iter().enumerate() {
        let c = col0 + i as u16;
        ws.write_string_with_format(row, c, *text, &f.header)?;
        ws.set_column_width(c, *width)?;
    }
    Ok(())
}

/// The header of a record list, for [`header_row`].
pub fn headers<T>(cols: &[&Column<T>], lang: Language) -> Vec<(&'static str, f64)> {
    cols.iter().map(|c| (c.header(lang), c.width)).collect()
}

/// Writes one record across `cols`, starting at `col0`. List rows stay one line high, so their
/// text goes in unformatted: a format costs a lookup per cell, which for a list of 100k
/// customers was a tenth of the export's time.
pub fn record<T>(
    ws: &mut Worksheet,
    row: u32,
    col0: u16,
    item: &T,
    cols: &[&Column<T>],
    lang: Language,
    f: &Formats,
) -> Result<()> {
    for (i, c) in cols.iter().enumerate() {
        let col = col0 + i as u16;
        match (c.value)(item, lang) {
            Value::Text(s) if !s.is_empty() => {
                ws.write_string(row, col, s)?;
            }
            v => write(ws, row, col, &v, f)?,
        }
    }
    Ok(())
}

/// The most data rows a list sheet below a header in row 0 holds: Excel stops at row
/// 1,048,576, and the rows after the data keep room for a blank row and [`cut_note`].
pub const LIST_ROWS: u32 = 1_048_572;

/// Says under a list that was cut at Excel's row limit how many rows were left out (the list
/// is in its sheet's order, so what is left out is its end: the oldest visits, …).
pub fn cut_note(ws: &mut Worksheet, last_row: u32, shown: i64, total: i64, lang: Language) -> Result<()> {
    if total > shown {
        let note = match lang {
            Language::Zh => format!("只列出前 {shown} 行；其余 {} 行超出 Excel 的行数上限，未列出。", total - shown),
            Language::En => {
                format!("Only the first {shown} rows are listed; {} more exceed Excel's row limit.", total - shown)
            }
        };
        ws.write_string(last_row + 2, 0, note)?;
    }
    Ok(())
}

/// A list sheet's finish: the header row stays visible and filterable.
pub fn finish_list(ws: &mut Worksheet, header: u32, last_row: u32, ncols: u16) -> Result<()> {
    ws.set_freeze_panes(header + 1, 0)?;
    if ncols > 0 {
        ws.autofilter(header, 0, last_row.max(header), ncols - 1)?;
    }
    Ok(())
}

/// Excel's paper code of A4.
const A4: u8 = 9;

/// How a list sheet prints: A4 landscape, the columns fitted to the page's width, as many
/// pages down as it takes, the header row (`header`) repeated on each page.
pub fn print_list(ws: &mut Worksheet, header: u32) -> Result<()> {
    ws.set_paper_size(A4).set_landscape().set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(header, header)?;
    Ok(())
}

/// How an overview prints: A4 landscape, everything up to `last_row` and `last_col` — its
/// figures and its charts — on one page, so no chart is cut between two.
pub fn print_one_page(ws: &mut Worksheet, last_row: u32, last_col: u16) -> Result<()> {
    ws.set_paper_size(A4).set_landscape().set_print_fit_to_pages(1, 1);
    ws.set_print_area(0, 0, last_row, last_col)?;
    Ok(())
}

/// The last column a chart `width` pixels wide covers when inserted at `col` over columns
/// `widths` wide (Excel's character units; the rest at the default 8.43), for a print area.
pub fn chart_end_col(col: u16, width: u32, widths: &[(u16, f64)]) -> u16 {
    let px = |c: u16| {
        let chars = widths.iter().find(|(i, _)| *i == c).map(|(_, w)| *w).unwrap_or(8.43);
        (chars * 7.0 + 5.0).round() as u32
    };
    let (mut c, mut covered) = (col, 0);
    while covered + px(c) < width {
        covered += px(c);
        c += 1;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_covers_the_columns_of_its_width() {
        // 64 px default columns: 560 px from D (3) reach into L (11).
        assert_eq!(chart_end_col(3, 560, &[]), 11);
        assert_eq!(chart_end_col(0, 100, &[(0, 30.0)]), 0);
    }

    #[test]
    fn every_personal_field_has_one_personal_column_in_order() {
        let personal: Vec<&str> = CONTACT_COLUMNS.iter().filter(|c| c.personal).map(|c| c.zh).collect();
        let fields: Vec<&str> = PersonalField::ALL.iter().map(|f| card_header(*f).0).collect();
        assert_eq!(personal, fields);
    }
}
