-- 业绩 targets (docs/results.md): one value per owner ('' = the team), metric and month
-- ('YYYY-MM') or quarter ('YYYY-Qn'). A month without its own target takes a share of its
-- quarter's (results/months.rs). And the customer indexes of payments and milestones, which the
-- customer's timeline reads (activity/timeline.rs). New table and indexes only: rows unchanged.
CREATE TABLE target (
    id          INTEGER PRIMARY KEY,
    owner       TEXT NOT NULL DEFAULT '',   -- a 负责人, or '' for the team
    metric      TEXT NOT NULL,              -- results::Metric code
    period      TEXT NOT NULL,              -- 'YYYY-MM' or 'YYYY-Qn'
    value       REAL NOT NULL,              -- ≥ 0: 元 for amounts, a count otherwise
    updated_at  TEXT NOT NULL,
    UNIQUE (owner, metric, period)
);

CREATE INDEX payment_customer ON payment(customer_id, received_on);
CREATE INDEX milestone_customer ON milestone(customer_id);
