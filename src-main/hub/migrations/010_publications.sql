-- Issue 13: publication of results (一公开). A case closes when it is approved: its China date is kept.
ALTER TABLE cases ADD COLUMN closed_on text CHECK (closed_on ~ '^\d{4}-\d{2}-\d{2}$');
-- Cases approved before the date was kept: the China date of their last approval in the audit log.
UPDATE cases SET closed_on = a.day
FROM (
  SELECT subject, to_char((max(at) AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') AS day
  FROM audit_log WHERE action = 'mutation.reviewCase' AND after -> 'value' ->> 'status' = 'approved'
  GROUP BY subject
) a
WHERE cases.status = 'approved' AND a.subject = 'case:' || cases.id::text;

-- A publication of a draw's results: the office's whole mutation, and which case it published (each once).
CREATE TABLE publications (
  id            uuid PRIMARY KEY,
  draw_id       uuid NOT NULL REFERENCES draws (id),
  published_on  text NOT NULL,
  body          jsonb NOT NULL,
  published_by  uuid,
  published_at  timestamptz NOT NULL,
  version       bigint NOT NULL
);
CREATE INDEX publications_draw ON publications (draw_id);

CREATE TABLE publication_entries (
  case_id         uuid PRIMARY KEY REFERENCES cases (id),
  publication_id  uuid NOT NULL REFERENCES publications (id)
);
