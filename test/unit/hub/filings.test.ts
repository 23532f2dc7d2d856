// The landlords' monthly filings travel: an office laptop screens and stores them → hub (office only, audited,
// a landlord's month replaced) → the other office devices; leads and inspectors never receive them (issue 15 §1).
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rescreened, type StoredFiling } from '../../../src-shared/filings/stored';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { syncOnce } from '../../../src-renderer/sync/engine';
import { putFilings } from '../../../src-renderer/sync/filingsMutators';
import { HubClient } from '../../../src-renderer/sync/hubClient';
import { readFilingsStored } from '../../../src-main/hub/filings/filings';
import { syntheticUscc } from '../../fixtures/synthetic';
import type { Device } from './fixture';
import { STORES } from './stores';
import { openWorld, type World } from './syncWorld';

let serial = 0;
const A = '91350100M000100Y43';

const JANUARY: StoredFiling = {
  key: `${A}|2026-01`, uscc: A, name: '甲商场', month: '2026-01',
  purchaseKwh: '100000', purchaseFen: 6_200_000, transferKwh: '95000', chargedFen: 7_600_000, households: 120,
  category: '一般工商业', voltage: '不满1千伏',
  purchaseAvgPrice: '0.6200', chargedAvgPrice: '0.8000', markupPerKwh: '0.1800', lossRate: '0.0500', catalogueReference: '0.6177',
  estimatedExcessFen: 1_731_850, flags: ['markup', 'above-catalogue'], importedAt: '2026-03-02T01:00:00.000Z', source: '一月报表.xlsx',
};
const LIMITS = { tolerance: '0', lossThreshold: '0.07' };

/** The same landlord's month filed again: less charged, so no markup and a smaller excess. */
const JANUARY_CORRECTED = rescreened({ ...JANUARY, chargedFen: 5_890_000, importedAt: '2026-03-09T02:00:00.000Z', source: '一月报表（更正）.xlsx' }, LIMITS);

/** Landlord i's month m, screened against 0.6177 yuan/kWh. */
function filing(i: number, month: string): StoredFiling {
  const uscc = syntheticUscc(3, i);
  return rescreened({ ...JANUARY, key: `${uscc}|${month}`, uscc, name: `主体${i}`, month, chargedFen: 5_000_000 + i * 100 }, LIMITS);
}

async function laptop(device: Device, role: 'office' | 'lead'): Promise<TariffDb> {
  const db = openDb(`filings-test-${++serial}`);
  await saveAccount(db, { hubUrl: '', deviceId: device.deviceId, token: device.token, user: { id: device.userId, username: device.username, displayName: device.username, role, district: '海淀区', certNo: null } });
  return db;
}

const sorted = async (db: TariffDb) => (await db.filings.toArray()).sort((a, b) => a.key.localeCompare(b.key));

