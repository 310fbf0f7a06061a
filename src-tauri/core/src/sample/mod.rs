//! The sample dataset: realistic, deterministic Chinese key accounts so that a new user sees a
//! populated app ("载入示例数据", `dossier-cli demo`). `scale` N > 1 adds generated copies
//! (N × the base customers, two contacts — or more, see [`load_sized`] — and two suppliers
//! each) for benchmarks.

mod after_sale;
mod pipeline;
mod purchases;

use crate::customers::*;
use crate::error::Result;
use crate::powermap::seed::{PowerSeed, SeedEdge, SeedScope};
use crate::powermap::{Assessment, SlotInput};
use crate::profile::NewProfile;
use crate::trends;
use crate::Store;

/// A small deterministic generator (SplitMix64): the same data on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next() % 10_000) as f64 / 10_000.0 * (hi - lo)
    }
}

/// (legal name, short name, industry, region, ownership, stock code)
const COMPANIES: [(&str, &str, &str, &str, Ownership, &str); 36] = [
    ("华东精密机械股份有限公司", "华东精密", "装备制造", "江苏·苏州", Ownership::Listed, "603218"),
    ("长江汽车零部件有限公司", "长江汽配", "汽车零部件", "湖北·武汉", Ownership::Private, ""),
    ("中恒电力工程集团有限公司", "中恒电力", "电力能源", "北京", Ownership::StateOwned, ""),
    ("蓝海食品饮料股份有限公司", "蓝海食品", "食品饮料", "广东·佛山", Ownership::Listed, "002845"),
    ("瑞丰化工新材料有限公司", "瑞丰化工", "化工新材料", "山东·淄博", Ownership::Private, ""),
    ("德瑞斯医疗器械(上海)有限公司", "德瑞斯医疗", "医疗器械", "上海", Ownership::Foreign, ""),
    ("天工智能装备有限公司", "天工智能", "工业自动化", "浙江·杭州", Ownership::Private, ""),
    ("华南建筑设计研究院有限公司", "华南设计院", "建筑设计", "广东·广州", Ownership::StateOwned, ""),
    ("金桥物流集团有限公司", "金桥物流", "物流运输", "天津", Ownership::Private, ""),
    ("星海半导体科技股份有限公司", "星海半导体", "半导体", "江苏·无锡", Ownership::Listed, "688326"),
    ("丰收农业发展有限公司", "丰收农业", "农业", "河南·郑州", Ownership::Private, ""),
    ("东方航空配件制造有限公司", "东方航配", "航空航天", "陕西·西安", Ownership::StateOwned, ""),
    ("博远纺织印染有限公司", "博远纺织", "纺织服装", "浙江·绍兴", Ownership::Private, ""),
    ("中德合力汽车技术有限公司", "中德合力", "汽车整车", "吉林·长春", Ownership::JointVenture, ""),
    ("市第一人民医院", "一院", "医疗服务", "江苏·南京", Ownership::PublicInstitution, ""),
    ("宏图家居用品股份有限公司", "宏图家居", "家居建材", "福建·厦门", Ownership::Listed, "603899"),
    ("云岭制药有限公司", "云岭制药", "医药", "云南·昆明", Ownership::Private, ""),
    ("北方重工机械集团有限公司", "北方重工", "重型机械", "辽宁·沈阳", Ownership::StateOwned, ""),
    ("绿源环保科技有限公司", "绿源环保", "环保", "安徽·合肥", Ownership::Private, ""),
    ("日升光伏能源股份有限公司", "日升光伏", "新能源", "江西·上饶", Ownership::Listed, "601865"),
    ("太平洋电子(深圳)有限公司", "太平洋电子", "消费电子", "广东·深圳", Ownership::Foreign, ""),
    ("汇通钢铁集团有限公司", "汇通钢铁", "钢铁冶金", "河北·唐山", Ownership::StateOwned, ""),
    ("美佳日化用品有限公司", "美佳日化", "日化", "广东·广州", Ownership::Private, ""),
    ("华夏数据科技有限公司", "华夏数据", "软件信息", "北京", Ownership::Private, ""),
    ("川渝调味品有限公司", "川渝调味", "食品饮料", "四川·成都", Ownership::Private, ""),
    ("海纳港口机械有限公司", "海纳港机", "港口机械", "山东·青岛", Ownership::JointVenture, ""),
    ("省农业科学院", "省农科院", "科研院所", "湖南·长沙", Ownership::PublicInstitution, ""),
    ("新锐新能源汽车有限公司", "新锐汽车", "汽车整车", "安徽·芜湖", Ownership::Private, ""),
    ("永固建材集团股份有限公司", "永固建材", "家居建材", "湖南·株洲", Ownership::Listed, "000789"),
    ("凯德精细化工(中国)有限公司", "凯德化工", "化工新材料", "江苏·南通", Ownership::Foreign, ""),
    ("通达轨道交通装备有限公司", "通达轨交", "轨道交通", "湖南·株洲", Ownership::StateOwned, ""),
    ("百川包装材料有限公司", "百川包装", "包装印刷", "浙江·宁波", Ownership::Private, ""),
    ("鑫源铝业股份有限公司", "鑫源铝业", "有色金属", "广西·南宁", Ownership::Listed, "601677"),
    ("安泰消防设备有限公司", "安泰消防", "安防消防", "福建·泉州", Ownership::Private, ""),
    ("中粮华北粮油有限公司", "华北粮油", "粮油加工", "河北·石家庄", Ownership::StateOwned, ""),
    ("维科医药连锁有限公司", "维科医药", "医药零售", "重庆", Ownership::Private, ""),
];

