-- Issue 15: cases the office opens outside the draw, on a tenant's complaint or a screening flag.
-- A targeted case has no draw; its origin says why it exists, and it never counts in a draw's ratio.
ALTER TABLE cases ALTER COLUMN draw_id DROP NOT NULL;
ALTER TABLE cases ADD COLUMN origin text NOT NULL DEFAULT 'draw' CHECK (origin IN ('draw', 'complaint', 'screening'));
-- The complaint ({kind, ref, complainant, allegation, receivedOn}) or the flags ({kind, months, flags}).
ALTER TABLE cases ADD COLUMN origin_detail jsonb;
-- The team's lead (a certificate number of `inspectors`), when the office named one.
ALTER TABLE cases ADD COLUMN lead text;
-- Complaints that arrived while the case was open, attached here instead of a second case:
-- [{id, origin, by, at}], oldest first.
ALTER TABLE cases ADD COLUMN linked_complaints jsonb NOT NULL DEFAULT '[]';
-- A drawn case names its draw, a targeted one does not.
ALTER TABLE cases ADD CONSTRAINT cases_origin_draw CHECK ((origin = 'draw') = (draw_id IS NOT NULL));
-- The open cases of a target (a complaint joins one, a draw leaves its target out).
CREATE INDEX cases_uscc ON cases (uscc);
