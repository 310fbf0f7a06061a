//! Reading the power map: today's view of a scope, the view as of a past date and its
//! difference from today, the timeline, the coverage view, the scope picker; and the
//! layout writes (dragged positions, reset).

use std::collections::{BTreeMap, HashMap};

use rusqlite::params;

use super::{check_scope, db_scope, load_contacts, load_history, load_positions, load_slots, load_state};
use crate::customers::store::load_customer;
use crate::customers::StatusLight;
use crate::error::{CoreError, Reason, Result};
use crate::powermap::state::{self, HistoryRow, MapState};
use crate::powermap::view::{self, ViewInput};
use crate::powermap::{validate, Assessment, CoverageRow, HistoryEntry, MapDiff, MapView, NodePosition, ScopeSummary};
use crate::store::Store;

fn check_date(date: &str) -> Result<String> {
    let d = date.trim();
    if d.len() == 10 && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok() {
        Ok(d.to_string())
    } else {
        Err(CoreError::validation_detail("date", Reason::InvalidDate, "YYYY-MM-DD"))
    }
}

impl Store {
    /// Every scope of a customer for the picker: the account-wide map first, then the named
    /// scopes by name, each with its status light.
    pub fn power_scopes(&self, customer_id: i64) -> Result<Vec<ScopeSummary>> {
        load_customer(&self.conn, customer_id)?;
        let contacts = load_contacts(&self.conn, customer_id, false)?;
        let mut by_scope: BTreeMap<i64, BTreeMap<i64, Assessment>> = BTreeMap::new();
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT scope_id, {} FROM role_assessment WHERE customer_id = ?1",
            super::ASSESSMENT_COLUMNS
        ))?;
        for row in st.query_map([customer_id], |r| Ok((r.get::<_, i64>(0)?, super::assessment_from_row(r, 1)?)))? {
            let (scope, a) = row?;
            by_scope.entry(scope).or_default().insert(a.contact_id, a);
        }
        let named: Vec<(i64, String)> = self
            .conn
            .prepare_cached("SELECT id, name FROM power_scope WHERE customer_id = ?1 ORDER BY name, id")?
            .query_map([customer_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut state = MapState { contacts, ..Default::default() };
        let mut light = |scope: Option<i64>| -> Result<StatusLight> {
            state.assessments = by_scope.remove(&db_scope(scope)).unwrap_or_default();
            state.keep_present();
            Ok(view::status_of(&state, &load_slots(&self.conn, customer_id, scope)?).light)
        };
        let mut out = vec![ScopeSummary { id: None, name: String::new(), light: light(None)? }];
        for (id, name) in named {
            out.push(ScopeSummary { id: Some(id), name, light: light(Some(id))? });
        }
        Ok(out)
    }

    /// Today's map of a scope (`None` = account-wide): everything the map view draws.
    pub fn power_map(&self, customer_id: i64, scope: Option<i64>) -> Result<MapView> {
        let scope_name = check_scope(&self.conn, customer_id, scope)?;
        let state = load_state(&self.conn, customer_id, scope)?;
        self.map_view(customer_id, scope, scope_name, &state, None)
    }

    /// The scope's map as it was at the end of `date` (YYYY-MM-DD): the contacts that
    /// existed then, their assessments and the edges as they were (today's slots, names and
    /// saved positions).
    pub fn power_map_as_of(&self, customer_id: i64, scope: Option<i64>, date: &str) -> Result<MapView> {
        let date = check_date(date)?;
        let scope_name = check_scope(&self.conn, customer_id, scope)?;
        let past = self.past_state(customer_id, scope, &date)?;
        self.map_view(customer_id, scope, scope_name, &past, Some(date))
    }

    /// The view of `state` with the scope's (current) slots and saved positions.
    fn map_view(
        &self,
        customer_id: i64,
        scope: Option<i64>,
        scope_name: String,
        state: &MapState,
        as_of: Option<String>,
    ) -> Result<MapView> {
        let slots = load_slots(&self.conn, customer_id, scope)?;
        let saved = load_positions(&self.conn, customer_id, scope)?;
        Ok(view::build(ViewInput {
            customer_id,
            scope_id: scope,
            scope_name,
            scopes: self.power_scopes(customer_id)?,
            state,
            slots: &slots,
            saved: &saved,
            as_of,
        }))
    }

    fn past_state(&self, customer_id: i64, scope: Option<i64>, date: &str) -> Result<MapState> {
        let full = MapState {
            contacts: load_contacts(&self.conn, customer_id, true)?,
            assessments: super::load_assessments(&self.conn, customer_id, scope)?,
            edges: super::load_edges(&self.conn, customer_id, scope)?,
        };
        Ok(full.as_of(&load_history(&self.conn, customer_id)?, scope, date))
    }

    /// What changed between the end of `date` and today: new and removed contacts, changed
    /// assessments (support, role…), added and removed edges, and the light then and now.
    pub fn power_map_diff(&self, customer_id: i64, scope: Option<i64>, date: &str) -> Result<MapDiff> {
        let date = check_date(date)?;
        check_scope(&self.conn, customer_id, scope)?;
        let then = self.past_state(customer_id, scope, &date)?;
        let now = load_state(&self.conn, customer_id, scope)?;
        let slots = load_slots(&self.conn, customer_id, scope)?;
        Ok(state::diff(&date, &then, &now, view::status_of(&then, &slots), view::status_of(&now, &slots)))
    }

    /// The scope's timeline, newest first (at most `limit` entries; 0 = all): assessment
    /// changes of the scope, and the reports-to and edge changes its map shows.
    pub fn power_map_history(&self, customer_id: i64, scope: Option<i64>, limit: i64) -> Result<Vec<HistoryEntry>> {
        check_scope(&self.conn, customer_id, scope)?;
        let mut rows: Vec<HistoryRow> =
            load_history(&self.conn, customer_id)?.into_iter().filter(|r| state::in_scope(r, scope)).collect();
        rows.sort_by(|a, b| b.changed_on.cmp(&a.changed_on).then(b.id.cmp(&a.id)));
        if limit > 0 {
            rows.truncate(limit as usize);
        }
        let names: HashMap<i64, String> =
            load_contacts(&self.conn, customer_id, false)?.into_iter().map(|c| (c.id, c.name)).collect();
        Ok(rows.iter().map(|r| state::entry(r, &names)).collect())
    }

    /// The coverage view of a scope: who of our team covers each contact and how deep;
    /// influential contacts (≥ 4) nobody covers are flagged and listed first.
    pub fn power_coverage(&self, customer_id: i64, scope: Option<i64>) -> Result<Vec<CoverageRow>> {
        check_scope(&self.conn, customer_id, scope)?;
        Ok(view::coverage(&load_state(&self.conn, customer_id, scope)?))
    }

    /// Remembers where the user dropped nodes (merged with the earlier ones).
    pub fn save_positions(&self, customer_id: i64, scope: Option<i64>, positions: &[NodePosition]) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        let live: std::collections::HashSet<i64> =
            load_contacts(&self.conn, customer_id, false)?.iter().map(|c| c.id).collect();
        for (i, p) in positions.iter().enumerate() {
            validate::position(i, p)?;
            if !live.contains(&p.contact_id) {
                return Err(CoreError::validation(format!("positions.{i}.contactId"), Reason::InvalidReference));
            }
        }
        let tx = self.conn.unchecked_transaction()?;
        let mut st = tx.prepare_cached(
            "INSERT INTO power_position (customer_id, scope_id, contact_id, x, y) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (scope_id, contact_id) DO UPDATE SET x = excluded.x, y = excluded.y",
        )?;
        for p in positions {
            st.execute(params![customer_id, db_scope(scope), p.contact_id, p.x, p.y])?;
        }
        drop(st);
        tx.commit()?;
        self.power_map(customer_id, scope)
    }

    /// "Reset layout": forgets the scope's dragged positions.
    pub fn reset_layout(&self, customer_id: i64, scope: Option<i64>) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        self.conn.execute(
            "DELETE FROM power_position WHERE customer_id = ?1 AND scope_id = ?2",
            params![customer_id, db_scope(scope)],
        )?;
        self.power_map(customer_id, scope)
    }
}
