//! Planning one row after another: what a row does given the database and the rows before it in
//! the same file — a customer named again (its later contact rows go to the same customer), a
//! contact met again, a purchase listed twice, customer cells merged over the rows below.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::merge::{merge_contact, merge_customer};
use super::reader::{customer_form_field, RowReader};
use super::records::Records;
use super::{CustomerRef, ImportKind, OnDuplicate, Ops, Problem, Revenue, RowStatus};
use crate::customers::sections::period_revenue;
use crate::customers::store::{customer_by_short_name, existing_customer};
use crate::customers::validate;
use crate::customers::{ContactFields, CustomerFields};
use crate::error::Result;
use crate::import::mapping::Field;
use crate::text::{contact_key, customer_key, digits};
use crate::trends::purchases::purchase_exists;

/// What the rows planned so far leave for the next one.
pub(super) struct Planner<'a> {
    conn: &'a Connection,
    kind: ImportKind,
    mode: OnDuplicate,
    /// Whether a column is mapped to the contact's name: the rows hold contacts too.
    has_contacts: bool,
    /// Customers met in this file: normalised name → where they are (or will be).
    customers_in_file: HashMap<String, CustomerRef>,
    /// Contacts met in this file: (customer, normalised name).
    contacts_seen: HashSet<(String, String)>,
    /// Purchases met in this file, by everything that makes two the same.
    purchases_seen: HashSet<String>,
    /// The customer the last row named: a customer cell merged over several rows arrives empty
    /// below the first.
    last_customer_name: String,
    /// Rows planned so far: the index the next row's plan gets ([`CustomerRef::InFile`]).
    planned: usize,
    /// Follow-up record and opportunity rows.
    records: Records<'a>,
}

impl<'a> Planner<'a> {
    pub fn new(conn: &'a Connection, kind: ImportKind, mode: OnDuplicate, has_contacts: bool) -> Self {
        Planner {
            conn,
            kind,
            mode,
            has_contacts,
            customers_in_file: HashMap::new(),
            contacts_seen: HashSet::new(),
            purchases_seen: HashSet::new(),
            last_customer_name: String::new(),
            planned: 0,
            records: Records::new(conn),
        }
    }

    /// Plans the row `r` reads: its status, its title for the preview and what committing it
    /// does (nothing for an error row). Its issues are left in `r`.
    pub fn row(&mut self, r: &mut RowReader) -> Result<(RowStatus, String, Ops)> {
        let planned = match self.kind {
            ImportKind::Purchases => self.purchase_row(r)?,
            ImportKind::Visits => self.records.visit_row(r)?,
            ImportKind::Opportunities => self.records.opportunity_row(r)?,
            ImportKind::Customers | ImportKind::Contacts => self.customer_row(r)?,
        };
        self.planned += 1;
        Ok(planned)
    }

    fn purchase_row(&mut self, r: &mut RowReader) -> Result<(RowStatus, String, Ops)> {
        let mut name = r.name(Field::CustomerName);
        let p = r.purchase();
        let unreadable = r.issues.iter().any(|i| i.field == Field::CustomerName);
        if name.is_empty() && !unreadable && !p.product.is_empty() {
            name = self.last_customer_name.clone();
        } else if !name.is_empty() {
            self.last_customer_name = name.clone();
        }
        let title = format!("{name} · {} · {}", p.month, p.product);
        let mut ops = Ops::default();
        let mut status = RowStatus::Error;
        if name.is_empty() {
            r.issue(Field::CustomerName, Problem::Required);
        } else if r.issues.is_empty() {
            match named_customer(self.conn, &name)? {
                None => r.issue(Field::CustomerName, Problem::UnknownCustomer { name: name.clone() }),
                Some(id) => {
                    let key = format!(
                        "{id}|{}|{}|{}|{:?}|{:?}|{}",
                        p.month, p.day, p.product, p.quantity, p.amount, p.currency
                    );
                    status = if !self.purchases_seen.insert(key) {
                        RowStatus::DuplicateInFile
                    } else if purchase_exists(self.conn, id, &p)? {
                        RowStatus::Duplicate
                    } else {
                        ops.create_purchase = Some((id, p));
                        RowStatus::New
                    };
                }
            }
        }
        if !r.issues.is_empty() {
            status = RowStatus::Error;
        }
        Ok((status, title, ops))
    }

