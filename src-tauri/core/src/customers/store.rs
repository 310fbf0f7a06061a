//! Customers: create, the list and its facets, the rows of the customer table, what the
//! customer's own tables hold of its profile and its cached completeness. Saving a profile
//! and reading the whole customer page are `profile/`'s.

use std::sync::LazyLock;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use crate::customers::{completeness as profile, validate};
use crate::customers::{
    Contact, Customer, CustomerFields, CustomerPage, CustomerProfile, CustomerQuery, CustomerRow, CustomerSort, Facets,
    Grade, LeadSource, Lifecycle, Ownership, Section, Stats, StatusLight,
};
use crate::error::{CoreError, Reason, Result};
use crate::search::{self, HitKind};
use crate::store::code;
use crate::text::{clean_name, customer_key};
use crate::Store;

pub(crate) const CUSTOMER_COLUMNS: &str = "id, name, short_name, ownership, industry, region, headcount, \
    founded, stock_code, headquarters, subsidiaries, website, grade, lifecycle, owner, \
    collaborators, lead_source, tags, completeness, created_at, updated_at, notes";

pub(crate) fn customer_from_row(r: &Row) -> rusqlite::Result<Customer> {
    let tags: String = r.get(17)?;
    Ok(Customer {
        id: r.get(0)?,
        fields: CustomerFields {
            name: r.get(1)?,
            short_name: r.get(2)?,
            ownership: code(r.get(3)?, Ownership::from_code),
            industry: r.get(4)?,
            region: r.get(5)?,
            headcount: r.get(6)?,
            founded: r.get(7)?,
            stock_code: r.get(8)?,
            headquarters: r.get(9)?,
            subsidiaries: r.get(10)?,
            website: r.get(11)?,
            grade: code(r.get(12)?, Grade::from_code),
            lifecycle: code(r.get(13)?, Lifecycle::from_code),
            owner: r.get(14)?,
            collaborators: r.get(15)?,
            lead_source: code(r.get(16)?, LeadSource::from_code),
            tags: serde_json::from_str(&tags).unwrap_or_default(),
            notes: r.get(21)?,
        },
        completeness: r.get(18)?,
        created_at: r.get(19)?,
        updated_at: r.get(20)?,
    })
}

/// A live (not deleted) customer.
pub(crate) fn load_customer(conn: &Connection, id: i64) -> Result<Customer> {
    // Prepared once per connection: an import of a known list loads a customer per row.
    static SQL: LazyLock<String> =
        LazyLock::new(|| format!("SELECT {CUSTOMER_COLUMNS} FROM customer WHERE id = ?1 AND deleted_at IS NULL"));
    conn.prepare_cached(&SQL)?
        .query_row([id], customer_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("customer", id))
}

/// Trims the free-text fields the way they are stored; the names also lose invisible
/// characters ([`clean_name`]).
pub(crate) fn tidy(fields: &CustomerFields) -> CustomerFields {
    let mut f = fields.clone();
    for s in [&mut f.name, &mut f.short_name] {
        *s = clean_name(s);
    }
    for s in [
        &mut f.industry,
        &mut f.region,
        &mut f.founded,
        &mut f.stock_code,
        &mut f.headquarters,
        &mut f.subsidiaries,
        &mut f.website,
        &mut f.owner,
        &mut f.collaborators,
        &mut f.notes,
    ] {
        *s = s.trim().to_string();
    }
    f.tags = f.tags.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
    f.tags.dedup();
    f
}

