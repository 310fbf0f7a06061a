-- The customer's own notes (备注, docs/customers.md): what a customer list's 备注 column holds
-- and the overview form edits. A new column with an empty default: rows unchanged.
ALTER TABLE customer ADD COLUMN notes TEXT NOT NULL DEFAULT '';
