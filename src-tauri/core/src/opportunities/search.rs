//! What a deal (商机) contributes to the search index (`search/items.rs`): its name, its
//! competitors and the one it was lost to — names, so found by their pinyin and initials too.

use rusqlite::Connection;

use crate::error::Result;
use crate::opportunities::store::{opportunity_from_row, OPPORTUNITY_COLUMNS};
use crate::opportunities::OpportunityFields;
use crate::search::items::{self, Item, Part};
use crate::search::{HitKind, MatchField};
use crate::settings::StageProbabilities;

pub(crate) fn deal_item(id: i64, customer_id: i64, f: &OpportunityFields) -> Item {
    let mut names = vec![Part::new(MatchField::Name, &f.name)];
    names.extend(f.competitors.iter().map(|c| Part::new(MatchField::Competitor, c)));
    if let Some(r) = &f.lost_review {
        names.push(Part::new(MatchField::LostTo, &r.lost_to));
    }
    Item {
        kind: HitKind::Opportunity,
        ref_id: id,
        customer_id,
        title: f.name.clone(),
        subtitle: String::new(),
        names,
        text: Vec::new(),
    }
}

/// Indexes a deal as just saved.
pub(crate) fn index(conn: &Connection, id: i64, customer_id: i64, f: &OpportunityFields) -> Result<()> {
    items::put(conn, &deal_item(id, customer_id, f))
}

/// Indexes again the deals of live customers that pass `filter` (an SQL condition on
/// `opportunity o` with one parameter `?1`): a deal back from the trash, a customer back from
/// the trash or erased from, every deal (the back-fill).
pub(crate) fn reindex(conn: &Connection, filter: &str, arg: i64) -> Result<()> {
    let probabilities = StageProbabilities::default();
    let mut st = conn.prepare_cached(&format!(
        "SELECT {OPPORTUNITY_COLUMNS} FROM opportunity o JOIN customer c ON c.id = o.customer_id
         WHERE c.deleted_at IS NULL AND ({filter})"
    ))?;
    let mut rows = st.query([arg])?;
    while let Some(r) = rows.next()? {
        let o = opportunity_from_row(r, &probabilities)?;
        index(conn, o.id, o.customer_id, &o.fields)?;
    }
    Ok(())
}

pub(crate) fn reindex_customer(conn: &Connection, customer_id: i64) -> Result<()> {
    reindex(conn, "o.customer_id = ?1", customer_id)
}

pub(crate) fn reindex_deal(conn: &Connection, id: i64) -> Result<()> {
    reindex(conn, "o.id = ?1", id)
}

/// Indexes every live deal (the back-fill of migration 013).
pub(crate) fn reindex_all(conn: &Connection) -> Result<()> {
    reindex(conn, "?1 = 0", 0)
}
