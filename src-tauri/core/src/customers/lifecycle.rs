//! The customer's lifecycle (生命周期) follows its deals: the first deal won moves the customer
//! to 已成交, a later one to 老客户 (a 老客户 stays one); moving a won deal out of 成交 puts the
//! lifecycle back to what that win found, as long as nothing changed it since. Every change —
//! these and the hand edits of the customer form, which always win — is kept in
//! `lifecycle_change` (migration 016) for the timeline. The deals' side (which move is a win,
//! how many wins) is `opportunities/store.rs`'s.

use rusqlite::{params, Connection, OptionalExtension};

use super::Lifecycle;
use crate::error::Result;
use crate::store::code;

/// Why the lifecycle changed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Cause {
    DealWon,
    WinUndone,
    Hand,
}

impl Cause {
    fn code(self) -> &'static str {
        match self {
            Cause::DealWon => "deal_won",
            Cause::WinUndone => "win_undone",
            Cause::Hand => "hand",
        }
    }
}

fn current(conn: &Connection, customer_id: i64) -> Result<Option<Lifecycle>> {
    let stored: Option<String> =
        conn.query_row("SELECT lifecycle FROM customer WHERE id = ?1", [customer_id], |r| r.get(0))?;
    Ok(code(stored, Lifecycle::from_code))
}

/// Records a change the customer's row already holds (a hand edit), when there is one.
pub(crate) fn record(
    conn: &Connection,
    customer_id: i64,
    from: Option<Lifecycle>,
    to: Option<Lifecycle>,
    cause: Cause,
    opportunity_id: Option<i64>,
    now: &str,
) -> Result<()> {
    if from != to {
        conn.prepare_cached(
            "INSERT INTO lifecycle_change (customer_id, from_lifecycle, to_lifecycle, cause, opportunity_id, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![customer_id, from.map(|l| l.code()), to.map(|l| l.code()), cause.code(), opportunity_id, now])?;
    }
    Ok(())
}

fn set(
    conn: &Connection,
    customer_id: i64,
    from: Option<Lifecycle>,
    to: Option<Lifecycle>,
    cause: Cause,
    opportunity_id: i64,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE customer SET lifecycle = ?2, updated_at = ?3 WHERE id = ?1",
        params![customer_id, to.map(|l| l.code()), now],
    )?;
    record(conn, customer_id, from, to, cause, Some(opportunity_id), now)
}

/// Deal `opportunity_id` was just won, the customer's `wins`-th won deal: 已成交 for the first,
/// 老客户 after; a 老客户 stays one.
pub(crate) fn deal_won(conn: &Connection, customer_id: i64, opportunity_id: i64, wins: i64, now: &str) -> Result<()> {
    let was = current(conn, customer_id)?;
    let target = match was {
        Some(Lifecycle::Existing) => return Ok(()),
        _ if wins > 1 => Lifecycle::Existing,
        _ => Lifecycle::Won,
    };
    if was != Some(target) {
        set(conn, customer_id, was, Some(target), Cause::DealWon, opportunity_id, now)?;
    }
    Ok(())
}

/// The customer's last lifecycle change: from, to, cause, deal.
type LastChange = (Option<String>, Option<String>, String, Option<i64>);

/// Deal `opportunity_id` left 成交: its win is undone while that win is still the customer's last
/// lifecycle change.
pub(crate) fn win_undone(conn: &Connection, customer_id: i64, opportunity_id: i64, now: &str) -> Result<()> {
    let last: Option<LastChange> = conn
        .query_row(
            "SELECT from_lifecycle, to_lifecycle, cause, opportunity_id FROM lifecycle_change
             WHERE customer_id = ?1 ORDER BY id DESC LIMIT 1",
            [customer_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let now_lifecycle = current(conn, customer_id)?;
    if let Some((was, became, cause, deal)) = last {
        let became = code(became, Lifecycle::from_code);
        if cause == Cause::DealWon.code() && deal == Some(opportunity_id) && became == now_lifecycle {
            let was = code(was, Lifecycle::from_code);
            set(conn, customer_id, now_lifecycle, was, Cause::WinUndone, opportunity_id, now)?;
        }
    }
    Ok(())
}
