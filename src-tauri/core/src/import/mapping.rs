//! Which column holds what: finding the header row (even below a title block) and mapping
//! headers to fields from Chinese and English synonyms, exactly first, then fuzzily.
//! The user can change every suggestion in the wizard; this only makes the first guess good.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::values::Cell;
use crate::text::half_width;

/// What a column can be imported as.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    // customer
    CustomerName,
    ShortName,
    Industry,
    /// Free text as the customer's 地区; the province, city and district columns below add to
    /// it ([`crate::import::values::region`]).
    Region,
    Province,
    City,
    /// 区/县.
    District,
    Grade,
    Lifecycle,
    Owner,
    Ownership,
    Headcount,
    Founded,
    Website,
    StockCode,
    Headquarters,
    LeadSource,
    Tags,
    /// The customer's own notes (备注); an opportunity's notes for the opportunities' kind.
    Notes,
    /// The customer's revenue of a year (年营收), into its financial series (dimension 3); the
    /// year is in the header ("2025年营收"), a [`Field::FiscalYear`] column or chosen.
    Revenue,
    /// The year a row's revenue is of.
    FiscalYear,
    // contact
    ContactName,
    Title,
    Department,
    Phone,
    Wechat,
    Email,
    // purchase
    Month,
    Product,
    Category,
    Quantity,
    /// A purchase's amount, or an opportunity's (元).
    Amount,
    // follow-up record (visit)
    VisitDate,
    VisitMethod,
    Place,
    Goal,
    Summary,
    /// The customer's participants, by contact name (separated by 、，; or spaces).
    Participants,
    /// Our participants, by name.
    OurParticipants,
    /// A visit's needs (one per line or separated by ；), or an opportunity's needs text.
    Needs,
    NextAction,
    ActionOwner,
    ActionDue,
    /// The opportunity's name: the deal a follow-up record is about, or the deal itself.
    DealName,
    // opportunity
    Stage,
    Probability,
    ExpectedClose,
    Competitors,
    QuoteAmount,
    QuoteDate,
    ContractAmount,
    ContractDate,
    LostReason,
    LostNote,
}

