-- Saved column mappings of the import wizard ("my CRM export", "销售部客户表"): a named template
-- is suggested again for a file with the same headers. `headers` is the template's header row
-- as a JSON array of normalised header texts (`mapping::normalize_header`) — also its
-- signature, compared for an exact match; `mapping` is a JSON array of the field of each
-- column (null = ignored), aligned with `headers`.

CREATE TABLE mapping_template (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,              -- 'customers' | 'contacts' | 'purchases'
    headers    TEXT NOT NULL,
    mapping    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX mapping_template_signature ON mapping_template(kind, headers);
