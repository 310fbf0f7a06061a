-- The filters' choices (`Store::facets`: distinct industries and owners of the customers not
-- in the trash) are read at every start. With an index on the column alone each entry also
-- read its customer row for `deleted_at`: 0.3–0.4 s at 100k customers from a cold file. With
-- `deleted_at` in the index the index alone answers (≈ 15 ms), and it still serves the list's
-- sort by these columns.
DROP INDEX customer_industry;
CREATE INDEX customer_industry ON customer(industry, deleted_at);
DROP INDEX customer_owner;
CREATE INDEX customer_owner ON customer(owner, deleted_at);