/// Header spellings seen in real customer lists, normalised (half-width, lower-case, no
/// spaces or punctuation). The first synonym of each field is its canonical header, used in
/// the import templates.
const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::CustomerName,
        &[
            "客户名称",
            "公司名称",
            "企业名称",
            "客户",
            "客户全称",
            "公司全称",
            "单位名称",
            "公司",
            "单位",
            "company",
            "companyname",
            "customer",
            "customername",
            "account",
            "accountname",
        ],
    ),
    (Field::ShortName, &["简称", "客户简称", "公司简称", "shortname", "abbreviation"]),
    (Field::Industry, &["行业", "所属行业", "行业类别", "industry", "sector"]),
    (Field::Region, &["地区", "区域", "所在地", "省市", "所在地区", "region", "area", "location"]),
    (Field::Province, &["省份", "省", "所在省份", "省直辖市", "province", "state"]),
    (Field::City, &["城市", "市", "所在城市", "地市", "city"]),
    (Field::District, &["区县", "区", "县", "县区", "所在区县", "district", "county"]),
    (Field::Grade, &["客户分级", "客户等级", "级别", "等级", "客户级别", "分级", "grade", "level", "tier", "rating"]),
    (
        Field::Lifecycle,
        &["生命周期", "阶段", "客户阶段", "状态", "客户状态", "跟进状态", "lifecycle", "stage", "status"],
    ),
    (
        Field::Owner,
        &["负责人", "客户经理", "销售", "业务员", "跟进人", "归属销售", "owner", "accountmanager", "salesrep", "sales"],
    ),
    (Field::Ownership, &["企业性质", "公司性质", "单位性质", "所有制", "ownership", "companytype"]),
    (Field::Headcount, &["员工人数", "人数", "员工数", "规模", "公司规模", "headcount", "employees", "staff"]),
    (Field::Founded, &["成立日期", "成立时间", "成立年份", "注册日期", "founded", "established", "foundeddate"]),
    (Field::Website, &["官网", "网址", "网站", "公司网址", "website", "url", "web"]),
    (Field::StockCode, &["股票代码", "证券代码", "stockcode", "ticker"]),
    (Field::Headquarters, &["总部", "地址", "公司地址", "注册地址", "办公地址", "headquarters", "address", "hq"]),
    (Field::LeadSource, &["客户来源", "来源", "线索来源", "获客渠道", "leadsource", "source"]),
    (Field::Tags, &["标签", "tags", "tag", "labels"]),
    (
        Field::Revenue,
        &[
            "年营收（万元）",
            "年营收",
            "营收",
            "营业收入",
            "营业额",
            "年营业额",
            "年销售额",
            "销售收入",
            "年收入",
            "主营业务收入",
            "annualrevenue",
            "turnover",
        ],
    ),
    (Field::FiscalYear, &["年份", "年度", "财年", "财务年度", "会计年度", "fiscalyear", "year"]),
    (
        Field::ContactName,
        &["联系人", "姓名", "联系人姓名", "对接人", "联系人名称", "contact", "contactname", "name", "fullname"],
    ),
    (Field::Title, &["职务", "职位", "头衔", "title", "position", "jobtitle", "role"]),
    (Field::Department, &["部门", "所属部门", "department", "dept"]),
    (
        Field::Phone,
        &[
            "手机",
            "电话",
            "联系方式",
            "手机号",
            "手机号码",
            "联系电话",
            "电话号码",
            "座机",
            "phone",
            "mobile",
            "tel",
            "telephone",
            "cellphone",
        ],
    ),
    (Field::Wechat, &["微信", "微信号", "wechat", "weixin", "wx"]),
    (Field::Email, &["邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail"]),
    (
        Field::Month,
        &["月份", "日期", "采购日期", "下单日期", "订单日期", "年月", "时间", "month", "date", "orderdate", "period"],
    ),
    (
        Field::Product,
        &[
            "产品",
            "产品名称",
            "品名",
            "物料",
            "物料名称",
            "商品",
            "商品名称",
            "型号",
            "product",
            "productname",
            "item",
            "sku",
        ],
    ),
    (Field::Category, &["类别", "品类", "产品类别", "产品分类", "分类", "大类", "category", "productcategory", "type"]),
    (Field::Quantity, &["数量", "采购数量", "订购数量", "qty", "quantity", "units", "volume"]),
    (
        Field::Amount,
        &[
            "金额",
            "采购金额",
            "销售额",
            "订单金额",
            "总金额",
            "含税金额",
            "金额（元）",
            "金额（万元）",
            "预计金额",
            "商机金额",
            "项目金额",
            "amount",
            "value",
            "revenue",
            "sales",
            "total",
        ],
    ),
    (Field::VisitDate, &["跟进日期", "拜访日期", "日期", "沟通日期", "拜访时间", "跟进时间", "visitdate", "date"]),
    (Field::VisitMethod, &["沟通方式", "拜访方式", "跟进方式", "方式", "method", "channel"]),
    (Field::Place, &["地点", "拜访地点", "会议地点", "place", "location"]),
    (Field::Goal, &["跟进目的", "拜访目的", "目的", "goal", "purpose", "objective"]),
    (
        Field::Summary,
        &[
            "沟通纪要",
            "拜访内容",
            "跟进内容",
            "沟通内容",
            "纪要",
            "会议纪要",
            "拜访总结",
            "跟进记录",
            "内容",
            "summary",
            "notes",
            "minutes",
        ],
    ),
    (
        Field::Participants,
        &["客户参与人", "客户参与人员", "拜访对象", "参与人", "客户方参与人", "对接人", "participants", "attendees"],
    ),
    (Field::OurParticipants, &["我方参与人", "我方人员", "陪同人员", "ourparticipants", "ourteam"]),
    (Field::Needs, &["客户需求", "需求", "需求描述", "needs", "requirements"]),
    (Field::NextAction, &["下一步行动", "下一步", "下一步计划", "后续行动", "待办", "nextstep", "nextaction"]),
    (Field::ActionOwner, &["行动负责人", "下一步负责人", "执行人", "负责人", "跟进人", "actionowner", "owner"]),
    (
        Field::ActionDue,
        &["行动截止日期", "下一步截止日期", "截止日期", "计划完成日期", "完成期限", "duedate", "deadline"],
    ),
    (
        Field::DealName,
        &["商机名称", "项目名称", "商机", "项目", "机会名称", "dealname", "deal", "opportunity", "project"],
    ),
    (Field::Stage, &["阶段", "销售阶段", "商机阶段", "项目阶段", "stage", "salesstage"]),
    (Field::Probability, &["成交概率", "赢率", "概率", "probability", "winrate"]),
    (
        Field::ExpectedClose,
        &["预计成交日期", "预计签约日期", "预计成交时间", "预计结单日期", "expectedclose", "closedate"],
    ),
    (Field::Competitors, &["竞争对手", "竞品", "竞争厂商", "competitors", "competitor"]),
    (Field::QuoteAmount, &["报价金额", "报价", "quoteamount", "quote"]),
    (Field::QuoteDate, &["报价日期", "报价时间", "quotedate"]),
    (Field::ContractAmount, &["合同金额", "签约金额", "成交金额", "contractamount"]),
    (Field::ContractDate, &["合同日期", "签约日期", "成交日期", "contractdate"]),
    (Field::LostReason, &["丢单原因", "输单原因", "lostreason"]),
    (Field::LostNote, &["丢单复盘", "丢单说明", "输单说明", "lostnote", "lostreview"]),
    (Field::Notes, &["备注", "说明", "note", "remarks", "comment", "comments"]),
];

