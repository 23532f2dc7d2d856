-- Plans committed before their seed (抽查承诺): the plan, its commitment, who and when (hub time).
CREATE TABLE draw_plans (
  id          uuid PRIMARY KEY,
  district    text,
  plan        jsonb NOT NULL,
  commitment  jsonb NOT NULL,
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  version     bigint NOT NULL
);