const OWNERS: [&str; 4] = ["张伟", "李娜", "王磊", "陈静"];
const SURNAMES: [&str; 24] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高", "郑", "梁", "谢", "宋",
];
const GIVEN: [&str; 30] = [
    "芳", "伟", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强",
    "海燕", "国庆", "晓东", "文博", "子涵", "雪梅", "立新", "春生", "振宇", "思远", "佳怡", "德明",
];
/// (title, department, buying role, key person)
const ROLES: [(&str, &str, BuyingRole, bool); 6] = [
    ("总经理", "总经办", BuyingRole::DecisionMaker, true),
    ("采购总监", "采购部", BuyingRole::Approver, true),
    ("技术总监", "技术中心", BuyingRole::Evaluator, true),
    ("生产部经理", "生产部", BuyingRole::User, false),
    ("财务总监", "财务部", BuyingRole::Influencer, false),
    ("采购专员", "采购部", BuyingRole::Gatekeeper, false),
];
const TRAITS: [&str; 6] = [
    "务实、重数据，说话直接，不喜欢绕弯子",
    "谨慎稳重，决策前要看到同行案例",
    "技术出身，喜欢深入讨论参数和方案细节",
    "爱面子，重视公开场合的尊重",
    "结果导向，时间观念强，会议超时会不耐烦",
    "关系型，喜欢先交朋友再谈生意",
];
const ICE: [&str; 6] = [
    "最近在看行业白皮书，可聊智能制造趋势",
    "母校是华中科技大学，聊校友活动",
    "关注本地足球队，周末常去看比赛",
    "刚从德国考察回来，可聊工业4.0见闻",
    "喜欢聊创业经历和早期的艰苦日子",
    "对新能源车很感兴趣，正在考虑换车",
];
const HOBBIES: [&str; 6] = ["钓鱼", "马拉松", "书法", "高尔夫", "摄影", "围棋"];
const PREFS: [&str; 6] =
    ["只喝美式咖啡，不加糖", "不喝酒，饭局以茶代酒", "清淡饮食，不吃辣", "礼品忌送钟表", "喜欢普洱茶", "素食"];