impl Store {
    /// Counts per entity, not counting records in the trash.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(Stats {
            customers: count("SELECT count(*) FROM customer WHERE deleted_at IS NULL")?,
            contacts: count(
                "SELECT count(*) FROM contact ct JOIN customer c ON c.id = ct.customer_id
                 WHERE ct.deleted_at IS NULL AND c.deleted_at IS NULL",
            )?,
            financial_periods: count(
                "SELECT count(*) FROM financial_period f JOIN customer c ON c.id = f.customer_id
                 WHERE c.deleted_at IS NULL",
            )?,
            suppliers: count(
                "SELECT count(*) FROM supplier s JOIN customer c ON c.id = s.customer_id
                 WHERE c.deleted_at IS NULL",
            )?,
            role_assessments: count(
                "SELECT count(*) FROM role_assessment r JOIN customer c ON c.id = r.customer_id
                 JOIN contact ct ON ct.id = r.contact_id
                 WHERE c.deleted_at IS NULL AND ct.deleted_at IS NULL",
            )?,
            purchases: count(
                "SELECT count(*) FROM purchase p JOIN customer c ON c.id = p.customer_id
                 WHERE c.deleted_at IS NULL",
            )?,
        })
    }

    /// True when there is no customer yet (the app shows its welcome screen).
    pub fn is_empty(&self) -> Result<bool> {
        // One row looked for, not every table counted (at 100k customers: 70 ms of the start).
        let any: bool =
            self.conn.query_row("SELECT EXISTS (SELECT 1 FROM customer WHERE deleted_at IS NULL)", [], |r| r.get(0))?;
        Ok(!any)
    }
}

