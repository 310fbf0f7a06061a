-- The trash (回收站): every deleted customer, contact, visit summary and opportunity, kept for
-- `Settings::trash_days` and restorable one by one in any order (store/trash/).
--
-- Customers and contacts stay in their tables, marked (`deleted_at`: every read skips them);
-- visit summaries and opportunities are copied out into `kept` and deleted, so no query has to
-- learn to skip them. An entry belongs to its customer: purging the customer for good takes
-- the entries of its contacts, summaries and deals with it (ON DELETE CASCADE).

CREATE TABLE trash (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,                   -- model::DeletedKind code
    ref_id      INTEGER NOT NULL,                -- the record's id when it was deleted
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,                   -- how the list names it
    deleted_at  TEXT NOT NULL,
    import_id   INTEGER,                         -- the import whose undo put it here
    contents    TEXT NOT NULL DEFAULT '{}',      -- JSON model::TrashContents
    kept        TEXT NOT NULL DEFAULT 'null'     -- JSON: rows copied out, links the delete cut
);
CREATE INDEX trash_deleted ON trash(deleted_at, id);
CREATE INDEX trash_customer ON trash(customer_id);

-- What an import wrote over an existing record (JSON of its fields after the update), so its
-- undo can tell the fields edited since from those still as imported. NULL for imports
-- committed before this version.
ALTER TABLE import_change ADD COLUMN after TEXT;
