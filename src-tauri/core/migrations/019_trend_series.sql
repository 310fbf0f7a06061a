-- Purchase trends: each customer's CNY amount per product and month, kept beside the feed's
-- cache (migration 007) so that a new evaluated month or a changed threshold re-runs the
-- detectors on these ≈ 30 k short series instead of a million purchase rows. Written with the
-- customer's other cached rows whenever it is recomputed (trend_dirty); a customer's rows go
-- with it when it is deleted for good.
CREATE TABLE trend_series (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    product     TEXT NOT NULL,
    category    TEXT NOT NULL,   -- of the product's latest record that had one
    amounts     BLOB NOT NULL,   -- (month: i32, CNY: f64) little-endian pairs, months ascending
    PRIMARY KEY (customer_id, product)
) WITHOUT ROWID;

-- An older file has no series yet: every customer is recomputed once, on the first read.
INSERT OR IGNORE INTO trend_dirty SELECT id FROM customer;
