-- Process records (DESIGN §2.5, issue 6): opportunities (商机) with their stage history, visit
-- summaries (拜访总结) and next actions (下一步行动).
--
-- Tables where the app queries (opportunities by customer/stage/close date, visits by
-- customer/opportunity/date, actions by owner/due date); the small structured lists of a visit
-- (needs, objections, commitments, quotes, …) are JSON columns read and written whole with it.
-- Everything hangs off a customer with ON DELETE CASCADE, so purging a customer from the undo
-- bin takes its process records with it; while it is in the bin, reads skip it.

CREATE TABLE opportunity (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    owner            TEXT NOT NULL DEFAULT '',
    amount           REAL NOT NULL,               -- 元
    stage            TEXT NOT NULL,               -- opportunities::Stage code
    probability      INTEGER,                     -- override of the stage default, 0–100
    expected_close   TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD
    scope_id         INTEGER REFERENCES power_scope(id) ON DELETE SET NULL,
    key_persons      TEXT NOT NULL DEFAULT '[]',  -- JSON array of contact ids
    budget           REAL,
    competitors      TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    needs            TEXT NOT NULL DEFAULT '',    -- confirmed needs, besides those in visits
    quote_amount     REAL,
    quote_date       TEXT NOT NULL DEFAULT '',
    contract_amount  REAL,
    contract_date    TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    -- Lost-deal review (丢单复盘), set when the stage is 'lost'.
    lost_to          TEXT NOT NULL DEFAULT '',
    lost_reason      TEXT,                        -- opportunities::LostReason code
    lost_text        TEXT NOT NULL DEFAULT '',
    lost_stage       TEXT,                        -- the stage it was lost at
    lost_next        TEXT NOT NULL DEFAULT '',
    stage_since      TEXT NOT NULL,               -- YYYY-MM-DD the current stage began
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX opportunity_customer ON opportunity(customer_id, stage);
CREATE INDEX opportunity_stage ON opportunity(stage, expected_close);
CREATE INDEX opportunity_close ON opportunity(expected_close);
CREATE INDEX opportunity_owner ON opportunity(owner);
CREATE INDEX opportunity_scope ON opportunity(scope_id) WHERE scope_id IS NOT NULL;

-- Every stage an opportunity entered (the first row, from_stage NULL, is its creation).
CREATE TABLE stage_change (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    customer_id     INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    from_stage      TEXT,
    to_stage        TEXT NOT NULL,
    changed_on      TEXT NOT NULL,                -- YYYY-MM-DD
    recorded_at     TEXT NOT NULL
);
CREATE INDEX stage_change_customer ON stage_change(customer_id, recorded_at);
CREATE INDEX stage_change_opportunity ON stage_change(opportunity_id);

CREATE TABLE visit (
    id                     INTEGER PRIMARY KEY,
    customer_id            INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    opportunity_id         INTEGER REFERENCES opportunity(id) ON DELETE SET NULL,
    visited_on             TEXT NOT NULL,         -- YYYY-MM-DD
    visited_time           TEXT NOT NULL DEFAULT '', -- HH:MM or ''
    method                 TEXT NOT NULL,         -- visits::VisitMethod code
    place                  TEXT NOT NULL DEFAULT '',
    customer_participants  TEXT NOT NULL DEFAULT '[]', -- JSON [{contactId, name, title}] as of the visit
    our_participants       TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    goal                   TEXT NOT NULL DEFAULT '',
    summary                TEXT NOT NULL DEFAULT '',
    decisions              TEXT NOT NULL DEFAULT '[]', -- JSON lists, see visits::VisitFields
    needs                  TEXT NOT NULL DEFAULT '[]',
    objections             TEXT NOT NULL DEFAULT '[]',
    commitments            TEXT NOT NULL DEFAULT '[]',
    quotes                 TEXT NOT NULL DEFAULT '[]',
    competitor_news        TEXT NOT NULL DEFAULT '[]',
    risks                  TEXT NOT NULL DEFAULT '[]',
    opportunities          TEXT NOT NULL DEFAULT '[]',
    need_count             INTEGER NOT NULL DEFAULT 0, -- json_array_length(needs), for the 需求确认 gate
    urgent                 INTEGER NOT NULL DEFAULT 0,
    confirmation           TEXT NOT NULL DEFAULT 'draft', -- draft | sent | confirmed
    sent_on                TEXT NOT NULL DEFAULT '',
    confirmed_on           TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);
CREATE INDEX visit_customer ON visit(customer_id, visited_on);
CREATE INDEX visit_opportunity ON visit(opportunity_id, visited_on) WHERE opportunity_id IS NOT NULL;
-- The unconfirmed-summary rule reads only the few not yet confirmed.
CREATE INDEX visit_unconfirmed ON visit(visited_on, customer_id, opportunity_id) WHERE confirmation <> 'confirmed';

CREATE TABLE next_action (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    visit_id        INTEGER REFERENCES visit(id) ON DELETE CASCADE,
    opportunity_id  INTEGER REFERENCES opportunity(id) ON DELETE SET NULL,
    position        INTEGER NOT NULL DEFAULT 0,
    what            TEXT NOT NULL,
    owner           TEXT NOT NULL DEFAULT '',
    due_date        TEXT NOT NULL DEFAULT '',     -- YYYY-MM-DD or ''
    status          TEXT NOT NULL DEFAULT 'todo', -- todo | doing | done (overdue is computed)
    done_on         TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX next_action_customer ON next_action(customer_id, due_date);
CREATE INDEX next_action_visit ON next_action(visit_id);
-- A deal's latest action activity (the quote rule) without reading the rows.
CREATE INDEX next_action_opportunity ON next_action(opportunity_id, updated_at) WHERE opportunity_id IS NOT NULL;
-- Open actions by due date: overdue and due-today lists, and the overdue rule read from the
-- index alone.
CREATE INDEX next_action_open ON next_action(due_date, customer_id, opportunity_id, owner) WHERE status <> 'done';
