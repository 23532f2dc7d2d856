-- Issue 11: the lists keep a version per row on the hub as on the laptop; the tariff table and the
-- ledger column mappings travel to every device.

-- Every write of a list row: the row as written, by whom, through which action.
CREATE TABLE list_history (
  id         bigserial PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('entities', 'inspectors')),
  key        text NOT NULL,
  version    bigint NOT NULL,
  action     text NOT NULL,
  row        jsonb NOT NULL,
  user_id    uuid,
  device_id  uuid,
  at         timestamptz NOT NULL
);
CREATE INDEX list_history_key ON list_history (kind, key, version);

-- The device that last wrote a row: an edit from another device based on an older version is a conflict.
ALTER TABLE entities ADD COLUMN written_by uuid;
ALTER TABLE inspectors ADD COLUMN written_by uuid;

-- The catalogue tariff table in force is the newest version; the older ones are its history.
-- (A push may hold two versions in one transaction: they share the change counter, not the id.)
CREATE TABLE tariff_tables (
  id         bigserial PRIMARY KEY,
  version    bigint NOT NULL,
  body       jsonb NOT NULL,
  source     text NOT NULL,
  stored_by  uuid,
  stored_at  timestamptz NOT NULL
);

CREATE TABLE ledger_mappings (
  landlord   text PRIMARY KEY,
  mapping    jsonb NOT NULL,
  saved_by   uuid,
  saved_at   timestamptz NOT NULL,
  version    bigint NOT NULL
);

-- A list row edited on two devices is a conflict of its own kind.
ALTER TABLE conflicts DROP CONSTRAINT conflicts_kind_check;
ALTER TABLE conflicts ADD CONSTRAINT conflicts_kind_check CHECK (kind IN ('field', 'replay-mismatch', 'list-row'));
