//! The home page (今日): actions due today and overdue, customers with a red light (from the
//! whole portfolio's evaluation), opportunities closing this month, won deals' overdue
//! installments and delivery milestones.

use chrono::Datelike;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::activity::{HomeData, HomeQuery};
use crate::error::Result;
use crate::opportunities::pipeline::probability_sql;
use crate::opportunities::store::{opportunity_from_row, OPPORTUNITY_COLUMNS};
use crate::risk::RiskLevel;
use crate::visits::actions::{action_from_row, ACTION_COLUMNS, ACTION_FROM};
use crate::visits::NextAction;
use crate::Store;

/// `AND column IN (…)` for a non-empty owner list, with its arguments after `first`.
fn owners_in(column: &str, owners: &[String], first: Value) -> (String, Vec<Value>) {
    let mut args = vec![first];
    if owners.is_empty() {
        return (String::new(), args);
    }
    args.extend(owners.iter().cloned().map(Value::Text));
    (format!(" AND {column} IN ({})", vec!["?"; owners.len()].join(", ")), args)
}

impl Store {
    /// Open actions whose due date compares with today by `op`, with the total.
    fn open_actions(&self, op: &str, q: &HomeQuery) -> Result<(Vec<NextAction>, i64)> {
        let today = self.today_text();
        let (owners, args) = owners_in("a.owner", &q.owners, Value::Text(today.clone()));
        let filter =
            format!("a.status <> 'done' AND a.due_date <> '' AND a.due_date {op} ? AND c.deleted_at IS NULL{owners}");
        let total = self.conn.query_row(
            &format!("SELECT count(*) FROM {ACTION_FROM} WHERE {filter}"),
            params_from_iter(&args),
            |r| r.get(0),
        )?;
        let mut st = self.conn.prepare(&format!(
            "SELECT {ACTION_COLUMNS} FROM {ACTION_FROM} WHERE {filter} ORDER BY a.due_date, c.name, a.id LIMIT {}",
            q.limit.clamp(1, 200)
        ))?;
        let rows =
            st.query_map(params_from_iter(&args), |r| action_from_row(r, &today))?.collect::<rusqlite::Result<_>>()?;
        Ok((rows, total))
    }

    /// 今日 for the owners asked for (everyone when none).
    pub fn home(&self, q: &HomeQuery) -> Result<HomeData> {
        let today = self.clock.today();
        let (due_today, due_today_total) = self.open_actions("=", q)?;
        let (overdue, overdue_total) = self.open_actions("<", q)?;

        let lights = self.lights(None, true)?;
        let mut red = self.customer_rows(lights.customer_ids().collect(), &lights)?;
        red.retain(|c| c.risk.level == RiskLevel::Red && (q.owners.is_empty() || q.owners.contains(&c.owner)));
        red.sort_by(|a, b| {
            b.risk.reasons.len().cmp(&a.risk.reasons.len()).then_with(|| a.customer_name.cmp(&b.customer_name))
        });
        let red_total = red.len() as i64;
        red.truncate(q.limit.clamp(1, 200) as usize);

        let month = format!("{:04}-{:02}", today.year(), today.month());
        let (owners, args) = owners_in("o.owner", &q.owners, Value::Text(month));
        let filter = format!(
            "c.deleted_at IS NULL AND o.stage NOT IN ('won', 'lost') AND o.expected_close >= ?1 || '-01'
             AND o.expected_close <= ?1 || '-31'{owners}"
        );
        let from = "opportunity o JOIN customer c ON c.id = o.customer_id";
        let probability = probability_sql(&self.settings()?.stage_probabilities);
        let (closing_total, closing_amount, closing_weighted): (i64, Option<f64>, Option<f64>) = self.conn.query_row(
            &format!(
                "SELECT count(*), sum(o.amount), sum(o.amount * {probability} / 100.0) FROM {from} WHERE {filter}"
            ),
            params_from_iter(&args),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let p = self.settings()?.stage_probabilities;
        let mut st = self.conn.prepare(&format!(
            "SELECT {OPPORTUNITY_COLUMNS} FROM {from} WHERE {filter} ORDER BY o.expected_close, o.amount DESC LIMIT {}",
            q.limit.clamp(1, 200)
        ))?;
        let closing = st
            .query_map(params_from_iter(&args), |r| opportunity_from_row(r, &p))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let closing = closing
            .into_iter()
            .map(|o| crate::opportunities::OpportunityRow {
                risk: lights.opportunity(o.id, o.customer_id, o.fields.stage.is_open()),
                opportunity: o,
            })
            .collect();
        let (won_overdue, won_overdue_total) = self.won_overdue(&q.owners, q.limit.clamp(1, 200) as usize)?;
        Ok(HomeData {
            today: self.today_text(),
            due_today,
            due_today_total,
            overdue,
            overdue_total,
            red_customers: red,
            red_total,
            closing,
            closing_total,
            closing_amount: closing_amount.unwrap_or(0.0),
            closing_weighted: ((closing_weighted.unwrap_or(0.0)) * 100.0).round() / 100.0,
            won_overdue,
            won_overdue_total,
        })
    }
}
