-- Search for 1–2 character queries moves from a table of every 1- and 2-character substring
-- of the names (millions of B-tree rows for a large import: most of the import's time and of
-- the file) to an FTS5 index with one token per character: a 1-character query is a token,
-- a 2-character query the phrase of two adjacent tokens. `name` holds the main name, `alias`
-- the others (a customer's short name), so a phrase never spans two names. Filled from
-- `search_entry.names` by the migration's hook (`db.rs`), since SQL cannot split characters.

DROP TABLE search_gram;

CREATE VIRTUAL TABLE search_uni USING fts5(
    name, alias, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);