const PAINS: [&str; 6] = [
    "今年KPI要求降本8%，压力很大",
    "新产线良率不达标，老板天天追问",
    "供应商交期不稳定，影响交付",
    "集团推数字化转型，要出成绩",
    "库存高企，现金流吃紧",
    "审计趋严，采购流程必须合规",
];
const CAREERS: [&str; 5] = [
    "从一线工程师做起，10年升到总监，目标是进集团管理层",
    "外企出身，两年前加入，希望做出亮点项目",
    "老员工，跟随创始人创业，深得信任",
    "刚提拔，急于证明自己",
    "明年可能调任集团，关注接班人培养",
];
const FAMILY: [&str; 5] = [
    "女儿妞妞8岁，在学钢琴",
    "儿子今年高考，比较焦虑",
    "爱人是中学老师，周末常陪家人",
    "父母在老家，每月回去一次",
    "刚有二胎，最近休息不好",
];
const SYSTEMS: [&str; 8] = ["用友U8", "金蝶云星空", "SAP S/4HANA", "鼎捷ERP", "SRM", "MES", "OA(钉钉)", "企业微信"];
const RIVALS: [&str; 6] = ["西门子", "汇川技术", "施耐德", "本地代理商", "博世", "ABB"];

/// Loads the sample data into `store`: the base customers with their purchase records, plus
/// (`scale` − 1) generated copies of them (without purchases: see [`load_copy_purchases`]).
/// Returns the number of customers inserted.
pub fn load(store: &Store, scale: usize) -> Result<usize> {
    load_sized(store, scale, COPY_CONTACTS)
}

/// The contacts of a generated copy unless asked for more.
pub const COPY_CONTACTS: usize = 2;

/// [`load`] with `contacts` contacts on every generated copy: `--scale 2 --contacts 150` gives
/// 36 customers the size of the webview speed test's heaviest customer page.
pub fn load_sized(store: &Store, scale: usize, contacts: usize) -> Result<usize> {
    let today = store.clock().today();
    let base = (0..COMPANIES.len()).map(move |i| base_profile(i, today));
    let copies = (1..scale.max(1)).flat_map(move |k| (0..COMPANIES.len()).map(move |i| copy_profile(k, i, contacts)));
    let count = store.insert_profiles(base.chain(copies))?;
    let evaluated = trends::month::of_date(today) - 1;
    let mut rows = Vec::new();
    for (i, (name, ..)) in COMPANIES.iter().enumerate() {
        let id = crate::customers::store::live_customer_named(&store.conn, name)?;
        rows.extend(purchases::base(i, evaluated).into_iter().map(|p| (id, p)));
    }
    store.insert_purchases(rows)?;
    store.refresh_trend_cache()?;
    pipeline::base(store, &COMPANIES.map(|c| c.0))?;
    after_sale::load(store, AFTER_SALE_SEED)?;
    Ok(count)
}

/// 载入示例数据 in the app: the sample at scale 1 into an empty file, then the counts the
/// page shows next.
pub fn load_for_app(store: &Store) -> Result<Stats> {
    load(store, 1)?;
    store.stats()
}

/// The seed of the won deals' 回款 and 交付 (each deal's generator also takes its id).
const AFTER_SALE_SEED: u64 = 0xAF7E_5A1E;

/// Gives every customer without opportunities or visits (the generated copies) `deals`
/// opportunities and `visits` visit summaries over the last two years, with their next
/// actions, and their won deals 回款 and 交付 like the sample's: `--scale 57 --deals 5
/// --visits 100` is the risk benchmark's 2,052 customers (2,016 copies), 10,080 opportunities
/// and 201,600 visits. One transaction each; returns (opportunities, visits, rows of 回款 and
/// 交付).
pub fn load_copy_pipeline(store: &Store, deals: usize, visits: usize) -> Result<(usize, usize, usize)> {
    let accounts = crate::visits::bulk::accounts(
        &store.conn,
        "id NOT IN (SELECT customer_id FROM opportunity) AND id NOT IN (SELECT customer_id FROM visit)",
    )?;
    let (opportunities, visits) = pipeline::generate(&accounts, deals, visits, 720, store.clock().today(), 0xC0FFEE);
    let (o, v) = store.insert_process_records(&opportunities, visits)?;
    Ok((o, v, after_sale::load(store, AFTER_SALE_SEED)?))
}

