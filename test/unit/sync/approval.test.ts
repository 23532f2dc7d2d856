// On the office's laptop: an approval is refused before it is queued while a conflict about the case is
// open or its on-site record lacks a signature; the office reads why, and nothing was written.
import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../src-shared/i18n/errors';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { describeError } from '../../../src-renderer/i18n/errors';
import { saveAccount } from '../../../src-renderer/sync/account';
import { reviewCase } from '../../../src-renderer/sync/mutators';

const CASE = '0195d0a0-0000-7000-8000-00000000ca5f';
const RECORD = '0195d0a0-0000-7000-8000-00000000ca60';

async function office(): Promise<TariffDb> {
  const db = openDb(`approval-${Math.random()}`);
  await saveAccount(db, { hubUrl: '', deviceId: '0195d0a0-0000-7000-8000-0000000000d2', token: 't', user: { id: 'u', username: 'chen', displayName: '陈科长', role: 'office', district: '鼓楼区', certNo: null } });
  await db.cases.put({ id: CASE, drawId: CASE, uscc: '91350100M000100Y43', entityName: '万象城', address: '', district: '鼓楼区', subdistrict: '', inspectors: ['GL-001', 'GL-002'], status: 'submitted', reviewNote: '', missingMedia: [], version: 3 });
  const onSite = { supplementOf: null, startedAt: '2026-03-02T01:00:00.000Z', place: '配电房', party: { name: '万象城', uscc: '91350100M000100Y43', address: '', representative: '赵经理', title: '', phone: '' }, inspectors: [{ certNo: 'GL-001', name: '王检查' }, { certNo: 'GL-002', name: '李检查' }], sections: [], covers: [] };
  await db.records.put({ id: RECORD, caseId: CASE, kind: 'onSiteRecord', data: onSite, signature: null, createdBy: 'wang', createdAt: '2026-03-02T01:00:00.000Z', version: 3 });
  await db.hubConflicts.put({ key: 'k1', version: 4, row: { id: 'k1', caseId: CASE, resolvedAt: null } });
  return db;
}

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: errorMessages['zh-CN'] } }, keySeparator: false, interpolation: { escapeValue: false } });
});

describe('approving on the laptop', () => {
  it('is refused with every reason while a conflict is open and the record unsigned; returning is not', async () => {
    const db = await office();
    const error = await reviewCase(db, CASE, 'approved', '').catch((e: unknown) => e);
    expect(describeError(i18next.t, error)).toBe('暂不能审核通过：本案还有 1 个冲突未处理（请先在“冲突处理”中处理）；现场检查笔录尚未签字完整（缺：王检查、李检查、赵经理）');
    expect(await db.outbox.count()).toBe(0);
    expect((await db.cases.get(CASE))?.status).toBe('submitted');
    // A conflict settled here (its resolution waiting to be pushed) no longer holds the approval back.
    await db.hubConflicts.put({ key: 'k1', version: 4, row: { id: 'k1', caseId: CASE, resolvedAt: null, resolution: { value: 'x', pending: true } } });
    const again = await reviewCase(db, CASE, 'approved', '').catch((e: unknown) => e);
    expect(describeError(i18next.t, again)).toBe('暂不能审核通过：现场检查笔录尚未签字完整（缺：王检查、李检查、赵经理）');
    await reviewCase(db, CASE, 'returned', '请补签');
    expect((await db.cases.get(CASE))?.status).toBe('returned');
    expect((await db.outbox.toArray()).map((m) => m.name)).toEqual(['reviewCase']);
  });
});
