// The lists, the tariff table and the ledger mappings travel: office laptop → hub → the devices of
// their scope, through the same mutators and outbox as case records (issue 11).
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sampleJson from '../../../resources/tariffs/sample-fujian.json';
import type { Entity, Inspector } from '../../../src-shared/domain';
import { loadTariffTable } from '../../../src-shared/tariff/types';
import { isCleanText } from '../../../src-shared/text';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { syncOnce } from '../../../src-renderer/sync/engine';
import { HubClient } from '../../../src-renderer/sync/hubClient';
import { addRecord, editRecord, reviewCase, submitCase } from '../../../src-renderer/sync/mutators';
import { putLedgerMapping, putListRows, putOfficeSettings, putTariffTable, setActive } from '../../../src-renderer/sync/referenceMutators';
import { defaultOfficeSettings, type OfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { saveProfile } from '../../../src-renderer/state/profile';
import type { Device } from './fixture';
import { STORES } from './stores';
import { ALL_PLAN, CERTS, entity, inspector, openWorld, type World } from './syncWorld';
import { parsePlan, runDraw } from '../../../src-shared/draw/draw';
import { verifyDraw } from '../../../src-shared/draw/verify';
import { commitPlan, recordDraw } from '../../../src-renderer/sync/drawMutators';
import { makeCommitment } from '../../../src-shared/draw/commitment';

let serial = 0;
const SAMPLE = loadTariffTable(sampleJson);

async function laptop(device: Device | null, role: 'office' | 'lead' | 'inspector' = 'office', extra: { certNo?: string; district?: string } = {}): Promise<TariffDb> {
  const db = openDb(`reference-test-${++serial}`);
  await saveProfile({ name: '本机用户', role, district: extra.district ?? '海淀区', certNo: extra.certNo ?? '' }, db);
  if (device) await enroll(db, device, role, extra);
  return db;
}

async function enroll(db: TariffDb, device: Device, role: 'office' | 'lead' | 'inspector', extra: { certNo?: string; district?: string } = {}): Promise<void> {
  await saveAccount(db, { hubUrl: '', deviceId: device.deviceId, token: device.token, user: { id: device.userId, username: device.username, displayName: `${device.username}的名字`, role, district: extra.district ?? '海淀区', certNo: extra.certNo ?? null } });
}

/** The domain data of a device, without local-only fields (times, who stored it here). */
async function domainOf(db: TariffDb) {
  const tariff = await db.tariffs.get('current');
  return {
    entities: (await db.entities.toArray()).sort((a, b) => a.uscc.localeCompare(b.uscc)),
    inspectors: (await db.inspectors.toArray()).sort((a, b) => a.certNo.localeCompare(b.certNo)),
    tariff: tariff ? { table: tariff.table, source: tariff.source } : null,
    mappings: (await db.ledgerMappings.toArray()).map((m) => ({ landlord: m.landlord, mapping: m.mapping })).sort((a, b) => a.landlord.localeCompare(b.landlord)),
    officeSettings: (await db.officeSettings.get('inspection'))?.settings ?? null,
    cases: (await db.cases.toArray()).map((c) => ({ id: c.id, status: c.status, reviewNote: c.reviewNote })).sort((a, b) => a.id.localeCompare(b.id)),
    records: (await db.records.toArray()).map((r) => ({ id: r.id, data: r.data, signature: r.signature })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe.each(STORES)('reference data travels on $name', (factory) => {
  let world: World;
  let base: string;
  beforeEach(async () => {
    world = await openWorld(factory);
    await world.hub.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(world.hub.app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => world.close());

  const client = (d: Device) => new HubClient(base, d.token);

  it('an office that worked standalone enrolls; its lists, tariff table and mapping reach the hub and the devices of their scope', async () => {
    const officeDb = await laptop(null);
    const haidian = [entity(11), entity(12)];
    const chaoyang = [entity(13, '朝阳区')];
    await putListRows(officeDb, 'entities', [...haidian, ...chaoyang], 'import');
    await putListRows(officeDb, 'inspectors', [inspector('HD-101'), inspector('CY-201', '朝阳区')], 'import');
    await putTariffTable(officeDb, SAMPLE, '福建示例.xlsx');
    await putLedgerMapping(officeDb, '目标11', { fields: { tenant: '商户', kwh: '电量' } });
    expect((await officeDb.outbox.toArray()).map((m) => [m.id, m.name])).toEqual([[1, 'putEntities'], [2, 'putInspectors'], [3, 'putTariffTable'], [4, 'putLedgerMapping']]);

    const officeDevice = await world.hub.enrolled('office', 'office-standalone');
    await enroll(officeDb, officeDevice, 'office');
    const pushed = await syncOnce(officeDb, client(officeDevice));
    expect(pushed).toMatchObject({ pushed: 4, rejected: 0, refused: [] });
    const hubRows = await world.hub.store.query<{ uscc: string }>('SELECT uscc FROM entities WHERE uscc = ANY($1::text[]) ORDER BY uscc', [[...haidian, ...chaoyang].map((e) => e.uscc)]);
    expect(hubRows.map((r) => r.uscc)).toEqual([...haidian, ...chaoyang].map((e) => e.uscc).sort());
    const history = await world.hub.store.query<{ key: string; action: string }>("SELECT key, action FROM list_history WHERE kind = 'entities' AND key = ANY($1::text[]) ORDER BY key", [haidian.map((e) => e.uscc)]);
    expect(history).toEqual(haidian.map((e) => ({ key: e.uscc, action: 'import' })).sort((a, b) => a.key.localeCompare(b.key)));

    // The lead of 海淀区: its district's rows, not 朝阳区's; the tariff table and the mapping.
    const leadDb = await laptop(world.lead.device, 'lead');
    await syncOnce(leadDb, client(world.lead.device));
    const lead = await domainOf(leadDb);
    expect(lead.entities.map((e) => e.uscc)).toEqual(expect.arrayContaining(haidian.map((e) => e.uscc)));
    expect(lead.entities.some((e) => e.district === '朝阳区')).toBe(false);
    expect(lead.inspectors.map((i) => i.certNo)).toContain('HD-101');
    expect(lead.inspectors.map((i) => i.certNo)).not.toContain('CY-201');
    expect(lead.tariff).toEqual({ table: { ...SAMPLE, id: 'current' }, source: '福建示例.xlsx' });
    expect(lead.mappings).toEqual([{ landlord: '目标11', mapping: { fields: { tenant: '商户', kwh: '电量' }, fees: [] } }]);
    expect((await leadDb.rowVersions.get(`entities:${haidian[0]!.uscc}`))?.version).toBeGreaterThan(0);

    // An inspector: the tariff table and the district's inspectors (names of the team), only its cases' targets.
    const inspectorDb = await laptop(world.inspectors[0]!.device, 'inspector', { certNo: CERTS[0] });
    await syncOnce(inspectorDb, client(world.inspectors[0]!.device));
    const mine = await domainOf(inspectorDb);
    expect(mine.tariff?.table.entries.length).toBe(SAMPLE.entries.length);
    expect(mine.inspectors.map((i) => i.certNo)).toEqual([...CERTS, 'HD-101'].sort());
    expect(mine.entities.map((e) => e.uscc).sort()).toEqual(world.cases.filter((c) => c.inspectors.includes(CERTS[0]!)).map((c) => c.uscc).sort());

    // The office corrects the position of one of the inspector's targets after the draw: the inspector's
    // map gets it; a target of no case of theirs in the same district stays off their device.
    const theirs = world.cases.find((c) => c.inspectors.includes(CERTS[0]!))!.uscc;
    await syncOnce(officeDb, client(officeDevice));
    const row = (await officeDb.entities.get(theirs))!;
    await putListRows(officeDb, 'entities', [{ ...row, lng: 116.3101, lat: 39.9921 }, entity(14)], 'edit');
    await syncOnce(officeDb, client(officeDevice));
    await syncOnce(inspectorDb, client(world.inspectors[0]!.device));
    expect(await inspectorDb.entities.get(theirs)).toMatchObject({ lng: 116.3101, lat: 39.9921 });
    expect(await inspectorDb.entities.get(entity(14).uscc)).toBeUndefined();
  });

  it('a list row edited on two devices: arrival order wins, both values are kept as a conflict, the office settles it', async () => {
    const aToken = await world.hub.enrolled('office', 'office-a');
    const a = await laptop(aToken);
    const bDevice = await world.hub.enrolled('office', 'office-b');
    const b = await laptop(bDevice);
    await syncOnce(a, client(aToken));
    await syncOnce(b, client(bDevice));
    const row = (await a.entities.get(entity(1).uscc))!;
    await putListRows(a, 'entities', [{ ...row, address: 'A 改的地址' }], 'edit');
    await putListRows(b, 'entities', [{ ...row, address: 'B 改的地址' }], 'edit');
    expect(await syncOnce(a, client(aToken))).toMatchObject({ conflicts: 0 });
    expect(await syncOnce(b, client(bDevice))).toMatchObject({ conflicts: 1 });
    const [stored] = await world.hub.store.query<{ address: string }>('SELECT address FROM entities WHERE uscc = $1', [row.uscc]);
    expect(stored?.address).toBe('B 改的地址');
    const conflicts = await world.hub.store.query<{ kind: string; field: string; theirs: { value: Entity }; mine: { value: Entity } }>("SELECT kind, field, theirs, mine FROM conflicts WHERE kind = 'list-row'");
    expect(conflicts.map((k) => [k.field, k.theirs.value.address, k.mine.value.address])).toEqual([[`entities:${row.uscc}`, 'A 改的地址', 'B 改的地址']]);
    // The office settles it with A's value; every device ends with it.
    await syncOnce(a, client(aToken));
    const conflict = (await a.hubConflicts.toArray()).find((k) => k.row.kind === 'list-row')!;
    const { resolveConflict } = await import('../../../src-renderer/sync/mutators');
    await resolveConflict(a, conflict.key, { ...row, address: 'A 改的地址' });
    await syncOnce(a, client(aToken));
    await syncOnce(b, client(bDevice));
    expect((await b.entities.get(row.uscc))?.address).toBe('A 改的地址');
    expect((await a.entities.get(row.uscc))?.address).toBe('A 改的地址');
  });

  it('a draw made on an office laptop (recordDraw) travels whole: the lead lists it, fetches it and verifies it over its own lists; refused from an inspector and from a lead outside its district', async () => {
    const officeDevice = await world.hub.enrolled('office', 'office-draws');
    const officeDb = await laptop(officeDevice);
    await syncOnce(officeDb, client(officeDevice));
    const entities = await officeDb.entities.toArray();
    const inspectors = await officeDb.inspectors.toArray();
    const plan = { ...ALL_PLAN, name: '海淀区本机抽查', districts: ['海淀区'] };
    const result = runDraw({ entities, inspectors, plan, seed: '见证种子', drawnAt: '2026-03-02T02:00:00.000Z' });
    const id = '0190aaaa-0000-7000-8000-000000000001';
    // The commitment first (before the seed), then the draw: both kept here and queued in order.
    const planId = '0190aaaa-0000-7000-8000-0000000000c1';
    await commitPlan(officeDb, planId, parsePlan(plan), await makeCommitment(entities, inspectors, parsePlan(plan), new Date('2026-03-02T01:50:00.000Z')));
    await recordDraw(officeDb, id, result, '张科长');
    expect((await officeDb.outbox.toArray()).map((m) => m.name)).toEqual(['commitPlan', 'recordDraw']);
    expect(await officeDb.plans.get(planId)).toMatchObject({ id: planId, commitment: { planHash: result.record.planHash, entitiesHash: result.record.entitiesHash } });
    expect(await officeDb.draws.get(id)).toMatchObject({ id, drawnBy: '张科长', drawnAt: '2026-03-02T02:00:00.000Z' });
    expect(await syncOnce(officeDb, client(officeDevice))).toMatchObject({ pushed: 2, rejected: 0 });

    const leadDb = await laptop(world.lead.device, 'lead');
    await syncOnce(leadDb, client(world.lead.device));
    const listed = await leadDb.hubDraws.get(id);
    expect(listed?.row).toMatchObject({ id, district: '海淀区', cases: result.selected.length, by: 'office-draws', record: { planHash: result.record.planHash, outputHash: result.record.outputHash } });
    const whole = await client(world.lead.device).hubDraw(id);
    expect(whole.result).toEqual(result);
    expect(verifyDraw(whole.result, await leadDb.entities.toArray(), await leadDb.inspectors.toArray())).toEqual({ ok: true, differences: [] });

    // Refused, each with its reason, and nothing recorded: an inspector's draw, a lead's office-wide draw, a record whose plan was altered.
    const inspectorDb = await laptop(world.inspectors[0]!.device, 'inspector', { certNo: CERTS[0] });
    await recordDraw(inspectorDb, '0190aaaa-0000-7000-8000-000000000002', result, '检查员');
    expect(await syncOnce(inspectorDb, client(world.inspectors[0]!.device))).toMatchObject({ rejected: 1 });
    const wide = runDraw({ entities, inspectors, plan: ALL_PLAN, seed: '全市', drawnAt: '2026-03-02T02:00:00.000Z' });
    await recordDraw(leadDb, '0190aaaa-0000-7000-8000-000000000003', wide, '组长');
    const altered = { ...result, record: { ...result.record, plan: { ...result.record.plan, ratio: 0.6 } } };
    await recordDraw(leadDb, '0190aaaa-0000-7000-8000-000000000004', altered, '组长');
    expect(await syncOnce(leadDb, client(world.lead.device))).toMatchObject({ pushed: 0, rejected: 2 });
    // The lead sees the refusals of its district (its own two and the inspector's), each with its code and what it names.
    const refusals = (await leadDb.hubRejected.toArray()).map((r) => r.row as { name: string; code: string; params: unknown });
    expect(refusals.filter((r) => r.name === 'recordDraw').map((r) => [r.code, r.params])).toEqual(expect.arrayContaining([
      ['forbidden', { scope: '' }],
      ['invalid', { path: 'result.record.planHash', issue: 'custom' }],
      ['forbidden', {}],
    ]));
    expect(refusals).toHaveLength(3);
    const [count] = await world.hub.store.query<{ n: unknown }>("SELECT count(*) AS n FROM draws WHERE id::text LIKE '0190aaaa%'");
    expect(Number(count?.n)).toBe(1);
  });

  it("the office's inspection settings (types, bases, periods, tile source) reach every device; refused from a lead; the hub keeps each version and audits it", async () => {
    const officeDevice = await world.hub.enrolled('office', 'office-settings');
    const officeDb = await laptop(officeDevice);
    const settings: OfficeSettings = { ...defaultOfficeSettings(), tileSource: { url: 'https://t{s}.tiles.example.cn/{z}/{x}/{y}.png', subdomains: '0123', attribution: '© 某测绘局', minZoom: 5, maxZoom: 17 } };
    settings.legalBases.push({ code: 'basis-8', text: '《某市转供电价格管理办法》第三条' });
    settings.findingTypes.push({ code: 'type-8', label: '未按期退还多收电费', bases: ['basis-8'], active: true });
    settings.verificationYears['0.5S'] = 4;
    await putOfficeSettings(officeDb, settings);
    expect((await officeDb.officeSettings.get('inspection'))?.settings).toEqual(settings);
    expect(await syncOnce(officeDb, client(officeDevice))).toMatchObject({ pushed: 1, rejected: 0 });

    // An inspector's laptop gets them whole, with who saved them.
    const inspectorDb = await laptop(world.inspectors[0]!.device, 'inspector', { certNo: CERTS[0] });
    await syncOnce(inspectorDb, client(world.inspectors[0]!.device));
    expect(await inspectorDb.officeSettings.get('inspection')).toMatchObject({ key: 'inspection', settings, by: 'office-settings' });

    // A second version replaces the first on every device; the hub keeps both.
    await putOfficeSettings(officeDb, { ...settings, tileSource: null });
    await syncOnce(officeDb, client(officeDevice));
    await syncOnce(inspectorDb, client(world.inspectors[0]!.device));
    expect((await inspectorDb.officeSettings.get('inspection'))?.settings.tileSource).toBeNull();
    const versions = await world.hub.store.query<{ body: OfficeSettings }>("SELECT body FROM office_settings WHERE key = 'inspection' ORDER BY id");
    expect(versions.map((v) => v.body.tileSource?.subdomains ?? null)).toEqual(['0123', null]);
    const audited = await world.hub.store.query<{ action: string; subject: string }>("SELECT action, subject FROM audit_log WHERE subject = 'officeSettings:inspection' ORDER BY id");
    expect(audited.map((a) => a.action)).toEqual(['mutation.putOfficeSettings', 'mutation.putOfficeSettings']);

    // A lead may read them but not set them: refused, nothing stored.
    const leadDb = await laptop(world.lead.device, 'lead');
    await putOfficeSettings(leadDb, defaultOfficeSettings());
    expect(await syncOnce(leadDb, client(world.lead.device))).toMatchObject({ pushed: 0, rejected: 1 });
    expect((await leadDb.officeSettings.get('inspection'))?.settings.tileSource).toBeNull();
    const [count] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM office_settings');
    expect(Number(count?.n)).toBe(2);
  });

  it('property: any sequence of mutators, pushed and pulled onto a fresh device, gives the same domain data', async () => {
    const c = world.cases[0]!;
    const ops = fc.oneof(
      fc.record({ op: fc.constant('rows' as const), n: fc.integer({ min: 1, max: 6 }), district: fc.constantFrom('海淀区', '朝阳区'), action: fc.constantFrom('import' as const, 'edit' as const) }),
      fc.record({ op: fc.constant('inspectors' as const), n: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ op: fc.constant('deactivate' as const), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ op: fc.constant('tariff' as const), name: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '' && isCleanText(s)) }),
      fc.record({ op: fc.constant('mapping' as const), landlord: fc.constantFrom('甲', '乙', '丙'), col: fc.integer({ min: 1, max: 9 }) }),
      fc.record({ op: fc.constant('settings' as const), years: fc.integer({ min: 1, max: 20 }) }),
      fc.record({ op: fc.constant('finding' as const), title: fc.constantFrom('加价', '公摊', '未公示') }),
      fc.record({ op: fc.constant('edit' as const), detail: fc.constantFrom('一', '二', '三') }),
      fc.record({ op: fc.constant('submit' as const) }),
      fc.record({ op: fc.constant('review' as const), decision: fc.constantFrom('approved' as const, 'returned' as const) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { minLength: 1, maxLength: 12 }), async (sequence) => {
        run += 1;
        const writerDevice = await world.hub.enrolled('office', `office-w${run}`);
        const writer = await laptop(writerDevice);
        await syncOnce(writer, client(writerDevice));
        // Records are written by the case's team (a reviewer never records); each step syncs the device that did it.
        const member = world.inspectors.find((l) => c.inspectors.includes(CERTS[world.inspectors.indexOf(l)]!))!;
        const cert = CERTS[world.inspectors.indexOf(member)]!;
        const team = await laptop(member.device, 'inspector', { certNo: cert });
        await syncOnce(team, client(member.device));
        let made = 0;
        const findings: string[] = [];
        for (const step of sequence) {
          try {
            if (step.op === 'rows') {
              const rows = Array.from({ length: step.n }, (_, i) => ({ ...entity(1000 + ((run * 7 + made + i) % 9), step.district), name: `目标${run}-${made + i}` }));
              made += step.n;
              await putListRows(writer, 'entities', rows, step.action);
            } else if (step.op === 'inspectors') {
              await putListRows(writer, 'inspectors', Array.from({ length: step.n }, (_, i) => ({ ...inspector(`P-${run}-${i}`), name: `新检查员${made}` })), 'import');
            } else if (step.op === 'deactivate') {
              const some = (await writer.entities.toArray()).slice(0, step.n);
              for (const e of some) await setActive(writer, 'entities', e, !e.active);
            } else if (step.op === 'tariff') {
              await putTariffTable(writer, { ...SAMPLE, name: step.name }, `${step.name}.xlsx`);
            } else if (step.op === 'mapping') {
              await putLedgerMapping(writer, step.landlord, { fields: { tenant: step.col, kwh: step.col + 1 } });
            } else if (step.op === 'settings') {
              const settings = defaultOfficeSettings();
              settings.verificationYears['1'] = step.years;
              await putOfficeSettings(writer, settings);
            } else if (step.op === 'finding') {
              findings.push(await addRecord(team, c.id, 'finding', { title: step.title, detail: '', severity: 'minor', photos: [] }));
            } else if (step.op === 'edit' && findings.length > 0) {
              await editRecord(team, findings.at(-1)!, { detail: step.detail });
            } else if (step.op === 'submit') {
              await submitCase(team, c.id);
            } else if (step.op === 'review') {
              await syncOnce(writer, client(writerDevice));
              await reviewCase(writer, c.id, step.decision, '意见');
            }
          } catch (e) {
            // A refusal made here first (an approved case is frozen, a submitted one takes nothing new) is the hub's own.
            if (!(e instanceof Error && e.constructor.name === 'LocalRefusal')) throw e;
          }
          for (const [db, device] of [[team, member.device], [writer, writerDevice]] as const) expect(await syncOnce(db, client(device))).toMatchObject({ rejected: 0 });
        }
        const report = await syncOnce(writer, client(writerDevice));
        expect(report.rejected).toBe(0);
        expect(await writer.outbox.count()).toBe(0);
        const freshDevice = await world.hub.enrolled('office', `office-f${run}`);
        const fresh = await laptop(freshDevice);
        await syncOnce(fresh, client(freshDevice));
        expect(await domainOf(fresh)).toEqual(await domainOf(writer));
      }),
      { numRuns: 12, seed: 20261205 },
    );
  });
});

export type { Inspector };
