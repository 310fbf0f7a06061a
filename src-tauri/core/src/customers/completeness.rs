//! Completeness and staleness of the eight dimensions. Completeness is the share of the
//! fields an account manager should know that are filled; a dimension is stale when it has
//! not been updated for `stale_months` (financials older than a year are worth re-checking).

use chrono::{Months, NaiveDate};

use crate::customers::{CustomerProfile, Section, SectionStatus};

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// Percentage of `true`s, rounded.
fn pct(checks: &[bool]) -> i64 {
    if checks.is_empty() {
        return 0;
    }
    let n = checks.iter().filter(|b| **b).count();
    ((n as f64 * 100.0) / checks.len() as f64).round() as i64
}

/// 0–100 for one dimension of the profile.
pub fn completeness(p: &CustomerProfile, section: Section) -> i64 {
    let f = &p.customer.fields;
    match section {
        Section::Overview => pct(&[
            filled(&f.short_name),
            f.ownership.is_some(),
            filled(&f.industry),
            filled(&f.region),
            f.headcount.is_some(),
            filled(&f.founded),
            filled(&f.headquarters),
            filled(&f.website),
            f.grade.is_some(),
            f.lifecycle.is_some(),
            filled(&f.owner),
        ]),
        Section::Business => {
            let b = &p.business;
            pct(&[
                !b.lines.is_empty(),
                b.lines.iter().any(|l| l.share.is_some()),
                filled(&b.main_products),
                filled(&b.market_position),
                b.trend.is_some(),
                b.budget_type.is_some(),
            ])
        }
        Section::Financials => match p.financials.last() {
            None => 0,
            Some(last) => {
                // The latest period's figures, and a second period to compare against.
                pct(&[
                    last.revenue.is_some(),
                    last.gross_margin.is_some(),
                    last.net_profit.is_some(),
                    last.inventory_days.is_some(),
                    last.receivable_days.is_some(),
                    last.cash_flow.is_some(),
                    p.financials.len() >= 2,
                ])
            }
        },
        Section::SpBp => {
            let s = &p.sp_bp;
            pct(&[
                filled(&s.sp_goals),
                filled(&s.sp_key_projects),
                filled(&s.bp_goals),
                filled(&s.bp_key_projects),
                s.budget_approved.is_some(),
                filled(&s.how_we_help),
            ])
        }
        Section::PowerMap => {
            if p.contacts.is_empty() {
                return 0;
            }
            // Every contact assessed (role + support), and someone who decides identified.
            let mut checks: Vec<bool> = p
                .contacts
                .iter()
                .map(|c| p.roles.iter().any(|r| r.contact_id == c.id && r.buying_role.is_some() && r.support.is_some()))
                .collect();
            checks.push(p.roles.iter().any(|r| {
                matches!(
                    r.buying_role,
                    Some(crate::customers::BuyingRole::DecisionMaker | crate::customers::BuyingRole::Approver)
                )
            }));
            pct(&checks)
        }
        Section::KeyPersons => {
            let keys: Vec<_> = p.contacts.iter().filter(|c| c.fields.is_key_person).collect();
            if keys.is_empty() {
                return 0;
            }
            let total: i64 = keys
                .iter()
                .map(|c| {
                    let k = &c.fields;
                    pct(&[
                        filled(&k.title),
                        filled(&k.phone) || filled(&k.wechat),
                        filled(&k.traits),
                        filled(&k.ice_breakers),
                        filled(&k.hobbies),
                        filled(&k.preferences),
                        filled(&k.pain_points),
                        filled(&k.career),
                        filled(&k.family),
                    ])
                })
                .sum();
            total / keys.len() as i64
        }
        Section::Suppliers => {
            if p.suppliers.is_empty() {
                return 0;
            }
            let checks: Vec<bool> = p
                .suppliers
                .iter()
                .flat_map(|s| [s.share.is_some(), filled(&s.contract_end), s.allocation_rule.is_some()])
                .chain([p.suppliers.iter().any(|s| s.is_us)])
                .collect();
            pct(&checks)
        }
        Section::ProcessIt => {
            let x = &p.process_it;
            pct(&[
                x.procurement.is_some(),
                filled(&x.approval_steps),
                !x.systems.is_empty(),
                x.digital_maturity.is_some(),
                filled(&x.integration_needs),
            ])
        }
    }
}

/// The status line of every dimension, in page order.
pub fn sections(
    p: &CustomerProfile,
    updates: &[(Section, String)],
    stale_months: i64,
    today: NaiveDate,
) -> Vec<SectionStatus> {
    let cutoff = today.checked_sub_months(Months::new(stale_months.clamp(0, 1200) as u32));
    Section::ALL
        .iter()
        .map(|&section| {
            let updated_at = updates.iter().find(|(s, _)| *s == section).map(|(_, at)| at.clone());
            let completeness = completeness(p, section);
            let stale = match (&updated_at, cutoff) {
                (Some(at), Some(cutoff)) if completeness > 0 => parse_date(at).is_some_and(|d| d < cutoff),
                _ => false,
            };
            SectionStatus { section, updated_at, completeness, stale }
        })
        .collect()
}

/// The date part of a stored timestamp (`2026-11-23T12:00:00Z`).
fn parse_date(ts: &str) -> Option<NaiveDate> {
    ts.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The profile's overall score: the mean of the eight dimensions.
pub fn overall(sections: &[SectionStatus]) -> i64 {
    if sections.is_empty() {
        return 0;
    }
    let sum: i64 = sections.iter().map(|s| s.completeness).sum();
    (sum as f64 / sections.len() as f64).round() as i64
}

/// The overall score of a profile as stored, without dates: what [`overall`] gives for its
/// [`sections`].
pub fn score(p: &CustomerProfile) -> i64 {
    let sections: Vec<SectionStatus> = Section::ALL
        .iter()
        .map(|&section| SectionStatus {
            section,
            updated_at: None,
            completeness: completeness(p, section),
            stale: false,
        })
        .collect();
    overall(&sections)
}
