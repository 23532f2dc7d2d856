-- Issue 13: the office's signing keys (电子签章) and the register of every document the hub signed.
-- The secret key is kept sealed (AES-256-GCM under a key that is not in the database); a rotated key
-- keeps its public part, so the documents it signed stay verifiable.
CREATE TABLE office_keys (
  fingerprint     text PRIMARY KEY,
  public_key      text NOT NULL,
  sealed_secret   text NOT NULL,
  created_at      timestamptz NOT NULL,
  retired_at      timestamptz
);
CREATE UNIQUE INDEX office_keys_one_in_force ON office_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;

CREATE TABLE issued_documents (
  pdf_sha256  text PRIMARY KEY,
  kind        text NOT NULL,
  ref         text NOT NULL,
  summary     jsonb NOT NULL,
  key         text NOT NULL REFERENCES office_keys (fingerprint),
  issued_by   uuid,
  issued_at   timestamptz NOT NULL
);
CREATE INDEX issued_documents_ref ON issued_documents (kind, ref);
