//! The 周会 sections from SQLite, each for a period and a set of owners: one query per list
//! (and one for its total), the follow-up records streamed in chunks with their actions.
//!
//! A month of follow-up records is read customer by customer (`customer CROSS JOIN visit`:
//! the `visit(customer_id, visited_on)` index gives each customer's days as a range), not by
//! scanning every record for its date.

use rusqlite::{Row, Statement, ToSql};

use super::period::Period;
use super::{OwnerOverdue, StageMove};
use crate::error::Result;
use crate::opportunities::store::{opportunity_from_row, OPPORTUNITY_COLUMNS};
use crate::opportunities::{Opportunity, Stage};
use crate::store::code;
use crate::visits::actions::{action_from_row, load_actions, ACTION_COLUMNS, ACTION_FROM};
use crate::visits::store::{attach_action, visit_from_row, VISIT_COLUMNS};
use crate::visits::{NextAction, Visit};
use crate::Store;

/// The period and owners a query is about (周会, the team report), bound by name where its
/// SQL names them.
pub struct Scope {
    /// The period's first and last day; empty for all time.
    from: String,
    to: String,
    owners: Vec<String>,
    owners_json: String,
    today: String,
}

impl Scope {
    /// The `period` (all time: `None`) of the `owners` (everyone: empty), `today` being the
    /// user's day (what is overdue).
    pub fn new(period: Option<&Period>, owners: &[String], today: String) -> Scope {
        let mut owners: Vec<String> = owners.iter().map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect();
        owners.sort();
        owners.dedup();
        Scope {
            from: period.map(Period::from_text).unwrap_or_default(),
            to: period.map(Period::to_text).unwrap_or_default(),
            owners_json: serde_json::to_string(&owners).expect("names serialise"),
            owners,
            today,
        }
    }

    /// Everything: all time, every owner.
    pub fn everything(today: String) -> Scope {
        Scope::new(None, &[], today)
    }

    /// `AND column IN (the owners)`, or nothing when every owner counts.
    pub(crate) fn owned(&self, column: &str) -> String {
        if self.owners.is_empty() {
            String::new()
        } else {
            format!(" AND {column} IN (SELECT value FROM json_each(:owners))")
        }
    }

    /// `AND column BETWEEN the period's days`, or nothing for all time.
    pub(crate) fn during(&self, column: &str) -> String {
        if !self.from.is_empty() {
            format!(" AND {column} BETWEEN :from AND :to")
        } else {
            String::new()
        }
    }

    /// The owners chosen (empty: everyone).
    pub(crate) fn owners(&self) -> &[String] {
        &self.owners
    }

    /// The period's first and last day; `None` for all time.
    pub(crate) fn period(&self) -> Option<(&str, &str)> {
        (!self.from.is_empty()).then_some((self.from.as_str(), self.to.as_str()))
    }

    pub(crate) fn owns(&self, owner: &str) -> bool {
        self.owners.is_empty() || self.owners.iter().any(|o| o == owner)
    }

    /// The named parameters the statement has, from the scope's and `extra`.
    pub(crate) fn args<'a>(
        &'a self,
        st: &Statement,
        extra: &'a [(&'a str, &'a dyn ToSql)],
    ) -> Result<Vec<(&'a str, &'a dyn ToSql)>> {
        let mut args: Vec<(&str, &dyn ToSql)> = Vec::new();
        let scope: [(&str, &dyn ToSql); 4] =
            [(":from", &self.from), (":to", &self.to), (":owners", &self.owners_json), (":today", &self.today)];
        for (name, value) in scope.into_iter().chain(extra.iter().copied()) {
            if st.parameter_index(name)?.is_some() {
                args.push((name, value));
            }
        }
        Ok(args)
    }
}

/// The period's records of live customers of the owners: `FROM` and `WHERE` of [`records`].
fn records_body(s: &Scope) -> String {
    format!(
        "customer c CROSS JOIN visit v ON v.customer_id = c.id WHERE c.deleted_at IS NULL{}{}",
        s.during("v.visited_on"),
        s.owned("c.owner")
    )
}

/// How many actions are loaded at once for a chunk of records.
const CHUNK: usize = 500;

