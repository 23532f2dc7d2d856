-- Which cases name which blob (a photo, a signature image): a blob is served only to a device that may
-- read one of those cases. Kept by the mutators that write records; filled here from what is stored.

CREATE TABLE blob_refs (
  sha256   text NOT NULL,
  case_id  uuid NOT NULL REFERENCES cases (id),
  PRIMARY KEY (sha256, case_id)
);

INSERT INTO blob_refs (sha256, case_id)
SELECT DISTINCT named.sha256, named.case_id FROM (
  SELECT r.case_id, p.value #>> '{}' AS sha256
    FROM records r, jsonb_array_elements(CASE WHEN jsonb_typeof(r.data -> 'photos') = 'array' THEN r.data -> 'photos' ELSE '[]'::jsonb END) AS p(value)
   WHERE jsonb_typeof(p.value) = 'string'
  UNION ALL
  SELECT case_id, data ->> 'photo' FROM records WHERE jsonb_typeof(data -> 'photo') = 'string'
  UNION ALL
  SELECT case_id, signature ->> 'image' FROM records WHERE jsonb_typeof(signature -> 'image') = 'string'
) AS named;