/// Gives every customer without purchase records (the generated copies) `products` of the
/// 50-product catalogue for 36 months: 2,016 customers × 14 products ≈ 1M records, the trend
/// benchmark's database. One transaction; returns the number of records.
pub fn load_copy_purchases(store: &Store, products: usize) -> Result<usize> {
    let evaluated = trends::month::of_date(store.clock().today()) - 1;
    let ids = crate::trends::purchases::customers_without_purchases(&store.conn)?;
    let rows = ids.into_iter().enumerate().flat_map(move |(n, id)| {
        let mut records = Vec::new();
        purchases::copy(n, products, evaluated, &mut records);
        records.into_iter().map(move |p| (id, p))
    });
    store.insert_purchases(rows)
}

fn date_ago(today: chrono::NaiveDate, days: i64) -> String {
    (today - chrono::Duration::days(days)).format("%Y-%m-%d").to_string()
}

fn person(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(&SURNAMES), rng.pick(&GIVEN))
}

fn phone(rng: &mut Rng) -> String {
    let prefix = rng.pick(&["138", "139", "136", "186", "158", "177"]);
    format!("{prefix}{:08}", rng.next() % 100_000_000)
}

fn base_profile(i: usize, today: chrono::NaiveDate) -> NewProfile {
    let (name, short, industry, region, ownership, stock) = COMPANIES[i];
    let mut rng = Rng(1000 + i as u64);
    let grade = [Grade::A, Grade::B, Grade::B, Grade::C, Grade::A, Grade::D][i % 6];
    let lifecycle = *rng.pick(Lifecycle::ALL);
    let year = 2025;
    let fields = CustomerFields {
        name: name.into(),
        short_name: short.into(),
        ownership: Some(ownership),
        industry: industry.into(),
        region: region.into(),
        headcount: Some([180, 650, 1200, 3500, 8000, 420][i % 6] + (i as i64) * 17),
        founded: format!("{}", 1985 + (i * 7) % 36),
        stock_code: stock.into(),
        headquarters: format!("{}{}", region.replace('·', ""), rng.pick(&["高新区", "经济开发区", "工业园", "市中心"])),
        subsidiaries: if i.is_multiple_of(3) {
            "华东、华南两个生产基地，香港贸易公司".into()
        } else {
            String::new()
        },
        website: format!("www.{}.com.cn", crate::text::pinyin(short).1),
        grade: Some(grade),
        lifecycle: Some(lifecycle),
        owner: OWNERS[i % OWNERS.len()].into(),
        collaborators: OWNERS[(i + 1) % OWNERS.len()].into(),
        lead_source: Some(*rng.pick(LeadSource::ALL)),
        tags: [vec!["重点客户"], if i.is_multiple_of(4) { vec!["年度框架"] } else { vec![] }]
            .concat()
            .iter()
            .map(|s| s.to_string())
            .collect(),
        notes: String::new(),
    };
    let rising = rng.below(3) != 0;
    let business = MainBusiness {
        lines: vec![
            BusinessLine {
                name: format!("{industry}主业"),
                share: Some(55.0 + (i % 5) as f64 * 4.0),
                products: "核心产品线".into(),
            },
            BusinessLine {
                name: "海外业务".into(), share: Some(15.0), products: "出口东南亚、中东".into()
            },
            BusinessLine {
                name: "售后与服务".into(),
                share: Some(10.0 - (i % 3) as f64 * 2.0),
                products: "备件、维保".into(),
            },
        ],
        main_products: format!("{industry}相关产品及解决方案"),
        market_position: rng.pick(&["细分领域前三", "区域龙头", "行业第二梯队", "新进入者，增长快"]).to_string(),
        trend: Some(if rising { Trend::Rising } else { *rng.pick(&[Trend::Stable, Trend::Declining]) }),
        budget_type: Some(if rising { BudgetType::Expansion } else { BudgetType::Survival }),
    };
    // Customer 0 (华东精密) doubles its inventory days: the signal a new user should see.
    let inventory = if i == 0 {
        [28.0, 30.0, 60.0]
    } else {
        let b = rng.range(25.0, 80.0).round();
        [b, (b * rng.range(0.85, 1.2)).round(), (b * rng.range(0.8, 1.45)).round()]
    };
    let financials = (0..3)
        .map(|k| {
            let revenue = (rng.range(8_000.0, 120_000.0) / 10.0).round() * 10.0;
            FinancialPeriod {
                period: format!("{}", year - 2 + k as i32),
                revenue: Some(revenue),
                gross_margin: Some((rng.range(12.0, 38.0) * 10.0).round() / 10.0),
                net_profit: Some((revenue * rng.range(-0.02, 0.12)).round()),
                inventory_days: Some(inventory[k]),
                receivable_days: Some(rng.range(45.0, 120.0).round()),
                cash_flow: Some(*rng.pick(CashFlow::ALL)),
                source: if ownership == Ownership::Listed { "年报".into() } else { "客户访谈".into() },
            }
        })
        .collect();
    let sp_bp = SpBp {
        sp_goals: format!("三年内营收翻番，成为{industry}领域头部企业"),
        sp_key_projects: "新工厂建设、数字化工厂、海外渠道".into(),
        bp_goals: "今年营收增长20%，毛利率提升2个点".into(),
        bp_key_projects: rng.pick(&["二期产线扩建", "MES系统上线", "供应链降本项目", "新品量产"]).to_string(),
        budget_approved: Some(i % 3 != 1),
        budget_amount: Some((rng.range(50.0, 800.0)).round() * 10.0),
        how_we_help: "用我们的方案缩短交付周期、降低综合采购成本，支撑其BP的降本目标".into(),
    };
    // The showcase account (华东精密, the first) has the full decision chain.
    let n_contacts = if i == 0 { 5 } else { 3 + i % 3 };
    let contacts: Vec<ContactFields> = (0..n_contacts)
        .map(|k| {
            let (title, dept, _, key) = ROLES[k];
            let sensitive = key || k == 3;
            ContactFields {
                name: person(&mut rng),
                title: title.into(),
                department: dept.into(),
                // A small tree: the production manager reports to the technical director.
                reports_to: [None, Some(0), Some(0), Some(2), Some(0)][k],
                phone: phone(&mut rng),
                wechat: format!("wx_{:06}", rng.next() % 1_000_000),
                email: String::new(),
                is_key_person: key,
                traits: rng.pick(&TRAITS).to_string(),
                ice_breakers: rng.pick(&ICE).to_string(),
                hobbies: if sensitive { rng.pick(&HOBBIES).to_string() } else { String::new() },
                preferences: if sensitive { rng.pick(&PREFS).to_string() } else { String::new() },
                pain_points: rng.pick(&PAINS).to_string(),
                career: rng.pick(&CAREERS).to_string(),
                communication_style: rng
                    .pick(&["喜欢微信语音", "邮件为主，正式", "当面沟通效果最好", "电话简短"])
                    .to_string(),
                family: if key { rng.pick(&FAMILY).to_string() } else { String::new() },
                notes: String::new(),
                last_contact: date_ago(today, rng.below(40) as i64),
            }
        })
        .collect();
    let roles: Vec<RoleAssessment> = (0..n_contacts)
        .map(|k| {
            // Most decision makers lean our way: a sample where most deals light red for a
            // missing decision maker would teach a new user to ignore the light.
            let draw = rng.below(5);
            let support = if k == 0 { [-1, 0, 1, 1, 2][draw] } else { draw as i64 - 2 };
            // The evidence note says why the support was judged so.
            let evidence = match support {
                -2 => "与竞品关系密切，多次在会上质疑我方方案",
                -1 => "更倾向现有供应商，对切换顾虑大",
                0 => "对价格敏感，态度中立",
                1 => "上次拜访明确表态支持",
                _ => "主动提供内部信息，帮我们推动立项",
            };
            RoleAssessment {
                contact_id: k as i64,
                buying_role: Some(ROLES[k].2),
                support: Some(support),
                influence: Some([5, 4, 4, 2, 3, 1][k]),
                coverage: Some(*rng.pick(Coverage::ALL)),
                evidence: evidence.into(),
                assessed_on: date_ago(today, rng.below(90) as i64),
            }
        })
        .collect();
    let suppliers = vec![
        Supplier {
            category: "核心部件".into(),
            name: rng.pick(&RIVALS).to_string(),
            share: Some(55.0),
            since: "2019".into(),
            contract_end: format!("{}-12", year + 1),
            allocation_rule: Some(*rng.pick(AllocationRule::ALL)),
            strengths: "品牌强、技术成熟".into(),
            weaknesses: "价格高、响应慢".into(),
            is_us: false,
        },
        Supplier {
            category: "核心部件".into(),
            name: "我司".into(),
            share: Some(25.0),
            since: "2022".into(),
            contract_end: format!("{}-06", year + 1),
            allocation_rule: Some(AllocationRule::QualityFirst),
            strengths: "本地服务、交期快".into(),
            weaknesses: "品牌认知度不足".into(),
            is_us: true,
        },
    ];
    let process_it = ProcessIt {
        procurement: Some(*rng.pick(Procurement::ALL)),
        approval_steps: "需求部门提报 → 技术评估 → 采购比价 → 财务审核 → 总经理审批".into(),
        systems: vec![rng.pick(&SYSTEMS[..4]).to_string(), rng.pick(&SYSTEMS[4..]).to_string()],
        digital_maturity: Some(1 + (i % 5) as i64),
        integration_needs: "希望与其SRM对接，自动同步订单和发货".into(),
    };
    // Each dimension was last touched some days ago; some accounts have not had their
    // financials refreshed for over a year (stale).
    let updated = Section::ALL
        .iter()
        .map(|&section| {
            let days = if section == Section::Financials && i % 5 == 2 { 420 } else { rng.below(120) as i64 };
            (section, format!("{}T09:00:00Z", date_ago(today, days)))
        })
        .collect();
    let power = power_seed(i, &fields.owner, &fields.collaborators, &roles, today);
    let mut p =
        NewProfile { fields, business, financials, sp_bp, suppliers, process_it, contacts, roles, updated, power };
    thin_out(&mut p, i);
    p
}

