-- Issue 13: refund orders (责令退还多收电费), numbered by the hub per year in the office's numbering.
CREATE TABLE refund_orders (
  id         uuid PRIMARY KEY,
  case_id    uuid NOT NULL REFERENCES cases (id),
  year       integer NOT NULL,
  seq        integer NOT NULL,
  doc_no     text NOT NULL UNIQUE,
  body       jsonb NOT NULL,
  issued_by  uuid,
  issued_at  timestamptz NOT NULL,
  version    bigint NOT NULL,
  UNIQUE (year, seq)
);
CREATE INDEX refund_orders_case ON refund_orders (case_id);
