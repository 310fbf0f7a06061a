-- Search reaches past names: follow-up records (跟进记录) by what was said in them, deals (商机)
-- by their names and competitors, and the suppliers named in profiles (dimension 7). These
-- items are kept apart from the customer and contact entries (search_entry …) so that a
-- customer's name, mentioned in hundreds of records, never crowds the customer out of the
-- candidates a query ranks. The kinds share the tables; an item's id is its kind's range plus
-- the record's id (search/items.rs), so each kind is queried on its own range of rowids and
-- gets its own candidates. The back-fill of this version indexes the existing records.

CREATE TABLE search_item (
    id          INTEGER PRIMARY KEY,   -- (kind's tag << 40) + ref_id
    kind        TEXT NOT NULL,         -- 'visit' | 'opportunity' | 'supplier'
    ref_id      INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    title       TEXT NOT NULL,
    subtitle    TEXT NOT NULL,
    names       TEXT NOT NULL,         -- the normalised names, space-separated (ranking)
    initials    TEXT NOT NULL,         -- the usual initials of the first name (ranking)
    readings    TEXT NOT NULL,         -- every reading of the names, full and initials, space-separated
                                       -- (the keys of its rows in search_item_reading)
    fields      TEXT NOT NULL,         -- the field of each line of `text`, space-separated
    text        TEXT NOT NULL          -- the searchable values as written, one per line (snippets)
);
CREATE INDEX search_item_customer ON search_item(customer_id);

-- Queries of three or more characters: trigrams of the values as written.
CREATE VIRTUAL TABLE search_item_fts USING fts5(
    body, content='', contentless_delete=1, tokenize='trigram'
);

-- Queries of one or two characters: every character and every pair of adjacent characters
-- of the values as a token of its own, so either is one token's list. No positions are kept
-- (detail=none): a phrase over the characters of long text would read the position lists of
-- the commonest characters.
CREATE VIRTUAL TABLE search_item_short USING fts5(
    body, content='', contentless_delete=1, detail='none', tokenize='unicode61 remove_diacritics 0'
);

-- Latin queries: every reading of the names, full pinyin and initials, by kind, found by
-- prefix ("ximen", "xmz" find 西门子). Not in the trigram index: a long pinyin query is a
-- rare phrase of common trigrams there, whose position lists it would read whole.
CREATE TABLE search_item_reading (
    kind     TEXT NOT NULL,
    reading  TEXT NOT NULL,
    item_id  INTEGER NOT NULL,
    PRIMARY KEY (kind, reading, item_id)
) WITHOUT ROWID;
