//! The pipeline: the opportunity table, the kanban, and the analytics (weighted forecast by
//! month and owner, funnel, lost-deal analysis) — filtered and aggregated in SQL, only pages
//! and sums cross to the UI.

use std::collections::HashMap;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::error::Result;
use crate::opportunities::stages::{rank, PIPELINE};
use crate::opportunities::store::{opportunity_from_row, OPPORTUNITY_COLUMNS};
use crate::opportunities::{
    BoardColumn, ForecastRow, FunnelStep, LostRow, Opportunity, OpportunityPage, OpportunityQuery, OpportunityRow,
    OpportunitySort, PipelineAnalytics, Stage,
};
use crate::settings::StageProbabilities;
use crate::store::code;
use crate::Store;

/// The probability in use as an SQL expression over `o` (the override, else the stage's default).
pub(crate) fn probability_sql(p: &StageProbabilities) -> String {
    let defaults: Vec<String> = Stage::ALL.iter().map(|&s| format!("WHEN '{}' THEN {}", s.code(), p.of(s))).collect();
    format!(
        "(CASE WHEN o.stage IN ('won', 'lost') OR o.probability IS NULL THEN (CASE o.stage {} ELSE 0 END) ELSE o.probability END)",
        defaults.join(" ")
    )
}

/// `o.stage` as its position in the pipeline (立项 first, 成交 and 丢单 last): the codes sorted
/// as text would put 报价 (quote) after 丢单 (lost).
fn stage_order_sql() -> String {
    let whens: Vec<String> =
        Stage::ALL.iter().enumerate().map(|(i, s)| format!("WHEN '{}' THEN {i}", s.code())).collect();
    format!("(CASE o.stage {} END)", whens.join(" "))
}

/// The conditions of a query over `opportunity o JOIN customer c`, with their arguments.
fn conditions(q: &OpportunityQuery) -> (String, Vec<Value>) {
    let mut conds = vec!["c.deleted_at IS NULL".to_string()];
    let mut args: Vec<Value> = Vec::new();
    if let Some(id) = q.customer_id {
        conds.push("o.customer_id = ?".into());
        args.push(Value::Integer(id));
    }
    for (column, values) in [
        ("o.owner", q.owners.clone()),
        ("c.grade", q.grades.iter().map(|g| g.code().to_string()).collect()),
        ("o.stage", q.stages.iter().map(|s| s.code().to_string()).collect()),
    ] {
        if !values.is_empty() {
            conds.push(format!("{column} IN ({})", vec!["?"; values.len()].join(", ")));
            args.extend(values.into_iter().map(Value::Text));
        }
    }
    for (op, date) in [(">=", &q.close_from), ("<=", &q.close_to)] {
        if !date.is_empty() {
            conds.push(format!("o.expected_close <> '' AND o.expected_close {op} ?"));
            args.push(Value::Text(date.clone()));
        }
    }
    (conds.join(" AND "), args)
}

const FROM: &str = "opportunity o JOIN customer c ON c.id = o.customer_id";

impl Store {
    /// Adds each opportunity's light (the lights of their customers, evaluated together).
    pub(crate) fn with_risk(&self, opportunities: Vec<Opportunity>) -> Result<Vec<OpportunityRow>> {
        let mut customers: Vec<i64> = opportunities.iter().map(|o| o.customer_id).collect();
        customers.sort_unstable();
        customers.dedup();
        let lights = self.lights(Some(&customers), true)?;
        Ok(opportunities
            .into_iter()
            .map(|o| OpportunityRow {
                risk: lights.opportunity(o.id, o.customer_id, o.fields.stage.is_open()),
                opportunity: o,
            })
            .collect())
    }