describe.each(STORES)('filings on $name', (factory) => {
  let world: World;
  let base: string;
  beforeEach(async () => {
    world = await openWorld(factory, 1);
    await world.hub.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(world.hub.app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => world.close());

  const client = (d: Device) => new HubClient(base, d.token);
  /** A fresh office laptop (the world's office device has pushed mutations of its own). */
  const officeLaptop = async () => {
    const device = await world.hub.enrollAgain('office');
    return { device, db: await laptop(device, 'office') };
  };

  it('are stored on the hub from an office laptop, audited, and reach a second office device but no lead', async () => {
    const { device: firstDevice, db: first } = await officeLaptop();
    await putFilings(first, [JANUARY], '一月报表.xlsx');
    expect((await first.outbox.toArray()).map((m) => [m.name, (m.args as { source: string }).source])).toEqual([['putFilings', '一月报表.xlsx']]);
    expect(await syncOnce(first, client(firstDevice))).toMatchObject({ pushed: 1, rejected: 0, refused: [] });
    expect(await readFilingsStored(world.hub.store)).toEqual([JANUARY]);
    const [audit] = await world.hub.store.query<{ action: string; before: unknown; after: { value: { source: string; rows: StoredFiling[] } }; actor_device: string }>(
      "SELECT action, before, after, actor_device FROM audit_log WHERE subject = 'filings:1'",
    );
    expect(audit).toMatchObject({ action: 'mutation.putFilings', before: [], actor_device: firstDevice.deviceId, after: { value: { source: '一月报表.xlsx', rows: [JANUARY] } } });

    const { device: secondDevice, db: second } = await officeLaptop();
    expect(await syncOnce(second, client(secondDevice))).toMatchObject({ rejected: 0, refused: [] });
    expect(await sorted(second)).toEqual([JANUARY]);

    const lead = await laptop(world.lead.device, 'lead');
    await syncOnce(lead, client(world.lead.device));
    expect(await lead.filings.count()).toBe(0);
    expect((await world.lead.pullAll()).filter((c) => c.table === 'filings')).toEqual([]);
    expect((await world.inspectors[0]!.pullAll()).filter((c) => c.table === 'filings')).toEqual([]);
  });

  it('replace the landlord’s month when filed again; the audit keeps the month replaced; the other office device follows', async () => {
    const { device: firstDevice, db: first } = await officeLaptop();
    const { device: secondDevice, db: second } = await officeLaptop();
    await putFilings(first, [JANUARY, filing(1, '2026-01')], '一月报表.xlsx');
    await syncOnce(first, client(firstDevice));
    await syncOnce(second, client(secondDevice));

    expect(JANUARY_CORRECTED).toMatchObject({ chargedAvgPrice: '0.6200', markupPerKwh: '0.0000', estimatedExcessFen: 21_850, flags: ['above-catalogue'] });
    await putFilings(first, [JANUARY_CORRECTED], '一月报表（更正）.xlsx');
    expect(await first.filings.get(JANUARY.key)).toEqual(JANUARY_CORRECTED);
    await syncOnce(first, client(firstDevice));
    expect(await readFilingsStored(world.hub.store)).toEqual([JANUARY_CORRECTED, filing(1, '2026-01')].sort((a, b) => a.uscc.localeCompare(b.uscc)));
    const audits = await world.hub.store.query<{ subject: string; before: StoredFiling[] }>("SELECT subject, before FROM audit_log WHERE action = 'mutation.putFilings' ORDER BY id");
    expect(audits).toEqual([{ subject: 'filings:2', before: [] }, { subject: 'filings:1', before: [JANUARY] }]);

    await syncOnce(second, client(secondDevice));
    expect(await second.filings.get(JANUARY.key)).toEqual(JANUARY_CORRECTED);
    expect(await second.filings.count()).toBe(2);
  });

  it('go in mutations of at most 500 rows: 1,200 filings are three, all applied', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m) => filing(i + 10, m))).flat();
    const { device, db } = await officeLaptop();
    await putFilings(db, rows, '全年报表.xlsx');
    expect((await db.outbox.toArray()).map((m) => (m.args as { rows: unknown[] }).rows.length)).toEqual([500, 500, 200]);
    expect(await syncOnce(db, client(device))).toMatchObject({ pushed: 3, rejected: 0 });
    expect((await readFilingsStored(world.hub.store)).length).toBe(1200);
  });

  it('are refused from a lead (office only) and when their figures contradict their indicators', async () => {
    const lead = await world.lead.pushOk([world.lead.mutation('putFilings', { rows: [JANUARY], source: 'x.xlsx' })]);
    expect(lead.results).toMatchObject([{ outcome: 'rejected', code: 'forbidden' }]);
    const forged = await world.office.pushOk([world.office.mutation('putFilings', { rows: [{ ...JANUARY, estimatedExcessFen: 0 }], source: 'x.xlsx' })]);
    expect(forged.results).toMatchObject([{ outcome: 'rejected', code: 'invalid', params: { path: 'rows.0.estimatedExcessFen' } }]);
    const twice = await world.office.pushOk([world.office.mutation('putFilings', { rows: [JANUARY, JANUARY], source: 'x.xlsx' })]);
    expect(twice.results).toMatchObject([{ outcome: 'rejected', code: 'invalid', params: { path: 'rows' } }]);
    expect(await readFilingsStored(world.hub.store)).toEqual([]);
  });
});