/// The power map beyond the role table: who of our team covers whom, a few influence and
/// conflict edges, the roles every deal needs, an opportunity scope for every fourth
/// account, and an earlier assessment for every other account (so the timeline and the
/// past view have something to show).
fn power_seed(
    i: usize,
    owner: &str,
    collaborator: &str,
    roles: &[RoleAssessment],
    today: chrono::NaiveDate,
) -> PowerSeed {
    let n = roles.len();
    let ours = |k: usize| if k.is_multiple_of(2) { owner.to_string() } else { collaborator.to_string() };
    let covered_by = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| !matches!(r.coverage, Some(Coverage::None) | None))
        .map(|(k, _)| (k, ours(k)))
        .collect();
    let earlier = if i.is_multiple_of(2) {
        let now = &roles[0];
        let support = now.support.map(|s| if s >= 1 { s - 1 } else { s + 1 });
        vec![RoleAssessment {
            support,
            evidence: "初次拜访印象".into(),
            assessed_on: date_ago(today, 150 + i as i64),
            ..now.clone()
        }]
    } else {
        vec![]
    };
    let edge =
        |kind, from, to, label: &str, days| SeedEdge { kind, from, to, label: label.into(), on: date_ago(today, days) };
    let mut edges = vec![];
    if n >= 3 {
        edges.push(edge(EdgeKind::Influences, 2, 0, "技术方案意见", 60));
    }
    if n >= 4 {
        edges.push(edge(EdgeKind::Influences, 3, 2, "产线反馈", 45));
    }
    if n >= 5 {
        edges.push(edge(EdgeKind::Conflicts, 4, 1, "预算分歧", 30));
    }
    let slot = |buying_role, label: &str| SlotInput { buying_role, label: label.into() };
    let scopes = if i.is_multiple_of(4) && n >= 3 {
        let project = ["MES 项目", "二期产线", "数字化工厂"][i % 3];
        let assessments = (0..n.min(4))
            .map(|k| Assessment {
                contact_id: k as i64,
                buying_role: Some(
                    [BuyingRole::DecisionMaker, BuyingRole::Approver, BuyingRole::Evaluator, BuyingRole::User][k],
                ),
                support: Some([1, 0, 2, -1][k]),
                influence: Some([5, 4, 4, 3][k]),
                coverage: Some([Coverage::Repeated, Coverage::Initial, Coverage::Deep, Coverage::None][k]),
                covered_by: if k == 3 { String::new() } else { ours(k) },
                evidence: ["立项会上表态支持", "关注价格，态度观望", "主导选型，认可我方方案", "担心切换影响生产"][k]
                    .into(),
                assessed_on: date_ago(today, 20 + k as i64),
            })
            .collect();
        vec![SeedScope {
            name: format!("2026 {project}"),
            slots: vec![
                slot(BuyingRole::DecisionMaker, ""),
                slot(BuyingRole::Approver, ""),
                slot(BuyingRole::Evaluator, "技术评估者"),
                slot(BuyingRole::Gatekeeper, "采购"),
            ],
            assessments,
            edges: vec![edge(EdgeKind::Influences, 1, 2, "选型沟通", 15)],
        }]
    } else {
        vec![]
    };
    PowerSeed {
        covered_by,
        earlier: earlier.iter().map(assessment_of).collect(),
        edges,
        slots: vec![slot(BuyingRole::DecisionMaker, ""), slot(BuyingRole::Approver, "")],
        scopes,
    }
}

