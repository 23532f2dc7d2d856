-- Issue 12: the office's inspection settings (finding types, legal bases, verification periods, the
-- map's tile source). The newest version is in force; the older ones are its history.
CREATE TABLE office_settings (
  id         bigserial PRIMARY KEY,
  key        text NOT NULL,
  version    bigint NOT NULL,
  body       jsonb NOT NULL,
  stored_by  uuid,
  stored_at  timestamptz NOT NULL
);
CREATE INDEX office_settings_key ON office_settings (key, id);
