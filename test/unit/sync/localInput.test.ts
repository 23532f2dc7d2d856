// On the laptop: hostile text is refused at input by the shared schemas, the outbox and the records are
// left as they were, and the user reads the refusal in Chinese (never zod's English or a pattern).
import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../src-shared/i18n/errors';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { describeError } from '../../../src-renderer/i18n/errors';
import { saveAccount } from '../../../src-renderer/sync/account';
import { addRecord, editRecord, signRecord, submitCase } from '../../../src-renderer/sync/mutators';
import { putListRows } from '../../../src-renderer/sync/referenceMutators';
import { syncUiMessages } from '../../../src-renderer/i18n/syncUi';

const CASE = '0195d0a0-0000-7000-8000-00000000ca5e';
const HOSTILE = [['a NUL', '前\u0000后'], ['a lone surrogate', '表情\uD83D']] as const;

async function laptop(): Promise<TariffDb> {
  const db = openDb(`local-input-${Math.random()}`);
  await saveAccount(db, { hubUrl: '', deviceId: '0195d0a0-0000-7000-8000-0000000000d1', token: 't', user: { id: 'u', username: 'wang', displayName: '王检查', role: 'inspector', district: '鼓楼区', certNo: 'GL-001' } });
  await db.cases.put({ id: CASE, drawId: CASE, uscc: '91350100M000100Y43', entityName: '万象城', address: '', district: '鼓楼区', subdistrict: '', inspectors: ['GL-001'], status: 'assigned', reviewNote: '', missingMedia: [], version: 1 });
  return db;
}

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { ...errorMessages['zh-CN'], ...syncUiMessages['zh-CN'] } } }, keySeparator: false, interpolation: { escapeValue: false } });
});

describe.each(HOSTILE)('text with %s typed on the laptop', (_, text) => {
  it('a finding is refused at input, nothing written, and the reason names the field in Chinese', async () => {
    const db = await laptop();
    const error = await addRecord(db, CASE, 'finding', { title: text, detail: '', severity: 'major', photos: [] }).catch((e: unknown) => e);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records.count()).toBe(0);
    expect(describeError(i18next.t, error)).toBe('“问题”含有无效字符（空字符或残缺的表情、生僻字编码），请删除后重新输入');
  });

  it('an edit whose key holds it is refused at input; the record keeps its data', async () => {
    const db = await laptop();
    const id = await addRecord(db, CASE, 'meterReading', { meterNo: 'M-1', reading: '12.5', note: '' });
    const error = await editRecord(db, id, { [text]: 'x' }).catch((e: unknown) => e);
    // The record's own schema refuses first: no such field (the key is no field of a meter reading).
    expect(describeError(i18next.t, error)).toBe('含有不认识的字段');
    expect((await db.records.get(id))?.data).toEqual({ meterNo: 'M-1', reading: '12.5', note: '' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('a list row is refused at input with the whole batch', async () => {
    const db = await laptop();
    const row = { uscc: '91350100M000100Y43', name: text, kind: 'mall' as const, district: '鼓楼区', subdistrict: '', address: '', lng: null, lat: null, tenantCount: null, contact: '', phone: '', credit: null, lastInspectors: [], active: true };
    await expect(putListRows(db, 'entities', [row], 'create')).rejects.toThrow();
    expect(await db.entities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('schema words', () => {
  it('a reading in the wrong format reads as a Chinese sentence, not a pattern', async () => {
    const db = await laptop();
    const error = await addRecord(db, CASE, 'meterReading', { meterNo: 'M-1', reading: '12.34567', note: '' }).catch((e: unknown) => e);
    expect(describeError(i18next.t, error)).toBe('“读数”格式不正确');
  });
});

describe('who may record in a case, on the laptop as on the hub', () => {
  it('a reviewer\'s device is told it cannot record or sign; nothing is written', async () => {
    const db = await laptop();
    const id = await addRecord(db, CASE, 'finding', { title: '加价', detail: '', severity: 'major', photos: [] });
    await saveAccount(db, { hubUrl: '', deviceId: '0195d0a0-0000-7000-8000-0000000000d2', token: 't', user: { id: 'v', username: 'li', displayName: '李组长', role: 'lead', district: '鼓楼区', certNo: 'GL-900' } });
    const outbox = await db.outbox.count();
    const refused = await addRecord(db, CASE, 'finding', { title: '组长加的', detail: '', severity: 'major', photos: [] }).catch((e: unknown) => e);
    expect(describeError(i18next.t, refused)).toBe('只有本案检查组成员可以记录和签字；审核人员只能查看和审核。');
    const signed = await signRecord(db, id, { signer: '李组长', image: 'c'.repeat(64), signedAt: '2026-03-02T01:00:00.000Z' }).catch((e: unknown) => e);
    expect(describeError(i18next.t, signed)).toBe('只有本案检查组成员可以记录和签字；审核人员只能查看和审核。');
    expect(await db.outbox.count()).toBe(outbox);
    expect((await db.records.get(id))?.signature).toBeNull();
  });

  it('a submitted case takes nothing new until it is returned', async () => {
    const db = await laptop();
    await submitCase(db, CASE);
    const refused = await addRecord(db, CASE, 'finding', { title: '补一条', detail: '', severity: 'major', photos: [] }).catch((e: unknown) => e);
    expect(describeError(i18next.t, refused)).toBe('案件已提交审核，退回前不能再添加或修改记录。');
    expect(await db.records.count()).toBe(0);
    await db.cases.update(CASE, { status: 'returned' });
    await addRecord(db, CASE, 'finding', { title: '补一条', detail: '', severity: 'major', photos: [] });
    expect(await db.records.count()).toBe(1);
  });
});

describe('the storage quota running out', () => {
  it('an import that meets a full disk stores nothing (rows, history, outbox) and says so in Chinese', async () => {
    const db = await laptop();
    const rows = ['91350100M000100Y43', '91350102MA2YGX6G8N'].map((uscc) => ({ uscc, name: '万象城', kind: 'mall' as const, district: '鼓楼区', subdistrict: '', address: '', lng: null, lat: null, tenantCount: null, contact: '', phone: '', credit: null, lastInspectors: [], active: true }));
    let writes = 0;
    // The second row's write is refused by the browser, as a full disk refuses it.
    db.entities.hook('creating', () => {
      if (++writes === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await putListRows(db, 'entities', rows, 'import').catch((e: unknown) => e);
    expect(describeError(i18next.t, error)).toBe('本机存储空间已满，这次的内容没有保存（已保存的内容不受影响）。请释放磁盘空间后重试。');
    expect([await db.entities.count(), await db.listHistory.count(), await db.outbox.count()]).toEqual([0, 0, 0]);
  });
});