fn assessment_of(r: &RoleAssessment) -> Assessment {
    Assessment {
        contact_id: r.contact_id,
        buying_role: r.buying_role,
        support: r.support,
        influence: r.influence,
        coverage: r.coverage,
        covered_by: String::new(),
        evidence: r.evidence.clone(),
        assessed_on: r.assessed_on.clone(),
    }
}

/// Real profiles are never complete: leave gaps in some dimensions so completeness varies
/// (and the welcome data shows what an unfinished profile looks like).
fn thin_out(p: &mut NewProfile, i: usize) {
    if i % 7 == 3 {
        p.sp_bp = SpBp { sp_goals: p.sp_bp.sp_goals.clone(), ..Default::default() };
    }
    if i % 6 == 4 {
        p.suppliers.clear();
    }
    if i % 5 == 1 {
        p.process_it = ProcessIt { systems: p.process_it.systems.clone(), ..Default::default() };
    }
    if i % 4 == 2 {
        p.business.market_position.clear();
        p.business.budget_type = None;
        p.fields.website.clear();
        p.fields.headquarters.clear();
    }
    if i % 8 == 6 {
        p.financials.truncate(1);
        p.roles.truncate(1);
    }
}

const CITIES: [&str; 34] = [
    "北京", "上海", "天津", "重庆", "苏州", "无锡", "常州", "南京", "杭州", "宁波", "温州", "绍兴", "合肥", "芜湖",
    "福州", "厦门", "泉州", "南昌", "济南", "青岛", "烟台", "郑州", "洛阳", "武汉", "长沙", "株洲", "广州", "深圳",
    "佛山", "东莞", "成都", "西安", "沈阳", "大连",
];
const WORDS: [&str; 40] = [
    "恒达", "华泰", "鼎盛", "金鹏", "瑞祥", "宏远", "中联", "天成", "永信", "博大", "新华", "汇丰", "正泰", "海天",
    "东升", "国泰", "长城", "富源", "盛世", "万通", "隆基", "德胜", "嘉禾", "同创", "明阳", "远航", "信达", "安吉",
    "卓越", "联合", "兴业", "光明", "志成", "立达", "和信", "鸿运", "金石", "华源", "银河", "凯旋",
];
const SUPPLIER_TRADES: [&str; 5] = ["电气", "自动化", "机电", "传动", "五金"];
const TRADES: [&str; 12] =
    ["机械", "电子", "化工", "食品", "纺织", "物流", "建材", "医药", "环保", "汽配", "能源", "科技"];

