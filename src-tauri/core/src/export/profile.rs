//! One customer's full profile on paper, for bringing to a visit (docs/export.md: "before a
//! visit"): the 8 dimensions as titled blocks, in page order, then the contact cards.
//! A4 landscape, fitted to the page width, section headings filled so they survive a
//! black-and-white printer.

use rust_xlsxwriter::Worksheet;

use super::cells::{self, Formats, Value, CONTACT_COLUMNS, CUSTOMER_COLUMNS};
use super::labels::{self, Label};
use super::overview::SIGNAL_COLUMNS;
use super::{Language, ReportOptions, Xlsx};
use crate::customers::{Contact, CustomerProfile, Section, StatusLight};
use crate::customers::{MapStatus, StatusReason};
use crate::error::Result;
use crate::powermap::{ContactRef, MapView};
use crate::Store;

/// The printed grid: 10 columns (the widest table, the power map, has 10).
const WIDTHS: [f64; 10] = [16.0, 16.0, 14.0, 14.0, 14.0, 14.0, 14.0, 16.0, 16.0, 14.0];
const LAST_COL: u16 = WIDTHS.len() as u16 - 1;
/// Where the second label/value pair of a row starts.
const SECOND_PAIR: u16 = 5;

/// Writes blocks top to bottom.
struct Page<'a> {
    ws: &'a mut Worksheet,
    row: u32,
    f: &'a Formats,
    lang: Language,
}

/// Display width in Excel character units: a CJK character takes two.
fn display_width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.0 }).sum()
}

impl Page<'_> {
    fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(zh, en)
    }

    fn section(&mut self, text: &str) -> Result<()> {
        self.row += 1;
        self.ws.merge_range(self.row, 0, self.row, LAST_COL, text, &self.f.section)?;
        self.ws.set_row_height(self.row, 20)?;
        self.row += 1;
        Ok(())
    }

    fn subheading(&mut self, text: &str) -> Result<()> {
        self.ws.merge_range(self.row, 0, self.row, LAST_COL, text, &self.f.header)?;
        self.row += 1;
        Ok(())
    }

    /// A value spread over columns `first..=last` of the current row.
    fn merged(&mut self, first: u16, last: u16, v: &Value) -> Result<f64> {
        if first < last {
            self.ws.merge_range(self.row, first, self.row, last, "", &self.f.text)?;
        }
        cells::write(self.ws, self.row, first, v, self.f)?;
        let width: f64 = WIDTHS[first as usize..=last as usize].iter().sum();
        let lines = match v {
            Value::Text(s) => (display_width(s) / width).ceil().max(1.0),
            _ => 1.0,
        };
        Ok(lines)
    }

    /// Label/value pairs, `per_row` (1 or 2) to a row; empty values are still listed, so a
    /// gap in the profile shows on paper.
    fn pairs(&mut self, items: &[(&str, Value)], per_row: usize) -> Result<()> {
        for chunk in items.chunks(per_row) {
            let mut lines: f64 = 1.0;
            for (i, (label, v)) in chunk.iter().enumerate() {
                let (start, end) = match (per_row, i) {
                    (1, _) => (0, LAST_COL),
                    (_, 0) => (0, SECOND_PAIR - 1),
                    _ => (SECOND_PAIR, LAST_COL),
                };
                self.ws.write_string_with_format(self.row, start, *label, &self.f.label)?;
                lines = lines.max(self.merged(start + 1, end, v)?);
            }
            if lines > 1.0 {
                self.ws.set_row_height(self.row, 15.0 * lines.min(20.0))?;
            }
            self.row += 1;
        }
        Ok(())
    }

    /// A table with a header row; "none" in grey when there are no rows.
    fn table(&mut self, headers: &[&str], rows: Vec<Vec<Value>>) -> Result<()> {
        if rows.is_empty() {
            self.ws.write_string_with_format(self.row, 0, self.t("（暂无）", "(none)"), &self.f.label)?;
            self.row += 1;
            return Ok(());
        }
        for (c, h) in headers.iter().enumerate() {
            self.ws.write_string_with_format(self.row, c as u16, *h, &self.f.header)?;
        }
        self.row += 1;
        for values in rows {
            for (c, v) in values.iter().enumerate() {
                cells::write(self.ws, self.row, c as u16, v, self.f)?;
            }
            self.row += 1;
        }
        Ok(())
    }

    fn contact_card(&mut self, c: &Contact, include_personal: bool) -> Result<()> {
        let heading = [&c.fields.name, &c.fields.title, &c.fields.department]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" · ");
        self.subheading(&heading)?;
        let items: Vec<_> = cells::visible(CONTACT_COLUMNS, include_personal)
            .into_iter()
            .map(|col| (col.header(self.lang), (col.value)(c, self.lang)))
            .collect();
        self.pairs(&items, 2)
    }
}

