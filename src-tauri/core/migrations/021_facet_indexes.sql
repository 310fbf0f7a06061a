-- The filters' choices (`Store::facets`: distinct industries and owners of the customers not
-- in the trash) are read at every start. With an index on the column alone each entry also
-- read its customer row for `deleted_at`: 0.3–0.4 s at 100k customers from a cold file. An
-- index of the customers not in the trash alone answers it (≈ 40 ms cold), and, ordered by
-- the column then the id, still serves the list's sort by these columns (an index on
-- (column, deleted_at) would not: the list sorts by the column then the id).
DROP INDEX customer_industry;
CREATE INDEX customer_industry ON customer(industry) WHERE deleted_at IS NULL;
DROP INDEX customer_owner;
CREATE INDEX customer_owner ON customer(owner) WHERE deleted_at IS NULL;
