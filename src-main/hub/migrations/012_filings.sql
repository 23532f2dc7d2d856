-- Issue 15: the landlords' monthly filings as screened by the office (src-shared/filings/stored.ts), one per
-- landlord and month; a later import replaces the row, the audit log keeps what it replaced. Prices, rates and
-- kWh are kept as the decimal strings they were screened with (no float ever rounds them), amounts as fen.
CREATE TABLE filings (
  uscc                 text NOT NULL,
  month                text NOT NULL,
  name                 text NOT NULL,
  purchase_kwh         text NOT NULL,
  purchase_fen         bigint NOT NULL,
  transfer_kwh         text NOT NULL,
  charged_fen          bigint NOT NULL,
  households           integer,
  category             text NOT NULL,
  voltage              text NOT NULL,
  purchase_avg_price   text NOT NULL,
  charged_avg_price    text NOT NULL,
  markup_per_kwh       text NOT NULL,
  loss_rate            text NOT NULL,
  catalogue_reference  text NOT NULL,
  estimated_excess_fen bigint NOT NULL,
  flags                jsonb NOT NULL,
  imported_at          timestamptz NOT NULL,
  source               text NOT NULL,
  stored_by            uuid,
  device_id            uuid,
  version              bigint NOT NULL,
  PRIMARY KEY (uscc, month)
);
CREATE INDEX filings_month ON filings (month);