/// "3. 财务状况 · 完整度 60% · 已过期".
fn section_title(p: &CustomerProfile, section: Section, lang: Language) -> String {
    let n = Section::ALL.iter().position(|s| *s == section).unwrap_or(0) + 1;
    let mut title = format!("{n}. {}", section.label(lang));
    if let Some(s) = p.sections.iter().find(|s| s.section == section) {
        title += &format!(" · {} {}%", lang.pick("完整度", "complete"), s.completeness);
        if s.stale {
            title += lang.pick(" · 已过期", " · stale");
        }
    }
    title
}

/// The printable profile of customer `id`.
pub fn customer_profile(store: &Store, id: i64, opts: &ReportOptions) -> Result<Xlsx> {
    let p = store.profile(id)?;
    let (lang, f) = (opts.language, Formats::new());
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(lang.pick("客户档案", "Profile"))?;
    ws.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    ws.set_footer(lang.pick("&L&A&R第 &P 页 / 共 &N 页", "&L&A&RPage &P of &N"));
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let mut page = Page { ws, row: 0, f: &f, lang };
    page.ws.merge_range(0, 0, 0, LAST_COL, &p.customer.fields.name, &f.title)?;
    page.ws.set_row_height(0, 24)?;
    page.row = 1;
    let today = store.clock().today().format("%Y-%m-%d").to_string();
    page.ws.write_string(1, 0, format!("{} {today}", lang.pick("导出日期", "Exported on")))?;
    page.row = 2;
    // The power maps: account-wide first, then each named scope.
    let maps = store.power_scopes(id)?.iter().map(|s| store.power_map(id, s.id)).collect::<Result<Vec<_>>>()?;
    write_dimensions(&mut page, &p, &maps, opts)?;
    Ok(Xlsx(wb))
}

/// The status light in words: "红 · 无支持我方的关键人物；空缺角色：审批者".
fn status_text(status: &MapStatus, lang: Language) -> String {
    let t = |zh, en| lang.pick(zh, en);
    let names = |cs: &[ContactRef]| cs.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join("、");
    let light = match status.light {
        StatusLight::Unknown => t("未评估", "Not assessed"),
        StatusLight::Red => t("红", "Red"),
        StatusLight::Amber => t("黄", "Amber"),
        StatusLight::Green => t("绿", "Green"),
    };
    let reasons: Vec<String> = status
        .reasons
        .iter()
        .map(|r| match r {
            StatusReason::NotAssessed => t("尚无评估", "nothing assessed yet").to_string(),
            StatusReason::NoSupportiveKeyPlayer => t("无支持我方的关键人物", "no supportive key player").to_string(),
            StatusReason::NoSupportiveDecider { supporters } => {
                format!(
                    "{}{}",
                    t("支持的关键人物中无决策者/审批者：", "supportive key players but none decides or approves: "),
                    names(supporters)
                )
            }
            StatusReason::SupportiveDecider { contacts } => {
                format!("{}{}", t("决策者/审批者支持：", "supportive decision maker or approver: "), names(contacts))
            }
            StatusReason::EmptySlot { buying_role, label, .. } => {
                let role = if label.is_empty() { buying_role.label(lang) } else { label.as_str() };
                format!("{}{role}", t("空缺角色：", "empty role: "))
            }
        })
        .collect();
    format!("{light} · {}", reasons.join(t("；", "; ")))
}

