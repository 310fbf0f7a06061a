-- 回款 and 交付 of a won deal (docs/payments.md): the payment plan's installments (分期), the
-- payments received (已回款) and the delivery milestones (交付里程碑). Each row carries its
-- deal and the deal's customer, so the risk rules read them with their deal in one join and the
-- deal's delete to the trash copies them out with it. New tables only: existing rows unchanged.
CREATE TABLE installment (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    customer_id     INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,            -- 第 n 期, 1-based, in due-date order
    amount          REAL NOT NULL,               -- 元, > 0
    due_date        TEXT NOT NULL,               -- YYYY-MM-DD
    condition       TEXT NOT NULL DEFAULT '',    -- 验收后, 到货后 …
    note            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX installment_deal ON installment(opportunity_id, seq);
-- The overdue-installment rule reads the installments already due, oldest first.
CREATE INDEX installment_due ON installment(due_date, opportunity_id);

CREATE TABLE payment (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    customer_id     INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    received_on     TEXT NOT NULL,               -- YYYY-MM-DD
    amount          REAL NOT NULL,               -- 元, > 0
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);
CREATE INDEX payment_deal ON payment(opportunity_id, received_on);

CREATE TABLE milestone (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    customer_id     INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,            -- the list's order, 1-based
    name            TEXT NOT NULL,
    planned_date    TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD or ''
    actual_date     TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD or ''
    owner           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'not_started'  -- payments::MilestoneStatus code
);
CREATE INDEX milestone_deal ON milestone(opportunity_id, seq);
-- The overdue-milestone rule reads the milestones not done, by planned date.
CREATE INDEX milestone_open ON milestone(planned_date, opportunity_id) WHERE status <> 'done';
