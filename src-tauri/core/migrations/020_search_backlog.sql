-- Search entries still to be written: ranges of the customers a large import created (with
-- their contacts) and of the contacts it added to other customers
-- (import/store.rs), indexed after its commit a chunk at a time (customers/search.rs,
-- `catch_up_search`), so the import does not wait for the search index. While a range is here
-- the search also looks at those records' names directly (search/backlog.rs).
CREATE TABLE search_backlog (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,        -- 'customer' | 'contact'
    first_id INTEGER NOT NULL,
    last_id  INTEGER NOT NULL
);