/// One scope's power map: its status, then one row per contact — the assessed ones in the
/// role table's order, then (account-wide) everyone else, so each contact's reports-to is
/// on paper.
fn power_map_table(pg: &mut Page, p: &CustomerProfile, map: &MapView, everyone: bool) -> Result<()> {
    let lang = pg.lang;
    let t = |zh, en| lang.pick(zh, en);
    pg.pairs(&[(t("状态", "Status"), Value::text(status_text(&map.status, lang)))], 1)?;
    let node = |id: i64| map.nodes.iter().find(|n| n.contact_id == id);
    let name = |id: Option<i64>| id.and_then(node).map(|n| n.name.clone()).unwrap_or_default();
    let mut order: Vec<i64> = if everyone { p.roles.iter().map(|r| r.contact_id).collect() } else { vec![] };
    for n in &map.nodes {
        if !order.contains(&n.contact_id) && (everyone || n.assessment.is_some()) {
            order.push(n.contact_id);
        }
    }
    let rows = order
        .iter()
        .filter_map(|id| node(*id))
        .map(|n| {
            let a = n.assessment.clone().unwrap_or_default();
            vec![
                Value::text(&n.name),
                Value::text(&n.title),
                Value::text(labels::opt(a.buying_role, lang)),
                Value::text(labels::support(a.support, lang)),
                Value::opt_int(a.influence),
                Value::text(labels::opt(a.coverage, lang)),
                Value::text(&a.covered_by),
                Value::text(name(n.reports_to)),
                Value::text(&a.evidence),
                if a.assessed_on.is_empty() { Value::Empty } else { Value::Date(a.assessed_on.clone()) },
            ]
        })
        .collect();
    pg.table(
        &[
            t("联系人", "Contact"),
            t("职务", "Title"),
            t("采购角色", "Buying role"),
            t("对我方态度", "Support"),
            t("影响力（1-5）", "Influence (1-5)"),
            t("覆盖程度", "Coverage"),
            t("覆盖人", "Covered by"),
            t("汇报对象", "Reports to"),
            t("依据", "Evidence"),
            t("评估日期", "Assessed on"),
        ],
        rows,
    )
}