    fn select_opportunities(&self, sql: &str, args: &[Value]) -> Result<Vec<Opportunity>> {
        let p = self.settings()?.stage_probabilities;
        let mut st = self.conn.prepare(sql)?;
        let rows =
            st.query_map(params_from_iter(args), |r| opportunity_from_row(r, &p))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One page of the opportunity table, with lights.
    pub fn list_opportunities(&self, q: &OpportunityQuery) -> Result<OpportunityPage> {
        let (filter, args) = conditions(q);
        let total = self.conn.query_row(
            &format!("SELECT count(*) FROM {FROM} WHERE {filter}"),
            params_from_iter(&args),
            |r| r.get(0),
        )?;
        let column = match q.sort {
            OpportunitySort::ExpectedClose => "o.expected_close = '', o.expected_close".to_string(),
            OpportunitySort::Amount => "o.amount".into(),
            OpportunitySort::Stage => stage_order_sql(),
            OpportunitySort::Name => "o.name".into(),
            OpportunitySort::UpdatedAt => "o.updated_at".into(),
        };
        let direction = if q.descending { "DESC" } else { "ASC" };
        let sql = format!(
            "SELECT {OPPORTUNITY_COLUMNS} FROM {FROM} WHERE {filter} ORDER BY {column} {direction}, o.id LIMIT {} OFFSET {}",
            q.limit.clamp(1, 500),
            q.offset.max(0)
        );
        let rows = self.with_risk(self.select_opportunities(&sql, &args)?)?;
        Ok(OpportunityPage { rows, total })
    }

    /// The kanban: a column per stage (those of the query, else all) with its count, amount
    /// and weighted amount, and its first `limit` cards by amount.
    pub fn pipeline_board(&self, q: &OpportunityQuery) -> Result<Vec<BoardColumn>> {
        let (filter, args) = conditions(q);
        let probability = probability_sql(&self.settings()?.stage_probabilities);
        let mut totals: HashMap<String, (i64, f64, f64)> = HashMap::new();
        let mut st = self.conn.prepare(&format!(
            "SELECT o.stage, count(*), sum(o.amount), sum(o.amount * {probability} / 100.0) FROM {FROM} WHERE {filter} GROUP BY o.stage"
        ))?;
        let mut rows = st.query(params_from_iter(&args))?;
        while let Some(r) = rows.next()? {
            totals.insert(r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?));
        }
        // Ranked on the narrow columns, then only the cards read whole.
        let sql = format!(
            "SELECT {OPPORTUNITY_COLUMNS} FROM {FROM} WHERE o.id IN (
                 SELECT id FROM (SELECT o.id, row_number() OVER (PARTITION BY o.stage ORDER BY o.amount DESC, o.id) AS n
                                 FROM {FROM} WHERE {filter})
                 WHERE n <= {})
             ORDER BY o.amount DESC, o.id",
            q.limit.clamp(1, 200)
        );
        let mut cards: HashMap<Stage, Vec<OpportunityRow>> = HashMap::new();
        for row in self.with_risk(self.select_opportunities(&sql, &args)?)? {
            cards.entry(row.opportunity.fields.stage).or_default().push(row);
        }
        let stages = if q.stages.is_empty() { Stage::ALL.to_vec() } else { q.stages.clone() };
        Ok(stages
            .into_iter()
            .map(|stage| {
                let (count, amount, weighted) = totals.get(stage.code()).copied().unwrap_or_default();
                BoardColumn {
                    stage,
                    count,
                    amount,
                    weighted: round2(weighted),
                    cards: cards.remove(&stage).unwrap_or_default(),
                }
            })
            .collect())
    }

    /// Forecast (open opportunities: Σ amount × probability by expected-close month and by
    /// owner), funnel and lost-deal analysis of the opportunities matching the query.
    pub fn pipeline_analytics(&self, q: &OpportunityQuery) -> Result<PipelineAnalytics> {
        let (filter, args) = conditions(q);
        let probability = probability_sql(&self.settings()?.stage_probabilities);
        let forecast = |key: &str, order: &str| -> Result<Vec<ForecastRow>> {
            let mut st = self.conn.prepare(&format!(
                "SELECT {key} AS k, count(*), sum(o.amount), sum(o.amount * {probability} / 100.0) AS w FROM {FROM}
                 WHERE {filter} AND o.stage NOT IN ('won', 'lost') GROUP BY k ORDER BY {order}"
            ))?;
            let rows = st
                .query_map(params_from_iter(&args), |r| {
                    Ok(ForecastRow {
                        key: r.get(0)?,
                        count: r.get(1)?,
                        amount: r.get::<_, Option<f64>>(2)?.unwrap_or(0.0),
                        weighted: round2(r.get::<_, Option<f64>>(3)?.unwrap_or(0.0)),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        };
        let by_month = forecast("substr(o.expected_close, 1, 7)", "k")?;
        let by_owner = forecast("o.owner", "w DESC, k")?;
        let total = forecast("''", "k")?.pop().unwrap_or(ForecastRow {
            key: String::new(),
            count: 0,
            amount: 0.0,
            weighted: 0.0,
        });
        let lost = |key: &str| -> Result<Vec<LostRow>> {
            let mut st = self.conn.prepare(&format!(
                "SELECT {key} AS k, count(*) AS n, sum(o.amount) FROM {FROM} WHERE {filter} AND o.stage = 'lost'
                 GROUP BY k ORDER BY n DESC, k"
            ))?;
            let rows = st
                .query_map(params_from_iter(&args), |r| {
                    Ok(LostRow { key: r.get(0)?, count: r.get(1)?, amount: r.get(2)? })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        };
        Ok(PipelineAnalytics {
            by_month,
            by_owner,
            total,
            funnel: self.funnel(&filter, &args)?,
            lost_by_reason: lost("coalesce(o.lost_reason, '')")?,
            lost_by_competitor: lost("o.lost_to")?,
            lost_by_stage: lost("coalesce(o.lost_stage, '')")?,
        })
    }

    /// Per stage: how many are at it now, and how many reached it (at it or later, won, or
    /// lost at it or later); then 丢单.
    fn funnel(&self, filter: &str, args: &[Value]) -> Result<Vec<FunnelStep>> {
        let mut groups: Vec<(Stage, Option<Stage>, i64, f64)> = Vec::new();
        let mut st = self.conn.prepare(&format!(
            "SELECT o.stage, o.lost_stage, count(*), sum(o.amount) FROM {FROM} WHERE {filter} GROUP BY o.stage, o.lost_stage"
        ))?;
        let mut rows = st.query(params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            if let Some(stage) = code(r.get(0)?, Stage::from_code) {
                groups.push((stage, code(r.get(1)?, Stage::from_code), r.get(2)?, r.get(3)?));
            }
        }
        let reached_rank = |stage: Stage, lost_at: Option<Stage>| {
            rank(if stage == Stage::Lost { lost_at.unwrap_or(Stage::Initiation) } else { stage })
        };
        let step = |stage: Stage| {
            let at: Vec<_> = groups.iter().filter(|g| g.0 == stage).collect();
            let reached = match rank(stage) {
                Some(r) => groups.iter().filter(|g| reached_rank(g.0, g.1).is_some_and(|x| x >= r)).map(|g| g.2).sum(),
                None => at.iter().map(|g| g.2).sum(),
            };
            FunnelStep { stage, count: at.iter().map(|g| g.2).sum(), amount: at.iter().map(|g| g.3).sum(), reached }
        };
        Ok(PIPELINE.iter().copied().chain([Stage::Lost]).map(step).collect())
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
