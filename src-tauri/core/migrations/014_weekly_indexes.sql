-- 周会 (docs/weekly.md): the risk lights as they stood at a period's start look for what changed
-- after that day — actions done since, summaries confirmed since, each deal's stage on that day
-- in its stage history — and these indexes find those rows without reading every action, visit
-- or stage change. Indexes only: no data changes, every existing record keeps working.
CREATE INDEX next_action_done ON next_action(done_on) WHERE status = 'done';
CREATE INDEX visit_confirmed ON visit(confirmed_on) WHERE confirmation = 'confirmed';
CREATE INDEX stage_change_day ON stage_change(opportunity_id, changed_on);
