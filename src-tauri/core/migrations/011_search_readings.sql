-- Names are searchable under every reading of their characters, not only the first: 长沙 as
-- "changsha" beside "zhangsha", 曾伟 as "zengwei" beside "cengwei" (text::readings, at most 16
-- per name). `readings` holds an entry's other readings, full pinyin and initials, which the
-- trigram index holds with the body; `search_initials` the other initials of the main name,
-- for 1–2 letter queries (as the index on search_entry.initials serves the usual ones). The
-- back-fill of this version re-indexes every customer and contact
-- (customers/store.rs, reindex_all).

ALTER TABLE search_entry ADD COLUMN readings TEXT NOT NULL DEFAULT '';

CREATE TABLE search_initials (
    initials TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    PRIMARY KEY (initials, entry_id)
) WITHOUT ROWID;
CREATE INDEX search_initials_entry ON search_initials(entry_id);
