-- Import history: each committed import, and what it changed, so it can be undone in one
-- click (creates are deleted, updates restored from the `before` snapshot).

CREATE TABLE import_batch (
    id          INTEGER PRIMARY KEY,
    file        TEXT NOT NULL,
    sheet       TEXT NOT NULL,
    kind        TEXT NOT NULL,             -- 'customers' | 'contacts'
    created     INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    undone_at   TEXT
);

CREATE TABLE import_change (
    batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
    entity   TEXT NOT NULL,                -- 'customer' | 'contact'
    ref_id   INTEGER NOT NULL,
    action   TEXT NOT NULL,                -- 'created' | 'updated'
    before   TEXT                          -- JSON of the fields before an update
);
CREATE INDEX import_change_batch ON import_change(batch_id);
