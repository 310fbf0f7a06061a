-- The power map (权力地图, DESIGN §2.3): scopes, role assessments per scope, influence and
-- conflict edges, required role slots, dragged positions, and the history of every change.
--
-- Scope 0 is the account-wide map every customer has (no row in power_scope); a named scope
-- ("2026 MES 项目") is a power_scope row, id ≥ 1. Reports-to stays on contact.reports_to
-- (one formal boss, account-wide); its changes are recorded in power_history.

CREATE TABLE power_scope (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX power_scope_name ON power_scope(customer_id, name);

-- role_assessment gains its scope and who of our team covers the contact: rebuilt, since
-- the primary key changes from (customer, contact) to (scope, contact). Existing rows become
-- the account-wide scope.
CREATE TABLE role_assessment_v6 (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    scope_id    INTEGER NOT NULL DEFAULT 0,      -- 0 = account-wide, else power_scope.id
    contact_id  INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    buying_role TEXT,
    support     INTEGER,
    influence   INTEGER,
    coverage    TEXT,
    covered_by  TEXT NOT NULL DEFAULT '',        -- our team member(s) covering the contact
    evidence    TEXT NOT NULL DEFAULT '',
    assessed_on TEXT NOT NULL,
    PRIMARY KEY (scope_id, contact_id)
);
INSERT INTO role_assessment_v6 (customer_id, scope_id, contact_id, position, buying_role, support,
        influence, coverage, evidence, assessed_on)
    SELECT customer_id, 0, contact_id, position, buying_role, support, influence, coverage,
           evidence, assessed_on
    FROM role_assessment;
DROP TABLE role_assessment;
ALTER TABLE role_assessment_v6 RENAME TO role_assessment;
CREATE INDEX role_assessment_contact ON role_assessment(contact_id);
CREATE INDEX role_assessment_customer ON role_assessment(customer_id, scope_id);

-- Informal edges. Reports-to is not here (contact.reports_to).
CREATE TABLE power_edge (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    scope_id    INTEGER NOT NULL DEFAULT 0,      -- 0 = account-wide (shown in every scope)
    kind        TEXT NOT NULL,                   -- 'influences' | 'conflicts'
    from_id     INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    to_id       INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    label       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX power_edge_customer ON power_edge(customer_id, scope_id);
CREATE INDEX power_edge_from ON power_edge(from_id);
CREATE INDEX power_edge_to ON power_edge(to_id);

-- Required role slots (决策者 / 审批者 / 技术评估者 …) per scope.
CREATE TABLE power_slot (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    scope_id    INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL,
    buying_role TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX power_slot_customer ON power_slot(customer_id, scope_id);

-- Where the user dragged a node, per scope.
CREATE TABLE power_position (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    scope_id    INTEGER NOT NULL DEFAULT 0,
    contact_id  INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    x           REAL NOT NULL,
    y           REAL NOT NULL,
    PRIMARY KEY (scope_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX power_position_customer ON power_position(customer_id, scope_id);

-- Every change of an assessment, a reports-to link or an edge, with the values before and
-- after (JSON; NULL = absent). No foreign key on contact_id: the history outlives a contact.
CREATE TABLE power_history (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    scope_id     INTEGER NOT NULL DEFAULT 0,
    kind         TEXT NOT NULL,                  -- 'assessment' | 'reports_to' | 'edge'
    contact_id   INTEGER NOT NULL,               -- whom the change is about (edge: its source)
    contact_name TEXT NOT NULL,                  -- their name when it was recorded
    edge_id      INTEGER,                        -- for 'edge'
    changed_on   TEXT NOT NULL,                  -- YYYY-MM-DD the change counts from
    recorded_at  TEXT NOT NULL,
    old          TEXT,
    new          TEXT
);
CREATE INDEX power_history_customer ON power_history(customer_id, changed_on);

-- A deleted scope takes its assessments, edges, slots, positions and history with it.
CREATE TRIGGER power_scope_delete AFTER DELETE ON power_scope BEGIN
    DELETE FROM role_assessment WHERE scope_id = old.id;
    DELETE FROM power_edge WHERE scope_id = old.id;
    DELETE FROM power_slot WHERE scope_id = old.id;
    DELETE FROM power_position WHERE scope_id = old.id;
    DELETE FROM power_history WHERE scope_id = old.id;
END;

-- The existing assessments' first history entry, dated when they were assessed.
INSERT INTO power_history (customer_id, scope_id, kind, contact_id, contact_name, changed_on,
        recorded_at, old, new)
    SELECT r.customer_id, 0, 'assessment', r.contact_id, ct.name, r.assessed_on,
           r.assessed_on || 'T00:00:00Z', NULL,
           json_object('contactId', r.contact_id, 'buyingRole', r.buying_role,
                       'support', r.support, 'influence', r.influence, 'coverage', r.coverage,
                       'coveredBy', '', 'evidence', r.evidence, 'assessedOn', r.assessed_on)
    FROM role_assessment r JOIN contact ct ON ct.id = r.contact_id
    ORDER BY r.customer_id, r.position;

-- The account-wide map's status light, kept for the customer list (unknown/red/amber/green);
-- filled for the existing assessments by the migration's hook (db.rs) and refreshed on
-- every power-map or contact write.
ALTER TABLE customer ADD COLUMN power_status TEXT NOT NULL DEFAULT 'unknown';