/// The year a header names ("2025年营收", "营收2024（万元）"): its first four digits in a row,
/// from 1900 to 2100.
pub fn header_year(header: &str) -> Option<i32> {
    let h = half_width(header);
    let chars: Vec<char> = h.chars().collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let digits = w.iter().all(char::is_ascii_digit);
        let alone = |j: Option<&char>| !j.is_some_and(char::is_ascii_digit);
        let before = if i == 0 { None } else { chars.get(i - 1) };
        let year: i32 = w.iter().collect::<String>().parse().ok()?;
        (digits && alone(before) && alone(chars.get(i + 4)) && (1900..=2100).contains(&year)).then_some(year)
    })
}

/// The canonical header of a field (its first synonym): what templates and exports write.
pub fn canonical_header(f: Field) -> &'static str {
    SYNONYMS.iter().find(|(x, _)| *x == f).map(|(_, syns)| syns[0]).unwrap_or_default()
}

/// A header as compared: half-width, lower-case, without whitespace, punctuation, a unit in
/// brackets or a required-mark (`*客户名称`, `金额(元)`, `Company Name:`).
pub fn normalize_header(h: &str) -> String {
    let h = half_width(h).to_lowercase();
    let h = match (h.find('('), h.rfind(')')) {
        (Some(a), Some(b)) if a < b && a > 0 => format!("{}{}", &h[..a], &h[b + 1..]),
        _ => h,
    };
    h.chars().filter(|c| c.is_alphanumeric() || *c == '-').collect::<String>().replace('-', "")
}

/// How well a header names a field: 3 exact synonym, 2 a synonym contained in the header
/// ("客户名称(必填)", "主要联系人手机"), 1 one character away from a synonym (typos), 0 none.
fn score(header: &str, synonym: &str) -> u8 {
    let synonym = normalize_header(synonym);
    if header == synonym {
        3
    } else if synonym.chars().count() >= 2 && header.contains(&synonym) {
        2
    } else if synonym.chars().count() >= 3 && edit_distance_at_most_one(header, &synonym) {
        1
    } else {
        0
    }
}

