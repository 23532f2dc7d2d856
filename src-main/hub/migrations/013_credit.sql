-- Issue 15: credit follow-up. The office's credit rule (the newest version is in force, the older ones are
-- its history) and every grade change with its reason, who and when: the target's grade history. The
-- grade itself is the list row's `credit` (entities), which the draw groups by.
CREATE TABLE credit_rules (
  id         bigserial PRIMARY KEY,
  rule_id    uuid NOT NULL,
  version    bigint NOT NULL,
  body       jsonb NOT NULL,
  stored_by  uuid,
  stored_at  timestamptz NOT NULL
);

CREATE TABLE credit_changes (
  id          uuid PRIMARY KEY,
  uscc        text NOT NULL REFERENCES entities (uscc),
  from_grade  text,
  to_grade    text,
  reason      text NOT NULL,
  rule_id     uuid,
  user_id     uuid,
  username    text NOT NULL,
  user_name   text NOT NULL,
  device_id   uuid,
  at          timestamptz NOT NULL,
  version     bigint NOT NULL
);
CREATE INDEX credit_changes_uscc ON credit_changes (uscc, version);
