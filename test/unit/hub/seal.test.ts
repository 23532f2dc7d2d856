// The office's key on the hub (issue 13 §5): made on first use and kept sealed, its public part for every
// device; a document signed only from the hub's own records and only for those who may issue it; a
// rotation that keeps what the old key signed verifiable.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHub } from '../../../src-main/hub/server';
import { rotateOfficeKey } from '../../../src-main/hub/seal/officeKeys';
import type { RefundOrder } from '../../../src-shared/refund/order';
import { verifyEnvelope } from '../../../src-shared/seal/envelope';
import { parsePublicKeys, type OfficePublicKey } from '../../../src-shared/seal/officeKey';
import { drawSummary, publicationSummary, refundOrderSummary, reminderSummary } from '../../../src-shared/seal/summaries';
import type { SealSummary } from '../../../src-shared/seal/envelope';
import { reminderFor } from '../../../src-shared/refund/reminders';
import { workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import { defaultOfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { bearer, FIXTURE_SEAL_KEY } from './fixture';
import { issuedOrderOf, ledgerOf } from './refundWorld';
import { STORES } from './stores';
import { openWorld, teamOf, type World } from './syncWorld';

const PDF = 'cd'.repeat(32);
const LEDGER = ledgerOf([{ tenant: '奶茶店', month: '2026-01', chargedFen: 50000, lawfulFen: 41234, overchargeFen: 8766, lines: [3] }], 1);

interface KeysReply {
  keys: { fingerprint: string; pem: string; createdAt: string; retiredAt: string | null }[];
}

describe.each(STORES)('the office key and signed documents on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  const keys = async (token: string): Promise<{ reply: KeysReply; keys: OfficePublicKey[] }> => {
    const r = await world.hub.app.inject({ method: 'GET', url: '/api/v1/office-keys', headers: bearer(token) });
    expect(r.statusCode).toBe(200);
    const reply = r.json<KeysReply>();
    return { reply, keys: reply.keys.flatMap((k) => parsePublicKeys(k.pem).map((p) => ({ ...p, createdAt: k.createdAt, retiredAt: k.retiredAt }))) };
  };
  const seal = (token: string, body: Record<string, unknown>) => world.hub.app.inject({ method: 'POST', url: '/api/v1/documents/seal', headers: bearer(token), payload: body });

  /** An approved case, its ledger kept, and the order the office issued from it (numbered by the hub). */
  async function issuedOrder(): Promise<RefundOrder> {
    return { ...(await issuedOrderOf(world, LEDGER)), docNo: '市监价退〔2026〕1号' };
  }


  it('makes the key once, on first use, keeps its secret sealed and audited', async () => {
    const first = await keys(world.inspectors[0]!.device.token);
    expect(first.reply.keys).toHaveLength(1);
    expect(first.reply.keys[0]).toMatchObject({ retiredAt: null, createdAt: '2026-03-02T01:00:00.000Z' });
    expect(first.reply.keys[0]!.pem).toContain('-----BEGIN PUBLIC KEY-----');
    const again = await keys(world.office.device.token);
    expect(again.reply.keys.map((k) => k.fingerprint)).toEqual([first.keys[0]!.fingerprint]);
    const [row] = await world.hub.store.query<{ sealed_secret: string }>('SELECT sealed_secret FROM office_keys');
    // 12 bytes of nonce, 16 of tag, 32 of secret: never the secret alone.
    expect(Buffer.from(row!.sealed_secret, 'base64')).toHaveLength(60);
    const audited = await world.hub.store.query<{ action: string; subject: string }>("SELECT action, subject FROM audit_log WHERE action LIKE 'office-key.%'");
    expect(audited).toEqual([{ action: 'office-key.create', subject: `office-key:${first.keys[0]!.fingerprint}` }]);
  });

  it("signs a refund order from the hub's own record, for the office, once registered", async () => {
    const order = await issuedOrder();
    const { keys: officeKeys } = await keys(world.office.device.token);
    const key = officeKeys[0]!.fingerprint;
    const reply = await seal(world.office.device.token, { kind: 'refund-order', ref: order.id, pdf: PDF, key });
    expect(reply.statusCode).toBe(200);
    const { summary, envelope } = reply.json<{ summary: unknown; envelope: string }>();
    expect(summary).toEqual(refundOrderSummary(order, { issuer: '', key, pdf: PDF }));
    expect(verifyEnvelope(envelope, officeKeys)).toEqual({ ok: true, summary, key: officeKeys[0] });
    // The same file again: the same signature, registered and audited once.
    const twice = await seal(world.lead.device.token, { kind: 'refund-order', ref: order.id, pdf: PDF, key });
    expect(twice.json<{ envelope: string }>().envelope).toBe(envelope);
    const register = await world.hub.store.query<{ kind: string; ref: string; key: string }>('SELECT kind, ref, key FROM issued_documents');
    expect(register).toEqual([{ kind: 'refund-order', ref: order.id, key }]);
    const audited = await world.hub.store.query<{ subject: string }>("SELECT subject FROM audit_log WHERE action = 'document.seal'");
    expect(audited).toEqual([{ subject: `document:${PDF}` }]);
  });

  it('refuses an inspector, an unknown document, a stale key, an unsigned record; signs the draw record', async () => {
    const order = await issuedOrder();
    const { keys: officeKeys } = await keys(world.office.device.token);
    const key = officeKeys[0]!.fingerprint;
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const byInspector = await seal(member.device.token, { kind: 'refund-order', ref: order.id, pdf: PDF, key });
    expect([byInspector.statusCode, byInspector.json<{ error: string }>().error]).toEqual([403, 'forbidden']);
    const unknown = await seal(world.office.device.token, { kind: 'refund-order', ref: randomUUID(), pdf: PDF, key });
    expect([unknown.statusCode, unknown.json<{ error: string }>().error]).toEqual([404, 'not-found']);
    const stale = await seal(world.office.device.token, { kind: 'refund-order', ref: order.id, pdf: PDF, key: 'ef'.repeat(16) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'seal-refused', reason: 'stale-key', params: { key } });
    const bad = await seal(world.office.device.token, { kind: 'refund-order', ref: 'not-a-uuid', pdf: PDF, key });
    expect(bad.statusCode).toBe(400);
    // An on-site record its party has not signed yet is not issued (another case: the first is approved, frozen).
    const open = world.cases[1]!;
    const team = teamOf(world, open).member;
    const recordId = randomUUID();
    const record = {
      supplementOf: null, startedAt: '2026-09-28T02:00:00.000Z', place: '配电房',
      party: { name: open.entityName, uscc: open.uscc, address: open.address, representative: '张经理', title: '', phone: '' },
      inspectors: open.inspectors.map((certNo) => ({ certNo, name: certNo })), sections: [{ heading: '检查情况', lines: ['总表一块'] }], covers: [],
    };
    const added = await team.pushOk([team.mutation('addRecord', { id: recordId, caseId: open.id, kind: 'onSiteRecord', data: record })]);
    expect(added.results[0]?.outcome).toBe('applied');
    const unsigned = await seal(team.device.token, { kind: 'onsite-record', ref: recordId, pdf: PDF, key });
    expect(unsigned.json()).toMatchObject({ error: 'seal-refused', reason: 'unsigned-record' });
    // The draw the lead made on the hub: signed from the hub's record of it.
    const [draw] = await world.hub.store.query<{ id: string; record: Parameters<typeof drawSummary>[1] }>('SELECT id, record FROM draws');
    const drawn = await seal(world.lead.device.token, { kind: 'draw-notice', ref: draw!.id, pdf: PDF, key });
    expect(drawn.statusCode).toBe(200);
    expect(drawn.json<{ summary: unknown }>().summary).toEqual(drawSummary('draw-notice', draw!.record, { issuer: '', key, pdf: PDF }));
  });

  it('signs a publication and a reminder from what the hub holds of them', async () => {
    const order = await issuedOrder();
    const c = world.cases[0]!;
    const { keys: officeKeys } = await keys(world.office.device.token);
    const key = officeKeys[0]!.fingerprint;
    const publication = { id: randomUUID(), drawId: c.drawId, publishedOn: '2026-09-30', channel: '门户网站', entries: [{ caseId: c.id, category: 'refund-ordered', note: '' }] };
    expect((await world.office.pushOk([world.office.mutation('publishResults', { publication })])).results[0]?.outcome).toBe('applied');
    const published = await seal(world.lead.device.token, { kind: 'publication', ref: publication.id, pdf: PDF, key });
    expect(published.statusCode).toBe(200);
    const summary = published.json<{ summary: SealSummary }>().summary;
    expect(summary).toEqual(publicationSummary({ id: publication.id, planName: '测试抽查', publishedOn: '2026-09-30', channel: '门户网站', entries: [{ uscc: c.uscc, category: 'refund-ordered' }] }, { issuer: '', key, pdf: PDF }));
    expect(summary.figures.slice(0, 4)).toEqual([{ label: '抽查计划', value: '测试抽查' }, { label: '公示对象数', value: '1' }, { label: '其中责令退还', value: '1' }, { label: '公示渠道', value: '门户网站' }]);
    // The order is overdue after 2026-10-23: a reminder, signed from the hub's own event and order.
    world.hub.clock.now = new Date('2026-10-26T02:00:00.000Z');
    const reminder = reminderFor(order, [], '2026-10-26', 5, workdayCalendarOf(defaultOfficeSettings()))!;
    expect(reminder).toMatchObject({ deadline: '2026-11-02', tenants: [{ tenant: '奶茶店', remainingFen: 8766 }] });
    const eventId = randomUUID();
    const event = { id: eventId, orderId: order.id, tenant: '', kind: 'reminded', amountFen: 0, paidOn: null, proof: null, note: '', reminder };
    expect((await world.office.pushOk([world.office.mutation('recordRefundEvent', { event })])).results[0]?.outcome).toBe('applied');
    const reminded = await seal(world.office.device.token, { kind: 'refund-reminder', ref: eventId, pdf: PDF, key });
    expect(reminded.json<{ summary: unknown }>().summary).toEqual(reminderSummary(order, reminder, { issuer: '', key, pdf: PDF }));
    const byInspector = await seal(teamOf(world, c).member.device.token, { kind: 'publication', ref: publication.id, pdf: PDF, key });
    expect(byInspector.statusCode).toBe(403);
  });

  it('rotates: the new key signs, the old one stays listed (retired) and what it signed verifies', async () => {
    const order = await issuedOrder();
    const before = await keys(world.office.device.token);
    const old = before.keys[0]!.fingerprint;
    const signed = (await seal(world.office.device.token, { kind: 'refund-order', ref: order.id, pdf: PDF, key: old })).json<{ envelope: string }>().envelope;
    world.hub.clock.now = new Date('2026-10-01T00:00:00.000Z');
    const fresh = await rotateOfficeKey(world.hub.store, FIXTURE_SEAL_KEY, { userId: null, deviceId: null }, world.hub.clock.now);
    const after = await keys(world.office.device.token);
    expect(after.reply.keys.map((k) => [k.fingerprint, k.retiredAt])).toEqual([[fresh, null], [old, '2026-10-01T00:00:00.000Z']]);
    expect(verifyEnvelope(signed, after.keys)).toMatchObject({ ok: true, key: { fingerprint: old, retiredAt: '2026-10-01T00:00:00.000Z' } });
    const stale = await seal(world.office.device.token, { kind: 'refund-order', ref: order.id, pdf: PDF, key: old });
    expect(stale.json()).toMatchObject({ reason: 'stale-key', params: { key: fresh } });
    const renewed = await seal(world.office.device.token, { kind: 'refund-order', ref: order.id, pdf: 'ef'.repeat(32), key: fresh });
    expect(verifyEnvelope(renewed.json<{ envelope: string }>().envelope, after.keys)).toMatchObject({ ok: true, key: { fingerprint: fresh } });
    // A rotation with another seal key would leave the key in force unusable: refused, nothing changed.
    await expect(rotateOfficeKey(world.hub.store, new Uint8Array(32).fill(9), { userId: null, deviceId: null }, world.hub.clock.now)).rejects.toThrow('cannot be unsealed');
    expect((await keys(world.office.device.token)).reply.keys).toHaveLength(2);
  });

  it('without a seal key the hub lists keys but signs nothing, and says so', async () => {
    const hub = await createHub({ store: world.hub.store, now: () => world.hub.clock.now });
    try {
      const listed = await hub.inject({ method: 'GET', url: '/api/v1/office-keys', headers: bearer(world.office.device.token) });
      expect(listed.json()).toEqual({ keys: [] });
      const refused = await hub.inject({ method: 'POST', url: '/api/v1/documents/seal', headers: bearer(world.office.device.token), payload: { kind: 'refund-order', ref: randomUUID(), pdf: PDF, key: 'ab'.repeat(16) } });
      expect([refused.statusCode, refused.json<{ error: string }>().error]).toEqual([503, 'seal-unavailable']);
    } finally {
      await hub.close();
    }
  });
});