fn edit_distance_at_most_one(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix + 1.min(short.len() - prefix)..] == long[prefix + 1.min(long.len() - prefix)..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The best field for one header among `allowed`, with its score.
pub(crate) fn best(header: &str, allowed: &[Field]) -> Option<(Field, u8)> {
    let h = normalize_header(header);
    if h.is_empty() {
        return None;
    }
    SYNONYMS
        .iter()
        .filter(|(f, _)| allowed.contains(f))
        .filter_map(|(f, syns)| syns.iter().map(|s| score(&h, s)).max().filter(|s| *s > 0).map(|s| (*f, s)))
        .max_by_key(|(_, s)| *s)
}

/// Suggests a field for every header; each field is given to at most one column (the best
/// scoring, then the leftmost).
pub fn suggest(headers: &[String], allowed: &[Field]) -> Vec<Option<Field>> {
    let mut scored: Vec<(usize, Field, u8)> =
        headers.iter().enumerate().filter_map(|(i, h)| best(h, allowed).map(|(f, s)| (i, f, s))).collect();
    scored.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut out = vec![None; headers.len()];
    let mut taken = std::collections::HashSet::new();
    for (i, f, _) in scored {
        if taken.insert(f) {
            out[i] = Some(f);
        }
    }
    out
}

/// The header row among the first rows of a sheet: the one naming the most known fields
/// (at least two), so a title block ("2025年重点客户名单") or notes above it are skipped.
/// Falls back to the first row with two or more text cells.
pub fn detect_header_row(rows: &[Vec<Cell>], allowed: &[Field]) -> Option<usize> {
    let texts = |row: &Vec<Cell>| -> Vec<String> {
        row.iter().map(|c| if let Cell::Text(t) = c { t.clone() } else { String::new() }).collect()
    };
    let window = rows.iter().take(30).enumerate();
    let by_fields = window
        .clone()
        .map(|(i, row)| (i, suggest(&texts(row), allowed).iter().flatten().count()))
        .filter(|(_, n)| *n >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i);
    by_fields.or_else(|| {
        window
            .map(|(i, row)| (i, texts(row).iter().filter(|t| !t.trim().is_empty()).count()))
            .find(|(_, n)| *n >= 2)
            .map(|(i, _)| i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Field::*;

    /// The customer list's fields, as the import offers them.
    const CUSTOMERS: &[Field] = crate::import::plan::ImportKind::Customers.fields();

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn chinese_and_english_synonyms() {
        let got = suggest(
            &h(&["公司名称", "所属行业", "省份", "客户等级", "负责人", "联系人", "手机号码", "备注"]),
            CUSTOMERS,
        );
        assert_eq!(
            got,
            vec![
                Some(CustomerName),
                Some(Industry),
                Some(Province),
                Some(Grade),
                Some(Owner),
                Some(ContactName),
                Some(Phone),
                Some(Notes)
            ]
        );
        let got = suggest(&h(&["Company Name", "Industry", "City", "Account Manager", "E-mail"]), CUSTOMERS);
        assert_eq!(got, vec![Some(CustomerName), Some(Industry), Some(City), Some(Owner), Some(Email)]);
    }

    #[test]
    fn follow_up_records_under_their_new_and_old_headers() {
        let visits = crate::import::plan::ImportKind::Visits.fields();
        let want = vec![Some(VisitDate), Some(Goal), Some(Summary)];
        assert_eq!(suggest(&h(&["跟进日期", "跟进目的", "跟进记录"]), visits), want);
        assert_eq!(suggest(&h(&["拜访日期", "拜访目的", "拜访总结"]), visits), want, "files from before the rename");
        assert_eq!((canonical_header(VisitDate), canonical_header(Goal)), ("跟进日期", "跟进目的"));
    }

    #[test]
    fn decorated_headers_and_typos() {
        let got = suggest(&h(&["*客户名称(必填)", "联系电话：", "成立日起", "ＷeChat"]), CUSTOMERS);
        assert_eq!(got, vec![Some(CustomerName), Some(Phone), Some(Founded), Some(Wechat)]);
    }

    #[test]
    fn one_column_per_field_best_match_wins() {
        // "客户" (exact synonym) and "客户名称" (exact, too): the leftmost exact one wins, the
        // other stays unmapped rather than both writing the name.
        let got = suggest(&h(&["客户名称", "客户"]), CUSTOMERS);
        assert_eq!(got, vec![Some(CustomerName), None]);
        // An exact match beats a contained one even when it stands further right.
        let got = suggest(&h(&["主要联系人姓名", "联系人"]), CUSTOMERS);
        assert_eq!(got, vec![None, Some(ContactName)]);
    }

    #[test]
    fn region_parts_revenue_and_its_year() {
        let got = suggest(&h(&["所在地区", "所属省份", "城市", "区/县", "2025年营收（万元）", "年份"]), CUSTOMERS);
        assert_eq!(
            got,
            vec![Some(Region), Some(Province), Some(City), Some(District), Some(Revenue), Some(FiscalYear)]
        );
        assert_eq!(suggest(&h(&["营业额", "成立年份"]), CUSTOMERS), vec![Some(Revenue), Some(Founded)]);
        assert_eq!(header_year("2025年营收"), Some(2025));
        assert_eq!(header_year("营收（2024）"), Some(2024));
        assert_eq!(header_year("年营收"), None);
        assert_eq!(header_year("营收20251"), None, "five digits are no year");
        assert_eq!(header_year("１９９９年"), Some(1999), "full-width digits");
    }

    #[test]
    fn header_row_below_a_title_block() {
        let t = |s: &str| Cell::Text(s.into());
        let rows = vec![
            vec![t("2025年华东区重点客户名单"), Cell::Empty, Cell::Empty],
            vec![t("制表人:张伟"), Cell::Empty, t("日期:2025-01-02")],
            vec![],
            vec![t("序号"), t("客户名称"), t("行业"), t("联系人")],
            vec![Cell::Number(1.0), t("华东精密"), t("装备制造"), t("王芳")],
        ];
        assert_eq!(detect_header_row(&rows, CUSTOMERS), Some(3));
        let unknown = vec![vec![t("甲"), t("乙")], vec![t("1"), t("2")]];
        assert_eq!(detect_header_row(&unknown, CUSTOMERS), Some(0), "first row with texts");
        assert_eq!(detect_header_row(&[], CUSTOMERS), None);
    }
}
