-- Issue 13: refund tracking — payments (with proof), verifications and unreachable tenants per order.
CREATE TABLE refund_events (
  id          uuid PRIMARY KEY,
  order_id    uuid NOT NULL REFERENCES refund_orders (id),
  case_id     uuid NOT NULL REFERENCES cases (id),
  body        jsonb NOT NULL,
  created_by  uuid,
  created_at  timestamptz NOT NULL,
  version     bigint NOT NULL
);
CREATE INDEX refund_events_order ON refund_events (order_id);
