//! Enumerations as spreadsheets spell them: Chinese labels (国企, 跟进中, A类), English
//! labels and the stored codes all read as the same value.

use crate::customers::{Grade, LeadSource, Lifecycle, Ownership};
use crate::opportunities::{LostReason, Stage};
use crate::text::half_width;
use crate::visits::VisitMethod;

fn key(s: &str) -> String {
    half_width(s).trim().to_lowercase().replace([' ', '_', '-'], "")
}

/// Looks `text` up in `(value, spellings)`; the stored code of each value also matches.
fn lookup<T: Copy>(text: &str, table: &[(T, &[&str])], code: fn(T) -> &'static str) -> Option<T> {
    let k = key(text);
    table.iter().find(|(v, spellings)| key(code(*v)) == k || spellings.iter().any(|s| key(s) == k)).map(|(v, _)| *v)
}

pub fn grade(text: &str) -> Option<Grade> {
    // "A", "a", "A类", "A级", "A类客户".
    let k = key(text);
    let first = k.chars().next()?;
    let rest: String = k.chars().skip(1).collect();
    if !matches!(rest.as_str(), "" | "类" | "级" | "类客户" | "级客户") {
        return None;
    }
    Grade::from_code(&first.to_ascii_uppercase().to_string())
}

pub fn lifecycle(text: &str) -> Option<Lifecycle> {
    use Lifecycle::*;
    lookup(
        text,
        &[
            (New, &["新建", "新客户", "潜在客户", "线索"]),
            (Interested, &["有意向", "意向客户", "意向"]),
            (Following, &["跟进中", "跟进", "沟通中", "following up"]),
            (Quoting, &["报价中", "报价", "已报价"]),
            (Negotiating, &["谈判中", "谈判", "商务谈判"]),
            (Won, &["已成交", "成交", "签约", "已签约"]),
            (Existing, &["老客户", "合作中", "长期合作"]),
            (Lost, &["流失", "已流失", "丢单", "lost"]),
        ],
        Lifecycle::code,
    )
}

pub fn ownership(text: &str) -> Option<Ownership> {
    use Ownership::*;
    lookup(
        text,
        &[
            (StateOwned, &["国企", "国有企业", "国有", "央企", "state-owned", "soe"]),
            (Private, &["民企", "民营企业", "民营", "私营", "私企"]),
            (Foreign, &["外企", "外资", "外资企业", "外商独资"]),
            (JointVenture, &["合资", "中外合资", "合资企业", "jv"]),
            (Listed, &["上市公司", "上市", "listed company"]),
            (PublicInstitution, &["事业单位", "机关事业单位", "政府机关", "public institution"]),
        ],
        Ownership::code,
    )
}

pub fn lead_source(text: &str) -> Option<LeadSource> {
    use LeadSource::*;
    lookup(
        text,
        &[
            (Campaign, &["市场活动", "活动", "会议"]),
            (Advertising, &["广告", "投放"]),
            (Referral, &["转介绍", "介绍", "老客户介绍"]),
            (TradeShow, &["展会", "展览会"]),
            (Livestream, &["直播"]),
            (Website, &["官网", "网站", "官网咨询"]),
            (Channel, &["渠道", "代理商", "经销商"]),
            (SelfSourced, &["自拓", "陌拜", "自主开发", "自己开发"]),
        ],
        LeadSource::code,
    )
}

/// 沟通方式: the form's labels and what CRMs call them (上门拜访, 电话沟通, 腾讯会议).
pub fn visit_method(text: &str) -> Option<VisitMethod> {
    use VisitMethod::*;
    lookup(
        text,
        &[
            (Meeting, &["面谈", "拜访", "上门拜访", "上门", "现场", "面访", "会面", "见面", "现场拜访", "visit"]),
            (Phone, &["电话", "电话沟通", "电话拜访", "通话", "call", "phone call", "telephone"]),
            (
                Video,
                &["视频", "视频会议", "线上会议", "腾讯会议", "钉钉会议", "远程会议", "video call", "online meeting"],
            ),
            (Wechat, &["微信", "微信沟通", "企业微信", "weixin"]),
            (Email, &["邮件", "电子邮件", "邮箱", "e-mail", "mail"]),
        ],
        VisitMethod::code,
    )
}

/// 阶段 of an opportunity: the form's labels and the usual CRM words (赢单, 输单, 签约).
pub fn stage(text: &str) -> Option<Stage> {
    use Stage::*;
    lookup(
        text,
        &[
            (Initiation, &["立项", "线索", "初步接洽", "初步沟通", "商机发现"]),
            (Needs, &["需求确认", "需求", "需求分析", "需求调研", "needs confirmed"]),
            (Solution, &["方案", "方案设计", "方案交流", "方案阶段", "proposal"]),
            (Quote, &["报价", "已报价", "报价阶段", "投标", "quotation"]),
            (Negotiation, &["谈判", "商务谈判", "议价"]),
            (Contract, &["合同", "签约", "合同签订", "签合同"]),
            (Won, &["成交", "赢单", "已成交", "已签约", "closed won"]),
            (Lost, &["丢单", "输单", "已丢单", "失败", "closed lost"]),
        ],
        Stage::code,
    )
}

/// 丢单原因.
pub fn lost_reason(text: &str) -> Option<LostReason> {
    use LostReason::*;
    lookup(
        text,
        &[
            (Price, &["价格", "价格高", "价格原因"]),
            (Product, &["产品技术", "产品", "技术", "产品不满足"]),
            (Relationship, &["客户关系", "关系"]),
            (Budget, &["预算取消", "预算", "无预算"]),
            (Timing, &["时机延期", "延期", "项目延期", "时机"]),
            (Service, &["服务交付", "服务", "交付"]),
            (Other, &["其他", "其它"]),
        ],
        LostReason::code,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_chinese_english_and_codes() {
        assert_eq!(grade("A类"), Some(Grade::A));
        assert_eq!(grade(" b "), Some(Grade::B));
        assert_eq!(grade("Ｃ级客户"), Some(Grade::C));
        assert_eq!(grade("AB"), None);
        assert_eq!(grade("重要"), None);
        assert_eq!(lifecycle("跟进中"), Some(Lifecycle::Following));
        assert_eq!(lifecycle("Following up"), Some(Lifecycle::Following));
        assert_eq!(lifecycle("quoting"), Some(Lifecycle::Quoting));
        assert_eq!(ownership("民营企业"), Some(Ownership::Private));
        assert_eq!(ownership("state_owned"), Some(Ownership::StateOwned));
        assert_eq!(lead_source("展会"), Some(LeadSource::TradeShow));
        assert_eq!(lead_source("朋友圈"), None);
        assert_eq!(visit_method("上门拜访"), Some(VisitMethod::Meeting));
        assert_eq!(visit_method("腾讯会议"), Some(VisitMethod::Video));
        assert_eq!(visit_method("wechat"), Some(VisitMethod::Wechat));
        assert_eq!(visit_method("飞鸽传书"), None);
        assert_eq!(stage("赢单"), Some(Stage::Won));
        assert_eq!(stage("商务谈判"), Some(Stage::Negotiation));
        assert_eq!(stage("quote"), Some(Stage::Quote));
        assert_eq!(stage("快成了"), None);
        assert_eq!(lost_reason("价格"), Some(LostReason::Price));
    }
}
