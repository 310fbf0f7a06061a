//! Planning rows of follow-up records and opportunities: records *about* a customer already in
//! Dossier, named by the row (as the customer duplicate check compares names, else by exact
//! short name). A row is new, a duplicate of a stored record, a repeat of an earlier row, or
//! refused — it never changes a stored record, so the duplicate rule has nothing to update.
//!
//! Duplicates: a follow-up record with the same customer, date, method and summary; an
//! opportunity with the same customer and name (names and summaries compared as names are:
//! NFKC, case and whitespace aside). Every refusal the form would give is given here, on the
//! column that holds the field, so the commit never meets one.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::reader::{opportunity_form_field, visit_form_field, RowReader};
use super::rows::named_customer;
use super::{Ops, Problem, RowStatus};
use crate::error::Result;
use crate::import::mapping::Field;
use crate::opportunities::stages;
use crate::opportunities::store::opportunity_names;
use crate::text::contact_key;
use crate::visits::store::visit_exists;
use crate::visits::{validate, Participant};

/// What the rows planned so far leave for the next one.
pub(super) struct Records<'a> {
    conn: &'a Connection,
    /// Customers looked up by the name a row gives (the same name is on many rows).
    customers: HashMap<String, Option<i64>>,
    /// A customer's contacts: normalised name → (id, name, title).
    contacts: HashMap<i64, HashMap<String, (i64, String, String)>>,
    /// A customer's opportunities: normalised name → id.
    deals: HashMap<i64, HashMap<String, i64>>,
    /// Records met in this file, by what makes two the same.
    seen: HashSet<String>,
    /// The customer the last row named: a customer cell merged over several rows arrives
    /// empty below the first.
    last_customer_name: String,
}

impl<'a> Records<'a> {
    pub fn new(conn: &'a Connection) -> Self {
        Records {
            conn,
            customers: HashMap::new(),
            contacts: HashMap::new(),
            deals: HashMap::new(),
            seen: HashSet::new(),
            last_customer_name: String::new(),
        }
    }

    /// The row's customer: its name (the last row's when the cell is empty) and its id, or
    /// an issue on the customer column.
    fn customer(&mut self, r: &mut RowReader) -> Result<(String, Option<i64>)> {
        let mut name = r.name(Field::CustomerName);
        let unreadable = r.issues.iter().any(|i| i.field == Field::CustomerName);
        if name.is_empty() && !unreadable {
            name = self.last_customer_name.clone();
        } else if !name.is_empty() {
            self.last_customer_name = name.clone();
        }
        if name.is_empty() {
            r.issue(Field::CustomerName, Problem::Required);
            return Ok((name, None));
        }
        let id = match self.customers.get(&name) {
            Some(id) => *id,
            None => {
                let id = named_customer(self.conn, &name)?;
                self.customers.insert(name.clone(), id);
                id
            }
        };
        if id.is_none() {
            r.issue(Field::CustomerName, Problem::UnknownCustomer { name: name.clone() });
        }
        Ok((name, id))
    }

    fn deals_of(&mut self, customer_id: i64) -> Result<&HashMap<String, i64>> {
        if !self.deals.contains_key(&customer_id) {
            let names = opportunity_names(self.conn, customer_id)?;
            self.deals.insert(customer_id, names.into_iter().map(|(id, name)| (contact_key(&name), id)).collect());
        }
        Ok(&self.deals[&customer_id])
    }

    fn contacts_of(&mut self, customer_id: i64) -> Result<&HashMap<String, (i64, String, String)>> {
        if !self.contacts.contains_key(&customer_id) {
            let contacts = crate::customers::contacts::load_contacts(self.conn, customer_id)?;
            let by_name = contacts
                .into_iter()
                .rev() // the first of two namesakes (key persons first) wins
                .map(|c| (contact_key(&c.fields.name), (c.id, c.fields.name, c.fields.title)))
                .collect();
            self.contacts.insert(customer_id, by_name);
        }
        Ok(&self.contacts[&customer_id])
    }

    /// A follow-up record row: its customer, its participants among the customer's contacts,
    /// the opportunity it names among the customer's, the form's validation, then duplicates.
    pub fn visit_row(&mut self, r: &mut RowReader) -> Result<(RowStatus, String, Ops)> {
        let (name, customer) = self.customer(r)?;
        let mut v = r.visit();
        let summary: String = v.fields.summary.chars().take(24).collect();
        let title = format!("{name} · {} · {summary}", v.fields.date);
        let mut ops = Ops::default();
        let Some(customer_id) = customer else { return Ok((RowStatus::Error, title, ops)) };
        let contacts = self.contacts_of(customer_id)?;
        let mut unknown = Vec::new();
        for person in &v.participants {
            match contacts.get(&contact_key(person)) {
                Some((id, name, title)) => v.fields.customer_participants.push(Participant {
                    contact_id: *id,
                    name: name.clone(),
                    title: title.clone(),
                }),
                None => unknown.push(person.clone()),
            }
        }
        for name in unknown {
            r.issue(Field::Participants, Problem::UnknownContact { name });
        }
        if !v.deal.is_empty() {
            match self.deals_of(customer_id)?.get(&contact_key(&v.deal)) {
                Some(id) => v.fields.opportunity_id = Some(*id),
                None => r.issue(Field::DealName, Problem::UnknownDeal { name: v.deal.clone() }),
            }
        }
        if !r.issues.is_empty() {
            return Ok((RowStatus::Error, title, ops));
        }
        r.validated(validate::visit(&v.fields), visit_form_field);
        if !r.issues.is_empty() {
            return Ok((RowStatus::Error, title, ops));
        }
        let f = &v.fields;
        let key = format!("{customer_id}|{}|{}|{}", f.date, f.method.code(), contact_key(&f.summary));
        let status = if !self.seen.insert(key) {
            RowStatus::DuplicateInFile
        } else if visit_exists(self.conn, customer_id, &f.date, f.method, &f.summary)? {
            RowStatus::Duplicate
        } else {
            ops.create_visit = Some((customer_id, v.fields));
            RowStatus::New
        };
        Ok((status, title, ops))
    }

    /// An opportunity row: its customer, the form's validation and the gate of its stage
    /// (every field the stage needs, named on the stage's column), then duplicates.
    pub fn opportunity_row(&mut self, r: &mut RowReader) -> Result<(RowStatus, String, Ops)> {
        let (name, customer) = self.customer(r)?;
        let o = r.opportunity();
        let title = format!("{name} · {}", o.name);
        let mut ops = Ops::default();
        if o.name.is_empty() {
            r.issue(Field::DealName, Problem::Required);
        }
        let Some(customer_id) = customer else { return Ok((RowStatus::Error, title, ops)) };
        if !r.issues.is_empty() {
            return Ok((RowStatus::Error, title, ops));
        }
        r.validated(stages::validate(&o), opportunity_form_field);
        let missing: Vec<Field> =
            stages::missing_fields(&o, 0).iter().filter_map(|f| opportunity_form_field(f)).collect();
        if !missing.is_empty() {
            r.issue(Field::Stage, Problem::StageGate { stage: o.stage, missing });
        }
        if !r.issues.is_empty() {
            return Ok((RowStatus::Error, title, ops));
        }
        let deal = contact_key(&o.name);
        let status = if !self.seen.insert(format!("{customer_id}|{deal}")) {
            RowStatus::DuplicateInFile
        } else if self.deals_of(customer_id)?.contains_key(&deal) {
            RowStatus::Duplicate
        } else {
            ops.create_opportunity = Some((customer_id, o));
            RowStatus::New
        };
        Ok((status, title, ops))
    }
}