fn write_dimensions(pg: &mut Page, p: &CustomerProfile, maps: &[MapView], opts: &ReportOptions) -> Result<()> {
    let lang = pg.lang;
    let t = |zh, en| lang.pick(zh, en);
    let title = |s| section_title(p, s, lang);

    pg.section(&title(Section::Overview))?;
    let overview: Vec<_> = CUSTOMER_COLUMNS.iter().map(|c| (c.header(lang), (c.value)(&p.customer, lang))).collect();
    pg.pairs(&overview, 2)?;

    pg.section(&title(Section::Business))?;
    let b = &p.business;
    pg.pairs(
        &[
            (t("主要产品", "Main products"), Value::text(&b.main_products)),
            (t("市场地位", "Market position"), Value::text(&b.market_position)),
            (t("业务趋势", "Trend"), Value::text(labels::opt(b.trend, lang))),
            (t("预算类型", "Budget type"), Value::text(labels::opt(b.budget_type, lang))),
        ],
        2,
    )?;
    let lines = b
        .lines
        .iter()
        .map(|l| vec![Value::text(&l.name), Value::opt_percent(l.share), Value::text(&l.products)])
        .collect();
    pg.table(&[t("业务线", "Business line"), t("营收占比", "Revenue share"), t("产品", "Products")], lines)?;

    pg.section(&title(Section::Financials))?;
    let periods = p
        .financials
        .iter()
        .map(|x| {
            vec![
                Value::text(&x.period),
                Value::opt_decimal(x.revenue),
                Value::opt_percent(x.gross_margin),
                Value::opt_decimal(x.net_profit),
                Value::opt_decimal(x.inventory_days),
                Value::opt_decimal(x.receivable_days),
                Value::text(labels::opt(x.cash_flow, lang)),
                Value::text(&x.source),
            ]
        })
        .collect();
    pg.table(
        &[
            t("期间", "Period"),
            t("营收（万元）", "Revenue (10k CNY)"),
            t("毛利率", "Gross margin"),
            t("净利润（万元）", "Net profit (10k CNY)"),
            t("库存周转天数", "Inventory days"),
            t("应收账款周转天数", "Receivable days"),
            t("现金流压力", "Cash flow"),
            t("来源", "Source"),
        ],
        periods,
    )?;
    if !p.signals.is_empty() {
        let cols = &cells::visible(SIGNAL_COLUMNS, true)[1..];
        let headers: Vec<_> = cols.iter().map(|c| c.header(lang)).collect();
        let rows = p
            .signals
            .iter()
            .map(|s| {
                let row = super::overview::SignalRow { customer: String::new(), signal: s.clone() };
                cols.iter().map(|c| (c.value)(&row, lang)).collect()
            })
            .collect();
        pg.table(&headers, rows)?;
    }

    pg.section(&title(Section::SpBp))?;
    let s = &p.sp_bp;
    pg.pairs(
        &[
            (t("战略目标（SP）", "SP goals"), Value::text(&s.sp_goals)),
            (t("战略重点项目", "SP key projects"), Value::text(&s.sp_key_projects)),
            (t("年度目标（BP）", "BP goals"), Value::text(&s.bp_goals)),
            (t("年度重点项目", "BP key projects"), Value::text(&s.bp_key_projects)),
            (t("预算已批", "Budget approved"), Value::text(labels::yes_no(s.budget_approved, lang))),
            (t("预算金额（万元）", "Budget (10k CNY)"), Value::opt_decimal(s.budget_amount)),
            (t("我们如何帮助其达成BP", "How we help"), Value::text(&s.how_we_help)),
        ],
        1,
    )?;

    pg.section(&title(Section::PowerMap))?;
    for (i, map) in maps.iter().enumerate() {
        if i > 0 {
            pg.subheading(&map.scope_name)?;
        }
        power_map_table(pg, p, map, i == 0)?;
    }

    pg.section(&title(Section::KeyPersons))?;
    let (key, others): (Vec<&Contact>, Vec<&Contact>) = p.contacts.iter().partition(|c| c.fields.is_key_person);
    if key.is_empty() {
        pg.table(&[], vec![])?;
    }
    for c in key {
        pg.contact_card(c, opts.include_personal)?;
    }

    pg.section(&title(Section::Suppliers))?;
    let suppliers = p
        .suppliers
        .iter()
        .map(|s| {
            vec![
                Value::text(&s.category),
                Value::text(&s.name),
                Value::opt_percent(s.share),
                Value::text(&s.since),
                Value::text(&s.contract_end),
                Value::text(labels::opt(s.allocation_rule, lang)),
                Value::text(&s.strengths),
                Value::text(&s.weaknesses),
                Value::text(if s.is_us { t("我方", "Us") } else { "" }),
            ]
        })
        .collect();
    pg.table(
        &[
            t("品类", "Category"),
            t("供应商", "Supplier"),
            t("份额", "Share"),
            t("合作起始", "Since"),
            t("合同到期", "Contract end"),
            t("分配规则", "Allocation rule"),
            t("优势", "Strengths"),
            t("劣势", "Weaknesses"),
            t("我方", "Us"),
        ],
        suppliers,
    )?;

    pg.section(&title(Section::ProcessIt))?;
    let x = &p.process_it;
    pg.pairs(
        &[
            (t("采购方式", "Procurement"), Value::text(labels::opt(x.procurement, lang))),
            (t("数字化成熟度（1-5）", "Digital maturity (1-5)"), Value::opt_int(x.digital_maturity)),
            (t("审批流程", "Approval steps"), Value::text(&x.approval_steps)),
            (t("在用系统", "Systems"), Value::text(x.systems.join("、"))),
            (t("集成需求", "Integration needs"), Value::text(&x.integration_needs)),
        ],
        1,
    )?;

    pg.section(t("其他联系人", "Other contacts"))?;
    if others.is_empty() {
        pg.table(&[], vec![])?;
    }
    for c in others {
        pg.contact_card(c, opts.include_personal)?;
    }
    Ok(())
}