    /// A row of a customer list or a contact list: the customer part, then the contact part.
    fn customer_row(&mut self, r: &mut RowReader) -> Result<(RowStatus, String, Ops)> {
        let mut customer = r.customer();
        let revenue = if self.kind == ImportKind::Customers { r.revenue() } else { None };
        let contact = if self.has_contacts { Some(r.contact()) } else { None };
        let contact = contact.filter(|c| !c.name.is_empty() || !c.phone.is_empty());
        if customer.name.is_empty() && contact.is_some() && !self.last_customer_name.is_empty() {
            customer.name = self.last_customer_name.clone();
        }
        if customer.name.is_empty() {
            r.issue(Field::CustomerName, Problem::Required);
        } else {
            self.last_customer_name = customer.name.clone();
        }
        let key = customer_key(&customer.name);
        let title = match &contact {
            Some(c) => format!("{} · {}", customer.name, c.name),
            None => customer.name.clone(),
        };
        let mut ops = Ops::default();
        let mut in_file_duplicate = false;
        if r.issues.is_empty() {
            let target = self.customer_part(r, &key, customer, &mut ops, &mut in_file_duplicate)?;
            // A customer named again in the file has its revenue from its first row.
            if let (Some(revenue), false) = (revenue, in_file_duplicate) {
                self.revenue_part(target.clone(), revenue, &mut ops)?;
            }
            if let (Some(c), true) = (contact, r.issues.is_empty()) {
                self.contact_part(r, &key, c, target, &mut ops, &mut in_file_duplicate)?;
            }
        }
        let status = if !r.issues.is_empty() {
            ops = Ops::default();
            RowStatus::Error
        } else if ops.create_customer.is_some() || ops.create_contact.is_some() {
            RowStatus::New
        } else if ops.update_customer.is_some() || ops.update_contact.is_some() || ops.revenue.is_some() {
            RowStatus::Update
        } else if in_file_duplicate {
            RowStatus::DuplicateInFile
        } else {
            RowStatus::Duplicate
        };
        if status != RowStatus::Error {
            self.remember_customer(key, &ops)?;
        }
        Ok((status, title, ops))
    }

    /// The customer a row is about: one met earlier in the file, one in the database (updated
    /// from a customer list as the duplicate rule says), or a new one (customer lists only;
    /// a contact list names an existing customer, by name or short name). Returns where the
    /// row's contact goes, if known yet.
    fn customer_part(
        &self,
        r: &mut RowReader,
        key: &str,
        customer: CustomerFields,
        ops: &mut Ops,
        in_file_duplicate: &mut bool,
    ) -> Result<Option<CustomerRef>> {
        if let Some(earlier) = self.customers_in_file.get(key) {
            *in_file_duplicate = true;
            return Ok(Some(earlier.clone()));
        }
        Ok(match (existing_customer(self.conn, key)?, self.kind) {
            (Some((id, fields)), ImportKind::Customers) => {
                ops.update_customer = merge_customer(&fields, &customer, self.mode).map(|m| (id, m));
                if let Some((_, m)) = &ops.update_customer {
                    r.validated(validate::customer(m), customer_form_field);
                }
                Some(CustomerRef::Existing(id))
            }
            (Some((id, _)), ImportKind::Contacts) => Some(CustomerRef::Existing(id)),
            (None, ImportKind::Customers) => {
                r.validated(validate::customer(&customer), customer_form_field);
                ops.create_customer = Some((customer, key.to_string()));
                None
            }
            (_, ImportKind::Purchases | ImportKind::Visits | ImportKind::Opportunities) => None, // not customer rows
            (None, ImportKind::Contacts) => match customer_by_short_name(self.conn, &customer.name)? {
                Some(id) => Some(CustomerRef::Existing(id)),
                None => {
                    r.issue(Field::CustomerName, Problem::UnknownCustomer { name: customer.name });
                    None
                }
            },
        })
    }

