-- The follow-up record's full template (the source articles' 跟进记录 / 业务过程记录, docs/visits.md):
-- the progress status, the customer type of the record, the solution in brief, the collaboration
-- notes, the internal support asked for, the sales actions taken; and a deal's own follow-up
-- flag (docs/risk.md). Old rows read as "not filled in": NULL codes, empty texts and lists.
-- Our side's participants stay in visit.our_participants, whose JSON items may now be
-- {name, role} objects beside the plain names older rows hold (visits::OurParticipant reads both).

ALTER TABLE visit ADD COLUMN progress TEXT;                               -- visits::Progress code
ALTER TABLE visit ADD COLUMN customer_type TEXT;                          -- visits::CustomerType code
ALTER TABLE visit ADD COLUMN solution TEXT NOT NULL DEFAULT '';           -- 解决方案概述
ALTER TABLE visit ADD COLUMN notes TEXT NOT NULL DEFAULT '';              -- 附加备注 / 协作进展
ALTER TABLE visit ADD COLUMN internal_support TEXT NOT NULL DEFAULT '[]'; -- JSON array of visits::SupportKind codes
ALTER TABLE visit ADD COLUMN support_note TEXT NOT NULL DEFAULT '';
ALTER TABLE visit ADD COLUMN sales_actions TEXT NOT NULL DEFAULT '[]';    -- JSON array of visits::SalesAction codes
-- 1 = brought in by an import: written elsewhere at a time not known, so never "written late".
ALTER TABLE visit ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;

-- 需单独跟进: only the follow-up records tied to the deal count for its no-follow-up light.
ALTER TABLE opportunity ADD COLUMN own_follow_up_required INTEGER NOT NULL DEFAULT 0;
