//! What a duplicate row changes in the record that exists: 只补空白 (`Fill`) sets only the
//! empty fields, 覆盖 (`Overwrite`) replaces them with the file's non-empty values, 跳过
//! (`Skip`) changes nothing.

use super::OnDuplicate;
use crate::customers::{ContactFields, CustomerFields};

/// Sets `dst` from `src` per the duplicate rule; true when it changed.
fn merge_text(dst: &mut String, src: &str, mode: OnDuplicate) -> bool {
    let take = !src.is_empty() && (mode == OnDuplicate::Overwrite || dst.trim().is_empty()) && dst != src;
    if take {
        *dst = src.to_string();
    }
    take
}

fn merge_opt<T: PartialEq + Clone>(dst: &mut Option<T>, src: &Option<T>, mode: OnDuplicate) -> bool {
    let take = src.is_some() && (mode == OnDuplicate::Overwrite || dst.is_none()) && dst != src;
    if take {
        *dst = src.clone();
    }
    take
}

/// The existing customer with the file's values merged in, if anything changes.
pub(super) fn merge_customer(
    existing: &CustomerFields,
    file: &CustomerFields,
    mode: OnDuplicate,
) -> Option<CustomerFields> {
    if mode == OnDuplicate::Skip {
        return None;
    }
    let mut m = existing.clone();
    let changed = [
        merge_text(&mut m.short_name, &file.short_name, mode),
        merge_opt(&mut m.ownership, &file.ownership, mode),
        merge_text(&mut m.industry, &file.industry, mode),
        merge_text(&mut m.region, &file.region, mode),
        merge_opt(&mut m.headcount, &file.headcount, mode),
        merge_text(&mut m.founded, &file.founded, mode),
        merge_text(&mut m.stock_code, &file.stock_code, mode),
        merge_text(&mut m.headquarters, &file.headquarters, mode),
        merge_text(&mut m.website, &file.website, mode),
        merge_opt(&mut m.grade, &file.grade, mode),
        merge_opt(&mut m.lifecycle, &file.lifecycle, mode),
        merge_text(&mut m.owner, &file.owner, mode),
        merge_opt(&mut m.lead_source, &file.lead_source, mode),
        merge_text(&mut m.notes, &file.notes, mode),
    ];
    let mut tags_changed = false;
    for t in &file.tags {
        if !m.tags.contains(t) {
            m.tags.push(t.clone());
            tags_changed = true;
        }
    }
    (changed.iter().any(|c| *c) || tags_changed).then_some(m)
}

/// The existing contact with the file's values merged in, if anything changes.
pub(super) fn merge_contact(
    existing: &ContactFields,
    file: &ContactFields,
    mode: OnDuplicate,
) -> Option<ContactFields> {
    if mode == OnDuplicate::Skip {
        return None;
    }
    let mut m = existing.clone();
    let changed = [
        merge_text(&mut m.title, &file.title, mode),
        merge_text(&mut m.department, &file.department, mode),
        merge_text(&mut m.phone, &file.phone, mode),
        merge_text(&mut m.wechat, &file.wechat, mode),
        merge_text(&mut m.email, &file.email, mode),
    ];
    changed.iter().any(|c| *c).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_merges_only_empty_fields_and_overwrite_replaces() {
        let existing = CustomerFields { name: "甲".into(), industry: "制造".into(), ..Default::default() };
        let file =
            CustomerFields {
                name: "甲".into(), industry: "化工".into(), region: "苏州".into(), ..Default::default()
            };
        let filled = merge_customer(&existing, &file, OnDuplicate::Fill).unwrap();
        assert_eq!((filled.industry.as_str(), filled.region.as_str()), ("制造", "苏州"));
        let over = merge_customer(&existing, &file, OnDuplicate::Overwrite).unwrap();
        assert_eq!(over.industry, "化工");
        assert_eq!(merge_customer(&existing, &file, OnDuplicate::Skip), None);
        assert_eq!(merge_customer(&over, &file, OnDuplicate::Overwrite), None, "nothing left to change");
    }
}
