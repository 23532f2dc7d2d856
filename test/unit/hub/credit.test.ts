// Credit follow-up on the hub (issue 15): the office's rule stored per version and a senseless one refused
// with the reason; grade changes written onto the list row (credit changed, version bumped, pulled as a list
// change) and kept with reason, who and when, audited; the history pulled by the office's other devices.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCreditRule, type CreditRule } from '../../../src-shared/credit/rule';
import { openDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { putCreditRule, setCreditGrades } from '../../../src-renderer/sync/creditMutators';
import { syncOnce } from '../../../src-renderer/sync/engine';
import { HubClient } from '../../../src-renderer/sync/hubClient';
import { saveProfile } from '../../../src-renderer/state/profile';
import type { PushResult } from '../../../src-shared/sync/protocol';
import { describeHubRefusal } from '../../../src-renderer/i18n/errors';
import { appWords } from '../i18nWords';
import { STORES } from './stores';
import { entity, openWorld, replica, type World } from './syncWorld';

const RULE: CreditRule = { ...defaultCreditRule(), id: '0195d0a0-0000-7000-8000-00000000c001', name: '本局规则' };
const ALL_BLACK: CreditRule = { id: '0195d0a0-0000-7000-8000-00000000c002', name: '全黑', conditions: [{ when: { kind: 'findings', minCount: 1 }, grade: 'black' }], defaultGrade: 'black' };

describe.each(STORES)('credit grades on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it('stores the office rule per version, refuses one that makes every target 黑 with the reason, and only from the office', async () => {
    const pushed = await world.office.pushOk([
      world.office.mutation('putCreditRule', { rule: RULE }),
      world.office.mutation('putCreditRule', { rule: ALL_BLACK }),
      world.office.mutation('putCreditRule', { rule: { ...RULE, conditions: [] } }),
    ]);
    expect(pushed.results.map((r) => [r.outcome, r.code ?? null, r.params?.reason ?? null])).toEqual([
      ['applied', null, null], ['rejected', 'invalid', 'all-black'], ['rejected', 'invalid', 'empty'],
    ]);
    expect(pushed.results[1]?.message).toBe('按此规则所有检查对象都将被评为黑：每个条件和默认等级都是黑');
    // The 同步 page says it in the office's language, as the rule editor does.
    const refusal = (r: PushResult, name: string) => ({ name, code: r.code, params: r.params });
    expect(describeHubRefusal(await appWords('en'), refusal(pushed.results[1]!, 'putCreditRule'))).toBe('This rule makes every target black: every condition and the default are black');
    expect(describeHubRefusal(await appWords(), refusal(pushed.results[2]!, 'putCreditRule'))).toBe('规则至少要有一个条件（否则所有检查对象都是同一等级）');
    const byLead = await world.lead.pushOk([world.lead.mutation('putCreditRule', { rule: { ...RULE, id: randomUUID() } })]);
    expect(byLead.results[0]).toMatchObject({ outcome: 'rejected', code: 'forbidden' });
    const stored = await world.hub.store.query<{ rule_id: string; body: CreditRule }>('SELECT rule_id, body FROM credit_rules ORDER BY id');
    expect(stored.map((s) => [s.rule_id, s.body.name])).toEqual([[RULE.id, '本局规则']]);
    const pulled = replica(await world.lead.pullAll()).get('creditRules')?.get('current');
    expect(pulled).toMatchObject({ id: 'current', rule: RULE, by: 'office' });
  });

  it('changes the list row credit with a new version, keeps the change with user and reason, audits it, and the office pulls both', async () => {
    const target = entity(1);
    const [before] = await world.hub.store.query<{ version: unknown }>('SELECT version FROM entities WHERE uscc = $1', [target.uscc]);
    world.hub.clock.now = new Date('2026-10-24T02:30:00.000Z');
    const pushed = await world.office.pushOk([world.office.mutation('setCreditGrades', {
      changes: [{ uscc: target.uscc, grade: 'red', reason: '退费逾期 1 天', ruleId: RULE.id }, { uscc: entity(2).uscc, grade: null, reason: '重新评定' }],
    })]);
    expect(pushed.results[0]?.outcome).toBe('applied');
    const [row] = await world.hub.store.query<{ credit: string | null; version: unknown }>('SELECT credit, version FROM entities WHERE uscc = $1', [target.uscc]);
    expect(row?.credit).toBe('red');
    expect(Number(row?.version)).toBeGreaterThan(Number(before?.version));
    const changes = await world.hub.store.query<Record<string, unknown>>('SELECT uscc, from_grade, to_grade, reason, rule_id, username, at FROM credit_changes');
    // entity(2) had no grade: null → null is no change and leaves no history.
    expect(changes.map((c) => ({ ...c, at: new Date(c.at as string).toISOString() }))).toEqual([
      { uscc: target.uscc, from_grade: null, to_grade: 'red', reason: '退费逾期 1 天', rule_id: RULE.id, username: 'office', at: '2026-10-24T02:30:00.000Z' },
    ]);
    const audit = await world.hub.store.query<{ action: string; subject: string; after: unknown }>("SELECT action, subject, after FROM audit_log WHERE action = 'mutation.setCreditGrades'");
    expect(audit).toEqual([{ action: 'mutation.setCreditGrades', subject: 'credit:1', after: expect.objectContaining({ via: 'push', value: [{ uscc: target.uscc, credit: 'red', reason: '退费逾期 1 天', ruleId: RULE.id }] }) }]);
    const history = await world.hub.store.query<{ action: string; row: { credit: string } }>("SELECT action, row FROM list_history WHERE key = $1 ORDER BY id DESC LIMIT 1", [target.uscc]);
    expect(history.map((h) => [h.action, h.row.credit])).toEqual([['edit', 'red']]);
    const tables = replica(await world.lead.pullAll());
    expect(tables.get('entities')?.get(target.uscc)).toMatchObject({ credit: 'red' });
    expect([...(tables.get('creditChanges')?.values() ?? [])]).toEqual([{
      id: expect.any(String), uscc: target.uscc, from: null, to: 'red', reason: '退费逾期 1 天', ruleId: RULE.id, by: 'office', user: 'office', at: '2026-10-24T02:30:00.000Z', version: Number(row?.version),
    }]);
  });

  it('refuses a target not on the list (nothing applied) and a lead', async () => {
    const refused = await world.office.pushOk([world.office.mutation('setCreditGrades', {
      changes: [{ uscc: entity(1).uscc, grade: 'yellow', reason: '确认多收' }, { uscc: '91350100M000100Y43', grade: 'yellow', reason: '确认多收' }],
    })]);
    expect(refused.results[0]).toMatchObject({ outcome: 'rejected', code: 'not-found', params: { reason: 'unknown-target', uscc: '91350100M000100Y43' } });
    expect(describeHubRefusal(await appWords(), { name: 'setCreditGrades', code: refused.results[0]!.code, params: refused.results[0]!.params })).toBe('名录中没有统一社会信用代码为 91350100M000100Y43 的检查对象，请先加入检查对象名录');
    const byLead = await world.lead.pushOk([world.lead.mutation('setCreditGrades', { changes: [{ uscc: entity(1).uscc, grade: 'yellow', reason: '确认多收' }] })]);
    expect(byLead.results[0]).toMatchObject({ outcome: 'rejected', code: 'forbidden' });
    const blank = await world.office.pushOk([world.office.mutation('setCreditGrades', { changes: [{ uscc: entity(1).uscc, grade: 'yellow', reason: '  ' }] })]);
    expect(blank.results[0]).toMatchObject({ outcome: 'rejected', code: 'invalid' });
    const [n] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM credit_changes');
    expect(Number(n?.n)).toBe(0);
    const [row] = await world.hub.store.query<{ credit: string | null }>('SELECT credit FROM entities WHERE uscc = $1', [entity(1).uscc]);
    expect(row?.credit).toBeNull();
  });

  it("one office laptop applies a rule's change; the hub's copy replaces its own and reaches the other laptop", async () => {
    await world.hub.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(world.hub.app.server.address() as AddressInfo).port}`;
    const laptop = async (username: string, name: string) => {
      const device = await world.hub.enrolled('office', username);
      const db = openDb(`credit-${username}-${Math.random()}`);
      await saveProfile({ name, role: 'office', district: '海淀区', certNo: '' }, db);
      await saveAccount(db, { hubUrl: '', deviceId: device.deviceId, token: device.token, user: { id: device.userId, username, displayName: name, role: 'office', district: '海淀区', certNo: null } });
      const client = new HubClient(url, device.token);
      await syncOnce(db, client);
      return { db, client };
    };
    const desk = await laptop('office-desk', '陈科长');
    const other = await laptop('office-other', '李科员');
    const uscc = entity(3).uscc;
    await putCreditRule(desk.db, RULE);
    expect(await setCreditGrades(desk.db, [{ uscc, grade: 'yellow', reason: '经审核确认多收电费 117.66 元', ruleId: RULE.id }, { uscc: entity(4).uscc, grade: null, reason: '无变化' }])).toBe(1);
    expect((await desk.db.entities.get(uscc))?.credit).toBe('yellow');
    expect((await desk.db.creditChanges.toArray()).map((c) => [c.to, c.by, c.version])).toEqual([['yellow', '陈科长', 0]]);
    expect(await syncOnce(desk.db, desk.client)).toMatchObject({ rejected: 0 });
    // The hub's copy names the user as the hub knows them.
    const kept = await desk.db.creditChanges.toArray();
    expect(kept.map((c) => [c.uscc, c.from, c.to, c.reason, c.by, c.user, c.version > 0])).toEqual([[uscc, null, 'yellow', '经审核确认多收电费 117.66 元', 'office-desk', 'office-desk', true]]);
    await syncOnce(other.db, other.client);
    expect((await other.db.entities.get(uscc))?.credit).toBe('yellow');
    expect(await other.db.creditChanges.toArray()).toEqual(kept);
    expect((await other.db.creditRules.get('current'))?.rule).toEqual(RULE);
  });
});