/// Generated copy `k` of base customer `i`: a unique name, basic fields, `contacts` contacts
/// (the first a key person; titles cycle through the six roles).
fn copy_profile(k: usize, i: usize, contacts: usize) -> NewProfile {
    let n = k * COMPANIES.len() + i;
    let mut rng = Rng(0xD05_51E2 ^ n as u64);
    let (city, word, trade) = (CITIES[n % 34], WORDS[(n / 34) % 40], TRADES[(n / 1360) % 12]);
    let branch = n / 16_320;
    let name = if branch == 0 {
        format!("{city}{word}{trade}有限公司")
    } else {
        format!("{city}{word}{trade}({})有限公司", CITIES[branch % 34].to_string() + &(branch / 34).to_string())
    };
    let (_, _, industry, region, ownership, _) = COMPANIES[i];
    let fields = CustomerFields {
        name,
        short_name: format!("{word}{trade}"),
        ownership: Some(ownership),
        industry: industry.into(),
        region: region.into(),
        grade: Some(*rng.pick(Grade::ALL)),
        lifecycle: Some(*rng.pick(Lifecycle::ALL)),
        owner: OWNERS[n % OWNERS.len()].into(),
        ..Default::default()
    };
    let contacts = (0..contacts)
        .map(|r| ContactFields {
            name: person(&mut rng),
            title: ROLES[r % ROLES.len()].0.into(),
            department: ROLES[r % ROLES.len()].1.into(),
            phone: phone(&mut rng),
            is_key_person: r == 0,
            ..Default::default()
        })
        .collect();
    // Two incumbent suppliers: one of the known rivals and a local one, named like the
    // customers (some thousands of names), so searching suppliers meets real variety.
    let suppliers = vec![
        Supplier {
            category: "核心部件".into(),
            name: RIVALS[n % RIVALS.len()].into(),
            share: Some(50.0),
            ..Default::default()
        },
        Supplier {
            category: "辅料与备件".into(),
            name: format!("{}{}{}", CITIES[(n / 7) % 34], WORDS[(n / 13) % 40], SUPPLIER_TRADES[n % 5]),
            share: Some(30.0),
            ..Default::default()
        },
    ];
    NewProfile { fields, contacts, suppliers, ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_names_are_unique_up_to_a_million() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..250_000usize {
            let (k, i) = (n / COMPANIES.len() + 1, n % COMPANIES.len());
            assert!(seen.insert(crate::text::customer_key(&copy_profile(k, i, COPY_CONTACTS).fields.name)));
        }
    }

    #[test]
    fn copies_get_the_contacts_asked_for() {
        let p = copy_profile(1, 0, 150);
        assert_eq!(p.contacts.len(), 150);
        assert_eq!(p.contacts.iter().filter(|c| c.is_key_person).count(), 1);
        assert_eq!(copy_profile(1, 0, COPY_CONTACTS).contacts.len(), 2);
    }
}
