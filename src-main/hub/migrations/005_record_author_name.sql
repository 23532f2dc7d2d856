-- The author's name as the hub knew it when the record was made: a person is shown by name, never by
-- username. Display only (the record checksum keeps `created_by`, the username).
ALTER TABLE records ADD COLUMN created_by_name text NOT NULL DEFAULT '';
