-- The customer's lifecycle (生命周期) as it changed, so that a win can move it and undoing the
-- win can put it back, and the timeline can say why it changed: a deal won (the first win:
-- 已成交, a later one: 老客户), a win undone (back to what the win found), or a hand edit in the
-- customer form. `from_lifecycle`/`to_lifecycle` are lifecycle codes, NULL when not set.
CREATE TABLE lifecycle_change (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    from_lifecycle  TEXT,
    to_lifecycle    TEXT,
    cause           TEXT NOT NULL CHECK (cause IN ('deal_won', 'win_undone', 'hand')),
    opportunity_id  INTEGER REFERENCES opportunity(id) ON DELETE SET NULL,
    recorded_at     TEXT NOT NULL
);
CREATE INDEX lifecycle_change_customer ON lifecycle_change(customer_id, id);
