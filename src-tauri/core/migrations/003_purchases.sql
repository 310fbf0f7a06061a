-- Purchase records (采购行为数据): one row per customer, month and product, as imported from
-- order lists. Amounts keep their currency; totals only add up CNY.

CREATE TABLE purchase (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    month       TEXT NOT NULL,             -- YYYY-MM
    day         TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD when the source had a full date
    product     TEXT NOT NULL,
    category    TEXT NOT NULL DEFAULT '',
    quantity    REAL,
    amount      REAL,
    currency    TEXT NOT NULL DEFAULT 'CNY'
);
CREATE INDEX purchase_customer_month ON purchase(customer_id, month);
CREATE INDEX purchase_month ON purchase(month);
