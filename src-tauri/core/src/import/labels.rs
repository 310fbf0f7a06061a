//! Enumerations as spreadsheets spell them: Chinese labels (国企, 跟进中, A类), English
//! labels and the stored codes all read as the same value.

use crate::customers::{Grade, LeadSource, Lifecycle, Ownership};
use crate::text::half_width;

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
    }
}
