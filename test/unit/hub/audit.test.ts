import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../../src-main/hub/audit/auditLog';
import { canonicalJson, type Json } from '../../../src-shared/canonicalJson';
import { entryHash, GENESIS_HASH } from '../../../src-main/hub/audit/chain';
import { writeTransaction } from '../../../src-main/hub/store/writeTransaction';
import { STORES, type TestStore } from './stores';

const AT = new Date('2026-03-02T01:00:00.000Z');
const ACTOR = { userId: null, deviceId: null };

describe('audit chain hashing', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: '检' }] })).toBe('{"a":[{"c":"检","d":null}],"b":1}');
  });

  it('hash = SHA-256 of prev hash + canonical JSON', () => {
    const content = { at: AT.toISOString(), actorUser: null, actorDevice: null, action: 'a', subject: 's', before: null, after: { x: 1 } };
    expect(entryHash(GENESIS_HASH, content)).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, content)).not.toBe(entryHash(GENESIS_HASH, { ...content, after: { x: 2 } }));
  });
});

function versionOf(after: Json | null): number {
  if (after === null || typeof after !== 'object' || Array.isArray(after) || typeof after.version !== 'number') throw new Error('no version');
  return after.version;
}

describe.each(STORES)('audit log on $name', (factory) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await factory.open();
    for (let i = 1; i <= 5; i++) {
      await writeTransaction(t.store, ACTOR, AT, (w) => w.audit({ action: 'test.write', subject: `thing:${i}`, before: { n: i - 1 }, after: { n: i, 名: '检查' } }));
    }
  });
  afterEach(() => t.dispose());

  it('an untouched chain verifies', async () => {
    expect(await verifyAudit(t.store)).toEqual({ ok: true, entries: 5 });
    const entries = await listAudit(t.store, 0, 10);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
  });

  it('concurrent writers still make one unbroken chain and one counter step each', async () => {
    const before = await listAudit(t.store, 0, 100);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => writeTransaction(t.store, ACTOR, AT, (w) => w.audit({ action: 'test.parallel', subject: `p:${i}`, after: { version: w.version } }))),
    );
    expect(await verifyAudit(t.store)).toEqual({ ok: true, entries: before.length + 12 });
    const versions = (await listAudit(t.store, before.at(-1)!.id, 100)).map((e) => versionOf(e.after));
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => 6 + i));
  });

  it('an edited entry is named', async () => {
    const third = (await listAudit(t.store, 0, 10))[2]!;
    await t.store.query(`UPDATE audit_log SET after = '{"n": 99}' WHERE id = $1`, [third.id]);
    expect(await verifyAudit(t.store)).toEqual({ ok: false, entries: 2, badEntryId: third.id, reason: 'hash-mismatch' });
  });

  it('an edited entry with its hash recomputed breaks the next link', async () => {
    const [, second, third] = await listAudit(t.store, 0, 10);
    const { id: _id, prevHash, hash: _hash, ...content } = second!;
    const forged = entryHash(prevHash, { ...content, after: { n: 99 } });
    await t.store.query(`UPDATE audit_log SET after = '{"n": 99}', hash = $2 WHERE id = $1`, [second!.id, forged]);
    expect(await verifyAudit(t.store)).toEqual({ ok: false, entries: 2, badEntryId: third!.id, reason: 'chain-broken' });
  });

  it('a deleted entry is detected at the one after it', async () => {
    const [, second, third] = await listAudit(t.store, 0, 10);
    await t.store.query('DELETE FROM audit_log WHERE id = $1', [second!.id]);
    expect(await verifyAudit(t.store)).toEqual({ ok: false, entries: 1, badEntryId: third!.id, reason: 'chain-broken' });
  });

  it('a deleted last entry is detected by the head', async () => {
    const last = (await listAudit(t.store, 0, 10))[4]!;
    await t.store.query('DELETE FROM audit_log WHERE id = $1', [last.id]);
    expect(await verifyAudit(t.store)).toEqual({ ok: false, entries: 4, badEntryId: last.id, reason: 'missing-tail' });
  });
});
