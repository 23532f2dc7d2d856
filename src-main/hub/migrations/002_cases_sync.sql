-- Cases, their records, the sync log (changes), per-device mutation bookkeeping, conflicts,
-- rejected mutations and blobs. See docs/sync-protocol.md.

-- An inspector user is the person of the inspector list with this certificate number.
ALTER TABLE users ADD COLUMN cert_no text;
CREATE UNIQUE INDEX users_cert_no ON users (cert_no) WHERE cert_no IS NOT NULL;

CREATE TABLE draws (
  id          uuid PRIMARY KEY,
  -- The lead's district, or NULL for an office draw over every district.
  district    text,
  record      jsonb NOT NULL,
  summary     jsonb NOT NULL,
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  version     bigint NOT NULL
);

CREATE TABLE cases (
  id            uuid PRIMARY KEY,
  draw_id       uuid NOT NULL REFERENCES draws (id),
  uscc          text NOT NULL,
  entity_name   text NOT NULL,
  address       text NOT NULL,
  district      text NOT NULL,
  subdistrict   text NOT NULL,
  inspectors    jsonb NOT NULL,
  status        text NOT NULL,
  review_note   text NOT NULL DEFAULT '',
  missing_media jsonb NOT NULL DEFAULT '[]',
  version       bigint NOT NULL
);
CREATE INDEX cases_district ON cases (district);
CREATE INDEX cases_inspectors ON cases USING gin (inspectors);

CREATE TABLE records (
  id          uuid PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id),
  kind        text NOT NULL,
  data        jsonb NOT NULL,
  signature   jsonb,
  created_by  text NOT NULL,
  created_at  text NOT NULL,
  -- Per field: {"v": change counter, "d": device, "u": username, "at": device clock} of its last write.
  field_meta  jsonb NOT NULL,
  version     bigint NOT NULL
);
CREATE INDEX records_case ON records (case_id);

-- Every mutation a device sent and the hub took (applied, rejected or replay-mismatch), by id.
CREATE TABLE device_mutations (
  device_id    uuid NOT NULL REFERENCES devices (id),
  mutation_id  bigint NOT NULL,
  name         text NOT NULL,
  args         jsonb NOT NULL,
  hlc          text NOT NULL,
  payload_hash text NOT NULL,
  outcome      text NOT NULL,
  applied_at   timestamptz NOT NULL,
  PRIMARY KEY (device_id, mutation_id)
);

CREATE TABLE rejected_mutations (
  device_id    uuid NOT NULL REFERENCES devices (id),
  mutation_id  bigint NOT NULL,
  user_id      uuid NOT NULL,
  name         text NOT NULL,
  args         jsonb NOT NULL,
  code         text NOT NULL,
  message      text NOT NULL,
  at           timestamptz NOT NULL,
  PRIMARY KEY (device_id, mutation_id)
);

CREATE TABLE conflicts (
  id           uuid PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('field', 'replay-mismatch')),
  case_id      uuid,
  record_id    uuid,
  field        text,
  district     text,
  -- {value, device, user, at, version}: the value that was overwritten, and the one that won.
  theirs       jsonb NOT NULL,
  mine         jsonb NOT NULL,
  resolved_at  timestamptz,
  resolution   jsonb,
  created_at   timestamptz NOT NULL,
  version      bigint NOT NULL
);

-- The pull log: one row per changed row per write transaction, in commit order (seq is taken
-- under the change counter's row lock, so it increases in commit order too).
CREATE TABLE changes (
  seq        bigserial PRIMARY KEY,
  version    bigint NOT NULL,
  tbl        text NOT NULL,
  key        text NOT NULL,
  -- Scope: the case it belongs to, the district, and the device it concerns alone (rejections).
  case_id    uuid,
  district   text,
  device_id  uuid,
  row        jsonb NOT NULL
);
CREATE INDEX changes_order ON changes (version, seq);
CREATE INDEX changes_case ON changes (case_id, version, seq);
CREATE INDEX changes_district ON changes (district, version, seq);

CREATE TABLE blobs (
  sha256      text PRIMARY KEY,
  size        integer NOT NULL,
  bytes       bytea NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE blob_uploads (
  sha256      text PRIMARY KEY,
  size        integer NOT NULL,
  bytes       bytea NOT NULL,
  updated_at  timestamptz NOT NULL
);
