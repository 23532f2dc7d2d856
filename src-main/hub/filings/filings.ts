// The landlords' monthly filings on the hub (issue 15 §1): the office stores screened filings, one per landlord
// and month, a later one replacing the earlier; the audit entry keeps the rows replaced. Only office devices
// pull them: the rows are logged with no district and no case, which only the office's scope reads (pull.ts).
import type { Json } from '../../../src-shared/canonicalJson';
import type { StoredFiling } from '../../../src-shared/filings/stored';
import type { MutatorArgs } from '../../../src-shared/sync/mutators';
import type { DeviceSession } from '../accounts/devices';
import { insertRows, toNumber, type Sql } from '../store/store';
import type { Write } from '../store/writeTransaction';
import { Rejection, type Applied } from '../sync/mutators';

/** The columns of one upsert, in the order {@link rowValues} gives them. */
const COLUMNS = [
  'uscc', 'month', 'name', 'purchase_kwh', 'purchase_fen', 'transfer_kwh', 'charged_fen', 'households', 'category', 'voltage',
  'purchase_avg_price', 'charged_avg_price', 'markup_per_kwh', 'loss_rate', 'catalogue_reference', 'estimated_excess_fen', 'flags',
  'imported_at', 'source', 'stored_by', 'device_id', 'version',
] as const;

interface FilingRow {
  uscc: string; month: string; name: string; purchase_kwh: string; purchase_fen: unknown; transfer_kwh: string; charged_fen: unknown;
  households: number | null; category: string; voltage: string; purchase_avg_price: string; charged_avg_price: string; markup_per_kwh: string;
  loss_rate: string; catalogue_reference: string; estimated_excess_fen: unknown; flags: StoredFiling['flags']; imported_at: unknown; source: string;
}

function rowValues(f: StoredFiling, w: Write, session: DeviceSession): unknown[] {
  return [
    f.uscc, f.month, f.name, f.purchaseKwh, f.purchaseFen, f.transferKwh, f.chargedFen, f.households, f.category, f.voltage,
    f.purchaseAvgPrice, f.chargedAvgPrice, f.markupPerKwh, f.lossRate, f.catalogueReference, f.estimatedExcessFen, JSON.stringify(f.flags),
    f.importedAt, f.source, session.user.id, session.deviceId, w.version,
  ];
}

/** A stored row as the shared shape. */
export function filingFromRow(r: FilingRow): StoredFiling {
  return {
    key: `${r.uscc}|${r.month}`, uscc: r.uscc, name: r.name, month: r.month,
    purchaseKwh: r.purchase_kwh, purchaseFen: toNumber(r.purchase_fen), transferKwh: r.transfer_kwh, chargedFen: toNumber(r.charged_fen),
    households: r.households, category: r.category, voltage: r.voltage,
    purchaseAvgPrice: r.purchase_avg_price, chargedAvgPrice: r.charged_avg_price, markupPerKwh: r.markup_per_kwh, lossRate: r.loss_rate,
    catalogueReference: r.catalogue_reference, estimatedExcessFen: toNumber(r.estimated_excess_fen), flags: r.flags,
    importedAt: r.imported_at instanceof Date ? r.imported_at.toISOString() : new Date(String(r.imported_at)).toISOString(), source: r.source,
  };
}

/** Stores screened filings from an office device; each replaces its landlord's month. */
export async function putFilings(w: Write, session: DeviceSession, args: MutatorArgs<'putFilings'>): Promise<Applied> {
  if (session.user.role !== 'office') throw new Rejection('forbidden', 'only the office imports filings', { role: session.user.role });
  const rows: StoredFiling[] = args.rows;
  const replaced = await storedOf(w.tx, rows);
  const update = COLUMNS.filter((c) => c !== 'uscc' && c !== 'month').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  await insertRows(w.tx, `INSERT INTO filings (${COLUMNS.join(', ')})`, COLUMNS.length, rows.map((f) => rowValues(f, w, session)), ` ON CONFLICT (uscc, month) DO UPDATE SET ${update}`);
  for (const f of rows) w.log('filings', f.key, f as unknown as Json, {});
  return { subject: `filings:${rows.length}`, before: replaced as unknown as Json, after: { source: args.source, rows } as unknown as Json, conflicts: 0 };
}

/** The stored filings these rows replace. */
async function storedOf(tx: Sql, rows: readonly StoredFiling[]): Promise<StoredFiling[]> {
  const found = await tx.query<FilingRow>(
    'SELECT f.* FROM filings f JOIN unnest($1::text[], $2::text[]) AS k (uscc, month) ON f.uscc = k.uscc AND f.month = k.month ORDER BY f.uscc, f.month',
    [rows.map((r) => r.uscc), rows.map((r) => r.month)],
  );
  return found.map(filingFromRow);
}

/** Every stored filing, by landlord and month (for the CLI and tests). */
export async function readFilingsStored(db: Sql): Promise<StoredFiling[]> {
  return (await db.query<FilingRow>('SELECT * FROM filings ORDER BY uscc, month')).map(filingFromRow);
}