impl Store {
    /// The first column of `sql`'s one row, with the scope's parameters (周会, 业绩).
    pub(crate) fn count(&self, sql: &str, s: &Scope, extra: &[(&str, &dyn ToSql)]) -> Result<i64> {
        let mut st = self.conn.prepare_cached(sql)?;
        let args = s.args(&st, extra)?;
        Ok(st.query_row(args.as_slice(), |r| r.get(0))?)
    }

    /// Every row of `sql` mapped, with the scope's parameters (周会, 业绩).
    pub(crate) fn rows<T>(
        &self,
        sql: &str,
        s: &Scope,
        extra: &[(&str, &dyn ToSql)],
        map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let args = s.args(&st, extra)?;
        let rows = st.query_map(args.as_slice(), map)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// How many follow-up records the period holds for the owners.
    pub(crate) fn weekly_record_count(&self, s: &Scope) -> Result<i64> {
        self.count(&format!("SELECT count(*) FROM {}", records_body(s)), s, &[])
    }

    /// Calls `f` for the first `limit` records of the period, newest first, each with its
    /// next actions (loaded a chunk of records at a time).
    pub(crate) fn for_each_weekly_record(
        &self,
        s: &Scope,
        limit: i64,
        f: &mut dyn FnMut(Visit) -> Result<()>,
    ) -> Result<()> {
        // The page's ids are sorted first (small rows), then their records read.
        let sql = format!(
            "WITH page AS MATERIALIZED (
               SELECT v.id, v.visited_on, v.visited_time FROM {}
               ORDER BY v.visited_on DESC, v.visited_time DESC, v.id DESC LIMIT :limit)
             SELECT {VISIT_COLUMNS} FROM page p JOIN visit v ON v.id = p.id JOIN customer c ON c.id = v.customer_id
               LEFT JOIN opportunity o ON o.id = v.opportunity_id
             ORDER BY p.visited_on DESC, p.visited_time DESC, p.id DESC",
            records_body(s)
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let extra: [(&str, &dyn ToSql); 1] = [(":limit", &limit)];
        let args = s.args(&st, &extra)?;
        let mut rows = st.query_map(args.as_slice(), visit_from_row)?;
        loop {
            let chunk: Vec<Visit> = rows.by_ref().take(CHUNK).collect::<rusqlite::Result<_>>()?;
            if chunk.is_empty() {
                return Ok(());
            }
            let ids = serde_json::to_string(&chunk.iter().map(|v| v.id).collect::<Vec<_>>()).expect("ids serialise");
            let mut actions =
                load_actions(&self.conn, "a.visit_id IN (SELECT value FROM json_each(?1))", &ids, &s.today)?;
            actions.sort_by_key(|a| a.visit_id);
            for mut v in chunk {
                let first = actions.partition_point(|a| a.visit_id < Some(v.id));
                let mine: Vec<NextAction> =
                    actions[first..].iter().take_while(|a| a.visit_id == Some(v.id)).cloned().collect();
                for a in mine {
                    attach_action(&mut v, a);
                }
                f(v)?;
            }
        }
    }

    /// The stage moves of the period (not the creations), latest first, and how many there are.
    pub(crate) fn weekly_moves(&self, s: &Scope, limit: i64) -> Result<(Vec<StageMove>, i64)> {
        let body = format!(
            "stage_change s JOIN opportunity o ON o.id = s.opportunity_id
               JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
             WHERE s.from_stage IS NOT NULL{}{}",
            s.during("s.changed_on"),
            s.owned("o.owner")
        );
        let sql = format!(
            "SELECT s.opportunity_id, o.customer_id, c.name, o.name, o.owner, s.from_stage, s.to_stage, s.changed_on,
                    o.amount, o.stage
             FROM {body} ORDER BY s.changed_on DESC, s.id DESC LIMIT :limit"
        );
        let moves = self.rows(&sql, s, &[(":limit", &limit)], |r| {
            Ok(StageMove {
                opportunity_id: r.get(0)?,
                customer_id: r.get(1)?,
                customer_name: r.get(2)?,
                opportunity_name: r.get(3)?,
                owner: r.get(4)?,
                from: code(r.get(5)?, Stage::from_code).unwrap_or_default(),
                to: code(r.get(6)?, Stage::from_code).unwrap_or_default(),
                changed_on: r.get(7)?,
                amount: r.get(8)?,
                stage_now: code(r.get(9)?, Stage::from_code).unwrap_or_default(),
            })
        })?;
        Ok((moves, self.count(&format!("SELECT count(*) FROM {body}"), s, &[])?))
    }

    /// The deals whose current stage is `stage` (won or lost) and began in the period, latest
    /// first; with how many there are and their amount.
    pub(crate) fn weekly_closed(&self, s: &Scope, stage: Stage, limit: i64) -> Result<(Vec<Opportunity>, i64, f64)> {
        let probabilities = self.settings()?.stage_probabilities;
        let body = format!(
            "opportunity o JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
             WHERE o.stage = :stage{}{}",
            s.during("o.stage_since"),
            s.owned("o.owner")
        );
        let code = stage.code();
        let extra: [(&str, &dyn ToSql); 2] = [(":stage", &code), (":limit", &limit)];
        let sql =
            format!("SELECT {OPPORTUNITY_COLUMNS} FROM {body} ORDER BY o.stage_since DESC, o.id DESC LIMIT :limit");
        let deals = self.rows(&sql, s, &extra, |r| opportunity_from_row(r, &probabilities))?;
        let sql = format!("SELECT count(*), coalesce(sum(o.amount), 0) FROM {body}");
        let mut st = self.conn.prepare_cached(&sql)?;
        let args = s.args(&st, &extra)?;
        let (count, amount) = st.query_row(args.as_slice(), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((deals, count, amount))
    }

    /// The open deals among `ids` of the owners: (id, customer, the day its stage began), for
    /// sorting before any deal is read whole.
    pub(crate) fn weekly_open_deal_keys(&self, s: &Scope, ids: &[i64]) -> Result<Vec<(i64, i64, String)>> {
        let ids = serde_json::to_string(ids).expect("ids serialise");
        let sql = format!(
            "SELECT o.id, o.customer_id, o.stage_since FROM opportunity o JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
             WHERE o.id IN (SELECT value FROM json_each(:ids)) AND o.stage NOT IN ('won', 'lost'){}",
            s.owned("o.owner")
        );
        self.rows(&sql, s, &[(":ids", &ids)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    }

    /// The deals `ids`, whole, in that order.
    pub(crate) fn weekly_deals(&self, ids: &[i64]) -> Result<Vec<Opportunity>> {
        let probabilities = self.settings()?.stage_probabilities;
        let json = serde_json::to_string(ids).expect("ids serialise");
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {OPPORTUNITY_COLUMNS} FROM json_each(?1) j JOIN opportunity o ON o.id = j.value
               JOIN customer c ON c.id = o.customer_id ORDER BY j.key"
        ))?;
        let deals =
            st.query_map([json], |r| opportunity_from_row(r, &probabilities))?.collect::<rusqlite::Result<_>>()?;
        Ok(deals)
    }

    /// Overdue actions today of the owners: per owner (most first), and the first `limit` by
    /// owner and due date.
    pub(crate) fn weekly_overdue(&self, s: &Scope, limit: i64) -> Result<(Vec<OwnerOverdue>, Vec<NextAction>)> {
        let filter = format!(
            "a.status <> 'done' AND a.due_date <> '' AND a.due_date < :today AND c.deleted_at IS NULL{}",
            s.owned("a.owner")
        );
        let sql = format!(
            "SELECT a.owner, count(*), min(a.due_date) FROM {ACTION_FROM} WHERE {filter}
             GROUP BY a.owner ORDER BY count(*) DESC, a.owner"
        );
        let by_owner =
            self.rows(&sql, s, &[], |r| Ok(OwnerOverdue { owner: r.get(0)?, count: r.get(1)?, earliest: r.get(2)? }))?;
        let sql = format!(
            "SELECT {ACTION_COLUMNS} FROM {ACTION_FROM} WHERE {filter} ORDER BY a.owner, a.due_date, a.id LIMIT :limit"
        );
        let actions = self.rows(&sql, s, &[(":limit", &limit)], |r| action_from_row(r, &s.today))?;
        Ok((by_owner, actions))
    }

    /// Every 负责人 written on a live customer or a deal, in name order.
    pub(crate) fn known_owners(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT owner FROM customer WHERE deleted_at IS NULL AND owner <> ''
             UNION SELECT owner FROM opportunity WHERE owner <> '' ORDER BY 1",
        )?;
        let owners = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(owners)
    }
}
