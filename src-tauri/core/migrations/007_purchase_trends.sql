-- Purchase trends (采购趋势): an index that reads one customer's purchases per product in month
-- order without touching the table, and the cache behind the home page's signal feed and
-- portfolio chart. The cache is derived data: triggers mark a customer dirty whenever its
-- purchase records or financial periods change (hand edits, imports, undo, cascading
-- deletes), and the store recomputes dirty customers before it reads the cache. A customer's
-- cached rows go with it when it is deleted for good; while it is in the undo bin, reads skip it.

CREATE INDEX purchase_trend ON purchase(customer_id, product, month, currency, amount, quantity, category);

-- Customers whose cached trend rows are out of date.
CREATE TABLE trend_dirty (customer_id INTEGER PRIMARY KEY);

CREATE TRIGGER purchase_trend_insert AFTER INSERT ON purchase BEGIN
    INSERT OR IGNORE INTO trend_dirty VALUES (new.customer_id);
END;
CREATE TRIGGER purchase_trend_update AFTER UPDATE ON purchase BEGIN
    INSERT OR IGNORE INTO trend_dirty VALUES (old.customer_id);
    INSERT OR IGNORE INTO trend_dirty VALUES (new.customer_id);
END;
CREATE TRIGGER purchase_trend_delete AFTER DELETE ON purchase BEGIN
    INSERT OR IGNORE INTO trend_dirty VALUES (old.customer_id);
END;
CREATE TRIGGER financial_trend_insert AFTER INSERT ON financial_period BEGIN
    INSERT OR IGNORE INTO trend_dirty VALUES (new.customer_id);
END;
CREATE TRIGGER financial_trend_update AFTER UPDATE ON financial_period BEGIN
    INSERT OR IGNORE INTO trend_dirty VALUES (old.customer_id);
    INSERT OR IGNORE INTO trend_dirty VALUES (new.customer_id);
END;
CREATE TRIGGER financial_trend_delete AFTER DELETE ON financial_period BEGIN
    INSERT OR IGNORE INTO trend_dirty VALUES (old.customer_id);
END;

-- A customer's CNY amount per month, and its records in other currencies (the portfolio chart).
CREATE TABLE trend_month (
    customer_id    INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    month          TEXT NOT NULL,
    amount         REAL NOT NULL,
    other_records  INTEGER NOT NULL,
    PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;
CREATE INDEX trend_month_month ON trend_month(month);

-- A customer's signals (trends::TrendSignal as JSON, name left empty), with the feed's sort keys.
CREATE TABLE trend_signal (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    severity    INTEGER NOT NULL,   -- 0 high, 1 medium, 2 low
    impact      REAL NOT NULL,
    magnitude   REAL NOT NULL,      -- |change %|
    kind        TEXT NOT NULL,
    product     TEXT NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX trend_signal_customer ON trend_signal(customer_id);
CREATE INDEX trend_signal_order ON trend_signal(severity, impact DESC, magnitude DESC);

-- What the cache was computed for (the evaluated month and the thresholds) lives in the
-- `setting` table under `trend_basis`; no row yet (as after this migration) means "compute
-- every customer on the first read".