    /// The row's revenue for its customer (`target`; `None`: the customer the row creates). A
    /// stored customer's revenue of that year follows the duplicate rule: 跳过 leaves it, 只补空白
    /// sets it only when the customer has none for the year, 覆盖 replaces it.
    fn revenue_part(&self, target: Option<CustomerRef>, revenue: Revenue, ops: &mut Ops) -> Result<()> {
        let target = target.unwrap_or(CustomerRef::InFile(self.planned));
        if let CustomerRef::Existing(id) = target {
            let stored = period_revenue(self.conn, id, &revenue.period)?.and_then(|(_, r)| r);
            let take = match self.mode {
                OnDuplicate::Skip => false,
                OnDuplicate::Fill => stored.is_none(),
                OnDuplicate::Overwrite => stored != Some(revenue.amount),
            };
            if !take {
                return Ok(());
            }
        }
        ops.revenue = Some((target, revenue));
        Ok(())
    }

    /// The row's contact: met earlier in the file (nothing to do), an existing contact of the
    /// customer by name or phone (updated as the duplicate rule says), or a new one.
    fn contact_part(
        &mut self,
        r: &mut RowReader,
        key: &str,
        c: ContactFields,
        target: Option<CustomerRef>,
        ops: &mut Ops,
        in_file_duplicate: &mut bool,
    ) -> Result<()> {
        r.validated(validate::contact(&c), customer_form_field);
        if !self.contacts_seen.insert((key.to_string(), contact_key(&c.name))) {
            *in_file_duplicate = true;
            return Ok(());
        }
        let existing = match &target {
            Some(CustomerRef::Existing(id)) => self.existing_contact(*id, &c)?,
            _ => None,
        };
        match existing {
            Some((id, fields)) => ops.update_contact = merge_contact(&fields, &c, self.mode).map(|m| (id, m)),
            None => ops.create_contact = Some((target.unwrap_or(CustomerRef::InFile(self.planned)), c)),
        }
        Ok(())
    }

    /// Where the customer of a planned row is, for the rows after it that name it again.
    fn remember_customer(&mut self, key: String, ops: &Ops) -> Result<()> {
        let here = match (&ops.create_customer, &ops.create_contact, &ops.update_customer) {
            (Some(_), _, _) => Some(CustomerRef::InFile(self.planned)),
            (_, _, Some((id, _))) => Some(CustomerRef::Existing(*id)),
            (_, Some((to, _)), _) => Some(to.clone()),
            _ => existing_customer(self.conn, &key)?.map(|(id, _)| CustomerRef::Existing(id)),
        };
        if let Some(here) = here {
            self.customers_in_file.entry(key).or_insert(here);
        }
        Ok(())
    }

    /// A contact of `customer_id` with the same normalised name or the same phone digits.
    fn existing_contact(&self, customer_id: i64, c: &ContactFields) -> Result<Option<(i64, ContactFields)>> {
        let (name, phone) = (contact_key(&c.name), digits(&c.phone));
        Ok(crate::customers::contacts::load_contacts(self.conn, customer_id)?
            .into_iter()
            .find(|x| contact_key(&x.fields.name) == name || (!phone.is_empty() && digits(&x.fields.phone) == phone))
            .map(|x| (x.id, x.fields)))
    }
}

/// The customer a row of records about customers (purchases, follow-up records,
/// opportunities) names: by normalised name, else by exact short name.
pub(super) fn named_customer(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(match existing_customer(conn, &customer_key(name))? {
        Some((id, _)) => Some(id),
        None => customer_by_short_name(conn, name)?,
    })
}
