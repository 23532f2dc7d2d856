// Applies the numbered .sql files in this folder, each once, in order, recorded in schema_migrations.
import initial from './001_accounts_lists_audit.sql?raw';
import casesSync from './002_cases_sync.sql?raw';
import blobRefs from './003_blob_refs.sql?raw';
import listHistory from './004_list_history_tariffs.sql?raw';
import authorName from './005_record_author_name.sql?raw';
import drawPlans from './006_draw_plans.sql?raw';
import officeSettings from './007_office_settings.sql?raw';
import refundOrders from './008_refund_orders.sql?raw';
import refundEvents from './009_refund_events.sql?raw';
import publications from './010_publications.sql?raw';
import officeKeys from './011_office_keys.sql?raw';
import filings from './012_filings.sql?raw';
import credit from './013_credit.sql?raw';
import targetedCases from './014_targeted_cases.sql?raw';
import type { Store } from '../store/store';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. A new file is imported above and listed here. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_accounts_lists_audit', sql: initial },
  { version: 2, name: '002_cases_sync', sql: casesSync },
  { version: 3, name: '003_blob_refs', sql: blobRefs },
  { version: 4, name: '004_list_history_tariffs', sql: listHistory },
  { version: 5, name: '005_record_author_name', sql: authorName },
  { version: 6, name: '006_draw_plans', sql: drawPlans },
  { version: 7, name: '007_office_settings', sql: officeSettings },
  { version: 8, name: '008_refund_orders', sql: refundOrders },
  { version: 9, name: '009_refund_events', sql: refundEvents },
  { version: 10, name: '010_publications', sql: publications },
  { version: 11, name: '011_office_keys', sql: officeKeys },
  { version: 12, name: '012_filings', sql: filings },
  { version: 13, name: '013_credit', sql: credit },
  { version: 14, name: '014_targeted_cases', sql: targetedCases },
];

// Any fixed number: hubs starting together against one database take turns migrating.
const MIGRATION_LOCK = 7_310_001;

/** Applies what is missing in one transaction; returns the versions applied now (none when up to date). */
export async function migrate(store: Store, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
