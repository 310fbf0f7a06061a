//! Purchase records by hand (the editable grid of the 采购趋势 tab): add, edit, delete, and a
//! customer's records a page at a time. Imports write the same table (`import/store.rs`); the
//! trend cache follows both through the table's triggers (migration 007).

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::customers::store::load_customer;
use crate::error::{CoreError, Reason, Result};
use crate::trends::month;
use crate::trends::{validate, Purchase, PurchaseFields, PurchasePage, PurchaseQuery};
use crate::Store;

const COLUMNS: &str = "p.id, p.customer_id, p.month, p.day, p.product, p.category, p.quantity, p.amount, p.currency";

/// Trimmed, currency upper-cased (`CNY` when empty).
fn tidy(f: &PurchaseFields) -> PurchaseFields {
    let currency = f.currency.trim().to_ascii_uppercase();
    PurchaseFields {
        month: f.month.trim().into(),
        day: f.day.trim().into(),
        product: f.product.trim().into(),
        category: f.category.trim().into(),
        quantity: f.quantity,
        amount: f.amount,
        currency: if currency.is_empty() { crate::trends::series::CNY.into() } else { currency },
    }
}

impl Store {
    fn purchase_from_row(&self, r: &Row) -> rusqlite::Result<Purchase> {
        let fields = PurchaseFields {
            month: r.get(2)?,
            day: r.get(3)?,
            product: r.get(4)?,
            category: r.get(5)?,
            quantity: r.get(6)?,
            amount: r.get(7)?,
            currency: r.get(8)?,
        };
        let future = month::parse(&fields.month).is_some_and(|m| m > month::of_date(self.clock.today()));
        Ok(Purchase { id: r.get(0)?, customer_id: r.get(1)?, fields, future })
    }

    /// One record of a customer that is not deleted.
    pub fn purchase(&self, id: i64) -> Result<Purchase> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM purchase p JOIN customer c ON c.id = p.customer_id WHERE p.id = ?1 AND c.deleted_at IS NULL"),
                [id],
                |r| self.purchase_from_row(r),
            )
            .optional()?
            .ok_or_else(|| CoreError::not_found("purchase", id))
    }

    /// Adds a record to a customer (refused with `NotFound` for an unknown or deleted one).
    /// Returns and future months are kept; `future` says so.
    pub fn add_purchase(&self, customer_id: i64, fields: &PurchaseFields) -> Result<Purchase> {
        let f = tidy(fields);
        validate::purchase(&f)?;
        load_customer(&self.conn, customer_id)?;
        self.conn.execute(
            "INSERT INTO purchase (customer_id, month, day, product, category, quantity, amount, currency)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![customer_id, f.month, f.day, f.product, f.category, f.quantity, f.amount, f.currency],
        )?;
        self.purchase(self.conn.last_insert_rowid())
    }

    pub fn update_purchase(&self, id: i64, fields: &PurchaseFields) -> Result<Purchase> {
        let f = tidy(fields);
        validate::purchase(&f)?;
        self.purchase(id)?;
        self.conn.execute(
            "UPDATE purchase SET month = ?2, day = ?3, product = ?4, category = ?5, quantity = ?6, amount = ?7, currency = ?8
             WHERE id = ?1",
            params![id, f.month, f.day, f.product, f.category, f.quantity, f.amount, f.currency],
        )?;
        self.purchase(id)
    }

    /// Inserts many records (sample data, benchmarks' databases) in one transaction, each
    /// validated like a hand entry; one refused record rolls all back (its field is prefixed
    /// with its position). Customers are not checked: the caller took the ids from the store.
    pub fn insert_purchases(&self, rows: impl IntoIterator<Item = (i64, PurchaseFields)>) -> Result<usize> {
        let tx = self.conn.unchecked_transaction()?;
        let mut st = tx.prepare(
            "INSERT INTO purchase (customer_id, month, day, product, category, quantity, amount, currency)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut count = 0;
        for (customer_id, fields) in rows {
            let f = tidy(&fields);
            validate::purchase(&f).map_err(|e| match e {
                CoreError::Validation { field, reason, detail } => {
                    CoreError::Validation { field: format!("{count}.{field}"), reason, detail }
                }
                other => other,
            })?;
            st.execute(params![customer_id, f.month, f.day, f.product, f.category, f.quantity, f.amount, f.currency])?;
            count += 1;
        }
        drop(st);
        tx.commit()?;
        Ok(count)
    }

    pub fn delete_purchase(&self, id: i64) -> Result<()> {
        self.purchase(id)?;
        self.conn.execute("DELETE FROM purchase WHERE id = ?1", [id])?;
        Ok(())
    }

    /// A page of a customer's records: newest month first, then product.
    pub fn purchases(&self, customer_id: i64, q: &PurchaseQuery) -> Result<PurchasePage> {
        load_customer(&self.conn, customer_id)?;
        for (field, value) in [("from", &q.from), ("to", &q.to)] {
            if !value.is_empty() && month::parse(value).is_none() {
                return Err(CoreError::validation_detail(field, Reason::InvalidDate, "YYYY-MM"));
            }
        }
        let filter = "FROM purchase p WHERE p.customer_id = ?1 AND (?2 = '' OR p.product = ?2)
             AND (?3 = '' OR p.month >= ?3) AND (?4 = '' OR p.month <= ?4)";
        let args = params![customer_id, q.product.trim(), q.from, q.to];
        let total = self.conn.query_row(&format!("SELECT count(*) {filter}"), args, |r| r.get(0))?;
        let mut st = self.conn.prepare(&format!(
            "SELECT {COLUMNS} {filter} ORDER BY p.month DESC, p.day DESC, p.product, p.id LIMIT ?5 OFFSET ?6"
        ))?;
        let rows = st
            .query_map(
                params![customer_id, q.product.trim(), q.from, q.to, q.limit.clamp(1, 1000), q.offset.max(0)],
                |r| self.purchase_from_row(r),
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(PurchasePage { rows, total })
    }
}

/// True when the same purchase (customer, month, day, product, quantity, amount) is stored.
pub(crate) fn purchase_exists(conn: &Connection, customer_id: i64, p: &PurchaseFields) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM purchase WHERE customer_id = ?1 AND month = ?2 AND day = ?3 AND product = ?4
               AND quantity IS ?5 AND amount IS ?6 AND currency = ?7",
        )?
        .exists(rusqlite::params![customer_id, p.month, p.day, p.product, p.quantity, p.amount, p.currency])?)
}

/// The live customers without purchase records, by id (the sample data's generated copies).
pub(crate) fn customers_without_purchases(conn: &Connection) -> Result<Vec<i64>> {
    Ok(conn
        .prepare(
            "SELECT id FROM customer WHERE deleted_at IS NULL AND id NOT IN (SELECT customer_id FROM purchase) ORDER BY id",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}