impl Store {
    /// Refuses a name that another live customer has after normalisation.
    pub(crate) fn check_unique_name(&self, name: &str, except: Option<i64>) -> Result<String> {
        let key = customer_key(name);
        let other: Option<(i64, String)> = self
            .conn
            .query_row("SELECT id, name FROM customer WHERE name_key = ?1 AND deleted_at IS NULL", [&key], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match other {
            Some((id, other_name)) if Some(id) != except => {
                Err(CoreError::validation_detail("name", Reason::Duplicate, other_name))
            }
            _ => Ok(key),
        }
    }

    pub fn create_customer(&self, fields: &CustomerFields) -> Result<Customer> {
        let f = tidy(fields);
        validate::customer(&f)?;
        let key = self.check_unique_name(&f.name, None)?;
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        let id = insert_customer(&tx, &f, &key, &now, 0)?;
        touch_section(&tx, id, Section::Overview, &now)?;
        refresh_completeness(&tx, id)?;
        search::index::insert(&tx, &crate::customers::search::customer_entry(&load_customer(&tx, id)?))?;
        tx.commit()?;
        load_customer(&self.conn, id)
    }

    /// One page of the list, filtered and sorted in SQL (never the whole table over IPC).
    pub fn list_customers(&self, q: &CustomerQuery) -> Result<CustomerPage> {
        let mut conds = vec!["c.deleted_at IS NULL".to_string()];
        let mut args: Vec<String> = Vec::new();
        let mut any_of = |column: &str, values: Vec<String>| {
            if !values.is_empty() {
                let marks = vec!["?"; values.len()].join(", ");
                conds.push(format!("c.{column} IN ({marks})"));
                args.extend(values);
            }
        };
        any_of("grade", q.grades.iter().map(|g| g.code().to_string()).collect());
        any_of("lifecycle", q.lifecycles.iter().map(|l| l.code().to_string()).collect());
        any_of("industry", q.industries.clone());
        any_of("owner", q.owners.clone());
        let text = crate::text::search_text(&q.text);
        if !text.is_empty() {
            // The names' other readings too ("changsha" lists 长沙…), as the search finds them.
            let (entries, value) = search::customers_holding(&text);
            let mut found = format!("c.id IN ({entries})");
            args.extend(std::iter::repeat_n(value, entries.matches('?').count()));
            if search::backlog::pending(&self.conn)? > 0 {
                // A large import's records still waiting for their entries: by their names.
                let waiting = format!(
                    "({0} AND (c.name LIKE ? ESCAPE '\\' OR c.short_name LIKE ? ESCAPE '\\'))
                     OR ({0} AND c.id IN (SELECT ct.customer_id FROM contact ct
                                          WHERE ct.deleted_at IS NULL AND ct.name LIKE ? ESCAPE '\\'))
                     OR c.id IN (SELECT ct.customer_id FROM contact ct WHERE ct.deleted_at IS NULL AND {1}
                                 AND ct.name LIKE ? ESCAPE '\\')",
                    search::backlog::pending_condition(HitKind::Customer, "c.id"),
                    search::backlog::pending_condition(HitKind::Contact, "ct.id"),
                );
                let like = crate::text::like_pattern(&text);
                args.extend(std::iter::repeat_n(like, waiting.matches('?').count()));
                found = format!("{found} OR {waiting}");
            }
            conds.push(format!("({found})"));
        }
        let filter = conds.join(" AND ");
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM customer c WHERE {filter}"),
            params_from_iter(&args),
            |r| r.get(0),
        )?;
        let column = match q.sort {
            CustomerSort::Name => "c.name",
            CustomerSort::Grade => "c.grade",
            CustomerSort::Lifecycle => "c.lifecycle",
            CustomerSort::Industry => "c.industry",
            CustomerSort::Owner => "c.owner",
            CustomerSort::Completeness => "c.completeness",
            CustomerSort::UpdatedAt => "c.updated_at",
        };
        let dir = if q.descending { "DESC" } else { "ASC" };
        let limit = q.limit.clamp(1, 500);
        let offset = q.offset.max(0);
        let sql = format!(
            "SELECT c.id, c.name, c.short_name, c.grade, c.lifecycle, c.industry, c.region,
                    c.owner, c.completeness, c.updated_at,
                    (SELECT count(*) FROM contact ct WHERE ct.customer_id = c.id
                        AND ct.deleted_at IS NULL), c.power_status
             FROM customer c WHERE {filter}
             ORDER BY {column} {dir}, c.id {dir} LIMIT {limit} OFFSET {offset}"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st
            .query_map(params_from_iter(&args), |r| {
                Ok(CustomerRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    short_name: r.get(2)?,
                    grade: code(r.get(3)?, Grade::from_code),
                    lifecycle: code(r.get(4)?, Lifecycle::from_code),
                    industry: r.get(5)?,
                    region: r.get(6)?,
                    owner: r.get(7)?,
                    completeness: r.get(8)?,
                    updated_at: r.get(9)?,
                    contact_count: r.get(10)?,
                    power_status: StatusLight::from_code(&r.get::<_, String>(11)?).unwrap_or(StatusLight::Unknown),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(CustomerPage { rows, total })
    }

    /// Distinct industries, customer owners and deal owners: the choices of the filters (customer
    /// list, pipeline, 首页) and of 「我的负责人姓名」 in 设置.
    pub fn facets(&self) -> Result<Facets> {
        let distinct = |column: &str, from: &str| -> Result<Vec<String>> {
            let mut st = self.conn.prepare(&format!(
                "SELECT DISTINCT {column} FROM {from}
                 WHERE c.deleted_at IS NULL AND {column} <> '' ORDER BY {column}"
            ))?;
            let values = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            Ok(values)
        };
        Ok(Facets {
            industries: distinct("c.industry", "customer c")?,
            owners: distinct("c.owner", "customer c")?,
            deal_owners: distinct("o.owner", "opportunity o JOIN customer c ON c.id = o.customer_id")?,
        })
    }
}

/// The columns [`customer_values`] fills, in its order: dimension 1 and the classification.
const FIELD_COLUMNS: [&str; 20] = [
    "name",
    "name_key",
    "short_name",
    "ownership",
    "industry",
    "region",
    "headcount",
    "founded",
    "stock_code",
    "headquarters",
    "subsidiaries",
    "website",
    "grade",
    "lifecycle",
    "owner",
    "collaborators",
    "lead_source",
    "tags",
    "notes",
    "updated_at",
];

fn customer_values(f: &CustomerFields, key: &str, now: &str) -> [Value; 20] {
    let code = |c: Option<&'static str>| Value::from(c.map(str::to_string));
    [
        f.name.clone().into(),
        key.to_string().into(),
        f.short_name.clone().into(),
        code(f.ownership.map(|v| v.code())),
        f.industry.clone().into(),
        f.region.clone().into(),
        f.headcount.into(),
        f.founded.clone().into(),
        f.stock_code.clone().into(),
        f.headquarters.clone().into(),
        f.subsidiaries.clone().into(),
        f.website.clone().into(),
        code(f.grade.map(|v| v.code())),
        code(f.lifecycle.map(|v| v.code())),
        f.owner.clone().into(),
        f.collaborators.clone().into(),
        code(f.lead_source.map(|v| v.code())),
        serde_json::to_string(&f.tags).expect("tags serialise").into(),
        f.notes.clone().into(),
        now.to_string().into(),
    ]
}

/// Inserts a customer row with `f` (already validated and unique, its name's `key` from
/// [`customer_key`], which every caller has already checked) in one statement, its
/// completeness already computed; returns its id.
pub(crate) fn insert_customer(
    conn: &Connection,
    f: &CustomerFields,
    key: &str,
    now: &str,
    completeness: i64,
) -> Result<i64> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let marks: Vec<String> = (1..=FIELD_COLUMNS.len() + 2).map(|i| format!("?{i}")).collect();
        format!(
            "INSERT INTO customer ({}, created_at, completeness) VALUES ({})",
            FIELD_COLUMNS.join(", "),
            marks.join(", ")
        )
    });
    let values = customer_values(f, key, now);
    let extra = [Value::from(now.to_string()), Value::from(completeness)];
    conn.prepare_cached(&SQL)?.execute(params_from_iter(values.iter().chain(&extra)))?;
    Ok(conn.last_insert_rowid())
}

/// Writes dimension 1 and the classification fields of customer `id`.
pub(crate) fn write_customer(conn: &Connection, id: i64, f: &CustomerFields, key: &str, now: &str) -> Result<()> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let sets: Vec<String> = FIELD_COLUMNS.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect();
        format!("UPDATE customer SET {} WHERE id = ?1", sets.join(", "))
    });
    let values = customer_values(f, key, now);
    conn.prepare_cached(&SQL)?.execute(params_from_iter([Value::from(id)].iter().chain(&values)))?;
    Ok(())
}

