-- Accounts, devices, pairing, the two lists, the change counter and the audit log.

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('office', 'lead', 'inspector')),
  district      text NOT NULL,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL
);

CREATE TABLE devices (
  id                uuid PRIMARY KEY,
  user_id           uuid NOT NULL REFERENCES users (id),
  name              text NOT NULL,
  token_hash        text NOT NULL UNIQUE,
  revoked_at        timestamptz,
  last_mutation_id  bigint NOT NULL DEFAULT 0,
  enrolled_at       timestamptz NOT NULL
);
CREATE INDEX devices_user ON devices (user_id);

CREATE TABLE pairing_codes (
  code_hash   text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id),
  created_by  uuid REFERENCES users (id),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

-- The two lists of src-shared/domain.ts; `version` is the change counter of the last write.
CREATE TABLE entities (
  uscc            text PRIMARY KEY,
  name            text NOT NULL,
  kind            text NOT NULL,
  district        text NOT NULL,
  subdistrict     text NOT NULL,
  address         text NOT NULL,
  lng             double precision,
  lat             double precision,
  tenant_count    integer,
  contact         text NOT NULL,
  phone           text NOT NULL,
  credit          text,
  last_inspectors jsonb NOT NULL DEFAULT '[]',
  active          boolean NOT NULL,
  version         bigint NOT NULL
);
CREATE INDEX entities_district ON entities (district);

CREATE TABLE inspectors (
  cert_no     text PRIMARY KEY,
  name        text NOT NULL,
  unit        text NOT NULL,
  district    text NOT NULL,
  subdistrict text NOT NULL,
  phone       text NOT NULL,
  conflicts   jsonb NOT NULL DEFAULT '[]',
  active      boolean NOT NULL,
  version     bigint NOT NULL
);
CREATE INDEX inspectors_district ON inspectors (district);

-- One row. Every write transaction advances `value` first, which also takes the row lock that
-- serialises writers, so the audit chain below is appended in commit order.
CREATE TABLE change_counter (
  only_row        boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  value           bigint NOT NULL DEFAULT 0,
  -- The chain's newest entry, so removing the last entries is detected too.
  audit_head_id   bigint,
  audit_head_hash text
);
INSERT INTO change_counter (only_row) VALUES (true);

CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_user   uuid,
  actor_device uuid,
  action       text NOT NULL,
  subject      text NOT NULL,
  before       jsonb,
  after        jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
