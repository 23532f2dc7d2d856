// The outbox: each local change appends its mutation in the same Dexie transaction, numbered per device.
import { formatHlc, parseHlc, tick, HLC_ZERO } from '../../src-shared/sync/hlc';
import { mutatorArgs, type MutatorArgs, type MutatorName } from '../../src-shared/sync/mutators';
import type { OutboxRow, TariffDb } from '../db/db';
import { SYNC_KEYS } from './account';

/** The next stamp of this device's hybrid logical clock (call inside the writing transaction). */
export async function nextHlc(db: TariffDb, nowMs = Date.now()): Promise<string> {
  const row = await db.settings.get(SYNC_KEYS.hlc);
  const last = (typeof row?.value === 'string' && parseHlc(row.value)) || HLC_ZERO;
  const text = formatHlc(tick(last, nowMs));
  await db.settings.put({ key: SYNC_KEYS.hlc, value: text });
  return text;
}

/**
 * Appends a mutation; must run inside a transaction that includes `outbox` and `settings`, so the
 * local change and its mutation are written together or not at all. Arguments are checked with the
 * hub's own schema first: what the hub would refuse is never queued.
 */
export async function appendMutation<N extends MutatorName>(
  db: TariffDb,
  name: N,
  args: MutatorArgs<N>,
  hlc: string,
  about: { caseId?: string | null; recordId?: string | null } = {},
): Promise<OutboxRow> {
  const checked = mutatorArgs[name].parse(args);
  const row = await db.settings.get(SYNC_KEYS.nextId);
  const id = typeof row?.value === 'number' ? row.value : 1;
  await db.settings.put({ key: SYNC_KEYS.nextId, value: id + 1 });
  const mutation: OutboxRow = { id, name, args: checked, hlc, caseId: about.caseId ?? null, recordId: about.recordId ?? null };
  await db.outbox.add(mutation);
  return mutation;
}

export function pendingCount(db: TariffDb): Promise<number> {
  return db.outbox.count();
}