/// Recomputes every customer's `name_key` with today's [`customer_key`] (run by the migration
/// that followed a change of it). Of two live customers that only now share a key, the one
/// whose key would change keeps its old key: both stay as they are, and the next save of its
/// name flags the duplicate.
pub(crate) fn rekey_names(conn: &Connection) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String, String)> = conn
        .prepare("SELECT id, name, name_key FROM customer ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare("UPDATE customer SET name_key = ?2 WHERE id = ?1")?;
    for (id, name, old) in rows {
        let key = customer_key(&name);
        if key == old {
            continue;
        }
        if let Err(e) = update.execute(params![id, key]) {
            if e.sqlite_error_code() != Some(rusqlite::ErrorCode::ConstraintViolation) {
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Marks a dimension of customer `id` saved at `now` (the 概况 tab's dates).
pub(crate) fn touch_section(conn: &Connection, id: i64, section: Section, now: &str) -> Result<()> {
    touch_sections(conn, id, id, section, now)
}

/// [`touch_section`] for the customers with ids `first` to `last` (created together, by an
/// import), in one statement.
pub(crate) fn touch_sections(conn: &Connection, first: i64, last: i64, section: Section, now: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO section_update (customer_id, section, updated_at)
         SELECT id, ?3, ?4 FROM customer WHERE id BETWEEN ?1 AND ?2
         ON CONFLICT (customer_id, section) DO UPDATE SET updated_at = excluded.updated_at",
    )?
    .execute(params![first, last, section.code(), now])?;
    Ok(())
}

/// What the customer's own tables hold of its profile: every dimension and the contacts, and
/// when each dimension was last saved. The parts other features add are left empty:
/// `profile/store.rs` fills in the power map's light, the sections' status and the signals.
pub(crate) fn load_stored_profile(conn: &Connection, id: i64) -> Result<(CustomerProfile, Vec<(Section, String)>)> {
    let customer = load_customer(conn, id)?;
    let (business, sp_bp, process_it): (String, String, String) =
        conn.query_row("SELECT business, sp_bp, process_it FROM customer WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let financials = crate::customers::sections::load_financials(conn, id)?;
    let suppliers = crate::customers::sections::load_suppliers(conn, id)?;
    let roles = crate::customers::sections::load_roles(conn, id)?;
    let contacts = crate::customers::contacts::load_contacts(conn, id)?;
    let mut st = conn.prepare("SELECT section, updated_at FROM section_update WHERE customer_id = ?1")?;
    let updates: Vec<(Section, String)> = st
        .query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|row| row.ok().and_then(|(s, at)| Section::from_code(&s).map(|s| (s, at))))
        .collect();
    let p = CustomerProfile {
        business: serde_json::from_str(&business).unwrap_or_default(),
        sp_bp: serde_json::from_str(&sp_bp).unwrap_or_default(),
        process_it: serde_json::from_str(&process_it).unwrap_or_default(),
        financials,
        suppliers,
        roles,
        contacts,
        ..CustomerProfile::new_customer(customer)
    };
    Ok((p, updates))
}

/// Recomputes the customer's cached completeness (`customer.completeness`). Its power-map light,
/// the other cached value, is the power map's to refresh (`powermap::store::refresh_cached`
/// does both).
pub(crate) fn refresh_completeness(conn: &Connection, id: i64) -> Result<()> {
    let (p, _) = load_stored_profile(conn, id)?;
    conn.prepare_cached("UPDATE customer SET completeness = ?2 WHERE id = ?1")?
        .execute(params![id, profile::score(&p)])?;
    Ok(())
}

/// Re-indexes a customer and its contacts (their subtitles show the customer's name).
pub(crate) fn reindex(conn: &Connection, customer_id: i64) -> Result<()> {
    let c = load_customer(conn, customer_id)?;
    search::index::put(conn, &crate::customers::search::customer_entry(&c))?;
    for ct in crate::customers::contacts::load_contacts(conn, customer_id)? {
        search::index::put(conn, &crate::customers::search::contact_entry(&ct, &c.fields.name))?;
    }
    Ok(())
}

/// Builds the search index again from the live customers and their live contacts (what the
/// writes keep indexed), for a change of what an entry holds (`customers/search.rs`): the
/// back-fill of migration 011, which added the names' other readings.
pub(crate) fn reindex_all(conn: &Connection) -> Result<()> {
    search::index::clear(conn)?;
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        let c = load_customer(conn, id)?;
        search::index::insert(conn, &crate::customers::search::customer_entry(&c))?;
        for ct in crate::customers::contacts::load_contacts(conn, id)? {
            search::index::insert(conn, &crate::customers::search::contact_entry(&ct, &c.fields.name))?;
        }
    }
    Ok(())
}

/// Re-indexes one contact (its subtitle shows its customer's name).
pub(crate) fn reindex_contact(conn: &Connection, c: &Contact) -> Result<()> {
    let customer_name: String =
        conn.query_row("SELECT name FROM customer WHERE id = ?1", [c.customer_id], |r| r.get(0))?;
    search::index::put(conn, &crate::customers::search::contact_entry(c, &customer_name))
}

/// Looks up a live customer by normalised name.
pub(crate) fn existing_customer(conn: &Connection, key: &str) -> Result<Option<(i64, CustomerFields)>> {
    let id: Option<i64> = conn
        .prepare_cached("SELECT id FROM customer WHERE name_key = ?1 AND deleted_at IS NULL")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    Ok(match id {
        Some(id) => Some((id, load_customer(conn, id)?.fields)),
        None => None,
    })
}

/// For contact lists, which often name the customer by its short name: the one live customer
/// whose short name is exactly `name`.
pub(crate) fn customer_by_short_name(conn: &Connection, name: &str) -> Result<Option<i64>> {
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM customer WHERE short_name = ?1 AND deleted_at IS NULL LIMIT 2")?
        .query_map([name.trim()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(if ids.len() == 1 { Some(ids[0]) } else { None })
}

/// The id of the live customer called exactly `name` (the sample data finds its own).
pub(crate) fn live_customer_named(conn: &Connection, name: &str) -> Result<i64> {
    Ok(conn.query_row("SELECT id FROM customer WHERE name = ?1 AND deleted_at IS NULL", [name], |r| r.get(0))?)
}
