-- The records an import created of one kind with consecutive ids are one history row: ids
-- ref_id to last_ref_id (import/store.rs). NULL: the row names one record, as every row did
-- before. A hundred thousand created customers are then one row instead of a hundred thousand
-- written one by one; the undo (import/undo.rs) and 彻底删除 (erase/store.rs) read them as ranges.
ALTER TABLE import_change ADD COLUMN last_ref_id INTEGER;
