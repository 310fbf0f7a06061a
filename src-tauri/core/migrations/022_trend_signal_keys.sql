-- Purchase trends: the feed's cached signals (migration 007) keep what the feed sorts and
-- filters on, each one's place among its customer's signals and its one-line text (the risk
-- lights' detail), no longer the whole signal as JSON: a page of the feed computes its
-- customers' signals again from their cached series (migration 019). A new evaluated month can
-- raise ≈ 28 k signals at a million purchase rows; as JSON they were ≈ 10 MB to write each time.
-- No foreign key, so that emptying the table before every customer's signals are recomputed
-- frees its pages whole instead of deleting row by row; a customer deleted for good takes its
-- rows with it through the trigger below.
DROP TABLE trend_signal;
CREATE TABLE trend_signal (
    customer_id INTEGER NOT NULL,
    seq         INTEGER NOT NULL,   -- its place among the customer's signals, in feed order
    severity    INTEGER NOT NULL,   -- 0 high, 1 medium, 2 low
    impact      REAL NOT NULL,
    magnitude   REAL NOT NULL,      -- |change %|
    kind        TEXT NOT NULL,
    product     TEXT NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (customer_id, seq)
) WITHOUT ROWID;
CREATE INDEX trend_signal_order ON trend_signal(severity, impact DESC, magnitude DESC);

CREATE TRIGGER customer_trend_signal_delete AFTER DELETE ON customer BEGIN
    DELETE FROM trend_signal WHERE customer_id = old.id;
END;

-- Every customer's signals are computed again (from the cached series) on the first read.
DELETE FROM setting WHERE key = 'trend_basis';
