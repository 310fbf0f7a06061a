-- Dossier schema v1: customers with the 8 profile dimensions, contacts, settings, search index.
-- Migrations are append-only: never edit a released file, add the next number instead.

CREATE TABLE customer (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    name_key       TEXT NOT NULL,          -- normalize::customer_key, for duplicate detection
    short_name     TEXT NOT NULL DEFAULT '',
    ownership      TEXT,
    industry       TEXT NOT NULL DEFAULT '',
    region         TEXT NOT NULL DEFAULT '',
    headcount      INTEGER,
    founded        TEXT NOT NULL DEFAULT '',
    stock_code     TEXT NOT NULL DEFAULT '',
    headquarters   TEXT NOT NULL DEFAULT '',
    subsidiaries   TEXT NOT NULL DEFAULT '',
    website        TEXT NOT NULL DEFAULT '',
    grade          TEXT,
    lifecycle      TEXT,
    owner          TEXT NOT NULL DEFAULT '',
    collaborators  TEXT NOT NULL DEFAULT '',
    lead_source    TEXT,
    tags           TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    business       TEXT NOT NULL DEFAULT '{}',  -- JSON model::MainBusiness (dimension 2)
    sp_bp          TEXT NOT NULL DEFAULT '{}',  -- JSON model::SpBp (dimension 4)
    process_it     TEXT NOT NULL DEFAULT '{}',  -- JSON model::ProcessIt (dimension 8)
    completeness   INTEGER NOT NULL DEFAULT 0,  -- profile::overall, kept for sorting the list
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT                         -- set while a delete can still be undone
);
CREATE UNIQUE INDEX customer_name_key ON customer(name_key) WHERE deleted_at IS NULL;
CREATE INDEX customer_name ON customer(name);
CREATE INDEX customer_grade ON customer(grade);
CREATE INDEX customer_lifecycle ON customer(lifecycle);
CREATE INDEX customer_industry ON customer(industry);
CREATE INDEX customer_owner ON customer(owner);
CREATE INDEX customer_completeness ON customer(completeness);
CREATE INDEX customer_updated_at ON customer(updated_at);

-- When each dimension was last saved (for "更新于" and staleness).
CREATE TABLE section_update (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    section     TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (customer_id, section)
) WITHOUT ROWID;

-- Dimension 3: one row per period.
CREATE TABLE financial_period (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    period          TEXT NOT NULL,
    revenue         REAL,
    gross_margin    REAL,
    net_profit      REAL,
    inventory_days  REAL,
    receivable_days REAL,
    cash_flow       TEXT,
    source          TEXT NOT NULL DEFAULT '',
    UNIQUE (customer_id, period)
);

-- Dimension 7.
CREATE TABLE supplier (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    category        TEXT NOT NULL DEFAULT '',
    name            TEXT NOT NULL DEFAULT '',
    share           REAL,
    since           TEXT NOT NULL DEFAULT '',
    contract_end    TEXT NOT NULL DEFAULT '',
    allocation_rule TEXT,
    strengths       TEXT NOT NULL DEFAULT '',
    weaknesses      TEXT NOT NULL DEFAULT '',
    is_us           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX supplier_customer ON supplier(customer_id);

CREATE TABLE contact (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    pinyin              TEXT NOT NULL DEFAULT '',
    title               TEXT NOT NULL DEFAULT '',
    department          TEXT NOT NULL DEFAULT '',
    reports_to          INTEGER REFERENCES contact(id) ON DELETE SET NULL,
    phone               TEXT NOT NULL DEFAULT '',
    wechat              TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    is_key_person       INTEGER NOT NULL DEFAULT 0,
    traits              TEXT NOT NULL DEFAULT '',
    ice_breakers        TEXT NOT NULL DEFAULT '',
    hobbies             TEXT NOT NULL DEFAULT '',
    preferences         TEXT NOT NULL DEFAULT '',
    pain_points         TEXT NOT NULL DEFAULT '',
    career              TEXT NOT NULL DEFAULT '',
    communication_style TEXT NOT NULL DEFAULT '',
    family              TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    last_contact        TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
CREATE INDEX contact_customer ON contact(customer_id);
CREATE INDEX contact_reports_to ON contact(reports_to);

-- Dimension 5 (table form for now): the current assessment of each contact's role.
CREATE TABLE role_assessment (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    buying_role TEXT,
    support     INTEGER,
    influence   INTEGER,
    coverage    TEXT,
    evidence    TEXT NOT NULL DEFAULT '',
    assessed_on TEXT NOT NULL,
    PRIMARY KEY (customer_id, contact_id)
);
CREATE INDEX role_assessment_contact ON role_assessment(contact_id);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL      -- JSON
);

-- Search: one entry per customer or contact. `body` holds everything searchable (names,
-- full pinyin, initials, phone digits, e-mail, WeChat), already normalised.
CREATE TABLE search_entry (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,         -- 'customer' | 'contact'
    ref_id      INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    title       TEXT NOT NULL,
    subtitle    TEXT NOT NULL,
    names       TEXT NOT NULL,         -- normalised names, space-separated (ranking, grams)
    initials    TEXT NOT NULL,         -- pinyin initials of the main name ("zs")
    body        TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);
CREATE INDEX search_entry_initials ON search_entry(initials);

-- Queries of three or more characters: trigram full-text index over search_entry.body.
CREATE VIRTUAL TABLE search_fts USING fts5(
    body, content='', contentless_delete=1, tokenize='trigram'
);

-- Queries of one or two characters, which trigrams cannot answer: every 1- and 2-character
-- substring of the names, pointing at the entry.
CREATE TABLE search_gram (
    gram     TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    PRIMARY KEY (gram, entry_id)
) WITHOUT ROWID;
